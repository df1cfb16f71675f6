"""Untrusted workbooks are refused before any parser sees them (format section 10)."""

from __future__ import annotations

import zipfile

import pytest

from lifelong_desktop.submission.findings import exit_code
from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.submission.reading.safety import inspect_workbook
from tests.helpers.hostile import mh


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return mh.build_workbook(tmp_path_factory.mktemp("safety") / "valid.xlsx")


def codes(path):
    result = read_workbook(path)
    return [f.code for f in result.findings], result.exit_code


def test_valid_workbook_passes(base):
    report = inspect_workbook(base)
    assert report.ok and not report.formula_parts
    assert codes(base) == ([], 0)


@pytest.mark.parametrize(
    "make, code, reason",
    [
        (mh.doctype, "unsafe_xml", None),
        (mh.entity_in_sheet, "unsafe_xml", None),
        (mh.utf16_doctype, "unsafe_xml", None),
        (mh.broken_xml, "damaged", None),
        (mh.bad_crc, "damaged", None),
        (mh.truncated, "damaged", None),
        (mh.zip_bomb, "too_large", "ratio"),
        (mh.many_parts, "too_large", "parts"),
        (mh.huge_declared_size, "too_large", "uncompressed"),
        (mh.far_cell, "too_large", "cells"),
        (mh.refless_cells, "too_large", "cells"),
    ],
)
def test_hostile_zip_contents_are_refused(base, tmp_path, make, code, reason):
    path = make(base, tmp_path / "hostile.xlsx")
    report = inspect_workbook(path)
    assert [f.code for f in report.findings] == [code]
    if reason:
        assert report.findings[0].params["reason"] == reason
    result = read_workbook(path)
    assert [f.code for f in result.findings] == [code]
    assert result.exit_code == 2
    assert result.data.activities == []


def test_far_cell_is_refused_before_calamine_allocates(base, tmp_path):
    # calamine would abort the whole process allocating 17 billion cells; the scan must stop it first
    path = mh.far_cell(base, tmp_path / "far.xlsx")
    assert codes(path) == (["too_large"], 2)


def test_refless_cells_within_bounds_are_read(base, tmp_path):
    part = mh.sheet_part(base, "活动")
    with zipfile.ZipFile(base) as z:
        xml = z.read(part)
    extra = b'<row r="40"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    path = mh._rewrite(base, tmp_path / "r.xlsx", {part: xml.replace(b"</sheetData>", extra, 1)})
    assert inspect_workbook(path).ok


@pytest.mark.parametrize(
    "make, code",
    [
        (lambda d: mh.ole2(d / "old.xls", False), "not_a_workbook"),
        (lambda d: mh.ole2(d / "old.et", False), "not_a_workbook"),
        (lambda d: mh.ole2(d / "locked.xlsx", True), "encrypted"),
        (lambda d: mh.ods(d / "sheet.ods"), "not_a_workbook"),
        (lambda d: mh.zip_without_parts(d / "plain.xlsx"), "not_a_workbook"),
        (lambda d: mh.oversize(d / "big.xlsx"), "too_large"),
    ],
)
def test_other_kinds_of_file(tmp_path, make, code):
    path = make(tmp_path)
    assert codes(path) == ([code], 2)


