"""Rules as data (codebook/rules.yaml): every rule fires on the evaluation material and every part
of it does work there — removing any cue, stage or exclusion term would change an output.

The material is what the rules are tuned on, never the frozen test set: the seed reports, the
challenge sentences and the held-out dev passages (tests/heldout/indicators/dev*). A part's
`units` is the indicator's type, not a cue, and is not required to be live.
"""

from __future__ import annotations

import pytest

from fazhi import paths
from fazhi.chinese import simplified
from fazhi.codebook.indicators import INDICATORS, load_rules
from fazhi.csvio import read_csv
from fazhi.indicators import extract_indicators, part_liveness
from fazhi.ingest import stage
from fazhi.ingest.clean import clean

STRUCTURAL = {"units"}


def _material() -> list[tuple[str, int]]:
    reports, _, texts = stage.run(stage.read_raw(paths.RAW), stage.read_sources(paths.SOURCES))
    out = [(simplified(texts[r.report_id]), int(r.report_year)) for r in reports.itertuples()]
    files = [paths.CHALLENGES, *sorted(paths.HELDOUT.glob("indicators/dev*/passages.csv"))]
    for path in files:
        for _, case in read_csv(path).groupby("case_id"):
            out.append((simplified(clean(case["text"].iloc[0]).text), int(case["report_year"].iloc[0])))
    return out


@pytest.fixture(scope="module")
def liveness():
    return part_liveness(_material())


RULE_IDS = [r["id"] for spec in load_rules().values() for r in spec["rules"]]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_fires_on_the_evaluation_material(liveness, rule_id):
    """Each rule accepts at least one quantity of the material: no rule is dead."""
    fired, _ = liveness
    assert fired[rule_id] > 0, f"{rule_id} never fires on the seeds, challenge and dev passages"


def test_no_rule_part_is_dead(liveness):
    """Each cue, stage list and exclusion term alone stops some quantity of the material."""
    _, live = liveness
    dead = sorted(f"{rule} {part}" for (rule, part), n in live.items()
                  if n == 0 and part not in STRUCTURAL)
    assert not dead, "parts that change no output on the material:\n" + "\n".join(dead)


def test_rule_ids_name_their_indicator_and_are_unique():
    """A rule id is <indicator_id>#<n>, unique across the file."""
    assert len(RULE_IDS) == len(set(RULE_IDS))
    for indicator_id, spec in load_rules().items():
        assert all(r["id"].startswith(f"{indicator_id}#") for r in spec["rules"])


def test_every_codebook_indicator_has_rules():
    """rules.yaml and the codebook list the same indicators, each with at least one rule."""
    rules = load_rules()
    assert set(rules) == set(INDICATORS)
    assert all(spec["rules"] for spec in rules.values())


def test_liveness_sees_a_part_that_alone_stops_a_quantity():
    """part_liveness counts an exclusion term that is the only reason a rule did not fire."""
    fired, live = part_liveness([("全年调解矛盾纠纷100件;法院调解矛盾纠纷120件。", 2022)])
    assert fired["people_mediation_cases_count#1"] == 1
    assert live[("people_mediation_cases_count#1", "exclude_sentence:法院")] == 1


ZERO_IDS = [z["id"] for spec in load_rules().values() for z in spec.get("zero", [])]


@pytest.fixture(scope="module")
def zero_rules_fired():
    return {rule for text, year in _material() for rule in extract_indicators(text, year)["rule"]
            if "#zero" in rule}


@pytest.mark.parametrize("zero_id", ZERO_IDS)
def test_zero_cue_fires_on_the_evaluation_material(zero_rules_fired, zero_id):
    """Each cue for a zero stated in words gives a row on the material: none is dead."""
    assert zero_id in zero_rules_fired, f"{zero_id} gives no row on the seeds, challenge and dev passages"
