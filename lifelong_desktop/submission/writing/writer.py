"""The submission workbook writer, driven only by the format description (format section 9)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from lifelong_desktop.submission.format import Column, Format, Table, load_format
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.writing.codes_sheet import CodeSheet, build_code_sheet
from lifelong_desktop.submission.writing.instructions import instruction_rows
from lifelong_desktop.submission.writing.output import TooManyRows, atomic_file
from lifelong_desktop.submission.writing.summary_sheet import summary_rows
from lifelong_desktop.submission.xlsx import writer as xlsx

RegionChoices = dict[
    str, list[tuple[str, str]]
]  # region level ("city", "county", "any") -> [(code, "code name")]
_TEXT_HEADER = {"text", "version", "scope", "region", "year", "uuid", "phone"}
_WIDTH = {
    "uuid": 38,
    "date": 12,
    "time": 9,
    "datetime": 17,
    "integer": 13,
    "boolean": 13,
    "phone": 16,
    "region": 11,
    "credit_code": 21,
    "email": 24,
    "organisation_list": 36,
    "code_list": 22,
}
_SUMMARY_STYLE = {
    "title": xlsx.TITLE,
    "heading": xlsx.HEADING,
    "label": xlsx.LABEL,
    "note": xlsx.KEY,
    "total": xlsx.HEADING,
}


def write_workbook(
    data: WorkbookData, path: Path | str, *, blank: bool = False, region_choices: RegionChoices | None = None
) -> Path:
    """Write the workbook atomically (temporary file beside the target, renamed into place); returns the path."""
    check_table_rows(data, path)
    with atomic_file(path) as tmp:
        write_package(data, tmp, blank=blank, region_choices=region_choices)
    return Path(path).expanduser().absolute()


def check_table_rows(data: WorkbookData, path: Path | str) -> None:
    """Raise TooManyRows, before anything is written, when a table would not be read back for its size."""
    fmt = load_format()
    for table_id, table in fmt.tables.items():
        count, limit = len(data.table(table_id)), fmt.max_table_rows(table_id)
        if count > limit:
            raise TooManyRows(path, table.sheet, count, limit)


def write_package(
    data: WorkbookData, path: Path, *, blank: bool = False, region_choices: RegionChoices | None = None
) -> None:
    """Write every sheet of the format, in order, straight to `path` (not atomic: see write_workbook)."""
    fmt = load_format()
    codes = build_code_sheet(fmt, region_choices)
    nf = fmt.number_formats
    book = xlsx.XlsxWriter(
        path,
        number_formats=(nf["date"], nf["time"], nf["datetime"]),
        creator=generator(),
        sheet_count=len(fmt.sheets),
    )
    try:
        for sheet in fmt.sheets:
            if sheet.id == "instructions":
                _instructions(book, sheet.name, data, blank)
            elif sheet.id == "header":
                _header(book, fmt, data)
            elif sheet.id in fmt.tables:
                _table(book, fmt, fmt.tables[sheet.id], data.table(sheet.id), codes, bool(region_choices))
            elif sheet.id == "summary":
                _summary(book, sheet.name, data, blank)
            elif sheet.id == "codes":
                _code_sheet(book, sheet.name, codes)
            else:  # a sheet the format names but this writer cannot fill: keep the order, leave it empty
                book.sheet(sheet.name, hidden=not sheet.visible).close()
        book.close()
    except BaseException:
        book.abort()
        raise


def generator() -> str:
    """The `generator` header value: program name and version."""
    from lifelong_desktop import __version__

    return f"lifelong-desktop {__version__}"


def column_width(col: Column, fmt: Format) -> float:
    """A width (in characters) that shows the label and typical values; CJK characters count double."""
    if col.type == "code" and col.code_list:
        base = max(_display_width(i.label) for i in fmt.code_lists[col.code_list]) + 3
    elif col.type == "text":
        base = 14 if (col.max_length or 100) <= 50 else (26 if (col.max_length or 100) <= 100 else 36)
    else:
        base = _WIDTH.get(col.type, 14)
    return float(min(60, max(base, _display_width(col.header_label) + 3)))


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _encoder(col: Column, fmt: Format) -> Callable[[Any], Any] | None:
    """How one column's typed value becomes a cell value: codes as labels, lists joined, booleans 是/否."""
    sep = fmt.list_separators["write"]
    if col.type in ("code", "code_list") and col.code_list:
        labels = {i.key: i.label for i in fmt.code_lists[col.code_list]}
        if col.type == "code":
            return lambda v: labels.get(v, v) if isinstance(v, str) else v
        return lambda v: sep.join(labels.get(k, k) for k in v) if isinstance(v, list | tuple) else v
    if col.type == "organisation_list":
        return lambda v: sep.join(v) if isinstance(v, list | tuple) else v
    if col.type == "boolean":
        yes, no = fmt.booleans["true"][0], fmt.booleans["false"][0]
        return lambda v: (yes if v else no) if isinstance(v, bool) else v
    return None


