"""Indicators: codebook rules, evidence, scope traps, consistency checks."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pytest

from fazhi import evaluate, indicators, paths, scope
from fazhi.codebook.indicators import INDICATORS
from fazhi.csvio import read_csv
from fazhi.load import load_table


def _rows(text: str, year: int = 2022) -> list[tuple]:
    frame = indicators.extract_indicators(text, year)
    return list(zip(frame["indicator_id"], frame["ref_year"], frame["value"]))


def test_two_years_in_one_clause_give_two_rows():
    """由2021年的86%提升至100% gives (2021, 86) and (report year, 100)."""
    assert _rows("行政机关负责人出庭应诉率由2021年的86%提升至100%。") == [
        ("agency_head_court_appearance_rate_pct", 2021, "86"),
        ("agency_head_court_appearance_rate_pct", 2022, "100")]


def test_partial_year_keeps_its_period():
    """截至11月底 is kept as the period of the figures it introduces."""
    frame = indicators.extract_indicators("截至11月底,共收到行政复议申请73件,受理53件。", 2019)
    assert frame["period"].tolist() == ["截至11月底", "截至11月底"]
    assert frame["indicator_id"].tolist() == ["admin_reconsideration_applications_count",
                                              "admin_reconsideration_accepted_count"]


def test_qualifier_and_bounds_are_kept():
    """10余次 is more_than with lower bound 10."""
    frame = indicators.extract_indicators("召开市委常委会议10余次研究法治建设工作。", 2021)
    row = frame.iloc[0]
    assert (row["indicator_id"], row["value"], row["qualifier"], row["lower"]) == (
        "rule_of_law_meetings_count", "10", "more_than", "10")


def test_evidence_is_the_verbatim_clause_at_its_offsets():
    """evidence == text[start:end] and contains the number's clause with its cue."""
    text = "全年共调解纠纷13862起,调处成功13799起,成功率99.54%。"
    frame = indicators.extract_indicators(text, 2022)
    for row in frame.itertuples():
        assert text[row.start:row.end] == row.evidence
    assert frame["evidence"].tolist()[-2:] == ["调处成功13799起", "成功率99.54%"]


@pytest.mark.parametrize("text", [
    "累计接受涉企复议咨询164起",  # consultations are not applications
    "区政府作为被复议机关案件6起",  # the government as respondent
    "组织25名新任干部进行行政执法人员执法资格考试",  # exam takers, not certificate holders
    "受理司法鉴定395件",  # forensic appraisal, not legal aid
    "开展专题学法14次",  # law study, not rule-of-law meetings
    "其中部门联合监管34次",  # a subset of random inspections
    "结合办案发出社会治理类检察建议8份",  # procuratorial suggestions
    "驳回复议申请4件",  # dismissed on the merits, not refused
    "行政机关负责人出庭应诉4件",  # a count, not the appearance rate
    "2018年以来累计办理法律援助案件2000件",  # several years, not the report year
    "同比下降32.26%",  # a change, not a level
])
def test_scope_trap_gives_no_indicator(text):
    """Numbers that look like an indicator but are out of its scope give no value."""
    assert _rows(text) == []


def _located_traps():
    traps = read_csv(paths.GOLD / "indicator_traps.csv")
    reports = read_csv(paths.ROOT / "data" / "reports.csv")
    ids = dict(zip(reports["source_file"], reports["report_id"]))
    return [(ids[t["source_file"]], t["indicator_id"], t["evidence"]) for t in traps.to_dict("records")]


@pytest.mark.parametrize(("report_id", "indicator_id", "evidence"), _located_traps())
def test_gold_trap_clause_gives_no_value_for_its_indicator(report_id, indicator_id, evidence):
    """Each trap found by the annotator (tests/gold/indicator_traps.csv) yields no value there."""
    text = paths.text_path(report_id).read_text(encoding="utf-8")
    clause = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", evidence))
    at = text.find(clause)
    assert at >= 0, f"trap clause not in the cleaned text: {clause}"
    published = load_table("indicators")
    quantities = load_table("quantities").set_index(["report_id", "quantity_id"])
    rows = published[(published["report_id"] == report_id) & (published["indicator_id"] == indicator_id)]
    for row in rows.itertuples():
        q = quantities.loc[(report_id, row.quantity_id)]
        assert not (at <= q["start"] < at + len(clause)), (indicator_id, row.value, clause)


@pytest.fixture(scope="module")
def indicator_scores(ingested):
    reports, _, texts = ingested
    report_ids = dict(zip(reports["source_file"], reports["report_id"]))
    years = dict(zip(reports["report_id"], reports["report_year"]))
    gold = evaluate.read_gold_indicators(paths.GOLD, report_ids)
    return evaluate.evaluate_indicators(texts, years, gold)["indicators"]["overall"]


def test_indicator_precision_is_at_least_095(indicator_scores):
    """Precision against the hand-made gold indicators of all five seeds is ≥ 0.95."""
    assert indicator_scores["precision"] >= 0.95


def test_indicator_recall_is_at_least_090(indicator_scores):
    """Recall against the hand-made gold indicators of all five seeds is ≥ 0.90."""
    assert indicator_scores["recall"] >= 0.90


def test_gold_covers_all_five_seeds():
    """The gold indicator set has rows for each of the five seed reports."""
    gold = read_csv(paths.GOLD / "indicators.csv")
    assert gold["source_file"].nunique() == 5


def test_published_evidence_offsets_point_at_the_evidence():
    """For every published indicator, data/texts/<report_id>.txt[start:end] == evidence."""
    published = load_table("indicators")
    for row in published.itertuples():
        text = paths.text_path(row.report_id).read_text(encoding="utf-8")
        assert text[row.start:row.end] == row.evidence, (row.report_id, row.indicator_id)


def test_evidence_holds_the_quantity_it_came_from():
    """Each indicator's quantity lies inside its evidence clause."""
    published = load_table("indicators")
    quantities = load_table("quantities").set_index(["report_id", "quantity_id"])
    for row in published.dropna(subset=["quantity_id"]).itertuples():
        q = quantities.loc[(row.report_id, row.quantity_id)]
        assert row.start <= q["start"] and q["end"] <= row.end, (row.report_id, row.indicator_id)


def test_wide_table_equals_the_report_year_rows():
    """indicators_wide holds exactly the full-year values whose ref_year is the report year."""
    wide = load_table("indicators_wide").set_index("report_id")
    long = load_table("indicators").merge(load_table("reports")[["report_id", "report_year"]])
    current = long[(long["ref_year"] == long["report_year"]) & (long["period"] == "year")
                   & long["value"].notna()]
    values = wide.drop(columns=["report_year", "qualified_values"])
    assert values.notna().sum().sum() == len(current)
    for row in current.itertuples():
        assert wide.loc[row.report_id, row.indicator_id] == row.value


def test_every_codebook_indicator_is_complete():
    """Each indicator has both names, a unit, a chapter 1–10, a definition and at least one rule."""
    for indicator_id, spec in INDICATORS.items():
        assert spec["name_zh"] and spec["name_en"] and spec["unit"] and spec["definition"]
        assert 1 <= spec["outline_chapter"] <= 10, indicator_id
        assert spec["rules"] and all(r["units"] for r in spec["rules"]), indicator_id


# Published ids are a contract with users: a renamed or dropped id breaks their code.
PUBLISHED_IDS = {
    "admin_litigation_cases_count",
    "admin_litigation_gov_defendant_cases_count",
    "admin_litigation_loss_rate_pct",
    "admin_reconsideration_accepted_count",
    "admin_reconsideration_applications_count",
    "admin_reconsideration_closed_count",
    "admin_reconsideration_correction_rate_pct",
    "admin_reconsideration_rejected_count",
    "agencies_with_legal_advisers_count",
    "agency_head_court_appearance_rate_pct",
    "audit_projects_count",
    "certification_items_cancelled_count",
    "certified_enforcement_officers_count",
    "commitment_certification_items_count",
    "cppcc_proposals_handled_count",
    "emergency_plans_count",
    "enforcement_case_files_reviewed_count",
    "enforcement_supervision_notices_count",
    "foi_requests_count",
    "government_information_published_count",
    "legal_aid_cases_count",
    "legality_reviews_count",
    "major_decision_catalog_items_count",
    "normative_documents_amended_count",
    "normative_documents_cleanup_reviewed_count",
    "normative_documents_filed_count",
    "normative_documents_issued_count",
    "normative_documents_repealed_count",
    "npc_suggestions_handled_count",
    "people_mediation_cases_count",
    "people_mediation_success_count",
    "people_mediation_success_rate_pct",
    "public_lawyers_count",
    "random_inspections_count",
    "rule_of_law_meetings_count",
}


