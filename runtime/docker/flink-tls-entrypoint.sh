#!/usr/bin/env bash
# Entry point of the Flink pods of a FlinkDeployment submitted with TLS on (FERRY_FLINK_TLS_SECRET;
# `kubernetes.entry.path` names this file). Flink reads keystore passwords only from its
# configuration, and the configuration the operator mounts is a ConfigMap that anyone allowed to
# read ConfigMaps or FlinkDeployments can read. So the password reaches the pod as the variable
# FERRY_TLS_PASSWORD (a secretKeyRef to the TLS Secret), and this script writes a private copy of
# the configuration with it (mode 600, under /tmp, an emptyDir), points FLINK_CONF_DIR at the copy
# (Flink's kubernetes-jobmanager.sh and kubernetes-taskmanager.sh read it from there) and starts
# the image's own entry point.
set -euo pipefail

fail() {
  echo "flink-tls-entrypoint: $*" >&2
  exit 78 # EX_CONFIG
}

password=${FERRY_TLS_PASSWORD-}
[ -n "$password" ] || fail "FERRY_TLS_PASSWORD is empty or not set: the TLS Secret needs a 'password' key"
case $password in
  *$'\n'* | *$'\r'*) fail "the TLS password holds a line break, which Flink's configuration cannot carry" ;;
esac

source_dir=${FLINK_CONF_DIR:-${FLINK_HOME:-/opt/flink}/conf}
[ -f "$source_dir/config.yaml" ] || fail "no $source_dir/config.yaml (Flink 2 configuration) to add the TLS passwords to"

umask 077
conf_dir=$(mktemp -d "${TMPDIR:-/tmp}/flink-conf.XXXXXX")
# The ConfigMap's files are symbolic links into a hidden ..data directory: copy what they point to.
for file in "$source_dir"/*; do
  [ -f "$file" ] && cp -L "$file" "$conf_dir/"
done

# One YAML single-quoted scalar: a quote inside is written twice, nothing else is special.
quoted="'${password//\'/\'\'}'"
{
  printf '\n# Added at container start from the TLS Secret (never stored in the ConfigMap).\n'
  for scope in internal rest; do
    for key in keystore-password key-password truststore-password; do
      printf 'security.ssl.%s.%s: %s\n' "$scope" "$key" "$quoted"
    done
  done
} >>"$conf_dir/config.yaml"

export FLINK_CONF_DIR=$conf_dir
unset FERRY_TLS_PASSWORD
exec "${FERRY_FLINK_ENTRYPOINT:-/docker-entrypoint.sh}" "$@"
