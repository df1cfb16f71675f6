"""Edits of a sample workbook that make it hostile (issue 10): look-alike sheets, edited sheets, error cells."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from tests.helpers.hostile import mh


def with_sheet_copy(sample, dest, sheet: str, new_name: str, *, first: bool, drop_real: bool = False):
    """The sample plus a copy of `sheet` under a look-alike name whose data rows are emptied."""
    wb = openpyxl.load_workbook(sample)
    copy = wb.copy_worksheet(wb[sheet])
    copy.title = new_name
    if sheet != "填报信息":
        copy.delete_rows(3, copy.max_row)
    if first:
        wb.move_sheet(copy, offset=-(len(wb.sheetnames) - 1))
    if drop_real:
        del wb[sheet]
    wb.save(dest)
    return dest


def edit_sheet(sample, dest, sheet: str, edit):
    wb = openpyxl.load_workbook(sample)
    edit(wb[sheet])
    wb.save(dest)
    return dest


def error_cell(sample, dest, sheet: str, cell: str, value: bytes):
    """The sample with one cell of `sheet` replaced by an error-value cell (t="e"), as Excel writes it."""
    part = mh.sheet_part(sample, sheet)
    with zipfile.ZipFile(sample) as z:
        xml = z.read(part)
    pattern = re.compile(rb'<c r="%s"[^>]*?(?:/>|>.*?</c>)' % cell.encode(), re.S)
    new = b'<c r="%s" t="e"><v>%s</v></c>' % (cell.encode(), value)
    if pattern.search(xml):
        xml = pattern.sub(new, xml, count=1)
    else:  # an empty cell of an existing row: add it at the row's end
        row = re.search(rb"\d+", cell.encode()).group(0)
        xml = re.sub(
            rb'(<row r="%s"[^>]*>.*?)</row>' % row, rb"\1" + new + rb"</row>", xml, count=1, flags=re.S
        )
    return mh._rewrite(sample, dest, {part: xml})


FUZZ_CORPUS = Path(__file__).resolve().parents[1] / "data" / "fuzz_corpus" / "workbooks"


def reading_samples(out: Path) -> list[Path]:
    """Every hostile sample, a workbook with a formula and one with an error value (written under `out`), and
    the fuzz corpus: what the reader's concurrent paths must read as scanning first does."""
    made = mh.write_all(out / "hostile")
    base = out / "hostile" / "valid.xlsx"
    made.append(mh.formula(base, out / "formula.xlsx"))
    made.append(error_cell(base, out / "error.xlsx", "活动", "B3", b"#N/A"))
    return made + sorted(FUZZ_CORPUS.glob("*.xlsx"))


def read_outcome(result) -> tuple:
    """All a workbook read gives (reader.ReadResult), comparable: its findings, exit code, data, header cells
    and columns."""
    return (
        [f.as_json() for f in result.findings],
        result.exit_code,
        result.data,
        result.header_cells,
        result.columns,
    )
