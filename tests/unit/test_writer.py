"""The workbook writer: sheets, headers, columns, number formats, drop-downs, no formulas, atomic writes."""

from __future__ import annotations

import os
import re
import uuid
import zipfile
from datetime import date, datetime, time

import pytest
from openpyxl import load_workbook

from lifelong_desktop import files
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.writing.output import WriteProblem
from lifelong_desktop.submission.writing.summary_sheet import summarise
from lifelong_desktop.submission.writing.writer import write_workbook
from tests.helpers.xlsx_package import check_package

INJECTIONS = ["=1+1", "+SUM(A1)", "-2", "@x", "\t=", "\r="]


def activity(title: str, **kw) -> dict:
    row = {
        "activity_id": str(uuid.uuid4()),
        "title": title,
        "activity_type": "lecture",
        "level": "provincial",
        "start_date": date(2024, 5, 18),
        "start_time": time(9, 30),
        "end_date": date(2024, 5, 18),
        "end_time": time(11, 0),
        "mode": "offline",
        "city_code": "210100",
        "venue": "沈阳市图书馆",
        "hosts": ("辽宁省教育厅", "沈阳市教育局"),
        "undertakers": ("沈阳开放大学",),
        "audiences": ("public", "elderly"),
        "expected_participants": 200,
        "actual_participants": None,
        "online_participants": 30,
        "status": "planned",
        "featured": True,
        "updated_at": datetime(2024, 4, 1, 8, 15),
    }
    row.update(kw)
    return row


def sample(n_extra: int = 0) -> WorkbookData:
    header = {
        "format": "LLW-SUBMISSION",
        "format_version": "1.0",
        "scope": "province",
        "region_code": "210000",
        "region_name": "辽宁省",
        "year": 2024,
        "theme": "终身学习",
        "window_start": date(2024, 4, 1),
        "window_end": date(2024, 12, 5),
        "submitting_unit": "辽宁省教育厅",
        "contact_name": "王老师",
        "contact_phone": "024-86891234",
        "submission_id": str(uuid.uuid4()),
        "submission_seq": 4,
        "data_as_of": datetime(2024, 6, 1, 10, 30),
        "generator": "lifelong-desktop test",
    }
    acts = (
        [activity(t) for t in INJECTIONS]
        + [
            activity(
                "线上课程",
                mode="online",
                venue=None,
                online_url="https://x.example.cn",
                city_code="210200",
                activity_type="online_course",
                featured=False,
                expected_participants=50,
                online_participants=None,
            ),
            activity(
                "全省开幕式",
                activity_type="opening_ceremony",
                city_code="210000",
                actual_participants=900,
                status="held",
            ),
        ]
        + [activity(f"补充{i}") for i in range(n_extra)]
    )
    orgs = [
        {"name": "辽宁省教育厅", "org_type": "government", "credit_code": None},
        {"name": '=HYPERLINK("x")', "org_type": "other"},
    ]
    venues = [
        {
            "name": "沈阳市图书馆",
            "city_code": "210100",
            "venue_type": "library",
            "capacity": 300,
            "accessible": False,
        }
    ]
    return WorkbookData(header=header, activities=acts, organisations=orgs, venues=venues)


@pytest.fixture
def written(tmp_path):
    data = sample()
    path = write_workbook(data, tmp_path / "out.xlsx")
    return data, path, load_workbook(path)


def test_sheets_in_format_order_and_code_sheet_hidden(written):
    _, _, wb = written
    fmt = load_format()
    assert wb.sheetnames == [s.name for s in fmt.sheets]
    for s in fmt.sheets:
        assert (wb[s.name].sheet_state == "visible") == s.visible
    assert wb["代码表"].sheet_state == "hidden"
    assert wb.active.title == "填报说明"


def test_header_sheet_has_exactly_the_rows_of_section_3(written):
    data, _, wb = written
    fmt = load_format()
    rows = list(wb[fmt.header_sheet].iter_rows(values_only=True))
    assert [r[1] for r in rows] == [f.key for f in fmt.header]
    assert [r[0].lstrip("*") for r in rows] == [f.label for f in fmt.header]
    values = {r[1]: r[2] for r in rows}
    assert (
        values["region_code"] == "210000" and values["year"] == "2024" and values["format_version"] == "1.0"
    )
    assert values["submission_seq"] == 4
    assert values["submission_id"] == data.header["submission_id"]
    ws = wb[fmt.header_sheet]
    as_of = next(r for r in ws.iter_rows() if r[1].value == "data_as_of")[2]
    assert (
        as_of.value == datetime(2024, 6, 1, 10, 30) and as_of.number_format == fmt.number_formats["datetime"]
    )
    year_cell = next(r for r in ws.iter_rows() if r[1].value == "year")[2]
    assert year_cell.data_type == "s"


