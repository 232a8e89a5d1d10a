#!/usr/bin/env bash
# Prints Ferry's parse and conversion throughput on reproducible inputs (the shared corpus and the
# sample repository). Usage: bench/run.sh [iterations]   (builds the project first if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$root/bench/target/ferry-bench.jar" ]; then
  mvn -B -q -f "$root/pom.xml" -DskipTests -pl bench -am package
fi
exec java -cp "$root/bench/target/ferry-bench.jar:$(cat "$root/bench/target/classpath.txt")" \
  dev.ferry.bench.ConversionBench "$root" "${1:-20}"
