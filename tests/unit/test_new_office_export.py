"""A new office's own programme on the command line, from nothing to a valid national workbook (issue 9).

`lifelong programme new` (Jiangsu 2025), `programme set` of the unit and contact, a city template filled
as Nanjing would (openpyxl), `lifelong import`, `lifelong export`: the workbook passes the app's validator
and an independent reader written here from the format's text (openpyxl, not the app's reader). And an
export without 填报单位 exits 1, names 填报单位 and writes no file.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lifelong_desktop.cli import main
from lifelong_desktop.services.regions import regions

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)

FORMAT = json.loads(
    (Path(__file__).resolve().parents[2] / "resources/submission/format.json").read_text("utf-8")
)
PHONE = re.compile(r"\+?[0-9\-\s()]{5,20}")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _fill_nanjing_template(path: Path) -> None:
    """What a Nanjing clerk types into the blank template: the header and three activities, by hand."""
    wb = load_workbook(path)
    head = wb["填报信息"]
    for row in head.iter_rows(min_row=1):
        key = row[1].value
        if key in ("submitting_unit", "contact_name", "contact_phone", "theme"):
            row[2].value = {
                "submitting_unit": "南京市教育局",
                "contact_name": "陈静",
                "contact_phone": "025-8368 1234",
                "theme": "终身学习 乐享人生",
            }[key]
    ws = wb["活动"]
    keys = [c.value for c in ws[2]]
    rows = [
        {
            "title": "南京市终身学习活动周开幕式",
            "activity_type": "开幕式",
            "level": "市级",
            "start_date": date(2025, 10, 18),
            "start_time": "9:30",
            "end_date": date(2025, 10, 18),
            "end_time": "11:30",
            "mode": "线下",
            "city_code": "320100 南京市",
            "county_code": "320102",
            "venue": "南京图书馆",
            "hosts": "南京市教育局",
            "undertakers": "南京开放大学",
            "co_organisers": "南京市总工会；南京图书馆",
            "audiences": "社会公众、老年人",
            "expected_participants": "300",
            "status": "计划中",
            "contact_name": "陈静",
            "contact_phone": "025-83681234",
        },
        {
            "title": "“书香金陵”线上读书会",
            "activity_type": "阅读推广",
            "level": "市级",
            "start_date": "2025/10/20",
            "end_date": "2025年10月26日",
            "mode": "线上",
            "city_code": "320100",
            "online_url": "https://www.njlib.example/reading",
            "hosts": "南京图书馆",
            "audiences": "青少年",
            "status": "已确认",
        },
        {
            "title": "社区老年人智能手机课堂",
            "activity_type": "培训",
            "level": "乡镇街道社区",
            "start_date": "10月21日",
            "end_date": "10月21日",
            "start_time": "14:00-16:00",
            "mode": "线下",
            "city_code": "南京市",
            "county_code": "玄武区",
            "venue": "玄武区社区学习中心",
            "hosts": "南京开放大学",
            "audiences": "老年人",
            "expected_participants": 40,
            "status": "计划中",
        },
    ]
    for r, values in enumerate(rows, start=3):
        for key, value in values.items():
            ws.cell(r, keys.index(key) + 1, value)
    orgs = wb["单位"]
    org_keys = [c.value for c in orgs[2]]
    for r, (name, kind) in enumerate(
        (("南京市教育局", "政府部门"), ("南京开放大学", "开放大学"), ("南京图书馆", "文化场馆")), start=3
    ):
        orgs.cell(r, org_keys.index("name") + 1, name)
        orgs.cell(r, org_keys.index("org_type") + 1, kind)
    wb.save(path)


def _labels(code_list: str) -> set[str]:
    return {item["label"] for item in FORMAT["code_lists"][code_list]}


def independent_check(path: Path, region: str) -> list[str]:
    """The format's rules read from its description and checked on the cells with openpyxl alone."""
    wb = load_workbook(path)
    problems = []
    names = [s["name"] for s in FORMAT["sheets"]]
    if wb.sheetnames != names:
        problems.append(f"sheets {wb.sheetnames}")
    header = {row[1].value: row[2].value for row in wb["填报信息"].iter_rows(min_row=1)}
    for f in FORMAT["header"]["fields"]:
        if f["required"] and header.get(f["key"]) in (None, ""):
            problems.append(f"header {f['key']} blank")
    if header["region_code"] != region or header["scope"] != "province":
        problems.append(f"header region {header['region_code']} {header['scope']}")
    if header.get("contact_phone") and not PHONE.fullmatch(str(header["contact_phone"])):
        problems.append("header phone")
    for table in FORMAT["tables"].values():
        ws = wb[table["sheet"]]
        keys = [c.value for c in ws[2]]
        if keys != [c["key"] for c in table["columns"]]:
            problems.append(f"{table['sheet']} keys {keys}")
            continue
        for row in ws.iter_rows(min_row=3, values_only=True):
            problems.extend(_row_problems(table, dict(zip(keys, row, strict=True)), region))
    return problems


