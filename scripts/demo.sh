#!/usr/bin/env bash
# The main job: build, convert samples/clickstream, run the generated DAG in real Airflow with the
# local backend (each Flink job on an embedded Flink through the runtime jar), show the results.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh

out="$root/out/clickstream"
echo "== ferry convert samples/clickstream -o out/clickstream"
java -jar cli/target/ferry-cli.jar convert samples/clickstream -o "$out"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data" && cp -r samples/clickstream/data "$work/data/clickstream"
echo "== airflow dags test clickstream_daily 2026-01-15T02:00:00+00:00 (local backend, data copied to $work)"
.venv/bin/python e2e/run_dag.py --repo "$out" --dag clickstream_daily --logical-date 2026-01-15T02:00:00+00:00 \
  --conf "{\"nameNode\": \"file://$work\"}"

rm -rf "$root/out/clickstream-data"
cp -r "$work/data/clickstream/out" "$root/out/clickstream-data"
echo
echo "== results (first lines of each output)"
for f in $(find "$root/out/clickstream-data" -type f ! -name '.*' ! -name '_*' | sort); do
  echo "-- ${f#$root/}"
  head -n 5 "$f"
done
echo
echo "Migrated repository: out/clickstream (dags/, flink/, k8s/), report: out/clickstream/report.md"
echo "Job outputs: out/clickstream-data"