def test_codebook_keeps_every_published_indicator_id():
    """No indicator id of a release is renamed or dropped (new ones may be added)."""
    assert PUBLISHED_IDS <= set(INDICATORS)


def test_rate_that_disagrees_with_its_counts_is_flagged():
    """A stated success rate far from success/cases is published as inconsistent, not dropped."""
    text = "共调解纠纷100起,调解成功90起,调解成功率99%。"
    frame = indicators.extract_indicators(text, 2022)
    found = {c["check"]: c["is_consistent"] for c in indicators.checks(frame, 2022)}
    assert found["mediation_success_rate_matches_counts"] is False
    assert found["mediation_success_le_cases"] is True


def test_rounded_rate_agrees_with_its_counts():
    """13799/13862 = 99.5455% agrees with a stated 99.54% (truncated to two decimals)."""
    text = "共调解纠纷13862起,调处成功13799起,成功率99.54%。"
    frame = indicators.extract_indicators(text, 2022)
    found = {c["check"]: c["is_consistent"] for c in indicators.checks(frame, 2022)}
    assert found["mediation_success_rate_matches_counts"] is True


def test_extract_indicators_returns_the_documented_columns():
    """The public API returns the indicators.csv columns without report_id."""
    frame = indicators.extract_indicators("无数字的文本。")
    assert list(frame.columns) == indicators.INDICATOR_COLUMNS and frame.empty
    assert isinstance(frame, pd.DataFrame)


def test_challenge_sentences_keep_precision_at_least_095():
    """On the 140 challenge sentences written without sight of the rules, precision stays ≥ 0.95."""
    scores = evaluate.evaluate_challenges(read_csv(paths.CHALLENGES))["overall"]
    assert scores["precision"] >= 0.95 and scores["cases"] == 140


def test_previous_year_level_in_a_comparison_gets_the_previous_year():
    """败诉率较上年的9.2%下降至5.1%: 9.2 refers to the year before, 5.1 to the report year."""
    assert _rows("全区行政诉讼败诉率较上年的9.2%下降至5.1%。", 2023) == [
        ("admin_litigation_loss_rate_pct", 2022, "9.2"), ("admin_litigation_loss_rate_pct", 2023, "5.1")]


def test_plans_for_next_year_give_no_value():
    """2024年,计划制定应急预案20个 in a 2023 report is a plan, not a result."""
    assert _rows("2024年,计划制定修订应急预案20个。", 2023) == []


def test_first_statement_wins_and_a_differing_repeat_is_flagged():
    """The same indicator stated twice for a year: one row (the first), one failed repeat check."""
    text = "全年办理法律援助案件734件。另据统计,办理法律援助案件735件。"
    frame = indicators.extract_indicators(text, 2022)
    assert frame["value"].tolist() == ["734"]
    rows, repeats = indicators.indicator_rows(text, 2022, indicators.find_quantities(text))
    found = indicators.checks(frame, 2022, repeats)
    assert [(c["check"], c["is_consistent"]) for c in found] == [
        ("repeat_legal_aid_cases_count_2022", False)]


@pytest.mark.parametrize("name", ["digits_and_commas", "enumeration", "numerals"])
def test_adversarial_input_is_handled_by_the_indicator_rules(name):
    """Long number-heavy runs without sentence ends: indicators come out with valid offsets.

    Not timed (see `make bench`); context windows are bounded, so this stays linear.
    """
    from fazhi.bench import adversarial_inputs

    text = adversarial_inputs(50_000)[name] + "\n全年办理法律援助案件734件。"
    frame = indicators.extract_indicators(text, 2022)
    assert "734" in frame["value"].tolist(), "the value after the adversarial run was lost"
    assert all(text[r.start:r.end] == r.evidence for r in frame.itertuples())


def test_indicator_rows_carry_the_section_of_their_quantity():
    """indicators.section_id equals the section_id of the quantity the value came from."""
    published = load_table("indicators")
    quantities = load_table("quantities").set_index(["report_id", "quantity_id"])
    for row in published.dropna(subset=["quantity_id"]).itertuples():
        assert row.section_id == quantities.loc[(row.report_id, row.quantity_id), "section_id"]


def test_figures_of_different_scope_are_not_a_repeat():
    """A partial-year figure and a full-year one are two figures, not a contradiction."""
    text = "截至10月底,受理行政复议案件40件。全年受理行政复议案件52件。"
    rows, repeats = indicators.indicator_rows(text, 2022, indicators.find_quantities(text))
    assert [r["value"] for r in rows] == ["40"] and repeats == []


def test_same_scope_different_value_is_a_repeat():
    """The same region, period and stage stated twice with two values is flagged."""
    text = "全年受理行政复议案件40件。全年受理行政复议案件52件。"
    _, repeats = indicators.indicator_rows(text, 2022, indicators.find_quantities(text))
    assert [(r["first"], r["again"]) for r in repeats] == [("40", "52")]


def test_series_after_fenbiewei_pairs_items_and_values():
    """人大代表建议、政协提案分别为49件、66件 gives each value to its item."""
    frame = indicators.extract_indicators("县政府承办人大代表建议、政协委员提案分别为49件、66件。", 2019)
    assert sorted(zip(frame["indicator_id"], frame["value"])) == [
        ("cppcc_proposals_handled_count", "66"), ("npc_suggestions_handled_count", "49")]


def test_series_over_years_gives_one_row_per_year():
    """2019年、2020年…分别为27件、38件 gives (2019, 27) and (2020, 38)."""
    frame = indicators.extract_indicators(
        "2019年、2020年,报送备案的规范性文件分别为27件、38件。", 2020)
    assert sorted(zip(frame["ref_year"], frame["value"])) == [(2019, "27"), (2020, "38")]


def test_table_cell_is_read_by_its_row_and_column():
    """An FOI annual report's table row gives issued and repealed normative documents."""
    text = "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 2 0 2\n行政规范性文件 1 8 15\n"
    frame = indicators.extract_indicators(text, 2022)
    assert sorted(zip(frame["indicator_id"], frame["value"])) == [
        ("normative_documents_issued_count", "1"), ("normative_documents_repealed_count", "8")]
    assert frame["evidence"].tolist() == ["行政规范性文件 1 8 15"] * 2


def test_topic_carries_from_the_sentence_before():
    """立案受理四十五件 after a sentence on reconsideration applications is accepted cases."""
    frame = indicators.extract_indicators(
        "全市共收到行政复议申请六十三件。经审查,立案受理四十五件,不予受理十二件。", 2005)
    assert ("admin_reconsideration_accepted_count", "45") in set(zip(frame["indicator_id"], frame["value"]))


def test_year_series_after_a_starting_year():
    """2018年以来…依次为a%、b%、c% gives one row per year from 2018."""
    frame = indicators.extract_indicators("2018年以来,全省行政机关败诉率依次为16.4%、11.36%、9.72%。", 2020)
    assert sorted(zip(frame["ref_year"], frame["value"])) == [(2018, "16.4"), (2019, "11.36"), (2020, "9.72")]


def test_comparison_with_years_gives_both_years():
    """出庭应诉率由2019年全年的15%提高到2020年全年的29.65% gives 2019 and 2020 rows."""
    frame = indicators.extract_indicators(
        "全区行政机关负责人出庭应诉率由2019年全年的15%提高到2020年全年的29.65%。", 2021)
    assert sorted(zip(frame["ref_year"], frame["value"])) == [(2019, "15"), (2020, "29.65")]


