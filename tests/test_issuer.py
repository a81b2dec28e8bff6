"""Who issued a report, and its region: read from the issuer places only, never guessed."""

from __future__ import annotations

import pytest

from fazhi.ingest import issuer
from fazhi.ingest.reject import Reject


def _settle(year: int, **places: str) -> issuer.Issuer:
    findings = [issuer.read_place(place, text, year) for place, text in places.items()]
    return issuer.settle(findings, year)


def test_government_named_in_the_title():
    """余姚市人民政府关于… is the government of 余姚市."""
    found = _settle(2022, title="余姚市人民政府关于2022年度法治政府建设工作情况的报告")
    assert (found.region.code, found.issuer_type, found.issuer) == ("330281", "government",
                                                                     "余姚市人民政府")


def test_region_and_year_only_is_the_government():
    """A title naming only the region (枣庄市2021年度…) is its government's report."""
    found = _settle(2021, title="枣庄市2021年度法治政府建设情况报告")
    assert (found.region.code, found.issuer_type) == ("370400", "government")


def test_department_keeps_its_governments_code():
    """A city bureau's report gets the city's code and issuer_type department."""
    found = _settle(2022, title="宁波市司法局2022年度法治政府建设工作报告")
    assert (found.region.code, found.issuer_type, found.issuer) == ("330200", "department",
                                                                     "宁波市司法局")


def test_province_department_is_not_the_province_government():
    """浙江省生态环境厅 is a department of the province."""
    found = _settle(2021, title="浙江省生态环境厅2021年法治政府建设工作报告")
    assert (found.region.code, found.issuer_type) == ("330000", "department")


def test_township_gets_its_districts_code():
    """A street's report gets its district's code and issuer_type township."""
    found = _settle(2023, title="杭州市西湖区西溪街道2023年法治政府建设工作报告")
    assert (found.region.code, found.issuer_type, found.township) == ("330106", "township",
                                                                       "西溪街道")


def test_township_without_its_county_is_rejected():
    """A town named under a city that has counties is not the city's report."""
    with pytest.raises(Reject, match="without its county"):
        _settle(2023, title="杭州市某某镇2023年法治政府建设工作报告")


def test_shared_name_with_no_parent_is_rejected_with_candidates():
    """鼓楼区 with nothing else is rejected, listing the candidate codes."""
    with pytest.raises(Reject, match=r"ambiguous region '鼓楼区': .*320106.*350102"):
        _settle(2022, title="鼓楼区2022年法治政府建设年度报告")


def test_signature_names_the_parent_of_a_shared_name():
    """The signature's 福州市鼓楼区人民政府 settles a title's 鼓楼区."""
    found = _settle(2022, title="鼓楼区2022年法治政府建设年度报告", signature="福州市鼓楼区人民政府")
    assert found.region.code == "350102"


def test_page_source_field_settles_a_shared_name_but_never_overrides():
    """来源 may narrow a shared name down; it does not replace the title's region."""
    found = _settle(2022, title="鼓楼区2022年法治政府建设年度报告",
                    **{"page field 来源": "南京市鼓楼区人民政府"})
    assert found.region.code == "320106"


def test_district_unknown_under_a_named_city_is_not_the_citys():
    """A district the table does not know is rejected, never filed under its city."""
    with pytest.raises(Reject, match="'新城区', which is not a region under 杭州市"):
        _settle(2022, title="杭州市新城区人民政府2022年法治政府建设工作报告")


def test_conflicting_places_are_rejected():
    """A title and a signature naming unrelated regions are rejected with both."""
    with pytest.raises(Reject, match="title names .*330281.* but the signature names .*421222"):
        _settle(2022, title="余姚市2022年法治政府建设工作报告", signature="通城县人民政府")


def test_no_region_anywhere_is_rejected():
    """A title and signature that name no region are rejected with the fix."""
    with pytest.raises(Reject, match="give region_code"):
        _settle(2022, title="2022年度法治政府建设工作报告", signature="办公室")


