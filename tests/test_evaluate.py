"""Extraction quality against the hand-made gold annotations (tests/gold/)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from fazhi import evaluate, paths


@pytest.fixture(scope="module")
def quantity_scores(ingested):
    reports, _, texts = ingested
    report_ids = dict(zip(reports["source_file"], reports["report_id"]))
    gold = evaluate.read_gold_quantities(paths.GOLD, report_ids)
    return evaluate.evaluate_quantities(texts, gold)["quantities"]


def test_at_least_two_reports_have_gold_quantities(quantity_scores):
    """The gold set covers at least two full seed reports."""
    assert len(quantity_scores["per_report"]) >= 2


def test_quantity_precision_is_at_least_098(quantity_scores):
    """Precision of find_quantities on the gold reports is ≥ 0.98."""
    assert quantity_scores["overall"]["precision"] >= 0.98


def test_quantity_recall_is_at_least_098(quantity_scores):
    """Recall of find_quantities on the gold reports is ≥ 0.98."""
    assert quantity_scores["overall"]["recall"] >= 0.98


def test_committed_metrics_are_current(quantity_scores):
    """metrics/extraction.json holds the figures the evaluation gives now."""
    committed = json.loads((paths.METRICS / "extraction.json").read_text(encoding="utf-8"))
    assert committed["quantities"] == quantity_scores["overall"]


def test_a_wrong_value_is_not_a_match():
    """A prediction over the right span but with another value counts as an error."""
    text = "受理申请62件"
    gold = pd.DataFrame([{"surface": "62件", "value": "63", "unit": "件", "qualifier": "exact",
                          "lower": None, "upper": None, "ref_year": None, "context": "受理申请62件"}])
    scores = evaluate.evaluate_quantities({"r": text}, {"r": gold})["quantities"]["overall"]
    assert (scores["tp"], scores["precision"], scores["recall"]) == (0, 0.0, 0.0)


def test_gold_outside_the_cleaned_text_is_counted_apart():
    """A gold row whose context was page furniture is reported, not silently dropped."""
    gold = pd.DataFrame([{"surface": "6215次", "value": "6215", "unit": "次", "qualifier": "exact",
                          "lower": None, "upper": None, "ref_year": None,
                          "context": "浏览:6215次 时间:2022-12-09"}])
    scores = evaluate.evaluate_quantities({"r": "正文。"}, {"r": gold})["quantities"]["overall"]
    assert (scores["gold"], scores["gold_outside_text"]) == (0, 1)


def test_metrics_summary_has_one_line_per_evaluation_and_fits_a_terminal():
    """make metrics prints each evaluation on its own line, under 100 characters."""
    from fazhi import scores

    out = scores.lines()
    assert any(line.startswith("indicators, held-out TEST") for line in out)
    assert all(len(line) < 100 for line in out)


def test_report_without_gold_adds_no_false_positives():
    """A report nobody annotated is not scored: its values are not counted as errors."""
    gold = pd.DataFrame([{"report_id": "a", "indicator_id": "legal_aid_cases_count",
                          "ref_year": "2022", "value": "734", "evidence": "办理法律援助案件734件"}])
    texts = {"a": "全年办理法律援助案件734件。", "b": "全年办理法律援助案件99件。"}
    scores = evaluate.evaluate_indicators(texts, {"a": 2022, "b": 2022}, gold)
    assert scores["indicators"]["overall"]["precision"] == 1.0


def test_each_writers_set_is_scored_on_its_own():
    """Held-out folders named after a split (dev_a, test_c) each get their own figures; the
    folders named only dev or test are scored within their split."""
    names = [name for name, _ in evaluate.heldout_sets()]
    assert "dev_a" in names and "test_b" in names
    assert "dev" not in names and "test" not in names


def test_every_metadata_folder_of_a_split_is_scored():
    """dev, dev_b, test, test_b …: every held-out metadata folder with a gold.csv."""
    names = [folder.name for folder in evaluate.metadata_sets()]
    assert {"dev", "dev_b", "test", "test_b"} <= set(names)


def test_near_misses_are_published_as_extract_wrote_them(tmp_path):
    """metrics/near_misses.csv is data/interim/near_misses.csv byte for byte."""
    source = tmp_path / "near_misses.csv"
    source.write_bytes("report_id,indicator_id\nr1,x\n".encode("utf-8"))
    evaluate.publish_near_misses(source, tmp_path / "metrics" / "near_misses.csv")
    assert (tmp_path / "metrics" / "near_misses.csv").read_bytes() == source.read_bytes()


def _passages(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame([{"case_id": c, "text": "…", "report_year": 2022, "indicator_id": i,
                          "ref_year": 2022 if i else None, "value": v} for c, i, v in rows])


def test_agreement_scores_the_second_annotator_against_the_first_on_its_passages_only():
    """A second annotation of a and b: one of its two values agrees; the first's values of a
    passage it did not annotate (c) count for nothing."""
    first = _passages([("a", "legal_aid_cases_count", "734"), ("b", "foi_requests_count", "12"),
                       ("c", "foi_requests_count", "5")])
    second = _passages([("a", "legal_aid_cases_count", "734"), ("b", "foi_requests_count", "13")])
    got = evaluate.evaluate_agreement(second, first)
    assert (got["cases"], got["tp"], got["predicted"], got["gold"], got["passages_identical"]) == (
        2, 1, 2, 2, 0.5)


def test_agreement_counts_a_trap_read_alike_as_identical():
    """Both annotators find no value in a trap passage: identical, nothing to count."""
    first = _passages([("a", None, None), ("b", "foi_requests_count", "12")])
    second = _passages([("a", None, None), ("b", "foi_requests_count", "12")])
    got = evaluate.evaluate_agreement(second, first)
    assert (got["tp"], got["gold"], got["passages_identical"]) == (1, 1, 1.0)
