"""Workbooks that look clean but are not (issue 10, classes 1 to 4 and 9): the exact reading of each class.

Every file is made here, from the sample workbook, by openpyxl or by editing the sheet XML; each test names
the findings and cells it expects, for every member of its class (every read sheet, every column, every
error value), not for one sample.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, timedelta

import openpyxl
import pytest

from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.reading.error_values import ERROR_LITERALS
from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.submission.xlsx.writer import column_letter
from tests.helpers.hostile import mh
from tests.helpers.hostile_edits import edit_sheet, error_cell, with_sheet_copy

FMT = load_format()
ACTS = FMT.tables["activities"]
READ_SHEETS = [s.name for s in FMT.sheets if s.read]
LOOK_ALIKES = {
    "trailing space": "{} ",
    "leading space": " {}",
    "trailing U+3000": "{}\u3000",
    "leading U+3000": "\u3000{}",
    "inner U+3000": "{}",  # filled in below: a space inside the name
}


def found(result):
    return [(f.severity, f.code, f.where()) for f in result.findings]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return mh.build_workbook(tmp_path_factory.mktemp("hostile") / "sample.xlsx")


def _look_alike(name: str, how: str) -> str:
    if how == "inner U+3000":
        return name[0] + "\u3000" + name[1:]
    return LOOK_ALIKES[how].format(name)


# ---------------------------------------------------------------- class 1: look-alike sheets


@pytest.mark.parametrize("how", list(LOOK_ALIKES))
@pytest.mark.parametrize("sheet", READ_SHEETS)
@pytest.mark.parametrize("first", [True, False], ids=["before", "after"])
def test_a_look_alike_sheet_is_refused_naming_both(sample, tmp_path, sheet, how, first):
    other = _look_alike(sheet, how)
    path = with_sheet_copy(sample, tmp_path / "twins.xlsx", sheet, other, first=first)
    result = read_workbook(path)
    assert found(result) == [("error", "duplicate_sheet", sheet)]
    names = result.findings[0].params["names"]
    assert f"“{sheet}”" in names["zh"] and names["zh"].count("“") == 2 and "␣" in names["zh"]
    assert f'"{sheet}", ' in names["en"] or f', "{sheet}"' in names["en"]
    assert result.exit_code == 1
    assert sheet in result.findings[0].message("zh") and "␣" in result.findings[0].message("en")


@pytest.mark.parametrize("sheet", READ_SHEETS)
def test_only_a_look_alike_is_a_missing_sheet_that_says_which(sample, tmp_path, sheet):
    path = with_sheet_copy(sample, tmp_path / "alike.xlsx", sheet, sheet + " ", first=False, drop_real=True)
    result = read_workbook(path)
    errors = [f for f in result.findings if f.severity == "error"]
    if sheet in ("单位", "场地"):  # optional sheets: read as empty, the look-alike never replaces them
        assert errors == [] and result.data.table("organisations" if sheet == "单位" else "venues") == []
        return
    assert [(f.code, f.sheet) for f in errors] == [("missing_sheet", sheet)]
    assert f"{sheet}␣" in errors[0].message("zh") and "rename" in errors[0].message("en")


# ---------------------------------------------------------------- class 2: columns without a usable key


@pytest.mark.parametrize("key", ACTS.keys)
def test_a_cleared_key_cell_reads_the_column_by_its_label(sample, tmp_path, key):
    col = column_letter(ACTS.keys.index(key))
    path = edit_sheet(sample, tmp_path / "k.xlsx", "活动", lambda ws: ws.__setitem__(f"{col}2", None))
    result = read_workbook(path)
    assert found(result) == [("warning", "column_key_missing", f"活动!{col}2")]
    assert result.findings[0].key == key
    assert result.data.activities == read_workbook(sample).data.activities


@pytest.mark.parametrize("key", ACTS.keys[1:])
def test_a_key_cell_merged_into_its_neighbour_reads_the_column_by_its_label(sample, tmp_path, key):
    col = ACTS.keys.index(key)
    left, right = column_letter(col - 1), column_letter(col)
    path = edit_sheet(sample, tmp_path / "m.xlsx", "活动", lambda ws: ws.merge_cells(f"{left}2:{right}2"))
    result = read_workbook(path)
    assert found(result) == [("warning", "column_key_missing", f"活动!{right}2")]
    assert result.data.activities == read_workbook(sample).data.activities


@pytest.mark.parametrize("table_id", ["organisations", "venues"])
def test_register_sheets_read_keyless_columns_by_label_too(sample, tmp_path, table_id):
    table = FMT.tables[table_id]
    path = edit_sheet(sample, tmp_path / "r.xlsx", table.sheet, lambda ws: ws.__setitem__("B2", "  "))
    result = read_workbook(path)
    assert found(result) == [("warning", "column_key_missing", f"{table.sheet}!B2")]
    assert result.data.table(table_id) == read_workbook(sample).data.table(table_id)


@pytest.mark.parametrize("key", ACTS.keys)
def test_an_error_value_in_any_activity_column_is_an_error_at_its_cell(sample, tmp_path, key):
    cell = f"{column_letter(ACTS.keys.index(key))}3"
    result = read_workbook(error_cell(sample, tmp_path / "e.xlsx", "活动", cell, b"#N/A"))
    assert found(result) == [("error", "error_value", f"活动!{cell}")]
    assert result.findings[0].params["value"] == "#N/A"


@pytest.mark.parametrize("value", sorted(ERROR_LITERALS - {"#SPILL!", "#CALC!", "#GETTING_DATA"}))
@pytest.mark.parametrize("sheet, cell", [("活动", "S3"), ("填报信息", "C9"), ("单位", "C2"), ("场地", "F3")])
def test_every_error_value_in_every_read_sheet(sample, tmp_path, value, sheet, cell):
    result = read_workbook(error_cell(sample, tmp_path / "e.xlsx", sheet, cell, value.encode()))
    assert ("error", "error_value", f"{sheet}!{cell}") in found(result)
    assert [f for f in result.findings if f.cell == cell and f.sheet == sheet][0].params["value"] == value
    assert result.exit_code == 1


@pytest.mark.parametrize("number", [b"NaN", b"INF", b"-inf", b"1e999"])
@pytest.mark.parametrize("key", ["expected_participants", "start_date", "title", "description"])
def test_non_finite_numbers_are_error_values_never_blanks(sample, tmp_path, number, key):
    cell = f"{column_letter(ACTS.keys.index(key))}3"
    part = mh.sheet_part(sample, "活动")
    with zipfile.ZipFile(sample) as z:
        xml = z.read(part)
    xml = re.sub(
        rb'<c r="%s"[^>]*?(?:/>|>.*?</c>)' % cell.encode(),
        b'<c r="%s"><v>%s</v></c>' % (cell.encode(), number),
        xml,
        count=1,
        flags=re.S,
    )
    result = read_workbook(mh._rewrite(sample, tmp_path / "n.xlsx", {part: xml}))
    assert found(result) == [("error", "error_value", f"活动!{cell}")]


def test_an_error_literal_typed_as_text_is_an_error_value(sample, tmp_path):
    path = edit_sheet(sample, tmp_path / "t.xlsx", "活动", lambda ws: ws.__setitem__("Z3", " #ref! "))
    assert found(read_workbook(path)) == [("error", "error_value", "活动!Z3")]


# ---------------------------------------------------------------- class 3: header rows read twice or out of place


@pytest.mark.parametrize("key", [c.key for c in FMT.header])
def test_a_header_key_given_twice_is_an_error_at_the_second(sample, tmp_path, key):
    def twice(ws):
        row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == key)
        ws.append([row[0].value, f" {key.upper()} ", row[2].value])

    path = edit_sheet(sample, tmp_path / "h.xlsx", "填报信息", twice)
    result = read_workbook(path)
    last = openpyxl.load_workbook(path)["填报信息"].max_row
    assert found(result) == [("error", "duplicate_key", f"填报信息!B{last}")]
    assert result.findings[0].key == key


@pytest.mark.parametrize("key", ["title", "start_date", "description", "activity_id"])
def test_a_column_key_given_twice_is_an_error(sample, tmp_path, key):
    def twice(ws):
        at = ACTS.keys.index(key) + 1
        ws.cell(1, len(ACTS.keys) + 1, ws.cell(1, at).value)
        ws.cell(2, len(ACTS.keys) + 1, key)
        ws.cell(3, len(ACTS.keys) + 1, "x")

    result = read_workbook(edit_sheet(sample, tmp_path / "c.xlsx", "活动", twice))
    assert ("error", "duplicate_column", f"活动!{column_letter(len(ACTS.keys))}2") in found(result)


def test_labels_with_extra_spaces_read_alike_with_and_without_the_key_row(sample, tmp_path):
    def spaced(ws):
        for cell in ws[1]:
            cell.value = f" {cell.value[:1]} {cell.value[1:]}\u3000" if cell.value else cell.value

    clean = read_workbook(sample).data.activities
    keyed = read_workbook(edit_sheet(sample, tmp_path / "s1.xlsx", "活动", spaced))
    assert found(keyed) == [] and keyed.data.activities == clean

    def no_keys(ws):
        spaced(ws)
        ws.delete_rows(2)

    labelled = read_workbook(edit_sheet(sample, tmp_path / "s2.xlsx", "活动", no_keys))
    assert found(labelled) == [] and labelled.data.activities == clean


# ---------------------------------------------------------------- class 4: dates outside the programme


@pytest.mark.parametrize("day", [date(2031, 5, 1), date(1900, 5, 1), date(2023, 12, 31), date(2025, 1, 1)])
def test_dates_outside_the_year_are_warnings_at_their_cells(tmp_path, day):
    act = mh.sample_activity(start_date=day, end_date=day)
    result = read_workbook(mh.build_workbook(tmp_path / "y.xlsx", activities=[act]))
    assert found(result) == [
        ("warning", "date_outside_year", "活动!F3"),
        ("warning", "date_outside_year", "活动!H3"),
    ]
    assert result.exit_code == 0 and "2024" in result.findings[0].message("zh")


def test_dates_outside_the_window_are_warnings_and_no_window_means_the_year_alone(tmp_path):
    act = mh.sample_activity(start_date=date(2024, 3, 20), end_date=date(2024, 12, 20))
    result = read_workbook(mh.build_workbook(tmp_path / "w.xlsx", activities=[act]))
    assert found(result) == [
        ("warning", "date_outside_window", "活动!F3"),
        ("warning", "date_outside_window", "活动!H3"),
    ]
    header = mh.sample_header(window_start=None, window_end=None)
    result = read_workbook(mh.build_workbook(tmp_path / "n.xlsx", header=header, activities=[act]))
    assert found(result) == []


def test_the_1904_date_flag_that_moves_dates_out_of_the_year_says_so(sample, tmp_path):
    with zipfile.ZipFile(sample) as z:
        book = z.read("xl/workbook.xml")
    if b"<workbookPr" in book:
        book = re.sub(rb"<workbookPr", b'<workbookPr date1904="1"', book, count=1)
    else:
        book = book.replace(b"<sheets>", b'<workbookPr date1904="1"/><sheets>', 1)
    result = read_workbook(mh._rewrite(sample, tmp_path / "1904.xlsx", {"xl/workbook.xml": book}))
    moved = date(2024, 10, 26) + timedelta(days=1462)
    assert result.data.activities[0]["start_date"] == moved
    assert found(result) == [
        ("warning", "date_system_1904", "活动"),
        ("warning", "date_outside_year", "活动!F3"),
        ("warning", "date_outside_year", "活动!H3"),
    ]
    assert "1904" in result.findings[0].message("zh") and "1904" in result.findings[0].message("en")


# ---------------------------------------------------------------- class 9: findings capped per code and sheet


def test_findings_are_capped_per_code_and_sheet_with_a_count_of_the_rest(tmp_path):
    acts = [mh.sample_activity(activity_id=None, level="无此级别", status="无此状态") for _ in range(350)]
    result = read_workbook(mh.build_workbook(tmp_path / "many.xlsx", activities=acts))
    codes = [(f.code, f.key) for f in result.findings]
    assert codes.count(("invalid_code", "level")) + codes.count(("invalid_code", "status")) == 100
    more = [f for f in result.findings if f.code == "more_findings"]
    assert [(f.severity, f.sheet, f.key, f.params["count"]) for f in more] == [
        ("error", "活动", "invalid_code", "600")
    ]
    assert "600" in more[0].message("zh") and "600 more like this" in more[0].message("en")
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "rows",
    [
        b'<row r="150000"><c r="B150000" t="inlineStr"><is><t>x</t></is></c></row>',
        b'<row r="7"><c r="DA7" t="inlineStr"><is><t>x</t></is></c></row>'
        b'<row r="400000"><c r="C400000" s="1"/><c r="A400000"><v>1</v></c></row>',
        b'<row r="200000" s="1" customFormat="1"><c r="XFD200000" s="1"/></row>',
    ],
    ids=["far row", "far column and far value", "far styled cell only"],
)
def test_far_cells_get_the_same_extent_by_pattern_as_by_walking_them(sample, tmp_path, rows):
    """Plain far references are measured by a pattern pass (fast); it must agree with the precise walk."""
    from lifelong_desktop.submission.reading import safety

    part = mh.sheet_part(sample, "活动")
    with zipfile.ZipFile(sample) as z:
        xml = z.read(part)
    path = mh._rewrite(
        sample, tmp_path / "far.xlsx", {part: xml.replace(b"</sheetData>", rows + b"</sheetData>")}
    )
    with zipfile.ZipFile(path) as zf:
        rows, columns = safety.value_extent(zf, part)
        assert (rows, columns) == safety.precise_scan(zf, part).extent
    assert safety.inspect_workbook(path).ok == (rows * columns <= safety.MAX_CELLS)


@pytest.mark.parametrize("cells", [["C3", "D4"], ["B1"], ["A5"], ["E2", "A9"], ["A1"], []])
def test_rows_are_placed_from_a1_whatever_the_first_used_cell(tmp_path, cells):
    """The reader's row-by-row copy of a sheet names cells as the whole-grid copy does."""
    from python_calamine import CalamineWorkbook

    from lifelong_desktop.submission.reading.reader import _sheet_rows

    wb = openpyxl.Workbook()
    for i, ref in enumerate(cells):
        wb.active[ref] = f"v{i}"
    wb.save(tmp_path / "shape.xlsx")
    book = CalamineWorkbook.from_path(str(tmp_path / "shape.xlsx"))
    whole = book.get_sheet_by_name("Sheet").to_python(skip_empty_area=False)
    assert _sheet_rows(book, "Sheet") == whole


