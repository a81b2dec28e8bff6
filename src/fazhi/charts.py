"""Figures for the notebooks: a CJK font, a colour-blind-safe palette, deterministic PNGs.

The font is Noto Sans CJK SC as shipped inside the `mplfonts` package (installed by `make`, so no
apt step). `setup()` registers it and turns matplotlib's missing-glyph warning into an error, so
a label that would render as boxes fails loudly instead. `save()` writes PNGs without any
timestamp or version in their metadata, so a rebuild is byte-identical.

Every chart draws whatever the corpus holds: one report, reports without a publish date (no
bar, 无发布日期), element flags not recorded (未知), no indicators or shares at all (a
bilingual "no data" note instead of an empty or failing figure). Missing values are never drawn
as zero. Every title says how many reports the chart rests on; a group of fewer than
`analysis.MIN_GROUP` reports is drawn as its points (or its count) with no summary, in grey. Labels
are Chinese with English; reports appear in the one order the analysis tables give (report_id);
rates are drawn on 0–100 %; partial-year values (period other than the whole year) are hatched
or hollow and labelled with their period.
"""

from __future__ import annotations

import math
import warnings
from importlib import resources
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from fazhi import paths  # noqa: E402
from fazhi.analysis import MIN_GROUP  # noqa: E402
from fazhi.codebook.fields import ADMIN_LEVELS  # noqa: E402

FIGURES = paths.ROOT / "notebooks" / "figures"
FONT_FILE = "NotoSansCJKsc-Regular.otf"
# Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
MISSING_GLYPH = r"Glyph \d+ .* missing from font"


def font_path() -> Path:
    return Path(str(resources.files("mplfonts").joinpath("fonts", FONT_FILE)))


def setup() -> str:
    """Register the CJK font, set readable defaults, make missing glyphs an error. Returns the
    font family name."""
    font_manager.fontManager.addfont(str(font_path()))
    family = font_manager.FontProperties(fname=str(font_path())).get_name()
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [family, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
        "savefig.dpi": 110,
        "font.size": 10,
        "svg.hashsalt": "fazhi",
    })
    warnings.filterwarnings("error", message=MISSING_GLYPH, category=UserWarning)
    return family


