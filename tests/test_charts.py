"""Figures: Chinese labels render, and a missing glyph is an error, not boxes; every chart draws
on small corpora built here (one report, missing publish dates and element flags, no indicators),
says how many reports it rests on, keeps rates on 0–100 %, marks partial-year values, and shows
reports in the one report order."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.text import Text
from test_analysis import (
    CODEBOOK,
    MIXED,
    NO_INDICATORS,
    NOTHING,
    ONE,
    indicator,
    report,
    loaded,
)

from fazhi import analysis, charts, figures, paths
from fazhi.codebook import RESOURCES
from fazhi.codebook.structure import ELEMENTS, OUTLINE_CHAPTERS


def test_cjk_font_is_found_and_registered():
    """The Noto Sans CJK font shipped in mplfonts exists and becomes the sans-serif family."""
    assert charts.font_path().exists()
    assert charts.setup() == "Noto Sans CJK SC"


def test_chinese_labels_render_without_warnings(tmp_path):
    """A chart with Chinese and English labels saves with no warning at all."""
    charts.setup()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        ax.barh(["余姚市 2022", "崇川区 2019"], [99.54, 99.9])
        ax.set_title("调解成功率 mediation success")
        path = charts.save(fig, "probe", tmp_path)
        plt.close(fig)
    assert path.stat().st_size > 0


def test_missing_glyph_is_an_error(tmp_path):
    """A glyph the font lacks raises instead of rendering as a box."""
    charts.setup()
    fig, ax = plt.subplots()
    ax.set_title("\u2717 \U0001F600")
    with pytest.raises(UserWarning, match="missing from font"):
        charts.save(fig, "missing", tmp_path)
    plt.close(fig)


def test_saved_png_has_no_volatile_metadata(tmp_path):
    """Saving the same figure twice gives identical bytes (no timestamp, no version)."""
    charts.setup()
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    first = charts.save(fig, "a", tmp_path).read_bytes()
    second = charts.save(fig, "b", tmp_path).read_bytes()
    plt.close(fig)
    assert first == second and b"matplotlib" not in first


# --- every chart on small corpora ---------------------------------------------------------------

SOME_INDICATORS = loaded("indicators", [
    indicator("330281-2022", "agency_head_court_appearance_rate_pct", 2021, 86.0),
    indicator("330281-2022", "agency_head_court_appearance_rate_pct", 2022, 100.0),
    indicator("330281-2022", "admin_reconsideration_applications_count", 2022, 120.0),
    indicator("421222-2023", "admin_reconsideration_applications_count", 2023, None, qualifier="range"),
])
SOME_SHARES = loaded("outline_shares", [{"report_id": "330281-2022", "outline_chapter": 2,
                                         "n_chars_in_chapter": 400, "text_share_pct": 20.0}])
NO_SHARES = loaded("outline_shares", [])
QUALITY = {"indicators": {"per_indicator": {"legal_aid_cases_count": {
    "gold": 2, "predicted": 2, "tp": 2, "precision": 1.0, "recall": 1.0, "f1": 1.0}}},
    "indicators_test": {"per_indicator": {"legal_aid_cases_count": {
        "gold": 4, "predicted": 2, "tp": 1, "precision": 0.5, "recall": 0.25, "f1": 0.33}}}}
NO_QUALITY = {"indicators": {"per_indicator": {}}}
REGIONS = loaded("regions", [
    {"region_code": "320602", "region_name": "崇川区", "admin_level": "district",
     "valid_from": 1991, "valid_to": 2020},
    {"region_code": "320613", "region_name": "崇川区", "admin_level": "district",
     "valid_from": 2020, "predecessors": "320602"},
    {"region_code": "330281", "region_name": "余姚市", "admin_level": "county", "valid_from": 1988},
])
LEVELS = analysis.LEVEL_LABELS


def drawn(reports, indicators, shares, metrics) -> dict:
    """Every chart of the notebooks, drawn from the analysis tables of a small corpus."""
    compliance = analysis.compliance(reports)
    values = analysis.rate_values(indicators, reports)
    units = analysis.panel_units(REGIONS)
    unit = analysis.choose_unit(reports, units)
    report_id = analysis.choose_report(indicators, reports)
    names = dict(zip(CODEBOOK["indicator_id"], CODEBOOK["name_zh"]))
    return {
        "deadline": lambda: charts.deadline_chart(compliance),
        "elements": lambda: charts.elements_chart(compliance),
        "density": lambda: charts.density_chart(analysis.density(reports)),
        "rates": lambda: charts.rates_chart(analysis.dispute_rates(indicators, reports)),
        "funnel": lambda: charts.funnel_chart(analysis.reconsideration_funnel(indicators, reports)),
        "coverage": lambda: charts.coverage_chart(analysis.coverage(indicators, reports, CODEBOOK),
                                                  CODEBOOK),
        "chapters": lambda: charts.chapters_chart(analysis.chapter_shares(shares, reports),
                                                  (reports["report_year"] < 2021).tolist()),
        "quality": lambda: charts.quality_chart(analysis.quality_sets(metrics)),
        "on time": lambda: charts.group_grid_chart(
            analysis.compliance_by_group(reports, ["admin_level", "report_year"]), "admin_level",
            "report_year", "on_time_pct", "按时公开 Published on time", LEVELS),
        "publish dates": lambda: charts.days_chart(compliance, LEVELS),
        "elements by group": lambda: charts.elements_by_group_chart(
            analysis.compliance_by_group(reports, ["admin_level"]),
            analysis.compliance_by_group(reports, ["report_year"]), LEVELS),
        "rate distributions": lambda: charts.distribution_chart(
            values, "admin_level", LEVELS, "%", title="比率 Rates by level"),
        "stated": lambda: charts.stated_chart(
            *analysis.stated_shares(indicators, reports, CODEBOOK, "report_year"), CODEBOOK,
            title="公开的指标 Indicators stated"),
        "chapters by level": lambda: charts.chapters_by_level_chart(
            analysis.chapter_shares_by_level(shares, reports), LEVELS),
        "peers": lambda: charts.peers_chart(
            analysis.peer_percentiles(indicators, reports, report_id), names, "余姚市 2022"),
        "panel": lambda: charts.panel_chart(analysis.panel(indicators, reports, units, unit), names,
                                            "余姚市 (330281)"),
    }


CORPORA = {
    "one report": (ONE, SOME_INDICATORS, SOME_SHARES, QUALITY),
    "some dates and flags missing": (MIXED, SOME_INDICATORS, SOME_SHARES, QUALITY),
    "one report with nothing optional": (NOTHING, NO_INDICATORS, NO_SHARES, NO_QUALITY),
    "no indicators at all": (MIXED, NO_INDICATORS, NO_SHARES, NO_QUALITY),
}
CASES = [(corpus, chart) for corpus in CORPORA for chart in drawn(*CORPORA["one report"])]


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


@pytest.mark.parametrize(("corpus", "chart"), CASES)
def test_every_chart_draws_small_corpora_deterministically(tmp_path, corpus, chart):
    """Each chart draws without any warning, has a Chinese and English title, and the same
    input saves to the same bytes."""
    charts.setup()
    make = drawn(*CORPORA[corpus])[chart]
    saved = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for attempt in ("a", "b"):
            fig = make()
            saved.append(charts.save(fig, f"{chart}-{attempt}", tmp_path).read_bytes())
            titles = [ax.get_title() for ax in fig.axes] + [fig._suptitle.get_text() if fig._suptitle else ""]
            titles += [t for t in texts(fig) if "no" in t]  # a "no data" note stands for the title
            plt.close(fig)
    assert saved[0] == saved[1]
    assert any(re.search(r"[\u4e00-\u9fff]", t) and re.search(r"[A-Za-z]{4}", t) for t in titles), titles


def test_deadline_chart_marks_a_report_without_publish_date():
    """No publish date: the row stays, labelled 无发布日期 in grey, not drawn as late or as 0 days."""
    charts.setup()
    fig = charts.deadline_chart(analysis.compliance(MIXED))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["余姚市 2022", "余姚市 2019", "余姚市 2023"]
    assert "无发布日期 no publish date" in texts(fig)
    assert "2 天" in texts(fig) and "-35 天" in texts(fig) and "0 天" not in texts(fig)
    colours = [bar.get_facecolor() for bar in ax.patches]
    assert colours[2] == plt.matplotlib.colors.to_rgba(charts.UNKNOWN)
    assert colours[1] == plt.matplotlib.colors.to_rgba(charts.PALETTE[3])
    plt.close(fig)


def test_deadline_chart_when_no_report_has_a_publish_date():
    """The case that crashed with 'boolean value of NA is ambiguous'."""
    charts.setup()
    reports = loaded("reports", [r for r in MIXED.to_dict("records")])
    reports["publish_date"] = pd.NaT
    reports["is_published_on_time"] = pd.array([pd.NA] * len(reports), dtype="boolean")
    fig = charts.deadline_chart(analysis.compliance(reports))
    assert texts(fig).count("无发布日期 no publish date") == len(reports)
    plt.close(fig)


def test_elements_chart_shows_unrecorded_flags_as_unknown():
    """An empty element flag is 未知 (not recorded), distinct from 无 (not found)."""
    charts.setup()
    fig = charts.elements_chart(analysis.compliance(MIXED))
    cells = [t.get_text() for t in fig.axes[0].texts]
    assert cells[:5] == ["有"] * 5
    assert cells[5:10] == ["有", "未知", "无", "未知", "有"]
    assert cells[10:] == ["未知"] * 5
    assert "未知 = not recorded" in fig.axes[0].get_title()
    plt.close(fig)


@pytest.mark.parametrize(("chart", "note"), [("rates", "none of these reports states these rates"),
                                             ("funnel", "reconsideration counts"),
                                             ("chapters", "no outline-chapter shares"),
                                             ("quality", "no indicator with gold values"),
                                             ("rate distributions", "no rate values"),
                                             ("chapters by level", "no outline-chapter shares"),
                                             ("peers", "states no indicator value"),
                                             ("panel", "no indicator values")])
def test_a_chart_without_data_says_so(chart, note):
    """No values at all: the chart says so in both languages instead of failing or drawing 0."""
    charts.setup()
    fig = drawn(*CORPORA["one report with nothing optional"])[chart]()
    found = [t for t in texts(fig) if note in t]
    assert found and re.search(r"[\u4e00-\u9fff]", found[0])
    plt.close(fig)


# --- the notebooks themselves on a package of one report with nothing optional -------------------


def _rewrite(path, keep) -> None:
    """Rewrite a published CSV keeping the rows `keep(row)` returns (changed or not), or none."""
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    buf = io.StringIO()
    writer = csv.DictWriter(buf, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(r for r in (keep(row) for row in rows) if r is not None)
    path.write_text(buf.getvalue(), encoding="utf-8")


@pytest.fixture()
def bare_package(tmp_path, monkeypatch):
    """A package of one report without publish date, element flags, indicators, chapter shares or
    checks (and metrics without any indicator with gold), as FAZHI_ROOT for the notebooks."""
    shutil.copy2(paths.DATAPACKAGE, tmp_path / "datapackage.json")
    (tmp_path / "data").mkdir()
    for spec in RESOURCES.values():
        shutil.copy2(paths.ROOT / spec["path"], tmp_path / spec["path"])
    rid = "421222-2023"
    blank = ["publish_date", "is_published_on_time", *(f"has_{e}" for e in ELEMENTS)]
    _rewrite(tmp_path / "data" / "reports.csv",
             lambda r: {**r, **dict.fromkeys(blank, ""), "n_indicators": "0"} if r["report_id"] == rid else None)
    for table in ("quantities", "sections"):
        _rewrite(tmp_path / RESOURCES[table]["path"], lambda r: r if r["report_id"] == rid else None)
    for table in ("indicators", "outline_shares", "checks", "indicators_wide"):
        _rewrite(tmp_path / RESOURCES[table]["path"], lambda r: None)
    (tmp_path / "metrics").mkdir()
    detail = json.loads((paths.METRICS / "extraction_detail.json").read_text(encoding="utf-8"))
    for spec in detail["indicators"]["per_indicator"].values():
        spec.update(gold=0, predicted=0, tp=0)
    (tmp_path / "metrics" / "extraction_detail.json").write_text(json.dumps(detail), encoding="utf-8")
    for name in ("extraction.json", "extraction_errors.json"):
        shutil.copy2(paths.METRICS / name, tmp_path / "metrics")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.setenv("FAZHI_ROOT", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("notebook", sorted(p.name for p in figures.SOURCES.glob("*.ipynb")))
def test_notebook_runs_on_one_report_with_nothing_optional(bare_package, notebook):
    """Each notebook executes without error or stderr output on the bare package, and saves its
    figures there (FAZHI_ROOT), not into the project."""
    executed = figures.execute(figures.SOURCES / notebook, workdir=bare_package / "notebooks")
    if notebook.startswith("01"):
        assert "1 reports in the package" in json.dumps([c.get("outputs") for c in executed.cells])
    saved = sorted(p.name for p in (bare_package / "notebooks" / "figures").glob("*.png"))
    assert saved and all(name.startswith(notebook[:2]) for name in saved), saved


# --- the mended figures ---------------------------------------------------------------------------

PARTIAL = loaded("indicators", [
    indicator("330281-2022", "agency_head_court_appearance_rate_pct", 2022, 100.0),
    indicator("330281-2022", "admin_litigation_loss_rate_pct", 2022, 10.77, period="前三季度"),
    indicator("330281-2022", "admin_reconsideration_applications_count", 2022, 73.0, period="截至11月底"),
    indicator("320602-2019", "admin_reconsideration_applications_count", 2019, 2000.0),
])


def test_rate_axes_stop_at_100_percent():
    """Every rate panel runs from 0 to 100 %, not beyond."""
    charts.setup()
    fig = charts.rates_chart(analysis.dispute_rates(PARTIAL, MIXED))
    assert {ax.get_xlim() for ax in fig.axes} == {(0.0, 100.0)}
    plt.close(fig)


@pytest.mark.parametrize("chart", ["rates", "funnel"])
def test_partial_year_values_are_hatched_and_labelled_with_their_period(chart):
    """A value for part of the year (前三季度, 截至11月底) is a hatched bar labelled with its period;
    whole-year values are not hatched."""
    charts.setup()
    fig = (charts.rates_chart(analysis.dispute_rates(PARTIAL, MIXED)) if chart == "rates"
           else charts.funnel_chart(analysis.reconsideration_funnel(PARTIAL, MIXED)))
    period = "前三季度" if chart == "rates" else "截至11月底"
    hatched = [p for ax in fig.axes for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1
    assert any(f"({period})" in t for t in texts(fig))
    plt.close(fig)


def test_funnel_is_on_a_log_scale():
    """73 cases beside 2,000 stay visible: the funnel's axis is logarithmic."""
    charts.setup()
    fig = charts.funnel_chart(analysis.reconsideration_funnel(PARTIAL, MIXED))
    assert fig.axes[0].get_xscale() == "log"
    plt.close(fig)


