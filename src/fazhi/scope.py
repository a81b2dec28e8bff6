"""The scope layer: whose figure a quantity is, for which period, at which stage of a case.

Applied to every quantity before any indicator rule (`fazhi.indicators`). The cue words are data
(`codebook/scope.yaml`, each with an example and a near miss); this module only applies them:
- `whose(window)`: region (default), tier, body, subgroup or elsewhere (another country), from
  the clause before the number;
  a whole-region marker (全县, 各级, 三级) in the same clause undoes a body or tier cue;
- `period(sentence)`: year (default), partial, several_years, plan or average;
- `stage(window)`: any (default) or the most specific stage named: refused, corrected, closed,
  pending, accepted, received.
An indicator rule says which scopes it accepts (default: the region, the year or part of it, any
stage); the decision is published with each value (`indicators.scope`) so a reader sees why it
was taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# The lead of a sentence, before its first colon: whose figures the parts after it are.
LEAD = re.compile(r"^([^:。;]{2,40}):")
PERIOD_ORDER = ("plan", "several_years", "average", "partial")
STAGE_ORDER = ("refused", "corrected", "pending", "closed", "accepted", "received")
DEFAULT = {"whose": "region", "period": "year", "stage": "any"}


@dataclass(frozen=True)
class Scope:
    whose: str
    period: str
    stage: str

    def label(self) -> str:
        """As published: whose/period/stage, e.g. region/year/accepted."""
        return f"{self.whose}/{self.period}/{self.stage}"


@lru_cache(maxsize=1)
def cues() -> dict:
    """codebook/scope.yaml as loaded."""
    text = resources.files("fazhi.codebook").joinpath("scope.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=None)
def _combined(cues: tuple[str, ...]) -> re.Pattern | None:
    """One alternation of several cues (searched once instead of once per cue)."""
    return re.compile("|".join(f"(?:{c})" for c in cues)) if cues else None


_PREPARED: dict[int, tuple[dict, dict]] = {}


def _prepared(table: dict) -> dict:
    """Per list of cues in `table`: (clause pattern, sentence pattern, cues with an `unless`),
    compiled once per table. A cue with `unless` fires only where that pattern is not in the
    clause before the cue's match (根据…计划: a plan followed, not a target); such cues are
    searched one by one, the others as one alternation."""
    entry = _PREPARED.get(id(table))
    if entry is not None and entry[0] is table:
        return entry[1]
    lists = {("whole_region", ""): table["whole_region"]}
    for part in ("whose", "period", "stage"):
        lists.update({(part, label): entries for label, entries in table[part].items()})
    compiled = {key: (_combined(tuple(e["cue"] for e in entries
                                      if e.get("in") != "sentence" and "unless" not in e)),
                      _combined(tuple(e["cue"] for e in entries
                                      if e.get("in") == "sentence" and "unless" not in e)),
                      tuple((re.compile(e["cue"]), re.compile(e["unless"]),
                             e.get("in") == "sentence") for e in entries if "unless" in e))
                for key, entries in lists.items()}
    _PREPARED[id(table)] = (table, compiled)
    return compiled


def _fires_unless(cue: re.Pattern, unless: re.Pattern, text: str) -> bool:
    """Whether the cue matches somewhere with no `unless` match in its clause before it."""
    for m in cue.finditer(text):
        clause_start = max(text.rfind(mark, 0, m.start()) for mark in ",;。") + 1
        if not unless.search(text, clause_start, m.start()):
            return True
    return False


def _fires(compiled: dict, key: tuple[str, str], window: str, sentence: str) -> bool:
    """Whether any cue of a list (`_prepared(table)[key]`) fires: those marked `in: sentence` on
    the sentence, the others on the clause."""
    in_window, in_sentence, guarded = compiled.get(key, (None, None, ()))
    if (in_window and in_window.search(window)) or (in_sentence and in_sentence.search(sentence)):
        return True
    for cue, unless, in_s in guarded:
        if _fires_unless(cue, unless, sentence if in_s else window):
            return True
    return False


def _whose(compiled: dict, window: str) -> str:
    if _fires(compiled, ("whose", "elsewhere"), window, window):  # 美国联邦各部门…: another country's
        return "elsewhere"
    if _fires(compiled, ("whose", "subgroup"), window, window):
        return "subgroup"
    if _fires(compiled, ("whole_region", ""), window, window):  # 全市, 市县两级法律援助中心: all of them
        return DEFAULT["whose"]
    for label in ("body", "tier"):
        if _fires(compiled, ("whose", label), window, window):
            return label
    return DEFAULT["whose"]


def _period(compiled: dict, window: str, sentence: str) -> str:
    for label in PERIOD_ORDER:
        if _fires(compiled, ("period", label), window, sentence):
            return label
    return DEFAULT["period"]


def _stage(compiled: dict, window: str) -> str:
    for label in STAGE_ORDER:
        if _fires(compiled, ("stage", label), window, window):
            return label
    return DEFAULT["stage"]


def whose(window: str, table: dict | None = None) -> str:
    """Whose figure (see codebook/scope.yaml), from the clause before the number: a subgroup; else
    the region when a whole-region marker stands in the clause; else a body, a tier, the region."""
    return _whose(_prepared(table or cues()), window)


def period(window: str, sentence: str, table: dict | None = None) -> str:
    """Which period: the first of plan, several_years, average, partial that fires, else year."""
    return _period(_prepared(table or cues()), window, sentence)


def stage(window: str, table: dict | None = None) -> str:
    """Which stage of a case the clause names (the most specific), else any."""
    return _stage(_prepared(table or cues()), window)


def scope_of(window: str, sentence: str, table: dict | None = None) -> Scope:
    """The scope of a quantity from the clause before it and the sentence before it. A lead
    before a colon governs the parts after it (各县区败诉率控制难度较大:2021年度…败诉率为15.82%;…):
    whose figure the clause does not say, the lead may."""
    compiled = _prepared(table or cues())
    found = _whose(compiled, window)
    # A clause naming the whole region (全区…) is the region's, whatever the lead says.
    if (found == DEFAULT["whose"] and (lead := LEAD.match(sentence))
            and not _fires(compiled, ("whole_region", ""), window, window)):
        found = _whose(compiled, lead[1])
    return Scope(found, _period(compiled, window, sentence), _stage(compiled, window))


def accepts_whose_and_period(rule: dict, found: Scope, allow_multi_year: bool = False) -> bool:
    """Whether a rule takes a figure of this region and period (its lists, else the region's, for
    the year or part of it; several years too when the indicator allows it)."""
    periods = rule.get("periods") or (["year", "partial", "several_years"] if allow_multi_year
                                      else ["year", "partial"])
    return found.whose in rule.get("whose", ["region"]) and found.period in periods


def accepts(rule: dict, found: Scope, allow_multi_year: bool = False) -> bool:
    """Whether a rule accepts a scope: region and period, and the stage when it names stages."""
    return (accepts_whose_and_period(rule, found, allow_multi_year)
            and (found.stage in rule["stages"] if "stages" in rule else True))
