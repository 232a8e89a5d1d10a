"""An Oozie action that runs in a container of its own, as the generated DAG describes it.

java, map-reduce (plain, streaming, pipes), spark, sqoop, distcp, hive and hive2 become one
Kubernetes pod per run. The container runs `PRELUDE` with the action's argv as its arguments: like
Oozie's launcher, it first builds a working directory (action.xml from the configuration, the
carried scripts, `<file>`s and `<archive>`s fetched with `hadoop fs`), runs the `<prepare>` steps,
then the command; for capture-output it hands the properties the main wrote to Airflow through the
KubernetesPodOperator's XCom sidecar (/airflow/xcom/return.json). Everything here is pure: the
operator lives in `pod_kubernetes`, imported only when a DAG builds a pod task.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

from ferry_runtime.actions import java_properties
from ferry_runtime.errors import ActionFailed

# Oozie <prepare> child -> the shell line the prelude runs (Oozie: FileSystem.delete(path, true) and
# mkdirs; globs allowed in delete).
PREPARE_COMMANDS: Final[dict[str, str]] = {
    "delete": 'hadoop fs -rm -r -f -skipTrash "$path"',
    "mkdir": 'hadoop fs -mkdir -p "$path"',
}

# oozie.action.max.output.data's default: Oozie fails an action whose captured output is longer.
MAX_OUTPUT_CHARS: Final = 2048

XCOM_RESULT: Final = "/airflow/xcom/return.json"

# Env vars the prelude reads (besides the action's own).
ACTION_CONF_ENV: Final = "FERRY_ACTION_CONF"
PREPARE_ENV: Final = "FERRY_PREPARE"
FILES_ENV: Final = "FERRY_FILES"
ARCHIVES_ENV: Final = "FERRY_ARCHIVES"
CARRIED_NAME_ENV: Final = "FERRY_CARRIED_NAME_"
CARRIED_FILE_ENV: Final = "FERRY_CARRIED_FILE_"

# Runs as `sh -c PRELUDE oozie-action ARGV...`. Kept free of "{{", "{%" and "{#": KPO renders
# `cmds` as a Jinja template.
PRELUDE: Final = r"""set -eu
work="${FERRY_WORKDIR:-/tmp/oozie-action}"
mkdir -p "$work"
cd "$work"
tab="$(printf '\t')"
if [ -n "${FERRY_ACTION_CONF:-}" ]; then printf '%s\n' "$FERRY_ACTION_CONF" > action.xml; fi
n=1
while eval "test -n \"\${FERRY_CARRIED_NAME_$n:-}\""; do
  eval "printf '%s' \"\$FERRY_CARRIED_FILE_$n\" > \"\$FERRY_CARRIED_NAME_$n\""
  n=$((n + 1))
done
source_of() {
  case "$1" in
    /*|*://*) printf '%s' "$1" ;;
    *) printf '%s/%s' "${OOZIE_WF_APPLICATION_PATH:?relative $1 needs the app path}" "$1" ;;
  esac
}
split_entry() {
  case "$1" in
    *'#'*) src="${1%'#'*}"; link="${1##*'#'}" ;;
    *) src="$1"; link="$(basename "$1")" ;;
  esac
}
printf '%s\n' "${FERRY_PREPARE:-}" | while IFS="$tab" read -r op path; do
  case "$op" in
    delete) echo "prepare: delete $path"; hadoop fs -rm -r -f -skipTrash "$path" ;;
    mkdir) echo "prepare: mkdir $path"; hadoop fs -mkdir -p "$path" ;;
    '') ;;
    *) echo "unknown prepare step $op" >&2; exit 2 ;;
  esac
done
printf '%s\n' "${FERRY_FILES:-}" | while read -r entry; do
  [ -n "$entry" ] || continue
  split_entry "$entry"
  echo "file: $src -> $link"
  hadoop fs -get -f "$(source_of "$src")" "$link"
done
printf '%s\n' "${FERRY_ARCHIVES:-}" | while read -r entry; do
  [ -n "$entry" ] || continue
  split_entry "$entry"
  echo "archive: $src -> $link/"
  hadoop fs -get -f "$(source_of "$src")" ".archive.$link"
  mkdir -p "$link"
  case "$src" in
    *.zip|*.jar) unzip -q -o ".archive.$link" -d "$link" ;;
    *.tar.gz|*.tgz) tar -xzf ".archive.$link" -C "$link" ;;
    *.tar) tar -xf ".archive.$link" -C "$link" ;;
    *) echo "archive $src: unknown format" >&2; exit 2 ;;
  esac
  rm -f ".archive.$link"
done
set +e
if [ "${FERRY_WAIT_FOR_MAPREDUCE_JOB:-}" = true ]; then
  submitted="$("$@")"
  rc=$?
  printf '%s\n' "$submitted"
  job="$(printf '%s\n' "$submitted" | sed -n 's/.*Created job \(job_[0-9_]*\).*/\1/p' | head -n 1)"
  if [ "$rc" -eq 0 ] && [ -z "$job" ]; then echo "no job id in the submit output" >&2; rc=1; fi
  while [ "$rc" -eq 0 ]; do
    state="$(mapred job -status "$job" | sed -n 's/^Job state: *//p')"
    case "$state" in
      SUCCEEDED) echo "$job SUCCEEDED"; break ;;
      FAILED|KILLED) echo "$job $state" >&2; rc=1 ;;
      *) sleep "${FERRY_MAPREDUCE_POLL_SECONDS:-10}" ;;
    esac
  done
