"""Benchmarks (`make bench`): speed and memory targets live here, never in timed test assertions.

1. Quantity extraction throughput (MB/s, reports/s) on a synthetic corpus recombined from the seed
   paragraphs, and the time on adversarial inputs (long runs of digits, of 、, of brackets) that
   would expose a regular expression that backtracks.
2. The whole pipeline at scale: a scratch project with the five seeds plus synthetic reports (each
   a title naming a real region and year of the full region table, a publish date, and seed
   paragraphs drawn with a seeded generator), N = 1,000, 10,000 and 100,000. Each stage is run and
   timed on its own (wall time, peak resident memory of the stage's process tree), then
   `dvc repro` end to end on a fresh copy; then the growth of each figure from one N to the next.
   Targets on the 2-core machine (BENCHMARKS.md): 100,000 reports end to end within 20 minutes
   and 3 GB, time growing no faster than the corpus.

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


def measure(command: list[str], cwd: Path, env: dict) -> tuple[float, int, int]:
    """(wall seconds, peak RSS bytes of the process tree, exit code) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    peak = [0]

    def poll() -> None:
        try:
            parent = psutil.Process(process.pid)
            while process.poll() is None:
                tree = [parent, *parent.children(recursive=True)]
                rss = 0
                for p in tree:
                    try:
                        rss += p.memory_info().rss
                    except psutil.Error:
                        pass
                peak[0] = max(peak[0], rss)
                time.sleep(0.05)
        except psutil.Error:
            pass

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    _, err = process.communicate()
    watcher.join()
    if process.returncode:
        sys.stderr.write(err[-3000:])
    return time.perf_counter() - started, peak[0], process.returncode


def scratch_project(n_reports: int, root: Path, raw_from: Path | None = None) -> Path:
    """A copy of the project's pipeline with the seeds and N - 5 synthetic reports in data/raw/
    (copied from `raw_from`, a scratch project's data/raw/ already made, when given)."""
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
    if raw_from is not None:
        shutil.copytree(raw_from, raw)
        return project
    shutil.copytree(paths.RAW, raw)
    for name, data in synthetic_reports(n_reports - len(list(paths.RAW.glob("*.txt")))).items():
        (raw / name).write_bytes(data)
    return project


def bench_pipeline(n_reports: int, root: Path) -> dict:
    """Per-stage and end-to-end time and peak memory for a corpus of N reports."""
    project = scratch_project(n_reports, root)
    env = {**os.environ, "FAZHI_ROOT": str(project), "PYTHONHASHSEED": "0"}
    megabytes = sum(p.stat().st_size for p in (project / "data" / "raw").iterdir()) / 1e6
    result = {"reports": n_reports, "raw_mb": round(megabytes, 1), "stages": {}}
    print(f"  {n_reports:>6} reports  {megabytes:.1f} MB of raw text", flush=True)
    for stage in STAGES:
        seconds, peak, code = measure([sys.executable, "-m", STAGE_MODULES[stage]], project, env)
        assert code == 0, f"stage {stage} failed on {n_reports} reports"
        result["stages"][stage] = (seconds, peak)
        print(f"  {n_reports:>6} reports  {stage:<9} {seconds:7.1f} s  {peak / 2**20:7.0f} MiB",
              flush=True)
    shutil.rmtree(project / "data" / "texts", ignore_errors=True)  # disk: the fresh copy makes its own
    fresh = scratch_project(n_reports, root / "fresh", project / "data" / "raw")
    dvc = str(Path(sys.executable).with_name("dvc"))
    subprocess.run([dvc, "init", "--no-scm", "-q"], cwd=fresh, check=True)
    subprocess.run([dvc, "config", "core.analytics", "false"], cwd=fresh, check=True)
    env_fresh = {**env, "FAZHI_ROOT": str(fresh),
                 "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    seconds, peak, code = measure([dvc, "repro", "-q"], fresh, env_fresh)
    assert code == 0, f"dvc repro failed on {n_reports} reports"
    result["dvc_repro"] = (seconds, peak)
    print(f"  {n_reports:>6} reports  dvc repro {seconds:7.1f} s  {peak / 2**20:7.0f} MiB "
          "(end to end, fresh scratch project)", flush=True)
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(fresh, ignore_errors=True)
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
            lines.append(f"  {stage:<9} {t0:7.1f} s -> {t1:7.1f} s ({t1 / t0:5.1f}x), "
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
