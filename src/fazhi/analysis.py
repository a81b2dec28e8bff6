"""Tables behind the notebooks' comparisons, computed from the published package only.

Each function takes published tables (as `fazhi.load.load_table` returns them) and returns a tidy
data frame; the notebooks display and plot these, so every number in a figure can be traced to a
row here and, through `evidence`, to its sentence.

Missing stays missing: a report without a publish date has no days to the deadline and an unknown
on-time flag (not "late"), an element flag that is empty stays empty (not "not found"), and a
corpus without indicators gives empty tables with the usual columns, so every chart still draws.
"""

from __future__ import annotations

import math

import pandas as pd

from fazhi.codebook.fields import ADMIN_LEVELS
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


# The columns of `indicators` that these functions read: a notebook on a large corpus loads only
# these (`load_table("indicators", columns=INDICATOR_COLUMNS)`).
INDICATOR_COLUMNS = ["report_id", "indicator_id", "ref_year", "value", "period", "evidence"]

FOCUS = 25  # reports shown in per-report charts; larger corpora are summarised, not plotted whole
MIN_GROUP = 5  # a group with fewer reports is shown with its count and its points, no summary
OUTLINE_FROM = 2021  # the first year of the 2021–2025 纲要; shares of earlier reports use it anyway
LEVEL_LABELS = {"province": "省级 province", "prefecture": "地级 prefecture", "county": "县级 county",
                "district": "市辖区 district", "township": "乡镇 township"}


def focus(reports: pd.DataFrame, limit: int = FOCUS) -> pd.DataFrame:
    """The reports a per-report chart shows, in the one report order every chart uses
    (by report_id: region code, then year): all of them, or the first `limit`."""
    return reports.sort_values("report_id").head(limit).reset_index(drop=True)


def report_labels(reports: pd.DataFrame) -> pd.Series:
    """'余姚市 2022' for each report_id (region and report year); the id is added when two
    reports would share a label."""
    labels = reports["region_name"].astype(str) + " " + reports["report_year"].astype(str)
    duplicated = labels.duplicated(keep=False)
    labels = labels.where(~duplicated, labels + " (" + reports["report_id"] + ")")
    return pd.Series(labels.values, index=reports["report_id"].values)


def _ordered_labels(report_ids: pd.Series, reports: pd.DataFrame) -> pd.Categorical:
    """Report labels as a categorical in the order of `reports` (the one report order), so a
    table sorted or pivoted on it keeps that order."""
    labels = report_labels(reports)
    return pd.Categorical(report_ids.map(labels), categories=list(dict.fromkeys(labels)),
                          ordered=True)


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
    out["report_year"] = reports["report_year"].values
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
    rows = indicators[indicators["indicator_id"].isin(RATES)
                      & indicators["report_id"].isin(reports["report_id"])].copy()
    rows["report"] = _ordered_labels(rows["report_id"], reports)
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
    rows["report"] = _ordered_labels(rows["report_id"], reports)
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
    known = outline_shares.dropna(subset=["outline_chapter"])  # a share without its chapter: left out
    table = known.pivot(index="report_id", columns="outline_chapter", values="text_share_pct")
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


QUALITY_SETS = {
    "indicators": "种子报告 seeds (tuned on)",
    "indicators_dev": "留出开发集 held-out dev (tuned on)",
    "indicators_test": "留出测试集 held-out test (never tuned on)",
}


def quality_sets(metrics: dict) -> pd.DataFrame:
    """Per indicator and evaluation set (seeds, held-out dev, held-out test), precision and
    recall from metrics/extraction_detail.json; a set the metrics do not have yet is left out,
    an indicator without gold or predictions in a set has no row for it."""
    rows = []
    for key, label in QUALITY_SETS.items():
        for indicator_id, spec in metrics.get(key, {}).get("per_indicator", {}).items():
            if spec.get("gold", 0) > 0 or spec.get("predicted", 0) > 0:
                rows.append({"indicator_id": indicator_id, "set": label, **{
                    c: spec.get(c) for c in ("gold", "predicted", "tp", "precision", "recall")}})
    out = pd.DataFrame(rows, columns=["indicator_id", "set", "gold", "predicted", "tp",
                                      "precision", "recall"])
    out["set"] = pd.Categorical(out["set"], categories=list(QUALITY_SETS.values()), ordered=True)
    for column in ("precision", "recall"):
        out[column] = out[column].astype("float64")
    return out.sort_values(["indicator_id", "set"]).reset_index(drop=True)


# --- a corpus of many reports: groups, distributions, peers, panels ------------------------------


