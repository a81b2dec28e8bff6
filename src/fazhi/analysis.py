"""Tables behind the notebooks' comparisons, computed from the published package only.

Each function takes published tables (as `fazhi.load.load_table` returns them) and returns a tidy
data frame; the notebooks display and plot these, so every number in a figure can be traced to a
row here and, through `evidence`, to its sentence.

Missing stays missing: a report without a publish date has no days to the deadline and an unknown
on-time flag (not "late"), an element flag that is empty stays empty (not "not found"), and a
corpus without indicators gives empty tables with the usual columns, so every chart still draws.
"""

from __future__ import annotations

import pandas as pd

from fazhi.codebook.structure import ELEMENTS, OUTLINE_CHAPTERS

RATES = {
    "agency_head_court_appearance_rate_pct": "出庭应诉率 court appearance",
    "admin_litigation_loss_rate_pct": "行政诉讼败诉率 litigation loss",
    "admin_reconsideration_correction_rate_pct": "复议纠错率 reconsideration correction",
    "people_mediation_success_rate_pct": "调解成功率 mediation success",
}
FUNNEL = {
    "admin_reconsideration_applications_count": "收到申请 applications",
    "admin_reconsideration_accepted_count": "受理 accepted",
    "admin_reconsideration_closed_count": "审结 closed",
}


FOCUS = 25  # reports shown in per-report charts; larger corpora are summarised, not plotted whole


def focus(reports: pd.DataFrame, limit: int = FOCUS) -> pd.DataFrame:
    """The reports a per-report chart shows: all of them, or the first `limit` by report_id."""
    return reports.sort_values("report_id").head(limit).reset_index(drop=True)


def report_labels(reports: pd.DataFrame) -> pd.Series:
    """'余姚市 2022' for each report_id (region and report year); the id is added when two
    reports would share a label."""
    labels = reports["region_name"].astype(str) + " " + reports["report_year"].astype(str)
    duplicated = labels.duplicated(keep=False)
    labels = labels.where(~duplicated, labels + " (" + reports["report_id"] + ")")
    return pd.Series(labels.values, index=reports["report_id"].values)


def compliance(reports: pd.DataFrame) -> pd.DataFrame:
    """Per report: publish date, deadline, days to spare (negative = late), the five elements."""
    days = (reports["deadline"] - reports["publish_date"]).dt.days
    out = pd.DataFrame({
        "report": report_labels(reports).values,
        "admin_level": reports["admin_level"].values,
        "publish_date": reports["publish_date"].dt.date.values,
        "deadline": reports["deadline"].dt.date.values,
        "days_before_deadline": pd.array(days, dtype="Int64"),
        "is_published_on_time": pd.array(reports["is_published_on_time"], dtype="boolean"),
    })
    for element in ELEMENTS:
        out[element] = pd.array(reports[f"has_{element}"], dtype="boolean")
    return out


def density(reports: pd.DataFrame) -> pd.DataFrame:
    """Length and quantification density (quantities per 1,000 characters) per report."""
    return pd.DataFrame({
        "report": report_labels(reports).values,
        "n_chars": reports["n_chars"].values,
        "n_quantities": reports["n_quantities"].values,
        "n_indicators": reports["n_indicators"].values,
        "quantities_per_1000_chars": (1000 * reports["n_quantities"].astype("Float64")
                                      / reports["n_chars"].astype("Float64").replace(0, pd.NA))
        .round(1).astype("float64").values,  # empty text: no density, not infinity
    })


def dispute_rates(indicators: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """The four dispute-resolution rates of every report, all years stated, with evidence."""
    labels = report_labels(reports)
    rows = indicators[indicators["indicator_id"].isin(RATES)
                      & indicators["report_id"].isin(reports["report_id"])].copy()
    rows["report"] = rows["report_id"].map(labels)
    rows["rate"] = rows["indicator_id"].map(RATES)
    rows["is_previous_year"] = (rows["ref_year"] < rows["report_id"].map(
        dict(zip(reports["report_id"], reports["report_year"])))).astype("boolean")
    return rows[["report", "rate", "ref_year", "is_previous_year", "value", "period", "evidence"]] \
        .sort_values(["rate", "report", "ref_year"]).reset_index(drop=True)


def reconsideration_funnel(indicators: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Applications → accepted → closed per report (report year), with the evidence clauses."""
    years = dict(zip(reports["report_id"], reports["report_year"]))
    rows = indicators[indicators["indicator_id"].isin(FUNNEL)
                      & (indicators["ref_year"] == indicators["report_id"].map(years))].copy()
    rows = rows[rows["report_id"].isin(reports["report_id"])]
    rows["report"] = rows["report_id"].map(report_labels(reports))
    rows["stage"] = pd.Categorical(rows["indicator_id"].map(FUNNEL), categories=list(FUNNEL.values()),
                                   ordered=True)
    return rows[["report", "stage", "value", "period", "evidence"]].sort_values(["report", "stage"]) \
        .reset_index(drop=True)


def coverage(indicators: pd.DataFrame, reports: pd.DataFrame, codebook: pd.DataFrame) -> pd.DataFrame:
    """Report × indicator: 1 where the report states a value for its report year, else 0."""
    years = dict(zip(reports["report_id"], reports["report_year"]))
    current = indicators[indicators["ref_year"] == indicators["report_id"].map(years)]
    matrix = pd.crosstab(current["report_id"], current["indicator_id"])
    matrix = matrix.reindex(index=reports["report_id"], columns=codebook["indicator_id"], fill_value=0)
    matrix.index = report_labels(reports).reindex(matrix.index).values
    matrix.columns = codebook.set_index("indicator_id").loc[matrix.columns, "name_zh"].values
    return matrix.clip(upper=1)


def chapter_shares(outline_shares: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Report × 纲要 chapter: percentage of the report's text about the chapter."""
    table = outline_shares.pivot(index="report_id", columns="outline_chapter", values="text_share_pct")
    table = table.reindex(index=reports["report_id"], columns=list(OUTLINE_CHAPTERS)).astype("float64")
    table.index = report_labels(reports).reindex(table.index).values
    table.columns.name = "outline_chapter"
    return table


def quality(metrics: dict) -> pd.DataFrame:
    """Per-indicator precision and recall from metrics/extraction_detail.json (indicators with gold)."""
    columns = ["gold", "predicted", "tp", "precision", "recall", "f1"]
    per = pd.DataFrame.from_dict(metrics["indicators"]["per_indicator"], orient="index",
                                 columns=columns)
    per = per[(per["gold"] > 0) | (per["predicted"] > 0)]
    return per[columns].sort_values(["f1", "gold"], ascending=[True, False])
