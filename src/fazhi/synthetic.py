"""Synthetic reports for benchmarks and detection checks: titles naming real regions of the table.

`issuer_name(region, year)` is how a report names its government: the region's name, with its
parent's (and grandparent's) name in front when the name alone is shared by several regions in
force that year (鼓楼区 → 福州市鼓楼区). `synthetic_reports(n)` builds N raw files with such a
title, a publish date and a body of seed paragraphs, seeded so every run is the same.
"""

from __future__ import annotations

import random
from pathlib import Path

from fazhi import paths, regions

SEED = 20261122


def issuer_name(region: regions.Region, year: int) -> str:
    """The region's name as a report would print it: with parents until it is unambiguous."""
    name = region.name
    for parent in regions.ancestors(region, year):
        if len(regions.parse_chain(name, year).candidates) == 1:
            break
        name = parent.name + name
    return name


def region_title(region: regions.Region, year: int) -> str:
    return f"{issuer_name(region, year)}人民政府关于{year}年度法治政府建设情况的报告"


def seed_paragraphs(texts_dir: Path = paths.TEXTS) -> list[str]:
    paragraphs = []
    for path in sorted(texts_dir.glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if len(p) > 40]
    return paragraphs


def synthetic_corpus(n_reports: int, per_report: int = 25, seed: int = SEED) -> list[str]:
    """N report bodies of `per_report` seed paragraphs each (seeded, so the same every run)."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    return ["\n".join(rng.choices(paragraphs, k=per_report)) + "\n" for _ in range(n_reports)]


def synthetic_reports(n_reports: int, seed: int = SEED) -> dict[str, bytes]:
    """Raw files of N synthetic reports: a title naming a region of any level in force in a year
    of 2014–2026, a publish date, a body."""
    rng = random.Random(seed + 1)
    table = regions.load_regions()
    bodies = synthetic_corpus(n_reports, per_report=12, seed=seed)
    out = {}
    for i, body in enumerate(bodies):
        year = rng.randint(2014, 2025)
        region = rng.choice([r for r in table if r.in_force(year)])
        date = f"{year + 1}-0{rng.randint(1, 5)}-{rng.randint(10, 28)}"
        out[f"syn_{i:05d}.txt"] = f"{region_title(region, year)}\n发布日期:{date}\n{body}".encode()
    return out
