"""Reading an untrusted submission workbook: safety scan, calamine cell values, columns by key, then validation.

`read_workbook(path, year_hint=None) -> ReadResult` never raises for bad input: everything wrong with the
file or its content is a Finding (format section 11). Cells are read with python-calamine (fast, values
only); formulas are found by a separate streaming scan of the read sheets' XML and never evaluated.
"""

from __future__ import annotations

import gc
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lifelong_desktop.submission.findings import ERROR, WARNING, Finding, Findings, exit_code
from lifelong_desktop.submission.format import Format, load_format
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.reading import read_aside, safety, scan_ahead
from lifelong_desktop.submission.xlsx.cells import column_number

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

# The cell reader, the validation and the region list are loaded on first use (`_load`), not with this module:
# the safety scan's child is forked sooner. With the scan ahead (`lifelong import`), this process loads them
# once the quick check has vouched for the file: the importer's own modules take the wait. Loading them in a
# thread while calamine parses was measured slower on this 2-core machine under load (0.04-0.25 s).


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


def _load() -> None:
    """The modules and tables the reader needs once the scan has vouched for the file (about 0.04 s of work,
    once per process)."""
    import python_calamine  # noqa: F401
    from lxml import etree  # noqa: F401

    from lifelong_desktop.services.regions import regions
    from lifelong_desktop.submission.reading import error_values, headers, sheets, validate  # noqa: F401

    regions()


def read_workbook(
    path: Path | str,
    *,
    year_hint: int | None = None,
    concurrent: bool = False,
    while_waiting: Callable[[], object] | None = None,
    findings_only: bool = False,
) -> ReadResult:
    """Read and validate one workbook; the findings say what to change (never raises for bad input).

    concurrent: work in a child process beside this one, for a single-threaded caller such as the command
    line: the safety scan while the cells are read here (scan_ahead), or, with findings_only, the cells read
    in the child while this process scans (read_aside). The result is the same as scanning first.
    while_waiting: called once, when the scan was forked (scan_ahead), before this process first waits for the child
    (work that writes nothing, such as loading the modules the caller needs next); not called otherwise.
    findings_only: only the findings and the exit code are wanted (`lifelong validate`): the activities are
    checked but not built as rows (result.data.activities stays empty).
    """
    with paused_gc():
        return _read_workbook(Path(path), year_hint, concurrent, while_waiting, findings_only)


def _read_workbook(
    path: Path,
    year_hint: int | None,
    concurrent: bool,
    while_waiting: Callable[[], object] | None,
    findings_only: bool = False,
) -> ReadResult:
    reads_aside = concurrent and findings_only and while_waiting is None  # `lifelong validate`
    if reads_aside:
        aside = read_aside.start(
            path, lambda verdict: _cells_read(path, verdict, year_hint, True, ahead=True), ReadResult
        )
        if aside is not None:
            return _read_beside(path, aside, year_hint)
    loaded = "lifelong_desktop.submission.reading.validate" in sys.modules
    # where the cells could not be read aside, no child could scan aside either (scan_ahead.worth_forking)
    pending = scan_ahead.start(path) if concurrent and not reads_aside else None
    if pending is not None and not pending.vouched(while_waiting):
        report, pending = pending.result(), None  # the reader waits for the verdict
    elif pending is None:
        report = safety.inspect_workbook(path)
    if pending is None and report.findings:
        return _result(path, WorkbookData(), report.findings)
    if pending is not None and not loaded:
        _load()  # once vouched for (the caller's own work took the wait)
    verdict = pending.result if pending is not None else lambda: report
    return _cells_read(path, verdict, year_hint, findings_only, ahead=pending is not None)


def _read_beside(path: Path, aside: read_aside.ReadAside, year_hint: int | None) -> ReadResult:
    """The scan here while a child reads the cells (read_aside): the child's result after a clean scan, the
    scan's findings when it refuses the file, or the read done here when the child gave no answer."""
    try:
        report = safety.inspect_workbook(path)
    except BaseException:  # Ctrl+C, or the scan failed: the child is stopped, not left reading
        aside.stop()
        raise
    result = aside.finish(report)
    if result is not None:
        return result
    if report.findings:
        return _result(path, WorkbookData(), report.findings)
    return _cells_read(path, lambda: report, year_hint, True, ahead=False)


