"""Segment: headings, sections, the five statutory elements, 纲要 chapters."""

from __future__ import annotations

import pytest

from fazhi import paths, sections, segment
from fazhi.csvio import read_csv
from fazhi.load import load_table

GOLD_SECTIONS = sorted((paths.GOLD / "sections").glob("*.csv"))


@pytest.fixture(scope="module")
def segmented(ingested):
    reports, _, texts = ingested
    return segment.run(reports, texts)


def _report_id(ingested, stem: str) -> str:
    reports = ingested[0]
    return reports.set_index("source_file").loc[f"{stem}.txt", "report_id"]


def _levels_1_to_3(ingested, segmented, stem: str):
    sections = segmented[0]
    return sections[(sections["report_id"] == _report_id(ingested, stem))
                    & sections["level"].between(1, 3)]


@pytest.mark.parametrize("gold_path", GOLD_SECTIONS, ids=[p.stem for p in GOLD_SECTIONS])
def test_headings_match_the_hand_made_sections(ingested, segmented, gold_path):
    """Levels 1–3 (number, heading, level) equal the gold list made by reading the report."""
    gold = read_csv(gold_path)
    mine = _levels_1_to_3(ingested, segmented, gold_path.stem)
    got = list(zip(mine["number"], mine["heading"], mine["level"].astype(str)))
    assert got == list(zip(gold["number"], gold["heading"], gold["level"]))


@pytest.mark.parametrize("gold_path", GOLD_SECTIONS, ids=[p.stem for p in GOLD_SECTIONS])
def test_section_elements_match_the_hand_made_labels(ingested, segmented, gold_path):
    """Each level 1–3 section carries the statutory element the annotator gave it."""
    gold = read_csv(gold_path)
    mine = _levels_1_to_3(ingested, segmented, gold_path.stem)
    assert mine["element"].tolist() == gold["element"].tolist()


def test_element_flags_match_the_hand_made_flags(ingested, segmented):
    """has_* for all five seeds equal the gold flags (通城县 2023 has no shortcomings)."""
    gold = read_csv(paths.GOLD / "elements.csv")
    flags = segmented[1].set_index("report_id")
    for row in gold.to_dict("records"):
        report_id = _report_id(ingested, row["source_file"].removesuffix(".txt"))
        for column in sections.HAS_COLUMNS.values():
            assert flags.loc[report_id, column] == (row[column] == "true"), (report_id, column)


def test_inline_headings_are_found():
    """Headings run inline after a space or 。, as in pages copied from the web."""
    text = "前言。 一、主要举措 (一)强化领导 1.加强学习。内容 2.深入推进 (二)规范执法。正文"
    found = [(h.level, h.number, h.heading) for h in sections.find_headings(text)]
    assert found == [(1, "一", "主要举措"), (2, "(一)", "强化领导"), (3, "1", "加强学习"),
                     (3, "2", "深入推进"), (2, "(二)", "规范执法")]


def test_skipped_levels_nest_under_the_nearest_higher_heading():
    """A 1. directly under 一、 (no (一)) is its child: id 1.0.1."""
    text = "一、成效\n1.立法。文\n2.执法。文\n二、问题\n文"
    found = sections.segment(text, 2022)
    assert [(s.section_id, s.number) for s in found] == [
        ("0", ""), ("1", "一"), ("1.0.1", "1"), ("1.0.2", "2"), ("2", "二")]


def test_a_sentence_opening_with_the_next_year_switches_later_siblings_to_plans():
    """In a 2022 report, 2023年,我们将… under 二 makes its later (neutral) sub-sections plans;
    2022年,… (the report's own year) under 三 switches nothing."""
    text = ("一、主要成效\n(一)立法\n文。\n二、有关情况\n2023年,我们将重点做好以下工作。\n(一)深化改革\n文。\n"
            "三、有关情况\n2022年,我们坚持依法行政。\n(一)深化改革\n文。")
    found = {s.section_id: s.element for s in sections.segment(text, 2022)}
    assert found["2.1"] == "next_year_plan" and found["3.1"] != "next_year_plan"