def _row_problems(table: dict, row: dict, region: str) -> list[str]:
    reg = regions()
    out = []
    for c in table["columns"]:
        value, key = row[c["key"]], c["key"]
        where = f"{table['sheet']} {key}={value!r}"
        if c.get("required") and value in (None, ""):
            out.append(where + " blank")
        if value in (None, ""):
            continue
        t = c.get("type")
        if t == "code" and value not in _labels(c["code_list"]):
            out.append(where + " not a label")
        elif t == "date" and not isinstance(value, datetime | date):
            out.append(where + " not a date cell")
        elif t == "time" and not isinstance(value, time):
            out.append(where + " not a time cell")
        elif t == "phone" and not PHONE.fullmatch(str(value)):
            out.append(where + " phone")
        elif t == "region" and (reg.get(str(value)) is None or not reg.is_inside(str(value), region)):
            out.append(where + " region outside")
        elif t == "text" and c.get("max_length") and len(str(value)) > c["max_length"]:
            out.append(where + " too long")
    if table["sheet"] == "活动" and row["start_date"] and row["end_date"]:
        if row["end_date"] < row["start_date"]:
            out.append(f"date order {row['title']}")
        if row["mode"] != "线上" and not row["venue"]:
            out.append(f"venue {row['title']}")
        if row["mode"] != "线下" and not row["online_url"]:
            out.append(f"url {row['title']}")
    return out


def test_jiangsu_from_nothing_to_a_valid_workbook(db_path, tmp_path, capsys):
    db, out = str(db_path), tmp_path / "江苏.xlsx"
    assert (
        _run(
            capsys,
            "programme",
            "new",
            "--db",
            db,
            "--region",
            "320000",
            "--year",
            "2025",
            "--theme",
            "终身学习",
        )[0]
        == 0
    )

    code, _, err = _run(capsys, "export", "--db", db, "--out", str(out))
    assert code == 1 and "填报单位" in err and "联系人" in err and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob("*.xlsx*"))
    assert json.loads(_run(capsys, "programme", "show", "--db", db, "--json")[1])["submission_seq"] == 0

    code, _, err = _run(
        capsys,
        "programme",
        "set",
        "--db",
        db,
        "--unit",
        "江苏省教育厅",
        "--contact",
        "李明",
        "--phone",
        "025-8335 1234",
    )
    assert code == 0, err
    template = tmp_path / "南京.xlsx"
    assert _run(capsys, "template", "--out", str(template), "--region", "320100", "--year", "2025")[0] == 0
    _fill_nanjing_template(template)
    code, stdout, err = _run(capsys, "import", "--db", db, str(template))
    assert code == 0, stdout + err

    code, stdout, err = _run(capsys, "export", "--db", db, "--out", str(out))
    assert code == 0, err
    code, stdout, _ = _run(capsys, "validate", str(out), "--json")
    result = json.loads(stdout)[0]
    assert code == 0 and result["findings"] == [], result
    assert independent_check(out, "320000") == []
    header = {r[1].value: r[2].value for r in load_workbook(out)["填报信息"].iter_rows()}
    assert (header["submitting_unit"], header["contact_name"], header["region_name"]) == (
        "江苏省教育厅",
        "李明",
        "江苏省",
    )
    assert (header["window_start"].date(), header["window_end"].date()) == (
        date(2025, 4, 1),
        date(2025, 12, 31),
    )
    _assert_own_region(out, "320000", "320100")
    titles = [r[1] for r in load_workbook(out)["活动"].iter_rows(min_row=3, values_only=True)]
    assert sorted(titles) == sorted(
        ["南京市终身学习活动周开幕式", "“书香金陵”线上读书会", "社区老年人智能手机课堂"]
    )


def _assert_own_region(path: Path, region: str, example: str) -> None:
    """地市代码/区县代码 carry the template's region drop-downs; the how-to's examples are the region's own."""
    wb = load_workbook(path)
    acts = wb["活动"]
    keys = [c.value for c in acts[2]]
    by_column = {
        str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1
        for dv in acts.data_validations.dataValidation
    }
    codes = wb["代码表"]
    for key in ("city_code", "county_code"):
        letter = chr(ord("A") + keys.index(key))
        assert letter in by_column, key
        first, last = by_column[letter].split("!")[1].replace("$", "").split(":")
        entries = [codes[f"C{r}"].value for r in range(int(first[1:]), int(last[1:]) + 1)]
        assert entries and all(e.split()[0].startswith(region[:2]) for e in entries), (key, entries[:3])
    how_to = "\n".join(str(r[0].value or "") for r in wb["填报说明"].iter_rows())
    assert f"如 {example}" in how_to and "210100" not in how_to and "2025-05-18" in how_to


def test_independent_check_finds_what_the_format_forbids(tmp_path, capsys):
    """The independent reader is not a rubber stamp: a phone and a blank required cell are found."""
    path = tmp_path / "t.xlsx"
    assert _run(capsys, "template", "--out", str(path), "--region", "320000", "--year", "2025")[0] == 0
    wb = load_workbook(path)
    ws = wb["活动"]
    ws["B3"], ws["Z3"] = "活动", "024+8689 1234"
    wb.save(path)
    problems = independent_check(path, "320000")
    assert any("phone" in p for p in problems) and any("blank" in p for p in problems)


@pytest.mark.parametrize("missing", ["--unit", "--contact"])
def test_export_names_each_missing_setting_and_writes_nothing(db_path, tmp_path, capsys, missing):
    db, out = str(db_path), tmp_path / "x.xlsx"
    assert _run(capsys, "programme", "new", "--db", db, "--region", "江苏省", "--year", "2025")[0] == 0
    given = {"--unit": "江苏省教育厅", "--contact": "李明"}
    given.pop(missing)
    assert _run(capsys, "programme", "set", "--db", db, *[x for kv in given.items() for x in kv])[0] == 0
    code, _, err = _run(capsys, "export", "--db", db, "--out", str(out))
    named = {"--unit": "填报单位", "--contact": "联系人"}
    assert code == 1 and named[missing] in err and named[next(iter(given))] + "：" not in err
    assert not out.exists()
