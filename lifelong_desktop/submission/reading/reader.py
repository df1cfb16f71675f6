"""Reading an untrusted submission workbook: safety scan, calamine cell values, columns by key, then validation.

`read_workbook(path, year_hint=None) -> ReadResult` never raises for bad input: everything wrong with the
file or its content is a Finding (format section 11). Cells are read with python-calamine (fast, values
only); formulas are found by a separate streaming scan of the read sheets' XML and never evaluated.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from lifelong_desktop.submission.findings import ERROR, WARNING, Finding, exit_code
from lifelong_desktop.submission.format import Format, Table, load_format
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.reading import safety
from lifelong_desktop.submission.reading.validate import RawTable, validate_workbook
from lifelong_desktop.submission.values import ValueProblem, clean, fold
from lifelong_desktop.submission.xlsx.writer import column_letter, column_number


@dataclass
class ReadResult:
    """What a workbook holds (typed values), what is wrong with it, and the exit code of section 11."""

    data: WorkbookData
    findings: list[Finding]
    exit_code: int
    path: Path | None = None
    header_cells: dict[str, str] = field(default_factory=dict)  # header key -> cell of its value (C7)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # table id -> key -> column letter

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors

    def cell(self, table_id: str, index: int, key: str) -> str:
        """The A1 cell of one value of a table row (blank when the column is absent)."""
        letter = self.columns.get(table_id, {}).get(key)
        rows = self.data.rows.get(table_id, [])
        return f"{letter}{rows[index]}" if letter and index < len(rows) else ""


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while building many rows (none of them form cycles): ~8% faster."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_workbook(path: Path | str, *, year_hint: int | None = None) -> ReadResult:
    """Read and validate one workbook; the findings say what to change (never raises for bad input)."""
    with paused_gc():
        return _read_workbook(Path(path), year_hint)


def _read_workbook(path: Path, year_hint: int | None) -> ReadResult:
    report = safety.inspect_workbook(path)
    if report.findings:
        return _result(path, WorkbookData(), report.findings)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except PasswordError:
        return _result(path, WorkbookData(), [Finding(ERROR, "encrypted")])
    except Exception as exc:
        return _result(path, WorkbookData(), [Finding(ERROR, "damaged", params={"detail": str(exc)[:200]})])
    except BaseException as exc:  # a Rust panic inside calamine arrives as pyo3's PanicException
        if type(exc).__name__ != "PanicException":
            raise
        return _result(path, WorkbookData(), [Finding(ERROR, "damaged", params={"detail": str(exc)[:200]})])
    with workbook:
        return _read(path, workbook, report, year_hint)


def _read(
    path: Path, workbook: CalamineWorkbook, report: safety.SafetyReport, year_hint: int | None
) -> ReadResult:
    fmt = load_format()
    findings: list[Finding] = []
    names = {n.strip(): n for n in workbook.sheet_names}
    read_sheets = [s.name for s in fmt.sheets if s.read and s.name in names]
    if report.formula_parts:
        findings.extend(_formula_findings(path, read_sheets, report.formula_parts))
    try:
        if fmt.header_sheet not in names:
            findings.append(Finding(ERROR, "missing_sheet", sheet=fmt.header_sheet))
            return _result(path, WorkbookData(), findings)
        header_raw = _header_raw(fmt, _rows(workbook, names[fmt.header_sheet]), findings)
        tables: dict[str, RawTable | None] = {}
        for table in fmt.tables.values():
            sheet_def = fmt.sheet(table.id)
            if table.sheet not in names:
                if sheet_def.required:
                    findings.append(Finding(ERROR, "missing_sheet", sheet=table.sheet))
                tables[table.id] = None
                continue
            tables[table.id] = _table_raw(table, _rows(workbook, names[table.sheet]), findings)
    except (CalamineError, ValueError, OverflowError) as exc:
        return _result(path, WorkbookData(), [Finding(ERROR, "damaged", params={"detail": str(exc)[:200]})])
    except BaseException as exc:  # a Rust panic inside calamine arrives as pyo3's PanicException
        if type(exc).__name__ != "PanicException":
            raise
        return _result(path, WorkbookData(), [Finding(ERROR, "damaged", params={"detail": str(exc)[:200]})])
    data, header_cells = validate_workbook(fmt, header_raw, tables, findings, year_hint=year_hint)
    formula_cells = {(f.sheet, f.cell) for f in findings if f.code == "formula_not_allowed" and f.cell}
    if (
        formula_cells
    ):  # a formula cell gets that one finding, not also one about its (cached or missing) value
        findings[:] = [
            f for f in findings if f.code == "formula_not_allowed" or (f.sheet, f.cell) not in formula_cells
        ]
    columns = {tid: t.letters for tid, t in tables.items() if t is not None}
    return _result(path, data, findings, header_cells, columns)


_CELL = re.compile(r"([A-Z]+)(\d+)")


@cache
def _sheet_ranks() -> dict[str, int]:
    """Each sheet's position in the format (sheet names are unique)."""
    return {s.name: i for i, s in enumerate(load_format().sheets)}


