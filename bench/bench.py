"""Ferry's benchmark harness: whole-process figures as users pay them (JVM start included).

Run through bench/run.sh. Every row is measured RUNS times, interleaved round by round with its
neighbours, and printed as median with min-max: wall seconds, CPU seconds (user + system of the
process and its threads) and peak RSS (the kernel's high-water mark for the process, from wait4).

Rows:
  floor         `java -version`: the JVM's own start, the floor of any one-shot command; and
                `java -cp ferry-bench.jar dev.ferry.bench.Hello`, a Hello world from a jar
  1 app cold    `convert` of samples/clickstream
  ... bin/ferry the same through the launcher users run: its start-up archive (trained once,
                untimed, in a cache under the bench directory: AppCDS, or the AOT cache on JDK 24+)
                and C1 only; again per --launcher-java, run with FERRY_JAVA set to it
  xml deep      `convert` of one workflow.xml nesting 100,000 elements (refused with a diagnostic)
  N apps        `convert` of a synthetic repository of N apps (10, 100, 1,000; 10,000 with --large)
  pig K bytes   `convert` of one app whose Pig script is K bytes of chained FILTERs (1 KB ... 10
                MB): the per-MB column shows whether the Pig front end and translation stay linear
  job S N rows  the sample's Pig script S on N generated page views (1M; 10M with --large): real
                Pig 0.18 in local mode (`org.apache.pig.Main -x local`, as `pig -x local` runs it)
                against the job Ferry translated, run by ferry-runtime's `java -jar` on its local
                Flink mini cluster; after the table, whether both wrote the same rows (doubles to a
                relative 1e-9, as `ferry verify`)
  vs o2a        Google's oozie-to-airflow (o2a 2.0.1, in a venv of the bench's own) against
                bin/ferry on the same Apache Oozie example workflows (../shared/corpus, when
                present; their workflow namespace set to 1.0, the one o2a validates): one
                workflow, then ten (ten o2a processes, one per workflow as o2a takes them, against
                one Ferry run); the CPU ratio Ferry/o2a is printed after the table
  pigmix L N    PigMix's script L (../shared/corpus/pigmix or $FERRY_SHARED/corpus/pigmix, when
                present; --pigmix-queries picks some) on N generated page views
                of PigMix's shapes (1M; 10M with --large), converted as the pig actions of one
                workflow: real Pig 0.18 local against the translated job, as for the sample's
                scripts; then whether both wrote the same rows
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import math
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Corpus apps whose shape the synthetic repositories copy (when the corpus is present): one workflow
# each, some with a coordinator, covering pig, shell, pod and scheduling actions.
CORPUS_SHAPES = [
    "pig",
    "shell",
    "cron",
    "cron-schedule",
    "coord-input-logic",
    "sla",
    "demo",
    "java-main",
    "hive",
    "hive2",
    "no-op",
    "distcp",
    "ssh",
    "spark",
    "sqoop",
    "streaming",
    "git",
    "hadoop-el",
]
APP_FILES = re.compile(
    r"^(workflow\.xml|coordinator\.xml|job\.properties|config-default\.xml|.*\.pig|.*\.q)$"
)
ROOT_NAME = re.compile(
    r"(<(?:workflow-app|coordinator-app)\b[^>]*?\bname\s*=\s*\")([^\"]*)(\")", re.S
)


def shared(root: Path) -> Path:
    """The shared directory holding corpus/ (the Oozie examples, PigMix): FERRY_SHARED, else
    ../shared beside the repository (a worktree elsewhere sets FERRY_SHARED, as the tests'
    -Dferry.shared)."""
    return Path(os.environ.get("FERRY_SHARED") or root.parent / "shared")


def shapes(root: Path) -> list[Path]:
    """App directories to copy: the sample's app, then every corpus shape that exists."""
    found = [root / "samples" / "clickstream" / "apps" / "clickstream"]
    corpus = shared(root) / "corpus" / "oozie-examples"
    found += [corpus / name for name in CORPUS_SHAPES if (corpus / name / "workflow.xml").is_file()]
    return found


def make_repo(root: Path, apps: int, target: Path) -> Path:
    """A legacy repository of `apps` apps, the shapes taken in turn, every name unique."""
    if (
        target.is_dir()
        and (target / ".apps").is_file()
        and (target / ".apps").read_text() == str(apps)
    ):
        return target
    shutil.rmtree(target, ignore_errors=True)
    templates = shapes(root)
    for i in range(apps):
        shape = templates[i % len(templates)]
        app = target / "apps" / f"{shape.name}-{i:05d}"
        app.mkdir(parents=True)
        for source in sorted(shape.rglob("*")):
            if source.is_file() and APP_FILES.match(source.name):
                dest = app / source.relative_to(shape)
                dest.parent.mkdir(parents=True, exist_ok=True)
                text = source.read_text(encoding="utf-8")
                if source.suffix == ".xml":
                    text = ROOT_NAME.sub(rf"\g<1>\g<2>-{i:05d}\g<3>", text, count=1)
                dest.write_text(text, encoding="utf-8")
    (target / ".apps").write_text(str(apps))
    return target