def test_heading_ending_with_a_full_stop_stops_there():
    """一、…。 followed by body text on the same line: the heading ends at 。."""
    heading = sections.find_headings("一、坚持依法行政。全年共审查文件95件。")[0]
    assert heading.heading == "坚持依法行政"


def test_numbers_out_of_sequence_are_not_headings():
    """一、二 inside a sentence (no 一 before 二 at that level) is not taken as a heading."""
    text = "一、成效\n第一、二批试点。三、四项制度\n二、问题"
    assert [h.number for h in sections.find_headings(text)] == ["一", "二"]


def test_leader_duties_paragraph_inside_another_section_counts():
    """A paragraph on the first-responsible-person duty inside section 一 sets has_leader_duties."""
    text = "一、主要成效\n压实党政主要负责人履行推进法治建设第一责任人职责。\n二、下一步工作计划\n继续推进。"
    flags = sections.element_flags(sections.segment(text, 2022), text, 2022)
    assert flags["has_leader_duties"] and flags["has_next_year_plan"]
    assert not flags["has_shortcomings"]


def test_published_sections_spans_start_with_their_number():
    """For every published section, the text at `start` is its marker and holds its heading."""
    sections = load_table("sections")
    for r in sections[sections["level"] > 0].itertuples():
        span = paths.text_path(r.report_id).read_text(encoding="utf-8")[r.start:r.end]
        assert span.startswith(r.number) and r.heading in span, (r.report_id, r.section_id)


def test_every_quantity_lies_in_its_section():
    """quantities.section_id names a section whose span holds the quantity."""
    sections = load_table("sections").set_index(["report_id", "section_id"])
    for q in load_table("quantities").itertuples():
        s = sections.loc[(q.report_id, q.section_id)]
        assert s["start"] <= q.start < s["end"], (q.report_id, q.quantity_id)


def test_outline_shares_cover_ten_chapters_and_at_most_the_text():
    """Each report has one row per 纲要 chapter; shares add up to at most 100% (± rounding)."""
    shares = load_table("outline_shares")
    per_report = shares.groupby("report_id")
    assert (per_report.size() == 10).all()
    assert (per_report["text_share_pct"].sum() <= 100 + 10 * 0.005).all()


def test_outline_chapter_follows_the_cue_words():
    """A passage on 行政复议 and 调解 is chapter 7; one with no cue has none."""
    assert sections.outline_chapter("办理行政复议案件,开展人民调解") == 7
    assert sections.outline_chapter("天气晴朗") is None


def test_chapter_index_gives_outline_chapter_of_every_span():
    """ChapterIndex(text).chapter(a, b) == outline_chapter(text[a:b]) for every span of a text
    whose cues start at its first character, repeat, sit side by side and overlap each other
    (执法 inside 行政执法): the index is only a faster way of counting."""
    text = "调解调解,行政执法与执法;审计。行政复议调解x执法执法执法" + "立法" * 3
    index = sections.ChapterIndex(text)
    spans = [(a, b) for a in range(len(text) + 1) for b in range(a, len(text) + 1)]
    assert [index.chapter(a, b) for a, b in spans] == [
        sections.outline_chapter(text[a:b]) for a, b in spans]
    assert {index.chapter(a, b) for a, b in spans} >= {3, 5, 7, 8}


def test_streamed_tables_do_not_depend_on_the_batch(ingested, segmented, tmp_path):
    """segment_to in batches of one report writes the bytes of run() written whole."""
    from fazhi import interim
    from fazhi.csvio import write_csv

    reports, _, texts = ingested
    with interim.Writer("sections", tmp_path) as a, interim.Writer("elements", tmp_path) as b, \
            interim.Writer("outline_shares", tmp_path) as c:
        segment.segment_to({"sections": a, "elements": b, "outline_shares": c}, reports,
                           texts.__getitem__, batch=1)
    for name, frame in zip(segment.TABLES, segmented):
        write_csv(frame, tmp_path / f"{name}.whole.csv")
        assert (interim.path(name, tmp_path).read_bytes()
                == (tmp_path / f"{name}.whole.csv").read_bytes()), name