def save(fig: plt.Figure, name: str, folder: Path = FIGURES) -> Path:
    """Write `fig` as folder/name.png with no volatile metadata; returns the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    fig.savefig(path, bbox_inches="tight", metadata={"Software": None})
    return path


# --- the notebooks' charts --------------------------------------------------------------------

ELEMENT_LABELS = {
    "measures_and_results": "举措和成效\nmeasures",
    "shortcomings": "不足和原因\nshortcomings",
    "leader_duties": "第一责任人职责\nleader duties",
    "next_year_plan": "下一年度安排\nnext-year plan",
    "other_matters": "其他事项\nother matters",
}
# Short display labels of the ten 纲要 chapters (the full titles are in codebook/structure.py).
CHAPTER_LABELS = {
    1: "1 法治思想\nXi Thought", 2: "2 政府职能\nfunctions", 3: "3 制度体系\nrules, documents",
    4: "4 行政决策\ndecisions", 5: "5 行政执法\nenforcement", 6: "6 突发事件\nemergencies",
    7: "7 纠纷化解\ndisputes", 8: "8 权力监督\nchecks on power", 9: "9 数字法治\ndigital",
    10: "10 党的领导\nParty leadership",
}

UNKNOWN = "#BBBBBB"  # grey: a value the report or the extractor does not give
SMALL = "#888888"  # grey: a group too small to summarise
PARTIAL_HATCH = "///"
MANY_POINTS = 200  # a distribution's group larger than this shows its box and outliers, not every point
SEQUENTIAL = matplotlib.colors.LinearSegmentedColormap.from_list(
    "fazhi_blues", ["#F4F4F4", "#9ECAE1", "#0072B2", "#08306B"])  # one hue, light to dark


def n_reports(n: int) -> str:
    """How many reports a chart rests on, in both languages."""
    return f"基于{n}份报告 · based on {n} report{'s' if n != 1 else ''}"


def _title(ax, text: str, n: int) -> None:
    ax.set_title(f"{text}\n{n_reports(n)}", fontsize=10)


def _suptitle(fig, text: str, header_inches: float = 0.75) -> None:
    """A figure title at the top, with the panels laid out below it (no gap, no overlap)."""
    height = fig.get_size_inches()[1]
    fig.suptitle(text, fontsize=10, y=1 - 0.08 / height, va="top")
    fig.tight_layout()  # makes room for the suptitle itself


def _small_grid(grid: np.ndarray, sizes: np.ndarray) -> np.ma.MaskedArray:
    """The grid to colour: cells of groups below MIN_GROUP (and empty cells) are masked, drawn
    light grey with their value in dark text instead of a colour that suggests a firm share."""
    return np.ma.masked_where(np.isnan(grid) | (sizes < MIN_GROUP), grid)


def _grid_cmap():
    return SEQUENTIAL.with_extremes(bad="#E6E6E6")


def _order(series) -> list:
    """The reports of a table in the one report order (a categorical's order), present only."""
    present = set(series)
    if isinstance(series.dtype, pd.CategoricalDtype):
        return [c for c in series.cat.categories if c in present]
    return list(dict.fromkeys(series))


def _label_bars(ax, bars, fmt="{:g}", suffixes=None) -> None:
    """Write each bar's value at its end; a bar without a value (missing) gets no label."""
    for k, bar in enumerate(bars):
        width = bar.get_width()
        if math.isnan(width):  # missing: nothing to label
            continue
        suffix = suffixes[k] if suffixes else ""
        ax.annotate(fmt.format(width) + suffix, (width, bar.get_y() + bar.get_height() / 2),
                    xytext=(3, 0), textcoords="offset points", va="center", fontsize=9)


def _values(series) -> list[float]:
    """A column as floats for matplotlib, missing as NaN (never as 0)."""
    return [float("nan") if pd.isna(v) else float(v) for v in series]


def _no_data(ax, note: str) -> None:
    """An empty chart that says why it is empty, in Chinese and English."""
    ax.text(0.5, 0.5, note, ha="center", va="center", transform=ax.transAxes, fontsize=11,
            color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def _period_suffix(period) -> str:
    return "" if pd.isna(period) or period == "year" else f" ({period})"


def deadline_chart(compliance):
    """Days between publication and the 1 April deadline, one bar per report (green on time,
    vermillion late); a report without a publish date keeps its row, with 无发布日期 at 0 and no
    bar."""
    fig, ax = plt.subplots(figsize=(6.5, 0.45 * len(compliance) + 1.4))
    on_time = compliance["is_published_on_time"].astype("boolean")
    colors = [UNKNOWN if ok is pd.NA else PALETTE[2] if ok else PALETTE[3] for ok in on_time]
    days = _values(compliance["days_before_deadline"])
    # A report without a date keeps its row: a zero-width bar at 0, labelled instead of measured.
    bars = ax.barh(range(len(days)), [0 if math.isnan(d) else d for d in days], color=colors)
    ax.set_yticks(range(len(days)), compliance["report"])
    _label_bars(ax, [bar for bar, d in zip(bars, days) if not math.isnan(d)], "{:g} 天")
    for y, value in enumerate(days):
        if math.isnan(value):
            ax.annotate("无发布日期 no publish date", (0, y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=9, color="#555555")
    if all(math.isnan(value) for value in days):
        ax.set_xlim(-30, 120)  # no dates at all: a readable axis around the deadline
    ax.axvline(0, color="black", linewidth=0.8)
    ax.invert_yaxis()
    ax.set_xlabel("距4月1日法定期限的天数 days before the 1 April deadline (negative = late)")
    _title(ax, "报告公开时间 Publication against the statutory deadline", len(compliance))
    return fig


def elements_chart(compliance):
    """Report × the five required elements: covered (有), not found (无), or not recorded (未知)."""
    columns = list(ELEMENT_LABELS)
    flags = compliance[columns].astype("boolean")
    grid = flags.astype("Int64").fillna(-1).to_numpy(dtype=int)  # 1 有, 0 无, -1 未知
    unknown = bool((grid < 0).any())
    fig, ax = plt.subplots(figsize=(7.5, 0.5 * len(compliance) + 1.8))
    ax.imshow(np.where(grid < 0, 2, grid), aspect="auto", vmin=0, vmax=2,
              cmap=matplotlib.colors.ListedColormap(["#F4F4F4", PALETTE[0], "#DDDDDD"]))
    text = {1: ("有", "white"), 0: ("无", PALETTE[3]), -1: ("未知", "#555555")}
    for (i, j), value in np.ndenumerate(grid):
        ax.text(j, i, text[value][0], ha="center", va="center", color=text[value][1], fontsize=11)
    ax.set_xticks(range(len(columns)), [ELEMENT_LABELS[c] for c in columns], fontsize=9)
    ax.set_yticks(range(len(compliance)), compliance["report"])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    _title(ax, "法定报告要素 The five required elements (有 = covered, 无 = not found"
           + (", 未知 = not recorded)" if unknown else ")"), len(compliance))
    return fig


def density_chart(density):
    """Quantities per 1,000 characters of text, one bar per report."""
    fig, ax = plt.subplots(figsize=(6.5, 0.45 * len(density) + 1.4))
    values = _values(density["quantities_per_1000_chars"])
    bars = ax.barh(range(len(values)), [0 if math.isnan(v) else v for v in values], color=PALETTE[0])
    ax.set_yticks(range(len(values)), density["report"])
    _label_bars(ax, [bar for bar, v in zip(bars, values) if not math.isnan(v)])
    ax.invert_yaxis()
    ax.set_xlabel("每千字数量表述 quantities per 1,000 characters")
    _title(ax, "报告的量化程度 How quantified each report is", len(density))
    return fig


RATES_TITLE = "纠纷化解指标 Dispute-resolution rates (empty = not stated)"


def rates_chart(rates):
    """The four dispute-resolution rates side by side, on 0–100 %; previous-year values in a
    lighter bar, partial-year values hatched and labelled with their period."""
    names = list(dict.fromkeys(rates["rate"]))
    if not names:
        fig, ax = plt.subplots(figsize=(6.5, 2.2))
        _no_data(ax, "所选报告均未给出这些比率\nnone of these reports states these rates")
        fig.suptitle(f"{RATES_TITLE}\n{n_reports(0)}", y=1.04)
        return fig
    reports = _order(rates["report"])
    fig, axes = plt.subplots(1, len(names), figsize=(3.3 * len(names), 0.5 * len(reports) + 2.0),
                             sharey=True, squeeze=False)
    for ax, name in zip(axes[0], names):
        part = rates[rates["rate"] == name]
        for offset, previous, color in ((-0.2, True, PALETTE[4]), (0.2, False, PALETTE[0])):
            rows = part[part["is_previous_year"] == previous]
            rows = rows.drop_duplicates("report")
            ys = [reports.index(r) + offset for r in rows["report"]]
            partial = [not pd.isna(p) and p != "year" for p in rows["period"]]
            values = _values(rows["value"])
            bars = ax.barh(ys, [min(v, 100) for v in values], height=0.38, color=color,
                           hatch=[PARTIAL_HATCH if p else "" for p in partial], edgecolor="white",
                           label="上一年 previous year" if previous else "报告年度 report year")
            for bar, value, period in zip(bars, values, rows["period"]):
                if math.isnan(value):
                    continue
                inside = value > 70  # near 100 %: the label goes inside the bar, the axis stops at 100
                ax.annotate(f"{value:g}{_period_suffix(period)}",
                            (min(value, 100), bar.get_y() + bar.get_height() / 2),
                            xytext=(-3 if inside else 3, 0), textcoords="offset points",
                            ha="right" if inside else "left", va="center", fontsize=8,
                            color="white" if inside else "black")
        ax.set_yticks(range(len(reports)), reports)
        ax.set_title(name.replace(" ", "\n", 1), fontsize=10)
        ax.set_xlim(0, 100)
        ax.set_xlabel("%")
    axes[0][0].invert_yaxis()
    handles, labels = axes[0][0].get_legend_handles_labels()
    handles.append(Patch(facecolor=PALETTE[0], edgecolor="white", hatch=PARTIAL_HATCH))
    labels.append("斜线 = 非全年数据 hatched = part of the year (period in the label)")
    _suptitle(fig, f"{RATES_TITLE}\n{n_reports(len(reports))}")
    height = fig.get_size_inches()[1]
    fig.subplots_adjust(bottom=min(0.4, 0.95 / height))  # room for the legend under the axes
    fig.legend(handles, labels, loc="lower center", ncol=3, fontsize=9, frameon=False,
               bbox_to_anchor=(0.5, 0.0))
    return fig


FUNNEL_TITLE = "行政复议办理 Reconsideration funnel (report year, log scale)"


def funnel_chart(funnel):
    """Reconsideration applications → accepted → closed per report, on a log scale so a small
    region's counts stay visible beside a large one's; partial-year counts hatched and labelled
    with their period."""
    reports = _order(funnel["report"])
    stages = _order(funnel["stage"])
    fig, ax = plt.subplots(figsize=(7.5, 0.75 * len(reports) + 1.8))
    if not reports:
        _no_data(ax, "所选报告均未给出行政复议数字\nnone of these reports states reconsideration counts")
        _title(ax, FUNNEL_TITLE, 0)
        return fig
    height = 0.8 / max(len(stages), 1)
    rows = funnel.drop_duplicates(["report", "stage"]).set_index(["report", "stage"])
    for k, stage in enumerate(stages):
        ys, values, periods = [], [], []
        for i, report in enumerate(reports):
            if (report, stage) in rows.index:
                ys.append(i + (k - (len(stages) - 1) / 2) * height)
                values.append(rows.loc[(report, stage), "value"])
                periods.append(rows.loc[(report, stage), "period"])
        values = [v if not pd.isna(v) and v > 0 else float("nan") for v in _values(values)]
        partial = [not pd.isna(p) and p != "year" for p in periods]
        bars = ax.barh(ys, [0 if math.isnan(v) else v for v in values], height=height, label=stage,
                       color=PALETTE[k], hatch=[PARTIAL_HATCH if p else "" for p in partial],
                       edgecolor="white")
        _label_bars(ax, [b for b, v in zip(bars, values) if not math.isnan(v)], "{:g}",
                    [_period_suffix(p) for v, p in zip(values, periods) if not math.isnan(v)])
    ax.set_xscale("log")
    ax.set_yticks(range(len(reports)), reports)
    ax.invert_yaxis()
    ax.set_xlabel("件 cases (log scale 对数刻度)")
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.text(1.02, 0.0, "斜线 = 非全年数据\nhatched = part of the year\n(期间见标注 period in label)",
            transform=ax.transAxes, fontsize=8, color="#555555", va="bottom")
    _title(ax, FUNNEL_TITLE, len(reports))
    return fig


def _indicator_rows(codebook: pd.DataFrame) -> pd.DataFrame:
    """Codebook indicators in 纲要 chapter order (then codebook order), with bilingual labels."""
    book = codebook.reset_index(drop=True).copy()
    book["chapter"] = book["outline_chapter"].astype("Float64").fillna(99).astype(int)
    book["position"] = range(len(book))
    book = book.sort_values(["chapter", "position"]).reset_index(drop=True)
    book["label"] = book["name_zh"] + "  " + book["name_en"].fillna("")
    return book


def indicator_grid(ax, matrix: pd.DataFrame, codebook: pd.DataFrame, columns: list[str], *,
                   percent: bool) -> None:
    """Indicators (rows, grouped by 纲要 chapter, labelled in Chinese and English, horizontal)
    × columns (reports or groups): blue where stated (0/1), or the share of reports (0–100 %)
    written in each cell. `matrix` is indexed by indicator_id."""
    book = _indicator_rows(codebook)
    grid = matrix.reindex(index=book["indicator_id"]).to_numpy(dtype="float64")
    if percent:
        ax.imshow(grid, cmap=SEQUENTIAL, vmin=0, vmax=100, aspect="auto")
        for (i, j), value in np.ndenumerate(grid):
            if not math.isnan(value) and value > 0:
                ax.text(j, i, f"{value:.0f}", ha="center", va="center", fontsize=7,
                        color="white" if value > 55 else "black")
    else:
        ax.imshow(grid, cmap=matplotlib.colors.ListedColormap(["#F4F4F4", PALETTE[0]]), vmin=0,
                  vmax=1, aspect="auto")
    ax.set_yticks(range(len(book)), book["label"], fontsize=8)
    ax.set_xticks(range(len(columns)), columns, fontsize=8)
    ax.xaxis.tick_top()
    ax.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(book))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.2)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    # Chapter groups: a dark rule between chapters and the chapter's name on the right.
    chapters = book["chapter"].tolist()
    for start in [i for i in range(len(chapters)) if i == 0 or chapters[i] != chapters[i - 1]]:
        end = start
        while end + 1 < len(chapters) and chapters[end + 1] == chapters[start]:
            end += 1
        if start:
            ax.axhline(start - 0.5, color="#333333", linewidth=1.2)
        label = CHAPTER_LABELS.get(chapters[start], "无章节 no chapter").replace("\n", " ")
        ax.annotate(label, (1.0, (start + end) / 2), xycoords=("axes fraction", "data"),
                    xytext=(6, 0), textcoords="offset points", va="center", fontsize=8,
                    color="#333333")


def coverage_chart(matrix, codebook):
    """Indicator × report heat map: which indicators each report states for its year, the
    indicators grouped by 纲要 chapter. `matrix` is analysis.coverage (report × name_zh)."""
    ids = dict(zip(codebook["name_zh"], codebook["indicator_id"]))
    table = matrix.T.rename(index=ids)
    reports = [label.replace(" ", "\n", 1) for label in matrix.index]
    fig, ax = plt.subplots(figsize=(5.5 + 0.7 * len(reports), 0.26 * len(codebook) + 1.8))
    indicator_grid(ax, table, codebook, reports, percent=False)
    ax.set_title("各报告公开的指标 Which indicators each report states for its year (blue = stated)\n"
                 f"{n_reports(len(reports))}; 按纲要章节分组 grouped by outline chapter", fontsize=10)
    return fig


def _outline_note(before: int) -> str:
    return (f"* {before}份报告早于2021年，仍按《法治政府建设实施纲要（2021－2025年）》的章节归类 · "
            f"{before} report{'s' if before != 1 else ''} of a year before 2021: the 2021–2025 "
            f"outline's chapters are applied to {'them' if before != 1 else 'it'} anyway")


def _share_heatmap(ax, grid: np.ndarray, rows: list[str], sizes=None) -> None:
    """Shares (%) on one hue, 0–40 % or more; with `sizes` (reports per row), the rows of groups
    below MIN_GROUP are grey cells with their values, not colours."""
    top = max(40.0, float(np.nanmax(grid))) if grid.size and not np.isnan(grid).all() else 40.0
    shown = grid if sizes is None else _small_grid(grid, np.repeat(
        np.asarray(sizes, dtype="float64")[:, None], grid.shape[1], axis=1))
    ax.imshow(shown, cmap=_grid_cmap(), vmin=0, vmax=top, aspect="auto")
    masked = np.ma.getmaskarray(shown)
    for (i, j), value in np.ndenumerate(grid):
        dark = not masked[i, j] and not math.isnan(value) and value > 0.6 * top
        ax.text(j, i, "—" if math.isnan(value) else f"{value:.0f}", ha="center", va="center",
                fontsize=9, color="white" if dark else "black")
    ax.set_xticks(range(len(CHAPTER_LABELS)), list(CHAPTER_LABELS.values()), fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(rows)), rows)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


