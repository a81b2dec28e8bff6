"""GB/T 2260 region codes as of a given year, and reading region names in an issuer's name.

The table `codebook/regions.csv` holds every province-, prefecture- and county-level division with
the years its code was in force (`valid_from` ≤ year < `valid_to`, as in the year-end official
list), its full name and the short names reports use (黔西南州), its parent and its predecessors.
So a 2019 report of 南通市崇川区 gets 320602 and a 2021 one 320613.

`parse_chain(text, year)` reads the names at the start of an issuer's name — 南通市崇川区司法局,
浙江省余姚市人民政府, 黔西南州人民政府 — left to right, each name a descendant of the one before,
and returns the candidates for the deepest one and what follows the names. It never searches
prose: a name counts only where it stands in the chain (老城区改造 names no 城区).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LEVEL_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "district": 2, "township": 3}
COUNTY_LEVELS = ("county", "district")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str
    parent_code: str
    valid_from: int
    valid_to: int | None
    short_names: tuple[str, ...] = ()
    predecessors: tuple[str, ...] = ()

    def in_force(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or year < self.valid_to)

    @property
    def depth(self) -> int:
        return LEVEL_DEPTH[self.level]

    def label(self) -> str:
        return f"{self.code} {self.name}"


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x for x in (cell or "").split(";") if x)


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
                short_names=_split(row.get("short_names")),
                predecessors=_split(row.get("predecessors")),
            )
            for row in csv.DictReader(f)
        )


@lru_cache(maxsize=64)
def regions_in(year: int) -> dict[str, Region]:
    """Code → region for the codes in force in `year`."""
    return {r.code: r for r in load_regions() if r.in_force(year)}


def by_code(code: str, year: int) -> Region | None:
    return regions_in(year).get(code)


def code_history(code: str) -> list[Region]:
    """Every period of a code in the table, oldest first (empty: the code was never listed)."""
    return sorted((r for r in load_regions() if r.code == code), key=lambda r: r.valid_from)


@lru_cache(maxsize=64)
def _names(year: int) -> tuple[dict[str, tuple[Region, ...]], int]:
    """Full and short name → regions in force in `year`, and the longest name's length."""
    table: dict[str, list[Region]] = {}
    for r in regions_in(year).values():
        for name in {r.name, *r.short_names}:
            table.setdefault(name, []).append(r)
    longest = max(map(len, table), default=0)
    return {k: tuple(sorted(v, key=lambda r: r.code)) for k, v in table.items()}, longest


def by_name(name: str, year: int) -> tuple[Region, ...]:
    """The regions in force in `year` whose full or short name is exactly `name`."""
    return _names(year)[0].get(name, ())


def ancestors(region: Region, year: int) -> list[Region]:
    """Parent, grandparent, ... of a region (nearest first)."""
    table = regions_in(year)
    out = []
    parent = table.get(region.parent_code)
    while parent is not None:
        out.append(parent)
        parent = table.get(parent.parent_code)
    return out


def is_within(region: Region, other: Region, year: int) -> bool:
    """Whether `region` is `other` or lies inside it."""
    return region.code == other.code or other in ancestors(region, year)


def has_county_children(region: Region, year: int) -> bool:
    """Whether county-level divisions lie under a region (东莞市 and 中山市 have none)."""
    return any(r.parent_code == region.code and r.level in COUNTY_LEVELS
               for r in regions_in(year).values())


@dataclass(frozen=True)
class Chain:
    """The region names at the start of a text: candidates for the deepest, and what follows."""
    candidates: tuple[Region, ...]  # empty when no name starts the text
    names: tuple[str, ...]  # the names as printed
    end: int  # where the names stop

    @property
    def rest_start(self) -> int:
        return self.end


def parse_chain(text: str, year: int) -> Chain:
    """Read region names from the start of `text`, each inside the one before (longest first).

    The candidates of a name are the regions of that name in force in `year` that lie inside one
    of the candidates of the name before it; a name that fits under none of them ends the chain.
    """
    table, longest = _names(year)
    pos, names = 0, []
    current: tuple[Region, ...] = ()
    while pos < len(text):
        for size in range(min(longest, len(text) - pos), 1, -1):
            found = table.get(text[pos:pos + size])
            if not found:
                continue
            fitting = tuple(r for r in found
                            if not current or any(is_within(r, c, year) and r.code != c.code
                                                  for c in current))
            if fitting:
                current, pos = fitting, pos + size
                names.append(text[pos - size:pos])
                break
        else:
            break
    return Chain(current, tuple(names), pos)


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


# --- checks of the table itself (used by the published table's schema) --------------------------

CHECK_YEARS = range(2014, 2027)
# Official year-end totals 2014–2025 (民政部; scripts/regions/official_counts.csv): the table must
# stay close to them in every year it covers.
LEVEL_BOUNDS = {"province": (34, 34), "prefecture": (325, 340), "county_level": (2830, 2870)}


def _periods(frame) -> list[tuple[str, int, int | None, str, str, str]]:
    import pandas as pd

    def year(v):
        return None if v is None or pd.isna(v) else int(v)
    return [(r.region_code, year(r.valid_from), year(r.valid_to), r.region_name, r.parent_code,
             r.admin_level) for r in frame.itertuples(index=False)]


def _in_force(valid_from: int, valid_to: int | None, year: int) -> bool:
    return valid_from <= year and (valid_to is None or year < valid_to)


def overlapping_periods(frame) -> list[str]:
    """Codes with two rows in force in the same year."""
    out = []
    for year in CHECK_YEARS:
        codes = [c for c, a, b, *_ in _periods(frame) if _in_force(a, b, year)]
        out += [f"{c} twice in {year}" for c in sorted({c for c in codes if codes.count(c) > 1})]
    return out


def orphans(frame) -> list[str]:
    """Rows whose parent is not in force in a year the row is."""
    rows = _periods(frame)
    out = []
    for year in CHECK_YEARS:
        live = {c for c, a, b, *_ in rows if _in_force(a, b, year)}
        out += [f"{c} in {year}: parent {p} not in force" for c, a, b, _, p, level in rows
                if _in_force(a, b, year) and level != "province" and p not in live]
    return out


def shared_names_under_one_parent(frame) -> list[str]:
    """Two codes of one name under one parent in force in the same year."""
    rows = _periods(frame)
    out = []
    for year in CHECK_YEARS:
        seen: dict[tuple[str, str], str] = {}
        for c, a, b, name, parent, _ in rows:
            if _in_force(a, b, year):
                if (name, parent) in seen and seen[(name, parent)] != c:
                    out.append(f"{name} under {parent} in {year}: {seen[(name, parent)]} and {c}")
                seen[(name, parent)] = c
    return out


def counts_off_official(frame) -> list[str]:
    """Years whose counts per level leave the official totals' range."""
    rows = _periods(frame)
    out = []
    for year in CHECK_YEARS:
        levels = [level for _, a, b, _, _, level in rows if _in_force(a, b, year)]
        counts = {"province": levels.count("province"), "prefecture": levels.count("prefecture"),
                  "county_level": levels.count("county") + levels.count("district")}
        out += [f"{year}: {n} {k} (official range {LEVEL_BOUNDS[k]})" for k, n in counts.items()
                if not LEVEL_BOUNDS[k][0] <= n <= LEVEL_BOUNDS[k][1]]
    return out


TABLE_CHECKS = (overlapping_periods, orphans, shared_names_under_one_parent, counts_off_official)
