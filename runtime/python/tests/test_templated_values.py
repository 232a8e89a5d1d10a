"""Templated fields hold values from the legacy repository: Airflow renders them as Jinja, and an
operator with `template_ext` reads a value ending in one of its extensions as a template *file*
under the DAG folder. No runtime operator may do that: `<command>run.sh</command>` is a command."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from ferry_runtime import oozie


def _dag_with(tmp_path: Path, build):  # type: ignore[no-untyped-def]
    from airflow.sdk import DAG

    with DAG(
        "templated_values",
        schedule=None,
        start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
        template_searchpath=[str(tmp_path)],
        user_defined_macros=oozie.macros(run_configuration={}),
    ) as dag:
        build()
    return dag


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("command", "run.sh"),
        ("command", "/opt/jobs/run.sh"),
        ("arguments", "deploy.bash"),
    ],
)
def test_ssh_values_ending_like_a_script_are_values_not_template_files(
    tmp_path: Path, field: str, value: str
) -> None:
    # A file of that name in the template search path: before, its rendered text replaced the value.
    planted = tmp_path / value.lstrip("/")
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_text("rm -rf {{ 7 * 7 }}")
    dag = _dag_with(
        tmp_path,
        lambda: oozie.ssh(
            "remote",
            ssh_conn_id="ssh_gateway",
            command=value if field == "command" else "true",
            arguments=[("arg", value)] if field == "arguments" else [],
            ok="end",
            error="end",
        ),
    )
    task = dag.get_task("remote.run")
    env = dag.get_template_env()
    rendered = task.render_template(getattr(task, field), {}, env)
    expected = value if field == "command" else [["arg", value]]
    assert rendered == expected


def test_no_runtime_operator_reads_templated_values_as_files() -> None:
    """Every operator class of the package (a provider's base may bring extensions of its own)."""
    import importlib
    import pkgutil

    import ferry_runtime
    from ferry_runtime._airflow import BaseOperator

    classes = {}
    for info in pkgutil.walk_packages(ferry_runtime.__path__, "ferry_runtime."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseOperator)
                and value.__module__ == info.name
            ):
                classes[value.__qualname__] = tuple(value.template_ext)
    assert "RunActionPod" in classes
    assert {name: ext for name, ext in classes.items() if ext} == {}
