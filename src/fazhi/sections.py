"""Sections of a report: numbered headings, the five statutory elements, 纲要 chapters.

A library (no I/O), used by the segment stage and by extract (which gives each quantity the
section it sits in).

Headings are numbered markers — 一、 (level 1), (一) (level 2), 1. or 1、 (level 3), 一是 (level
4) — on their own line or inline after a sentence or a space. A marker only counts when it
continues its level's numbering (一 after nothing, 二 after 一, ...; a deeper level restarts under
each new parent), which keeps 一、二 inside a sentence from passing as headings. A heading's text
runs to the first 。, ; , line break or space, whichever comes first.

Each section is labelled with one of the five statutory elements: by cue words in its heading,
else inherited from its parent, where a sentence with a strong cue between the parent heading and
this one (虽然…仍存在一些不足; 2020年,我们将…) switches what the following siblings inherit.
Top-level sections without a cue are measures and results. A report covers an element when a
section is labelled with it or a sentence carries its cue outside the plans (a paragraph on
党政主要负责人履行第一责任人职责 inside section 一 counts).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from fazhi.codebook.structure import ELEMENTS, OUTLINE_CHAPTERS
from fazhi.numerals import parse_ordinal

# --- constants --------------------------------------------------------------------------------

CN = "一二三四五六七八九十"
# Each marker opens a line or follows a sentence's end. The patterns open with the marker's own
# first character and look behind it (`[一二…](?<![^\n 。;:!?][一二…])`: no character before it
# but one of those, or none at all), so that they are searched by skipping to that character in C.
NOT_BEFORE_MARKER = r"[^\n 。;:!?]"
MARKERS = [
    (1, re.compile(rf"([{CN}](?<!{NOT_BEFORE_MARKER}[{CN}])[{CN}]{{0,2}})、")),
    (2, re.compile(rf"\((?<!{NOT_BEFORE_MARKER}\()([{CN}]{{1,3}})\)")),
    (3, re.compile(rf"([0-9](?<!{NOT_BEFORE_MARKER}[0-9])[0-9]?)[.、](?![0-9])")),
    (4, re.compile(rf"([{CN}](?<![^\n 。;:!?,][{CN}])[{CN}]{{0,2}})是")),
]
HEADING_END = re.compile(r"[。;!?\n ]")
MAX_HEADING = 80
SENTENCE = re.compile(r"[^。;!?\n]+[。;!?]?")
ELEMENT_ORDER = list(ELEMENTS)
HAS_COLUMNS = {e: f"has_{e}" for e in ELEMENTS}


@dataclass(frozen=True)
class Heading:
    level: int
    ordinal: int
    number: str  # as printed: 一, (一), 1, 一是
    heading: str
    start: int  # start of the marker
    body_start: int  # end of the heading text


def _candidates(text: str) -> list[tuple[int, int, int, str, int]]:
    """(start, level, ordinal, number as printed, marker end) of every possible marker."""
    found = []
    for level, pattern in MARKERS:
        for m in pattern.finditer(text):
            try:
                ordinal = parse_ordinal(m[1])
            except ValueError:
                continue
            number = m[0] if level in (2, 4) else m[1]
            found.append((m.start(), level, ordinal, number, m.end()))
    return sorted(found)


def find_headings(text: str) -> list[Heading]:
    """The numbered headings of a text, in order, keeping only markers that continue a sequence."""
    headings: list[Heading] = []
    last = {}  # level → ordinal of the last accepted marker at that level
    for start, level, ordinal, number, marker_end in _candidates(text):
        if ordinal != last.get(level, 0) + 1:
            continue
        last[level] = ordinal
        for deeper in range(level + 1, 5):
            last.pop(deeper, None)
        end = HEADING_END.search(text, marker_end)
        stop = min(end.start() if end else len(text), marker_end + MAX_HEADING)
        headings.append(Heading(level, ordinal, number, text[marker_end:stop], start, stop))
    return headings


@lru_cache(maxsize=None)
def _cue_pattern(element: str, key: str, next_year: int | None) -> re.Pattern | None:
    """One pattern for an element's cues (literal strings; None when there are none): a search
    for it finds whether any cue is in a text, a match whether the text starts with one."""
    cues = [c.replace("{next_year}", str(next_year)) for c in ELEMENTS[element][key]
            if next_year is not None or "{next_year}" not in c]
    return re.compile("|".join(map(re.escape, cues))) if cues else None


def _cue(text: str, element: str, key: str, next_year: int | None) -> bool:
    pattern = _cue_pattern(element, key, next_year)
    if pattern is None:
        return False
    if key == "sentence_cues" and element == "next_year_plan":
        return pattern.match(text) is not None
    return pattern.search(text) is not None


def heading_element(heading: str) -> str | None:
    """The element a heading names: the cue that appears first in it wins."""
    best = None
    for element in ELEMENT_ORDER:
        for cue in ELEMENTS[element]["heading_cues"]:
            at = heading.find(cue)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, element)
    return best[1] if best else None


def sentence_switches(text: str, next_year: int | None) -> list[tuple[int, str]]:
    """(position, element) of sentences whose cue switches to shortcomings or plans."""
    out = []
    for m in SENTENCE.finditer(text):
        sentence = m.group().strip()
        for element in ("shortcomings", "next_year_plan", "other_matters"):
            if _cue(sentence, element, "sentence_cues", next_year):
                out.append((m.start() + len(m.group()) - len(m.group().lstrip()), element))
                break
    return out


def label_sections(headings: list[Heading], switches: list[tuple[int, str]]) -> list[str]:
    """The element of each heading (see module docstring)."""
    labels: list[str] = []
    stack: list[tuple[Heading, str]] = []
    for h in headings:
        while stack and stack[-1][0].level >= h.level:
            stack.pop()
        own = heading_element(h.heading)
        if stack:
            parent, inherited = stack[-1]
            since = [e for pos, e in switches if parent.body_start <= pos < h.start]
            inherited = since[-1] if since else inherited
        else:
            inherited = "measures_and_results"
        if own is None or (own in ("leader_duties", "measures_and_results")
                           and inherited not in ("leader_duties", "measures_and_results")):
            element = inherited
        else:
            element = own
        labels.append(element)
        stack.append((h, element))
    return labels


def _best_chapter(counts: dict[int, int]) -> int | None:
    best = max(counts.values())
    return min(ch for ch, n in counts.items() if n == best) if best else None


def outline_chapter(text: str) -> int | None:
    """The 纲要 chapter whose cue words occur most often in `text` (ties: lower chapter)."""
    return _best_chapter({ch: sum(text.count(c) for c in spec["cues"])
                          for ch, spec in OUTLINE_CHAPTERS.items()})


CUE_LENGTH = max(len(c) for spec in OUTLINE_CHAPTERS.values() for c in spec["cues"])
# Counting a cue by its occurrences in the whole text needs cues that cannot overlap themselves
# (as 法治 cannot): then str.count's non-overlapping count of a span is the number of occurrences
# inside it.
assert not any(c[:k] == c[-k:] for spec in OUTLINE_CHAPTERS.values() for c in spec["cues"]
               for k in range(1, len(c))), "an outline cue that overlaps itself"


class ChapterIndex:
    """`outline_chapter` of any span of one text, from the positions of every cue in the whole
    text found once (a report has dozens of sections and the 纲要 about 90 cues)."""

    def __init__(self, text: str):
        self.text = text
        self.starts: dict[int, list[int]] = {}
        self.ends: dict[int, list[int]] = {}
        for ch, spec in OUTLINE_CHAPTERS.items():
            found = []
            for cue in spec["cues"]:
                at = text.find(cue)
                while at >= 0:
                    found.append((at, at + len(cue)))
                    at = text.find(cue, at + len(cue))
            self.starts[ch] = sorted(s for s, _ in found)
            self.ends[ch] = sorted(e for _, e in found)

    def chapter(self, start: int, end: int) -> int | None:
        """outline_chapter(text[start:end])."""
        if end - start < CUE_LENGTH:  # a cue might cover the whole span and more: count it out
            return outline_chapter(self.text[start:end])
        # Occurrences inside the span: those ending by its end, less those starting before it
        # (none of which can also end after the span's end: the span is longer than any cue).
        return _best_chapter({ch: bisect_right(self.ends[ch], end) - bisect_left(self.starts[ch], start)
                              for ch in OUTLINE_CHAPTERS})


@dataclass(frozen=True)
class Section:
    section_id: str
    level: int
    number: str
    heading: str
    start: int
    end: int
    element: str
    outline_chapter: int | None


def section_ids(headings: list[Heading]) -> list[str]:
    """Ids from the ordinals at each level, 0 for a skipped level: 二 → 2, its (一) → 2.1,
    that section's 1. → 2.1.1, and a 一是 directly under 二 → 2.0.0.1. Unique within a report."""
    ids: list[str] = []
    current = [0, 0, 0, 0]
    for h in headings:
        current[h.level - 1] = h.ordinal
        current[h.level:] = [0] * (4 - h.level)
        ids.append(".".join(str(n) for n in current[: h.level]))
    return ids