def _header(book: xlsx.XlsxWriter, fmt: Format, data: WorkbookData) -> None:
    national = data.header.get("scope") == "national"
    sheet = book.sheet(fmt.header_sheet, widths=[16, 18, 44])
    for field in fmt.header:
        required = field.required is True or (field.required == "except_national" and not national)
        value = data.header.get(field.key)
        if field.type in _TEXT_HEADER and value is not None and not isinstance(value, str):
            value = str(value)  # codes, years and versions are text cells
        sheet.append([("*" if required else "") + field.label, field.key, value])
    sheet.close()


def _table(
    book: xlsx.XlsxWriter,
    fmt: Format,
    table: Table,
    rows: list[dict[str, Any]],
    codes: CodeSheet,
    template: bool,
) -> None:
    layout = fmt.layout
    first = layout["first_data_row"]
    last = first - 1 + len(rows)
    cols = table.columns
    end_col = xlsx.COLUMNS[len(cols) - 1]
    sheet = book.sheet(
        table.sheet,
        widths=[_template_width(c, fmt, template) for c in cols],
        freeze=layout["freeze"],
        dimension=f"A1:{end_col}{max(last, layout['key_row'])}",
    )
    sheet.append([c.header_label for c in cols], xlsx.LABEL)
    sheet.append([c.key for c in cols], xlsx.KEY)
    keys = [c.key for c in cols]
    encoders = [_encoder(c, fmt) for c in cols]
    coded = [(i, e) for i, e in enumerate(encoders) if e is not None]
    for row in rows:
        values = [row.get(k) for k in keys]
        for i, enc in coded:
            v = values[i]
            if v is not None:
                values[i] = enc(v)
        sheet.append(values)
    sheet.auto_filter(f"A{layout['key_row']}:{end_col}{max(last, layout['key_row'])}")
    through = min(last + layout["template_validation_rows"], xlsx.MAX_ROWS)
    for i, col in enumerate(cols):
        source = codes.source_for(col, template)
        if source is None:
            continue
        letter = xlsx.COLUMNS[i]
        on_other = "allow" if col.type == "code_list" else ("warning" if col.type == "region" else "stop")
        sheet.list_validation(f"{letter}{first}:{letter}{through}", source, on_other=on_other)
    sheet.close()


def _template_width(col: Column, fmt: Format, template: bool) -> float:
    width = column_width(col, fmt)
    return max(width, 24.0) if template and col.type == "region" else width


def _instructions(book: xlsx.XlsxWriter, name: str, data: WorkbookData, blank: bool) -> None:
    sheet = book.sheet(name, widths=[120])
    styles = {"title": xlsx.TITLE, "heading": xlsx.HEADING, "text": xlsx.WRAP}
    for text, kind in instruction_rows(data.header, blank=blank):
        sheet.append([text], styles[kind])
    sheet.close()


def _summary(book: xlsx.XlsxWriter, name: str, data: WorkbookData, blank: bool) -> None:
    sheet = book.sheet(name, widths=[14, 24, 10, 14, 14, 14])
    for values, kind in summary_rows(data, blank=blank):
        if kind == "blank":
            sheet.skip()
        else:
            sheet.append(values, _SUMMARY_STYLE.get(kind))
    sheet.close()


def _code_sheet(book: xlsx.XlsxWriter, name: str, codes: CodeSheet) -> None:
    sheet = book.sheet(name, hidden=True, widths=[18, 18, 28])
    for row, style in codes.rows():
        sheet.append(row, style)
    sheet.close()
