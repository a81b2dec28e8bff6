"""Figures for the notebooks: a CJK font, a colour-blind-safe palette, deterministic PNGs.

The font is Noto Sans CJK SC as shipped inside the `mplfonts` package (installed by `make`, so no
apt step). `setup()` registers it and turns matplotlib's missing-glyph warning into an error, so
a label that would render as boxes fails loudly instead. `save()` writes PNGs without any
timestamp or version in their metadata, so a rebuild is byte-identical.

Every chart draws whatever the corpus holds: one report, reports without a publish date (no
bar, 无发布日期), element flags not recorded (未知), no indicators or shares at all (a
bilingual "no data" note instead of an empty or failing figure). Missing values are never drawn
as zero.
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

from fazhi import paths  # noqa: E402

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


UNKNOWN = "#BBBBBB"  # grey: a value the report or the extractor does not give


def _label_bars(ax, bars, fmt="{:g}") -> None:
    """Write each bar's value at its end; a bar without a value (missing) gets no label."""
    for bar in bars:
        width = bar.get_width()
        if math.isnan(width):  # missing: nothing to label
            continue
        ax.annotate(fmt.format(width), (width, bar.get_y() + bar.get_height() / 2),
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


def deadline_chart(compliance):
    """Days between publication and the 1 April deadline, one bar per report (green on time,
    vermillion late); a report without a publish date keeps its row, with 无发布日期 at 0 and no
    bar."""
    fig, ax = plt.subplots(figsize=(6.5, 0.45 * len(compliance) + 1.2))
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
    ax.set_title("报告公开时间 Publication against the statutory deadline")
    return fig


def elements_chart(compliance):
    """Report × the five required elements: covered (有), not found (无), or not recorded (未知)."""
    columns = list(ELEMENT_LABELS)
    flags = compliance[columns].astype("boolean")
    grid = flags.astype("Int64").fillna(-1).to_numpy(dtype=int)  # 1 有, 0 无, -1 未知
    unknown = bool((grid < 0).any())
    fig, ax = plt.subplots(figsize=(7.5, 0.5 * len(compliance) + 1.6))
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
    ax.set_title("法定报告要素 The five required elements (有 = covered, 无 = not found"
                 + (", 未知 = not recorded)" if unknown else ")"))
    return fig


def density_chart(density):
    """Quantities per 1,000 characters of text, one bar per report."""
    fig, ax = plt.subplots(figsize=(6.5, 0.45 * len(density) + 1.2))
    values = _values(density["quantities_per_1000_chars"])
    bars = ax.barh(range(len(values)), [0 if math.isnan(v) else v for v in values], color=PALETTE[0])
    ax.set_yticks(range(len(values)), density["report"])
    _label_bars(ax, [bar for bar, v in zip(bars, values) if not math.isnan(v)])
    ax.invert_yaxis()
    ax.set_xlabel("每千字数量表述 quantities per 1,000 characters")
    ax.set_title("报告的量化程度 How quantified each report is")
    return fig


def rates_chart(rates):
    """The four dispute-resolution rates side by side; previous-year values in a lighter bar."""
    names = list(dict.fromkeys(rates["rate"]))
    if not names:
        fig, ax = plt.subplots(figsize=(6.5, 2.2))
        _no_data(ax, "所选报告均未给出这些比率\nnone of these reports states these rates")
        fig.suptitle("纠纷化解指标 Dispute-resolution rates (empty = not stated)", y=1.02)
        return fig
    fig, axes = plt.subplots(1, len(names), figsize=(3.2 * len(names), 0.5 * rates["report"].nunique() + 1.8),
                             sharey=True, squeeze=False)
    reports = sorted(rates["report"].unique())
    for ax, name in zip(axes[0], names):
        part = rates[rates["rate"] == name]
        for offset, previous, color in ((-0.2, True, PALETTE[4]), (0.2, False, PALETTE[0])):
            rows = part[part["is_previous_year"] == previous].set_index("report")
            ys = [reports.index(r) + offset for r in rows.index]
            bars = ax.barh(ys, _values(rows["value"]), height=0.38, color=color,
                           label="上一年 previous year" if previous else "报告年度 report year")
            _label_bars(ax, bars)
        ax.set_yticks(range(len(reports)), reports)
        ax.set_title(name.replace(" ", "\n", 1), fontsize=10)
        ax.set_xlim(0, 125)
        ax.set_xlabel("%")
    axes[0][0].invert_yaxis()
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2, fontsize=9, frameon=False,
               bbox_to_anchor=(0.5, -0.08))
    fig.suptitle("纠纷化解指标 Dispute-resolution rates (empty = not stated)", y=1.02)
    return fig