def test_parallel_parts_of_one_indicator_give_no_value():
    """省…建议12件、市…建议40件 lists parts at one scope: none of them is the whole."""
    text = "全年承办省人大代表建议12件、市人大代表建议40件,均按时办复。"
    assert [r for r in _rows(text) if r[0] == "npc_suggestions_handled_count"] == []


def test_parallel_parts_are_not_reported_as_repeats():
    """Parts of a list are not the same figure stated twice: no repeat check."""
    text = "全年承办省人大代表建议12件、市人大代表建议40件,均按时办复。"
    _, repeats = indicators.indicator_rows(text, 2022, indicators.find_quantities(text))
    assert repeats == []


def test_a_total_after_its_parts_is_the_value():
    """宣布失效4件、废止9件,合计13件: the total is taken, not the first part."""
    rows = _rows("对现行规范性文件进行清理,宣布失效4件、废止9件,失效和废止合计13件。")
    assert ("normative_documents_repealed_count", 2022, "13") in rows
    assert not {("normative_documents_repealed_count", 2022, v) for v in ("4", "9")} & set(rows)


def test_parts_after_qizhong_leave_the_total():
    """受理50件,其中…受理8件: the first figure stays, the part after 其中 is not a repeat."""
    text = "全年受理行政复议案件50件,其中涉及征收的受理8件。"
    rows, repeats = indicators.indicator_rows(text, 2022, indicators.find_quantities(text))
    assert [(r["indicator_id"], r["value"]) for r in rows] == [
        ("admin_reconsideration_accepted_count", "50")]
    assert repeats == []


def test_parts_after_qizhong_keep_the_scope_of_their_whole():
    """A body's figure divided after 其中 stays the body's: no region value from its parts."""
    text = "市法律援助中心办理法律援助案件400件,其中民事法律援助案件310件。"
    assert [r for r in _rows(text) if r[0] == "legal_aid_cases_count"] == []


def test_table_run_together_on_one_line_is_read_by_its_columns():
    """Column names, then rows of label and numbers, all on one line (a copied FOI table)."""
    text = "二、主动公开情况 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 1 行政规范性文件 6 2 30\n"
    frame = indicators.extract_indicators(text, 2023)
    assert sorted(zip(frame["indicator_id"], frame["value"])) == [
        ("normative_documents_issued_count", "6"), ("normative_documents_repealed_count", "2")]
    assert all(text[r.start:r.end] == r.evidence == "行政规范性文件 6 2 30" for r in frame.itertuples())


def test_cases_not_yet_closed_are_not_closed_cases():
    """尚未审结 names pending cases, though it contains 审结."""
    text = "全年受理行政复议案件30件,已审结26件,尚未审结4件。"
    rows = _rows(text)
    assert ("admin_reconsideration_closed_count", 2022, "26") in rows
    assert ("admin_reconsideration_closed_count", 2022, "4") not in rows


def test_items_disclosed_on_request_are_not_requests():
    """依申请公开信息120条 are items released; 收到依申请公开政府信息35件 are requests."""
    assert _rows("全年主动公开信息900条,依申请公开信息120条。") == [
        ("government_information_published_count", 2022, "900")]
    assert ("foi_requests_count", 2022, "35") in _rows("全年新收到依申请公开政府信息35件。")


def test_zero_stated_in_words_is_a_value_without_a_quantity():
    """全年未收到政府信息公开申请 → foi_requests_count 0, its clause as evidence, no quantity."""
    text = "全年主动公开政府信息320条;全年未收到政府信息公开申请。"
    frame = indicators.extract_indicators(text, 2023)
    row = frame[frame["indicator_id"] == "foi_requests_count"].iloc[0]
    assert (row["value"], row["ref_year"], row["qualifier"]) == ("0", 2023, "exact")
    assert pd.isna(row["quantity_id"]) and text[row["start"]:row["end"]] == row["evidence"]
    assert "未收到政府信息公开申请" in row["evidence"]


def test_rows_stay_in_text_order_with_zeros_among_them():
    """A zero stated before a number comes first, as it stands in the text."""
    frame = indicators.extract_indicators("全年未收到政府信息公开申请;主动公开政府信息320条。", 2023)
    assert frame["indicator_id"].tolist() == ["foi_requests_count", "government_information_published_count"]


def test_a_number_wins_over_a_zero_in_words():
    """When the year's figure is printed, a later 未收到 clause adds no second row."""
    rows = _rows("全年收到政府信息公开申请12件。此前各月均未收到政府信息公开申请。", 2023)
    assert [r for r in rows if r[0] == "foi_requests_count"] == [("foi_requests_count", 2023, "12")]


def test_zero_of_a_lower_tier_is_not_the_regions():
    """各乡镇均未收到… is the townships' zero: the scope layer applies to zeros too."""
    assert _rows("各乡镇均未收到政府信息公开申请。", 2023) == []


def test_zero_takes_the_year_its_sentence_names():
    """2022年度未制发行政规范性文件 in a 2023 report is a 2022 zero."""
    assert _rows("2022年度未制发行政规范性文件。", 2023) == [("normative_documents_issued_count", 2022, "0")]


def test_a_sentence_opening_with_a_year_states_that_years_figures():
    """2023年全市…政协提案182件 in a 2024 report is a 2023 value."""
    assert _rows("2023年全市政府系统共办理市政协提案182件,均按时办复。", 2024) == [
        ("cppcc_proposals_handled_count", 2023, "182")]


def test_stock_at_a_past_year_end_gets_that_year():
    """截至2017年底…公职律师802人 in a 2018 report is the 2017 stock."""
    assert _rows("截至2017年底,全省有律师9923人,其中公职律师802人。", 2018) == [
        ("public_lawyers_count", 2017, "802")]


def test_proposals_received_by_the_cppcc_session_are_not_handled_proposals():
    """政协…会议共收到提案 N件 is what members submitted, not what the government handled."""
    assert _rows("区政协十届二次会议共收到提案130件,经审查立案125件。", 2022) == []


@pytest.mark.parametrize("text", [
    "行政复议阶段矛盾纠纷实质性化解率达97.5%",  # a composite rate, not mediation success
    "全市法院共受理一、二审行政案件2100件",  # first and second instance mixed
    "全省开展政策措施清理,修改、废止政策措施320件",  # fair-competition measures, not normative documents
])
def test_neighbouring_figure_gives_no_indicator(text):
    """Figures next to an indicator's concept that the codebook's definition excludes."""
    assert _rows(text + "。", 2023) == []


@pytest.mark.parametrize(("text", "value"), [
    ("2021年,我镇主动公开的信息共计85条,包括机构职能、政策解读等。", "85"),
    ("通过县政府网发布农业、民生、社会管理等各类信息85条。", "85"),
    ("全年共公开信息253条,主要为工作动态和公示公告。", "253"),
])
def test_published_information_in_department_and_township_reports(text, value):
    """How FOI annual reports of small bodies state what they published proactively."""
    assert _rows(text, 2021) == [("government_information_published_count", 2021, value)]


def test_row_of_numbers_under_column_names_is_read_by_its_columns():
    """A caption with its unit, a row of column names, a row of numbers (a flattened table)."""
    text = "2023年全区行政复议案件办理情况(单位:件)\n新收复议申请 办结案件 不予受理 维持\n260 231 12 150\n"
    frame = indicators.extract_indicators(text, 2023)
    assert sorted(zip(frame["indicator_id"], frame["value"])) == [
        ("admin_reconsideration_applications_count", "260"),
        ("admin_reconsideration_closed_count", "231"),
        ("admin_reconsideration_rejected_count", "12")]
    assert set(frame["evidence"]) == {"260 231 12 150"}


def test_total_row_under_a_heading_row_is_the_headings_value():
    """一、本年新收…申请数量 over parts by applicant and 总计 66: the total is the FOI request count."""
    text = ("三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 自然人 58 商业企业 7 "
            "总计 66 二、上年结转政府信息公开申请数量 总计 2\n")
    frame = indicators.extract_indicators(text, 2024)
    assert list(zip(frame["indicator_id"], frame["value"])) == [("foi_requests_count", "66")]
    row = frame.iloc[0]
    assert text[row.start:row.end] == row.evidence == "一、本年新收政府信息公开申请数量 自然人 58 商业企业 7 总计 66"


