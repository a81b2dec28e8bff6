"""The tables behind the notebooks."""

from __future__ import annotations

import pandas as pd

from fazhi import analysis
from fazhi.load import load_table


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
    assert len(rates) > 0 and rates["evidence"].notna().all() and rates["period"].notna().all()


def test_previous_year_values_are_marked():
    """余姚市's 2021 appearance rate (86%) is marked as a previous-year value."""
    rates = analysis.dispute_rates(load_table("indicators"), load_table("reports"))
    previous = rates[rates["is_previous_year"]]
    assert ("余姚市 2022", 2021, 86.0) in set(zip(previous["report"], previous["ref_year"],
                                                  previous["value"]))


def test_coverage_matrix_is_report_by_indicator():
    """The coverage matrix has one row per report and one column per codebook indicator."""
    reports, codebook = load_table("reports"), load_table("codebook")
    matrix = analysis.coverage(load_table("indicators"), reports, codebook)
    assert matrix.shape == (len(reports), len(codebook))
    assert set(matrix.to_numpy().ravel()) <= {0, 1}