CHAPTERS_TITLE = "纲要各章篇幅 Share of the text (%) per chapter of the 2021–2025 outline"


def chapters_chart(shares, before_outline=None):
    """Report × the ten 纲要 chapters: the percentage of each report's text about each chapter,
    written in its cell on a single-hue scale (no ten-colour stack). A report of a year before
    2021 is starred, with a note that the 2021–2025 outline is applied to it anyway."""
    fig, ax = plt.subplots(figsize=(12, 0.45 * len(shares) + 2.6))
    if not shares.notna().any().any():
        _no_data(ax, "没有章节篇幅数据\nno outline-chapter shares in these reports")
        _title(ax, CHAPTERS_TITLE, 0)
        return fig
    before = list(before_outline) if before_outline is not None else [False] * len(shares)
    rows = [f"{label} *" if early else str(label) for label, early in zip(shares.index, before)]
    grid = shares.reindex(columns=list(CHAPTER_LABELS)).to_numpy(dtype="float64")
    _share_heatmap(ax, grid, rows)
    ax.set_title(f"{CHAPTERS_TITLE}\n{n_reports(len(shares))}; — = 无该章篇幅数据 no share", fontsize=10)
    if any(before):
        ax.set_xlabel(_outline_note(sum(before)), fontsize=8, color="#555555")
    return fig


