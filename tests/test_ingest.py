"""Ingest: decoding, boilerplate removal, normalisation, metadata, rejects."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pytest

from fazhi import paths
from fazhi.ingest import stage as ingest
from fazhi.ingest import clean, decode, detect
from fazhi.ingest.reject import Reject

# Hand-checked by reading each raw file (title line, page metadata, signature) and the
# GB/T 2260 code of the region in the report year. Not produced by the code under test.
EXPECTED = {
    "000_fd658a1a66ad7d13.txt": dict(
        report_id="330281-2022", region_name="余姚市", region_code="330281", province="浙江省",
        prefecture="宁波市", admin_level="county", report_year=2022, publish_date="2023-03-30",
        issuer="余姚市人民政府", issuer_type="government",
        title="余姚市人民政府关于2022年度法治政府建设工作情况的报告",
    ),
    "001_482a1b21e299368d.txt": dict(
        report_id="320602-2019", region_name="崇川区", region_code="320602", province="江苏省",
        prefecture="南通市", admin_level="district", report_year=2019, publish_date="2019-12-05",
        issuer="南通市崇川区人民政府", issuer_type="government", title=None,
    ),
    "002_2bfe8e35bc84f18f.txt": dict(
        report_id="421222-2023", region_name="通城县", region_code="421222", province="湖北省",
        prefecture="咸宁市", admin_level="county", report_year=2023, publish_date="2024-02-26",
        issuer="通城县人民政府", issuer_type="government",
        title="2023年度通城县法治政府建设工作报告",
    ),
    "003_e9922ce5099fe261.txt": dict(
        report_id="370400-2021", region_name="枣庄市", region_code="370400", province="山东省",
        prefecture=None, admin_level="prefecture", report_year=2021, publish_date="2022-02-23",
        issuer="枣庄市人民政府", issuer_type="government",
        title="枣庄市2021年度法治政府建设情况报告",
    ),
    "004_2c3212e3c32bb1b1.txt": dict(
        report_id="630202-2022", region_name="乐都区", region_code="630202", province="青海省",
        prefecture="海东市", admin_level="district", report_year=2022, publish_date="2022-12-09",
        issuer="海东市乐都区人民政府", issuer_type="government",
        title="海东市乐都区人民政府2022年度法治政府建设工作报告",
    ),
}

# Page furniture seen in the seeds; none of it may survive into a cleaned text.
BOILERPLATE = ["当前位置", "朗读", "索引号", "主题分类", "浏览:6215次", "字号", "您现在的位置",
               "欢迎访问", "网站首页", "发布时间:", "日期:2024-02-26", "![]()", "|", "附件:"]


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


@pytest.mark.parametrize("source_file", sorted(EXPECTED))
def test_metadata_matches_hand_checked_values(reports, source_file):
    """Every seed's detected metadata equals the values checked by reading the report."""
    row = reports.loc[source_file]
    for column, expected in EXPECTED[source_file].items():
        got = row[column]
        if expected is None:
            assert _missing(got), f"{source_file}: {column} should be empty, got {got!r}"
        else:
            assert got == expected, f"{source_file}: {column} = {got!r}, expected {expected!r}"




def _sentences(text: str) -> list[str]:
    """Report sentences of a raw text: NFKC, whitespace-normalised, split at 。, CJK-bearing."""
    flat = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))
    parts = [p.strip(" |") for p in flat.split("。")]
    return [p for p in parts if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 8]


@pytest.mark.parametrize("source_file", sorted(EXPECTED))
def test_cleaning_keeps_every_sentence_of_the_body(raw_files, ingested, source_file):
    """Every sentence of the raw report (ending in 。) is still in the cleaned text."""
    reports, _, texts = ingested
    report_id = EXPECTED[source_file]["report_id"]
    cleaned = re.sub(r"\s+", " ", texts[report_id])
    raw = raw_files[source_file].decode("utf-8")
    lost = [s for s in _sentences(raw) if s.split(" ")[-1] not in cleaned]
    assert not lost, f"{source_file}: sentences lost in cleaning: {lost[:3]}"


