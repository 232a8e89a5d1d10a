"""The contract between the generator and the runtime, checked against the real Python signatures.

Every `ferry_runtime` call a generated DAG makes (`oozie.shell(...)`, `janitor.*`, ...) and every EL
helper its Jinja templates call (`wf.conf(...)`, `coord.data_in(...)`, `el.add(...)`) must bind to
the signature of the function it names: its name exists, its keyword names are parameters, its
positional count fits. The DAGs are the real CLI's output for the sample, the e2e apps, an app with
every Oozie action kind (parser/.../owned/every-action) and, when it is there, the shared corpus.

The EL function table is one file, ferry_runtime/el/functions.tsv, read by the runtime and bundled
into the translator (ElFunctionTable): the converter's copy must be the runtime's, and each callable
must take the arity the translator calls it with.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import jinja2.nodes
import pytest

from ferry_runtime import sla
from ferry_runtime.el.functions import EL_FUNCTIONS, macros

from conftest import CLI_JAR, ROOT, SAMPLE, assert_ruff_clean

EVERY_ACTION = ROOT / "parser" / "src" / "test" / "resources" / "oozie" / "owned" / "every-action"
CORPUS_EXAMPLES = ROOT.parent / "shared" / "corpus" / "oozie-examples"
EL_TABLE = ROOT / "runtime" / "python" / "ferry_runtime" / "el" / "functions.tsv"

# Runtime functions whose `**keywords` go on to another function (their docstrings say so): the
# keywords a DAG passes must bind to that one.
FORWARDS: dict[str, Callable[..., Any]] = {
    "ferry_runtime.oozie.action_sla": sla.sla_spec,
    "ferry_runtime.oozie.workflow_sla": sla.sla_spec,
}


def every_action_repo(target: Path) -> Path:
    """The owned every-action app, with the Pig script and the sub-workflow it names supplied."""
    app = target / "every-action"
    shutil.copytree(EVERY_ACTION, app)
    (app / "id.pig").write_text("A = LOAD '$INPUT' AS (x:chararray);\nSTORE A INTO '$OUTPUT';\n")
    child = target / "apps" / "child"
    child.mkdir(parents=True)
    (child / "workflow.xml").write_text(
        '<workflow-app xmlns="uri:oozie:workflow:1.0" name="child">\n'
        '    <start to="end"/>\n    <end name="end"/>\n</workflow-app>\n'
    )
    return target


@pytest.fixture(scope="module")
def generated_dags(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn install` first (scripts/test.sh does)")
    work = tmp_path_factory.mktemp("contract")
    repos = {
        "sample": SAMPLE,
        "e2e-apps": ROOT / "e2e" / "apps",
        "every-action": every_action_repo(work / "every-action-repo"),
    }
    if CORPUS_EXAMPLES.is_dir():
        repos["corpus"] = CORPUS_EXAMPLES
    dags: list[Path] = []
    for name, repo in repos.items():
        out = work / "out" / name
        result = subprocess.run(
            ["java", "-jar", str(CLI_JAR), "convert", str(repo), "-o", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"{name} does not convert:\n{result.stderr}"
        written = sorted((out / "dags").glob("*.py"))
        assert written, f"{name}: no DAG written"
        dags += written
    return dags


def runtime_imports(tree: ast.Module) -> dict[str, str]:
    """Local name → module, for `from ferry_runtime import x` and `import ferry_runtime.x as y`."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ferry_runtime"):
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("ferry_runtime"):
                    names[alias.asname or alias.name] = alias.name
    return names


def dotted(expr: ast.expr) -> list[str] | None:
    """`a.b.c` → ["a", "b", "c"]; None for anything that is not a plain dotted name."""
    if isinstance(expr, ast.Name):
        return [expr.id]
    if isinstance(expr, ast.Attribute):
        head = dotted(expr.value)
        return None if head is None else [*head, expr.attr]
    return None


def resolve(qualified: str) -> Any:
    """`ferry_runtime.oozie.shell` → the object: the longest importable module, then attributes."""
    parts = qualified.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            target = getattr(target, attribute)
        return target
    raise ImportError(qualified)


def bind_problem(name: str, function: Any, positional: int, keywords: list[str]) -> str | None:
    """Why `function(<positional> values, <keywords>=...)` would not bind; None when it binds."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError) as error:
        return f"{name}: no signature ({error})"
    values = dict.fromkeys(keywords)
    try:
        bound = signature.bind(*([None] * positional), **values)
    except TypeError as error:
        return f"{name}({positional} positional, {', '.join(keywords) or 'no keywords'}): {error}"
    rest = next(
        (
            bound.arguments.get(p.name, {})
            for p in signature.parameters.values()
            if p.kind is p.VAR_KEYWORD
        ),
        {},
    )
    if rest:
        if name not in FORWARDS:
            return f"{name} takes **keywords ({', '.join(rest)}) unchecked: add it to FORWARDS"
        return bind_problem(f"{name} → {FORWARDS[name].__name__}", FORWARDS[name], 0, list(rest))
    return None


def python_calls(source: str) -> Iterator[tuple[str, int, list[str], int]]:
    """(qualified runtime name, positional count, keyword names, line) of every runtime call."""
    tree = ast.parse(source)
    imports = runtime_imports(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = dotted(node.func)
        if name is None or name[0] not in imports:
            continue
        if any(isinstance(a, ast.Starred) for a in node.args) or any(
            k.arg is None for k in node.keywords
        ):
            yield ".".join([imports[name[0]], *name[1:]]), -1, [], node.lineno
            continue
        keywords = [k.arg for k in node.keywords if k.arg is not None]
        yield ".".join([imports[name[0]], *name[1:]]), len(node.args), keywords, node.lineno


def template_calls(source: str) -> Iterator[tuple[str, int, list[str]]]:
    """(EL helper name, positional count, keyword names) of every call in the Jinja templates."""
    environment = jinja2.Environment()
    namespaces = macros()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if "{{" not in node.value and "{%" not in node.value:
            continue
        for call in environment.parse(node.value).find_all(jinja2.nodes.Call):
            target = call.node
            if isinstance(target, jinja2.nodes.Getattr) and isinstance(
                target.node, jinja2.nodes.Name
            ):
                name = f"{target.node.name}.{target.attr}"
            elif isinstance(target, jinja2.nodes.Name):
                name = target.name
            else:
                continue
            if name.split(".")[0] in namespaces:
                yield name, len(call.args), [k.key for k in call.kwargs]


def macro(name: str) -> Any:
    """`wf.conf` → the bound method the DAG's user_defined_macros provide."""
    head, _, attribute = name.partition(".")
    target = macros()[head]
    return getattr(target, attribute) if attribute else target


