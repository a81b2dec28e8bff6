"""Benchmarks (`make bench`): speed targets live here, never in timed test assertions.

Builds a synthetic corpus by recombining the paragraphs of the cleaned seed texts into N reports
(deterministic: a seeded shuffle), then measures quantity extraction: MB/s and reports/s, and the
time on adversarial inputs (long runs of digits, of 、, of brackets) that would expose a regular
expression that backtracks.

    python -m fazhi.bench [--reports N] [--paragraphs-per-report K]
"""

from __future__ import annotations

import argparse
import platform
import random
import time

from fazhi import paths
from fazhi.quantities import find_quantities

SEED = 20261122


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(paths.TEXTS.glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if p]
    return paragraphs


def synthetic_corpus(n_reports: int, per_report: int = 25, seed: int = SEED) -> list[str]:
    """N reports, each `per_report` seed paragraphs drawn with a seeded generator."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    return ["\n".join(rng.choices(paragraphs, k=per_report)) + "\n" for _ in range(n_reports)]


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


def time_quantities(texts: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    found = sum(len(find_quantities(t)) for t in texts)
    return time.perf_counter() - started, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--paragraphs-per-report", type=int, default=25)
    args = parser.parse_args()
    corpus = synthetic_corpus(args.reports, args.paragraphs_per_report)
    megabytes = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    seconds, found = time_quantities(corpus)
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"Python {platform.python_version()}")
    print(f"quantities: {args.reports} synthetic reports, {megabytes:.1f} MB, {found} quantities "
          f"in {seconds:.2f} s = {megabytes / seconds:.2f} MB/s, {args.reports / seconds:,.0f} reports/s")
    for name, text in adversarial_inputs().items():
        s, n = time_quantities([text])
        print(f"adversarial {name:>18}: {len(text):,} chars in {s:.3f} s ({n} quantities)")


if __name__ == "__main__":
    main()
