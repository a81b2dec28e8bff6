"""Benchmarks (`make bench`): speed and memory targets live here, never in timed test assertions.

1. Quantity extraction throughput (MB/s, reports/s) on a synthetic corpus recombined from the seed
   paragraphs, and the time on adversarial inputs (long runs of digits, of 、, of brackets) that
   would expose a regular expression that backtracks.
2. The whole pipeline at scale: a scratch project with the five seeds plus synthetic reports (each
   a title naming a real region and year of the full region table, a publish date, and seed
   paragraphs drawn with a seeded generator), N = 1,000, 10,000 and 100,000: `dvc repro` end to
   end on a fresh scratch project (wall time, peak resident memory of the process tree) and,
   inside it, each stage (the subtree of its `python -m fazhi.<stage>` process, sampled every
   50 ms); then the growth of each figure from one N to the next. Targets on the 2-core machine
   (BENCHMARKS.md): 100,000 reports end to end within 20 minutes and 3 GB, time growing no faster
   than the corpus.

    python -m fazhi.bench [--reports 1000 10000 100000] [--skip-pipeline]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from fazhi import paths
from fazhi.synthetic import synthetic_corpus, synthetic_reports
from fazhi.quantities import find_quantities

STAGES = ["ingest", "segment", "extract", "publish", "evaluate", "document", "figures"]
STAGE_MODULES = {"ingest": "fazhi.ingest", "segment": "fazhi.segment", "extract": "fazhi.extract",
                 "publish": "fazhi.publish", "evaluate": "fazhi.evaluate",
                 "document": "fazhi.document", "figures": "fazhi.figures"}
PROJECT_FILES = ["dvc.yaml", "params.yaml", "src", "tests/gold", "tests/challenge", "tests/heldout",
                 "notebooks/src"]


# --- synthetic corpus -------------------------------------------------------------------------


def adversarial_inputs(size: int = 200_000) -> dict[str, str]:
    return {
        "digits": "1" * size,
        "digits_and_commas": "1,000," * (size // 6),
        "enumeration": "3、" * (size // 2),
        "brackets": "(" * (size // 2) + ")" * (size // 2),
        "quotes": "“" * (size // 2) + "一" * (size // 2),
        "numerals": "一二三四五六七八九十" * (size // 10),
        "letters_digits": "a1" * (size // 2),
    }


# --- measuring --------------------------------------------------------------------------------


def scratch_project(n_reports: int, root: Path) -> Path:
    """A copy of the project's pipeline with the seeds and N - 5 synthetic reports in data/raw/."""
    project = root / f"corpus_{n_reports}"
    for relative in PROJECT_FILES:
        source = paths.ROOT / relative
        target = project / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    raw = project / "data" / "raw"
    shutil.copytree(paths.RAW, raw)
    for name, data in synthetic_reports(n_reports - len(list(paths.RAW.glob("*.txt")))).items():
        (raw / name).write_bytes(data)
    return project


def measure_stages(command: list[str], cwd: Path, env: dict) -> tuple[float, int, int, dict]:
    """(wall seconds, peak RSS bytes of the process tree, exit code, per stage (seconds, peak
    bytes)) of `dvc repro`: each stage is the subtree of the process running `-m <its module>`,
    timed from the first to the last sample that sees it (every 50 ms)."""
    modules = {module: stage for stage, module in STAGE_MODULES.items()}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    peak = [0]
    stages: dict[str, list[float]] = {}  # stage -> [first seen, last seen, peak bytes]
    printed: set[str] = set()

    def stage_of(p: psutil.Process) -> str | None:
        try:
            line = p.cmdline()
        except psutil.Error:
            return None
        for i, part in enumerate(line[:-1]):
            if part == "-m" and line[i + 1] in modules:
                return modules[line[i + 1]]
        return None

    def poll() -> None:
        try:
            parent = psutil.Process(process.pid)
            while process.poll() is None:
                now = time.perf_counter()
                total, by_stage = 0, {}
                for p in [parent, *parent.children(recursive=True)]:
                    try:
                        rss = p.memory_info().rss
                    except psutil.Error:
                        continue
                    total += rss
                    stage = stage_of(p)
                    if stage is None:  # a stage's workers: attribute to the stage above them
                        try:
                            stage = next((s for s in map(stage_of, p.parents()) if s), None)
                        except psutil.Error:
                            stage = None
                    if stage:
                        by_stage[stage] = by_stage.get(stage, 0) + rss
                peak[0] = max(peak[0], total)
                for stage, rss in by_stage.items():
                    if stage not in stages:  # a stage starts: the one before has ended
                        for done, (first, last, top) in stages.items():
                            if done not in by_stage and done not in printed:
                                printed.add(done)
                                print(f"    {done:<9} ended: {last - first:7.1f} s  "
                                      f"{top / 2**20:7.0f} MiB", flush=True)
                    seen = stages.setdefault(stage, [now, now, 0])
                    seen[1], seen[2] = now, max(seen[2], rss)
                time.sleep(0.05)
        except psutil.Error:
            pass

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    _, err = process.communicate()
    watcher.join()
    if process.returncode:
        sys.stderr.write(err[-3000:])
    per_stage = {stage: (last - first, int(top)) for stage, (first, last, top) in stages.items()}
    return time.perf_counter() - started, peak[0], process.returncode, per_stage