@pytest.mark.parametrize("source_file", sorted(EXPECTED))
def test_cleaning_removes_page_boilerplate(ingested, source_file):
    """No breadcrumb, 朗读, 索引号 table, view counter, banner or table pipe survives."""
    texts = ingested[2]
    text = texts[EXPECTED[source_file]["report_id"]]
    found = [b for b in BOILERPLATE if b in text]
    assert not found, f"{source_file}: boilerplate left: {found}"


def test_cleaned_text_uses_one_line_convention(ingested):
    """Cleaned texts: NFKC, no blank lines, no leading/trailing spaces, one final newline."""
    for report_id, text in ingested[2].items():
        assert text == unicodedata.normalize("NFKC", text), report_id
        assert text.endswith("\n") and not text.endswith("\n\n"), report_id
        for line in text.split("\n")[:-1]:
            assert line and line == line.strip() and "  " not in line, (report_id, line)


def test_nfkc_turns_full_width_digits_and_punctuation_ascii():
    """Full-width digits and punctuation become ASCII in a cleaned line."""
    assert clean.normalise_line("共受理１２３件，（一）　办结") == "共受理123件,(一) 办结"


def test_site_clock_is_not_the_publish_date():
    """A site clock (今天是) never becomes the publish date; the page's 发布日期 does."""
    page = "今天是:2019年10月31日\n发布日期:2021-03-29\n某县2020年度法治政府建设情况报告\n" + "正文。" * 30
    cleaned = clean.clean(page)
    assert detect.find_publish_date(cleaned.page_meta, None) == "2021-03-29"


def test_signature_date_in_chinese_numerals_is_parsed():
    """A signature date like 二〇二三年三月三十日 is read as an ISO date."""
    issuer, date = detect.signature(["正文。", "余姚市人民政府", "二〇二三年三月三十日"])
    assert (issuer, date) == ("余姚市人民政府", "2023-03-30")


def test_decoding_falls_back_to_gb18030():
    """A GBK-encoded report decodes as GB18030 after strict UTF-8 fails."""
    text, encoding = decode.decode("法治政府建设年度报告".encode("gbk"))
    assert (text, encoding) == ("法治政府建设年度报告", "gb18030")


def test_decoding_rejects_an_empty_file():
    """An empty (or whitespace-only) file is rejected with a reason."""
    with pytest.raises(Reject, match="empty file"):
        decode.decode(b" \n")


def test_decoding_rejects_binary_content():
    """Bytes with NULs (a PDF, an image) are rejected, not decoded into garbage."""
    with pytest.raises(Reject, match="binary"):
        decode.decode(b"%PDF-1.4\x00\x01\x02")


def test_every_raw_file_is_a_report_or_a_reject(raw_files, ingested):
    """Nothing vanishes: reports + rejects == raw files, by name."""
    reports, rejects, _ = ingested
    assert sorted([*reports["source_file"], *rejects["source_file"]]) == sorted(raw_files)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("zz_copy.txt", None, "exact duplicate of 002_2bfe8e35bc84f18f.txt"),
        ("zz_empty.txt", b"", "empty file"),
        ("zz_noyear.txt", "某地法治政府建设情况。".encode() * 20, "no report year found"),
        ("zz_scan.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
    ],
)
def test_bad_input_is_rejected_with_a_reason(raw_files, name, content, reason):
    """A duplicate, an empty file, a text without year, a PDF: each a reject with its reason."""
    files = dict(raw_files)
    files[name] = raw_files["002_2bfe8e35bc84f18f.txt"] if content is None else content
    reports, rejects, _ = ingest.run(files, pd.DataFrame(columns=["file"]))
    assert len(reports) == 5
    assert rejects.set_index("source_file").loc[name, "reason"].startswith(reason)


def test_sources_manifest_overrides_detected_metadata(raw_files):
    """A sources.csv row supplies what a text lacks (here: title and publish date)."""
    name = "001_482a1b21e299368d.txt"
    manifest = pd.DataFrame([{"file": name, "title": "崇川区2019年法治政府建设工作报告",
                              "publish_date": "2020-01-10", "source_url": "https://example.org/r"}])
    reports, _, _ = ingest.run({name: raw_files[name]}, manifest)
    row = reports.iloc[0]
    assert (row["title"], row["publish_date"], row["source_url"]) == (
        "崇川区2019年法治政府建设工作报告", "2020-01-10", "https://example.org/r")


