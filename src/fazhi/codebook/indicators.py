"""The indicator codebook: what each indicator means and the rules that extract it.

Every indicator has an id (fixed; never renamed), Chinese and English names, a unit, the chapter of
《法治政府建设实施纲要（2021－2025年）》 it belongs to, a definition, a scope note (what it does
not include) and extraction rules. Published as data/codebook.csv; documented in the README.

Rules (applied by `fazhi.indicators`) look at one quantity found by `find_quantities` and the text
around it:
- window:   the clause before the quantity (from the last , ; 。 : or the previous quantity);
- before:   a pattern that must END the window (filler such as 达, 为, 共, 保持 may follow it);
- within:   a pattern that must occur somewhere in the window;
- after:    a pattern that must START the text after the quantity (up to the clause's end);
- sentence: a pattern that must occur in the sentence before the quantity;
- tail:     a pattern that must occur in the rest of the sentence after the quantity (to the
            next ; or 。: 召开常务会议3次,专题研究法治政府建设工作);
- topic:    the subject the sentence was last about before the quantity (see TOPICS) must be this;
- units:    the quantity's unit must be one of these ("" = printed without a unit);
- exclude:  a pattern that must NOT occur in the window; exclude_sentence: not in the sentence
            before the quantity.
An indicator may have several alternative rules. Precision comes first: a rule that is not sure is
written narrowly, and a number it misses stays visibly missing.
"""

from __future__ import annotations

from importlib import resources

import yaml

# Subjects a sentence can be about; the last one mentioned before a number decides its topic.
TOPICS = {
    "foi": r"依申请公开|信息公开申请",
    "reconsideration": r"复议",
    "litigation": r"行政诉讼|行政案件|行政应诉|应诉|被告|一审",
    "mediation": r"调解|调处|矛盾纠纷|化解",
}

# Filler allowed between a cue and its number: 达到, 为, 共计, 保持, ...
FILLER = (r"(?:达到|达|为|是|共计|共有|共|总数|总计|合计|计|保持|在|已经|已|了|均|有|累计|分别为|"
          r"增至|增加到|提高到|提高至|提升至|上升至|下降至|降至|降低至|减少至|"
          r"历史性|首次|进一步|持续|稳步|逐步|"
          r"较上年的?|比上年的?|较去年的?|比去年的?)*")
