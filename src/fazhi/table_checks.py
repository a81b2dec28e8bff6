"""Checks of a whole table that column rules cannot state, named in the codebook (a resource's
`table_checks`) and run by its pandera schema. Each returns the problems it finds, one line each.

The region table (data/regions.csv, from src/fazhi/codebook/regions.csv): no code with two rows in
force in one year; every parent in force whenever its child is; one code per name under one parent
in a year; counts per level close to the official year-end totals in every year 2014–2026.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

CHECK_YEARS = range(2014, 2027)
# Official year-end totals 2014–2025 (民政部; scripts/regions/official_counts.csv): the table must
# stay close to them in every year it covers.
LEVEL_BOUNDS = {"province": (34, 34), "prefecture": (325, 340), "county_level": (2830, 2870)}


def _periods(frame: pd.DataFrame) -> list[tuple[str, int, int | None, str, str, str]]:
    def year(v):
        return None if v is None or pd.isna(v) else int(v)
    return [(r.region_code, year(r.valid_from), year(r.valid_to), r.region_name, r.parent_code,
             r.admin_level) for r in frame.itertuples(index=False)]


def _in_force(valid_from: int, valid_to: int | None, year: int) -> bool:
    return valid_from <= year and (valid_to is None or year < valid_to)


def overlapping_periods(frame) -> list[str]:
    """Codes with two rows in force in the same year."""
    rows = _periods(frame)
    out = []
    for year in CHECK_YEARS:
        codes = Counter(c for c, a, b, *_ in rows if _in_force(a, b, year))
        out += [f"{c} twice in {year}" for c in sorted(c for c, n in codes.items() if n > 1)]
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


CHECKS = {check.__name__: check for check in TABLE_CHECKS}