def problems_of(source: str) -> list[str]:
    problems = []
    for name, positional, keywords, line in python_calls(source):
        try:
            function = resolve(name)
        except (ImportError, AttributeError):
            problems.append(f"line {line}: {name} does not exist")
            continue
        if positional >= 0 and (problem := bind_problem(name, function, positional, keywords)):
            problems.append(f"line {line}: {problem}")
    for name, positional, keywords in template_calls(source):
        try:
            function = macro(name)
        except (KeyError, AttributeError):
            problems.append(f"template: {name} does not exist")
            continue
        if problem := bind_problem(name, function, positional, keywords):
            problems.append(f"template: {problem}")
    return problems


GOOD = """
from ferry_runtime import oozie
x = oozie.shell("a", command="true", ok="end", error="fail")
y = oozie.action_sla(x, nominal_time="{{ coord.nominal_time() }}", should_end="10")
z = oozie.kill("fail", message="{{ wf.error_message(wf.last_error_node()) }}")
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (GOOD, []),
        (
            'from ferry_runtime import oozie\noozie.shel("a")\n',
            ["line 2: ferry_runtime.oozie.shel does not exist"],
        ),
        (
            'from ferry_runtime import oozie\noozie.kill("k", mesage="m")\n',
            [
                "line 2: ferry_runtime.oozie.kill(1 positional, mesage): "
                "missing a required argument: 'message'"
            ],
        ),
        (
            'from ferry_runtime import oozie as o\no.end("a", "b")\n',
            [
                "line 2: ferry_runtime.oozie.end(2 positional, no keywords): "
                "too many positional arguments"
            ],
        ),
        (
            'from ferry_runtime import oozie\noozie.action_sla(None, nominal_time="", late="2")\n',
            [
                "line 2: ferry_runtime.oozie.action_sla → sla_spec(0 positional, nominal_time, "
                "late): got an unexpected keyword argument 'late'"
            ],
        ),
        (
            'x = "{{ wf.conf() }}"\n',
            ["template: wf.conf(0 positional, no keywords): missing a required argument: 'name'"],
        ),
        ("x = \"{{ wf.confs('a') }}\"\n", ["template: wf.confs does not exist"]),
        (
            "x = \"{{ coord.data_in('a', 'b') }}\"\n",
            ["template: coord.data_in(2 positional, no keywords): too many positional arguments"],
        ),
    ],
)
def test_checker_finds_what_does_not_bind(source: str, expected: list[str]) -> None:
    assert problems_of(source) == expected


def test_every_generated_runtime_call_binds(generated_dags: list[Path]) -> None:
    problems = []
    seen: set[str] = set()
    for dag in generated_dags:
        source = dag.read_text(encoding="utf-8")
        seen |= {name for name, *_ in python_calls(source)} | {
            name for name, *_ in template_calls(source)
        }
        problems += [f"{dag.name}: {problem}" for problem in problems_of(source)]
    assert problems == []
    # Each action kind's task call is among what was checked (the inputs hold every kind).
    kinds = {
        "shell",
        "ssh",
        "git",
        "fs",
        "email",
        "sub_workflow",
        "pod_action",
        "flink_sql_job",
        "decision",
        "kill",
    }
    assert {f"ferry_runtime.oozie.{kind}" for kind in kinds} <= seen


def test_generated_dags_are_ruff_clean(generated_dags: list[Path]) -> None:
    # The every-action app's DAG included: each task kind's call as the printer lays it out.
    assert_ruff_clean(sorted({dag.parent for dag in generated_dags}))


def translator_el_table() -> bytes:
    """The EL function table the converter reads: the one bundled in its translator jar."""
    jars = sorted((CLI_JAR.parent / "lib").glob("ferry-translator-*.jar"))
    assert jars, f"no translator jar beside {CLI_JAR}"
    with zipfile.ZipFile(jars[0]) as jar:
        return jar.read("dev/ferry/translator/el/functions.tsv")


def test_the_converter_reads_the_runtime_el_table() -> None:
    # One table (functions.tsv) for both: the converter's copy is the runtime's, byte for byte.
    assert translator_el_table() == EL_TABLE.read_bytes()


def test_el_functions_bind_with_the_arity_the_translator_calls_them_with() -> None:
    # `empty` is an operator in Oozie's EL; the translator lowers it itself (ElLowering).
    rows = {row.oozie: (row.jinja, row.arity) for row in EL_FUNCTIONS if row.oozie != "empty"}
    assert len(rows) > 40
    problems = [
        problem
        for el, (name, arity) in rows.items()
        if (problem := bind_problem(f"{el} → {name}", macro(name), arity, []))
    ]
    assert problems == []