def test_parts_in_parentheses_after_a_figure_leave_the_figure():
    """公开信息2959条(政务公开信息2463条、…): the parts in parentheses do not cancel the whole."""
    rows = _rows("2022年县政府办公室通过政府网站主动公开信息2959条(政务公开信息2463条、政务动态信息496条)。")
    assert [r for r in rows if r[0] == "government_information_published_count"] == [
        ("government_information_published_count", 2022, "2959")]


def test_one_channels_figure_beside_another_channels_is_not_the_total():
    """门户网站发布信息10300条, 微信公众号另发布75条: the website's figure is one channel's."""
    rows = _rows("2024年,县政府网站发布各类政务信息10300条,微信公众号另发布75条。")
    assert not [r for r in rows if r[0] == "government_information_published_count"]


def test_a_total_over_channels_is_kept_though_its_parts_name_channels():
    """通过门户网站、微信、微博共发布各类信息17249条,其中政务微博370条: the total is kept."""
    rows = _rows("2022年,全县通过县政府门户网站、微信、微博共发布各类信息17249条,其中政府网站15631条、政务微博370条。")
    assert ("government_information_published_count", 2022, "17249") in rows


def test_column_names_over_labelled_rows_survive_cleaning():
    """信息内容 | 本年制发件数 | … over 规章 | 0 | 1 | 0: the header is kept, so the rows can be read."""
    from fazhi.ingest.clean import clean
    text = clean("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件 |\n| 行政规范性文件 | 1 | 0 | 2 |\n").text
    assert _rows(text, 2025) == [("normative_documents_issued_count", 2025, "1"),
                                 ("normative_documents_repealed_count", 2025, "0")]


def test_documents_filed_named_with_their_government_are_filed_not_cleaned_up():
    """清理… ; 备案县政府规范性文件9件: the 9 were filed, not reviewed in the clean-up."""
    rows = _rows("2023年,开展规范性文件全面清理1次;全年向市政府备案县政府规范性文件9件。", 2023)
    assert rows == [("normative_documents_filed_count", 2023, "9")]


def test_column_names_of_a_table_survive_cleaning():
    """A pipe-separated header over numbers is a table, not a navigation bar to drop."""
    from fazhi.ingest.clean import clean
    text = clean("| 新收复议申请 | 办结案件 | 不予受理 | 维持 |\n| 260 | 231 | 12 | 150 |\n").text
    assert text.startswith("新收复议申请 办结案件 不予受理 维持\n260 231 12 150")


def test_values_of_places_sharing_one_cue_are_not_the_whole():
    """济南、青岛、烟台受理行政一审案件分别为a、b、c: each place's figure, none the region's."""
    assert _rows("2022年济南、青岛、烟台受理行政一审案件分别为3595件、2398件、1998件。", 2022) == []


def test_columns_of_years_give_one_row_per_year():
    """A caption, a row of years, a row of rates: each rate is its column's year's."""
    text = "全市行政机关败诉率(%)\n2020年 2021年 2022年\n12.5 9.8 7.1\n"
    assert sorted(_rows(text, 2022)) == [
        ("admin_litigation_loss_rate_pct", 2020, "12.5"), ("admin_litigation_loss_rate_pct", 2021, "9.8"),
        ("admin_litigation_loss_rate_pct", 2022, "7.1")]


def test_row_label_under_columns_of_years_names_the_indicator():
    """时段 2019年 2020年 2021年1—10月 / 出庭应诉率 15% …: the label is the cue, a partial year kept."""
    text = "全区行政机关负责人出庭应诉情况\n时段 2019年 2020年 2021年1—10月\n出庭应诉率 15% 29.65% 73.55%\n"
    frame = indicators.extract_indicators(text, 2021)
    assert sorted(zip(frame["ref_year"], frame["value"], frame["period"])) == [
        (2019, "15", "year"), (2020, "29.65", "year"), (2021, "73.55", "1—10月")]


@pytest.mark.parametrize("text", [
    "县政府组织召开县政府常务会议3次,专题研究部署法治政府建设工作。",
    "县长3次主持召开县政府常务会议,听取法治政府建设工作汇报。",
])
def test_meetings_whose_rule_of_law_subject_follows_the_number(text):
    """The meeting's subject may stand after the count, in the rest of the sentence."""
    assert _rows(text, 2022) == [("rule_of_law_meetings_count", 2022, "3")]


def test_meetings_on_another_subject_after_a_semicolon_are_not_counted():
    """召开常务会议5次研究招商引资: the rule-of-law subject of the next sentence is not theirs."""
    assert _rows("召开常务会议5次,研究招商引资项目;另行部署法治政府建设工作。", 2022) == []


def test_dispute_resolution_centres_are_not_peoples_mediation():
    """A comprehensive centre's or platform's resolved disputes are not people's mediation."""
    assert _rows("全县矛盾纠纷调处化解中心受理纠纷1500件,调处成功1450件,调处成功率96.7%。", 2023) == []


def test_a_street_named_bare_is_the_reporting_street():
    """2022年,街道共收到信息公开申请7件 in a street's report: its own figure, not a lower tier."""
    assert _rows("2022年,街道共收到信息公开申请7件,上年度结转1件。", 2022) == [
        ("foi_requests_count", 2022, "7")]


def test_streets_as_a_tier_stay_a_tier():
    """各街道共收到… in a district report is the streets' figure, not the district's."""
    assert _rows("2022年,各街道共收到信息公开申请7件。", 2022) == []


def test_since_the_start_of_the_report_year_is_part_of_that_year():
    """2023年以来 in a 2023 report is the year so far: taken, with that period."""
    frame = indicators.extract_indicators("2023年以来,在门户网站发布公开信息93条。", 2023)
    assert (frame["value"].tolist(), frame["period"].tolist()) == (["93"], ["2023年以来"])


def test_supervision_checks_are_not_random_inspections():
    """执法监督检查36次 are supervision visits, not 双随机 inspections."""
    assert _rows("全县开展执法监督检查36次。", 2024) == []


def test_inspections_not_said_to_be_random_are_not_random_inspections():
    """全年共实施行政检查20385次 counts every inspection, not the 双随机 ones."""
    assert [r for r in _rows("全年共实施行政检查20385次,实施行政处罚2132件。", 2022)
            if r[0] == "random_inspections_count"] == []


@pytest.mark.parametrize("text", [
    "全国基层法律服务工作者提供公益法律服务35万件,其中办理法律援助案件12万件。",  # one provider group
    "依申请公开16件,全年发生行政复议案件4件、行政诉讼案件1件。",  # FOI-related cases in an FOI report
])
def test_subsets_named_earlier_in_the_sentence_give_no_value(text):
    """Whose figure is said before the clause with the number: a provider group, FOI matters."""
    assert [r for r in _rows(text, 2022)
            if r[0] in ("legal_aid_cases_count", "admin_litigation_cases_count")] == []


def test_every_row_under_a_header_of_years_and_an_empty_cell():
    """项目 2023年 2024年, then rows; a dash is an empty cell, not a number."""
    text = "项目 2023年 2024年\n以区政府为被告的行政诉讼案件(件) 285 373\n行政复议申请(件) — 1696\n"
    assert sorted(_rows(text, 2024)) == [
        ("admin_litigation_gov_defendant_cases_count", 2023, "285"),
        ("admin_litigation_gov_defendant_cases_count", 2024, "373"),
        ("admin_reconsideration_applications_count", 2024, "1696")]


@pytest.mark.parametrize("text", [
    "2014年,全国律师承办法律援助案件36万多件。",  # lawyers are one group of providers
    "律师担任政府法律顾问2898家。",  # lawyers' government clients, not agencies with advisers
    "国务院决定再取消52项行政许可事项。",  # approval items, not certification items
    "党中央决定废止54件党内法规和规范性文件,宣布失效56件,修改8件。",  # Party regulations
    "自开展规章清理以来,共将1269件规章列入审查范围,已废止189件,修改33件。",  # government rules
    "2022年全省行政复议调解成功率达46.3%。",  # reconsideration mediation, not people's mediation
    "党的十八大以来,全国各级法院受理一审行政案件235.2万件。",  # cumulative since 2012
    "“十四五”时期,全省累计办理法律援助案件4.4万余件。",  # a five-year plan period
])
def test_national_and_press_phrasings_that_are_not_the_indicator(text):
    """Figures of one provider group, other item types, Party rules, cumulative periods."""
    assert _rows(text, 2022) == []


