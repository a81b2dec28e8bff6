"""The tables behind the notebooks: on the published package and on small frames built here
(one report, reports without a publish date or element flags, no indicators at all)."""

from __future__ import annotations

import pandas as pd
import pytest

from fazhi import analysis
from fazhi.codebook import FIELDS, RESOURCES
from fazhi.codebook.structure import ELEMENTS, OUTLINE_CHAPTERS
from fazhi.load import DTYPES, load_table


def loaded(table: str, rows: list[dict]) -> pd.DataFrame:
    """A small table typed as `load_table` types it; columns not given are empty."""
    out = pd.DataFrame(rows, columns=RESOURCES[table]["fields"])
    for column in out.columns:
        ftype = FIELDS[column]["type"]
        out[column] = (pd.to_datetime(out[column], format="%Y-%m-%d") if ftype == "date"
                       else out[column].astype(DTYPES[ftype]))
    return out


def report(report_id: str, year: int, published: str | None = None, flags=(True,) * 5,
           **changes) -> dict:
    """One reports row; no publish date → no on-time flag; flags None = not recorded."""
    deadline = f"{year + 1}-04-01"
    row = {"report_id": report_id, "region_name": "余姚市", "region_code": report_id[:6],
           "province": "浙江省", "report_year": year, "admin_level": "county", "publish_date": published, "deadline": deadline,
           "is_published_on_time": None if published is None else published < deadline,
           "n_chars": 2000, "n_quantities": 10, "n_indicators": 1,
           **{f"has_{e}": flag for e, flag in zip(ELEMENTS, flags)}}
    return {**row, **changes}


def indicator(report_id: str, indicator_id: str, year: int, value: float | None, **changes) -> dict:
    return {"report_id": report_id, "indicator_id": indicator_id, "ref_year": year, "value": value,
            "period": "year", "evidence": f"{indicator_id} {value}", **changes}


CODEBOOK = loaded("codebook", [{"indicator_id": i, "name_zh": n} for i, n in (
    ("agency_head_court_appearance_rate_pct", "出庭应诉率"),
    ("admin_reconsideration_applications_count", "收到行政复议申请"),
    ("legal_aid_cases_count", "法律援助案件"))])
ONE = loaded("reports", [report("330281-2022", 2022, "2023-03-30")])
MIXED = loaded("reports", [
    report("330281-2022", 2022, "2023-03-30"),
    report("320602-2019", 2019, "2020-05-06", flags=(True, None, False, None, True)),
    report("421222-2023", 2023, None, flags=(None,) * 5),
])
NOTHING = loaded("reports", [report("421222-2023", 2023, None, flags=(None,) * 5,
                                    n_quantities=0, n_indicators=0)])
NO_INDICATORS = loaded("indicators", [])


def test_labels_stay_unique_when_two_reports_share_region_and_year():
    """Two reports of 余姚市 2022 get their ids added to the label."""
    reports = pd.DataFrame({"report_id": ["330281-2022", "330281-2022-2"],
                            "region_name": ["余姚市", "余姚市"], "report_year": [2022, 2022]})
    assert analysis.report_labels(reports).tolist() == ["余姚市 2022 (330281-2022)",
                                                        "余姚市 2022 (330281-2022-2)"]


def test_focus_limits_per_report_charts():
    """A large corpus is shown through its first reports by id, not plotted whole."""
    reports = pd.DataFrame({"report_id": [f"110000-{2000 + i}" for i in range(40)][::-1]})
    shown = analysis.focus(reports, limit=25)
    assert len(shown) == 25 and shown["report_id"].iloc[0] == "110000-2000"


def test_dispute_rates_carry_their_evidence():
    """Every plotted rate has its evidence clause and period."""
    rates = analysis.dispute_rates(load_table("indicators"), load_table("reports"))
    assert len(rates) > 0, "indicators.csv: no dispute-resolution rate of any report"
    for column in ("evidence", "period"):
        empty = rates[rates[column].isna()]
        assert empty.empty, (f"indicators.csv, column {column} empty for (report, rate, ref_year) "
                             f"{list(zip(empty['report'], empty['rate'], empty['ref_year']))}")