def test_street_office_of_a_district_government_is_a_township():
    """鲤城区人民政府金龙街道办事处 is a street's report, with the district's code."""
    found = _settle(2022, title="鲤城区人民政府金龙街道办事处关于2022年度法治政府建设情况的报告")
    assert (found.region.code, found.issuer_type, found.township) == ("350502", "township",
                                                                       "金龙街道")


def test_banner_gives_a_lone_townships_district():
    """A street named alone on its district's site gets the district named by the banner."""
    found = _settle(2022, title="留下街道2022年度法治政府建设工作报告",
                    **{"page banner": "杭州市西湖区人民政府"})
    assert (found.region.code, found.issuer_type) == ("330106", "township")


def test_banner_never_overrides_the_titles_region():
    """A province's report re-posted on a county's site stays the province's."""
    found = _settle(2017, title="新疆维吾尔自治区人民政府关于2017年法治政府建设工作的报告",
                    **{"page banner": "莎车县人民政府"})
    assert found.region.code == "650000"


def test_zone_with_its_district_in_parentheses():
    """高新区(新市区)人民政府 is the government of 新市区."""
    found = _settle(2024, title="高新区(新市区)人民政府2024年法治政府建设工作报告")
    assert (found.region.code, found.issuer_type) == ("650104", "government")


def test_party_committee_issuing_jointly_is_read_past():
    """中共惠安县委 惠安县人民政府关于… is the government of 惠安县."""
    found = _settle(2025, title="中共惠安县委 惠安县人民政府关于2025年度法治政府建设情况的报告")
    assert (found.region.code, found.issuer_type) == ("350521", "government")


@pytest.mark.parametrize(("title", "code"), [
    ("东乌旗2020年法治政府建设情况报告", "152525"),  # 东乌珠穆沁旗
    ("科右前旗人民政府关于2020年法治政府建设的报告", "152221"),  # 科尔沁右翼前旗
    ("锡盟东乌旗2020年法治政府建设情况报告", "152525"),  # 锡林郭勒盟 / 东乌珠穆沁旗
])
def test_customary_abbreviation_of_a_banner_or_league(title, code):
    """Reports shorten 旗 and 盟 names, keeping the first character and others in order."""
    assert _settle(2020, title=title).region.code == code


def test_abbreviation_of_an_autonomous_prefecture_department():
    """博州司法局 is a department of 博尔塔拉蒙古自治州."""
    found = _settle(2020, title="博州司法局2020年法治政府建设工作报告")
    assert (found.region.code, found.issuer_type) == ("652700", "department")


def test_abbreviation_that_fits_several_regions_is_rejected_with_them():
    """科右旗 could be 科尔沁右翼前旗 or 中旗: rejected, both candidates named."""
    with pytest.raises(Reject, match="152221.*152222"):
        _settle(2020, title="科右旗2020年法治政府建设情况报告")


def test_no_abbreviation_for_a_county():
    """Only 旗, 州 and 盟 names are abbreviated: 东乌县 is no region."""
    with pytest.raises(Reject):
        _settle(2020, title="东乌县2020年法治政府建设情况报告")


def test_column_label_and_document_number_before_the_title_are_read_past():
    """【栏目】 and a document number glued to the title stand before the issuer."""
    assert _settle(2022, title="【法治政府建设报告】余姚市人民政府关于2022年度法治政府建设工作情况的报告"
                   ).region.code == "330281"
    assert _settle(2022, title="余政发〔2023〕3号余姚市2022年度法治政府建设工作情况报告"
                   ).region.code == "330281"


def test_a_website_is_not_an_issuer():
    """来源: 杭州市人民政府门户网站 names the host, not who issued the report: alone, rejected."""
    finding = issuer.read_place("page field 来源", "杭州市人民政府门户网站", 2020)
    assert finding.kind == "host"
    with pytest.raises(Reject):
        issuer.settle([finding], 2020)