def test_coverage_labels_are_bilingual_horizontal_and_grouped_by_chapter():
    """Indicator labels carry the Chinese and the English name, no label is rotated, and the
    rows are grouped under their 纲要 chapter."""
    charts.setup()
    codebook = loaded("codebook", [
        {"indicator_id": "legal_aid_cases_count", "name_zh": "法律援助案件", "name_en": "Legal aid cases",
         "outline_chapter": 7},
        {"indicator_id": "legality_reviews_count", "name_zh": "合法性审查", "name_en": "Legality reviews",
         "outline_chapter": 3}])
    fig = charts.coverage_chart(analysis.coverage(PARTIAL, MIXED, codebook), codebook)
    ax = fig.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows == ["合法性审查  Legality reviews", "法律援助案件  Legal aid cases"]
    assert all(t.get_rotation() == 0 for t in ax.get_xticklabels() + ax.get_yticklabels())
    assert any(t.startswith("3 制度体系") for t in texts(fig)) and any(t.startswith("7 纠纷化解") for t in texts(fig))
    plt.close(fig)


def test_chapter_chart_notes_a_report_before_the_outline():
    """A 2019 report is starred and the note says the 2021–2025 outline is applied to it."""
    charts.setup()
    shares = loaded("outline_shares", [{"report_id": "320602-2019", "outline_chapter": 2,
                                        "n_chars_in_chapter": 100, "text_share_pct": 5.0}])
    fig = charts.chapters_chart(analysis.chapter_shares(shares, MIXED),
                                (MIXED["report_year"] < analysis.OUTLINE_FROM).tolist())
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["余姚市 2022", "余姚市 2019 *", "余姚市 2023"]
    assert "1 report of a year before 2021" in ax.get_xlabel()
    assert all("\n" in t.get_text() and re.search(r"[\u4e00-\u9fff]", t.get_text())
               for t in ax.get_xticklabels())  # chapter labels: Chinese over English
    plt.close(fig)