def make_pig_repo(root: Path, size: int, target: Path) -> Path:
    """One workflow (the sample's) whose first Pig script is `size` bytes of chained FILTERs."""
    if target.is_dir():
        return target
    make_repo(root, 1, target)
    script = next((target / "apps").rglob("sessionize.pig"))
    lines = ["a0 = LOAD '$INPUT' USING PigStorage('\\t') AS (x:int, y:chararray);"]
    length = len(lines[0]) + 1
    i = 0
    while length < size:
        line = f"a{i + 1} = FILTER a{i} BY x > {i};"
        lines.append(line)
        length += len(line) + 1
        i += 1
    lines.append(f"STORE a{i} INTO '$OUTPUT';")
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def make_deep_xml_repo(depth: int, target: Path) -> Path:
    """One workflow whose body nests `depth` elements (hostile input: the reader refuses it early,
    with OOZ diagnostics, in bounded time and memory)."""
    if target.is_dir():
        return target
    app = target / "apps" / "deep"
    app.mkdir(parents=True)
    (app / "workflow.xml").write_text(
        '<workflow-app xmlns="uri:oozie:workflow:0.5" name="deep">\n  <start to="end"/>\n'
        + "<a>" * depth
        + "</a>" * depth
        + '\n  <end name="end"/>\n</workflow-app>\n',
        encoding="utf-8",
    )
    return target


# The sample's scripts: (script, its SQL job's file, parameters besides INPUT/OUTPUT, ordered
# output, field delimiter).
JOBS = [
    ("sessionize", "sessionize.sql", {"MIN_DURATION": "500"}, False, "\t"),
    ("revenue", "revenue-by-country.sql", {"USERS": "{users}"}, False, ","),
    ("top_pages", "top-pages.sql", {}, True, "\t"),
]


