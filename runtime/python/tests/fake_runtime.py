"""Stands in for `java -jar ferry-runtime.jar` in tests: the same CLI contract, no Flink.

--script FILE --param NAME=VALUE (repeatable) --param-env NAME=ENV_VAR (repeatable)
--prepare-delete PATH --prepare-mkdir PATH --parallelism N --default-fs URI. Exit 0 success, 1 job
failed, 2 usage error; errors as
`ferry-runtime: error: <message>` on stderr.

Behaviour comes from the script: a line `-- fake: fail <message>` makes the job fail with that
message (after printing some progress); otherwise the job "runs" and writes the parameter OUTPUT
(a directory) with a _SUCCESS file. Every call is appended as JSON to $FERRY_FAKE_RUNTIME_RECORD.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def main(argv: list[str]) -> int:
    parser = Parser(prog="ferry-runtime")
    parser.add_argument("--script", required=True)
    parser.add_argument("--param", action="append", default=[])
    parser.add_argument("--param-env", action="append", default=[])
    parser.add_argument("--prepare-delete", action="append", default=[])
    parser.add_argument("--prepare-mkdir", action="append", default=[])
    parser.add_argument("--parallelism", type=int)
    parser.add_argument("--default-fs")
    try:
        args = parser.parse_args(argv)
        params = dict(_binding(item) for item in args.param)
        for item in args.param_env:
            name, variable = _binding(item)
            if variable not in os.environ:
                raise UsageError(
                    f"--param-env {item}: the environment variable {variable} is not set"
                )
            params[name] = os.environ[variable]
        script = Path(args.script).read_text(encoding="utf-8")
    except (UsageError, OSError) as exc:
        print(f"ferry-runtime: error: {exc}", file=sys.stderr)
        return 2
    record = os.environ.get("FERRY_FAKE_RUNTIME_RECORD")
    if record:
        with open(record, "a", encoding="utf-8") as out:
            out.write(json.dumps({"argv": argv, "cwd": os.getcwd(), "params": params}) + "\n")
    for path in args.prepare_delete:
        shutil.rmtree(path, ignore_errors=True)
    for path in args.prepare_mkdir:
        Path(path).mkdir(parents=True, exist_ok=True)
    print(f"ferry-runtime: running {args.script} with {len(params)} parameters", flush=True)
    for line in script.splitlines():
        if line.startswith("-- fake: fail "):
            print("ferry-runtime: job started", flush=True)
            print("ferry-runtime: error: stage 1 failed", file=sys.stderr, flush=True)
            message = line.removeprefix("-- fake: fail ")
            print(f"ferry-runtime: error: {message}", file=sys.stderr, flush=True)
            return 1
    if "OUTPUT" in params:
        output = Path(params["OUTPUT"])
        output.mkdir(parents=True, exist_ok=True)
        (output / "_SUCCESS").write_text("", encoding="utf-8")
    print("ferry-runtime: job finished", flush=True)
    return 0


def _binding(item: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name:
        raise UsageError(f"--param {item!r}: expected NAME=VALUE")
    return name, value


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