def test_table_sheets_have_exactly_their_columns_in_order(written):
    _, _, wb = written
    fmt = load_format()
    for table in fmt.tables.values():
        ws = wb[table.sheet]
        labels = [c.value for c in ws[1]]
        keys = [c.value for c in ws[2]]
        assert keys == list(table.keys)
        assert labels == [("*" if c.required is True else "") + c.label for c in table.columns]
        assert ws.freeze_panes == "A3"
        end = ws.cell(2, len(table.columns)).column_letter
        assert re.fullmatch(rf"A2:{end}\d+", ws.auto_filter.ref)
        assert all(ws.column_dimensions[ws.cell(1, i + 1).column_letter].width >= 8 for i in range(len(keys)))


def test_values_codes_as_labels_lists_joined_booleans_and_real_dates(written):
    data, _, wb = written
    fmt = load_format()
    ws = wb["活动"]
    col = {c.value: c.column for c in ws[2]}
    row = 3
    first = data.activities[0]

    def cell(key):
        return ws.cell(row, col[key])

    assert (
        cell("activity_type").value == "讲座"
        and cell("level").value == "省级"
        and cell("status").value == "计划中"
    )
    assert cell("hosts").value == "辽宁省教育厅；沈阳市教育局"
    assert cell("audiences").value == "社会公众；老年人"
    assert cell("featured").value == "是"
    assert cell("city_code").value == "210100" and cell("city_code").data_type == "s"
    assert cell("expected_participants").value == 200 and cell("expected_participants").data_type == "n"
    assert cell("actual_participants").value is None
    for key, kind in (
        ("start_date", "date"),
        ("end_date", "date"),
        ("start_time", "time"),
        ("end_time", "time"),
        ("updated_at", "datetime"),
    ):
        assert cell(key).is_date and cell(key).number_format == fmt.number_formats[kind], key
    assert cell("start_date").value.date() == first["start_date"]
    assert cell("start_time").value == time(9, 30)
    assert cell("updated_at").value == datetime(2024, 4, 1, 8, 15)
    venues = wb["场地"]
    assert [c.value for c in venues[3]][4:7] == ["图书馆", 300, "否"]


def test_formula_like_strings_stay_text_with_quote_prefix(written):
    _, path, wb = written
    ws = wb["活动"]
    titles = {ws.cell(r, 2).value: ws.cell(r, 2) for r in range(3, ws.max_row + 1)}
    for text in INJECTIONS:
        c = titles[text]
        assert c.data_type == "s" and c.quotePrefix, text
    assert not titles["线上课程"].quotePrefix
    org = wb["单位"].cell(4, 1)
    assert org.value == '=HYPERLINK("x")' and org.data_type == "s" and org.quotePrefix


def test_no_formula_anywhere(written):
    _, path, wb = written
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row), ws.title
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode("utf-8")
                assert not re.search(r"<f[ >/]", xml), name


def test_every_coded_column_has_a_list_validation_on_its_code_sheet_range(written):
    _, _, wb = written
    fmt = load_format()
    codes = wb["代码表"]
    code_rows = list(codes.iter_rows(values_only=True))
    for table in fmt.tables.values():
        ws = wb[table.sheet]
        validations = list(ws.data_validations.dataValidation)
        for i, column in enumerate(table.columns):
            if column.type not in ("code", "code_list"):
                continue
            letter = ws.cell(1, i + 1).column_letter
            dv = next((v for v in validations if str(v.sqref).startswith(f"{letter}3:")), None)
            assert dv is not None and dv.type == "list", (table.sheet, column.key)
            m = re.fullmatch(r"'代码表'!\$C\$(\d+):\$C\$(\d+)", dv.formula1)
            assert m, dv.formula1
            a, b = int(m.group(1)), int(m.group(2))
            entries = code_rows[a - 1 : b]
            assert {e[0] for e in entries} == {column.code_list}
            assert [e[2] for e in entries] == [item.label for item in fmt.code_lists[column.code_list]]
            assert [e[1] for e in entries] == [item.key for item in fmt.code_lists[column.code_list]]
            last = int(str(dv.sqref).split(":")[1][len(letter) :])
            assert last >= 3 + len(table_rows(wb, table.sheet)) - 1 + 100


def table_rows(wb, sheet):
    return [r for r in wb[sheet].iter_rows(min_row=3, values_only=True) if any(v is not None for v in r)]