def element_flags(sections: list[Section], text: str, report_year: int | None) -> dict[str, bool]:
    """has_<element> for the five elements: a section labelled with it, or a sentence with its cue
    outside the plans (for leader duties) or anywhere (for the others)."""
    found = {s.element for s in sections}
    next_year = report_year + 1 if report_year else None
    plans = [(s.start, s.end) for s in sections if s.element == "next_year_plan"]
    for m in SENTENCE.finditer(text):
        sentence = m.group().strip()
        in_plans = any(a <= m.start() < b for a, b in plans)
        for element in ELEMENT_ORDER:
            if element in found or not ELEMENTS[element]["sentence_cues"]:
                continue
            if element == "leader_duties" and in_plans:
                continue
            if _cue(sentence, element, "sentence_cues", next_year):
                found.add(element)
    return {HAS_COLUMNS[e]: e in found for e in ELEMENT_ORDER}


def segment(text: str, report_year: int | None, index: ChapterIndex | None = None) -> list[Section]:
    """Sections of one text: a preamble (id 0) and one per heading, spanning its subsections."""
    headings = find_headings(text)
    next_year = report_year + 1 if report_year else None
    labels = label_sections(headings, sentence_switches(text, next_year))
    first = headings[0].start if headings else len(text)
    chapters = index or ChapterIndex(text)
    sections = [Section("0", 0, "", "", 0, first, "preamble", chapters.chapter(0, first))]
    for i, (h, element, section_id) in enumerate(zip(headings, labels, section_ids(headings))):
        end = next((o.start for o in headings[i + 1:] if o.level <= h.level), len(text))
        sections.append(Section(section_id, h.level, h.number, h.heading, h.start, end, element,
                                chapters.chapter(h.start, end)))
    return sections