def test_changed_raw_file_is_rejected_against_the_manifest(raw_files):
    """A raw file whose sha256 differs from sources.csv is rejected, naming the manifest."""
    name = "002_2bfe8e35bc84f18f.txt"
    manifest = pd.DataFrame([{"file": name, "sha256": "0" * 64}])
    _, rejects, _ = ingest.run({name: raw_files[name]}, manifest)
    assert "sha256 differs from data/raw/sources.csv" in rejects.iloc[0]["reason"]


def test_region_code_follows_the_report_year(raw_files):
    """崇川区 is 320602 for a 2019 report and 320613 after the 2020 merger."""
    name = "001_482a1b21e299368d.txt"
    manifest = pd.DataFrame([{"file": name, "report_year": "2021"}])
    reports, _, _ = ingest.run({name: raw_files[name]}, manifest)
    assert reports.iloc[0]["region_code"] == "320613"
    assert reports.iloc[0]["report_id"] == "320613-2021"


def test_department_report_gets_an_ascii_suffix():
    """A department's report id is region-year plus an ASCII suffix for the department."""
    text = ("余姚市司法局2022年度法治政府建设工作报告\n" + "2022年,我局坚持依法行政。" * 12 + "\n"
            "余姚市司法局\n2023年3月1日\n")
    reports, _, _ = ingest.run({"a.txt": text.encode()}, pd.DataFrame(columns=["file"]))
    row = reports.iloc[0]
    assert (row["issuer"], row["issuer_type"], row["report_id"]) == (
        "余姚市司法局", "department", "330281-2022-sfj")


def test_breadcrumb_with_a_rule_of_law_word_is_not_the_title():
    """A breadcrumb ending in 依法行政 above the real title does not join it."""
    lines = ["报告速递 · 福州 > 新闻 > 年推进依法行政", "厦门市海沧区政府2015年推进依法行政工作情况及2016年工作打算"]
    assert detect.find_title(lines) == lines[1]


def test_split_title_with_the_issuer_on_the_line_above():
    """石柱土家族自治县公安局 / 关于2025年…的报告 is one title."""
    title = detect.find_title(["石柱土家族自治县公安局", "关于2025年法治政府建设工作情况的报告"])
    assert title == "石柱土家族自治县公安局关于2025年法治政府建设工作情况的报告"


