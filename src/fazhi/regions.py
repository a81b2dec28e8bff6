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


def parse_chain(text: str, year: int) -> Chain:
    """Read region names from the start of `text`, each inside the one before (longest first).

    The candidates of a name are the regions of that name in force in `year` that lie inside one
    of the candidates of the name before it; a name that fits under none of them ends the chain.
    """
    table, longest = _names(year)
    pos, names = 0, []
    current: tuple[Region, ...] = ()
    while pos < len(text):
        # Full and short names first; an abbreviation (东乌旗, 博州) only where none fits.
        for lookup in (lambda name: table.get(name, ()), lambda name: abbreviated(name, year)):
            step = _step(lookup, text, pos, min(longest, len(text) - pos), current, year)
            if step:
                break
        if not step:
            break
        current, size = step
        names.append(text[pos:pos + size])
        pos += size
    return Chain(current, tuple(names), pos)


def _step(lookup, text: str, pos: int, longest: int, current: tuple[Region, ...],
          year: int) -> tuple[tuple[Region, ...], int] | None:
    """The longest name at `pos` that `lookup` knows and that fits under the chain so far."""
    for size in range(longest, 1, -1):
        found = lookup(text[pos:pos + size])
        fitting = tuple(r for r in found
                        if not current or any(is_within(r, c, year) and r.code != c.code
                                              for c in current))
        if fitting:
            return fitting, size
    return None


# What an abbreviation ends with, and the level and ending of the names it may stand for.
ABBREVIATION_ENDS = {"州": ("prefecture", "州"), "盟": ("prefecture", "盟"), "旗": ("county", "旗")}


def _is_abbreviation(short: str, base: str) -> bool:
    """`short` keeps the first character of `base` and some of the rest, in order (东乌 of
    东乌珠穆沁, 科右前 of 科尔沁右翼前, 博 of 博尔塔拉), and is not `base` itself."""
    if short == base or not short or not base or short[0] != base[0]:
        return False
    rest = iter(base[1:])
    return all(c in rest for c in short[1:])


@lru_cache(maxsize=4096)
def abbreviated(name: str, year: int) -> tuple[Region, ...]:
    """The regions in force in `year` that an abbreviated name of a 旗, 自治州 or 盟 can stand for:
    reports write 东乌旗 for 东乌珠穆沁旗, 科右前旗 for 科尔沁右翼前旗, 博州 for 博尔塔拉蒙古自治州,
    锡盟 for 锡林郭勒盟. The name keeps the first character and some others of the full name in
    order, with the same ending, at the same level. Several regions → all of them (the caller
    rejects an ambiguous name with the candidates); only these endings, whose abbreviations are
    customary, never 县, 区 or 市."""
    if len(name) < 2 or name[-1] not in ABBREVIATION_ENDS or by_name(name, year):
        return ()
    level, ending = ABBREVIATION_ENDS[name[-1]]
    out = []
    for r in regions_in(year).values():
        if r.level != level or not r.name.endswith(ending):
            continue
        base = r.name[:-len(ending)].removesuffix("自治")
        if _is_abbreviation(name[:-1], base):
            out.append(r)
    return tuple(sorted(out, key=lambda r: r.code))


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