def test_activities_and_other_tables_start_at_row_3(written):
    data, _, wb = written
    assert len(table_rows(wb, "活动")) == len(data.activities)
    assert len(table_rows(wb, "单位")) == len(data.organisations)
    assert [r[0] for r in table_rows(wb, "单位")] == [o["name"] for o in data.organisations]


def test_text_that_xml_cannot_carry_is_escaped_and_round_trips(tmp_path):
    data = sample()
    data.activities[0]["description"] = "第一行\n第二行 _x0041_ & <b> "
    path = write_workbook(data, tmp_path / "esc.xlsx")
    ws = load_workbook(path)["活动"]
    col = [c.value for c in ws[2]].index("description") + 1
    assert ws.cell(3, col).value == "第一行\n第二行 _x0041_ & <b> "


def test_summary_counts_by_city_and_type(written):
    data, _, wb = written
    rows = list(wb["汇总"].iter_rows(values_only=True))
    by_code = {r[0]: r for r in rows if r[0]}
    assert by_code["210100"][1:6] == ("沈阳市", 6, 1200, 0, 180)
    assert by_code["210200"][2:6] == (1, 50, 0, 0)
    assert by_code["210000"][2:6] == (1, 200, 900, 30)
    assert by_code["211400"][2] == 0  # every city listed, zeros too
    totals = [r for r in rows if r[1] == "合计"]
    assert len(totals) == 2 and all(t[2:6] == (8, 1450, 900, 210) for t in totals)
    assert by_code["lecture"][1:3] == ("讲座", 6)
    assert all(c.data_type != "f" for r in wb["汇总"].iter_rows() for c in r)


def test_national_summary_counts_by_province():
    data = sample()
    data.header.update(scope="national", region_code="000000", region_name="全国")
    data.activities.append(activity("北京活动", city_code="110100"))
    s = summarise(data)
    codes = {t.code: t.count for t in s.by_region}
    assert codes["210000"] == 8 and codes["110000"] == 1 and len(codes) >= 31


def test_lock_file_beside_target_refuses_before_writing(tmp_path):
    target = tmp_path / "报送.xlsx"
    target.write_bytes(b"old")
    (tmp_path / "~$报送.xlsx").write_bytes(b"lock")
    with pytest.raises(WriteProblem) as exc:
        write_workbook(sample(), target)
    assert exc.value.code == "target_open"
    assert "报送.xlsx" in exc.value.message("zh") and "\n" not in exc.value.message("zh")
    assert (
        isinstance(exc.value, OSError) and str(exc.value) == exc.value.message()
    )  # callers catching OSError
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["~$报送.xlsx", "报送.xlsx"]


def test_failed_rename_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(
            13, "The process cannot access the file because it is being used by another process"
        )

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(WriteProblem) as exc:
        write_workbook(sample(), target)
    assert exc.value.code == "target_open"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_briefly_held_file_is_retried_and_a_read_only_one_named(tmp_path, monkeypatch):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    real, calls = os.replace, []

    def busy_twice(src, dst):
        calls.append(dst)
        if len(calls) < 3:
            raise PermissionError(32, "used by another process")
        real(src, dst)

    monkeypatch.setattr(files, "RENAME_ATTEMPTS", 3)
    monkeypatch.setattr(files.os, "replace", busy_twice)
    write_workbook(sample(), target)
    assert len(calls) == 3 and zipfile.is_zipfile(target)
    monkeypatch.undo()
    monkeypatch.setattr(files.os, "access", lambda p, mode: False)
    with pytest.raises(WriteProblem) as exc:
        write_workbook(sample(), target)
    assert exc.value.code == "permission_denied"


def test_failure_while_writing_leaves_the_old_file(tmp_path, monkeypatch):
    from lifelong_desktop.submission.writing import writer

    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def broken(*a, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "write_package", broken)
    with pytest.raises(WriteProblem) as exc:
        writer.write_workbook(sample(), target)
    assert exc.value.code == "disk_full"
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_target_must_be_an_xlsx_in_an_existing_folder(tmp_path):
    for path, code in ((tmp_path / "x.xls", "not_xlsx"), (tmp_path / "nope" / "x.xlsx", "no_folder")):
        with pytest.raises(WriteProblem) as exc:
            write_workbook(sample(), path)
        assert exc.value.code == code


