"""The statutory elements of a report and the chapters of the 2021–2025 outline, with cue words.

ELEMENTS: the five contents every annual report must cover (法治政府建设与责任落实督察工作规定,
Art. 25 — article number as given in REFERENCE.md, still to be verified against the official text).
`heading_cues` label a numbered section by its heading; `sentence_cues` find the element in running
text (stricter, since a single word such as 难题 also occurs in ordinary results).

OUTLINE_CHAPTERS: the ten chapters of 《法治政府建设实施纲要（2021－2025年）》 as summarised in
REFERENCE.md (wording of chapters 4–10 still to be verified); a section or paragraph gets the
chapter whose cue words it contains most often.
"""

from __future__ import annotations

# 督察工作规定 Art. 24: reports are made public every year before 1 April of the following year.
# (month, day) of the deadline in report_year + 1; `fazhi.compliance` is the one place that uses it.
PUBLICATION_DEADLINE = (4, 1)

ELEMENTS: dict[str, dict] = {
    "measures_and_results": {
        "name_zh": "主要举措和成效",
        "name_en": "Main measures and results of the year",
        "heading_cues": ["主要举措", "成效", "工作开展情况", "主要做法"],
        "sentence_cues": [],
    },
    "shortcomings": {
        "name_zh": "存在的不足和原因",
        "name_en": "Shortcomings and their causes",
        "heading_cues": ["存在的问题", "存在问题", "问题和不足", "不足", "短板", "差距", "难题",
                         "难点", "薄弱"],
        "sentence_cues": ["存在的问题", "存在问题", "问题和不足", "存在的不足", "存在一些不足",
                          "不足之处", "短板弱项", "仍存在", "还存在", "仍然存在"],
    },
    "leader_duties": {
        "name_zh": "党政主要负责人履行推进法治建设第一责任人职责情况",
        "name_en": "Principal leaders' performance as first responsible persons for the rule of law",
        "heading_cues": ["第一责任人", "主要负责人履行", "党对法治政府建设的领导"],
        "sentence_cues": ["第一责任人职责", "述法"],
    },
    "next_year_plan": {
        "name_zh": "下一年度主要安排",
        "name_en": "Main plans for the next year",
        "heading_cues": ["下一步", "下一年度", "工作打算", "工作计划", "工作安排", "主要安排",
                         "工作思路", "努力方向"],
        # Sentence cues apply at the start of a sentence; {next_year} is report_year + 1.
        "sentence_cues": ["下一步", "下一年度", "{next_year}年,", "{next_year}年,", "今后"],
    },
    "other_matters": {
        "name_zh": "其他需要报告的情况",
        "name_en": "Other matters to report",
        "heading_cues": ["其他需要报告", "其他事项", "其他情况"],
        "sentence_cues": ["其他需要报告"],
    },
}

OUTLINE_CHAPTERS: dict[int, dict] = {
    1: {"name_zh": "深入学习贯彻习近平法治思想，努力实现法治政府建设全面突破",
        "name_en": "Xi Jinping Thought on the Rule of Law; overall goals",
        "cues": ["习近平法治思想", "法治政府建设示范", "示范创建", "实施纲要"]},
    2: {"name_zh": "健全政府机构职能体系，推动更好发挥政府作用",
        "name_en": "Government functions: streamlining, delegation, services, business environment",
        "cues": ["放管服", "营商环境", "权力清单", "责任清单", "政务服务", "证明事项", "告知承诺",
                 "行政许可", "审批", "一网通办", "简政放权", "市场准入", "信用"]},
    3: {"name_zh": "健全依法行政制度体系，加快推进政府治理规范化程序化法治化",
        "name_en": "Legislation, normative documents, legality review and filing review",
        "cues": ["立法", "规范性文件", "合法性审查", "合法性审核", "备案审查", "清理", "政府规章",
                 "地方性法规"]},
    4: {"name_zh": "健全行政决策制度体系，不断提升行政决策公信力和执行力",
        "name_en": "Administrative decision-making: major decisions, legal advisers",
        "cues": ["重大行政决策", "决策", "法律顾问", "公职律师", "专家论证", "风险评估", "公众参与"]},
    5: {"name_zh": "健全行政执法工作体系，全面推进严格规范公正文明执法",
        "name_en": "Administrative law enforcement",
        "cues": ["行政执法", "执法", "三项制度", "案卷评查", "双随机", "裁量", "执法证",
                 "综合执法", "执法监督"]},
    6: {"name_zh": "健全突发事件应对体系，依法预防处置重大突发事件",
        "name_en": "Emergency response",
        "cues": ["突发事件", "应急", "应急预案", "疫情防控", "防汛", "救援"]},
    7: {"name_zh": "健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义",
        "name_en": "Dispute resolution: mediation, adjudication, reconsideration, litigation",
        "cues": ["行政复议", "行政诉讼", "应诉", "出庭", "调解", "矛盾纠纷", "行政裁决", "信访",
                 "法律援助", "公共法律服务", "诉源治理"]},
    8: {"name_zh": "健全行政权力制约和监督体系，促进行政权力规范透明运行",
        "name_en": "Checks on administrative power: supervision, audit, openness",
        "cues": ["人大代表建议", "政协提案", "审计", "政务公开", "信息公开", "依申请公开", "监督",
                 "问责", "司法建议", "检察建议"]},
    9: {"name_zh": "健全法治政府建设科技保障体系，全面建设数字法治政府",
        "name_en": "Digital rule-of-law government",
        "cues": ["数字法治政府", "数字政府", "信息化", "大数据", "互联网", "数字化", "智慧", "平台"]},
    10: {"name_zh": "加强党的领导，完善法治政府建设推进机制",
         "name_en": "Party leadership and implementation mechanisms",
         "cues": ["党的领导", "党委", "第一责任人", "述法", "督察", "考核", "年度报告", "学法",
                  "领导干部", "普法", "法治宣传", "法治素养", "法治队伍", "法治工作队伍"]},
}