def quality_chart(quality, names=None):
    """Precision and recall per indicator on each evaluation set: the seeds the rules were
    written from, and, once they exist, the held-out dev and test sets (analysis.quality_sets).
    Each row gives the number of gold values per set."""
    rows = list(dict.fromkeys(quality["indicator_id"])) if len(quality) else []
    fig, axes = plt.subplots(1, 2, figsize=(10, 0.34 * len(rows) + 2.0), sharey=True)
    if not rows:
        for ax in axes:
            _no_data(ax, "没有带金标准的指标\nno indicator with gold values or predictions")
        fig.suptitle("抽取质量 Extraction quality per indicator", y=1.02)
        return fig
    sets = _order(quality["set"])
    markers = ["o", "s", "^"]
    offsets = np.linspace(-0.25, 0.25, len(sets)) if len(sets) > 1 else [0.0]
    for ax, metric in zip(axes, ("precision", "recall")):
        for k, name in enumerate(sets):
            part = quality[quality["set"] == name]
            ys = [rows.index(i) + offsets[k] for i in part["indicator_id"]]
            ax.scatter(part[metric], ys, marker=markers[k % 3], color=PALETTE[k], s=22, label=name,
                       zorder=3)
        ax.set_xlim(-0.02, 1.02)
        ax.set_xlabel({"precision": "精确率 precision", "recall": "召回率 recall"}[metric])
        ax.grid(axis="x", color="#DDDDDD")
        for y in range(len(rows)):
            ax.axhline(y + 0.5, color="#EEEEEE", linewidth=0.6)
    gold = quality.pivot_table(index="indicator_id", columns="set", values="gold", aggfunc="sum",
                               observed=True)
    labels = []
    for i in rows:
        counts = "/".join(str(int(gold.loc[i, s])) if s in gold.columns and not pd.isna(gold.loc[i, s])
                          else "–" for s in sets)
        labels.append(f"{(names or {}).get(i, i)} (gold {counts})")
    axes[0].set_yticks(range(len(rows)), labels, fontsize=7)
    axes[0].set_ylim(len(rows) - 0.5, -0.5)
    handles, legend = axes[0].get_legend_handles_labels()
    fig.legend(handles, legend, loc="lower center", ncol=len(sets), fontsize=8,
               frameon=False, bbox_to_anchor=(0.5, 0.0))
    _suptitle(fig, "抽取质量 Extraction quality per indicator: seeds beside the held-out sets\n"
              "gold = 各集金标准值个数 gold values per set (" + " / ".join(s.split(" (")[0] for s in sets)
              + ")", header_inches=0.6)
    fig.subplots_adjust(bottom=0.75 / fig.get_size_inches()[1])
    return fig


