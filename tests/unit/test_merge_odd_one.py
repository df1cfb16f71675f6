"""Merging fourteen city returns with one file that does not belong (issue 10, class 5): the odd one out is
found by majority, or by the merging office's own region, in whatever position it comes, and is the one
named; the cities are never blamed."""

from __future__ import annotations

import pytest

from lifelong_desktop.services.regions import regions
from lifelong_desktop.submission.merging.merge import merge_files
from tests.unit.test_merge import NOW, city_return, save

SHARED_ID = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"
CITIES = [r.code for r in regions().children("210000")]


@pytest.fixture(autouse=True)
def out_dir(tmp_path):
    (tmp_path / "out").mkdir()


def cities(tmp_path) -> list:
    return [save(tmp_path, f"{code}.xlsx", city_return(code, regions().name(code))) for code in CITIES]


def merge(paths, tmp_path, **kw):
    return merge_files(
        list(paths), tmp_path / "out" / "merged.xlsx", unit="辽宁省教育厅", contact="王老师", now=NOW, **kw
    )


def errors(result):
    return [(f.code, f.file) for f in result.findings if f.severity == "error"]


def province_export(tmp_path, name="辽宁省自己导出.xlsx"):
    data = city_return("210100", "辽宁省")
    data.header.update(scope="province", region_code="210000", region_name="辽宁省")
    return save(tmp_path, name, data)


def test_there_are_fourteen_cities():
    assert len(CITIES) == 14


@pytest.mark.parametrize("position", [0, 7, 14])
def test_the_provinces_own_export_among_fourteen_returns_is_the_one_named(tmp_path, position):
    paths = cities(tmp_path)
    paths.insert(position, province_export(tmp_path))
    result = merge(paths, tmp_path)
    assert errors(result) == [("scopes_differ", "辽宁省自己导出.xlsx")] and not result.written
    finding = next(f for f in result.findings if f.code == "scopes_differ")
    assert finding.params["kind"] == "higher"
    assert "可能是本单位自己导出的工作簿或上次合并的结果" in finding.message("zh")
    assert "earlier merged output" in finding.message("en")


def test_last_weeks_merged_output_among_the_returns_is_the_one_named(tmp_path):
    paths = cities(tmp_path)
    first = merge(paths, tmp_path)
    assert first.written
    last_week = tmp_path / "上周合并.xlsx"
    first.path.rename(last_week)
    result = merge([last_week, *paths], tmp_path)
    assert errors(result) == [("scopes_differ", "上周合并.xlsx")]


def test_a_city_of_another_province_is_the_one_named(tmp_path):
    paths = cities(tmp_path)
    paths.insert(0, save(tmp_path, "长春市.xlsx", city_return("220100", "长春市")))
    assert errors(merge(paths, tmp_path)) == [("regions_differ", "长春市.xlsx")]


def test_a_return_of_another_year_is_the_one_named(tmp_path):
    paths = cities(tmp_path)
    paths.insert(0, save(tmp_path, "去年.xlsx", city_return("210100", "沈阳市", year=2023)))
    result = merge(paths, tmp_path)
    assert errors(result) == [("years_differ", "去年.xlsx")]
    assert next(f for f in result.findings if f.code == "years_differ").params["expected"] == 2024


def test_a_tie_of_levels_names_the_higher_file(tmp_path):
    shenyang = save(tmp_path, "沈阳.xlsx", city_return("210100", "沈阳市"))
    for order in ([province_export(tmp_path), shenyang], [shenyang, province_export(tmp_path)]):
        assert errors(merge(order, tmp_path)) == [("scopes_differ", "辽宁省自己导出.xlsx")]


def test_the_merging_offices_region_decides_over_the_majority(tmp_path):
    shenyang = save(tmp_path, "沈阳.xlsx", city_return("210100", "沈阳市"))
    jilin = [save(tmp_path, f"{c}.xlsx", city_return(c, regions().name(c))) for c in ("220100", "220200")]
    assert errors(merge([shenyang, *jilin], tmp_path)) == [("regions_differ", "沈阳.xlsx")]
    result = merge([shenyang, *jilin], tmp_path, region="210000")
    assert errors(result) == [("regions_differ", "220100.xlsx"), ("regions_differ", "220200.xlsx")]


def test_a_region_of_another_parent_stops_the_merge_before_anything_else(tmp_path):
    """regions_differ stops the merge as its siblings do: no header is made, so neither the missing unit
    nor an activity id shared with the odd file is reported before or after it, and nothing is written."""
    shenyang = save(tmp_path, "沈阳.xlsx", city_return("210100", "沈阳市", ids=(SHARED_ID,)))
    dalian = save(tmp_path, "大连.xlsx", city_return("210200", "大连市"))
    changchun = save(tmp_path, "长春.xlsx", city_return("220100", "长春市", ids=(SHARED_ID,)))
    target = tmp_path / "out" / "merged.xlsx"
    result = merge_files([shenyang, dalian, changchun], target, now=NOW)  # no unit, no contact
    assert [(f.code, f.file) for f in result.findings] == [("regions_differ", "长春.xlsx")]
    assert result.data.header == {} and result.data.activities == [] and not result.written
    assert not target.exists()