def leaves(sections: list[Section], text_length: int) -> list[tuple[int, int, str]]:
    """(start, end, section_id) of the text each section holds outside its subsections."""
    ordered = sorted(sections, key=lambda s: (s.start, s.level))
    ends = [nxt.start for nxt in ordered[1:]] + [text_length]
    return [(sec.start, end, sec.section_id) for sec, end in zip(ordered, ends)]


def section_of(leaf_spans: list[tuple[int, int, str]], position: int) -> str:
    """The id of the deepest section holding a text position."""
    for start, end, section_id in leaf_spans:
        if start <= position < end:
            return section_id
    return leaf_spans[-1][2]


def outline_shares(report_id: str, text: str, sections: list[Section],
                   index: ChapterIndex | None = None) -> list[dict]:
    """Share of the text per 纲要 chapter: each section's own text goes to its chapter."""
    chars = dict.fromkeys(OUTLINE_CHAPTERS, 0)
    chapters = index or ChapterIndex(text)
    for start, end, _ in leaves(sections, len(text)):
        chapter = chapters.chapter(start, end)
        if chapter:
            chars[chapter] += end - start
    total = len(text) or 1
    return [{"report_id": report_id, "outline_chapter": ch, "n_chars_in_chapter": n,
             "text_share_pct": f"{100 * n / total:.2f}"} for ch, n in chars.items()]