# --- a corpus of many reports: groups, distributions, peers, panels ------------------------------


def group_grid_chart(table, rows: str, columns: str, value: str, title: str, row_labels=None):
    """Heat map of one share (0–100 %) over two groupings (e.g. admin_level × report_year), each
    cell giving the share and the number of reports; a cell of fewer than MIN_GROUP reports is
    written in grey, an empty cell is —."""
    n_total = int(table["n_reports"].sum()) if len(table) else 0
    row_keys = list(dict.fromkeys(table[rows])) if len(table) else []
    col_keys = sorted(dict.fromkeys(table[columns])) if len(table) else []
    fig, ax = plt.subplots(figsize=(max(6.0, 0.8 * len(col_keys) + 2.5), 0.6 * len(row_keys) + 2.0))
    if not row_keys:
        _no_data(ax, "没有报告\nno reports")
        _title(ax, title, 0)
        return fig
    indexed = table.set_index([rows, columns])
    grid = np.full((len(row_keys), len(col_keys)), np.nan)
    sizes = np.zeros((len(row_keys), len(col_keys)))
    for i, r in enumerate(row_keys):
        for j, c in enumerate(col_keys):
            if (r, c) in indexed.index:
                cell = indexed.loc[(r, c)]
                grid[i, j] = np.nan if pd.isna(cell[value]) else cell[value]
                sizes[i, j] = cell["n_reports"]
                small = cell["n_reports"] < MIN_GROUP
                share = "—" if pd.isna(cell[value]) else f"{cell[value]:.0f}%"
                ax.text(j, i, f"{share}\nn={int(cell['n_reports'])}", ha="center", va="center",
                        fontsize=7.5, color="#444444" if small else
                        ("white" if not pd.isna(cell[value]) and cell[value] > 55 else "black"))
    ax.imshow(_small_grid(grid, sizes), cmap=_grid_cmap(), vmin=0, vmax=100, aspect="auto")
    ax.set_xticks(range(len(col_keys)), [str(c) for c in col_keys], fontsize=8)
    labels = row_labels or {}
    ax.set_yticks(range(len(row_keys)), [labels.get(r, str(r)) for r in row_keys], fontsize=9)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    _title(ax, title, n_total)
    ax.set_xlabel(f"灰格 = 少于{MIN_GROUP}份报告（空格 = 无报告）grey cell = fewer than {MIN_GROUP} reports "
                  "(empty = none); — = 无数据 no data", fontsize=8, color="#555555")
    return fig