NEW_CODES = [
    "duplicate_sheet",
    "missing_sheet.similar",
    "duplicate_key",
    "duplicate_column",
    "column_key_missing",
    "error_value",
    "date_outside_year",
    "date_outside_window",
    "date_system_1904",
    "more_findings",
    "column_absent_kept",
    "scopes_differ.higher",
    "copied_sheet",
]


@pytest.mark.parametrize("code", NEW_CODES)
def test_every_new_code_has_a_full_sentence_in_both_languages(code):
    from lifelong_desktop import messages

    params = dict(
        sheet="活动", cell="B3", key="title", label="活动名称", value="#N/A",
        names={"zh": "“活动”、“活动␣”", "en": '"活动", "活动␣"'},
        name="活动", similar="活动␣", first="B2", year=2024, start="2024-04-01", end="2024-12-06",
        count="99,989", what="invalid_code", region="210000 辽宁省",
        scope_word={"zh": "省级", "en": "provincial"}, expected_word={"zh": "地市级", "en": "city"},
        copy="活动 (2)", table="活动", rows=12,
    )  # fmt: skip
    for lang in ("zh", "en"):
        assert messages.has("finding." + code)
        text = messages.render("finding." + code, lang, **params)
        assert "{" not in text and len(text) > 20, (code, lang, text)


