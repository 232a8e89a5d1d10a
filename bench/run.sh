#!/usr/bin/env bash
# Ferry's benchmarks as users pay them: whole `ferry convert` processes, JVM start included, printed as
# a table of medians with min-max (wall, CPU, peak RSS). Rows: the JVM floor (`java -version`), one app
# cold, synthetic repositories of 10 / 100 / 1,000 apps (10,000 with --large), one Pig script of
# 1 KB ... 10 MB. Builds the project first if needed.
#   bench/run.sh [--runs N] [--large] [--only floor,cold,apps,pig] [--jvm-option OPT]...
#   bench/run.sh --in-jvm [ITERATIONS]    # warmed-up parse and conversion rates inside one JVM
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$root/bench/target/ferry-bench.jar" ] || [ ! -f "$root/cli/target/ferry-cli.jar" ]; then
  mvn -B -q -f "$root/pom.xml" -DskipTests -pl bench,cli -am package
fi
if [ "${1:-}" = "--in-jvm" ]; then
  exec java -cp "$root/bench/target/ferry-bench.jar:$(cat "$root/bench/target/classpath.txt")" \
    dev.ferry.bench.ConversionBench "$root" "${2:-20}"
fi
exec python3 "$root/bench/bench.py" "$@"
