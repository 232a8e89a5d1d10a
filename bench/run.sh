#!/usr/bin/env bash
# Ferry's benchmarks as users pay them: whole `ferry convert` processes, JVM start included, printed as
# a table of medians with min-max (wall, CPU, peak RSS). Rows: the JVM floor (`java -version`), one app
# cold, synthetic repositories of 10 / 100 / 1,000 apps (10,000 with --large), one Pig script of
# 1 KB ... 10 MB, the sample's Pig scripts on 1M rows (10M with --large) in real Pig and as translated Flink jobs.
# Builds the project first if needed. The README's "Performance" section explains the rows.
#   bench/run.sh --cold                   # one app cold against the JVM floor (10 runs)
#   bench/run.sh [--runs N] [--large] [--only floor,cold,apps,pig,xml,o2a,jobs,pigmix] [--jvm-option OPT]...
#   bench/run.sh --in-jvm [ITERATIONS]    # warmed-up parse and conversion rates inside one JVM
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# The bench, the CLI, and for the job rows real Pig (the oracle module) and the Flink job runner (runtime).
for jar in bench/target/ferry-bench.jar cli/target/ferry-cli.jar oracle/target/ferry-oracle.jar runtime/target/ferry-runtime.jar; do
  if [ ! -f "$root/$jar" ]; then
    mvn -B -q -f "$root/pom.xml" -DskipTests -pl bench,cli,oracle,runtime -am package
    break
  fi
done
if [ "${1:-}" = "--in-jvm" ]; then
  exec java -cp "$root/bench/target/ferry-bench.jar:$(cat "$root/bench/target/classpath.txt")" \
    dev.ferry.bench.ConversionBench "$root" "${2:-20}"
fi
exec python3 "$root/bench/bench.py" "$@"