def make_job_data(root: Path, rows: int, target: Path) -> tuple[Path, Path]:
    """(page views, user directory): the sample's generator at `rows` views, one user per 13 views
    as in the sample."""
    views, users = target / "page_views" / "part-00000", target / "users" / "users.csv"
    if views.is_file() and users.is_file():
        return views.parent, users.parent
    spec = importlib.util.spec_from_file_location(
        "generate_data", root / "samples" / "clickstream" / "generate_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    rng = module.random.Random(20260115)
    directory = max(300, rows // 13)
    module.write(users, module.users(rng, directory))
    module.write(views, module.page_views(rng, "2026-01-15", rows, directory + directory // 15))
    return views.parent, users.parent


PIGMIX = [f"L{i}" for i in range(1, 18)]
CTRL_A, CTRL_B, CTRL_C, CTRL_D = "\x01", "\x02", "\x03", "\x04"


def make_pigmix_repo(root: Path, target: Path) -> Path | None:
    """One workflow running PigMix L1-L17 as pig actions (how a team would have run them), or None
    without the corpus."""
    scripts = shared(root) / "corpus" / "pigmix"
    if not scripts.is_dir():
        return None
    app = target / "apps" / "pigmix"
    if (app / "workflow.xml").is_file():
        return target
    app.mkdir(parents=True)
    actions = []
    for i, name in enumerate(PIGMIX):
        shutil.copy(scripts / f"{name}.pig", app / f"{name}.pig")
        after = PIGMIX[i + 1] if i + 1 < len(PIGMIX) else "end"
        params = "".join(
            f"\n      <param>{p}</param>"
            for p in (
                "HDFS_ROOT=${hdfsRoot}",
                "PIGMIX_JAR=${pigmixJar}",
                f"PIGMIX_OUTPUT=${{output}}/{name}",
                "PARALLEL=2",
            )
        )
        actions.append(f"""  <action name="{name}">
    <pig>
      <job-tracker>${{jobTracker}}</job-tracker>
      <name-node>${{nameNode}}</name-node>
      <script>{name}.pig</script>{params}
    </pig>
    <ok to="{after}"/>
    <error to="fail"/>
  </action>
""")
    (app / "workflow.xml").write_text(
        '<workflow-app xmlns="uri:oozie:workflow:0.5" name="pigmix">\n  <start to="L1"/>\n'
        + "".join(actions)
        + '  <kill name="fail">\n    <message>PigMix failed</message>\n  </kill>\n'
        + '  <end name="end"/>\n'
        + "</workflow-app>\n",
        encoding="utf-8",
    )
    return target


def make_pigmix_data(rows: int, target: Path) -> Path:
    """PigMix's inputs in its generator's shapes (^A fields, ^C/^D maps, ^B bags of maps, empty
    field = null) for `rows` page views: one user name per 100 views, a quarter more users than
    names, widerow rows/10 rows, widegroupbydata rows/5 rows; deterministic (seeded)."""
    import random

    if (target / ".rows").is_file() and (target / ".rows").read_text() == str(rows):
        return target
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    rng = random.Random(16)
    names = [("zoë" if i % 13 == 0 else "user") + str(i) for i in range(max(40, rows // 100))]

    def pig_map() -> str:
        return CTRL_C.join(
            chr(ord("a") + k)
            + CTRL_D
            + "".join(chr(rng.randrange(65, 122)) for _ in range(rng.randint(1, 4)))
            for k in range(rng.randint(1, 4))
        )

    def page_view(pool: list[str], r: random.Random) -> str:
        user = "" if r.randrange(20) == 0 else r.choice(pool)
        term = "" if r.randrange(5) == 0 else f"term{r.randrange(12)}"
        revenue = "" if r.randrange(20) == 0 else repr(r.random() * r.randrange(1000))
        links = (
            ""
            if r.randrange(5) == 0
            else CTRL_B.join("m" + pig_map() for _ in range(r.randint(1, 4)))
        )
        return CTRL_A.join(
            [
                user,
                str(r.randrange(2)),
                str(r.randrange(10)),
                term,
                str(r.randrange(2**31 - 1)),
                str(r.randrange(86400)),
                revenue,
                pig_map(),
                links,
            ]
        )

    def write(name: str, lines: list[str]) -> None:
        (target / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    first = lambda line: line.split(CTRL_A, 1)[0]  # noqa: E731
    views = [page_view(names, rng) for _ in range(rows)]
    write("page_views", views)
    write("page_views_sorted", sorted(views, key=first))
    del views
    users = [
        CTRL_A.join(
            [
                names[i] if i < len(names) and i % 4 != 3 else f"other{i}",
                f"555-{1000 + i}",
                f"{i} Main St",
                f"Town{i % 5}",
                "CA",
                f"9{4000 + i}",
            ]
        )
        for i in range(len(names) * 5 // 4)
    ]
    write("users", users)
    write("users_sorted", sorted(users, key=first))
    write("power_users", users[::3])
    write("power_users_samples", users[::2])
    write(
        "widerow",
        [
            CTRL_A.join(
                [
                    "" if i % 11 == 5 else rng.choice(names),
                    *(str(rng.randrange(100)) for _ in range(10)),
                ]
            )
            for i in range(rows // 10)
        ],
    )
    few = names[:5]
    write(
        "widegroupbydata",
        [
            CTRL_A.join(
                [
                    page_view(few, random.Random(i % 40)),
                    page_view(few, random.Random(i % 40)),
                    page_view(names[:3], rng),
                ]
            )
            for i in range(rows // 5)
        ],
    )
    import zipfile

    with zipfile.ZipFile(target / "pigmix.jar", "w"):
        # REGISTER needs a jar; the loader is on the oracle's classpath (its stand-in of PigMix's)
        pass
    (target / ".rows").write_text(str(rows))
    return target


def read_output(directory: Path) -> list[str]:
    """Every line of a job's output directory (its part files; hidden and _SUCCESS skipped)."""
    lines: list[str] = []
    for part in sorted(directory.rglob("*")):
        if part.is_file() and not part.name.startswith((".", "_")):
            lines += part.read_text(encoding="utf-8").splitlines()
    return lines


def same_field(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return ("." in a or "e" in a.lower()) and math.isclose(x, y, rel_tol=1e-9)


def same_rows(pig: list[str], flink: list[str], ordered: bool, delimiter: str) -> bool:
    """Both engines' rows: equal in order (ordered) or as multisets, doubles to a relative 1e-9."""
    if len(pig) != len(flink):
        return False
    if not ordered:
        pig, flink = sorted(pig), sorted(flink)
    return all(
        len(p) == len(f) and all(same_field(x, y) for x, y in zip(p, f, strict=True))
        for p, f in (
            (a.split(delimiter), b.split(delimiter)) for a, b in zip(pig, flink, strict=True)
        )
    )


# The Apache Oozie examples o2a 2.0.1 converts (its path checks need ${nameNode}, which these have
# and the sample's paths do not; the others stop o2a with a parse or validation error).
O2A_SHAPES = [
    "pig",
    "shell",
    "map-reduce",
    "java-main",
    "hive",
    "spark",
    "streaming",
    "distcp",
    "demo",
    "hadoop-el",
]
O2A_WORKFLOW_NAMESPACE = re.compile(r"uri:oozie:workflow:0\.[0-9]+")


def o2a_command(work: Path) -> list[str] | str:
    """o2a 2.0.1 as a command (a venv of the bench's own, made on first use: a few minutes of
    pip), or why it cannot run here."""
    if shutil.which("xmllint") is None:
        return "vs o2a rows NOT RUN: o2a validates workflows with xmllint (Debian: libxml2-utils)"
    venv = work / "o2a-venv"
    o2a = venv / "bin" / "o2a"
    if not o2a.is_file():
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([*pip, "o2a==2.0.1"], check=True)
        # o2a pins a wrapt that does not import on Python 3.11 (inspect.formatargspec is gone)
        subprocess.run([*pip, "wrapt==1.16.0"], check=True, stderr=subprocess.DEVNULL)
    # o2a finds its validator (o2a-validate-workflows) on PATH and records $USER as user.name
    path = f"PATH={venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    return ["env", path, "USER=bench", str(o2a)]


def make_o2a_inputs(root: Path, count: int, target: Path) -> tuple[Path, list[Path]] | None:
    """The first `count` of O2A_SHAPES twice: a legacy repository for Ferry, and one o2a input
    directory each (hdfs/ with the app, job.properties beside it), the same workflow.xml in both."""
    corpus = shared(root) / "corpus" / "oozie-examples"
    if not all((corpus / name / "workflow.xml").is_file() for name in O2A_SHAPES[:count]):
        return None
    shutil.rmtree(target, ignore_errors=True)
    repo, inputs = target / "ferry", []
    for name in O2A_SHAPES[:count]:
        o2a_input = target / "o2a" / name
        inputs.append(o2a_input)
        for source in sorted((corpus / name).rglob("*")):
            if not (source.is_file() and APP_FILES.match(source.name)):
                continue
            text = source.read_text(encoding="utf-8")
            if source.name == "workflow.xml":
                text = O2A_WORKFLOW_NAMESPACE.sub("uri:oozie:workflow:1.0", text, count=1)
            relative = source.relative_to(corpus / name)
            for dest in (repo / "apps" / name / relative, o2a_input / "hdfs" / relative):
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(text, encoding="utf-8")
            if source.name == "job.properties":
                (o2a_input / "job.properties").write_text(text, encoding="utf-8")
        (o2a_input / "configuration.properties").write_text("", encoding="utf-8")
    return repo, inputs


def o2a_rows(
    root: Path, work: Path, launcher: list[str]
) -> tuple[list[tuple[str, list[str], float]], dict[str, Path]] | str:
    """The vs-o2a rows (one workflow, ten workflows) and their output directories, or why not."""
    rows: list[tuple[str, list[str], float]] = []
    outputs: dict[str, Path] = {}
    for count in (1, 10):
        made = make_o2a_inputs(root, count, work / f"o2a-inputs-{count}")
        if made is None:
            return "vs o2a rows NOT RUN: no ../shared/corpus/oozie-examples beside the repository"
        o2a = o2a_command(work)
        if isinstance(o2a, str):
            return o2a
        repo, inputs = made
        what = "1 workflow (pig)" if count == 1 else f"{count} workflows"
        out = work / f"out-o2a-{count}"
        runs = [[*o2a, "-i", str(i), "-o", str(out / i.name)] for i in inputs]
        # one process per workflow, as o2a takes them: a shell runs them in turn, stops at a failure
        argv = (
            runs[0]
            if count == 1
            else ["sh", "-c", " && ".join(" ".join(shlex.quote(a) for a in r) for r in runs)]
        )
        rows.append((f"vs o2a: {what}, o2a 2.0.1", argv, 0))
        outputs[rows[-1][0]] = out
        ferry_out = work / f"out-o2a-{count}-ferry"
        rows.append(
            (
                f"vs o2a: {what}, Ferry (bin/ferry)",
                [*launcher, "convert", str(repo), "-o", str(ferry_out)],
                0,
            )
        )
    return rows, outputs


def with_options(
    rows: list[tuple[str, list[str], float]],
    labels: tuple[str, ...],
    variants: dict[str, list[str]],
) -> list[tuple[str, list[str], float]]:
    """The rows named `labels` again, once per variant: JVM options added after java, a separate
    output directory."""
    added = []
    for label, argv, mb in rows:
        if label in labels:
            for name, options in variants.items():
                added.append(
                    (
                        f"{label} [{name}]",
                        [argv[0], *options, *argv[1:-1], f"{argv[-1]}-{name}"],
                        mb,
                    )
                )
    return added


def runtime_variants(
    rows: list[tuple[str, list[str], float]],
    checks: list[tuple[str, Path, Path, bool, str]],
    outputs: dict[str, Path],
    flink: list[str],
    args: argparse.Namespace,
) -> tuple[list[tuple[str, list[str], float]], list[tuple[str, Path, Path, bool, str]]]:
    """Each translated-job row again with every --runtime-jar (next to it, so runs interleave), and
    without the Pig rows under --flink-only; the checks extended to every variant's output."""
    jar = flink.index("-jar") + 1
    variants = [v.split("=", 1) for v in args.runtime_jar]
    pig_rows = {label for label, *_ in checks}
    added: list[tuple[str, list[str], float]] = []
    for label, argv, mb in rows:
        base = label.rsplit(": ", 1)[0]
        if base in pig_rows and label.endswith(": Pig 0.18 local") and args.flink_only:
            continue
        added.append((label, argv, mb))
        if base in pig_rows and argv[: len(flink)] == flink:
            for name, path in variants:
                out = outputs[label].with_name(f"{outputs[label].name}-{name}")
                variant = [*argv[:jar], str(Path(path).resolve()), *argv[jar + 1 :]]
                variant[-1] = (
                    f"PIGMIX_OUTPUT={out}" if "PIGMIX_OUTPUT=" in argv[-1] else f"OUTPUT={out}"
                )
                added.append((f"{label} [{name}]", variant, mb))
                outputs[f"{label} [{name}]"] = out
    extended = []
    for label, pig_out, flink_out, ordered, delimiter in checks:
        reference = flink_out if args.flink_only else pig_out
        if not args.flink_only:
            extended.append((label, pig_out, flink_out, ordered, delimiter))
        for name, _ in variants:
            variant_out = flink_out.with_name(f"{flink_out.name}-{name}")
            extended.append((f"{label} [{name}]", reference, variant_out, ordered, delimiter))
    return added, extended


def with_runtime_archives(
    rows: list[tuple[str, list[str], float]], outputs: dict[str, Path], work: Path
) -> list[tuple[str, list[str], float]]:
    """The translated-job rows as the local backend runs them (ferry_runtime.actions.flink_local's
    StartupArchive): each runtime jar's first job, run untimed, archives the classes it loads, and
    every timed run maps that archive."""
    archived: dict[str, Path] = {}
    result = []
    for label, argv, mb in rows:
        if "-jar" in argv and argv[argv.index("-jar") + 1].endswith("ferry-runtime.jar"):
            jar = argv[argv.index("-jar") + 1]
            if jar not in archived:
                name = hashlib.sha256(jar.encode()).hexdigest()[:12]
                archive = work / f"runtime-{name}.jsa"
                archive.unlink(missing_ok=True)
                shutil.rmtree(outputs.get(label, Path(argv[-1])), ignore_errors=True)
                subprocess.run(
                    [argv[0], "-Xlog:cds*=off", f"-XX:ArchiveClassesAtExit={archive}", *argv[1:]],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    check=False,
                )
                archived[jar] = archive
            if archived[jar].is_file():
                argv = [
                    argv[0],
                    "-Xlog:cds*=off",
                    f"-XX:SharedArchiveFile={archived[jar]}",
                    *argv[1:],
                ]
        result.append((label, argv, mb))
    return result


def measure(argv: list[str]) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak RSS MiB, exit code) of one run of argv, output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode


def jdk_version(java: str) -> str:
    """The JAVA_VERSION in the release file of the JDK of this java command, else the command."""
    binary = Path(shutil.which(java) or java).resolve()
    release = binary.parent.parent / "release"
    text = release.read_text() if release.is_file() else ""
    found = re.search(r'^JAVA_VERSION="([^"]*)"', text, re.M)
    return found.group(1) if found else java


def spread(values: list[float], digits: int) -> str:
    low, middle, high = (
        f"{v:.{digits}f}" for v in (min(values), statistics.median(values), max(values))
    )
    return f"{middle} ({low}-{high})"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, help="runs per row (default 3; 10 with --cold)")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="one app cold against the JVM floor: --only floor,cold, 10 runs unless --runs says"
        " otherwise; after the table each cold row's CPU as a multiple of the floor's",
    )
    parser.add_argument(
        "--large", action="store_true", help="add the 10,000-app row and the 10M-row jobs"
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma list of row groups: floor,cold,apps,pig,xml,o2a,jobs,pigmix",
    )
    parser.add_argument(
        "--job-rows",
        type=lambda v: [int(n) for n in v.split(",")],
        default=[1_000_000],
        help="comma list of page-view counts for the job rows (default 1000000)",
    )
    parser.add_argument(
        "--pigmix-rows",
        type=lambda v: [int(n) for n in v.split(",")],
        default=[1_000_000],
        help="page views of the PigMix rows (default 1000000; --large adds 10000000)",
    )
    parser.add_argument(
        "--pigmix-queries",
        type=lambda v: v.split(","),
        default=PIGMIX,
        help="comma list of the PigMix scripts to run (default L1,...,L17)",
    )
    parser.add_argument("--java", default="java", help="the java command (default: java on PATH)")
    parser.add_argument(
        "--jvm-option", action="append", default=[], help="extra JVM option for Ferry's runs"
    )
    parser.add_argument(
        "--launcher-java",
        action="append",
        default=[],
        help="another java command for the bin/ferry rows (as FERRY_JAVA; e.g. a JDK 25 for its"
        " AOT cache): each bin/ferry row again with it, labelled with its JDK version",
    )
    parser.add_argument(
        "--startup-variants",
        action="store_true",
        help="also run the cold app and 1,000 apps with an AppCDS archive (trained on the sample"
        " here) and with C1 only (-XX:TieredStopAtLevel=1), alone and together",
    )
    parser.add_argument(
        "--gc-variants",
        action="store_true",
        help="also run the cold app and the 1,000 (and 10,000) apps with each collector (G1,"
        " Serial, Parallel) under C2 and C1: the measurement behind bin/ferry's choice",
    )
    parser.add_argument(
        "--baseline-jar",
        help="another ferry-cli.jar (an older build): each Ferry row is also run with"
        " it, interleaved, as 'row [baseline]'",
    )
    parser.add_argument(
        "--baseline-launcher",
        help="another bin/ferry (an older release layout: bin/ferry, lib/ferry-cli.jar and its"
        " jars): each bin/ferry row is also run with it, interleaved, as 'row (bin/ferry"
        " [baseline])'",
    )
    parser.add_argument(
        "--runtime-jar",
        action="append",
        default=[],
        metavar="LABEL=JAR",
        help="another ferry-runtime.jar (its lib/ beside it; an older build or a variant): each"
        " translated-job row is also run with it, interleaved, as 'row [LABEL]', rows checked",
    )
    parser.add_argument(
        "--flink-only",
        action="store_true",
        help="job and PigMix rows: run the translated jobs only, not Pig (to compare runtime"
        " builds); each run's rows are checked against the first Flink row's",
    )
    parser.add_argument(
        "--no-runtime-archive",
        action="store_true",
        help="run the translated jobs without the startup archive the local backend maps",
    )
    args = parser.parse_args()
    if bad := [v for v in args.runtime_jar if "=" not in v]:
        parser.error(f"--runtime-jar: LABEL=JAR expected, got {', '.join(bad)}")
    if unknown := [q for q in args.pigmix_queries if q not in PIGMIX]:
        parser.error(f"--pigmix-queries: no PigMix script {', '.join(unknown)} (L1 ... L17)")

    if args.cold:
        args.only = args.only or "floor,cold"
    if args.runs is None:
        args.runs = 10 if args.cold else 3

    root = Path(__file__).resolve().parent.parent
    jar = root / "cli" / "target" / "ferry-cli.jar"
    work = Path(os.environ.get("FERRY_BENCH_DIR", Path(tempfile.gettempdir()) / "ferry-bench"))
    work.mkdir(parents=True, exist_ok=True)
    groups = (
        set(args.only.split(","))
        if args.only
        else {"floor", "cold", "apps", "pig", "xml", "o2a", "jobs", "pigmix"}
    )
    ferry = [args.java, *args.jvm_option, "-jar", str(jar)]
    baseline = (
        [args.java, *args.jvm_option, "-jar", str(Path(args.baseline_jar).resolve())]
        if args.baseline_jar
        else None
    )

    # (label, argv, megabytes of Pig for the per-MB column); a convert's output directory is the
    # argv's last item
    rows: list[tuple[str, list[str], float]] = []
    if "floor" in groups:
        rows.append(("floor: java -version", [args.java, "-version"], 0))
        hello = [args.java, "-cp", str(root / "bench" / "target" / "ferry-bench.jar")]
        rows.append(("floor: Hello world (java -cp)", [*hello, "dev.ferry.bench.Hello"], 0))
    launcher = [str(root / "bin" / "ferry")]
    # (label suffix, output suffix, argv prefix) of the launcher rows: bin/ferry as it is, then per
    # --launcher-java
    launchers = [("", "", launcher)] + [
        (f", JDK {jdk_version(java)}", f"-{n}", ["env", f"FERRY_JAVA={java}", *launcher])
        for n, java in enumerate(args.launcher_java, 1)
    ]
    if args.baseline_launcher:  # its archive's key names its own jars: one cache holds both
        older = [str(Path(args.baseline_launcher).resolve())]
        launchers.append((" [baseline]", "-baseline", older))
    os.environ["FERRY_CACHE_DIR"] = str(work / "launcher-cache")
    if args.jvm_option:
        os.environ["JAVA_OPTS"] = " ".join(args.jvm_option)
    if args.java != "java":
        os.environ["JAVA_HOME"] = str(
            Path(shutil.which(args.java) or args.java).resolve().parent.parent
        )
    if "cold" in groups:
        rows.append(
            (
                "1 app cold (clickstream)",
                [
                    *ferry,
                    "convert",
                    str(root / "samples" / "clickstream"),
                    "-o",
                    str(work / "out-cold"),
                ],
                0,
            )
        )
        for suffix, tag, prefix in launchers:
            rows.append(
                (
                    f"1 app cold (bin/ferry{suffix})",
                    [
                        *prefix,
                        "convert",
                        str(root / "samples" / "clickstream"),
                        "-o",
                        str(work / f"out-cold-launcher{tag}"),
                    ],
                    0,
                )
            )
    if "apps" in groups:
        for apps in [10, 100, 1000] + ([10000] if args.large else []):
            repo = make_repo(root, apps, work / f"repo-{apps}")
            rows.append(
                (
                    f"{apps:,} apps",
                    [*ferry, "convert", str(repo), "-o", str(work / f"out-{apps}")],
                    0,
                )
            )
            if (
                apps >= 1000
            ):  # what users run: the launcher's serial collector and C1 (README, "Performance")
                for suffix, tag, prefix in launchers:
                    out = work / f"out-{apps}-launcher{tag}"
                    rows.append(
                        (
                            f"{apps:,} apps (bin/ferry{suffix})",
                            [*prefix, "convert", str(repo), "-o", str(out)],
                            0,
                        )
                    )
    if "pig" in groups:
        for size in [1_000, 10_000, 100_000, 1_000_000, 10_000_000]:
            repo = make_pig_repo(root, size, work / f"pig-{size}")
            label = f"pig script {size // 1000:,} KB"
            rows.append(
                (
                    label,
                    [*ferry, "convert", str(repo), "-o", str(work / f"out-pig-{size}")],
                    size / 1e6,
                )
            )
    if "xml" in groups:
        repo = make_deep_xml_repo(100_000, work / "xml-deep-100000")
        out = str(work / "out-xml-deep")
        rows.append(
            ("workflow.xml 100k elements deep", [*ferry, "convert", str(repo), "-o", out], 0)
        )

    # (label, Pig's output, Flink's, ordered, delimiter)
    checks: list[tuple[str, Path, Path, bool, str]] = []
    outputs: dict[str, Path] = {}  # a job's output directory, removed before each run (untimed)
    if "o2a" in groups:
        made = o2a_rows(root, work, launcher)
        if isinstance(made, str):
            print(made)
        else:
            rows += made[0]
            outputs.update(made[1])
    oracle = root / "oracle" / "target"
    pig = [
        args.java,
        "-Xmx1g",
        f"-Dpig.temp.dir={work / 'pig-tmp'}",
        f"-Dhadoop.tmp.dir={work / 'pig-tmp' / 'hadoop'}",
        f"-Dmapreduce.jobtracker.staging.root.dir={work / 'pig-tmp' / 'staging'}",
        "-cp",
        os.pathsep.join(
            [
                str(oracle / "ferry-oracle.jar"),
                (oracle / "oracle-classpath.txt").read_text().strip(),
            ]
        ),
        "org.apache.pig.Main",
        "-x",
        "local",
        "-l",
        str(work / "pig-logs"),
    ]
    for directory in ("pig-tmp", "pig-logs"):
        (work / directory).mkdir(exist_ok=True)
    # as the local backend starts it (ferry_runtime/actions/flink_local.py): C1 only, measured there
    flink = [
        args.java,
        "-XX:TieredStopAtLevel=1",
        "-jar",
        str(root / "runtime" / "target" / "ferry-runtime.jar"),
    ]
    if "jobs" in groups:
        sql = work / "out-jobs-sql"  # the sample converted once, untimed: the translated jobs
        shutil.rmtree(sql, ignore_errors=True)
        subprocess.run(
            [*ferry, "convert", str(root / "samples" / "clickstream"), "-o", str(sql)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        for count in args.job_rows + ([10_000_000] if args.large else []):
            views, users = make_job_data(root, count, work / f"job-data-{count}")
            for name, job, extra, ordered, delimiter in JOBS:
                params = {
                    "INPUT": str(views),
                    **{k: v.format(users=users) for k, v in extra.items()},
                }
                label = f"job {name} {count / 1e6:g}M rows"
                pig_out, flink_out = (
                    work / f"out-job-{name}-{count}-pig",
                    work / f"out-job-{name}-{count}-flink",
                )
                script = (
                    root
                    / "samples"
                    / "clickstream"
                    / "apps"
                    / "clickstream"
                    / "pig"
                    / f"{name}.pig"
                )
                rows.append(
                    (
                        f"{label}: Pig 0.18 local",
                        [
                            *pig,
                            *[a for k, v in params.items() for a in ("-param", f"{k}={v}")],
                            "-param",
                            f"OUTPUT={pig_out}",
                            "-f",
                            str(script),
                        ],
                        0,
                    )
                )
                rows.append(
                    (
                        f"{label}: Flink (ferry-runtime)",
                        [
                            *flink,
                            "--script",
                            str(next((sql / "flink").glob(f"*/{job}"))),
                            *[a for k, v in params.items() for a in ("--param", f"{k}={v}")],
                            "--param",
                            f"OUTPUT={flink_out}",
                        ],
                        0,
                    )
                )
                outputs[f"{label}: Pig 0.18 local"] = pig_out
                outputs[f"{label}: Flink (ferry-runtime)"] = flink_out
                checks.append((label, pig_out, flink_out, ordered, delimiter))

    if "pigmix" in groups:
        pigmix = make_pigmix_repo(root, work / "pigmix-repo")
        if pigmix is None:
            print(f"pigmix rows NOT RUN: no {shared(root) / 'corpus' / 'pigmix'} (FERRY_SHARED)")
        else:
            sql = work / "out-pigmix-sql"  # converted once, untimed
            shutil.rmtree(sql, ignore_errors=True)
            subprocess.run(
                [*ferry, "convert", str(pigmix), "-o", str(sql)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=True,
            )
            for count in args.pigmix_rows + ([10_000_000] if args.large else []):
                data = make_pigmix_data(count, work / f"pigmix-data-{count}")
                params = {
                    "HDFS_ROOT": str(data),
                    "PIGMIX_JAR": str(data / "pigmix.jar"),
                    "PARALLEL": "2",
                }
                for name in args.pigmix_queries:
                    label = f"pigmix {name} {count / 1e6:g}M rows"
                    pig_out, flink_out = (
                        work / f"out-pigmix-{name}-{count}-pig",
                        work / f"out-pigmix-{name}-{count}-flink",
                    )
                    rows.append(
                        (
                            f"{label}: Pig 0.18 local",
                            [
                                *pig,
                                *[a for k, v in params.items() for a in ("-param", f"{k}={v}")],
                                "-param",
                                f"PIGMIX_OUTPUT={pig_out}",
                                "-f",
                                str(pigmix / "apps" / "pigmix" / f"{name}.pig"),
                            ],
                            0,
                        )
                    )
                    rows.append(
                        (
                            f"{label}: Flink (ferry-runtime)",
                            [
                                *flink,
                                "--script",
                                str(sql / "flink" / "pigmix" / f"{name}.sql"),
                                *[a for k, v in params.items() for a in ("--param", f"{k}={v}")],
                                "--param",
                                f"PIGMIX_OUTPUT={flink_out}",
                            ],
                            0,
                        )
                    )
                    outputs[f"{label}: Pig 0.18 local"] = pig_out
                    outputs[f"{label}: Flink (ferry-runtime)"] = flink_out
                    checks.append((label, pig_out, flink_out, False, "\t"))
    if args.runtime_jar or args.flink_only:
        rows, checks = runtime_variants(rows, checks, outputs, flink, args)
    if args.startup_variants:
        archive = work / "ferry-cli.jsa"
        if not archive.is_file():  # train: the classes one conversion of the sample loads
            shutil.rmtree(work / "out-train", ignore_errors=True)
            subprocess.run(
                [
                    args.java,
                    f"-XX:ArchiveClassesAtExit={archive}",
                    "-jar",
                    str(jar),
                    "convert",
                    str(root / "samples" / "clickstream"),
                    "-o",
                    str(work / "out-train"),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
        variants = {
            "CDS": [f"-XX:SharedArchiveFile={archive}"],
            "C1": ["-XX:TieredStopAtLevel=1"],
            "CDS+C1": [f"-XX:SharedArchiveFile={archive}", "-XX:TieredStopAtLevel=1"],
        }
        rows += with_options(rows, ("1 app cold (clickstream)", "1,000 apps"), variants)
    if args.gc_variants:
        variants = {
            f"{gc}+{jit}": [
                f"-XX:+Use{gc}GC",
                *([] if jit == "C2" else ["-XX:TieredStopAtLevel=1"]),
            ]
            for gc in ("G1", "Serial", "Parallel")
            for jit in ("C2", "C1")
        }
        rows += with_options(
            rows, ("1 app cold (clickstream)", "1,000 apps", "10,000 apps"), variants
        )
    if baseline:
        rows = [
            pair
            for label, argv, mb in rows
            for pair in (
                [(label, argv, mb)]
                if argv[: len(ferry)] != ferry
                else [
                    (label, argv, mb),
                    (
                        f"{label} [baseline]",
                        baseline + argv[len(ferry) : -1] + [argv[-1] + "-baseline"],
                        mb,
                    ),
                ]
            )
        ]
    results: dict[str, list[tuple[float, float, float, int]]] = {label: [] for label, _, _ in rows}
    # untimed: each launcher's first conversion writes its start-up archive
    for _suffix, _tag, prefix in launchers:
        argv = next((argv for _, argv, _ in rows if argv[: len(prefix)] == prefix), None)
        if argv is not None:
            shutil.rmtree(argv[-1], ignore_errors=True)
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    if not args.no_runtime_archive:
        rows = with_runtime_archives(rows, outputs, work)
    for _ in range(args.runs):  # interleaved: round r measures every row once
        for label, argv, _ in rows:
            if "convert" in argv or label in outputs:
                # each run writes a fresh output, untimed
                shutil.rmtree(outputs.get(label, argv[-1]), ignore_errors=True)
            results[label].append(measure(argv))

    print(
        f"Ferry bench: {args.runs} runs per row, interleaved; median (min-max); "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end"
    )
    width = max([37, *(len(label) for label, _, _ in rows)])
    header = ("measure", "wall s", "CPU s", "peak RSS MiB")
    print(
        f"| {header[0]:<{width}} | "
        + " | ".join(f"{h:<20}" for h in header[1:])
        + " | exit | CPU s per MB |"
    )
    print(f"|{'-' * (width + 2)}|{'-' * 22}|{'-' * 22}|{'-' * 22}|------|--------------|")
    for label, _, megabytes in rows:
        runs = results[label]
        wall, cpu, rss = ([r[i] for r in runs] for i in range(3))
        codes = ",".join(sorted({str(r[3]) for r in runs}))
        per_mb = f"{statistics.median(cpu) / megabytes:.2f}" if megabytes >= 0.1 else ""
        figures = (spread(wall, 2), spread(cpu, 2), spread(rss, 0))
        cells = " | ".join(f"{f:<20}" for f in figures)
        print(f"| {label:<{width}} | {cells} | {codes:<4} | {per_mb:<12} |")
    for label, _, _ in rows:
        if label.startswith("vs o2a: ") and label.endswith(", o2a 2.0.1"):
            ferry_label = label.replace(", o2a 2.0.1", ", Ferry (bin/ferry)")
            o2a_cpu = statistics.median(r[1] for r in results[label])
            ferry_cpu = statistics.median(r[1] for r in results[ferry_label])
            what = label[len("vs o2a: ") : -len(", o2a 2.0.1")]
            print(f"{what}: CPU Ferry/o2a {ferry_cpu / o2a_cpu:.2f}")
    floor = results.get("floor: java -version")
    for label, _, _ in rows:
        if floor and label.startswith("1 app cold"):
            cpu = statistics.median(r[1] for r in results[label])
            base = statistics.median(r[1] for r in floor)
            print(
                f"{label}: CPU {cpu:.2f} s, {cpu / base:.0f}x the floor's {base:.2f} s"
                f" ({cpu - base:.2f} s above it; #21's target 0.4 s)"
            )
    for label, pig_out, flink_out, ordered, delimiter in checks:
        pig_rows, flink_rows = read_output(pig_out), read_output(flink_out)
        verdict = (
            "same rows"
            if pig_rows and same_rows(pig_rows, flink_rows, ordered, delimiter)
            else "DIFFERENT rows"
        )
        print(f"{label}: {verdict} (Pig {len(pig_rows):,}, Flink {len(flink_rows):,})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