# ---------------------------------------------------------------- a cell attribute a cell does not have


def _rewrite_cell(sample, dest, sheet: str, old: bytes, new: bytes):
    """The sample with the first occurrence of `old` in `sheet`'s XML replaced by `new` (all else as it was)."""
    part = mh.sheet_part(sample, sheet)
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == part:
                assert old in data
                data = data.replace(old, new, 1)
            out.writestr(item, data)
    return dest


@pytest.mark.parametrize("sheet", READ_SHEETS)
def test_a_cell_with_an_attribute_a_cell_does_not_have_is_damaged(sample, tmp_path, sheet):
    """`t="s"` garbled to `nt="s"` would read the cell's shared-string index as a number (an address "154"):
    the fuzzer's second hour found an import that changed a venue that way without a finding."""
    part = mh.sheet_part(sample, sheet)
    with zipfile.ZipFile(sample) as z:
        xml = z.read(part)
    cell = re.search(rb'<c r="[A-Z]+3" t="([A-Za-z]+)">', xml) or re.search(
        rb'<c r="[A-Z]+2" t="([A-Za-z]+)">', xml
    )
    assert cell is not None
    garbled = _rewrite_cell(
        sample, tmp_path / "nt.xlsx", sheet, cell.group(0), cell.group(0).replace(b" t=", b" nt=")
    )
    codes = [(f.severity, f.code) for f in read_workbook(garbled).findings]
    assert ("error", "damaged") in codes, codes
    kind = cell.group(1)
    quoted = cell.group(0).replace(b'"' + kind + b'"', b"'" + kind + b"'")  # single quotes: well-formed, fine
    fine = _rewrite_cell(sample, tmp_path / "quoted.xlsx", sheet, cell.group(0), quoted)
    assert found(read_workbook(fine)) == found(read_workbook(sample))