def _current(indicators: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Indicator rows for their report's own year with a value, joined with the report's
    region, level, province and year."""
    columns = ["report_id", "region_code", "region_name", "province", "admin_level", "report_year"]
    rows = indicators.merge(reports[columns], on="report_id", how="inner")
    return rows[(rows["ref_year"] == rows["report_year"]).fillna(False).astype(bool)]


def level_label(level) -> str:
    return LEVEL_LABELS.get(level, str(level))


def group_sizes(reports: pd.DataFrame, by: list[str]) -> pd.Series:
    return reports.groupby(by, observed=True, dropna=False).size()


def compliance_by_group(reports: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Per group (e.g. report_year × admin_level): how many reports, how many have a publish
    date, the on-time share of those, the median days before the deadline, and each element's
    coverage rate among the reports whose flag is recorded. A group below MIN_GROUP reports is
    marked `small` (its shares rest on too few reports to compare)."""
    frame = reports.copy()
    frame["days"] = (frame["deadline"] - frame["publish_date"]).dt.days.astype("Float64")
    frame["on_time"] = frame["is_published_on_time"].astype("boolean").astype("Float64")
    for element in ELEMENTS:
        frame[element] = frame[f"has_{element}"].astype("boolean").astype("Float64")
    for column in by:
        frame[column] = frame[column].astype("string").fillna("未知 unknown")
    grouped = frame.groupby(by, sort=True, observed=True)
    out = pd.DataFrame({
        "n_reports": grouped.size(),
        "n_dated": grouped["days"].count(),
        "on_time_pct": (100 * grouped["on_time"].mean()).astype("float64").round(1),
        "median_days": grouped["days"].median().astype("float64"),
    })
    for element in ELEMENTS:
        out[f"{element}_pct"] = (100 * grouped[element].mean()).astype("float64").round(1)
    out["small"] = out["n_reports"] < MIN_GROUP
    out = out.reset_index()
    if "admin_level" in by:  # levels top-down (province … township), not alphabetically
        rank = {level: k for k, level in enumerate(ADMIN_LEVELS)}
        out = out.sort_values(by, key=lambda col: col.map(rank).fillna(len(rank))
                              if col.name == "admin_level" else col, kind="stable")
    return out.reset_index(drop=True)


def by_province(reports: pd.DataFrame, min_reports: int = MIN_GROUP) -> pd.DataFrame:
    """compliance_by_group per province, for provinces with at least `min_reports` reports; the
    others are pooled into one row, 其他省份 other provinces (named in `provinces`)."""
    frame = reports.copy()
    sizes = frame["province"].value_counts()
    small = sorted(sizes[sizes < min_reports].index)
    pooled = f"其他省份 other provinces (<{min_reports} each)"
    frame["province"] = frame["province"].where(~frame["province"].isin(small), pooled)
    out = compliance_by_group(frame, ["province"])
    out["provinces"] = out["province"].map({pooled: "、".join(small)}).fillna(out["province"])
    order = out["province"].eq(pooled)
    return pd.concat([out[~order].sort_values(["n_reports", "province"], ascending=[False, True]),
                      out[order]]).reset_index(drop=True)


def rate_values(indicators: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Each rate indicator's report-year value of every report, with the report's level, year
    and the evidence: the rows the distributions are drawn from."""
    rows = _current(indicators[indicators["indicator_id"].isin(RATES)], reports)
    rows = rows[rows["value"].notna()].copy()
    rows["rate"] = pd.Categorical(rows["indicator_id"].map(RATES), categories=list(RATES.values()),
                                  ordered=True)
    rows["report"] = rows["report_id"].map(report_labels(reports))
    rows["partial_year"] = rows["period"].ne("year")
    return rows[["rate", "report", "report_id", "admin_level", "report_year", "province", "value",
                 "period", "partial_year", "evidence"]].sort_values(
        ["rate", "report_id"]).reset_index(drop=True)


def rate_distributions(values: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per rate and group (`admin_level` or `report_year`): n, quartiles, and the Tukey fences
    (1.5 × IQR beyond the quartiles); groups below MIN_GROUP values get n and no quartiles."""
    rows = []
    for (rate, group), part in values.groupby(["rate", by], observed=True, sort=True):
        v = part["value"].astype("float64")
        row = {"rate": rate, by: group, "n": len(v), "median": float("nan"), "q1": float("nan"),
               "q3": float("nan"), "low_fence": float("nan"), "high_fence": float("nan")}
        if len(v) >= MIN_GROUP:
            q1, median, q3 = v.quantile([0.25, 0.5, 0.75]).tolist()
            row.update(median=median, q1=q1, q3=q3, low_fence=q1 - 1.5 * (q3 - q1),
                       high_fence=q3 + 1.5 * (q3 - q1))
        rows.append(row)
    return pd.DataFrame(rows, columns=["rate", by, "n", "median", "q1", "q3", "low_fence",
                                       "high_fence"])


def rate_outliers(values: pd.DataFrame, by: str = "admin_level") -> pd.DataFrame:
    """Values outside their group's Tukey fences (groups of MIN_GROUP or more), with the
    evidence clause, so each can be checked against its report."""
    fences = rate_distributions(values, by)
    rows = values.merge(fences[["rate", by, "n", "low_fence", "high_fence"]], on=["rate", by])
    rows = rows[(rows["value"] < rows["low_fence"]) | (rows["value"] > rows["high_fence"])]
    return rows[["rate", by, "n", "report", "value", "period", "low_fence", "high_fence",
                 "evidence"]].sort_values(["rate", by, "value"]).reset_index(drop=True)


PEER_GROUPS = [
    (["admin_level", "province", "report_year"], "同层级·同省·同年 same level, province, year"),
    (["admin_level", "report_year"], "同层级·同年 same level and year (all provinces)"),
    (["admin_level"], "同层级 same level (all provinces and years)"),
    ([], "全部报告 all reports (any level)"),
]


def choose_report(indicators: pd.DataFrame, reports: pd.DataFrame, region: str | None = None) -> str:
    """A report to compare with its peers: the latest report of `region` (a region code or
    name) if the corpus has one, else the report stating the most rates and indicators for its
    year (ties: the smallest report_id)."""
    if region is not None:
        mine = reports[(reports["region_code"] == region) | (reports["region_name"] == region)]
        if len(mine):
            return mine.sort_values(["report_year", "report_id"]).iloc[-1]["report_id"]
    current = _current(indicators, reports)
    current = current[current["value"].notna()]
    counts = current.groupby("report_id")["indicator_id"].nunique()
    counts = counts.reindex(reports["report_id"], fill_value=0)
    counts = counts.sort_index()
    return str(counts.idxmax()) if len(counts) else ""


def peer_percentiles(indicators: pd.DataFrame, reports: pd.DataFrame, report_id: str,
                     min_peers: int = MIN_GROUP) -> pd.DataFrame:
    """Where one report stands among its peers for every indicator it states for its year: the
    percentile of its value among the peers' values (mid-rank: ties count half), its peers being
    the other reports of the same level, province and year that state the indicator — widened to
    same level and year, then same level, when fewer than `min_peers` do. No peers at all: the
    percentile is empty and the peer group says so."""
    current = _current(indicators, reports)
    current = current[current["value"].notna()]
    mine = current[current["report_id"] == report_id]
    if mine.empty:
        return pd.DataFrame(columns=["indicator_id", "value", "period", "percentile", "n_peers",
                                     "peer_median", "peer_group", "evidence"])
    me = reports.set_index("report_id").loc[report_id]
    rows = []
    for _, own in mine.sort_values("indicator_id").drop_duplicates("indicator_id").iterrows():
        others = current[(current["indicator_id"] == own["indicator_id"])
                         & (current["report_id"] != report_id)]
        for keys, label in PEER_GROUPS:
            peers = others
            for key in keys:
                peers = peers[peers[key] == me[key]]
            if len(peers) >= min_peers:
                break
        values = peers["value"].astype("float64")
        value = float(own["value"])
        percentile = (100 * ((values < value).sum() + 0.5 * (values == value).sum()) / len(values)
                      if len(values) else float("nan"))
        rows.append({"indicator_id": own["indicator_id"], "value": value, "period": own["period"],
                     "percentile": round(percentile, 1), "n_peers": len(values),
                     "peer_median": float(values.median()) if len(values) else float("nan"),
                     "peer_group": label if len(values) else "无同类报告 no peers",
                     "evidence": own["evidence"]})
    return pd.DataFrame(rows)


def panel_units(regions: pd.DataFrame) -> pd.DataFrame:
    """Each region code's panel unit through the region table's lineage: a code followed by its
    successors (a code listing it among its predecessors) to the code in force last. A code that
    went to several successors (split) stays its own unit. `note` says how a code was linked."""
    successors: dict[str, list[str]] = {}
    for code, predecessors in zip(regions["region_code"], regions["predecessors"].fillna("")):
        for predecessor in filter(None, str(predecessors).split(";")):
            successors.setdefault(predecessor, []).append(code)
    names = dict(zip(regions["region_code"], regions["region_name"]))
    until = dict(zip(regions["region_code"], regions["valid_to"]))
    rows = []
    for code in regions["region_code"]:
        unit, chain = code, [code]
        while len(successors.get(unit, [])) == 1 and successors[unit][0] not in chain:
            unit = successors[unit][0]
            chain.append(unit)
        steps = [f"{a} {names.get(a, '')} → {b} {names.get(b, '')}"
                 + (f" ({until[a]})" if not pd.isna(until.get(a)) else "")
                 for a, b in zip(chain, chain[1:])]
        rows.append({"region_code": code, "unit_code": unit, "unit_name": names.get(unit, ""),
                     "note": "; ".join(steps)})
    return pd.DataFrame(rows)


def choose_unit(reports: pd.DataFrame, units: pd.DataFrame, region: str | None = None) -> str:
    """The panel unit to show: that of `region` (code or name) when the corpus has a report of
    it, else the unit with the most report years, preferring one linked across a code change
    (ties: the smallest unit code)."""
    frame = reports.merge(units, on="region_code", how="left")
    frame["unit_code"] = frame["unit_code"].fillna(frame["region_code"])
    if region is not None:
        mine = frame[(frame["region_code"] == region) | (frame["region_name"] == region)
                     | (frame["unit_code"] == region)]
        if len(mine):
            return str(mine["unit_code"].iloc[0])
    if frame.empty:
        return ""
    score = frame.groupby("unit_code").agg(years=("report_year", "nunique"),
                                           codes=("region_code", "nunique"),
                                           linked=("note", lambda n: n.fillna("").ne("").any()))
    score = score.reset_index().sort_values(["years", "codes", "linked", "unit_code"],
                                            ascending=[False, False, False, True])
    return str(score["unit_code"].iloc[0]) if len(score) else ""


def panel(indicators: pd.DataFrame, reports: pd.DataFrame, units: pd.DataFrame,
          unit_code: str) -> pd.DataFrame:
    """The reports of one panel unit over the years (whatever code the region had then), one row
    per indicator and year stated, with the code in force, the report it comes from, whether it
    is the report's own year or an earlier year a later report restates, and the evidence. The
    report's own-year value wins when two reports give a year."""
    codes = units.loc[units["unit_code"] == unit_code, "region_code"]
    mine = reports[reports["region_code"].isin(codes) | (reports["region_code"] == unit_code)]
    rows = indicators.merge(mine[["report_id", "region_code", "region_name", "report_year"]],
                            on="report_id")
    rows = rows[rows["value"].notna() & rows["ref_year"].notna()].copy()
    rows["own_year"] = (rows["ref_year"] == rows["report_year"]).astype(bool)
    rows = rows.sort_values(["indicator_id", "ref_year", "own_year", "report_id"],
                            ascending=[True, True, False, True])
    rows = rows.drop_duplicates(["indicator_id", "ref_year"])
    return rows[["indicator_id", "ref_year", "value", "period", "own_year", "region_code",
                 "region_name", "report_id", "evidence"]].reset_index(drop=True)


def stated_shares(indicators: pd.DataFrame, reports: pd.DataFrame, codebook: pd.DataFrame,
                  by: str) -> tuple[pd.DataFrame, pd.Series]:
    """Indicator × group (`report_year` or `admin_level`): the percentage of the group's reports
    that state the indicator for their year (the transparency view), and the group sizes."""
    frame = reports.copy()
    frame[by] = frame[by].astype("string").fillna("未知 unknown")
    sizes = frame.groupby(by).size()
    if by == "admin_level":
        sizes = sizes.reindex([lv for lv in ADMIN_LEVELS if lv in sizes.index]
                              + [g for g in sizes.index if g not in ADMIN_LEVELS])
    current = _current(indicators, reports)
    current = current.assign(**{by: current[by].astype("string").fillna("未知 unknown")})
    stated = current.drop_duplicates(["report_id", "indicator_id"]).groupby(
        ["indicator_id", by]).size().unstack(fill_value=0)
    stated = stated.reindex(index=codebook["indicator_id"], columns=sizes.index, fill_value=0)
    shares = (100 * stated / sizes.replace(0, math.nan)).astype("float64").round(1)
    shares.columns.name = by
    return shares, sizes


def chapter_shares_by_level(outline_shares: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Level × 纲要 chapter: the mean share of the text per chapter over the level's reports
    with shares, with `n_reports` and `n_before_outline` (reports of a year before 2021, to which
    the 2021–2025 outline is applied anyway)."""
    table = outline_shares.dropna(subset=["outline_chapter"]).pivot_table(
        index="report_id", columns="outline_chapter", values="text_share_pct", aggfunc="sum")
    table = table.reindex(columns=list(OUTLINE_CHAPTERS)).astype("float64")
    frame = reports[["report_id", "admin_level", "report_year"]].merge(
        table, left_on="report_id", right_index=True, how="inner")
    levels = [lv for lv in ADMIN_LEVELS if lv in set(frame["admin_level"])]
    grouped = frame.groupby("admin_level")
    out = grouped[list(OUTLINE_CHAPTERS)].mean().reindex(levels).round(1)
    out.columns.name = "outline_chapter"
    out["n_reports"] = grouped.size().reindex(levels)
    out["n_before_outline"] = grouped["report_year"].apply(lambda y: int((y < OUTLINE_FROM).sum())) \
        .reindex(levels)
    return out
