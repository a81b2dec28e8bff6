"""Compliance: the publication deadline and the on-time flag, computed in one place."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from fazhi import compliance


def test_deadline_is_first_of_april_after_the_report_year():
    """The report of 2022 is due before 1 April 2023."""
    assert compliance.deadline(2022) == dt.date(2023, 4, 1)


def test_report_published_on_31_march_is_on_time():
    """A publish date the day before the deadline is on time."""
    assert compliance.is_on_time("2023-03-31", 2022) is True


def test_report_published_on_1_april_is_late():
    """The deadline day itself is late: publication must come before 1 April."""
    assert compliance.is_on_time("2023-04-01", 2022) is False


def test_report_without_publish_date_has_no_on_time_flag():
    """An undated report is neither on time nor late: the flag stays missing."""
    assert compliance.is_on_time(None, 2022) is None


def test_publication_columns_for_a_mixed_frame():
    """Late, on-time and undated reports in one frame give the right deadline and flags."""
    reports = pd.DataFrame({"report_year": ["2021", "2022", "2023"],
                            "publish_date": ["2022-05-10", "2023-02-01", None]})
    out = compliance.publication(reports)
    assert out["deadline"].tolist() == ["2022-04-01", "2023-04-01", "2024-04-01"]
    assert out["is_published_on_time"].tolist() == [False, True, pd.NA]
