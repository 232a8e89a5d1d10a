"""Ferry's benchmark harness: whole-process figures as users pay them (JVM start included).

Run through bench/run.sh. Every row is measured RUNS times, interleaved round by round with its
neighbours, and printed as median with min-max: wall seconds, CPU seconds (user + system of the
process and its threads) and peak RSS (the kernel's high-water mark for the process, from wait4).

Rows:
  floor         `java -version`: the JVM's own start, the floor of any one-shot command
  1 app cold    `convert` of samples/clickstream
  ... bin/ferry the same through the launcher users run: its AppCDS archive (trained once, untimed,
                in a cache under the bench directory) and C1 only
  N apps        `convert` of a synthetic repository of N apps (10, 100, 1,000; 10,000 with --large)
  pig K bytes   `convert` of one app whose Pig script is K bytes of chained FILTERs (1 KB ... 10 MB):
                the per-MB column shows whether the Pig front end and translation stay linear
"""

from __future__ import annotations

import argparse
import os
import re
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
    "pig", "shell", "cron", "cron-schedule", "coord-input-logic", "sla", "demo", "java-main",
    "hive", "hive2", "no-op", "distcp", "ssh", "spark", "sqoop", "streaming", "git", "hadoop-el",
]
APP_FILES = re.compile(r"^(workflow\.xml|coordinator\.xml|job\.properties|config-default\.xml|.*\.pig|.*\.q)$")
ROOT_NAME = re.compile(r"(<(?:workflow-app|coordinator-app)\b[^>]*?\bname\s*=\s*\")([^\"]*)(\")", re.S)


def shapes(root: Path) -> list[Path]:
    """App directories to copy: the sample's app, then every corpus shape that exists."""
    found = [root / "samples" / "clickstream" / "apps" / "clickstream"]
    corpus = root.parent / "shared" / "corpus" / "oozie-examples"
    found += [corpus / name for name in CORPUS_SHAPES if (corpus / name / "workflow.xml").is_file()]
    return found


def make_repo(root: Path, apps: int, target: Path) -> Path:
    """A legacy repository of `apps` apps, the shapes taken in turn, every app and DAG name unique."""
    if target.is_dir() and (target / ".apps").is_file() and (target / ".apps").read_text() == str(apps):
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
                    text = ROOT_NAME.sub(lambda m: f"{m.group(1)}{m.group(2)}-{i:05d}{m.group(3)}", text, count=1)
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


def measure(argv: list[str]) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak RSS MiB, exit code) of one run of argv, output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode


