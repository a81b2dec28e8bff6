"""The scope layer: every cue of codebook/scope.yaml decides on its example, not on its near miss,
and no cue is dead (removing it changes its example's scope)."""

from __future__ import annotations

import copy

import pytest

from fazhi import scope

TABLE = scope.cues()


def _entries():
    """(part, label, index, entry) for every cue of the table."""
    out = [("whole_region", "region", i, e) for i, e in enumerate(TABLE["whole_region"])]
    for part in ("whose", "period", "stage"):
        for label, entries in TABLE[part].items():
            out += [(part, label, i, e) for i, e in enumerate(entries)]
    return out


ENTRIES = _entries()
IDS = [f"{p}:{label}#{i}" for p, label, i, _ in ENTRIES]


def _decide(part: str, text: str, table: dict) -> str:
    if part in ("whose", "whole_region"):
        return scope.whose(text, table)
    if part == "period":
        return scope.period(text, text, table)
    return scope.stage(text, table)


def _without(part: str, label: str, index: int) -> dict:
    table = copy.deepcopy(TABLE)
    entries = table["whole_region"] if part == "whole_region" else table[part][label]
    del entries[index]
    return table


@pytest.mark.parametrize(("part", "label", "index", "entry"), ENTRIES, ids=IDS)
def test_cue_decides_its_example(part, label, index, entry):
    """The cue's `match` example gets the cue's label."""
    assert _decide(part, entry["match"], TABLE) == label


@pytest.mark.parametrize(("part", "label", "index", "entry"), ENTRIES, ids=IDS)
def test_cue_leaves_its_near_miss_alone(part, label, index, entry):
    """The cue's `trap` example does not get the cue's label."""
    assert _decide(part, entry["trap"], TABLE) != label


@pytest.mark.parametrize(("part", "label", "index", "entry"), ENTRIES, ids=IDS)
def test_no_cue_is_dead(part, label, index, entry):
    """Without the cue, its example's scope changes: the cue does work no other cue does."""
    assert _decide(part, entry["match"], _without(part, label, index)) != label


def test_default_scope_is_region_year_any():
    """A plain clause is the whole region's, for the year, at no particular stage."""
    assert scope.scope_of("全年办理", "全年办理").label() == "region/year/any"


def test_subgroup_is_not_undone_by_a_whole_region_marker():
    """全市为农民工… is still a subgroup: a whole-region marker undoes only tier and body."""
    assert scope.whose("全市为农民工办理法律援助案件") == "subgroup"


def test_refusal_is_not_acceptance():
    """不予受理 is its own stage, not 受理."""
    assert scope.stage("决定不予受理") == "refused"


def test_rule_accepts_only_the_region_by_default():
    """A rule without scope lists takes the region's figure, for the year or part of it."""
    assert scope.accepts({}, scope.Scope("region", "partial", "any"))
    assert not scope.accepts({}, scope.Scope("tier", "year", "any"))
    assert not scope.accepts({}, scope.Scope("region", "several_years", "any"))


def test_rule_may_accept_several_years_when_the_indicator_allows():
    """Clean-ups examine documents of many years: allow_multi_year admits several_years."""
    assert scope.accepts({}, scope.Scope("region", "several_years", "any"), allow_multi_year=True)


def test_rule_stage_list_is_enforced():
    """A rule naming stages refuses a quantity at another stage."""
    assert not scope.accepts({"stages": ["accepted"]}, scope.Scope("region", "year", "closed"))


def test_indicator_allowing_several_years_still_takes_part_of_a_year():
    """allow_multi_year widens the periods; the year and part of it stay accepted."""
    assert scope.accepts({}, scope.Scope("region", "partial", "any"), allow_multi_year=True)
    assert scope.accepts({}, scope.Scope("region", "year", "any"), allow_multi_year=True)
    assert not scope.accepts({}, scope.Scope("region", "plan", "any"), allow_multi_year=True)


def test_rule_may_name_the_scopes_it_takes():
    """A rule's own whose / periods lists replace the defaults."""
    assert scope.accepts({"whose": ["tier"]}, scope.Scope("tier", "year", "any"))
    assert not scope.accepts({"whose": ["tier"]}, scope.Scope("region", "year", "any"))
    assert not scope.accepts({"periods": ["several_years"]}, scope.Scope("region", "year", "any"))
    assert scope.accepts({"periods": ["several_years"]}, scope.Scope("region", "several_years", "any"))


def test_scope_of_reads_the_subject_carried_in_the_sentence_cues():
    """scope_of uses the table it is given for every part."""
    table = {"whole_region": [], "whose": {"body": [{"cue": "某处"}]}, "period": {"plan": [{"cue": "某时", "in": "sentence"}]},
             "stage": {"closed": [{"cue": "某段"}]}}
    assert scope.scope_of("某处某段", "某时某处某段", table).label() == "body/plan/closed"


def test_a_plan_followed_in_an_earlier_clause_does_not_cancel_a_plan_later():
    """根据…计划开展评查,计划全年办结100件: the second 计划 is a target (its clause names no basis)."""
    assert scope.period("办结", "根据年度执法检查计划开展评查,计划全年办结") == "plan"
    assert scope.period("办结", "根据年度计划开展评查,依据规定组织抽查,计划全年办结") == "plan"


def test_a_basis_word_after_the_plan_cue_does_not_cancel_it():
    """计划按照进度办结…: 按照 comes after 计划, so the plan stands."""
    assert scope.period("办结", "计划按照进度办结") == "plan"


def test_the_plan_cue_reads_the_sentence_not_only_the_clause():
    """The clause 办结案件 says nothing; its sentence 计划全年…,办结案件 is a plan."""
    assert scope.period("办结案件", "计划全年开展清理,办结案件") == "plan"
