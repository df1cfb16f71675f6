"""The header rows of a workbook: 填报信息's keys, and each table's columns by key (row 2) or label (row 1).

One reading for every caller (validate, import, merge, the preview): a key given twice is an error; a
column whose key is blank, merged, damaged or unknown while its label is a known label is read by its label
with a warning at the key cell; a column known neither by key nor by label is ignored with a warning.
"""

from __future__ import annotations

from typing import Any

from lifelong_desktop.submission.findings import ERROR, WARNING, Finding
from lifelong_desktop.submission.format import Format, Table
from lifelong_desktop.submission.reading.cells import RawTable
from lifelong_desktop.submission.values import ValueProblem, clean, fold
from lifelong_desktop.submission.xlsx.cells import column_letter


def norm_header(value: Any) -> str:
    """A key or label as compared: folded, without `*`, without any white space, case-folded."""
    if value is None or value == "":
        return ""
    text = fold(str(value)).strip().lstrip("*").strip()
    return "".join(text.split()).casefold()


def _clean_at(value: Any, sheet: str, cell: str, key: str, label: str, findings: list[Finding]) -> Any:
    try:
        return clean(value, decode=False)  # calamine has decoded the _xHHHH_ escapes already
    except ValueProblem as exc:
        findings.append(
            Finding(ERROR, exc.code, sheet=sheet, cell=cell, key=key, params={"label": label, "value": ""})
        )
        return None


def header_raw(fmt: Format, rows: list[list[Any]], findings: list[Finding]) -> dict[str, tuple[Any, str]]:
    """{key: (cleaned value, cell)} from 填报信息: keys in column B (labels in column A as a fallback).

    A key present twice is an error at its second key cell; the first occurrence is the one read, so
    that the finding and the value shown agree (and nothing is imported while the error stands).
    """
    by_key = {c.key.casefold(): c.key for c in fmt.header}
    by_label = {norm_header(c.label): c.key for c in fmt.header}
    label_of = {c.key: c.label for c in fmt.header}
    out: dict[str, tuple[Any, str]] = {}
    sheet = fmt.header_sheet
    for i, row in enumerate(rows):
        if len(row) < 2:
            continue
        key = by_key.get(norm_header(row[1])) or (by_label.get(norm_header(row[0])) if not row[1] else None)
        if key is None:
            continue
        if key in out:
            findings.append(
                Finding(
                    ERROR,
                    "duplicate_key",
                    sheet=sheet,
                    cell=f"B{i + 1}",
                    key=key,
                    params={"label": label_of[key], "first": out[key][1].replace("C", "B", 1)},
                )
            )
            continue
        cell = f"C{i + 1}"
        value = row[2] if len(row) > 2 else None
        out[key] = (_clean_at(value, sheet, cell, key, label_of[key], findings), cell)
    return out


def _cell(row: list[Any], col: int) -> Any:
    return row[col] if col < len(row) else ""


class _Columns:
    """Builds one table's key -> column index, with its findings."""

    def __init__(self, table: Table, header_index: int, findings: list[Finding]) -> None:
        self.table, self.row, self.findings = table, header_index + 1, findings
        self.index: dict[str, int] = {}

    def take(self, key: str, col: int) -> None:
        if key in self.index:
            self.findings.append(
                Finding(
                    ERROR,
                    "duplicate_column",
                    sheet=self.table.sheet,
                    cell=f"{column_letter(col)}{self.row}",
                    key=key,
                    params={
                        "label": self.table.column(key).label,
                        "first": f"{column_letter(self.index[key])}{self.row}",
                    },
                )
            )
            return
        self.index[key] = col

    def unknown(self, value: Any, cell: str) -> None:
        self.findings.append(
            Finding(
                WARNING,
                "unknown_column",
                sheet=self.table.sheet,
                cell=cell,
                key=str(value)[:50],
                params={"column": str(value)[:50]},
            )
        )


def _by_keys(table: Table, rows: list[list[Any]], columns: _Columns) -> None:
    """Row 2 holds keys: each column by its key, else by its row-1 label (warning at the key cell)."""
    keys = {k.casefold(): k for k in table.keys}
    labels = {norm_header(c.label): c.key for c in table.columns}
    label_row, key_row = rows[0], rows[1]
    keyed = {keys[norm_header(v)] for v in key_row if norm_header(v) in keys}
    for col in range(max(len(label_row), len(key_row))):
        raw_key, raw_label = _cell(key_row, col), _cell(label_row, col)
        key = keys.get(norm_header(raw_key))
        if key is not None:
            columns.take(key, col)
            continue
        by_label = labels.get(norm_header(raw_label))
        if by_label is not None:
            columns.take(by_label, col)
            if by_label not in keyed:
                columns.findings.append(
                    Finding(
                        WARNING,
                        "column_key_missing",
                        sheet=table.sheet,
                        cell=f"{column_letter(col)}2",
                        key=by_label,
                        params={"label": table.column(by_label).label, "value": str(raw_key)[:40]},
                    )
                )
        elif norm_header(raw_key):
            columns.unknown(raw_key, f"{column_letter(col)}2")
        elif norm_header(raw_label):
            columns.unknown(raw_label, f"{column_letter(col)}1")


def _by_labels(table: Table, rows: list[list[Any]], columns: _Columns) -> None:
    """No key row: each column by its row-1 label (data then start at row 2)."""
    labels = {norm_header(c.label): c.key for c in table.columns}
    for col, value in enumerate(rows[0] if rows else []):
        if not norm_header(value):
            continue
        key = labels.get(norm_header(value))
        if key is None:
            columns.unknown(value, f"{column_letter(col)}1")
        else:
            columns.take(key, col)


def table_raw(table: Table, rows: list[list[Any]], findings: list[Finding]) -> RawTable:
    """Columns by the key row (row 2), else by the labels of row 1 (data then start at row 2)."""
    keys = {k.casefold() for k in table.keys}
    key_row = rows[1] if len(rows) > 1 else []
    header_index = 1 if any(norm_header(v) in keys for v in key_row) else 0
    columns = _Columns(table, header_index, findings)
    if header_index == 1:
        _by_keys(table, rows, columns)
    else:
        _by_labels(table, rows, columns)
    for column in table.columns:
        if column.required is True and column.key not in columns.index:
            findings.append(
                Finding(
                    ERROR, "missing_column", sheet=table.sheet, key=column.key, params={"label": column.label}
                )
            )
    letters = {k: column_letter(c) for k, c in columns.index.items()}
    return RawTable(table, rows, header_index + 1, columns.index, letters)