def test_new_file_is_readable_like_any_new_file(tmp_path):
    path = write_workbook(sample(), tmp_path / "m.xlsx")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_reader_reads_back_what_the_writer_wrote(tmp_path):
    reader = pytest.importorskip("lifelong_desktop.submission.reading.reader")
    data = sample()
    data.organisations = [
        {"name": n, "org_type": "government"} for n in ("辽宁省教育厅", "沈阳市教育局", "沈阳开放大学")
    ]
    path = write_workbook(data, tmp_path / "rt.xlsx")
    result = reader.read_workbook(path)
    assert not [f for f in result.findings if f.severity == "error"], [f.as_text() for f in result.findings]
    back = {a["activity_id"]: a for a in result.data.activities}
    for a in data.activities:
        got = back[a["activity_id"]]
        for key, value in a.items():
            expected = value.strip() if isinstance(value, str) else value  # the reader trims white space
            assert got.get(key) == (None if expected == "" else expected), key


def test_format_doc_is_generated_from_format_json():
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "docs" / "make_format_doc.py"
    spec = importlib.util.spec_from_file_location("make_format_doc", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.render()
    fmt = load_format()
    assert all(f"`{c.key}`" in text for t in fmt.tables.values() for c in t.columns)
    assert module.main(["--check"]) == 0, "docs/submission-format.md is stale: run docs/make_format_doc.py"


@pytest.mark.slow
def test_libreoffice_opens_the_workbook_with_its_values_and_drop_downs(tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    data = sample()
    src = write_workbook(data, tmp_path / "in.xlsx")
    out = tmp_path / "lo"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    wb = load_workbook(out / "in.xlsx")
    assert wb.sheetnames == [s.name for s in load_format().sheets] and wb["代码表"].sheet_state == "hidden"
    ws = wb["活动"]
    assert [c.value for c in ws[2]] == list(load_format().tables["activities"].keys)
    titles = [ws.cell(r, 2).value for r in range(3, 3 + len(data.activities))]
    assert titles == [a["title"] for a in data.activities]
    assert ws.cell(3, 6).value == datetime(2024, 5, 18)
    sources = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert sources["C3"].endswith("$C$3:$C$15") and "代码表" in sources["C3"]


def test_low_level_encodings():
    from lifelong_desktop.submission.xlsx import writer as xlsx

    assert [xlsx.column_letter(i) for i in (0, 25, 26, 27, 701)] == ["A", "Z", "AA", "AB", "ZZ"]
    assert xlsx.escape_text("普通文字") == "普通文字"
    assert xlsx.escape_text("a<b>&c") == "a&lt;b&gt;&amp;c"
    assert xlsx.escape_text("x\x01y\x1fz") == "x_x0001_y_x001F_z"
    assert xlsx.escape_text("\r=") == "&#13;="
    assert xlsx.escape_text("tab\tline\n") == "tab\tline\n"
    assert xlsx.escape_text("_x0041_ and _x12") == "_x005F_x0041_ and _x12"
    assert xlsx.date_serial(date(2024, 4, 26)) == 45408
    assert xlsx.time_fraction(time(12, 0)) == 0.5
    assert xlsx.datetime_serial(datetime(2024, 4, 26, 18, 0)) == 45408.75


def test_control_characters_never_make_invalid_xml(tmp_path):
    from lxml import etree

    data = sample()
    data.activities[0]["description"] = "坏字符\x00\x07\x1b结束"
    path = write_workbook(data, tmp_path / "ctl.xlsx")
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                etree.fromstring(z.read(name))  # raises on invalid XML
    assert load_workbook(path)["活动"].max_row == 2 + len(data.activities)


def test_export_is_conformant_spreadsheetml(tmp_path):
    data = sample(n_extra=3)
    data.activities[0]["description"] = "  前后有空格  "
    data.activities[1]["description"] = "两行\n文字"
    facts = check_package(write_workbook(data, tmp_path / "e.xlsx"))
    assert facts["selected"] == [facts["active"]] == [0]
    assert facts["states"] == ["visible"] * 6 + ["hidden"] and facts["sheets"][-1] == "代码表"
    acts = facts["worksheets"]["活动"]
    assert acts["pane"] == "A3" and acts["filter"] == f"A2:AB{2 + len(data.activities)}"
    assert acts["validations"] and all(v.startswith("'代码表'!$C$") for v in acts["validations"].values())
    # cross-sheet lists stay in the main namespace: Excel 2007 reads only these, 2010+ reads them too;
    # the x14 extLst form (what Excel 2010+ itself writes) would be lost on Excel 2007
    with zipfile.ZipFile(tmp_path / "e.xlsx") as z:
        assert not [n for n in z.namelist() if b"x14:" in z.read(n) or b"<extLst" in z.read(n)]


def test_blank_template_is_conformant_spreadsheetml(tmp_path):
    from lifelong_desktop.submission.writing.template import write_template

    path, _ = write_template("210100", 2024, tmp_path / "t.xlsx")
    facts = check_package(path)
    acts = facts["worksheets"]["活动"]
    assert acts["filter"] == "A2:AB2" and acts["pane"] == "A3" and len(acts["validations"]) >= 8


def test_active_tab_is_the_first_visible_sheet_and_the_only_selected_one(tmp_path):
    from lifelong_desktop.submission.xlsx import writer as xlsx

    book = xlsx.XlsxWriter(tmp_path / "h.xlsx")
    book.sheet("隐藏", hidden=True).close()
    book.sheet("可见", freeze="A1").close()  # A1 freezes nothing: no pane
    book.sheet("其他").close()
    book.close()
    facts = check_package(tmp_path / "h.xlsx")
    assert facts["active"] == 1 and facts["selected"] == [1] and facts["worksheets"]["可见"]["pane"] is None


@pytest.mark.parametrize("name", ["", "x" * 32, "a/b", "a[1]", "问?", "'引号'", "History"])
def test_sheet_names_excel_refuses_are_refused(tmp_path, name):
    from lifelong_desktop.submission.xlsx import writer as xlsx

    book = xlsx.XlsxWriter(tmp_path / "n.xlsx")
    with pytest.raises(ValueError):
        book.sheet(name)
    book.abort()


def test_a_workbook_without_a_visible_sheet_or_with_a_name_twice_is_refused(tmp_path):
    from lifelong_desktop.submission.xlsx import writer as xlsx

    book = xlsx.XlsxWriter(tmp_path / "v.xlsx")
    book.sheet("代码表", hidden=True).close()
    with pytest.raises(ValueError):
        book.sheet("代码表")
    with pytest.raises(ValueError):
        book.close()
    book.abort()


def test_values_excel_cannot_hold_are_written_so_that_it_opens_the_file(tmp_path):
    from lifelong_desktop.submission.xlsx import writer as xlsx

    long_text = "长" * 40_000
    pairs = "𠀀" * 20_000  # outside the BMP: two UTF-16 units each
    book = xlsx.XlsxWriter(tmp_path / "lim.xlsx")
    sheet = book.sheet("S")
    sheet.append(
        [
            long_text,
            pairs,
            10**20,
            -(10**16),
            date(1899, 12, 31),
            datetime(1900, 1, 5, 8, 0),
            date(1900, 3, 1),
            1e308,
            "半个\ud800代理",
        ]
    )
    sheet.skip(xlsx.MAX_ROWS - 1)
    with pytest.raises(ValueError):
        sheet.append(["too far"])
    sheet.close()
    book.close()
    check_package(tmp_path / "lim.xlsx")
    row = next(load_workbook(tmp_path / "lim.xlsx")["S"].iter_rows(values_only=True))
    assert row[0] == long_text[: xlsx.MAX_CELL_CHARS]
    assert row[1] == pairs[: xlsx.MAX_CELL_CHARS // 2]  # cut between pairs, never inside one
    assert row[2:6] == ("100000000000000000000", "-10000000000000000", "1899-12-31", "1900-01-05 08:00")
    assert row[6] == datetime(1900, 3, 1) and row[7] == "1e+308"
    assert xlsx.clip_text("短") == "短"


def test_widths_and_validations_stay_within_excel_limits(tmp_path):
    from lifelong_desktop.submission.xlsx import writer as xlsx

    book = xlsx.XlsxWriter(tmp_path / "w.xlsx")
    sheet = book.sheet("S", widths=[10, 400])
    sheet.append(["a", "b"])
    sheet.list_validation("A2:A9", "'S'!$A$1:$A$1", prompt="请选择" * 85)
    with pytest.raises(ValueError):
        sheet.list_validation("B2:B9", "'S'!$A$1:$A$1", prompt="x" * 256)
    sheet.close()
    book.close()
    check_package(tmp_path / "w.xlsx")
    assert load_workbook(tmp_path / "w.xlsx")["S"].column_dimensions["B"].width == 255


def test_content_types_come_first_in_the_zip_as_file_type_sniffers_expect(tmp_path):
    from lifelong_desktop.submission.xlsx import writer as xlsx

    path = write_workbook(sample(), tmp_path / "order.xlsx")
    names = zipfile.ZipFile(path).namelist()
    assert names[0] == "[Content_Types].xml" and names[2].startswith("xl/")  # libmagic's msooxml rule
    book = xlsx.XlsxWriter(tmp_path / "n.xlsx", sheet_count=2)
    book.sheet("一").close()
    with pytest.raises(ValueError):
        book.close()  # one sheet written, two announced in the content types
    book.abort()