def test_quality_chart_shows_held_out_scores_beside_the_seeds():
    """The legend names the seeds and the held-out test set; each row gives gold per set."""
    charts.setup()
    fig = charts.quality_chart(analysis.quality_sets(QUALITY))
    legend = texts(fig)
    assert any("seeds" in t for t in legend) and any("held-out test" in t for t in legend)
    assert fig.axes[0].get_yticklabels()[0].get_text() == "legal_aid_cases_count (gold 2/4)"
    plt.close(fig)


def test_every_chart_says_how_many_reports_it_rests_on():
    """Each chart of the notebooks (but the extraction-quality one) states its number of reports."""
    charts.setup()
    for name, make in drawn(*CORPORA["some dates and flags missing"]).items():
        if name == "quality":
            continue
        fig = make()
        assert any("based on" in t and "report" in t for t in texts(fig)), name
        plt.close(fig)


def test_per_report_charts_show_reports_in_one_order():
    """Deadline, elements, density, rates and funnel list the reports in the same order."""
    charts.setup()
    orders = {}
    for name, make in drawn(*CORPORA["some dates and flags missing"]).items():
        if name in ("deadline", "elements", "density", "rates", "funnel"):
            fig = make()
            orders[name] = [t.get_text() for t in fig.axes[0].get_yticklabels()]
            plt.close(fig)
    full = orders["deadline"]
    assert all(order == [r for r in full if r in order] for order in orders.values()), orders


