"""Statutory compliance of a report, computed in one place.

Publication: the deadline is 1 April of report_year + 1 (`codebook.structure.PUBLICATION_DEADLINE`);
a report is on time when its publish date is before it, unknown when it has no publish date.
The five required elements come from the segment stage (`fazhi.sections.element_flags`).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from fazhi.codebook.structure import PUBLICATION_DEADLINE


def deadline(report_year: int) -> dt.date:
    """The last day + 1 for publishing the report of `report_year`."""
    month, day = PUBLICATION_DEADLINE
    return dt.date(report_year + 1, month, day)


def is_on_time(publish_date: str | None, report_year: int) -> bool | None:
    """publish_date (ISO) before the deadline; None when there is no publish date."""
    if publish_date is None or pd.isna(publish_date):
        return None
    return dt.date.fromisoformat(publish_date) < deadline(report_year)


def publication(reports: pd.DataFrame) -> pd.DataFrame:
    """`deadline` and `is_published_on_time` for every row of a reports frame."""
    years = reports["report_year"].astype(int)
    return pd.DataFrame({
        "deadline": [deadline(y).isoformat() for y in years],
        "is_published_on_time": pd.array(
            [is_on_time(d, y) for d, y in zip(reports["publish_date"], years)], dtype="boolean"),
    }, index=reports.index)