def test_rows_labelled_under_named_columns_and_cells_with_units():
    """类别 件数 占比 over labelled rows; 收到申请 决定受理 over cells that print their unit."""
    text = "2019年办理建议提案情况\n类别 件数 占总数比例\n人大代表建议 716 87.8%\n政协委员提案 328 85%\n"
    assert sorted(_rows(text, 2019)) == [("cppcc_proposals_handled_count", 2019, "328"),
                                         ("npc_suggestions_handled_count", 2019, "716")]
    from fazhi.ingest.clean import clean
    text = clean("2021年全省行政复议工作情况\n| 收到申请 | 决定受理 |\n| 1463件 | 1276件 |\n").text
    assert sorted(_rows(text, 2021)) == [("admin_reconsideration_accepted_count", 2021, "1276"),
                                         ("admin_reconsideration_applications_count", 2021, "1463")]


def _published(text: str, year: int = 2023) -> list[str]:
    return [r[2] for r in _rows(text, year) if r[0] == "government_information_published_count"]


def test_a_website_figure_with_another_channel_after_a_semicolon_is_a_part():
    """网站…18439条,其中…;新媒体发布信息459条: the website's figure is one channel's, not the total."""
    assert _published("区政府门户网站全年发布信息18439条,其中概况类69条、政务动态类8043条;"
                      "“某区发布”新媒体发布信息459条。") == []


def test_a_website_figure_is_a_part_whichever_rule_reads_it():
    """通过政府网站主动公开各类政务信息万余条…;推送微信1790条: no published count."""
    assert _published("2021年通过政府网站主动公开各类政务信息万余条、区政府常务会议纪要14份;"
                      "“某区发布”推送微信1790条。", 2021) == []


def test_a_website_figure_with_no_other_channel_is_the_count():
    """区政府网站全年更新各类政府信息967条: the only channel given, so the count."""
    assert _published("区政府网站全年更新各类政府信息967条,并新增住房和城乡建设等栏目。") == ["967"]


def test_the_website_and_another_channel_together_give_the_count():
    """门户网站和“某某政府网”微信公众号共发布信息31000余条: a total over both channels."""
    assert _published("省政府门户网站和“山东政府网”微信公众号共发布信息31000余条,直播新闻发布会150余场。") == ["31000"]


def test_a_long_list_of_kinds_before_the_published_count():
    """主动公开政策解读、政策文件…等各类信息100余条: the list ends in 等, the count follows."""
    assert _published("2024年度主动公开政策解读、政策文件、规划计划、回应关切及重点领域信息等各类信息100余条。",
                      2024) == ["100"]


def test_requests_for_government_information_phrased_the_other_way_round():
    """收到公开政府信息的申请7件 is the year's FOI requests."""
    assert [r for r in _rows("全年收到公开政府信息的申请7件,其中6件由申请人主动撤回。")
            if r[0] == "foi_requests_count"] == [("foi_requests_count", 2022, "7")]


def test_reconsideration_applications_not_registered_are_refusals():
    """其中不予立案10件: refused as inadmissible, as 不予受理."""
    assert [r for r in _rows("今年新收复议案件343件,其中不予立案10件,告知管辖1件。")
            if r[0] == "admin_reconsideration_rejected_count"] == [
        ("admin_reconsideration_rejected_count", 2022, "10")]


def test_normative_documents_named_before_the_verb_of_the_year():
    """行政规范性文件本年制发0件、本年废止0件: the year's issued count (0), then its repealed one."""
    assert [r for r in _rows("行政规范性文件本年制发0件、本年废止0件、现行有效0件。")
            if r[0].startswith("normative_documents")] == [
        ("normative_documents_issued_count", 2022, "0"),
        ("normative_documents_repealed_count", 2022, "0")]


def test_public_lawyers_counted_before_the_noun():
    """对全市327名公职律师实行统一调配: the city's public lawyers."""
    assert [r for r in _rows("对全市327名公职律师实行同区域、跨部门统一调配使用。", 2024)
            if r[0] == "public_lawyers_count"] == [("public_lawyers_count", 2024, "327")]


def test_a_short_parenthesis_between_the_cue_and_the_number():
    """共主动公开政府信息(公文平台发文)113条: the note in brackets does not cut the cue off."""
    assert _published("2018年度我乡共主动公开政府信息(公文平台发文)113条。", 2018) == ["113"]


@pytest.mark.parametrize("text, value", [
    ("本年度受理依申请政府信息公开事项25件,其中20件为申请公开招生录取相关信息。", "25"),
    ("全年收到政府信息公开申请信件22件,答复21件,1件结转下年。", "22"),
])
def test_foi_requests_under_other_names(text, value):
    """依申请政府信息公开事项 and 信息公开申请信件 are the year's FOI requests."""
    assert [r[2] for r in _rows(text, 2023) if r[0] == "foi_requests_count"] == [value]


def test_items_disclosed_on_request_are_not_requests():
    """依申请公开信息459条 counts items disclosed on request (beside 主动公开信息), not requests."""
    assert [r for r in _rows("全区共制作政府信息3021条,其中主动公开信息1027条,依申请公开信息459条。", 2018)
            if r[0] == "foi_requests_count"] == []


def test_suggestions_beside_proposals_in_a_sentence_about_both():
    """办理…人大、政协转交的建议和提案224件,其中建议73件、提案151件: 73 handled suggestions."""
    rows = _rows("2017年区政府系统共办理区人大、区政协转交的建议和提案224件,其中建议73件、提案151件。", 2017)
    assert [r for r in rows if r[0] == "npc_suggestions_handled_count"] == [
        ("npc_suggestions_handled_count", 2017, "73")]


def test_suggestions_put_forward_are_not_suggestions_handled():
    """人大会议期间,代表共提出建议461件: put forward at the session, not handled by the government."""
    assert [r for r in _rows("市十五届人大二次会议期间,代表共提出建议461件。", 2018)
            if r[0] == "npc_suggestions_handled_count"] == []


def test_a_rate_named_in_the_clause_before_its_level():
    """行政机关负责人出庭应诉率上升,全年为60.84%: the rate's level, read with the clause before."""
    assert [r for r in _rows("行政机关负责人出庭应诉率上升,全年为60.84%,同比上升21.98个百分点。", 2021)
            if r[0] == "agency_head_court_appearance_rate_pct"] == [
        ("agency_head_court_appearance_rate_pct", 2021, "60.84")]


def test_reconsideration_applications_concluded():
    """全年审结行政复议申请135件: the year's closed reconsideration cases."""
    assert [r for r in _rows("全年审结行政复议申请135件(含上年度结转),纠错率约19.2%。", 2024)
            if r[0] == "admin_reconsideration_closed_count"] == [
        ("admin_reconsideration_closed_count", 2024, "135")]


def test_normative_documents_issued_and_published():
    """印发并公开行政规范性文件17件: issued (and published) in the year."""
    assert [r for r in _rows("以县政府和县政府办公室名义印发并公开行政规范性文件17件、其他政策文件35件。", 2023)
            if r[0] == "normative_documents_issued_count"] == [
        ("normative_documents_issued_count", 2023, "17")]


def test_table_cells_that_print_their_column_name():
    """行政规范性文件 本年制发件数 2 本年废止件数 1 (a table row as cleaning prints it): each number
    read by the name in its cell."""
    text = "全年未收到依申请公开政府信息。\n行政规范性文件 本年制发件数 2 本年废止件数 1 现行有效件数 9\n"
    assert [r for r in _rows(text, 2025) if r[0].startswith("normative_documents")] == [
        ("normative_documents_issued_count", 2025, "2"),
        ("normative_documents_repealed_count", 2025, "1")]