def test_previous_year_values_are_marked():
    """余姚市's 2021 appearance rate (86%) is marked as a previous-year value."""
    rates = analysis.dispute_rates(load_table("indicators"), load_table("reports"))
    rows = rates[(rates["report"] == "余姚市 2022") & (rates["rate"] == analysis.RATES[
        "agency_head_court_appearance_rate_pct"])]
    found = list(zip(rows["ref_year"], rows["is_previous_year"], rows["value"]))
    assert (2021, True, 86.0) in found, (
        "indicators.csv, key (report_id=330281-2022, indicator_id=agency_head_court_appearance_rate_pct, "
        f"ref_year=2021): expected value 86 marked previous-year; (ref_year, is_previous_year, value) "
        f"found: {found}")


def test_coverage_matrix_is_report_by_indicator():
    """The coverage matrix has one row per report and one column per codebook indicator."""
    reports, codebook = load_table("reports"), load_table("codebook")
    matrix = analysis.coverage(load_table("indicators"), reports, codebook)
    assert matrix.shape == (len(reports), len(codebook)), (
        f"coverage is {matrix.shape}, reports.csv has {len(reports)} rows, codebook.csv {len(codebook)}")
    assert set(matrix.to_numpy().ravel()) <= {0, 1}


# --- small frames: missing values stay missing, empty inputs give empty tables -----------------


def test_compliance_keeps_a_missing_publish_date_missing():
    """No publish date: no days to the deadline and an unknown on-time flag, not late."""
    table = analysis.compliance(MIXED).set_index("report")
    assert table.loc["余姚市 2022", "days_before_deadline"] == 2
    assert table.loc["余姚市 2019", "days_before_deadline"] == -35
    assert not table.loc["余姚市 2019", "is_published_on_time"]
    assert table.loc["余姚市 2023", ["days_before_deadline", "is_published_on_time"]].isna().all()
    assert str(table["days_before_deadline"].dtype) == "Int64"


def test_compliance_keeps_missing_element_flags_missing():
    """An element flag that is empty stays empty (not 'not found'), per report and element."""
    table = analysis.compliance(MIXED).set_index("report")
    assert table.loc["余姚市 2019", list(ELEMENTS)].tolist() == [True, pd.NA, False, pd.NA, True]
    assert table.loc["余姚市 2023", list(ELEMENTS)].isna().all()
    assert all(str(table[e].dtype) == "boolean" for e in ELEMENTS)


def test_compliance_of_a_single_report():
    """A corpus of one report gives one row with every column."""
    table = analysis.compliance(ONE)
    assert len(table) == 1 and table["is_published_on_time"].tolist() == [True]
    assert list(table.columns[:6]) == ["report", "admin_level", "publish_date", "deadline",
                                       "days_before_deadline", "is_published_on_time"]


def test_density_of_an_empty_text_is_missing_not_infinite():
    """n_chars = 0 gives no density rather than inf; other reports are unaffected."""
    reports = loaded("reports", [report("330281-2022", 2022, n_chars=0, n_quantities=0),
                                 report("320602-2019", 2019, n_chars=2000, n_quantities=7)])
    density = analysis.density(reports).set_index("report")["quantities_per_1000_chars"]
    assert pd.isna(density["余姚市 2022"]) and density["余姚市 2019"] == 3.5


@pytest.mark.parametrize("reports", [ONE, MIXED, NOTHING], ids=["one", "mixed", "nothing"])
def test_no_indicators_at_all_gives_empty_tables_with_their_columns(reports):
    """Without indicators, rates and funnel are empty (same columns) and coverage is all 0."""
    rates = analysis.dispute_rates(NO_INDICATORS, reports)
    assert rates.empty and list(rates.columns) == ["report", "rate", "ref_year", "is_previous_year",
                                                   "value", "period", "evidence"]
    funnel = analysis.reconsideration_funnel(NO_INDICATORS, reports)
    assert funnel.empty and list(funnel.columns) == ["report", "stage", "value", "period", "evidence"]
    matrix = analysis.coverage(NO_INDICATORS, reports, CODEBOOK)
    assert matrix.shape == (len(reports), len(CODEBOOK)) and matrix.to_numpy().sum() == 0


def test_rates_and_funnel_on_a_small_corpus():
    """One report's stated values, with the previous year marked and a range kept missing."""
    indicators = loaded("indicators", [
        indicator("330281-2022", "agency_head_court_appearance_rate_pct", 2021, 86.0),
        indicator("330281-2022", "agency_head_court_appearance_rate_pct", 2022, 100.0),
        indicator("330281-2022", "admin_reconsideration_applications_count", 2022, None,
                  qualifier="range", lower="10", upper="15"),
        indicator("999999-2022", "agency_head_court_appearance_rate_pct", 2022, 50.0),  # not shown
    ])
    rates = analysis.dispute_rates(indicators, ONE)
    assert list(zip(rates["ref_year"], rates["is_previous_year"], rates["value"])) == [
        (2021, True, 86.0), (2022, False, 100.0)]
    funnel = analysis.reconsideration_funnel(indicators, ONE)
    assert funnel["stage"].astype(str).tolist() == ["收到申请 applications"]
    assert funnel["value"].isna().all()


