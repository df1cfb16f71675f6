"""Blank templates: scope from the region's level, a fresh id with seq 1, drop-downs on at least 100 rows."""

from __future__ import annotations

import re
import uuid
import warnings

import pytest
from openpyxl import load_workbook

from lifelong_desktop.cli import main
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.writing.template import TemplateProblem, region_choices, write_template


def header_values(wb) -> dict:
    return {r[1]: r[2] for r in wb["填报信息"].iter_rows(values_only=True)}


def validations(ws) -> dict[str, tuple[int, int, str]]:
    """column letter -> (first row, last row, source) of each list validation."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        m = re.fullmatch(r"([A-Z]+)(\d+):\1(\d+)", str(dv.sqref))
        assert m and dv.type == "list", dv.sqref
        out[m.group(1)] = (int(m.group(2)), int(m.group(3)), dv.formula1)
    return out


def code_entries(wb, source: str) -> list[tuple]:
    m = re.fullmatch(r"'代码表'!\$C\$(\d+):\$C\$(\d+)", source)
    assert m, source
    rows = list(wb["代码表"].iter_rows(values_only=True))
    return rows[int(m.group(1)) - 1 : int(m.group(2))]


@pytest.fixture
def shenyang(tmp_path):
    path, data = write_template("210100", 2024, tmp_path / "沈阳模板.xlsx")
    return path, data, load_workbook(path)


def test_city_template_header(shenyang):
    _, data, wb = shenyang
    h = header_values(wb)
    assert h["format"] == "LLW-SUBMISSION" and h["format_version"] == "1.0"
    assert h["scope"] == "city" and h["region_code"] == "210100" and h["region_name"] == "沈阳市"
    assert h["year"] == "2024" and h["submission_seq"] == 1
    assert uuid.UUID(h["submission_id"]).version == 4
    assert h["submitting_unit"] is None and h["contact_name"] is None and h["data_as_of"] is None
    assert [r[1] for r in wb["填报信息"].iter_rows(values_only=True)] == [f.key for f in load_format().header]


def test_every_template_gets_a_fresh_submission_id(tmp_path):
    _, a = write_template("210100", 2024, tmp_path / "a.xlsx")
    _, b = write_template("210100", 2024, tmp_path / "b.xlsx")
    assert a.header["submission_id"] != b.header["submission_id"]


def test_drop_downs_on_at_least_100_rows_for_every_coded_and_region_column(shenyang):
    _, _, wb = shenyang
    fmt = load_format()
    for table in fmt.tables.values():
        ws = wb[table.sheet]
        assert ws.max_row <= 2 or all(c.value is None for r in ws.iter_rows(min_row=3) for c in r)
        found = validations(ws)
        for i, col in enumerate(table.columns):
            if col.type in ("code", "code_list", "region", "boolean"):
                first, last, _ = found[ws.cell(1, i + 1).column_letter]
                assert first == 3 and last - first + 1 >= 100, (table.sheet, col.key)


def test_region_drop_downs_offer_code_and_name_of_the_regions_cities_and_counties(shenyang):
    _, _, wb = shenyang
    ws = wb["活动"]
    keys = [c.value for c in ws[2]]
    found = validations(ws)
    city = code_entries(wb, found[ws.cell(1, keys.index("city_code") + 1).column_letter][2])
    county = code_entries(wb, found[ws.cell(1, keys.index("county_code") + 1).column_letter][2])
    assert [e[2] for e in city] == ["210100 沈阳市"]
    labels = [e[2] for e in county]
    assert "210102 和平区" in labels and "210181 新民市" in labels and len(labels) >= 10
    assert all(e[1] == e[2].split(" ")[0] for e in county)


def test_province_template_offers_the_province_and_its_cities():
    choices = region_choices("210000")
    codes = [c for c, _ in choices["city"]]
    assert codes[0] == "210000" and "210100" in codes and "211400" in codes and len(codes) == 15
    assert all(label == f"{code} {label.split(' ', 1)[1]}" for code, label in choices["county"])


def test_county_template_offers_its_prefecture_and_itself():
    choices = region_choices("210102")
    assert [c for c, _ in choices["city"]] == ["210100"]
    assert [c for c, _ in choices["county"]] == ["210102"]


def test_municipality_districts_use_the_prefecture_level_code():
    choices = region_choices("110000")
    assert "110100" in [c for c, _ in choices["city"]]


def test_summary_has_headings_only_and_instructions_say_to_raise_the_seq(shenyang):
    _, _, wb = shenyang
    rows = [r for r in wb["汇总"].iter_rows(values_only=True) if any(v is not None for v in r)]
    assert all(not isinstance(v, int) for r in rows for v in r)
    assert any(r[0] == "区县代码" for r in rows) and any(r[0] == "活动类型代码" for r in rows)
    text = "\n".join(r[0] for r in wb["填报说明"].iter_rows(values_only=True) if r[0])
    assert "填报版本号" in text and "加 1" in text
    assert "开幕式" in text and "乡镇街道社区" in text and "社会公众" in text  # the code lists in words
    assert "error" in text and "warning" in text


def test_unknown_region_and_bad_year_are_refused():
    with pytest.raises(TemplateProblem):
        write_template("219999", 2024, "x.xlsx")
    with pytest.raises(TemplateProblem):
        write_template("210100", 1999, "x.xlsx")


def test_template_command(tmp_path, capsys):
    out = tmp_path / "t.xlsx"
    assert main(["template", "--out", str(out), "--region", "210000", "--year", "2025"]) == 0
    assert "t.xlsx" in capsys.readouterr().out
    assert header_values(load_workbook(out))["scope"] == "province"
    assert main(["template", "--out", str(out), "--region", "999999", "--year", "2025"]) == 2
    err = capsys.readouterr().err
    assert "999999" in err and "Traceback" not in err and err.count("\n") == 1
    assert main(["template", "--out", str(tmp_path / "t.xls"), "--region", "210000", "--year", "2025"]) == 2


def test_county_template_says_which_codes_to_use(tmp_path):
    path, data = write_template("210102", 2024, tmp_path / "和平区.xlsx")
    assert data.header["scope"] == "county" and data.header["region_name"] == "沈阳市和平区"
    text = "\n".join(r[0] for r in load_workbook(path)["填报说明"].iter_rows(values_only=True) if r[0])
    assert "210100" in text and "210102" in text


def test_a_template_filled_in_by_hand_reads_back(tmp_path):
    reader = pytest.importorskip("lifelong_desktop.submission.reading.reader")
    from datetime import date, time

    path, _ = write_template("210100", 2024, tmp_path / "t.xlsx")
    wb = load_workbook(path)
    info = wb["填报信息"]
    for row in info.iter_rows():
        if row[1].value in ("submitting_unit", "contact_name", "contact_phone"):
            row[2].value = {
                "submitting_unit": "沈阳市教育局",
                "contact_name": "李老师",
                "contact_phone": "024-22781234",
            }[row[1].value]
    ws = wb["活动"]
    keys = [c.value for c in ws[2]]
    values = {
        "title": "社区读书会",
        "activity_type": "阅读推广",
        "level": "市级",
        "start_date": date(2024, 5, 18),
        "start_time": time(9, 30),
        "end_date": date(2024, 5, 18),
        "end_time": time(11, 0),
        "mode": "线下",
        "city_code": "210100 沈阳市",
        "county_code": "210102 和平区",
        "venue": "和平区图书馆",
        "hosts": "沈阳市教育局",
        "audiences": "社区居民；老年人",
        "status": "计划中",
        "featured": "否",
    }
    for key, value in values.items():
        ws.cell(3, keys.index(key) + 1, value)
    venues = wb["场地"]
    vkeys = [c.value for c in venues[2]]
    for key, value in {"name": "和平区图书馆", "city_code": "210100", "county_code": "210102"}.items():
        venues.cell(3, vkeys.index(key) + 1, value)
    orgs = wb["单位"]
    orgs.cell(3, 1, "沈阳市教育局")
    orgs.cell(3, 2, "政府部门")
    wb.save(path)
    result = reader.read_workbook(path)
    assert not [f for f in result.findings if f.severity == "error"], [f.as_text() for f in result.findings]
    act = result.data.activities[0]
    assert (
        act["city_code"] == "210100"
        and act["county_code"] == "210102"
        and act["audiences"] == ("community", "elderly")
    )


@pytest.mark.parametrize("region", ["000000", "210000", "210102"])
def test_templates_of_every_level_are_conformant_spreadsheetml(tmp_path, region):
    """Blank templates of every scope: parts Excel opens without repair; drop-downs from 代码表 on 100+ rows."""
    from tests.helpers.xlsx_package import check_package

    path, _ = write_template(region, 2024, tmp_path / f"{region}.xlsx")
    facts = check_package(path)
    assert facts["selected"] == [facts["active"]] == [0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # openpyxl in normal mode finds nothing to complain of
        assert load_workbook(path)["代码表"].sheet_state == "hidden"
    for name in ("活动", "单位", "场地"):
        sheet = facts["worksheets"][name]
        assert sheet["pane"] == "A3" and sheet["filter"].startswith("A2:") and sheet["filter"].endswith("2")
        assert sheet["validations"], name
        for sqref, source in sheet["validations"].items():
            m = re.fullmatch(r"([A-Z]+)3:\1(\d+)", sqref)
            assert m and int(m.group(2)) >= 102 and source.startswith("'代码表'!$C$"), (sqref, source)


def test_template_region_as_typed_with_an_ime_or_by_name(tmp_path, capsys):
    out = tmp_path / "t.xlsx"
    for typed, code in (("２１０１００", "210100"), ("沈阳市", "210100"), ("沈阳市和平区", "210102")):
        assert main(["template", "--out", str(out), "--region", typed, "--year", "2024"]) == 0, typed
        assert header_values(load_workbook(out))["region_code"] == code
    assert main(["template", "--out", str(out), "--region", "和平区", "--year", "2024"]) == 2  # two of them
    assert "和平区" in capsys.readouterr().err
