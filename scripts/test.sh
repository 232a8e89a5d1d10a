#!/usr/bin/env bash
# Every test: the Maven build with its tests (parser, translator, generator, runtime on embedded
# Flink, differential tests against real Pig), then the Python tests with real Airflow.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh --with-tests
echo "== jars of real Oozie's EL evaluator (the EL oracle of runtime/python/tests/test_el_oracle.py)"
grep -v '^#' runtime/python/tests/oracle/jars.txt | grep . | while read -r artifact; do
  mvn -B -q dependency:get -Dtransitive=false -Dartifact="$artifact"
done
echo "== ruff (runtime package)"
.venv/bin/ruff check runtime/python e2e
.venv/bin/ruff format --check runtime/python e2e
echo "== pytest (runtime package, generated DAGs in real Airflow)"
# Two runs: each test directory has its own conftest module, which one interpreter cannot import twice.
export FERRY_RUNTIME_JAR="$root/runtime/target/ferry-runtime.jar"
.venv/bin/pytest -q runtime/python/tests
.venv/bin/pytest -q e2e