def _cells_read(
    path: Path,
    verdict: Callable[[], safety.SafetyReport],
    year_hint: int | None,
    findings_only: bool,
    *,
    ahead: bool,
) -> ReadResult:
    """The cell reader's part: the workbook opened, its sheets read before the scan's verdict when `ahead`
    (`verdict()` then waits for it), and read and validated unless the verdict refuses the file."""
    workbook, failure = _open(path)
    sheets = _Sheets(workbook)
    if ahead:
        sheets.read_ahead(path)
    report = verdict()
    if report.findings:
        if workbook is not None:
            workbook.close()
        return _result(path, WorkbookData(), report.findings)
    if workbook is None:
        return _result(path, WorkbookData(), failure)
    with workbook:
        return _read(path, sheets, report, year_hint, findings_only)


def _open(path: Path) -> tuple[CalamineWorkbook | None, list[Finding]]:
    """The cell reader's workbook, or the finding of why it cannot open it."""
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path)), []
    except PasswordError:
        return None, [Finding(ERROR, "encrypted")]
    except Exception as exc:
        return None, [Finding(ERROR, "damaged", params={"detail": str(exc)[:200]})]
    except BaseException as exc:  # a Rust panic inside calamine arrives as pyo3's PanicException
        if type(exc).__name__ != "PanicException":
            raise
        return None, [Finding(ERROR, "damaged", params={"detail": str(exc)[:200]})]


class _Sheets:
    """The read sheets' rows from the cell reader: read when asked, or ahead while the scan runs; a reader
    error met ahead is kept and raised where reading that sheet would have raised it."""

    def __init__(self, workbook: CalamineWorkbook | None) -> None:
        self.workbook = workbook
        self.names: list[str] = list(workbook.sheet_names) if workbook is not None else []
        self.ahead: dict[str, tuple[list[list[Any]] | None, BaseException | None]] = {}

    def read_ahead(self, path: Path) -> None:
        """Rows of the sheets `_read` reads, in its order, up to the first error."""
        if self.workbook is None:
            return
        from lifelong_desktop.submission.reading.sheets import choose_sheets

        fmt = load_format()
        present = choose_sheets(fmt, self.names).present
        if fmt.header_sheet not in present:
            return
        names = [fmt.header_sheet, *(t.sheet for t in fmt.tables.values() if t.sheet in present)]
        for name in dict.fromkeys(names):
            try:
                self.ahead[name] = (_sheet_rows(self.workbook, name), None)
            except Exception as exc:
                self.ahead[name] = (None, exc)
                return
            except BaseException as exc:
                if type(exc).__name__ != "PanicException":
                    raise
                self.ahead[name] = (None, exc)
                return

    def rows(self, name: str) -> list[list[Any]]:
        if name in self.ahead:
            rows, exc = self.ahead.pop(name)
            if exc is not None:
                raise exc
            assert rows is not None
            return rows
        assert self.workbook is not None
        return _sheet_rows(self.workbook, name)


def _read(
    path: Path, sheets: _Sheets, report: safety.SafetyReport, year_hint: int | None, findings_only: bool
) -> ReadResult:
    from lxml import etree
    from python_calamine import CalamineError

    from lifelong_desktop.submission.reading import error_values, headers
    from lifelong_desktop.submission.reading import sheets as sh
    from lifelong_desktop.submission.reading import validate as va

    fmt = load_format()
    findings = Findings()
    choice = sh.choose_sheets(fmt, sheets.names)
    findings.extend(choice.findings)
    try:
        info = sh.book_info(path)
    except (etree.Error, KeyError, zipfile.BadZipFile) as exc:  # xl/workbook.xml that calamine passed over
        return _result(path, WorkbookData(), [Finding(ERROR, "damaged", params={"detail": str(exc)[:200]})])
    read_sheets = {
        s.name: info.parts.get(s.name, "") for s in fmt.sheets if s.read and s.name in choice.present
    }
    findings.extend(error_values.in_xml(path, read_sheets, report.formula_parts, report.error_parts))
    try:
        if fmt.header_sheet not in choice.present:
            findings.append(sh.missing_sheet(fmt.header_sheet, choice))
            return _result(path, WorkbookData(), findings)
        header_rows = _rows(sheets, fmt.header_sheet, findings)
        header_raw = headers.header_raw(fmt, header_rows, findings)
        tables: dict[str, va.RawTable | None] = {}
        for table in fmt.tables.values():
            tables[table.id] = None
            if table.sheet in choice.present:
                tables[table.id] = headers.table_raw(table, _rows(sheets, table.sheet, findings), findings)
            elif fmt.sheet(table.id).required:
                findings.append(sh.missing_sheet(table.sheet, choice))
        findings.extend(_copied_tables(fmt, sheets))
    except (CalamineError, ValueError, OverflowError) as exc:
        return _result(path, WorkbookData(), [Finding(ERROR, "damaged", params={"detail": str(exc)[:200]})])
    except BaseException as exc:  # a Rust panic inside calamine arrives as pyo3's PanicException
        if type(exc).__name__ != "PanicException":
            raise
        return _result(path, WorkbookData(), [Finding(ERROR, "damaged", params={"detail": str(exc)[:200]})])
    data, header_cells = va.validate_workbook(
        fmt,
        header_raw,
        tables,
        findings,
        year_hint=year_hint,
        date1904=info.date1904,
        findings_only=findings_only,
    )
    _one_finding_per_bad_cell(findings)
    columns = {tid: t.letters for tid, t in tables.items() if t is not None}
    return _result(path, data, findings, header_cells, columns)


