"""Real-world inputs: other encodings, HTML pages, traditional characters, bad files."""

from __future__ import annotations

import opencc
import pandas as pd
import pytest

from fazhi import extract, paths
from fazhi.ingest import stage as ingest
from fazhi.ingest import decode
from fazhi.chinese import simplified

SEED = "004_2c3212e3c32bb1b1.txt"  # 海东市乐都区 2022: encodable in GBK, and in Big5 once traditional
METADATA = ["title", "issuer", "issuer_type", "region_code", "admin_level", "report_year",
            "publish_date"]


def _utf8() -> str:
    return (paths.RAW / SEED).read_text(encoding="utf-8")


def _html(text: str) -> str:
    """The seed as a typical government web page: navigation, a meta date, a footer."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title, body = lines[0], [line for line in lines[2:]]
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<meta name="PubDate" content="2022-12-09 10:00"></head><body>
<div class="nav"><a href="/">网站首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">互动交流</a></div>
<div class="crumb">当前位置:首页 &gt; 政务公开 &gt; 法治政府建设年度报告</div>
<div class="article"><h1>{title}</h1><div class="info">浏览:6215次 时间:2022-12-09 来源:本站</div>
<div class="content">{paragraphs}</div></div>
<div class="footer">主办:海东市乐都区人民政府 版权所有 技术支持:某某公司</div></body></html>"""


def _ingest(name: str, raw: bytes):
    reports, rejects, texts = ingest.run({name: raw}, pd.DataFrame(columns=["file"]))
    assert rejects.empty, rejects.to_dict("records")
    report = reports.iloc[0]
    return report, texts[report["report_id"]]


def _indicator_values(report, text) -> set:
    _, found, _ = extract.run({report["report_id"]: text}, {report["report_id"]: report["report_year"]})
    return set(zip(found["indicator_id"], found["ref_year"], found["value"]))


@pytest.fixture(scope="module")
def reference():
    return _ingest(SEED, _utf8().encode("utf-8"))


@pytest.mark.parametrize("variant", ["gbk", "html", "big5-traditional", "utf8-traditional-pinyin"])
def test_variant_gives_the_same_metadata(reference, variant):
    """GBK text, an HTML page, Big5 traditional, traditional with pinyin: same report metadata."""
    report, _ = _variant(variant)
    for column in METADATA:
        assert report[column] == reference[0][column], (variant, column)


@pytest.mark.parametrize("variant", ["gbk", "html", "big5-traditional", "utf8-traditional-pinyin"])
def test_variant_gives_the_same_indicators(reference, variant):
    """The same indicator values (id, year, value) come out of every variant of the report."""
    report, text = _variant(variant)
    assert _indicator_values(report, text) == _indicator_values(*reference)


def _variant(variant: str):
    text = _utf8()
    if variant == "gbk":
        return _ingest("a.txt", text.encode("gbk"))
    if variant == "html":
        return _ingest("a.html", _html(text).encode("utf-8"))
    traditional = opencc.OpenCC("s2tw").convert(text)
    if variant == "big5-traditional":
        return _ingest("a.txt", traditional.encode("big5"))
    with_pinyin = traditional.replace("領導", "領(lǐng)導").replace("區", "區(qū)", 3)
    return _ingest("a.txt", with_pinyin.encode("utf-8"))


def test_traditional_text_is_published_as_printed():
    """A traditional-character report keeps its characters in data/texts; only detection
    and extraction read the simplified view (same offsets)."""
    report, text = _variant("big5-traditional")
    assert "樂都區" in text and "乐都区" not in text
    assert report["title"] == "海东市乐都区人民政府2022年度法治政府建设工作报告"
    assert len(simplified(text)) == len(text)


def test_pinyin_notes_of_machine_conversion_are_removed():
    """領(lǐng)導 becomes 領導: the pinyin note is conversion debris, not report text."""
    _, text = _variant("utf8-traditional-pinyin")
    assert "(lǐng)" not in text and "(qū)" not in text


def test_html_page_furniture_is_left_out():
    """Navigation, breadcrumb, view counter and footer of the page are not in the text."""
    _, text = _variant("html")
    for furniture in ("网站首页", "当前位置", "浏览", "版权所有", "技术支持"):
        assert furniture not in text


def test_html_publish_date_comes_from_the_page():
    """The page's PubDate (or its 时间 line) gives the publish date."""
    report, _ = _variant("html")
    assert report["publish_date"] == "2022-12-09"


def test_undecodable_bytes_are_rejected_with_a_reason():
    """Bytes that are neither UTF-8 nor plausible GB18030/Big5 Chinese are a reject."""
    import random

    rng = random.Random(7)
    noise = bytes(rng.randrange(0x81, 0xFF) for _ in range(3000))
    _, rejects, _ = ingest.run({"noise.txt": noise}, pd.DataFrame(columns=["file"]))
    assert rejects.iloc[0]["reason"].startswith("undecodable")


def test_truncated_file_still_becomes_a_report():
    """A UTF-8 file cut in the middle of a character is read, not lost."""
    raw = _utf8().encode("utf-8")
    cut = raw[: len(raw) // 2 + 1]
    try:
        cut.decode("utf-8")
        cut = cut[:-1] + b"\xe6"
    except UnicodeDecodeError:
        pass
    reports, rejects, _ = ingest.run({"cut.txt": cut}, pd.DataFrame(columns=["file"]))
    assert len(reports) + len(rejects) == 1
    assert len(reports) == 1, rejects.to_dict("records")


def test_big5_is_told_apart_from_gb18030():
    """Big5 bytes (which GB18030 also decodes, into rare characters) are decoded as Big5."""
    text = opencc.OpenCC("s2tw").convert(_utf8())
    decoded, encoding = decode.decode(text.encode("big5"))
    assert encoding == "big5" and decoded == text
