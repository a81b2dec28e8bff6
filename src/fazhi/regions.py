"""GB/T 2260 region codes as of a given year, and finding a report's region in its text.

The table `codebook/regions.csv` records each code with the years it was in force
(`valid_from` ≤ year < `valid_to`), so a 2019 report of 南通市崇川区 gets 320602 and a 2021 one
gets 320613. It covers the provinces and the regions of the reports in data/raw/; a report from a
region that is not in it is rejected with a reason saying so (add the region's row, or give
region_code in data/raw/sources.csv).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LEVEL_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "district": 2, "township": 3}


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str
    parent_code: str
    valid_from: int
    valid_to: int | None

    def in_force(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or year < self.valid_to)


@lru_cache(maxsize=1)
def load_regions() -> tuple[Region, ...]:
    """All rows of the region table, in file order."""
    with resources.files("fazhi.codebook").joinpath("regions.csv").open(encoding="utf-8") as f:
        return tuple(
            Region(
                code=row["code"],
                name=row["name"],
                level=row["level"],
                parent_code=row["parent_code"],
                valid_from=int(row["valid_from"]),
                valid_to=int(row["valid_to"]) if row["valid_to"] else None,
            )
            for row in csv.DictReader(f)
        )


def regions_in(year: int) -> dict[str, Region]:
    """Code → region for the codes in force in `year`."""
    return {r.code: r for r in load_regions() if r.in_force(year)}


def by_code(code: str, year: int) -> Region | None:
    return regions_in(year).get(code)


def ancestors(region: Region, year: int) -> list[Region]:
    """Parent, grandparent, ... of a region (nearest first)."""
    table = regions_in(year)
    out = []
    parent = table.get(region.parent_code)
    while parent is not None:
        out.append(parent)
        parent = table.get(parent.parent_code)
    return out


def find_region(text: str, year: int) -> list[Region]:
    """The most specific regions named in `text` and in force in `year`.

    A name counts when it appears in full (余姚市, 崇川区). Among the matches, the deepest level
    wins; when several of that level remain, those whose parent is also named are preferred.
    More than one result means the text is ambiguous.
    """
    named = [r for r in regions_in(year).values() if r.name in text]
    if not named:
        return []
    deepest = max(LEVEL_DEPTH[r.level] for r in named)
    best = [r for r in named if LEVEL_DEPTH[r.level] == deepest]
    if len(best) > 1:
        names = {r.code for r in named}
        with_parent = [r for r in best if r.parent_code in names]
        best = with_parent or best
    return sorted(best, key=lambda r: r.code)


def describe(region: Region, year: int) -> dict:
    """The reports.csv columns that follow from a region."""
    chain = ancestors(region, year)
    province = next((r for r in [region, *chain] if r.level == "province"), None)
    prefecture = next((r for r in chain if r.level == "prefecture"), None)
    assert province is not None, f"region {region.code} {region.name} has no province in {year}"
    return {
        "region_name": region.name,
        "region_code": region.code,
        "province": province.name,
        "prefecture": prefecture.name if prefecture else None,
        "admin_level": region.level,
    }