else
  "$@"
  rc=$?
fi
set -e
if [ -n "${OOZIE_ACTION_OUTPUT_PROPERTIES:-}" ]; then
  xcom="${FERRY_XCOM_DIR:-/airflow/xcom}"
  mkdir -p "$xcom"
  if [ -f "$OOZIE_ACTION_OUTPUT_PROPERTIES" ]; then
    text="$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e "s/$tab/\\\\t/g" -e 's/\r$//' \
      "$OOZIE_ACTION_OUTPUT_PROPERTIES" | awk 'BEGIN { ORS = "\\n" } { print }')"
    printf '{"properties": "%s"}' "$text" > "$xcom/return.json"
  else
    printf '{"properties": null}' > "$xcom/return.json"
  fi
fi
exit "$rc"
"""


@dataclass(frozen=True)
class PodAction:
    """One Oozie action as a container. Strings are Jinja, rendered when the task runs."""

    node: str
    action_type: str
    image: str
    command: tuple[str, ...]
    env: Mapping[str, str] = field(default_factory=dict)
    # (env var, Kubernetes Secret, key): values never appear in the DAG
    secret_env: tuple[tuple[str, str, str], ...] = ()
    configuration: Mapping[str, str] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    archives: tuple[str, ...] = ()
    # (path relative to repo, name in the working directory)
    carried: tuple[tuple[str, str], ...] = ()
    repo: Path | None = None
    prepare: tuple[tuple[str, str], ...] = ()
    capture_output: bool = False
    memory_mb: str | None = None
    vcores: str | None = None

    def __post_init__(self) -> None:
        if not self.command:
            raise ValueError(f"action '{self.node}': empty command")
        for operation, _path in self.prepare:
            if operation not in PREPARE_COMMANDS:
                raise ValueError(
                    f"action '{self.node}': unknown <prepare> operation {operation!r} "
                    f"(expected one of {', '.join(PREPARE_COMMANDS)})"
                )
        if self.carried and self.repo is None:
            raise ValueError(f"action '{self.node}': carried files need the repo directory")


def configuration_xml(configuration: Mapping[str, object]) -> str:
    """A Hadoop configuration file (what Oozie writes as action.xml), properties sorted by name."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<configuration>"]
    for name in sorted(configuration):
        lines.append(
            f"  <property><name>{escape(name)}</name>"
            f"<value>{escape(str(configuration[name]))}</value></property>"
        )
    lines.append("</configuration>")
    return "\n".join(lines)


def prelude_env(
    *,
    configuration: Mapping[str, object],
    prepare: Sequence[Sequence[str]],
    files: Sequence[str],
    archives: Sequence[str],
    carried: Sequence[tuple[str, str]],
) -> dict[str, str]:
    """The env vars PRELUDE reads, from rendered values; `carried` is (name, content)."""
    env: dict[str, str] = {ACTION_CONF_ENV: configuration_xml(configuration)}
    for _operation, path in prepare:
        if "\t" in str(path) or "\n" in str(path):
            raise ActionFailed(f"<prepare> path {path!r} has a tab or newline", "POD_FAILED")
    if prepare:
        env[PREPARE_ENV] = "\n".join(f"{operation}\t{path}" for operation, path in prepare)
    if files:
        env[FILES_ENV] = "\n".join(str(f) for f in files)
    if archives:
        env[ARCHIVES_ENV] = "\n".join(str(a) for a in archives)
    for n, (name, content) in enumerate(carried, start=1):
        env[f"{CARRIED_NAME_ENV}{n}"] = name
        env[f"{CARRIED_FILE_ENV}{n}"] = content
    return env


def action_data(result: object) -> dict[str, str]:
    """wf:actionData of a capture-output action from its pod's XCom result; fails like Oozie."""
    text = result.get("properties") if isinstance(result, Mapping) else None
    if text is None:
        return {}
    if len(text) > MAX_OUTPUT_CHARS:
        raise ActionFailed(
            f"captured output is {len(text)} characters, more than Oozie's "
            f"oozie.action.max.output.data ({MAX_OUTPUT_CHARS})",
            "OUTPUT_TOO_LARGE",
        )
    return java_properties.loads(str(text))


def pod_name(node: str) -> str:
    """A DNS-1123 pod name stem from the node name (KPO adds a random suffix)."""
    stem = re.sub(r"[^a-z0-9-]+", "-", node.lower()).strip("-")
    return (stem or "oozie-action")[:50].rstrip("-")
