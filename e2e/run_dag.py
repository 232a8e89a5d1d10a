"""Runs one generated DAG in real Airflow on the local backend: `ferry_runtime.local_run` (what
`ferry run` calls) with the runtime jar of this source tree; see that module for the options."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ferry_runtime.local_run import main, prepare_airflow, run

__all__ = ["main", "prepare_airflow", "run"]

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("FERRY_RUNTIME_JAR", str(ROOT / "runtime" / "target" / "ferry-runtime.jar"))

if __name__ == "__main__":
    sys.exit(main())