def test_a_website_settles_a_lone_townships_county():
    """A town's report on 张家港市政务网: the site's owner gives the town's county."""
    found = issuer.settle([issuer.read_place("title", "杨舍镇2023年度法治政府建设情况报告", 2023),
                           issuer.read_place("page banner", "张家港市政务网", 2023)], 2023)
    assert (found.region.code, found.issuer_type) == ("320582", "township")


def test_zone_sharing_an_administration_with_a_town():
    """经开区(杨舍镇) is read as the town it shares an administration with."""
    finding = issuer.read_place("title", "经开区(杨舍镇)2023年度法治政府建设情况报告", 2023)
    assert (finding.kind, finding.township, finding.issuer) == ("township", "杨舍镇", "经开区(杨舍镇)")


def test_development_zone_is_rejected_with_what_to_do():
    """珠海高新区 has no code of its own: rejected, saying so, never filed under 珠海市."""
    with pytest.raises(Reject, match="development zone"):
        _settle(2022, title="珠海高新区2022年法治政府建设年度报告")


def test_local_tax_bureau_is_a_department_of_its_region():
    """国家税务总局昆山市税务局 is the 昆山市 bureau of the vertically managed tax administration."""
    found = _settle(2023, title="国家税务总局昆山市税务局2023年法治税务建设情况报告")
    assert (found.region.code, found.issuer_type) == ("320583", "department")


def test_issuer_line_decides_over_a_page_field_naming_elsewhere():
    """An issuer line under a title naming no region decides; a 来源 naming another city does not
    contradict it (a page field only settles)."""
    found = _settle(2023, title="2023年度法治政府建设情况报告", issuer_line="峨边彝族自治县人民政府",
                    **{"page field 来源": "成都市司法局"})
    assert found.region.code == "511132"


def test_a_website_in_the_title_place_decides_nothing():
    """Even where the title stands, a website's name is a host: alone, it is rejected."""
    with pytest.raises(Reject, match="no issuer naming a region"):
        _settle(2023, title="杭州市人民政府门户网站")


def test_a_lone_township_on_a_page_naming_two_counties_is_rejected():
    """Two hosts naming different counties give a township named alone no county."""
    with pytest.raises(Reject, match="without its county"):
        _settle(2023, title="杨舍镇2023年度法治政府建设情况报告",
                **{"page banner": "张家港市政务网", "addressee": "常熟市人民政府门户网站"})


def test_a_township_keeps_its_own_name():
    """The township's name is kept beside its county's code (for its report id)."""
    found = _settle(2022, title="留下街道2022年度法治政府建设工作报告",
                    **{"page banner": "杭州市西湖区人民政府"})
    named = _settle(2022, title="杭州市西湖区留下街道2022年度法治政府建设工作报告")
    assert (found.township, named.township) == ("留下街道", "留下街道")


def test_the_deepest_agreeing_place_decides():
    """An issuer line naming the city and a signature naming its county: the county decides."""
    found = _settle(2023, title="2023年度法治政府建设情况报告", issuer_line="乐山市人民政府",
                    signature="峨边彝族自治县人民政府")
    assert found.region.code == "511132"


def test_a_town_of_a_city_without_counties_gets_the_citys_code():
    """东莞市虎门镇: 东莞 has no districts, so the town is filed under the city itself."""
    found = _settle(2023, title="东莞市虎门镇2023年法治政府建设情况报告")
    assert (found.region.code, found.issuer_type) == ("441900", "township")


def test_a_page_field_naming_the_parent_city_settles_a_shared_name():
    """鼓楼区 in the title, 来源: 福州市司法局: the city settles which 鼓楼区 it is."""
    found = _settle(2022, title="鼓楼区2022年法治政府建设年度报告", **{"page field 来源": "福州市司法局"})
    assert found.region.code == "350102"