def test_chapter_shares_have_every_chapter_even_when_none_is_stated():
    """Columns are the ten 纲要 chapters in order; a report without shares is a row of NaN."""
    shares = loaded("outline_shares", [{"report_id": "330281-2022", "outline_chapter": 3,
                                        "n_chars_in_chapter": 50, "text_share_pct": 2.5}])
    table = analysis.chapter_shares(shares, MIXED)
    assert list(table.columns) == list(OUTLINE_CHAPTERS)
    assert table.loc["余姚市 2022", 3] == 2.5 and table.loc["余姚市 2023"].isna().all()
    empty = analysis.chapter_shares(loaded("outline_shares", []), ONE)
    assert empty.shape == (1, 10) and empty.isna().all().all()


def test_quality_without_any_indicator_with_gold_is_empty():
    """No indicator with gold values or predictions: an empty table with the usual columns."""
    per = {"legal_aid_cases_count": {"gold": 0, "predicted": 0, "tp": 0, "precision": None,
                                     "recall": None, "f1": None}}
    for metrics in ({"indicators": {"per_indicator": {}}}, {"indicators": {"per_indicator": per}}):
        table = analysis.quality(metrics)
        assert table.empty and list(table.columns) == ["gold", "predicted", "tp", "precision",
                                                       "recall", "f1"]


# --- a corpus of many reports: groups, distributions, peers, panels ------------------------------

LINEAGE = loaded("regions", [
    {"region_code": "320602", "region_name": "崇川区", "admin_level": "district", "valid_from": 1991,
     "valid_to": 2020},
    {"region_code": "320611", "region_name": "港闸区", "admin_level": "district", "valid_from": 1991,
     "valid_to": 2020},
    {"region_code": "320613", "region_name": "崇川区", "admin_level": "district", "valid_from": 2020,
     "predecessors": "320602;320611"},
    {"region_code": "100001", "region_name": "甲县", "admin_level": "county", "valid_from": 1990,
     "valid_to": 2010},
    {"region_code": "100002", "region_name": "乙区", "admin_level": "district", "valid_from": 2010,
     "predecessors": "100001"},
    {"region_code": "100003", "region_name": "丙区", "admin_level": "district", "valid_from": 2010,
     "predecessors": "100001"},
])


def test_panel_units_follow_the_lineage_to_the_code_in_force():
    """崇川区 320602 and 港闸区 320611 belong to the unit 320613, each merger noted."""
    units = analysis.panel_units(LINEAGE).set_index("region_code")
    assert units.loc["320602", "unit_code"] == units.loc["320611", "unit_code"] == "320613"
    assert units.loc["320602", "note"] == "320602 崇川区 → 320613 崇川区 (2020)"
    assert units.loc["320613", "unit_code"] == "320613" and units.loc["320613", "note"] == ""


def test_a_code_split_between_successors_stays_its_own_unit():
    """甲县 went to two districts: it is not joined to either."""
    units = analysis.panel_units(LINEAGE).set_index("region_code")
    assert units.loc["100001", "unit_code"] == "100001" and units.loc["100001", "note"] == ""


def test_panel_joins_a_region_under_its_old_and_new_codes():
    """Reports of 320602 (2019) and 320613 (2021) form one panel; a year's own report wins over
    a later report restating it."""
    reports = loaded("reports", [report("320602-2019", 2019, region_name="崇川区"),
                                 report("320613-2021", 2021, region_name="崇川区"),
                                 report("330281-2021", 2021)])
    indicators = loaded("indicators", [
        indicator("320602-2019", "legal_aid_cases_count", 2019, 10.0),
        indicator("320613-2021", "legal_aid_cases_count", 2019, 11.0),  # restated, loses
        indicator("320613-2021", "legal_aid_cases_count", 2021, 30.0),
        indicator("330281-2021", "legal_aid_cases_count", 2021, 99.0)])
    units = analysis.panel_units(LINEAGE)
    assert analysis.choose_unit(reports, units) == "320613"
    panel = analysis.panel(indicators, reports, units, "320613")
    assert list(zip(panel["ref_year"], panel["value"], panel["region_code"])) == [
        (2019, 10.0, "320602"), (2021, 30.0, "320613")]