def _strip(ax, y: float, values: list[float], hollow: list[bool], color: str, outside=None) -> None:
    """Points of one group around row y, spread by rank (deterministic, no random jitter); one
    scatter call per kind of point (filled or hollow, inside or outside the fences), so a group
    of thousands draws as fast as one of five."""
    xs = np.asarray(values, dtype="float64")
    order = np.argsort(xs, kind="stable")
    offsets = np.zeros(len(xs))
    offsets[order] = [((k % 5) - 2) * 0.08 for k in range(len(xs))]
    empty = np.asarray(hollow, dtype=bool)
    out = np.asarray(outside if outside is not None else [False] * len(xs), dtype=bool)
    for is_out in (False, True):
        edge = PALETTE[3] if is_out else color
        for is_empty in (False, True):
            mask = (out == is_out) & (empty == is_empty)
            if mask.any():
                ax.scatter(xs[mask], y + offsets[mask], s=16, facecolors="none" if is_empty else edge,
                           edgecolors=edge, linewidths=1, zorder=3)


def distribution_chart(values, by: str, labels=None, xlabel="", xlim=(0, 100), title=""):
    """One panel per rate (values: analysis.rate_values), each group of `by` a row with every
    value as a point and, for groups of MIN_GROUP or more, a box (quartiles, median, Tukey
    whiskers); points beyond the fences in vermillion, partial-year values hollow. The row label
    gives the group's n."""
    rates = _order(values["rate"]) if len(values) else []
    if not rates:
        fig, ax = plt.subplots(figsize=(7, 2.2))
        _no_data(ax, "没有比率数值\nno rate values in these reports")
        _title(ax, title, 0)
        return fig
    groups = sorted(dict.fromkeys(values[by]))
    if by == "admin_level":
        groups = [g for g in ADMIN_LEVELS if g in set(values[by])]
    ncols = 2 if len(rates) > 1 else 1
    nrows = math.ceil(len(rates) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(6.2 * ncols, (0.38 * len(groups) + 1.3) * nrows + 1.0),
                             squeeze=False)
    for ax, rate in zip(axes.ravel(), rates):
        part = values[values["rate"] == rate]
        ticks = []
        for i, group in enumerate(groups):
            v = part[part[by] == group]
            xs = v["value"].astype("float64").tolist()
            ticks.append(f"{(labels or {}).get(group, group)}  (n={len(xs)})")
            if not xs:
                continue
            if len(xs) >= MIN_GROUP:
                q1, q3 = np.percentile(xs, [25, 75])
                low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
                ax.boxplot([xs], positions=[i], orientation="horizontal", widths=0.6,
                           whis=1.5, showfliers=False, patch_artist=True,
                           boxprops={"facecolor": "#DCEBF5", "edgecolor": PALETTE[0]},
                           medianprops={"color": "black"}, whiskerprops={"color": PALETTE[0]},
                           capprops={"color": PALETTE[0]})
                outside = [x < low or x > high for x in xs]
                color = PALETTE[0]
            else:
                outside, color = None, SMALL
            hollow = v["partial_year"].tolist()
            if len(xs) > MANY_POINTS and outside is not None:  # the box says it: outliers only
                keep = [k for k, out in enumerate(outside) if out]
                xs, hollow, outside = ([xs[k] for k in keep], [hollow[k] for k in keep],
                                       [True] * len(keep))
            _strip(ax, i, xs, hollow, color, outside)
        ax.set_yticks(range(len(groups)), ticks, fontsize=8)
        ax.set_ylim(len(groups) - 0.5, -0.5)
        ax.set_xlim(*xlim)
        ax.set_xlabel(xlabel, fontsize=8)
        ax.grid(axis="x", color="#EEEEEE")
        ax.set_title(f"{rate} · {part['report_id'].nunique()}份报告 reports", fontsize=9)
    for ax in axes.ravel()[len(rates):]:
        ax.set_visible(False)
    _suptitle(fig, f"{title}\n{n_reports(values['report_id'].nunique())}\n灰点 = 少于{MIN_GROUP}个值的组 "
              f"grey = group of fewer than {MIN_GROUP} values; 红点 = 离群 vermillion = outlier (1.5 × IQR)\n"
              f"空心 = 非全年 hollow = part of the year; 超过{MANY_POINTS}个值的组只画离群点 "
              f"groups of more than {MANY_POINTS} values: box and outliers only", header_inches=0.85)
    return fig


def days_chart(compliance_frame, labels=None):
    """Publish dates against the 1 April deadline as a distribution: one panel per admin level,
    one row per report year, every report a point, a box where the group has MIN_GROUP or more."""
    frame = compliance_frame.dropna(subset=["days_before_deadline"]).copy()
    frame["rate"] = frame["admin_level"].map(lambda lv: (labels or {}).get(lv, lv))
    frame["value"] = frame["days_before_deadline"].astype("float64")
    frame["partial_year"] = False
    frame["report_id"] = frame["report"]
    frame["rate"] = pd.Categorical(frame["rate"], categories=[(labels or {}).get(lv, lv)
                                                             for lv in ADMIN_LEVELS], ordered=True)
    lo = min(-60.0, frame["value"].min()) if len(frame) else -60.0
    hi = max(120.0, frame["value"].max()) if len(frame) else 120.0
    fig = distribution_chart(frame, "report_year", xlabel="距4月1日的天数 days before 1 April "
                             "(negative = late 负数 = 逾期)", xlim=(lo - 5, hi + 5),
                             title="公开时间分布 Publication dates against the deadline, by level and year")
    for ax in fig.axes:
        if ax.get_visible() and ax.has_data():
            ax.axvline(0, color="black", linewidth=0.8)
    n_undated = len(compliance_frame) - len(frame)
    if n_undated:
        fig.text(0.5, -0.02, f"另有{n_undated}份报告无发布日期 {n_undated} more reports have no publish date",
                 ha="center", fontsize=8, color="#555555")
    return fig