def test_date_key_inside_a_longer_key_is_not_the_publish_date():
    """公文生成日期 is a document date, not 日期: the page's 时间 wins."""
    cleaned = clean.clean("索引号:QZ-2026-00011\n公文生成日期:2026-01-08\n某某报告\n时间:2026-01-09 09:36\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2026-01-09"


def test_empty_source_field_does_not_swallow_the_date():
    """文章来源: 发布时间:2017年12月13日 has an empty source and a publish date."""
    cleaned = clean.clean("文章来源:   发布时间:2017年12月13日   字号:【小】 【大】\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2017-12-13"


def test_bare_timestamp_above_the_report_is_the_page_date():
    """2020-03-11 16:35:10 来源:区司法局 dates the page."""
    cleaned = clean.clean("2019年渝中区法治政府建设工作情况报告\n2020-03-11 16:35:10 来源:区司法局\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2020-03-11"


def test_day_a_report_was_delivered_to_a_congress_is_its_date():
    """——2021年4月29日在…会议上 under the title dates an undated page."""
    header = ["朝阳区人民政府关于2020年法治政府建设工作情况的报告",
              "——2021年4月29日在朝阳区第十六届人民代表大会常务委员会第三十七次会议上"]
    assert detect.find_publish_date({}, None, header) == "2021-04-29"


BODY = "2022年,我区坚持依法行政,全面推进法治政府建设,各项工作取得新成效。" * 6 + "\n"


def _run(files: dict[str, str], sources: list[dict] | None = None):
    frame = pd.DataFrame(sources or [], columns=["file", "region_code", "report_year"])
    return ingest.run({k: v.encode() for k, v in files.items()}, frame)


def test_a_title_without_a_body_is_rejected_as_not_a_report():
    """A file holding only a title is rejected, not published under the region."""
    reports, rejects, _ = _run({"a.txt": "杭州市西湖区人民政府2022年法治政府建设工作报告\n"})
    assert reports.empty and rejects["reason"].str.startswith("not a report").all()


def test_report_id_does_not_depend_on_other_files():
    """Adding another region's report leaves an id unchanged."""
    one = {"b.txt": "杭州市西湖区人民政府2022年法治政府建设工作报告\n" + BODY}
    two = {**one, "a.txt": "成都市武侯区人民政府2022年法治政府建设工作报告\n" + BODY}
    assert _run(one)[0]["report_id"].tolist() == ["330106-2022"]
    assert sorted(_run(two)[0]["report_id"]) == ["330106-2022", "510107-2022"]


def test_two_files_claiming_one_id_get_ids_from_their_own_bytes():
    """A clash gives each file its sha256 prefix, whatever the file names' order."""
    first = "杭州市西湖区人民政府2022年法治政府建设工作报告\n" + BODY
    second = first + "全年办理行政复议案件12件。\n"
    ids_ab = sorted(_run({"a.txt": first, "b.txt": second})[0]["report_id"])
    ids_ba = sorted(_run({"b.txt": first, "a.txt": second})[0]["report_id"])
    assert ids_ab == ids_ba and all(i.startswith("330106-2022-") for i in ids_ab)


def test_override_code_valid_in_the_year_is_taken():
    """sources.csv region_code wins for a code valid in the report year."""
    reports, _, _ = _run({"a.txt": "2023年度法治政府建设工作报告\n" + BODY},
                         [{"file": "a.txt", "region_code": "410300", "report_year": "2023"}])
    assert reports["region_code"].tolist() == ["410300"]


def test_override_code_out_of_force_names_its_years():
    """A code that was not in force in the year is rejected with the years it was."""
    _, rejects, _ = _run({"a.txt": "2022年度法治政府建设工作报告\n" + BODY},
                         [{"file": "a.txt", "region_code": "320602", "report_year": "2022"}])
    assert rejects["reason"].str.contains("was not in force in 2022").all()
    assert rejects["reason"].str.contains("崇川区").all()


def test_override_code_never_listed_is_rejected_as_unknown():
    """A code in no year of the table is rejected as not a GB/T 2260 code."""
    _, rejects, _ = _run({"a.txt": "2022年度法治政府建设工作报告\n" + BODY},
                         [{"file": "a.txt", "region_code": "999999", "report_year": "2022"}])
    assert rejects["reason"].str.contains("not a GB/T 2260 code").all()


def test_number_cut_by_a_hard_line_wrap_is_joined():
    """收到行政复议申请84 / 654件 becomes one number again; other line breaks stay."""
    text = clean.clean("标题\n" + "全市各级行政复议机关共收到行政复议申请84\n654件,受理67772件。\n"
                       "二、2023年工作\n").text
    assert "申请84654件" in text and "\n二、2023年工作" in text


def test_override_region_name_wins_over_the_title():
    """region_name in sources.csv decides, even when the title names another region."""
    frame = pd.DataFrame([{"file": "a.txt", "region_name": "福州市鼓楼区"}])
    reports, _, _ = ingest.run({"a.txt": ("余姚市2022年法治政府建设工作报告\n" + BODY).encode()}, frame)
    assert reports["region_code"].tolist() == ["350102"]


def test_title_naming_its_issuer_after_guanyu_is_not_joined_to_the_banner():
    """A banner above 关于浦东新区司法局…的报告 names the site's owner, not part of the title."""
    title = detect.find_title(["上海市浦东新区人民政府", "关于浦东新区司法局2024年度法治政府建设情况的报告"])
    assert title == "关于浦东新区司法局2024年度法治政府建设情况的报告"


def test_date_key_in_a_table_cell_without_a_colon():
    """公开类别 主动公开 发布时间 2025-03-31: a date key printed as a cell dates the page."""
    cleaned = clean.clean("某区司法局2024年度法治政府建设情况的报告\n公开类别 主动公开 发布时间 2025-03-31\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2025-03-31"


def test_a_key_without_a_colon_takes_only_a_date():
    """发布时间 followed by words is not a value: nothing is recorded."""
    cleaned = clean.clean("某区司法局2024年度法治政府建设情况的报告\n发布时间 待定 来源 本站\n")
    assert "发布时间" not in cleaned.page_meta


def test_numeric_date_alone_on_a_header_line_is_the_page_date():
    """2021-01-05 on its own line under the issuing office dates the page."""
    cleaned = clean.clean("长海县2020年度法治政府建设情况报告\n政府办文书科\n2021-01-05\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2021-01-05"


def test_opening_subject_after_a_leading_zai_xia_phrase_names_the_region():
    """2020年,在市委的领导下,桐庐县贯彻…: with no region in the title, the subject is read."""
    reports, _, _ = _run({"a.txt": "杭州市人民政府门户网站\n工作报告\n"
                          "2020年,在市委、市政府的正确领导下,桐庐县贯彻落实上级部署,全面推进法治政府建设。"
                          + BODY})
    assert (reports.iloc[0]["region_code"], reports.iloc[0]["report_year"]) == ("330122", 2020)


def test_a_hosting_citys_portal_does_not_make_a_county_report_the_citys():
    """来源: 杭州市人民政府门户网站 with no issuer anywhere: rejected, not filed under 杭州市."""
    reports, rejects, _ = _run({"a.txt": "时间:2021-03-22 来源:杭州市人民政府门户网站\n"
                                "2020年法治政府建设情况报告\n" + BODY.replace("我区", "我们")})
    assert reports.empty and len(rejects) == 1


def test_addressee_gives_a_lone_townships_county_but_never_decides():
    """杨舍镇's report addressed to 张家港市人民政府: the town's county; the addressee alone decides nothing."""
    reports, _, _ = _run({"a.txt": "杨舍镇2023年度法治政府建设情况报告\n张家港市人民政府:\n" + BODY})
    row = reports.iloc[0]
    assert (row["region_code"], row["issuer_type"]) == ("320582", "township")
    _, rejects, _ = _run({"b.txt": "2023年度法治政府建设情况报告\n张家港市人民政府:\n" + BODY.replace("我区", "我们")})
    assert len(rejects) == 1


def test_streamed_ingest_hands_each_text_over_and_keeps_none(raw_files, ingested):
    """With put_text, in batches of one file, every text goes out once under its raw file's name
    and the reports and rejects are those of the in-memory run."""
    from fazhi.ingest.stage import RawFolder

    handed = {}
    reports, rejects, kept = ingest.run(RawFolder(paths.RAW), ingest.read_sources(paths.SOURCES),
                                        put_text=handed.__setitem__, batch=1)
    pd.testing.assert_frame_equal(reports, ingested[0])
    pd.testing.assert_frame_equal(rejects, ingested[1])
    assert kept == {}
    by_file = dict(zip(reports["source_file"], reports["report_id"]))
    assert {by_file[f]: t for f, t in handed.items()} == ingested[2]


def test_an_empty_field_does_not_swallow_a_date_cell_after_it():
    """作者: 发布时间 2025年09月05日: the author is empty and the page is dated."""
    cleaned = clean.clean("某县2023年度法治政府建设工作报告\n来源:县司法局 作者: 发布时间 2025年09月05日 点击数:\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2025-09-05"


def test_a_bulleted_metadata_line_is_page_furniture():
    """- 索引号: …, a field printed as a list item, is dropped from the header like the bare field."""
    cleaned = clean.clean("- 索引号: tssrmzfbgs/2026-00095\n某市人民政府关于2025年法治政府建设情况的报告\n")
    assert cleaned.header_lines == ["某市人民政府关于2025年法治政府建设情况的报告"]


def test_a_title_cell_gives_the_title_without_its_label():
    """标 题 XX关于…的报告, the title as a disclosure-table cell, is the title without 标题."""
    title = detect.find_title(["标 题 西藏自治区人民政府关于2017年度全区法治政府建设情况的报告"])
    assert title == "西藏自治区人民政府关于2017年度全区法治政府建设情况的报告"


def test_ascii_full_stops_end_sentences_of_a_body():
    """A page printed with ASCII punctuation (依法行政. 现将…) has sentences: it is a report."""
    body = "2022年, 新城区坚持依法行政, 推进法治政府建设, 各项工作取得新成效. " * 6
    detect.require_body(clean.clean("西安市新城区2022年法治政府建设情况报告\n" + body + "\n"))


def test_breadcrumb_gives_a_lone_townships_district():
    """首页 > 徐汇区 > 街道 above 枫林路街道…报告: the street belongs to the district the trail names."""
    reports, _, _ = _run({"a.txt": "当前位置:首页 > 徐汇区 > 街道\n枫林路街道2023年法治政府建设情况报告\n" + BODY})
    row = reports.iloc[0]
    assert (row["region_code"], row["issuer_type"], row["issuer"]) == ("310104", "township", "枫林路街道")


def test_the_banner_of_a_short_page_is_not_its_signature():
    """On a page of a few lines the site's banner is not read as the signature under the body."""
    reports, _, _ = _run({"a.txt": "上海市徐汇区人民政府\n枫林路街道2023年法治政府建设情况报告\n" + BODY})
    assert reports.iloc[0]["issuer"] == "枫林路街道"


def test_a_title_with_its_year_in_brackets_after_it():
    """法治政府建设年度报告(2023年度) is a title, and its year is the report year."""
    title = detect.find_title(["法治政府建设年度报告(2023年度)"])
    assert (title, detect.find_year(title, [])) == ("法治政府建设年度报告(2023年度)", 2023)


def test_a_title_in_book_title_marks_is_read_without_them():
    """《大理白族自治州2022年法治政府建设情况报告》 is the title inside the marks."""
    assert detect.find_title(["《大理白族自治州2022年法治政府建设情况报告》"]) == "大理白族自治州2022年法治政府建设情况报告"


def test_a_publishing_unit_field_names_the_issuer_of_an_unnamed_title():
    """2021年度…报告 with 发布单位:丹江口市人民政府: the field gives the issuer."""
    reports, _, _ = _run({"a.txt": "2021年度法治政府建设情况报告\n发布单位:丹江口市人民政府\n" + BODY.replace("我区", "我们")})
    assert reports.iloc[0]["region_code"] == "420381"


def test_a_date_alone_under_the_title_dates_an_undated_page():
    """(2024年3月28日) on its own line under the title dates a page with no date field."""
    cleaned = clean.clean("某县2023年法治政府建设情况报告\n(2024年3月28日)\n" + BODY)
    assert detect.detect(cleaned)["publish_date"] == "2024-03-28"


def test_a_timestamp_before_another_page_field_is_the_page_date():
    """2024-03-28 来源:县司法局: the stamp heading the line dates the page."""
    cleaned = clean.clean("某县2023年法治政府建设情况报告\n2024-03-28 来源:县司法局\n" + BODY)
    assert detect.find_publish_date(cleaned.page_meta, None) == "2024-03-28"


@pytest.mark.parametrize("title", ["关于印发某市2024年法治政府建设工作要点的通知", "某市2024年法治政府建设工作计划",
                                   "政策解读:《某市2023年法治政府建设情况报告》", "图解:某市2023年法治政府建设情况报告",
                                   "某市2023年法治政府建设情况报告(征求意见稿)"])
def test_another_kind_of_document_is_rejected_as_not_a_report(title):
    """A notice, a plan, an explainer or a draft about the work is not its annual report."""
    _, rejects, _ = _run({"a.txt": title + "\n" + BODY})
    assert rejects.iloc[0]["reason"].startswith("not a report: the page's title")


def test_a_title_naming_only_a_plan_period_is_rejected_saying_so():
    """纲要(2015-2020)落实完成情况的报告 names a span of years: the reject says so, no year is guessed."""
    _, rejects, _ = _run({"a.txt": "渝北区人民政府关于法治政府建设实施纲要(2015-2020)落实完成情况的报告\n"
                                   + BODY.replace("2022年,", "")})
    assert rejects.iloc[0]["reason"].startswith("the title names only a period of years (2015-2020)")


def test_a_department_opening_the_first_sentence_is_the_issuer():
    """No title: 2021年,缙云县司法局在县委…领导下 names a department of 缙云县, not the county."""
    reports, _, _ = _run({"a.txt": "门户网站\n2021年,缙云县司法局在县委、县政府的正确领导下,全面推进法治建设。"
                          + BODY})
    row = reports.iloc[0]
    assert (row["region_code"], row["issuer_type"], row["issuer"]) == ("331122", "department", "缙云县司法局")


def test_an_untitled_department_page_named_by_level_takes_its_sites_government():
    """No title; banner 绍兴市人民政府; 2023年,市市场监管局在市委…领导下: 绍兴市's department."""
    reports, _, _ = _run({"a.txt": "绍兴市人民政府\n2023年,市市场监管局在市委市政府的坚强领导下,全面推进法治建设。"
                          + BODY.replace("我区", "我局")})
    row = reports.iloc[0]
    assert (row["region_code"], row["issuer_type"], row["issuer"]) == ("330600", "department",
                                                                       "市市场监管局")


def test_a_department_subject_needs_an_opening_verb_after_its_name():
    """2021年,缙云县司法局的工作…: not the sentence's subject acting, so nothing is read from it."""
    reports, rejects, _ = _run({"a.txt": "门户网站\n2021年,缙云县司法局的工作取得进展,全面推进法治建设。"
                                + BODY.replace("我区", "我们")})
    assert reports.empty and len(rejects) == 1


def test_a_date_field_spaced_out_after_its_separators():
    """发布日期: 2025- 02- 08 14: 11 is the page's date, not the value 2025-."""
    cleaned = clean.clean("某局2024年法治政府建设年度报告\n发布日期: 2025- 02- 08 14: 11\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2025-02-08"


def test_fawen_shijian_is_a_publish_date_field():
    """- 发文时间:2022年02月28日 dates the page."""
    cleaned = clean.clean("某局2021年度法治政府建设情况报告\n- 发文时间:2022年02月28日\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2022-02-28"


def test_a_date_printed_after_the_title():
    """…情况报告 (2025-03-26): the title without the date, and the date as the page's."""
    header = ["2024年上海市司法局法治政府建设情况报告 (2025-03-26)"]
    assert detect.find_title(header) == "2024年上海市司法局法治政府建设情况报告"
    assert detect.find_publish_date({}, None, header) == "2025-03-26"


def test_a_street_named_with_jie_alone_is_a_township_of_the_banners_district():
    """黄石街2022年…报告 under the banner 广州市白云区人民政府门户网站: a street of 白云区."""
    reports, _, _ = _run({"a.txt": "广州市白云区人民政府门户网站\n黄石街2022年法治政府建设工作报告\n" + BODY})
    row = reports.iloc[0]
    assert (row["region_code"], row["issuer_type"]) == ("440111", "township")


def test_an_information_disclosure_annual_report_is_not_a_rule_of_law_report():
    """湘阴县人民政府2023年政府信息公开工作年度报告: rejected as another kind of report."""
    reports, rejects, _ = _run({"a.txt": "湘阴县人民政府\n湘阴县人民政府2023年政府信息公开工作年度报告\n"
                                "来源: 湘阴县政府办 发布时间: 2024-01-01\n" + BODY})
    assert reports.empty and "信息公开工作年度报告" in rejects.iloc[0]["reason"]


def test_a_bare_timestamp_in_chinese_dates_the_page():
    """2025年03月19日 09时07分 来源: 司法厅 above the body: the page's date."""
    cleaned = clean.clean("四川省人民政府2024年度法治政府建设工作情况\n2025年03月19日 09时07分 来源: 司法厅\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2025-03-19"


def test_the_pages_own_date_wins_over_the_documents():
    """时间 2020-12-22 (the page) over 发文日期 2020-12-03 (the document); 信息提供日期 is the page's."""
    assert detect.find_publish_date({"时间": "2020-12-22", "发文日期": "2020-12-03 10:00"}, None) == "2020-12-22"
    cleaned = clean.clean("某街道办事处关于2022年法治政府建设的报告\n信息来源:某街道办事处 信息提供日期:2022-12-08 18:10\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2022-12-08"


def test_a_breadcrumb_with_angle_quotes_is_page_furniture():
    """首页 › 政务公开 › 街道信息公开 › 南星街道 › …: a breadcrumb, not the title."""
    reports, _, _ = _run({"a.txt": "杭州市上城区人民政府\n首页 › 政务公开 › 街道信息公开 › 南星街道 › 法治政府建设年度报告\n"
                          "2022年南星街道法治政府建设工作报告\n" + BODY})
    row = reports.iloc[0]
    assert (row["title"], row["region_code"], row["issuer_type"]) == (
        "2022年南星街道法治政府建设工作报告", "330102", "township")


def test_a_sites_name_under_the_title_gives_a_lone_streets_district():
    """清波街道…报告 / 杭州市上城区人民政府 政府信息公开: the street of 上城区."""
    reports, _, _ = _run({"a.txt": "清波街道2023年法治政府建设工作报告\n杭州市上城区人民政府 政府信息公开\n" + BODY})
    assert (reports.iloc[0]["region_code"], reports.iloc[0]["issuer_type"]) == ("330102", "township")


def test_a_zupei_fenlei_cell_is_page_metadata_not_the_title():
    """索引号: … 组配分类: 法治政府建设年度报告 is a disclosure-table row; the title is the line under it."""
    cleaned = clean.clean("池州市人民政府 政府信息公开\n索引号: 003280140/201801-00048 组配分类: 法治政府建设年度报告\n"
                          "池州市人民政府2017年度法治政府建设工作报告\n" + BODY)
    assert detect.find_title(cleaned.header_lines) == "池州市人民政府2017年度法治政府建设工作报告"


def test_a_slogan_above_the_breadcrumb_is_not_the_reports_first_paragraph():
    """A long site slogan, then 首页 > …, then the title: the title is still found."""
    cleaned = clean.clean("沈阳市司法局\n" + "高举旗帜,团结奋斗,奋力谱写新篇章。" * 4 + "\n首页 > 全面依法治市 > 工作信息\n"
                          "沈阳市司法局关于2023年法治政府建设情况的报告\n" + BODY)
    assert detect.find_title(cleaned.header_lines) == "沈阳市司法局关于2023年法治政府建设情况的报告"


def test_an_information_name_cell_holds_the_title():
    """信息名称 关于2020年度合庆镇…的情况报告: the title without its cell label."""
    assert detect.find_title(["信息名称 关于2020年度合庆镇法治政府建设的情况报告"]) == \
        "关于2020年度合庆镇法治政府建设的情况报告"


def test_an_untitled_page_takes_the_issuer_line_under_its_banner():
    """杭州市人民政府门户网站 / 余杭区人民政府 / 2020年,余杭区…: the district's report."""
    reports, _, _ = _run({"a.txt": "杭州市人民政府门户网站\n余杭区人民政府\n2020年,余杭区法治政府建设在上级党委、政府的领导下取得新进展。"
                          + BODY.replace("2022年", "2020年")})
    row = reports.iloc[0]
    assert (row["region_code"], row["issuer_type"]) == ("330110", "government")


def test_gongkai_riqi_is_a_publish_date_field():
    """来 源 玉溪市湖泊管理局 公开日期 2026-01-30 dates the page."""
    cleaned = clean.clean("玉溪市湖泊管理局2025年度法治政府建设工作情况报告\n来 源 玉溪市湖泊管理局 公开日期 2026-01-30\n")
    assert detect.find_publish_date(cleaned.page_meta, None) == "2026-01-30"