def bench_pipeline(n_reports: int, root: Path) -> dict:
    """Per-stage and end-to-end time and peak memory for a corpus of N reports: one `dvc repro`
    of a fresh scratch project, each stage measured inside it."""
    project = scratch_project(n_reports, root)
    env = {**os.environ, "FAZHI_ROOT": str(project), "PYTHONHASHSEED": "0",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    megabytes = sum(p.stat().st_size for p in (project / "data" / "raw").iterdir()) / 1e6
    print(f"  {n_reports:>6} reports  {megabytes:.1f} MB of raw text", flush=True)
    dvc = str(Path(sys.executable).with_name("dvc"))
    subprocess.run([dvc, "init", "--no-scm", "-q"], cwd=project, check=True)
    subprocess.run([dvc, "config", "core.analytics", "false"], cwd=project, check=True)
    seconds, peak, code, stages = measure_stages([dvc, "repro", "-q"], project, env)
    assert code == 0, f"dvc repro failed on {n_reports} reports"
    result = {"reports": n_reports, "raw_mb": round(megabytes, 1), "dvc_repro": (seconds, peak),
              "stages": {stage: stages.get(stage, (0.0, 0)) for stage in STAGES}}
    for stage in STAGES:
        t, m = result["stages"][stage]
        print(f"  {n_reports:>6} reports  {stage:<9} {t:7.1f} s  {m / 2**20:7.0f} MiB", flush=True)
    print(f"  {n_reports:>6} reports  dvc repro {seconds:7.1f} s  {peak / 2**20:7.0f} MiB "
          "(end to end)", flush=True)
    shutil.rmtree(project, ignore_errors=True)
    return result


TARGET_SECONDS, TARGET_BYTES = 20 * 60, 3 * 10**9  # 100,000 reports end to end (BENCHMARKS.md)


def growth(results: list[dict]) -> list[str]:
    """Per stage and end to end: time and peak memory at each N and their growth from one N to
    the next (a time ratio no larger than the corpus ratio is linear or better)."""
    lines = []
    for small, large in zip(results, results[1:]):
        factor = large["reports"] / small["reports"]
        lines.append(f"growth {small['reports']:,} -> {large['reports']:,} reports ({factor:.0f}x):")
        rows = [(stage, small["stages"][stage], large["stages"][stage]) for stage in STAGES]
        rows.append(("dvc repro", small["dvc_repro"], large["dvc_repro"]))
        for stage, (t0, m0), (t1, m1) in rows:
            ratio = f"{t1 / t0:5.1f}x" if t0 >= 0.5 else "  —  "  # too short to compare
            lines.append(f"  {stage:<9} {t0:7.1f} s -> {t1:7.1f} s ({ratio}), "
                         f"{m0 / 2**20:6.0f} -> {m1 / 2**20:6.0f} MiB ({m1 / max(m0, 1):4.1f}x)")
    return lines


def verdict(result: dict) -> str:
    """The end-to-end run of the largest corpus against the targets."""
    seconds, peak = result["dvc_repro"]
    peaks = max([peak] + [m for _, m in result["stages"].values()])
    return (f"targets at {result['reports']:,} reports: end to end {seconds / 60:.1f} min "
            f"(target {TARGET_SECONDS / 60:.0f}: {'met' if seconds <= TARGET_SECONDS else 'MISSED'}), "
            f"peak memory {peaks / 1e9:.2f} GB (target {TARGET_BYTES / 1e9:.0f}: "
            f"{'met' if peaks <= TARGET_BYTES else 'MISSED'})")


def time_quantities(texts: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    found = sum(len(find_quantities(t)) for t in texts)
    return time.perf_counter() - started, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--skip-pipeline", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}")
    corpus = synthetic_corpus(1000)
    megabytes = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    seconds, found = time_quantities(corpus)
    print(f"quantities: 1000 synthetic reports, {megabytes:.1f} MB, {found} quantities in "
          f"{seconds:.2f} s = {megabytes / seconds:.2f} MB/s, {1000 / seconds:,.0f} reports/s "
          "(one core)")
    for name, text in adversarial_inputs().items():
        s, n = time_quantities([text])
        print(f"adversarial {name:>18}: {len(text):,} chars in {s:.3f} s ({n} quantities)")
    if args.skip_pipeline:
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as tmp:
        for n in args.reports:
            results.append(bench_pipeline(n, Path(tmp)))
    for line in growth(results):
        print(line)
    if len(results) >= 2:
        small, large = results[0], results[-1]
        ratio = large["dvc_repro"][0] / small["dvc_repro"][0]
        print(f"scaling: {large['reports'] / small['reports']:.0f}x reports -> {ratio:.1f}x time "
              "(dvc repro end to end)")
    if results:
        print(verdict(results[-1]))


if __name__ == "__main__":
    main()