def _copied_tables(fmt: Format, sheets: _Sheets) -> list[Finding]:
    """`copied_sheet` for each sheet outside the format laid out as one of its tables (half of the table's
    keys in row 2, or of its labels in row 1) and holding rows below: a copy such as `活动 (2)` that a clerk
    filled, whose rows the reader does not read (they are not lost without a word)."""
    from lifelong_desktop.submission.reading.sheets import fold_sheet_name

    known = {s.name for s in fmt.sheets}
    out: list[Finding] = []
    for name in sheets.names:
        if name in known or fold_sheet_name(name) in {fold_sheet_name(k) for k in known}:
            continue  # the format's sheets, and look-alikes (choose_sheets says what they are)
        rows = sheets.rows(name)
        for table in fmt.tables.values():
            keys = set(table.keys)
            labels = {c.label for c in table.columns}
            heads = [{str(v).strip().lstrip("*") for v in row} for row in rows[:2]]
            if not any(
                len(h & want) * 2 >= len(want) for h, want in zip(heads, (labels, keys), strict=False)
            ):
                continue
            filled = sum(1 for row in rows[2:] if any(v not in ("", None) for v in row))
            if filled:
                params = {"copy": name, "table": table.sheet, "rows": filled}
                out.append(Finding(WARNING, "copied_sheet", sheet=name, params=params))
            break
    return out


_CELL_CODES = ("formula_not_allowed", "error_value")


def _one_finding_per_bad_cell(findings: Findings) -> None:
    """A formula or error-value cell gets that one finding, not also one about the value read from it."""
    bad = {(f.sheet, f.cell) for f in findings if f.code in _CELL_CODES and f.cell}
    if bad:
        findings[:] = [f for f in findings if f.code in _CELL_CODES or (f.sheet, f.cell) not in bad]


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
    more = findings.summary() if isinstance(findings, Findings) else []
    findings = sorted([*findings, *more], key=finding_order)
    return ReadResult(data, findings, exit_code(findings), path, header_cells or {}, columns or {})


def _rows(sheets: _Sheets, name: str, findings: list[Finding]) -> list[list[Any]]:
    """All rows of a sheet from A1 ('' for empty cells); error values become findings."""
    from lifelong_desktop.submission.reading import error_values

    rows = sheets.rows(name)
    error_values.in_values(name, rows, findings)
    return rows


def _sheet_rows(workbook: CalamineWorkbook, name: str) -> list[list[Any]]:
    """All rows of a sheet from A1 ('' for empty cells), as the cell reader gives them.

    Row by row with one object per distinct text, so that the Python copy of a sheet of repeated values
    stays small beside the cell reader's own (to_python would hold both in full at once). Measured for
    `lifelong validate` too: to_python there is no quicker in all (0.02-0.05 s more CPU), as the rules then
    hash and compare each cell's own text.
    """
    sheet = workbook.get_sheet_by_name(name)
    memo: dict[str, str] = {}
    keep = memo.setdefault
    rows = [[keep(x, x) if type(x) is str else x for x in row] for row in sheet.iter_rows()]
    return _from_a1(rows, sheet.end)


def _from_a1(rows: list[list[Any]], end: tuple[int, int] | None) -> list[list[Any]]:
    """Rows padded to start at A1: the cell reader's rows begin at the first used column (and may begin
    at the first used row), while cell names count from A1."""
    if not rows or end is None:
        return rows
    pad_cols = end[1] + 1 - max(len(r) for r in rows)
    if pad_cols > 0:
        rows = [[""] * pad_cols + r for r in rows]
    pad_rows = end[0] + 1 - len(rows)
    if pad_rows > 0:
        rows = [[""] * (end[1] + 1) for _ in range(pad_rows)] + rows
    return rows
