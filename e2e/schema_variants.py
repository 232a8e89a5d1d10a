"""Older-schema variants of the corpus apps, written from the 1.0 originals by a few textual rules.

Oozie's workflow schemas 0.3-0.5 differ from 1.0 in what concerns these apps only by name: an action
names its cluster `<job-tracker>` (1.0: `<resource-manager>`) and has no `<launcher>` settings; each
action extension has older versions that declare the same elements. Coordinators 0.1 and 0.2 share
the elements the corpus uses. Every variant is checked by Ferry against Oozie's own XSD of its
version, so a rule that produced an invalid file fails the test rather than passing unseen.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

# Oozie's oldest version of each action extension the corpus uses (oozie-client 5.2.1 XSDs).
# git-action only exists as 1.0, so the git app has no older variant.
OLDEST_EXTENSION = {
    "shell-action": "0.1",
    "ssh-action": "0.1",
    "email-action": "0.1",
    "distcp-action": "0.1",
    "spark-action": "0.1",
    "sqoop-action": "0.2",
    "hive-action": "0.2",
    "hive2-action": "0.1",
}
WORKFLOW_VERSIONS = ("0.3", "0.4", "0.5")
COORDINATOR_VERSIONS = ("0.1", "0.2")
NO_OLDER_VARIANT = {"git"}
# Apps whose app-paths point at a sibling app of the examples' apps/ directory: converted with it.
WITH_SIBLINGS = {"bundle": ["aggregator"], "subwf": ["map-reduce"]}


def repository(corpus: Path, app: str, out: Path) -> Path:
    """A repository laid out as the examples' apps/ directory: the app and the siblings it names."""
    for name in [app, *WITH_SIBLINGS.get(app, [])]:
        shutil.copytree(corpus / name, out / name)
    return out


def workflow_variant(text: str, version: str) -> str:
    text = text.replace('xmlns="uri:oozie:workflow:1.0"', f'xmlns="uri:oozie:workflow:{version}"')
    text = re.sub(r"<(/?)resource-manager>", r"<\1job-tracker>", text)
    text = re.sub(r"\s*<launcher>.*?</launcher>", "", text, flags=re.DOTALL)
    for extension, oldest in OLDEST_EXTENSION.items():
        text = re.sub(
            rf'xmlns="uri:oozie:{extension}:[0-9.]+"',
            f'xmlns="uri:oozie:{extension}:{oldest}"',
            text,
        )
    if version != "0.5":
        # sla:info 0.2 came with workflow 0.5; SLA 0.1 has other elements: older variants have none.
        text = re.sub(r"\s*<sla:info>.*?</sla:info>", "", text, flags=re.DOTALL)
    if version == "0.3":
        # <parameters> came with 0.4.
        text = re.sub(r"\s*<parameters>.*?</parameters>", "", text, flags=re.DOTALL)
    return text


def coordinator_variant(text: str, version: str) -> str:
    return re.sub(
        r'xmlns="uri:oozie:coordinator:0\.2"', f'xmlns="uri:oozie:coordinator:{version}"', text
    )


def variants(corpus: Path, out: Path) -> dict[str, Path]:
    """name -> repository holding the variant app, one per (app, older version) the rules fit."""
    made: dict[str, Path] = {}
    for app in sorted(p for p in corpus.iterdir() if p.is_dir() and p.name not in NO_OLDER_VARIANT):
        workflow = app / "workflow.xml"
        if not workflow.is_file() or 'uri:oozie:workflow:1.0"' not in workflow.read_text():
            continue
        coordinator = app / "coordinator.xml"
        coordinator_text = coordinator.read_text() if coordinator.is_file() else ""
        for index, version in enumerate(WORKFLOW_VERSIONS):
            repo = repository(corpus, app.name, out / f"{app.name}-wf{version}")
            target = repo / app.name
            (target / "workflow.xml").write_text(workflow_variant(workflow.read_text(), version))
            if 'uri:oozie:coordinator:0.2"' in coordinator_text:
                older = COORDINATOR_VERSIONS[index % len(COORDINATOR_VERSIONS)]
                (target / "coordinator.xml").write_text(
                    coordinator_variant(coordinator_text, older)
                )
            made[repo.name] = repo
    return made