def funnel_chart(funnel):
    """Reconsideration applications → accepted → closed per report."""
    table = funnel.pivot(index="report", columns="stage", values="value")
    fig, ax = plt.subplots(figsize=(7, 0.7 * len(table) + 1.4))
    if table.empty:
        _no_data(ax, "所选报告均未给出行政复议数字\nnone of these reports states reconsideration counts")
        ax.set_title("行政复议办理 Reconsideration funnel (report year)")
        return fig
    height = 0.8 / max(len(table.columns), 1)
    for k, stage in enumerate(table.columns):
        ys = [i + (k - (len(table.columns) - 1) / 2) * height for i in range(len(table))]
        bars = ax.barh(ys, _values(table[stage].fillna(0)), height=height, label=stage, color=PALETTE[k])
        _label_bars(ax, [b for b, v in zip(bars, table[stage]) if not pd.isna(v)])
    ax.set_yticks(range(len(table)), table.index)
    ax.invert_yaxis()
    ax.set_xlabel("件 cases")
    ax.legend(frameon=False, fontsize=8)
    ax.set_title("行政复议办理 Reconsideration funnel (report year)")
    return fig


def coverage_chart(matrix):
    """Report × indicator heat map: which indicators each report states."""
    fig, ax = plt.subplots(figsize=(12, 0.45 * len(matrix) + 3.8))
    ax.imshow(matrix.to_numpy(), cmap=matplotlib.colors.ListedColormap(["#F4F4F4", PALETTE[0]]),
              vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(matrix.shape[1]), matrix.columns, rotation=90, fontsize=8)
    ax.set_yticks(range(matrix.shape[0]), matrix.index)
    ax.set_xticks([x - 0.5 for x in range(1, matrix.shape[1])], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, matrix.shape[0])], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title("各报告公开的指标 Which indicators each report states (blue = stated)")
    return fig


def chapters_chart(shares, names):
    """Stacked shares of each report's text per 纲要 chapter."""
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(shares) + 2.2))
    stated = [chapter for chapter in shares.columns if shares[chapter].notna().any()]
    if not stated:
        _no_data(ax, "没有章节篇幅数据\nno outline-chapter shares in these reports")
        ax.set_title("纲要各章篇幅 Emphasis by chapter of the 2021–2025 outline")
        return fig
    left = None
    colors = PALETTE + ["#999999", "#882255"]
    for k, chapter in enumerate(shares.columns):
        if chapter not in stated:
            continue  # a chapter no report has a share for: no empty legend entry
        values = shares[chapter].astype("float64").fillna(0)
        ax.barh(shares.index, values, left=left, color=colors[k % len(colors)],
                label=f"{chapter} {names[chapter]}")
        left = values if left is None else left + values
    ax.invert_yaxis()
    ax.set_xlabel("占全文篇幅 % of the text (the rest has no chapter cue)")
    ax.legend(bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=8, frameon=False)
    ax.set_title("纲要各章篇幅 Emphasis by chapter of the 2021–2025 outline")
    return fig


def quality_chart(quality):
    """Precision and recall per indicator against the gold set."""
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(quality) + 1.5))
    if quality.empty:
        _no_data(ax, "没有带金标准的指标\nno indicator with gold values or predictions")
        ax.set_title("抽取质量 Extraction quality per indicator (gold set)")
        return fig
    ys = range(len(quality))
    ax.barh([y - 0.2 for y in ys], quality["precision"], height=0.38, label="precision 精确率",
            color=PALETTE[0])
    ax.barh([y + 0.2 for y in ys], quality["recall"], height=0.38, label="recall 召回率",
            color=PALETTE[1])
    labels = [f"{name} (gold {int(n)})" for name, n in zip(quality.index, quality["gold"])]
    ax.set_yticks(list(ys), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.05)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    ax.set_title("抽取质量 Extraction quality per indicator (gold set)")
    return fig