def test_proposals_assigned_by_the_cppcc_are_not_proposals_handled():
    """区政协…会议共交办政协提案111件 are all proposals assigned, not the government's handled ones;
    承办市政协交办的提案182件 are handled."""
    def proposals(text):
        return [r[2] for r in _rows(text, 2025) if r[0] == "cppcc_proposals_handled_count"]
    assert proposals("2025年,区政协六届四次会议共交办政协提案111件。") == []
    assert proposals("2025年,区政府系统共承办区政协交办的政协提案182件,全部按时办结。") == ["182"]


@pytest.mark.parametrize("text, expected", [
    ("2023年,某县应急局主动公开和更新各类信息439条,涵盖机构职能等法定内容。", ["439"]),
    ("2023年,某市市场监管局通过单位门户网站和微信公众号发布、更新各类政府信息共计194条。", ["194"]),
    ("2023年,某市通过政务新媒体公开政府信息42828条。", []),
])
def test_published_information_by_channel(text, expected):
    """主动公开和更新 and 发布、更新 are publishing; a new-media account's figure is one channel's."""
    assert _published(text) == expected


@pytest.mark.parametrize("text, value", [
    ("全年共收到依申请公开事项2个,均按时限办结。", "2"),
    ("全年共接到依申请公开办件18件。", "18"),
    ("全年共收到3份依申请公开信件,其中网络申请2份、邮寄申请1份。", "3"),
    ("全年共受理29宗政府信息公开申请,均在办理时限内答复。", "29"),
])
def test_foi_requests_counted_in_other_units_and_orders(text, value):
    """依申请公开事项N个, 办件, and the count before the noun (3份依申请公开信件, 29宗…申请)."""
    assert [r[2] for r in _rows(text, 2024) if r[0] == "foi_requests_count"] == [value]


def test_published_information_named_with_its_verb_and_de():
    """全年共生成主动公开的政府信息232条; 网站和微信公众号共公开…等各类非涉密信息1057条."""
    assert _published("全年共生成主动公开的政府信息232条。") == ["232"]
    assert _published("通过局门户网站和微信公众号共公开安全生产、防灾减灾救灾等各类非涉密信息1057条,"
                      "其中门户网站633条、微信公众号424条。") == ["1057"]


def test_meetings_studying_rule_of_law_work_among_other_work():
    """主持召开…会议,研究部署依法行政、法治考评等工作15次: 15 meetings on rule-of-law work."""
    text = "区委、区政府主要负责同志主持召开区委常委会会议、区政府常务会议,研究部署依法行政、法治考评等工作15次。"
    assert [r for r in _rows(text, 2023) if r[0] == "rule_of_law_meetings_count"] == [
        ("rule_of_law_meetings_count", 2023, "15")]


def test_no_normative_documents_printed_is_a_zero():
    """区司法局未印制行政规范性文件: none issued, a zero."""
    assert [r for r in _rows("全年未收到政府信息公开申请,区司法局未印制行政规范性文件。", 2024)
            if r[0] == "normative_documents_issued_count"] == [("normative_documents_issued_count", 2024, "0")]


def test_replies_to_suggestions_published_are_not_suggestions_handled():
    """公开人大代表建议180条: replies published on the website, not suggestions handled."""
    assert [r for r in _rows("2023年,公开人大代表建议180条、政协委员提案111条。", 2023)
            if r[0] == "npc_suggestions_handled_count"] == []


def test_published_on_the_official_website():
    """在区政府官网公示信息共计227条: the website (官网) is the only channel named."""
    assert _published("2022年,某区生态环境局在区政府官网公示信息共计227条,其中环境质量信息12条。", 2022) == ["227"]


def test_no_request_of_any_kind_is_a_zero():
    """本年度未收到任何形式的依申请公开: no FOI request, a zero."""
    assert [r for r in _rows("本年度未收到任何形式的依申请公开,也未发生行政复议和行政诉讼。", 2022)
            if r[0] == "foi_requests_count"] == [("foi_requests_count", 2022, "0")]


def test_the_next_kind_of_case_in_a_list_shares_the_clause_befores_scope():
    """涉及信息公开的行政复议0件,行政诉讼2件: both FOI-related, neither the region's cases."""
    rows = _rows("市政府办公室共受理政府信息公开申请16件;涉及信息公开的行政复议0件,行政诉讼2件,均获维持。", 2021)
    assert [r for r in rows if r[0].startswith(("admin_litigation", "admin_reconsideration"))] == []


def test_channels_named_together_in_either_order_give_the_total():
    """通过政务微信公众号和门户网站发布信息5200条: the new media first, the website second."""
    assert _published("全年通过政务微信公众号和门户网站发布信息5200条。") == ["5200"]


def test_meetings_of_the_rule_of_law_committee_named_just_before():
    """成立…依法治镇委员会,全年召开委员会专题会议31次: that committee's meetings; a group's
    常务会议 in the same sentence is not one."""
    def meetings(text):
        return [r[2] for r in _rows(text, 2024) if r[0] == "rule_of_law_meetings_count"]
    assert meetings("成立由镇党委书记任组长的依法治镇委员会,全年召开委员会专题会议31次,将法治建设纳入规划。") == ["31"]
    assert meetings("成立法治政府建设工作领导小组,全年召开镇政府常务会议12次。") == []


def test_another_countrys_figure_is_never_the_regions():
    """2009财年,美国联邦各部门和机构共收到信息公开申请557825件: elsewhere, not a value."""
    frame = indicators.extract_indicators("2009财年,美国联邦各部门和机构共收到信息公开申请557825件。", 2009)
    assert frame.empty
    assert scope.scope_of("美国联邦各部门和机构共收到信息公开申请", "").whose == "elsewhere"


def _files(text: str, year: int = 2022) -> list[str]:
    return [r[2] for r in _rows(text, year) if r[0] == "enforcement_case_files_reviewed_count"]


def test_case_files_counted_right_after_their_name_in_a_checking_sentence():
    """共查阅执法卷宗3400余份, 抽查4大类案卷240余宗: the files checked."""
    assert _files("考核组共查阅执法卷宗3400余份、依法行政材料2300余份。") == ["3400"]
    assert _files("全年从57个执法单位抽查4大类案卷240余宗,评出典型优秀案卷20宗。") == ["240"]


def test_case_files_of_one_grade_or_of_legal_aid_are_not_the_files_reviewed():
    """评出优秀案卷20宗 is a grade; 抽取法律援助机构归档案卷228件 are legal aid's files."""
    assert _files("全年开展案卷评查,评出优秀案卷20宗。") == []
    assert _files("随机抽取全市法律援助机构办结归档案卷228件开展质量评估。") == []


def test_a_plan_named_as_what_the_work_followed_is_not_a_target():
    """根据2019年行政执法监督检查计划,…抽取123份: done that year, not planned."""
    assert _files("根据2019年行政执法监督检查计划,开展案卷交叉评查,从各部门案卷中随机抽取123份。", 2019) == ["123"]
    assert _files("计划明年开展案卷评查,从各部门案卷中随机抽取123份。", 2019) == []


def test_the_first_instance_part_of_all_lawsuits_is_the_indicator():
    """新收行政诉讼案件11979件,其中行政一审案件5784件: first-instance cases are 5784."""
    got = [r[2] for r in _rows("2023年全省法院新收行政诉讼案件11979件,其中行政一审案件5784件,同比上升5.91%。", 2023)
           if r[0] == "admin_litigation_cases_count"]
    assert got == ["5784"]


def test_random_inspections_counted_by_what_was_checked():
    """双随机监督抽查任务920条, 双随机一公开平台检查企业226户 count inspections; 抽查事项 do not."""
    def inspections(text):
        return [r[2] for r in _rows(text, 2023) if r[0] == "random_inspections_count"]
    assert inspections("全系统完结国家级“双随机”监督抽查任务920条。") == ["920"]
    assert inspections("2023年利用省“双随机一公开”监管平台检查企业226户。") == ["226"]
    assert inspections("梳理“双随机”抽查事项120项。") == []


def _ids(text: str, year: int = 2022) -> list[tuple]:
    return [(r[0], r[2]) for r in _rows(text, year)]


def test_proposals_the_members_put_forward_are_not_handled():
    """委员和各参加单位共提交提案725件: put forward, not yet handled by the government."""
    assert _ids("市政协十三届四次会议以来,委员和各参加单位共提交提案725件,经审查立案597件。", 2015) == []