def elements_by_group_chart(by_level, by_year, labels=None):
    """Coverage rate of each of the five elements, by admin level and by report year, as heat
    maps with the share and n in every cell (grey text: fewer than MIN_GROUP reports)."""
    columns = [f"{e}_pct" for e in ELEMENT_LABELS]
    parts = [(by_level, "admin_level"), (by_year, "report_year")]
    heights = [max(len(t), 1) for t, _ in parts]
    fig, axes = plt.subplots(2, 1, figsize=(8, 0.42 * sum(heights) + 3.2),
                             gridspec_kw={"height_ratios": heights})
    n_total = int(by_level["n_reports"].sum()) if len(by_level) else 0
    for ax, (table, key) in zip(axes, parts):
        if table.empty:
            _no_data(ax, "没有报告\nno reports")
            continue
        grid = table[columns].to_numpy(dtype="float64")
        sizes = np.repeat(table["n_reports"].to_numpy(dtype="float64")[:, None], len(columns), axis=1)
        ax.imshow(_small_grid(grid, sizes), cmap=_grid_cmap(), vmin=0, vmax=100, aspect="auto")
        for (i, j), value in np.ndenumerate(grid):
            small = sizes[i, j] < MIN_GROUP
            ax.text(j, i, "—" if math.isnan(value) else f"{value:.0f}%", ha="center", va="center",
                    fontsize=8, color="#444444" if small or math.isnan(value)
                    else ("white" if value > 55 else "black"))
        ax.set_yticks(range(len(table)), [f"{(labels or {}).get(g, g)} (n={n})" for g, n in
                                          zip(table[key], table["n_reports"])], fontsize=8)
        ax.set_xticks(range(len(columns)), [ELEMENT_LABELS[c[:-4]] for c in columns], fontsize=8)
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
    _suptitle(fig, f"五项法定要素的覆盖率 Share of reports covering each required element\n"
              f"{n_reports(n_total)}; 按层级（上）和年度（下） by level (top) and year (bottom)\n"
              f"灰格 = 少于{MIN_GROUP}份报告 grey cell = fewer than {MIN_GROUP} reports "
              "(share among reports whose flag is recorded)", header_inches=0.95)
    return fig


def stated_chart(shares, sizes, codebook, group_label=str, title=""):
    """Indicator × group: the share of the group's reports that state each indicator for their
    year, the indicators grouped by 纲要 chapter; each column header gives its n."""
    columns = [f"{group_label(g)}\nn={int(n)}" for g, n in sizes.items()]
    fig, ax = plt.subplots(figsize=(6.0 + 0.62 * len(columns), 0.26 * len(codebook) + 2.0))
    indicator_grid(ax, shares, codebook, columns, percent=True)
    ax.set_title(f"{title}\n{n_reports(int(sizes.sum()))}; 数字 = 给出该指标的报告占比% cell = % of the "
                 "group's reports stating it", fontsize=10)
    return fig


def chapters_by_level_chart(by_level, labels=None):
    """Level × 纲要 chapter: the mean share of the text per chapter, n per level, and a note when
    reports before 2021 are included."""
    fig, ax = plt.subplots(figsize=(12, 0.5 * len(by_level) + 2.6))
    n_total = int(by_level["n_reports"].sum()) if len(by_level) else 0
    if by_level.empty:
        _no_data(ax, "没有章节篇幅数据\nno outline-chapter shares in these reports")
        _title(ax, "纲要各章篇幅（按层级）Outline chapter shares by level", 0)
        return fig
    grid = by_level[list(CHAPTER_LABELS)].to_numpy(dtype="float64")
    rows = [f"{(labels or {}).get(lv, lv)} (n={int(n)})" for lv, n in
            zip(by_level.index, by_level["n_reports"])]
    _share_heatmap(ax, grid, rows, sizes=by_level["n_reports"].to_numpy())
    ax.set_title("纲要各章篇幅（按层级平均）Mean share of the text (%) per outline chapter, by level\n"
                 f"{n_reports(n_total)}; 灰格 = 少于{MIN_GROUP}份报告 grey = fewer than {MIN_GROUP} reports",
                 fontsize=10)
    before = int(by_level["n_before_outline"].sum())
    if before:
        ax.set_xlabel(_outline_note(before), fontsize=8, color="#555555")
    return fig