def test_a_department_in_the_title_decides_over_a_page_field():
    """宁波市司法局 in the title, 来源 naming 杭州市: the title decides, the field cannot overrule."""
    found = _settle(2022, title="宁波市司法局2022年度法治政府建设工作报告",
                    **{"page field 来源": "杭州市人民政府"})
    assert (found.region.code, found.issuer_type) == ("330200", "department")


def test_a_township_in_the_title_decides_over_a_page_field():
    """杭州市西湖区留下街道 in the title, a field naming 徐汇区: the title decides."""
    found = _settle(2022, title="杭州市西湖区留下街道2022年度法治政府建设工作报告",
                    **{"page field 来源": "上海市徐汇区人民政府"})
    assert (found.region.code, found.issuer_type) == ("330106", "township")


def test_a_street_offices_printed_name_runs_to_its_office():
    """鲤城区人民政府金龙街道办事处 is printed whole as the issuer."""
    found = _settle(2022, title="鲤城区人民政府金龙街道办事处关于2022年度法治政府建设情况的报告")
    assert found.issuer == "鲤城区人民政府金龙街道办事处"


def test_a_shared_names_candidates_are_listed_with_their_parents():
    """The reject names each candidate with its province and city, so a user can choose."""
    with pytest.raises(Reject) as raised:
        _settle(2022, title="鼓楼区2022年法治政府建设年度报告")
    assert "320106 江苏省南京市鼓楼区; " in str(raised.value)


def test_a_department_named_by_its_level_takes_the_one_host_of_that_level():
    """市水务局2025年度… on a page whose banner is 武汉市人民政府: 武汉市's department, its issuer
    as printed."""
    found = _settle(2025, title="市水务局2025年度法治政府建设情况报告",
                    **{"page banner": "武汉市人民政府"})
    assert (found.region.code, found.issuer_type, found.issuer) == ("420100", "department",
                                                                     "市水务局")


def test_a_department_named_by_its_level_never_takes_a_host_of_another_level():
    """区教育局 on a city's site is one of the city's districts': which one, the page does not say."""
    with pytest.raises(Reject) as rejected:
        _settle(2023, title="区教育局2023年法治政府建设年度报告", **{"page banner": "武汉市人民政府"})
    assert str(rejected.value) == (
        "the title names '区教育局', a department named by its level (区) alone, and the page's other "
        "places name no 区-level region: give region_code (and issuer) in data/raw/sources.csv")


def test_a_department_named_by_its_level_with_two_hosts_of_that_level_lists_both():
    """市水务局 with the banner 武汉市 and the source field 十堰市: both are named in the reject."""
    with pytest.raises(Reject, match=r"name 420100 武汉市; 420300 十堰市: give region_code"):
        _settle(2023, title="市水务局2023年法治政府建设年度报告",
                **{"page banner": "武汉市人民政府", "page field 来源": "十堰市人民政府"})


def test_a_cover_letter_names_the_issuer_inside_the_reports_title():
    """关于报送《浦东新区人力资源和社会保障局2021年度…报告》的报告: the bureau's report."""
    found = _settle(2021, title="关于报送《浦东新区人力资源和社会保障局2021年度法治政府建设情况报告》的报告",
                    **{"page banner": "上海市浦东新区人民政府"})
    assert (found.region.code, found.issuer_type) == ("310115", "department")


def test_a_chinese_domain_name_banner_settles_a_lone_street():
    """中文域名:天津市宝坻区人民政府.政务 over 海滨街道2025年…: 宝坻区's street."""
    found = _settle(2025, title="海滨街道2025年法治政府建设情况报告",
                    **{"page banner": "中文域名:天津市宝坻区人民政府.政务"})
    assert (found.region.code, found.issuer_type) == ("120115", "township")


def test_a_party_working_committee_issuing_jointly_is_read_past():
    """中共重庆市委教育工作委员会重庆市教育委员会2022年度…: the 教育委员会 of 重庆市."""
    found = _settle(2022, title="中共重庆市委教育工作委员会重庆市教育委员会2022年度法治政府建设情况报告")
    assert (found.region.code, found.issuer_type) == ("500000", "department")
