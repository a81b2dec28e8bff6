"""The region table (GB/T 2260 over time) and reading region names in an issuer's name."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from fazhi import regions


def _code(name_chain: str, year: int) -> str | None:
    chain = regions.parse_chain(name_chain, year)
    assert chain.end == len(name_chain), f"{name_chain}: only {name_chain[:chain.end]!r} read"
    return chain.candidates[0].code if len(chain.candidates) == 1 else None


# --- the table --------------------------------------------------------------------------------


@pytest.mark.parametrize(("chain", "year", "code"), [
    ("南通市崇川区", 2019, "320602"),
    ("南通市崇川区", 2021, "320613"),
    ("南通市海门市", 2019, "320684"),
    ("南通市海门区", 2021, "320614"),
    ("重庆市梁平县", 2015, "500228"),
    ("重庆市梁平区", 2017, "500155"),
    ("海东市乐都区", 2014, "630202"),
    ("海东市平安区", 2016, "630203"),
    ("莱芜市", 2017, "371200"),  # abolished by 国函〔2018〕163号: not in the 2018 year-end list
    ("济南市莱芜区", 2019, "370116"),
    ("济南市钢城区", 2019, "370117"),
])
def test_known_code_changes(chain, year, code):
    """A region's code is the one in force in the report year, across renames and mergers."""
    assert _code(chain, year) == code


@pytest.mark.parametrize(("name", "year"), [("莱芜市", 2020), ("港闸区", 2021), ("梁平县", 2017),
                                            ("海门市", 2021)])
def test_abolished_region_is_not_found_after_its_end(name, year):
    """A division abolished before the report year is not read as a region."""
    assert regions.by_name(name, year) == ()


def test_no_code_has_overlapping_periods():
    """Each code has at most one row in force in any year."""
    for year in range(2014, 2027):
        counts = Counter(r.code for r in regions.load_regions() if r.in_force(year))
        assert [c for c, n in counts.items() if n > 1] == [], year


def test_every_parent_is_in_force_when_its_child_is():
    """A child's parent code names a region in force in every year the child is."""
    for year in range(2014, 2027):
        table = regions.regions_in(year)
        orphans = [r.code for r in table.values()
                   if r.level != "province" and r.parent_code not in table]
        assert orphans == [], year


def test_parent_is_one_level_up_or_a_province():
    """Counties and districts sit under a prefecture or directly under a province."""
    table = regions.regions_in(2023)
    for r in table.values():
        if r.level == "province":
            continue
        parent = table[r.parent_code]
        assert parent.level in ("province", "prefecture"), (r.code, parent.code)
        if r.level == "prefecture":
            assert parent.level == "province", r.code


@pytest.mark.parametrize("year", [2014, 2019, 2023])
def test_counts_per_level_are_close_to_the_official_totals(year):
    """About 34 provinces, 333 prefectures and 2,850 county-level divisions in force."""
    counts = Counter(r.level for r in regions.regions_in(year).values())
    assert 31 <= counts["province"] <= 34
    assert 325 <= counts["prefecture"] <= 340
    assert 2800 <= counts["county"] + counts["district"] <= 2870


# --- reading names ----------------------------------------------------------------------------


def test_short_name_of_an_autonomous_prefecture():
    """黔西南州 is read as 黔西南布依族苗族自治州."""
    assert regions.parse_chain("黔西南州人民政府", 2022).candidates[0].code == "522300"


def test_shared_name_gives_every_candidate():
    """鼓楼区 alone is several districts."""
    found = regions.parse_chain("鼓楼区人民政府", 2022).candidates
    assert {"320106", "350102", "410204"} <= {r.code for r in found}


def test_parent_settles_a_shared_name():
    """福州市鼓楼区 is one district."""
    assert [r.code for r in regions.parse_chain("福州市鼓楼区", 2022).candidates] == ["350102"]


def test_chain_stops_at_a_name_outside_the_parent():
    """A district name that does not lie under the city before it ends the chain there."""
    chain = regions.parse_chain("杭州市鼓楼区人民政府", 2022)
    assert (chain.names, [r.code for r in chain.candidates]) == (("杭州市",), ["330100"])


def test_names_inside_words_are_not_read():
    """Only names at the start count: 加快老城区改造 names no district (洛阳市老城区 exists)."""
    assert regions.parse_chain("加快老城区改造", 2022).candidates == ()


@pytest.mark.parametrize("year", [2015, 2021, 2025])
def test_every_region_named_as_reports_name_it_gets_its_own_code(year):
    """A title naming any region of the table (with its parent where the name is shared) is
    read back as that region, with no reject."""
    from fazhi.evaluate import evaluate_region_titles

    result = evaluate_region_titles([year])["overall"]
    assert result["titles"] > 3000 and (result["rejected"], result["wrong"]) == (0, 0)


# --- the published table's whole-table checks ----------------------------------------------------


def _published_regions():
    from fazhi import publish

    return publish.regions_frame()


def test_published_region_table_passes_its_whole_table_checks():
    """The region table as published meets its schema, whole-table checks included."""
    from fazhi import schema

    schema.validate("regions", schema.conform("regions", _published_regions()))


@pytest.mark.parametrize(("damage", "check"), [
    (lambda f: f[f["admin_level"] != "prefecture"], "counts_off_official"),
    (lambda f: pd.concat([f, f[f["region_code"] == "110101"].assign(valid_from="2015")]),
     "overlapping_periods"),
    (lambda f: f[f["region_code"] != "320600"], "orphans"),
])
def test_damaged_region_table_fails_the_check_that_names_it(damage, check):
    """Dropping a level, overlapping two periods of a code, or losing a parent is caught."""
    from fazhi import schema
    from fazhi.table_checks import CHECKS

    frame = schema.conform("regions", damage(_published_regions()))
    assert CHECKS[check](frame)
    with pytest.raises(Exception, match=check):
        schema.validate("regions", frame)
