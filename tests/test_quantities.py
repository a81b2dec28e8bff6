"""find_quantities: every form of number, every exclusion, exact values, exact offsets."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.quantities import UNITS, find_quantities, parse_chinese

D = Decimal

# (text, [(surface, value, unit, qualifier, lower, upper, ref_year), ...]) — written by hand.
FORMS = [
    # Arabic, thousands separators, decimals, full-width digits
    ("受理112件", [("112件", D(112), "件", "exact", None, None, None)]),
    ("共1,234人次", [("1,234人次", D(1234), "人次", "exact", None, None, None)]),
    ("成功率99.54%", [("99.54%", D("99.54"), "%", "exact", None, None, None)]),
    ("受理１２３件", [("１２３件", D(123), "件", "exact", None, None, None)]),
    # Chinese numerals
    ("调解纠纷一万三千八百六十二件", [("一万三千八百六十二件", D(13862), "件", "exact", None, None, None)]),
    ("开展两次督察", [("两次", D(2), "次", "exact", None, None, None)]),
    ("设立十六个站点", [("十六个", D(16), "个", "exact", None, None, None)]),
    ("一百零五名", [("一百零五名", D(105), "人", "exact", None, None, None)]),
    # mixed magnitudes
    ("对接3万件", [("3万件", D(30000), "件", "exact", None, None, None)]),
    ("资金1.2亿元", [("1.2亿元", D(120000000), "元", "exact", None, None, None)]),
    ("减少损失6614.14万元", [("6614.14万元", D(66141400), "元", "exact", None, None, None)]),
    ("上报近200万条", [("近200万条", D(2000000), "条", "less_than", None, D(2000000), None)]),
    ("来电110余万件", [("110余万件", D(1100000), "件", "more_than", D(1100000), None, None)]),
    # percentages and percentage points
    ("覆盖率百分之九十九", [("百分之九十九", D(99), "%", "exact", None, None, None)]),
    ("提高3.5个百分点", [("3.5个百分点", D("3.5"), "个百分点", "exact", None, None, None)]),
    # ranges
    ("占4%到5%", [("4%到5%", None, "%", "range", D(4), D(5), None)]),
    ("办理10至15件", [("10至15件", None, "件", "range", D(10), D(15), None)]),
    ("占4%-5%", [("4%-5%", None, "%", "range", D(4), D(5), None)]),
    # qualifiers
    ("约3000人", [("约3000人", D(3000), "人", "approx", None, None, None)]),
    ("3000人左右", [("3000人左右", D(3000), "人", "approx", None, None, None)]),
    ("会议10余次", [("10余次", D(10), "次", "more_than", D(10), None, None)]),
    ("培训20多人", [("20多人", D(20), "人", "more_than", D(20), None, None)]),
    ("举办百余场", [("百余场", D(100), "场", "more_than", D(100), None, None)]),
    ("超过200人", [("超过200人", D(200), "人", "more_than", D(200), None, None)]),
    ("达98%以上", [("98%以上", D(98), "%", "at_least", D(98), None, None)]),
    ("不少于30学时", [("不少于30学时", D(30), "学时", "at_least", D(30), None, None)]),
    ("突破90.7%", [("突破90.7%", D("90.7"), "%", "at_least", D("90.7"), None, None)]),
    ("不足5件", [("不足5件", D(5), "件", "less_than", None, D(5), None)]),
    ("10人以下", [("10人以下", D(10), "人", "at_most", None, D(10), None)]),
    ("达到6人", [("6人", D(6), "人", "exact", None, None, None)]),
    # changes and the year a value refers to
    ("同比下降32.26%", [("32.26%", D("32.26"), "%", "exact", None, None, None)]),
    ("出庭应诉率由86%提升至100%", [("86%", D(86), "%", "exact", None, None, None),
                                   ("100%", D(100), "%", "exact", None, None, None)]),
    ("从2021年的6.19%下降至3.49%", [("6.19%", D("6.19"), "%", "exact", None, None, 2021),
                                    ("3.49%", D("3.49"), "%", "exact", None, None, None)]),
    ("2023年共审查合同95件", [("95件", D(95), "件", "exact", None, None, 2023)]),
    ("考试人数较2021年增加了50%", [("50%", D(50), "%", "exact", None, None, None)]),
    ("2020年至2022年公布的文件总数6件", [("6件", D(6), "件", "exact", None, None, None)]),
    # enumerations sharing a unit
    ("维持26件,驳回4件", [("26件", D(26), "件", "exact", None, None, None),
                          ("4件", D(4), "件", "exact", None, None, None)]),
    ("分别为3、5件", [("3", D(3), "件", "exact", None, None, None),
                       ("5件", D(5), "件", "exact", None, None, None)]),
    # a bare Arabic number is still a quantity (reports drop units)
    ("行政合同95全面实施", [("95", D(95), None, "exact", None, None, None)]),
    # 名 → 人, 件(次) → 件次, 大类 → 类
    ("选聘5名监督员", [("5名", D(5), "人", "exact", None, None, None)]),
    ("行政诉讼案件23件(次)", [("23件(次)", D(23), "件次", "exact", None, None, None)]),
    ("分为六大类", [("六大类", D(6), "类", "exact", None, None, None)]),
    # 近 with a duration is "the last", not "under"
    ("近三年来", [("三年", D(3), "年", "exact", None, None, None)]),
]

EXCLUDED = [
    "2022年", "2023年3月", "2024-02-26 14:37", "2019年12月5日", "二〇二二年", "12月上旬",
    "第一次会议", "第五次全面清理", "十六届", "党的十九大", "二十大精神",
    "一是加强", "(一)强化组织", "（一）强化组织", "一、主要举措", " 1.加强领导", "\n2、深入学习",
    "〔2019〕28号", "皖府法领办〔2022〕11号",
    "“八五”普法", "三项制度", "四个意识", "“5H”创建", "12345热线", "S2高速", "2.0系统",
    "“1+7+N”", "“一件事”", "一网通办", "4×4•专业", "《纲要(2021-2025年)》", "(2021-2025年)",
    "电话0571-87654321", "手机13912345678", "十四五规划", "一批典型", "一名干部", "进一步",
    "千方百计", "百姓", "千万", "一年来", "每季度",
]


def _rows(text: str) -> list[tuple]:
    return [(q.surface, q.value, q.unit, q.qualifier, q.lower, q.upper, q.ref_year)
            for q in find_quantities(text)]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[f[0] for f in FORMS])
def test_form_is_parsed_exactly(text, expected):
    """Each form of quantity gives exactly the hand-written value, unit, qualifier, bounds."""
    assert _rows(text) == expected


@pytest.mark.parametrize("text", EXCLUDED)
def test_non_quantity_is_excluded(text):
    """Years, dates, ordinals, list markers, document numbers, names and slogans are not quantities."""
    assert _rows(text) == []


def test_offsets_point_at_the_surface():
    """text[start:end] == surface for every quantity of a mixed paragraph."""
    text = "2022年,全市共受理行政复议申请62件,不予受理11件,纠错率1.52%,调解成功13799起。"
    quantities = find_quantities(text)
    assert [q.surface for q in quantities] == ["62件", "11件", "1.52%", "13799起"]
    assert all(text[q.start:q.end] == q.surface for q in quantities)


@pytest.mark.parametrize("numeral", ["十六", "两百", "一万三千八百六十二", "三千零五", "十万零一",
                                     "一亿二千万", "九千九百九十九万", "二十", "一百一十", "三点一四"])
def test_chinese_numerals_agree_with_cn2an(numeral):
    """parse_chinese agrees with cn2an on pure numerals."""
    assert parse_chinese(numeral) == Decimal(str(cn2an.cn2an(numeral, "normal")))


# --- property tests ---------------------------------------------------------------------------

NOT_CONTEXT = set("零〇○一二两三四五六七八九十百千万亿点第余多以左右下上约近超过不少于突破足逾达大"
                  "版系统平台热线年月日号届是、,.，。%％")
NOT_CONTEXT |= {u[0] for u in UNITS}
CONTEXT = [c for c in "法治政府建设推进工作情况审查监督管理服务全市区县依法行政规范文件执法复议诉讼调解"
           if c not in NOT_CONTEXT]
context = st.text(alphabet=CONTEXT, min_size=1, max_size=12)
SIMPLE_UNITS = ["件", "人次", "项", "个", "条", "元", "家", "份"]


@st.composite
def rendered(draw):
    """A random quantity rendered in one of the supported forms, with its true value."""
    form = draw(st.sampled_from(["arabic", "separated", "fullwidth", "decimal", "chinese", "mixed"]))
    n = draw(st.integers(min_value=2, max_value=99_999_999))
    if form == "arabic":
        surface, value = str(n), Decimal(n)
    elif form == "separated":
        surface, value = f"{n:,}", Decimal(n)
    elif form == "fullwidth":
        surface, value = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")), Decimal(n)
    elif form == "decimal":
        cents = draw(st.integers(min_value=1, max_value=99))
        surface, value = f"{n}.{cents:02d}".rstrip("0"), Decimal(f"{n}.{cents:02d}").normalize()
    elif form == "chinese":
        surface, value = cn2an.an2cn(str(n), "low"), Decimal(n)
    else:
        small = n % 10_000 or 7
        magnitude = draw(st.sampled_from([("万", 10**4), ("亿", 10**8)]))
        surface, value = f"{small}{magnitude[0]}", Decimal(small) * magnitude[1]
    unit = draw(st.sampled_from(SIMPLE_UNITS))
    qualifier = draw(st.sampled_from(["exact", "approx", "more_than", "at_least", "over"]))
    if qualifier == "approx":
        surface = "约" + surface + unit
    elif qualifier == "more_than":
        surface = surface + "余" + unit
    elif qualifier == "at_least":
        surface = surface + unit + "以上"
    elif qualifier == "over":
        surface, qualifier = "超过" + surface + unit, "more_than"
    else:
        surface = surface + unit
    return surface, value, unit, qualifier


@settings(max_examples=300, deadline=None)
@given(before=context, quantity=rendered(), after=context)
def test_rendered_quantity_parses_back_exactly(before, quantity, after):
    """Any supported rendering inside Chinese context parses back to its exact value and unit."""
    surface, value, unit, qualifier = quantity
    text = before + surface + after
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    q = found[0]
    assert (q.surface, q.value, q.unit, q.qualifier) == (surface, value, unit, qualifier)
    assert text[q.start:q.end] == surface


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_offsets_hold_on_arbitrary_text(text):
    """On arbitrary Unicode, find_quantities never raises and offsets always hold."""
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.surface


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789一二三十百千万亿余多以上约近第年月日件次项%、,.()“”《》+-至到",
               max_size=200))
def test_offsets_hold_on_number_heavy_text(text):
    """On dense runs of digits, numerals and punctuation, offsets still hold and values are exact."""
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.surface
        assert q.value is not None or q.qualifier == "range"


@pytest.mark.parametrize("name", ["digits", "digits_and_commas", "enumeration", "brackets",
                                  "quotes", "numerals", "letters_digits"])
def test_adversarial_input_is_handled(name):
    """Long runs of digits, 、, brackets, quotes, numerals: parsed with valid offsets.

    Not a timed assertion (timings live in `make bench`); a backtracking pattern would make this
    test take minutes instead of milliseconds.
    """
    from fazhi.bench import adversarial_inputs

    text = adversarial_inputs(50_000)[name] + "\n共审查文件95件。"
    found = find_quantities(text)
    assert found[-1].surface == "95件", "the quantity after the adversarial run was lost"
    assert all(text[q.start:q.end] == q.surface for q in found)


def test_a_date_does_not_run_across_a_line_break():
    """2022年 over a table row 12.5 9.8: the row's numbers are quantities, not 2022年12月5日."""
    from fazhi.quantities import find_quantities
    assert [q.surface for q in find_quantities("2021年 2022年\n12.5 9.8\n")] == ["12.5", "9.8"]


def test_yue_wei_before_a_number_is_approximate():
    """纠错率约为23%: 约为 is the qualifier, in the surface."""
    from fazhi.quantities import find_quantities
    q = find_quantities("纠错率约为23%")[0]
    assert (q.surface, q.qualifier, str(q.value)) == ("约为23%", "approx", "23")


def test_yinei_is_at_most():
    """6%以内 (within 6%) is at most 6, with 6 as its upper bound."""
    (q,) = find_quantities("败诉率降至6%以内")
    assert (q.value, q.qualifier, q.upper, q.surface) == (Decimal("6"), "at_most", Decimal("6"), "6%以内")
