"""Oozie EL function -> the Jinja expression a generated DAG calls: the one table (functions.tsv).

The generator rewrites `${wf:errorMessage(wf:lastErrorNode())}` as
`{{ wf.error_message(wf.last_error_node()) }}`; `macros()` provides the objects these names live
on. A function missing here is not supported at run time and must get a diagnostic at conversion.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Final

from ferry_runtime.el.datasets import Coordinator, CoordinatorFunctions
from ferry_runtime.el.fn import BasicFunctions
from ferry_runtime.el.fs import FileSystemFunctions
from ferry_runtime.el.hadoop import HadoopFunctions
from ferry_runtime.el.operators import ElOperators
from ferry_runtime.el.wf import WorkflowFunctions
from ferry_runtime.hcat import HCatalogFunctions


@dataclass(frozen=True)
class ElFunction:
    oozie: str  # as written in workflow.xml, e.g. "wf:errorMessage"
    jinja: str  # callable in templates, e.g. "wf.error_message"
    note: str = ""
    arity: int = 1  # how many arguments the translator calls it with


def _load(table: str) -> tuple[ElFunction, ...]:
    """The rows of functions.tsv (see its header): EL name, callable, arity, the translator's result
    type and caveat, and the note on what the helper does."""
    lines = [line for line in table.splitlines() if line and not line.startswith("#")]
    rows = []
    for line in lines[1:]:
        oozie, jinja, arity, _type, _caveat, note = line.split("\t")
        rows.append(ElFunction(oozie, jinja, note, int(arity)))
    return tuple(rows)


# The table the translator reads too (ElFunctionTable bundles the same file): one source for both.
EL_FUNCTIONS: Final[tuple[ElFunction, ...]] = (
    *_load(files("ferry_runtime.el").joinpath("functions.tsv").read_text(encoding="utf-8")),
    # The EL `empty` operator: the translator lowers it itself (ElLowering) to this helper.
    ElFunction("empty", "empty", "the EL `empty` operator"),
)

BY_OOZIE_NAME: Final[dict[str, ElFunction]] = {row.oozie: row for row in EL_FUNCTIONS}


def macros(
    run_configuration: Mapping[str, str] | None = None, coordinator: Coordinator | None = None
) -> dict[str, Any]:
    """The DAG's `user_defined_macros`: the namespaces every `jinja` name above lives in, plus
    `el`, the EL operators with their coercions (ferry_runtime.el.operators).

    `run_configuration` holds the properties the coordinator sets per run (its `<configuration>`),
    as Jinja templates rendered when `wf.conf` reads them; `coordinator` its datasets and data
    events, for coord:dataIn and friends.
    """
    workflow = WorkflowFunctions(run_configuration or {})
    operators = ElOperators()
    return {
        "wf": workflow,
        "coord": CoordinatorFunctions(coordinator, workflow),
        "fn": BasicFunctions(),
        "fs": FileSystemFunctions(),
        "hadoop": HadoopFunctions(),
        "hcat": HCatalogFunctions(),
        "el": operators,
        "empty": operators.empty,
    }
