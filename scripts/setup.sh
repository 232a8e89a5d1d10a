#!/usr/bin/env bash
# Installs what Ferry needs on a fresh machine with a JDK 17, Maven and Python 3.10+:
# the Maven build (runtime jar, CLI) and a Python venv (.venv) with real Airflow and ferry_runtime.
# Usage: scripts/setup.sh [--with-tests]   (without it, the Java build skips its tests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import airflow, ferry_runtime, hmsclient, thrift, dockerfile_parse, playwright, mypy' 2>/dev/null; then
  echo "== creating .venv with Airflow (pinned in runtime/python/requirements.txt)"
  python3 -m venv .venv
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -r runtime/python/requirements.txt
  .venv/bin/pip install -q -e runtime/python
fi

if [ "${1:-}" = "--with-tests" ]; then
  echo "== Maven build with tests"
  mvn -B -q install
else
  echo "== Maven build"
  mvn -B -q install -DskipTests
fi