INDICATORS: dict[str, dict] = {
    "rule_of_law_meetings_count": {
        "name_zh": "研究法治建设的专题会议", "name_en": "Meetings on rule-of-law work",
        "unit": "次", "outline_chapter": 10,
        "definition": "Meetings of the party committee or the government (standing committee, "
        "executive meeting, rule-of-law committee) held to study or plan rule-of-law work.",
        "scope_note": "Not law-study sessions (学法), symposia, coordination or joint-inspection "
        "meetings, case discussion meetings, trainings, or an ordinal such as 第一次会议.",
    },
    "commitment_certification_items_count": {
        "name_zh": "实行告知承诺制的证明事项", "name_en": "Certification items under notification-commitment",
        "unit": "项", "outline_chapter": 2,
        "definition": "Certification items (证明事项) handled under the notification-commitment "
        "system (告知承诺制).",
        "scope_note": "Not the list of certification items still required (实施清单).",
    },
    "certification_items_cancelled_count": {
        "name_zh": "取消的证明事项", "name_en": "Certification items cancelled",
        "unit": "项", "outline_chapter": 2,
        "definition": "Certification items (证明事项) cancelled in the year.",
        "scope_note": "",
    },
    "legality_reviews_count": {
        "name_zh": "合法性审查(审核)件数", "name_en": "Legality reviews",
        "unit": "件", "outline_chapter": 3,
        "definition": "Normative documents, major decisions, contracts and other matters reviewed "
        "for legality (合法性审查/审核) by the government's legal office.",
        "scope_note": "The whole region's or the government's own figure: not the townships' tier "
        "alone, not legal advisers' participation (件次), not a coverage rate.",
    },
    "normative_documents_issued_count": {
        "name_zh": "制发行政规范性文件", "name_en": "Normative documents issued",
        "unit": "件", "outline_chapter": 3,
        "definition": "Administrative normative documents (行政规范性文件) issued in the year.",
        "scope_note": "Not local regulations or government rules, not documents examined in a "
        "clean-up, not documents filed, not plans.",
    },
    "normative_documents_filed_count": {
        "name_zh": "规范性文件备案", "name_en": "Normative documents filed for review",
        "unit": "件", "outline_chapter": 3,
        "definition": "Normative documents filed upward (报送备案) or registered for filing "
        "review (备案登记/备案审查).",
        "scope_note": "Not the filing rate (备案率).",
    },
    "normative_documents_cleanup_reviewed_count": {
        "name_zh": "清理(梳理)的规范性文件", "name_en": "Normative documents examined in a clean-up",
        "unit": "件", "outline_chapter": 3,
        "definition": "Total number of normative documents examined in a clean-up (清理/梳理).",
        "scope_note": "Not the number of clean-up campaigns, not a subset kept in force, not "
        "clean-ups that mix in local regulations or government rules.",
    },
    "normative_documents_repealed_count": {
        "name_zh": "废止(宣布失效)的规范性文件", "name_en": "Normative documents repealed",
        "unit": "件", "outline_chapter": 3,
        "definition": "Normative documents repealed or declared invalid, including those listed to "
        "be repealed (拟废止) in a clean-up.",
        "scope_note": "Not local regulations or government rules.",
    },
    "normative_documents_amended_count": {
        "name_zh": "修改(修订)的规范性文件", "name_en": "Normative documents amended",
        "unit": "件", "outline_chapter": 3,
        "definition": "Normative documents amended or revised, including those listed to be "
        "amended (拟修改/拟修订) in a clean-up.",
        "scope_note": "Not government rules (规章) amended.",
    },
    "major_decision_catalog_items_count": {
        "name_zh": "重大行政决策事项目录事项", "name_en": "Items in the major-decision catalogue",
        "unit": "项", "outline_chapter": 4,
        "definition": "Items listed in the government's catalogue of major administrative "
        "decisions (重大行政决策事项目录).",
        "scope_note": "Not counts of towns or departments asked to make catalogues, not the "
        "publication rate.",
    },
    "agencies_with_legal_advisers_count": {
        "name_zh": "聘请法律顾问的党政机关", "name_en": "Party and government agencies with legal advisers",
        "unit": "个", "outline_chapter": 4,
        "definition": "Party and government agencies that have engaged legal advisers.",
        "scope_note": "Not units that set up a legal section, not the number of advisers, not "
        "the government clients of the region's lawyers (律师担任政府法律顾问N家: lawyer advisers only).",
    },
    "public_lawyers_count": {
        "name_zh": "公职律师", "name_en": "Public-sector lawyers",
        "unit": "人", "outline_chapter": 4,
        "definition": "Public-sector lawyers (公职律师) in the government's agencies.",
        "scope_note": "Not staff with a legal qualification, not people trained.",
    },
    "certified_enforcement_officers_count": {
        "name_zh": "持证行政执法人员", "name_en": "Certified law-enforcement officers",
        "unit": "人", "outline_chapter": 5,
        "definition": "Holders of an administrative law-enforcement certificate (执法证).",
        "scope_note": "Not exam takers, trainees, new recruits or officers deployed to townships; "
        "not the certificate-holding rate.",
    },
    "enforcement_case_files_reviewed_count": {
        "name_zh": "行政执法案卷评查", "name_en": "Enforcement case files reviewed",
        "unit": "卷", "outline_chapter": 5,
        "definition": "Administrative enforcement case files reviewed (案卷评查).",
        "scope_note": ("Not the number of departments inspected, nor the files of one grade "
                       "(优秀案卷) or of other work (legal aid, reconsideration)."),
    },
    "enforcement_supervision_notices_count": {
        "name_zh": "行政执法监督书(建议书)", "name_en": "Enforcement supervision notices",
        "unit": "份", "outline_chapter": 5,
        "definition": "Supervision notices or recommendations (行政执法监督书/建议书/意见书) issued "
        "by the government's enforcement supervisors.",
        "scope_note": "Not procuratorial suggestions (检察建议), not rectification orders to firms.",
    },
    "random_inspections_count": {
        "name_zh": "“双随机、一公开”抽查", "name_en": "Random inspections (双随机、一公开)",
        "unit": "次", "outline_chapter": 5,
        "definition": "Inspections under the double-random, one-public (双随机、一公开) regime.",
        "scope_note": "Not a subset such as joint inspections, not product sampling batches, not "
                      "all inspections when the text does not say they were random.",
    },
    "emergency_plans_count": {
        "name_zh": "应急预案", "name_en": "Emergency plans",
        "unit": "个", "outline_chapter": 6,
        "definition": "Emergency response plans (应急预案) made or revised.",
        "scope_note": "Not rescue teams, not drills.",
    },
    "admin_reconsideration_applications_count": {
        "name_zh": "收到行政复议申请", "name_en": "Administrative reconsideration applications received",
        "unit": "件", "outline_chapter": 7,
        "definition": "Applications for administrative reconsideration received by the government "
        "as the reviewing body.",
        "scope_note": "Not consultations (咨询); not cases where the government is the respondent "
        "(被复议机关).",
    },
    "admin_reconsideration_accepted_count": {
        "name_zh": "受理行政复议案件", "name_en": "Administrative reconsideration cases accepted",
        "unit": "件", "outline_chapter": 7,
        "definition": "Reconsideration applications accepted for review.",
        "scope_note": "Not applications refused (不予受理).",
    },
    "admin_reconsideration_rejected_count": {
        "name_zh": "不予受理的行政复议申请", "name_en": "Reconsideration applications refused",
        "unit": "件", "outline_chapter": 7,
        "definition": "Reconsideration applications refused as inadmissible (不予受理).",
        "scope_note": "Not applications dismissed on the merits (驳回).",
    },
    "admin_reconsideration_closed_count": {
        "name_zh": "审结(办结)行政复议案件", "name_en": "Reconsideration cases closed",
        "unit": "件", "outline_chapter": 7,
        "definition": "Reconsideration cases concluded (审结/办结/结案).",
        "scope_note": "Not litigation cases concluded.",
    },
    "admin_reconsideration_correction_rate_pct": {
        "name_zh": "行政复议纠错率", "name_en": "Reconsideration correction rate",
        "unit": "%", "outline_chapter": 7,
        "definition": "Share of reconsideration decisions that corrected the original act.",
        "scope_note": "",
    },
    "admin_litigation_cases_count": {
        "name_zh": "行政诉讼案件(全域一审)", "name_en": "Administrative litigation cases (region)",
        "unit": "件", "outline_chapter": 7,
        "definition": "First-instance administrative lawsuits filed or accepted in the whole region.",
        "scope_note": "Not cases with the government itself as defendant (its own indicator), not "
        "cases concluded or enforced, not a per-10,000 filing rate.",
    },
    "admin_litigation_gov_defendant_cases_count": {
        "name_zh": "以本级政府为被告的行政诉讼案件", "name_en": "Litigation cases against the government itself",
        "unit": "件", "outline_chapter": 7,
        "definition": "Administrative lawsuits in which the reporting government itself is the "
        "defendant (以本级政府为被告/为主体, 政府本级).",
        "scope_note": "Not all cases in the region, not cases concluded.",
    },
    "admin_litigation_loss_rate_pct": {
        "name_zh": "行政诉讼败诉率", "name_en": "Administrative litigation loss rate",
        "unit": "%", "outline_chapter": 7,
        "definition": "Share of concluded administrative lawsuits that the government lost.",
        "scope_note": "Not the judgment execution rate.",
    },
    "agency_head_court_appearance_rate_pct": {
        "name_zh": "行政机关负责人出庭应诉率", "name_en": "Agency heads' court appearance rate",
        "unit": "%", "outline_chapter": 7,
        "definition": "Share of administrative lawsuits in which the agency head appeared in court "
        "(also reported as 行政首长出庭率).",
        "scope_note": "Not the count of appearances.",
    },
    "people_mediation_cases_count": {
        "name_zh": "人民调解组织调解纠纷", "name_en": "Disputes mediated by people's mediation",
        "unit": "件", "outline_chapter": 7,
        "definition": "Disputes mediated by people's mediation organisations in the region.",
        "scope_note": "Not disputes screened (排查), not a subset by mode (视频调解), not all "
        "non-litigation services, not trainings.",
    },
    "people_mediation_success_count": {
        "name_zh": "调解成功(化解)纠纷", "name_en": "Disputes mediated successfully",
        "unit": "件", "outline_chapter": 7,
        "definition": "Mediated disputes resolved successfully (调解成功/成功化解).",
        "scope_note": "",
    },
    "people_mediation_success_rate_pct": {
        "name_zh": "调解成功率(化解率)", "name_en": "Mediation success rate",
        "unit": "%", "outline_chapter": 7,
        "definition": "Share of mediated disputes resolved successfully (also 化解率).",
        "scope_note": "Not the coverage of mediation committees.",
    },
    "legal_aid_cases_count": {
        "name_zh": "法律援助案件", "name_en": "Legal aid cases",
        "unit": "件", "outline_chapter": 7,
        "definition": "Legal aid cases accepted or handled.",
        "scope_note": "Not legal consultations, not forensic appraisal (司法鉴定), not the figure "
        "of one body (a legal aid centre, a law firm) or of one group of people stated alone.",
    },
    "npc_suggestions_handled_count": {
        "name_zh": "办理人大代表建议", "name_en": "People's congress deputies' suggestions handled",
        "unit": "件", "outline_chapter": 8,
        "definition": "Suggestions of people's congress deputies handled by the government.",
        "scope_note": "Not satisfaction rates.",
    },
    "cppcc_proposals_handled_count": {
        "name_zh": "办理政协提案", "name_en": "CPPCC members' proposals handled",
        "unit": "件", "outline_chapter": 8,
        "definition": "Proposals of CPPCC members handled by the government.",
        "scope_note": "Not satisfaction rates.",
    },
    "foi_requests_count": {
        "name_zh": "政府信息公开申请(依申请公开)", "name_en": "Freedom-of-information requests",
        "unit": "件", "outline_chapter": 8,
        "definition": "Requests for disclosure of government information (依申请公开) received or "
        "handled.",
        "scope_note": "Not hotline calls or mayor's-mailbox messages, not requests closed as a "
        "subset.",
    },
    "government_information_published_count": {
        "name_zh": "主动公开政府信息", "name_en": "Government information published proactively",
        "unit": "条", "outline_chapter": 8,
        "definition": "Items of government information published proactively (主动公开).",
        "scope_note": "The total over the channels (a figure for the website and a WeChat account "
                      "together is one); one channel's figure (a WeChat account, or the website "
                      "when another channel's figure is given in the same sentence) is a part.",
    },
    "audit_projects_count": {
        "name_zh": "审计项目", "name_en": "Audit projects",
        "unit": "个", "outline_chapter": 8,
        "definition": "Audit projects carried out by the audit office.",
        "scope_note": "Not contracts covered by investment audits.",
    },
}