def finding_order(finding: Finding) -> tuple[int, int, int, int]:
    """Whole-file findings first, then by sheet in format order, row and column."""
    ranks = _sheet_ranks()
    sheet = ranks.get(finding.sheet, len(ranks))
    m = _CELL.fullmatch(finding.cell or "")
    if not m:
        return (0 if not finding.sheet else 1, sheet, 0, 0)
    letters, row = m.groups()
    return (1, sheet, int(row), column_number(letters))


def _result(
    path: Path,
    data: WorkbookData,
    findings: list[Finding],
    header_cells: dict[str, str] | None = None,
    columns: dict[str, dict[str, str]] | None = None,
) -> ReadResult:
    findings = sorted(findings, key=finding_order)
    return ReadResult(data, findings, exit_code(findings), path, header_cells or {}, columns or {})


def _rows(workbook: CalamineWorkbook, name: str) -> list[list[Any]]:
    """All rows of a sheet from A1 (calamine gives '' for empty cells)."""
    return workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)


def _clean_at(value: Any, sheet: str, cell: str, key: str, label: str, findings: list[Finding]) -> Any:
    try:
        return clean(value, decode=False)  # calamine has decoded the _xHHHH_ escapes already
    except ValueProblem as exc:
        findings.append(
            Finding(ERROR, exc.code, sheet=sheet, cell=cell, key=key, params={"label": label, "value": ""})
        )
        return None


def _norm_header(value: Any) -> str:
    if value is None or value == "":
        return ""
    text = fold(str(value)).strip().lstrip("*").strip()
    return "".join(text.split()).casefold()


def _header_raw(fmt: Format, rows: list[list[Any]], findings: list[Finding]) -> dict[str, tuple[Any, str]]:
    """{key: (cleaned value, cell)} from 填报信息: keys in column B (labels in column A as a fallback)."""
    by_key = {c.key.casefold(): c.key for c in fmt.header}
    by_label = {_norm_header(c.label): c.key for c in fmt.header}
    label_of = {c.key: c.label for c in fmt.header}
    out: dict[str, tuple[Any, str]] = {}
    sheet = fmt.header_sheet
    for i, row in enumerate(rows):
        if len(row) < 2:
            continue
        key = by_key.get(_norm_header(row[1])) or (by_label.get(_norm_header(row[0])) if not row[1] else None)
        if key is None or key in out:
            continue
        cell = f"C{i + 1}"
        value = row[2] if len(row) > 2 else None
        out[key] = (_clean_at(value, sheet, cell, key, label_of[key], findings), cell)
    return out


def _table_raw(table: Table, rows: list[list[Any]], findings: list[Finding]) -> RawTable:
    """Columns by the key row (row 2), else by the labels of row 1 (data then start at row 2)."""
    keys = {k.casefold(): k for k in table.keys}
    labels = {_norm_header(c.label): c.key for c in table.columns}
    key_row = rows[1] if len(rows) > 1 else []
    header_index = 1 if any(_norm_header(v) in keys for v in key_row) else 0
    lookup = keys if header_index == 1 else labels
    header = rows[header_index] if len(rows) > header_index else []
    index: dict[str, int] = {}
    for col, value in enumerate(header):
        norm = _norm_header(value)
        if not norm:
            continue
        key = lookup.get(norm)
        if key is None or key in index:
            findings.append(
                Finding(
                    WARNING,
                    "unknown_column",
                    sheet=table.sheet,
                    cell=f"{column_letter(col)}{header_index + 1}",
                    key=str(value)[:50],
                    params={"column": str(value)[:50]},
                )
            )
            continue
        index[key] = col
    for column in table.columns:
        if column.required is True and column.key not in index:
            findings.append(
                Finding(
                    ERROR, "missing_column", sheet=table.sheet, key=column.key, params={"label": column.label}
                )
            )
    letters = {k: column_letter(c) for k, c in index.items()}
    return RawTable(table, rows, header_index + 1, index, letters)


def _sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name -> worksheet part, from xl/workbook.xml and its relationships (scanned safe already)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    with zipfile.ZipFile(path) as zf:
        book = etree.fromstring(zf.read("xl/workbook.xml"), parser)
        try:
            rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"), parser)
        except KeyError:
            return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target") or ""
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[rel.get("Id")] = target
    out = {}
    for el in book.iter():
        if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] == "sheet":
            rid = next((v for k, v in el.attrib.items() if k.rsplit("}", 1)[-1] == "id"), None)
            if rid in targets:
                out[(el.get("name") or "").strip()] = targets[rid]
    return out


def _formula_findings(path: Path, read_sheets: list[str], formula_parts: set[str]) -> list[Finding]:
    out: list[Finding] = []
    try:
        parts = _sheet_parts(path)
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile):
        return out
    for name in read_sheets:
        part = parts.get(name)
        if part in formula_parts:
            try:
                cells = safety.formula_cells(path, part)
            except (etree.Error, KeyError, zipfile.BadZipFile, ValueError):
                cells = [""]  # scanned already; name the sheet at least
            out.extend(Finding(ERROR, "formula_not_allowed", sheet=name, cell=cell) for cell in cells)
    return out


def content_hash(data: WorkbookData) -> str:
    """SHA-256 of what a workbook says (header without data_as_of and generator, and all table rows)."""
    header = {k: v for k, v in data.header.items() if k not in ("data_as_of", "generator")}
    payload = json.dumps(
        [header, data.activities, data.organisations, data.venues],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