def test_proposals_and_suggestions_the_government_received_are_its_to_handle():
    """县人民政府共收到…交办的代表建议131件、县政协转交办理的提案85件; 交通运输局共收到…代表交办建议40件."""
    assert _ids("今年县人民政府共收到县人大常委会交办的代表建议131件、县政协转交办理的提案85件。", 2020) == [
        ("npc_suggestions_handled_count", "131"), ("cppcc_proposals_handled_count", "85")]
    assert _ids("2024年,县交通运输局共收到县第十八届人民代表大会第三次会议代表交办建议40件。", 2024) == [
        ("npc_suggestions_handled_count", "40")]


def test_suggestions_and_proposals_counted_in_jianci():
    """承办的人大代表建议为629件次、政协提案483件次: 件次 counts them too."""
    assert _ids("自治区政府各部门承办的人大代表建议为629件次、政协提案483件次。") == [
        ("npc_suggestions_handled_count", "629"), ("cppcc_proposals_handled_count", "483")]


def test_administrative_cases_among_legal_aids_are_not_lawsuits():
    """办理法律援助案件1291件,其中…行政案件2件: legal aid's, not administrative litigation."""
    assert _ids("2025年,全区共办理法律援助案件1291件,其中民事案件336件、行政案件2件。", 2025) == [
        ("legal_aid_cases_count", "1291")]


def test_a_refusal_outside_reconsideration_is_not_a_refused_application():
    """政协…不予立案17件 refuses proposals; 行政复议申请…不予受理3件 refuses applications."""
    assert _ids("经提案委员会审查,立案64件,并案16件,不予立案17件。") == []
    assert ("admin_reconsideration_rejected_count", "3") in _ids(
        "全年收到行政复议申请120件,受理110件,不予受理3件。")


def test_meetings_hearing_the_rule_of_law_work():
    """主持召开局务会议4次听取法治工作情况: meetings that heard the work."""
    assert ("rule_of_law_meetings_count", "4") in _ids("2023年主持召开局务会议4次听取法治工作情况。", 2023)


def test_a_centres_figures_since_it_began_operating_are_several_years():
    """运行以来共…调解成功702件: since the centre opened, not the year."""
    assert scope.scope_of("运行以来共接待咨询群众2036人次,受理矛盾纠纷967件,调解成功",
                          "运行以来共接待咨询群众2036人次,受理矛盾纠纷967件,调解成功").period == "several_years"


def test_a_year_opening_a_part_of_the_sentence_is_that_parts_year():
    """…:2021年度败诉252件,败诉率为15.82%;2022年度…,败诉率为17.62%: each rate its year's."""
    got = [(r[1], r[2]) for r in _rows("败诉情况:2021年度败诉252件,败诉率为15.82%;2022年度败诉225件,败诉率为17.62%。", 2023)
           if r[0] == "admin_litigation_loss_rate_pct"]
    assert got == [(2021, "15.82"), (2022, "17.62")]


def test_a_lead_before_a_colon_says_whose_the_parts_are():
    """各县区败诉率控制难度较大:2021年度…败诉率为15.82%: the counties', not the region's."""
    assert scope.scope_of("败诉率为", "各县区败诉率控制难度较大:2021年度败诉252件,败诉率为").whose == "tier"
    assert scope.scope_of("败诉率为", "全市行政诉讼情况:2021年度败诉252件,败诉率为").whose == "region"


def test_the_loss_rate_of_the_government_itself_as_defendant_is_a_part():
    """区政府作为单独被告的行政诉讼案件败诉率为5.5%: not the region's loss rate."""
    assert _ids("区政府作为单独被告的行政诉讼案件败诉率为5.5%。", 2025) == []
    assert _ids("全区行政诉讼案件败诉率为5.5%。", 2025) == [("admin_litigation_loss_rate_pct", "5.5")]


def test_published_replies_to_proposals_are_not_proposals_handled():
    """公开人大代表建议180条、政协委员提案111条: replies published."""
    assert _ids("全年公开人大代表建议180条、政协委员提案111条。", 2023) == []


def test_later_clauses_of_a_sentence_about_one_body_are_that_bodys():
    """其中,…执法大队共有在编人员32人,持有行政执法证件的30人: the brigade's, until 全区 is named."""
    assert _ids("其中,街道综合执法大队共有在编人员32人,持有行政执法证件的30人。", 2025) == []
    assert ("certified_enforcement_officers_count", "900") in _ids(
        "其中,街道综合执法大队共有在编人员32人,全区持有行政执法证件的900人。", 2025)


@pytest.mark.parametrize("text, value", [
    ("2024年全年发布政务信息19万余条,编发政府公报12期。", "190000"),
    ("2022年街道通过区政府网、区政务公众号、各级媒体等方式主动向社会公开政策文件、政策执行及落实、重点领域、财政预决算、工作动态、各类简报、公共服务、行政处罚等信息1851条。", "1851"),
    ("2022年,我县共发布转载信息3886条、政策解读20条。", "3886"),
    ("主动向社会公布规范性文件、政策解读,公开疫情防控数据、财政数据、环境保护、食品药品安全、应急管理等政府信息7074条。", "7074"),
])
def test_information_published_in_more_phrasings(text, value):
    """政务信息 after 全年发布, 主动向社会公开, 发布转载, a list of 40 characters before 等."""
    assert ("government_information_published_count", value) in _ids(text)


def test_a_clause_naming_the_whole_region_is_the_regions_whatever_the_lead():
    """汇总各街道和区直单位的公开情况:全区累计主动公开政府信息658条: the district's total."""
    assert ("government_information_published_count", "658") in _ids(
        "2025年丰泽区汇总各街道和区直单位的公开情况:全区累计主动公开政府信息658条。", 2025)


def test_a_first_line_resolution_share_is_not_the_mediation_success_rate():
    """矛盾纠纷基层一线化解率提升至88.2%: a share of another kind."""
    assert _ids("今年以来各级人民调解组织共化解矛盾纠纷16万件,矛盾纠纷基层一线化解率提升至88.2%。", 2023) == []


def test_suggestions_the_deputies_put_forward_are_not_handled():
    """代表团的省人大代表共向大会提交议案3个、建议32件: not yet handled by any government."""
    assert _ids("会议期间,代表团的省人大代表共向大会提交议案3个、建议32件。") == []


def test_an_adverb_before_the_level_verb():
    """败诉率历史性降至6%以内: at most 6%."""
    frame = indicators.extract_indicators("2024年全市行政诉讼败诉率历史性降至6%以内。", 2024)
    assert (frame["indicator_id"].tolist(), frame["value"].tolist(), frame["qualifier"].tolist()) == (
        ["admin_litigation_loss_rate_pct"], ["6"], ["at_most"])


def test_more_foi_and_channel_phrasings():
    """依申请件927件 are requests; a platform's figure beside a WeChat account's is a part;
    门户网站公布政府信息124条 is the website's (the only figure)."""
    assert ("foi_requests_count", "927") in _ids("依申请公开方面,全市共收到依申请件927件,加上年结转34件。", 2024)
    assert _ids("政务服务办在市政务公开平台主动公开政府信息49条,利用微信公众号推送政策宣传解读信息395条。", 2024) == []
    assert ("government_information_published_count", "124") in _ids(
        "全年通过门户网站公布政府信息124条。", 2022)


def test_neighbouring_certificates_and_rates():
    """目前局内持证22人 after 法律职业资格考试 are lawyers-to-be; 实质化解率43.4% is not mediation's."""
    assert _ids("鼓励干部参加国家法律职业资格考试,每年均有干部通过,目前局内持证22人。") == []
    assert _ids("全年实质化解行政争议236件,实质化解率43.4%。") == []


@pytest.mark.parametrize("text, value", [
    ("全年审查行政规范性文件、政府合同、会议纪要等270份,提出意见建议309条。", "270"),
    ("全年对重大行政决策、规范性文件、行政执法决定及镇村合同开展全流程审查1090件。", "1090"),
    ("区司法局共审查各类涉法事项640余件,同比增加28%。", "640"),
])
def test_matters_of_several_kinds_reviewed_together_are_legality_reviews(text, value):
    """A list of kinds of matters reviewed: the reviews' total."""
    assert ("legality_reviews_count", value) in _ids(text)