# The extraction rules are data: rules.yaml beside this file, one reviewable entry per rule, each
# exclusion term on its own so that it can carry an example (tests/test_rules.py).
RULE_PARTS = ("topic", "sentence", "within", "before", "after", "after_or_window", "tail", "units",
              "stages", "exclude", "exclude_sentence", "whose", "periods")
TERM_LISTS = ("exclude", "exclude_sentence")


def load_rules() -> dict[str, dict]:
    """rules.yaml as loaded: indicator id → {allow_multi_year, rules: [...]}."""
    text = resources.files("fazhi.codebook").joinpath("rules.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def compile_rule(rule: dict) -> dict:
    """A rule as the extractor applies it: exclusion term lists become one alternation."""
    out = {k: v for k, v in rule.items() if k in RULE_PARTS}
    for key in TERM_LISTS:
        if key in out:
            out[key] = "|".join(out[key])
    return out


def _attach_rules() -> None:
    rules = load_rules()
    assert set(rules) == set(INDICATORS), f"rules.yaml and the codebook disagree: {set(rules) ^ set(INDICATORS)}"
    for indicator_id, spec in INDICATORS.items():
        entry = rules[indicator_id]
        spec["allow_multi_year"] = entry.get("allow_multi_year", False)
        spec["rules"] = [compile_rule(r) for r in entry["rules"]]
        spec["rule_ids"] = [r["id"] for r in entry["rules"]]
        spec["table_cells"] = entry.get("table_cells", [])
        spec["zero"] = entry.get("zero", [])


_attach_rules()