def test_a_small_group_is_drawn_grey_not_as_a_firm_share():
    """In the on-time grid, a group of fewer than MIN_GROUP reports is a masked (grey) cell."""
    charts.setup()
    table = analysis.compliance_by_group(MIXED, ["admin_level", "report_year"])
    fig = charts.group_grid_chart(table, "admin_level", "report_year", "on_time_pct", "按时 on time")
    image = fig.axes[0].images[0].get_array()
    assert image.mask.all()
    plt.close(fig)


def test_a_large_group_shows_its_box_and_outliers_only():
    """More than MANY_POINTS values: the box, and as points only the outlier (10 %)."""
    charts.setup()
    n = charts.MANY_POINTS + 50
    reports = loaded("reports", [report(f"{330000 + i}-2022", 2022) for i in range(n + 1)])
    rows = [indicator(f"{330000 + i}-2022", "people_mediation_success_rate_pct", 2022, 90.0 + i % 5)
            for i in range(n)] + [indicator(f"{330000 + n}-2022", "people_mediation_success_rate_pct", 2022, 10.0)]
    fig = charts.distribution_chart(analysis.rate_values(loaded("indicators", rows), reports),
                                    "admin_level", title="比率 rates")
    points = [xy for c in fig.axes[0].collections for xy in c.get_offsets()]
    assert [float(x) for x, _ in points] == [10.0]
    plt.close(fig)