def test_the_townships_reviews_are_not_the_regions():
    """全市21个乡镇(街道)累计审查行政合同、执法决定等2933件: the townships' tier."""
    assert _ids("全市21个乡镇(街道)累计审查行政合同、执法决定等2933件。") == []


def test_lawsuits_counted_as_filings_received():
    """全省法院一审行政案件收案17818件: first-instance filings."""
    assert ("admin_litigation_cases_count", "17818") in _ids("2003年,全省法院一审行政案件收案17818件。", 2003)


def test_the_government_systems_part_of_the_suggestions_put_forward():
    """代表共提出建议856件,其中归属省政府系统组织办理的778件: 778 handled by the government."""
    assert _ids("会议期间,代表共提出建议856件,其中归属省政府系统组织办理的778件。", 2017) == [
        ("npc_suggestions_handled_count", "778")]


def test_documents_filed_in_a_legality_review_sentence_are_not_reviews():
    """办理…合法性审查240件,备案规章、规范性文件198件: 240 reviews; 198 filed."""
    got = [v for i, v in _ids("办理省级重要文件合法性审查240件,备案规章、规范性文件198件。", 2020)
           if i == "legality_reviews_count"]
    assert got == ["240"]


def test_documents_made_and_published():
    """制定发布规范性文件4件: issued."""
    assert ("normative_documents_issued_count", "4") in _ids("制定发布规范性文件4件,现行有效文件20件。", 2024)


def test_the_year_before_stated_as_shang_yi_nian():
    """收到行政复议申请558件,较上一年的281件增加277件: 281 is 2021's."""
    assert ("admin_reconsideration_applications_count", 2021, "281") in _rows(
        "区政府全年收到行政复议申请558件,较上一年的281件增加277件。", 2022)


def test_closed_cases_beside_a_note_on_who_the_respondents_were():
    """…被申请人以市政府各部门为主;…本年度共审结行政复议案件33件: all closed cases; but
    以区政府为被申请人的复议案件共50件;目前审结43件 are one respondent's."""
    def closed(text):
        return [r[2] for r in _rows(text) if r[0] == "admin_reconsideration_closed_count"]
    assert closed("共收到行政复议申请35件,受理34件,被申请人以市政府各部门为主;本年度共审结行政复议案件33件。") == ["33"]
    assert closed("以区政府为被申请人的复议案件共50件;目前审结43件。") == []


def test_the_part_the_government_handles_of_suggestions_put_forward():
    """代表共提出建议…1034件,其中由省政府组织办理950件: 950."""
    assert _ids("省人代会期间,代表共提出建议、批评和意见1034件,其中由省政府组织办理950件。", 2016) == [
        ("npc_suggestions_handled_count", "950")]


def test_disputes_screened_and_mediated_are_mediation_cases():
    """共排查调解纠纷27.1万件,成功化解25.9万件,调解成功率95.6%: 27.1万 disputes mediated; 排查矛盾纠纷
    (screened only) is not."""
    assert ("people_mediation_cases_count", "271000") in _ids(
        "2025年,全省调解组织共排查调解纠纷27.1万件,成功化解25.9万件,调解成功率95.6%。", 2025)
    assert [i for i, _ in _ids("全年排查矛盾纠纷1200件。")] == []


def test_an_audit_year_from_the_report_year_into_the_next_is_that_years():
    """2018年7月至2019年6月,全市审计系统共组织完成审计和审计调查项目108个 (report 2018): 2018's."""
    frame = indicators.extract_indicators(
        "2018年7月至2019年6月,全市审计系统共组织完成审计和审计调查项目108个。", 2018)
    assert (frame["indicator_id"].tolist(), frame["ref_year"].tolist(), frame["value"].tolist(),
            frame["period"].tolist()) == (["audit_projects_count"], [2018], ["108"], ["2018年7月至2019年6月"])


def test_a_span_ending_in_the_report_year_stays_several_years():
    """2020年7月至2021年6月 in a 2021 report: dated by its start or its end? Not taken."""
    assert _ids("2020年7月至2021年6月,市审计局共完成审计和审计调查项目43个。", 2021) == []


def test_the_first_instance_filings_of_a_sentence_about_lawsuits():
    """受理行政诉讼案件27188件,…其中一审收案17413件: first-instance filings 17413; a court's
    一审收案 with no word of administrative cases is not."""
    assert [v for i, v in _ids("2016年,全省法院受理行政诉讼案件27188件,同比增长28.7%,其中一审收案17413件。", 2016)
            if i == "admin_litigation_cases_count"] == ["17413"]
    assert _ids("2016年,全市法院一审收案35000件。", 2016) == []


def test_the_verb_after_a_lead_naming_normative_documents():
    """本年出台行政规范性文件:制发2件,废止1件: 2 issued, 1 repealed."""
    assert _ids("本年出台行政规范性文件:制发2件,废止1件,现行有效22件。") == [
        ("normative_documents_issued_count", "2"), ("normative_documents_repealed_count", "1")]


def test_suggestions_and_proposals_counted_before_their_noun_and_handed_to_the_government():
    """将24件人大代表建议意见、23件政协委员提案转交县人民政府办理: both handled; 代表提出的8609件
    建议已全部办理完毕 is every organ's, not the government's."""
    assert _ids("会议举行交接仪式,将24件人大代表建议意见、23件政协委员提案转交县人民政府办理。", 2020) == [
        ("npc_suggestions_handled_count", "24"), ("cppcc_proposals_handled_count", "23")]
    assert _ids("全国人大四次会议期间代表提出的8609件建议、批评和意见已全部办理完毕。", 2016) == []


def test_a_years_level_compared_with_is_that_years_value():
    """2008年…共收到申请9388件,比2007年增加2903件;申请量仅次于2005年的12465件: 12465 is 2005's."""
    assert ("foi_requests_count", 2005, "12465") in _rows(
        "政府信息公开申请方面,2008年全市行政机关共收到申请9388件,比2007年增加2903件;申请量仅次于2005年的12465件。", 2008)


def test_a_bare_mediated_clause_after_the_disputes():
    """共排查矛盾纠纷8451件,调处8438件: 8438 mediated; 行政复议…,调解30件 is not people's mediation."""
    assert ("people_mediation_cases_count", "8438") in _ids("全市各级人民调解组织共排查矛盾纠纷8451件,调处8438件。", 2016)
    assert [i for i, v in _ids("全年办理行政复议案件100件,化解纠纷40件,调解30件。") if v == "30"] == []


def test_a_part_opening_with_now_is_not_the_sentences_opening_year():
    """截至2017年底,…其中公职律师802人;目前全省公职律师已达1633人 (report 2018): 802 is 2017's,
    1633 the report year's."""
    got = [(y, v) for i, y, v in _rows("截至2017年底,全省有律师9923人,其中公职律师802人;目前全省公职律师已达1633人。", 2018)
           if i == "public_lawyers_count"]
    assert got == [(2017, "802"), (2018, "1633")]


@pytest.mark.parametrize("span, taken", [
    ("2018年1月至2019年1月", True),   # twelve months
    ("2018年7月至2019年6月", True),   # eleven months and the rest of the last
    ("2018年7月至2019年8月", False),  # thirteen months: several years
])
def test_a_span_of_twelve_months_from_the_report_year(span, taken):
    """Only a span of at most twelve months from the report year is that year's."""
    got = _ids(f"{span},全市审计系统共组织完成审计项目108个。", 2018)
    assert (got == [("audit_projects_count", "108")]) is taken


def test_the_year_of_the_last_part_of_a_sentence():
    """Three parts, each opening with its year (after a colon, then semicolons): each rate its own."""
    got = [(y, v) for i, y, v in _rows(
        "败诉情况如下:2021年度败诉率为15.82%;2022年度败诉率为17.62%;2023年度败诉率为12.5%。", 2023)
        if i == "admin_litigation_loss_rate_pct"]
    assert got == [(2021, "15.82"), (2022, "17.62"), (2023, "12.5")]