# ---------------------------------------------------------------- a table's sheet copied and filled


@pytest.mark.parametrize("sheet", ["活动", "单位"])
def test_a_filled_copy_of_a_table_sheet_is_a_warning_saying_its_rows_are_not_read(sample, tmp_path, sheet):
    """A clerk copies 活动 to `活动 (2)` and fills it: the reader reads only 活动, and says so of the copy."""
    wb = openpyxl.load_workbook(sample)
    copy = wb.copy_worksheet(wb[sheet])
    copy.title = f"{sheet} (2)"
    rows = sum(1 for row in copy.iter_rows(min_row=3, values_only=True) if any(v is not None for v in row))
    wb.save(tmp_path / "copied.xlsx")
    result = read_workbook(tmp_path / "copied.xlsx")
    assert found(result) == [("warning", "copied_sheet", f"{sheet} (2)")]
    assert result.findings[0].params == {"copy": f"{sheet} (2)", "table": sheet, "rows": rows} and rows > 0
    assert result.exit_code == read_workbook(sample).exit_code == 0
    emptied = with_sheet_copy(sample, tmp_path / "emptied.xlsx", sheet, f"{sheet} (2)", first=False)
    assert found(read_workbook(emptied)) == []  # a copy without rows loses nothing


def test_a_sheet_of_notes_is_not_taken_for_a_copy(sample, tmp_path):
    wb = openpyxl.load_workbook(sample)
    notes = wb.create_sheet("备注")
    notes.append(["说明", "负责人"])
    notes.append(["开幕式需提前一天布场", "王芳"])
    wb.save(tmp_path / "notes.xlsx")
    assert found(read_workbook(tmp_path / "notes.xlsx")) == []
