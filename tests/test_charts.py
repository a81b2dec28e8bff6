"""Figures: Chinese labels render, and a missing glyph is an error, not boxes."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import pytest

from fazhi import charts


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
