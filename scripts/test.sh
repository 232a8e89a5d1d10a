#!/usr/bin/env bash
# Every test: the Maven build with its tests (parser, translator, generator, runtime on embedded
# Flink, differential tests against real Pig), then the Python tests with real Airflow.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# The corpus tier: tests over the shared corpus beside the repository (../shared/corpus, there in CI) run
# only when it is there — the Maven profile `corpus` switches on by itself, pytest selects `-m corpus` tests.
if [ -d "$root/../shared/corpus" ]; then
  echo "== corpus tier: ../shared/corpus found, the corpus tests run too"
  corpus_filter=()
else
  echo "== corpus tier NOT RUN: no ../shared/corpus beside the repository (tests over the project's own inputs still run)"
  corpus_filter=(-m "not corpus")
fi
scripts/setup.sh --with-tests
echo "== jars of real Oozie's EL evaluator (the EL oracle of runtime/python/tests/test_el_oracle.py)"
# One Maven run resolves them all: a throwaway POM with each jar as a dependency without its own.
oracle_pom=$(mktemp -d)/pom.xml
{
  echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
  echo '<groupId>dev.ferry</groupId><artifactId>el-oracle-jars</artifactId><version>0</version><dependencies>'
  grep -v '^#' runtime/python/tests/oracle/jars.txt | grep . | while IFS=: read -r group artifact version; do
    echo "<dependency><groupId>$group</groupId><artifactId>$artifact</artifactId><version>$version</version>"
    echo '<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>'
  done
  echo '</dependencies></project>'
} >"$oracle_pom"
mvn -B -q -f "$oracle_pom" dependency:resolve
rm -r "$(dirname "$oracle_pom")"
echo "== ruff (runtime package, e2e, bench)"
.venv/bin/ruff check runtime/python e2e bench
.venv/bin/ruff format --check runtime/python e2e bench
echo "== mypy (runtime package; settings in runtime/python/pyproject.toml)"
(cd runtime/python && ../../.venv/bin/mypy)
# e2e/test_preview.py loads `ferry preview`'s page in a real headless Chromium: Debian's package, driven by
# Playwright from the venv (Playwright's own browser download is never used).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing chromium (Debian package) for the preview test"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "== chromium is missing (install Debian's chromium package as root): e2e/test_preview.py will fail"
  fi
fi
echo "== pytest (runtime package, generated DAGs in real Airflow)"
# Two runs: each test directory has its own conftest module, which one interpreter cannot import twice.
export FERRY_RUNTIME_JAR="$root/runtime/target/ferry-runtime.jar"
.venv/bin/pytest -q runtime/python/tests
.venv/bin/pytest -q "${corpus_filter[@]}" e2e