def test_empty_file_and_csv_are_not_workbooks(tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    csv = tmp_path / "table.csv"
    csv.write_text("活动名称,开始日期\n开幕式,2024-10-26\n", encoding="utf-8")
    missing = tmp_path / "missing.xlsx"
    for path in (empty, csv, missing):
        assert codes(path) == (["not_a_workbook"], 2)


def test_not_a_workbook_advises_saving_as_xlsx(tmp_path):
    result = read_workbook(mh.ods(tmp_path / "sheet.ods"))
    assert "另存为 Excel 工作簿" in result.findings[0].message("zh")
    assert "Excel workbook (*.xlsx)" in result.findings[0].message("en")


def test_formula_cells_are_found_not_evaluated(base, tmp_path):
    path = mh.formula(base, tmp_path / "f.xlsx", cell="B3")
    report = inspect_workbook(path)
    assert report.ok and report.formula_parts == {mh.sheet_part(base, "活动")}
    result = read_workbook(path)
    hits = [f for f in result.findings if f.code == "formula_not_allowed"]
    assert [(f.sheet, f.cell) for f in hits] == [("活动", "B3")]
    assert result.exit_code == 1


def test_formula_in_a_sheet_that_is_not_read_is_ignored(base, tmp_path):
    part = mh.sheet_part(base, "填报说明")
    with zipfile.ZipFile(base) as z:
        xml = z.read(part)
    start = xml.index(b'<c r="A1"')
    end = xml.index(b"</c>", start) + 4
    path = mh._rewrite(
        base, tmp_path / "f.xlsx", {part: xml[:start] + b'<c r="A1"><f>1+1</f><v>2</v></c>' + xml[end:]}
    )
    assert codes(path) == ([], 0)


def test_exit_code_of_unreadable_findings():
    from lifelong_desktop.submission.findings import Finding

    assert exit_code([Finding("error", "damaged")]) == 2
    assert exit_code([Finding("error", "required"), Finding("error", "unsafe_xml")]) == 2
    assert exit_code([Finding("warning", "unknown_column")]) == 0


def test_excel_extension_validations_need_no_precise_scan(base, tmp_path, monkeypatch):
    """Excel keeps cross-sheet list validations in extLst with <xm:f> formulas: no cells there, no alarm."""
    from lifelong_desktop.submission.reading import safety

    part = mh.sheet_part(base, "活动")
    with zipfile.ZipFile(base) as z:
        xml = z.read(part)
    ext = (
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
        'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        '<x14:dataValidations xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" count="1">'
        '<x14:dataValidation type="list"><x14:formula1><xm:f>代码表!$C$2:$C$14</xm:f></x14:formula1>'
        "<xm:sqref>C3:C100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>"
    )
    path = mh._rewrite(base, tmp_path / "ext.xlsx", {part: xml.replace(b"</worksheet>", ext.encode())})
    calls = []
    real = safety.precise_scan
    monkeypatch.setattr(safety, "precise_scan", lambda *a, **k: (calls.append(a), real(*a, **k))[1])
    report = safety.inspect_workbook(path)
    assert report.ok and not report.formula_parts and calls == []
    assert codes(path) == ([], 0)


def test_prefixed_cells_get_the_precise_scan_and_their_formulas_are_found(base, tmp_path):
    part = mh.sheet_part(base, "活动")
    with zipfile.ZipFile(base) as z:
        xml = z.read(part)
    extra = (
        b'<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="9">'
        b'<x:c r="B9"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></sheetData>'
    )
    path = mh._rewrite(base, tmp_path / "p.xlsx", {part: xml.replace(b"</sheetData>", extra, 1)})
    report = inspect_workbook(path)
    assert report.ok and report.formula_parts == {part}


def test_mutated_xml_never_crashes_the_reader(base, tmp_path):
    """Random edits of the activities sheet's XML (CRC kept valid): every result is findings, never a crash."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    parts = [
        mh.sheet_part(base, "活动"),
        mh.sheet_part(base, "填报信息"),
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
    ]
    with zipfile.ZipFile(base) as z:
        xmls = {p: z.read(p) for p in parts}
    target = tmp_path / "mutant.xlsx"
    outcomes = set()

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(
        st.sampled_from(parts),
        st.lists(
            st.tuples(st.floats(0, 1, exclude_max=True), st.sampled_from(list(b'<>/"=rRAZ09:f&\x00 '))),
            min_size=1,
            max_size=4,
        ),
    )
    def check(part, edits):
        mutant = bytearray(xmls[part])
        for where, byte in edits:
            mutant[int(where * len(mutant))] = byte
        mh._rewrite(base, target, {part: bytes(mutant)})
        result = read_workbook(target)  # never raises, never aborts the process
        assert result.exit_code in (0, 1, 2)
        outcomes.add(result.exit_code)

    check()
    assert 2 in outcomes and (
        0 in outcomes or 1 in outcomes
    )  # the edits reached both the scan and the reader


def test_scanning_has_a_work_limit_not_a_time_limit(base, monkeypatch):
    """The verdict is counted in work (bytes of XML parsed), so a slow or busy machine gives the same one."""
    import time

    from lifelong_desktop.submission.reading import safety

    clock = iter(range(0, 10**9, 100))  # every look at the clock is 100 s later: a very slow machine
    monkeypatch.setattr(time, "monotonic", lambda: float(next(clock)))
    monkeypatch.setattr(time, "perf_counter", lambda: float(next(clock)))
    assert safety.inspect_workbook(base).ok and codes(base) == ([], 0)
    monkeypatch.setattr(safety, "MAX_PARSED_XML_BYTES", 2000)  # less XML than the sample holds
    report = safety.inspect_workbook(base)
    assert [(f.code, f.params["reason"]) for f in report.findings] == [("too_large", "xml")]


def test_a_formula_without_cached_value_in_a_required_cell_is_one_finding(base, tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(base)
    wb["活动"]["B3"] = '=UPPER("x")'  # the title; openpyxl stores no cached value
    wb.save(tmp_path / "f.xlsx")
    result = read_workbook(tmp_path / "f.xlsx")
    assert [(f.sheet, f.cell, f.code) for f in result.findings] == [("活动", "B3", "formula_not_allowed")]
    assert result.exit_code == 1


def test_a_far_value_less_styled_cell_is_not_a_cell_flood(base, tmp_path):
    """Excel and LibreOffice keep styled empty cells (a border far down); the reader skips them, so may the scan."""
    part = mh.sheet_part(base, "活动")
    with zipfile.ZipFile(base) as z:
        xml = z.read(part)
    far = b'<row r="1048576"><c r="XFD1048576" s="0"/><c r="A1048576" t="s" s="0"/></row></sheetData>'
    path = mh._rewrite(base, tmp_path / "styled.xlsx", {part: xml.replace(b"</sheetData>", far, 1)})
    assert codes(path) == ([], 0)


_CELL_SHAPES = [
    '<c r="A1" t="inlineStr"><is><t>x</t></is></c>',
    '<c r="AN99999"><v>1</v></c>',
    '<c r="AO3"><v>1</v></c>',  # one column too far
    '<c r="B100000"><v>1</v></c>',  # one row too far
    '<c r="ZZ1"><v>1</v></c>',
    '<c r="AAA7"><v>1</v></c>',
    '<c r="A1000002" s="1"/>',  # far but styled only: no reader places it
    '<c r="XFD1048576" s="2"></c>',  # far, with an end tag and no value
    "<c r='A1'><v>1</v></c>",  # single quotes: not a plain reference
    '<c t="n"><v>1</v></c>',  # no reference
    '<c  r="A1"><v>1</v></c>',
    '<x:c r="A1"><x:v>1</x:v></x:c>',
    '<col min="1" max="2"/>',
    '<cfRule type="expression"/>',
    '<row r="5">',
    "<row>",
]


def _flags_by_separate_patterns(piece: bytes) -> tuple[bool, bool]:
    """far and odd as the fast scan decided them before the combined pre-check (each pattern on its own)."""
    from lifelong_desktop.submission.reading import sheet_scan as ss

    far = ss._FAR_REF.search(piece) is not None
    odd = any(p.search(piece) for p in (ss._ODD_CELL, ss._ODD_ROW, ss._PREFIXED))
    return far, odd


def test_the_combined_cell_pre_check_decides_as_the_separate_patterns():
    """Every pair of cell shapes, in either order: the fast scan's far and odd flags are those of the
    separate patterns, so the pre-check that skips them on plain near cells changes no verdict."""
    import itertools

    from lifelong_desktop.submission.reading.sheet_scan import _SheetStats

    for a, b in itertools.product(_CELL_SHAPES, repeat=2):
        piece = f'<row r="1">{a}{b}</row>'.encode()
        stats = _SheetStats()
        stats.feed(piece)
        assert (stats.far, stats.odd) == _flags_by_separate_patterns(piece), piece
    flagged = {s for s in _CELL_SHAPES if any(_flags_by_separate_patterns(s.encode()))}
    assert len(flagged) == 10  # the shapes above do test both flags, not only plain cells


@pytest.mark.parametrize(
    "make, shown",
    [
        (mh.zip_bomb, ("part", "ratio")),  # which part, how much
        (mh.many_parts, ("parts",)),
        (mh.huge_declared_size, ("size_mib",)),
        (mh.far_cell, ()),
    ],
)
def test_a_file_refused_as_too_large_is_told_which_limit_it_passed(base, tmp_path, make, shown):
    """One sentence for the limit the file passed, with its figures, not a list of every possible cause."""
    from lifelong_desktop import messages

    finding = inspect_workbook(make(base, tmp_path / "hostile.xlsx")).findings[0]
    for lang in ("zh", "en"):
        text = finding.message(lang)
        assert text != messages.render("finding.too_large", lang)
        for key in shown:
            assert str(finding.params[key]) in text


@pytest.mark.parametrize(
    "part, kind, words",
    [
        ("xl/sharedStrings.xml", "ratio_text", ("文字", "text")),
        ("xl/worksheets/sheet9.xml", "ratio_sheet", ("工作表", "sheet")),
        ("xl/media/image1.png", "ratio", ("部分", "part")),
    ],
)
def test_a_part_compressed_too_much_is_named_for_what_it_holds(base, tmp_path, part, kind, words):
    """A LibreOffice re-save of a long return whose descriptions repeat can pass the format's 100:1 in its
    cells' text: the clerk is told that it is the text, and what to shorten."""
    repeated = b"<si><t>" + "本次活动面向社区居民开展终身学习宣传。".encode() * 40 + b"</t></si>"
    path = mh._rewrite(base, tmp_path / "dense.xlsx", {part: None}, {part: repeated * 2000})
    (finding,) = inspect_workbook(path).findings
    assert (finding.code, finding.params["reason"], finding.params["kind"]) == ("too_large", "ratio", kind)
    assert finding.params["ratio"] > 100 and finding.params["part"] == part
    assert words[0] in finding.message("zh") and words[1] in finding.message("en")
    assert part in finding.message("zh")