def peers_chart(peers, names: dict, label: str):
    """Where one report stands among its peers: per indicator it states, its percentile (0 =
    lowest, 100 = highest) among the peers' values, with its value, n and the peer group; an
    indicator without peers is listed with no point."""
    fig, ax = plt.subplots(figsize=(9, 0.42 * len(peers) + 1.9))
    if peers.empty:
        _no_data(ax, "该报告未给出本年度指标数值\nthis report states no indicator value for its year")
        ax.set_title(f"{label} 与同类报告比较 against its peers\n{n_reports(0)}", fontsize=10)
        return fig
    ys = range(len(peers))
    ax.hlines(list(ys), 0, 100, color="#E4E4E4", linewidth=4, zorder=1)
    for y, row in zip(ys, peers.itertuples()):
        if math.isnan(row.percentile):
            ax.annotate("无同类报告 no peers", (50, y), ha="center", va="center", fontsize=8,
                        color="#555555")
            continue
        few = row.n_peers < 5
        ax.scatter([row.percentile], [y], s=40, color=SMALL if few else PALETTE[0], zorder=3)
        ax.annotate(f"{row.percentile:.0f}", (row.percentile, y), xytext=(0, 7),
                    textcoords="offset points", ha="center", fontsize=7)
    ax.set_yticks(list(ys), [f"{names.get(r.indicator_id, r.indicator_id)} = {r.value:g}"
                             f"{_period_suffix(r.period)}  (n={r.n_peers}, {r.peer_group.split(' ')[0]})"
                             for r in peers.itertuples()],
                  fontsize=8)
    ax.set_ylim(len(peers) - 0.5, -0.7)
    ax.set_xlim(-3, 103)
    ax.axvline(50, color="#999999", linewidth=0.8, linestyle=":")
    ax.set_xlabel("在同类报告中的百分位 percentile among peers (0 = lowest 最低, 100 = highest 最高); "
                  "n = 同类报告数 peers; 灰点 = 少于5 grey = fewer than 5", fontsize=8)
    groups = " / ".join(dict.fromkeys(peers["peer_group"]))
    ax.set_title(f"{label} 与同类报告比较 against its peers\n同类 peers: {groups}\n"
                 "基于该报告及各行的n份同类报告 · based on this report and the n peer reports of each row",
                 fontsize=10)
    return fig


def panel_chart(panel, names: dict, unit_label: str, note: str = ""):
    """The same region over the years: one small panel per indicator with values in two or more
    years (or all stated ones if none has two), the point's colour the region code then in
    force, hollow for a year restated by a later report; the lineage note under the title."""
    if panel.empty:
        fig, ax = plt.subplots(figsize=(7, 2.2))
        _no_data(ax, "该地区没有指标数值\nno indicator values for this region")
        ax.set_title(f"{unit_label} 历年 over the years · {n_reports(0)}", fontsize=10)
        return fig
    counts = panel.groupby("indicator_id")["ref_year"].nunique()
    chosen = sorted(counts[counts >= 2].index)[:12]
    if not chosen:
        fig, ax = plt.subplots(figsize=(8, 2.4))
        years = "、".join(str(int(y)) for y in sorted(set(panel["ref_year"])))
        _no_data(ax, f"只有一个年度的数值（{years}），没有可比较的历年数据\n"
                     f"values for one year only ({years}): no panel to draw; see the table")
        ax.set_title(f"{unit_label} 历年 over the years · {n_reports(panel['report_id'].nunique())}"
                     + (f"\n区划变更 code changes: {note}" if note else ""), fontsize=10)
        return fig
    codes = sorted(dict.fromkeys(panel["region_code"]))
    ncols = min(3, len(chosen))
    nrows = math.ceil(len(chosen) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.0 * ncols, 2.6 * nrows + 0.6), squeeze=False)
    years = sorted(dict.fromkeys(panel["ref_year"].astype(int)))
    for ax, indicator_id in zip(axes.ravel(), chosen):
        part = panel[panel["indicator_id"] == indicator_id].sort_values("ref_year")
        ax.plot(part["ref_year"].astype(int), part["value"].astype(float), color="#BBBBBB",
                linewidth=1, zorder=1)
        for k, code in enumerate(codes):
            mine = part[part["region_code"] == code]
            for own, face in ((True, PALETTE[k % len(PALETTE)]), (False, "none")):
                sub = mine[mine["own_year"] == own]
                ax.scatter(sub["ref_year"].astype(int), sub["value"].astype(float), s=30,
                           facecolors=face, edgecolors=PALETTE[k % len(PALETTE)], zorder=3,
                           label=f"{code}" + ("" if own else " (restated)"))
        ax.set_xticks(years, [str(y) for y in years], fontsize=7)
        ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
        if str(indicator_id).endswith("_pct"):
            ax.set_ylim(0, 100)
        else:
            ax.set_ylim(0, max(1.0, float(part["value"].max())) * 1.15)
        ax.set_title(names.get(indicator_id, indicator_id), fontsize=8)
    for ax in axes.ravel()[len(chosen):]:
        ax.set_visible(False)
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=PALETTE[k % len(PALETTE)],
                          label=f"代码 code {code}") for k, code in enumerate(codes)]
    handles.append(plt.Line2D([], [], marker="o", linestyle="", markerfacecolor="none",
                              color="#555555", label="后一年报告中的数值 restated by a later report"))
    n = panel["report_id"].nunique()
    _suptitle(fig, f"{unit_label} 历年 over the years · {n_reports(n)}"
              + (f"\n区划变更 code changes: {note}" if note else ""), header_inches=0.6)
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=8, frameon=False,
               bbox_to_anchor=(0.5, -0.05))
    return fig
