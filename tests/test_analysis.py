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
    row = {"report_id": report_id, "region_name": "余姚市", "report_year": year,
           "admin_level": "county", "publish_date": published, "deadline": deadline,
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
