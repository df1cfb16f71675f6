"""Spreadsheet error values (#N/A, #REF!, ...) and non-finite numbers in read sheets: errors, never blanks.

The cell reader hands an error cell over as an empty string and NaN as a number, so both would pass for
a blank cell and clear a stored value. Error cells (`t="e"`) are found in the sheet's XML by the safety scan;
NaN, infinities and an error value typed as text are found in the cell values here.
"""

from __future__ import annotations

import math
import zipfile
from itertools import chain
from pathlib import Path
from typing import Any

from lxml import etree

from lifelong_desktop.submission.findings import ERROR, Finding
from lifelong_desktop.submission.reading import sheet_scan
from lifelong_desktop.submission.xlsx.cells import column_letter

ERROR_LITERALS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)


def error_value(sheet: str, cell: str, value: str) -> Finding:
    return Finding(ERROR, "error_value", sheet=sheet, cell=cell, params={"value": value or "#N/A"})


def _bad(value: Any) -> str | None:
    """The error value a cell holds ('' for none): NaN or an infinity, or an error literal as text."""
    kind = type(value)
    if kind is float:
        if math.isfinite(value):
            return None
        return "NaN" if math.isnan(value) else ("-∞" if value < 0 else "∞")
    if kind is str and value.strip().upper() in ERROR_LITERALS:
        return value.strip().upper()
    return None


def in_values(sheet: str, rows: list[list[Any]], findings: list[Finding]) -> None:
    """An error finding for each non-finite number or error text among a sheet's cell values.

    Each distinct value is looked at once (cells repeat a lot); only when one is bad are the rows walked.
    """
    distinct = set(chain.from_iterable(rows))  # hashing in C: far cheaper than a Python loop over cells
    suspects = {x for x in distinct if type(x) is float or (type(x) is str and "#" in x[:4])}
    bad = {x: b for x in suspects if (b := _bad(x)) is not None}
    if not bad:
        return
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value in bad:  # NaN is found too: the set holds the very objects of the cells
                findings.append(error_value(sheet, f"{column_letter(c)}{r + 1}", bad[value]))


def in_xml(
    path: Path, sheets: dict[str, str], formula_parts: set[str], error_parts: set[str]
) -> list[Finding]:
    """formula_not_allowed and error_value findings of the read sheets whose parts hold such cells."""
    out: list[Finding] = []
    for name, part in sheets.items():
        if part not in formula_parts and part not in error_parts:
            continue
        try:
            scan = sheet_scan.scan_cells(path, part)
        except (etree.Error, KeyError, ValueError, OSError, zipfile.BadZipFile, sheet_scan.Refused):
            scan = sheet_scan.CellScan(
                formulas=[""] if part in formula_parts else []
            )  # name the sheet at least
            if part in error_parts:
                out.append(error_value(name, "", ""))
        out.extend(Finding(ERROR, "formula_not_allowed", sheet=name, cell=cell) for cell in scan.formulas)
        formulas = set(scan.formulas)  # a formula with an error result gets the formula finding alone
        out.extend(error_value(name, cell, value) for cell, value in scan.errors if cell not in formulas)
    return out