def peer_corpus(values: dict[str, tuple[str, float]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reports (county, 2022) of the given province with one court-appearance rate each."""
    reports = loaded("reports", [report(rid, 2022, province=province) for rid, (province, _) in values.items()])
    indicators = loaded("indicators", [indicator(rid, "agency_head_court_appearance_rate_pct", 2022, v)
                                       for rid, (_, v) in values.items()])
    return indicators, reports


def test_peer_percentile_is_the_mid_rank_among_same_level_province_and_year():
    """30 among peers 10, 20, 30, 40, 50, 60: two below, one tie → (2 + 0.5) / 6 = 41.7."""
    values = {f"33028{i}-2022": ("浙江省", v) for i, v in enumerate([30, 10, 20, 30, 40, 50, 60])}
    indicators, reports = peer_corpus(values)
    row = analysis.peer_percentiles(indicators, reports, "330280-2022").iloc[0]
    assert (row["percentile"], row["n_peers"]) == (41.7, 6)
    assert row["peer_group"] == analysis.PEER_GROUPS[0][1]


def test_peers_widen_to_all_provinces_when_the_province_has_too_few():
    """Two peers in the province, five more elsewhere: the peer group is the level and year."""
    values = {"330280-2022": ("浙江省", 50), "330281-2022": ("浙江省", 10), "330282-2022": ("浙江省", 20)}
    values |= {f"42122{i}-2022": ("湖北省", 90) for i in range(3)}
    indicators, reports = peer_corpus(values)
    row = analysis.peer_percentiles(indicators, reports, "330280-2022").iloc[0]
    assert row["peer_group"] == analysis.PEER_GROUPS[1][1] and row["n_peers"] == 5
    assert row["percentile"] == 40.0


def test_a_report_without_peers_has_no_percentile():
    """The only report stating an indicator: listed, percentile empty, 'no peers'."""
    indicators, reports = peer_corpus({"330280-2022": ("浙江省", 50)})
    row = analysis.peer_percentiles(indicators, reports, "330280-2022").iloc[0]
    assert pd.isna(row["percentile"]) and row["n_peers"] == 0 and "no peers" in row["peer_group"]


def test_on_time_share_counts_only_reports_with_a_publish_date():
    """Three reports, two dated, one of them on time: 50 %, n 3, and a small group."""
    table = analysis.compliance_by_group(MIXED, ["admin_level"]).iloc[0]
    assert (table["n_reports"], table["n_dated"], table["on_time_pct"]) == (3, 2, 50.0)
    assert table["small"]


def test_provinces_with_few_reports_are_pooled():
    """A province below the minimum joins 其他省份, which names it."""
    reports = loaded("reports", [report(f"33028{i}-2022", 2022) for i in range(5)]
                     + [report("421222-2022", 2022, province="湖北省")])
    table = analysis.by_province(reports)
    assert table["province"].tolist() == ["浙江省", "其他省份 other provinces (<5 each)"]
    assert table["provinces"].iloc[1] == "湖北省"


def rates_frame(values: list[float]) -> pd.DataFrame:
    reports = loaded("reports", [report(f"33028{i}-2022", 2022) for i in range(len(values))])
    indicators = loaded("indicators", [indicator(f"33028{i}-2022", "people_mediation_success_rate_pct",
                                                 2022, v) for i, v in enumerate(values)])
    return analysis.rate_values(indicators, reports)


def test_an_outlier_is_listed_with_its_evidence():
    """10 % among five values of 90–94 % lies beyond the fences and is listed with its clause."""
    outliers = analysis.rate_outliers(rates_frame([90, 91, 92, 93, 94, 10]))
    assert outliers["value"].tolist() == [10.0]
    assert outliers["evidence"].tolist() == ["people_mediation_success_rate_pct 10"]


def test_a_small_group_has_its_count_but_no_quartiles():
    """Four values: n = 4, no median, no fences, no outliers."""
    values = rates_frame([90, 91, 92, 10])
    row = analysis.rate_distributions(values, "admin_level").iloc[0]
    assert row["n"] == 4 and pd.isna(row["median"]) and pd.isna(row["high_fence"])
    assert analysis.rate_outliers(values).empty


def test_stated_share_is_the_share_of_the_groups_reports():
    """One of two 2022 reports states legal aid cases: 50 %; the group size is 2."""
    reports = loaded("reports", [report("330281-2022", 2022), report("330282-2022", 2022)])
    indicators = loaded("indicators", [indicator("330281-2022", "legal_aid_cases_count", 2022, 5.0)])
    shares, sizes = analysis.stated_shares(indicators, reports, CODEBOOK, "report_year")
    assert shares.loc["legal_aid_cases_count", "2022"] == 50.0
    assert shares.loc["agency_head_court_appearance_rate_pct", "2022"] == 0.0
    assert sizes.to_dict() == {"2022": 2}


def test_chapter_shares_by_level_count_reports_before_the_outline():
    """The mean share per level, and how many of its reports predate the 2021–2025 outline."""
    shares = loaded("outline_shares", [
        {"report_id": "330281-2022", "outline_chapter": 5, "n_chars_in_chapter": 1, "text_share_pct": 30.0},
        {"report_id": "320602-2019", "outline_chapter": 5, "n_chars_in_chapter": 1, "text_share_pct": 10.0}])
    table = analysis.chapter_shares_by_level(shares, MIXED)
    assert table.loc["county", 5] == 20.0
    assert (table.loc["county", "n_reports"], table.loc["county", "n_before_outline"]) == (2, 1)


def test_quality_sets_put_held_out_scores_beside_the_seeds():
    """Each set the metrics have gives a row per indicator with gold or predictions."""
    per = {"legal_aid_cases_count": {"gold": 2, "predicted": 2, "tp": 2, "precision": 1.0, "recall": 1.0}}
    test = {"legal_aid_cases_count": {"gold": 4, "predicted": 2, "tp": 1, "precision": 0.5, "recall": 0.25}}
    table = analysis.quality_sets({"indicators": {"per_indicator": per},
                                   "indicators_test": {"per_indicator": test}})
    assert table["set"].astype(str).tolist() == [analysis.QUALITY_SETS["indicators"],
                                                 analysis.QUALITY_SETS["indicators_test"]]
    assert table["recall"].tolist() == [1.0, 0.25]


def test_rates_and_funnel_keep_the_one_report_order():
    """Reports stay in report_id order (崇川区 320602 before 余姚市 330281), not label order."""
    reports = analysis.focus(loaded("reports", [report("330281-2022", 2022),
                                                report("320602-2019", 2019, region_name="崇川区")]))
    indicators = loaded("indicators", [
        indicator(rid, iid, year, 50.0) for rid, year in (("330281-2022", 2022), ("320602-2019", 2019))
        for iid in ("agency_head_court_appearance_rate_pct", "admin_reconsideration_applications_count")])
    order = ["崇川区 2019", "余姚市 2022"]
    assert list(dict.fromkeys(analysis.dispute_rates(indicators, reports)["report"])) == order
    assert list(dict.fromkeys(analysis.reconsideration_funnel(indicators, reports)["report"])) == order


def test_groups_list_levels_top_down():
    """Levels come province → prefecture → county → district, not in alphabetical order."""
    reports = loaded("reports", [report("330281-2022", 2022),
                                 report("330203-2022", 2022, admin_level="district"),
                                 report("330200-2022", 2022, admin_level="prefecture")])
    table = analysis.compliance_by_group(reports, ["admin_level", "report_year"])
    assert table["admin_level"].tolist() == ["prefecture", "county", "district"]


def test_the_analyses_need_only_the_indicator_columns_they_name():
    """Every analysis of indicators gives the same table from the columns in INDICATOR_COLUMNS
    as from the whole table (the notebooks load only those on a large corpus)."""
    whole = load_table("indicators")
    some = load_table("indicators", columns=analysis.INDICATOR_COLUMNS)
    reports, codebook = load_table("reports"), load_table("codebook")
    units = analysis.panel_units(load_table("regions"))
    report_id = analysis.choose_report(whole, reports)
    unit = analysis.choose_unit(reports, units)
    for compute in (lambda i: analysis.dispute_rates(i, reports),
                    lambda i: analysis.reconsideration_funnel(i, reports),
                    lambda i: analysis.coverage(i, reports, codebook),
                    lambda i: analysis.rate_values(i, reports),
                    lambda i: analysis.stated_shares(i, reports, codebook, "admin_level")[0],
                    lambda i: analysis.peer_percentiles(i, reports, report_id),
                    lambda i: analysis.panel(i, reports, units, unit)):
        pd.testing.assert_frame_equal(compute(some), compute(whole))
    assert analysis.choose_report(some, reports) == report_id
