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