def spread(values: list[float], digits: int) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per row (default 3)")
    parser.add_argument("--large", action="store_true", help="add the 10,000-app row")
    parser.add_argument("--only", default="", help="comma list of row groups: floor,cold,apps,pig")
    parser.add_argument("--java", default="java", help="the java command (default: java on PATH)")
    parser.add_argument("--jvm-option", action="append", default=[], help="extra JVM option for Ferry's runs")
    parser.add_argument("--startup-variants", action="store_true",
                        help="also run the cold app and 1,000 apps with an AppCDS archive (trained on the sample here)"
                             " and with C1 only (-XX:TieredStopAtLevel=1), alone and together")
    parser.add_argument("--baseline-jar", help="another ferry-cli.jar (an older build): each Ferry row is also run with"
                        " it, interleaved, as 'row [baseline]'")
    args = parser.parse_args()

    root = Path(__file__).resolve().parent.parent
    jar = root / "cli" / "target" / "ferry-cli.jar"
    work = Path(os.environ.get("FERRY_BENCH_DIR", Path(tempfile.gettempdir()) / "ferry-bench"))
    work.mkdir(parents=True, exist_ok=True)
    groups = set(args.only.split(",")) if args.only else {"floor", "cold", "apps", "pig"}
    ferry = [args.java, *args.jvm_option, "-jar", str(jar)]
    baseline = [args.java, *args.jvm_option, "-jar", str(Path(args.baseline_jar).resolve())] if args.baseline_jar else None

    # (label, argv, megabytes of Pig for the per-MB column); a convert's output directory is the argv's last item
    rows: list[tuple[str, list[str], float]] = []
    if "floor" in groups:
        rows.append(("floor: java -version", [args.java, "-version"], 0))
    launcher = [str(root / "bin" / "ferry")]
    os.environ["FERRY_CACHE_DIR"] = str(work / "launcher-cache")
    if args.jvm_option:
        os.environ["JAVA_OPTS"] = " ".join(args.jvm_option)
    if args.java != "java":
        os.environ["JAVA_HOME"] = str(Path(shutil.which(args.java) or args.java).resolve().parent.parent)
    if "cold" in groups:
        rows.append(("1 app cold (clickstream)", [*ferry, "convert", str(root / "samples" / "clickstream"),
                                                    "-o", str(work / "out-cold")], 0))
        rows.append(("1 app cold (bin/ferry: AppCDS, C1)", [*launcher, "convert", str(root / "samples" / "clickstream"),
                                                              "-o", str(work / "out-cold-launcher")], 0))
    if "apps" in groups:
        for apps in [10, 100, 1000] + ([10000] if args.large else []):
            repo = make_repo(root, apps, work / f"repo-{apps}")
            rows.append((f"{apps:,} apps", [*ferry, "convert", str(repo), "-o", str(work / f"out-{apps}")], 0))
            if apps == 1000:
                rows.append(("1,000 apps (bin/ferry)", [*launcher, "convert", str(repo), "-o",
                                                         str(work / "out-1000-launcher")], 0))
    if "pig" in groups:
        for size in [1_000, 10_000, 100_000, 1_000_000, 10_000_000]:
            repo = make_pig_repo(root, size, work / f"pig-{size}")
            label = f"pig script {size // 1000:,} KB"
            rows.append((label, [*ferry, "convert", str(repo), "-o", str(work / f"out-pig-{size}")], size / 1e6))

    if args.startup_variants:
        archive = work / "ferry-cli.jsa"
        if not archive.is_file():  # train: the classes one conversion of the sample loads
            shutil.rmtree(work / "out-train", ignore_errors=True)
            subprocess.run([args.java, f"-XX:ArchiveClassesAtExit={archive}", "-jar", str(jar), "convert",
                            str(root / "samples" / "clickstream"), "-o", str(work / "out-train")],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        variants = {"CDS": [f"-XX:SharedArchiveFile={archive}"], "C1": ["-XX:TieredStopAtLevel=1"],
                    "CDS+C1": [f"-XX:SharedArchiveFile={archive}", "-XX:TieredStopAtLevel=1"]}
        for label, argv, mb in list(rows):
            if label in ("1 app cold (clickstream)", "1,000 apps"):
                for name, options in variants.items():
                    rows.append((f"{label} [{name}]", [args.java, *args.jvm_option, *options, *ferry[len(args.jvm_option) + 1:],
                                                      *argv[len(ferry):-1], f"{argv[-1]}-{name}"], mb))
    if baseline:
        rows = [pair for label, argv, mb in rows for pair in (
            [(label, argv, mb)] if argv[:len(ferry)] != ferry
            else [(label, argv, mb), (f"{label} [baseline]", baseline + argv[len(ferry):-1] + [argv[-1] + "-baseline"], mb)])]
    results: dict[str, list[tuple[float, float, float, int]]] = {label: [] for label, _, _ in rows}
    for label, argv, _ in rows:  # untimed: the launcher's first conversion writes its start-up archive
        if argv[:1] == launcher:
            shutil.rmtree(argv[-1], ignore_errors=True)
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            break
    for _ in range(args.runs):  # interleaved: round r measures every row once
        for label, argv, _ in rows:
            if "convert" in argv:
                shutil.rmtree(argv[-1], ignore_errors=True)  # each run writes a fresh output, untimed
            results[label].append(measure(argv))

    print(f"Ferry bench: {args.runs} runs per row, interleaved; median (min-max); "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end")
    print(f"| {'measure':<37} | {'wall s':<20} | {'CPU s':<20} | {'peak RSS MiB':<20} | exit | CPU s per MB |")
    print(f"|{'-' * 39}|{'-' * 22}|{'-' * 22}|{'-' * 22}|------|--------------|")
    for label, _, megabytes in rows:
        runs = results[label]
        wall, cpu, rss = ([r[i] for r in runs] for i in range(3))
        codes = ",".join(sorted({str(r[3]) for r in runs}))
        per_mb = f"{statistics.median(cpu) / megabytes:.2f}" if megabytes >= 0.1 else ""
        print(f"| {label:<37} | {spread(wall, 2):<20} | {spread(cpu, 2):<20} | {spread(rss, 0):<20} | {codes:<4} | {per_mb:<12} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
