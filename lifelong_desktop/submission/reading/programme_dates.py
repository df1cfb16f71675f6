"""Activity dates outside the programme: outside the workbook's year, or outside its window when given.

A date in 2031 or 1900 in a 2024 workbook is almost always a slip (a wrong year typed, a serial number read
as a date, a workbook switched to the 1904 date system): a warning at its cell, so that it is seen before
it is imported. When the workbook counts dates from 1904 and dates land outside the year, one more finding
says so, since every date cell then reads four years and a day later than Excel shows in a 1900 workbook.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lifelong_desktop.submission.findings import WARNING, Finding
from lifelong_desktop.submission.reading.cells import Checker, RawTable, Typed

DATE_KEYS = ("start_date", "end_date")


def _problem(day: date, year: int | None, start: date | None, end: date | None) -> tuple[str, dict] | None:
    if year is not None and day.year != year:
        return "date_outside_year", {"year": year}
    if start is not None and day < start or end is not None and day > end:
        return "date_outside_window", {"start": start or "", "end": end or ""}
    return None


def check_programme_dates(
    header: dict[str, Any], typed: Typed, raw: RawTable, check: Checker, *, date1904: bool
) -> None:
    """Warnings at each activity date outside the year or window; one about the 1904 date system if it shows."""
    year = header.get("year")
    start, end = header.get("window_start"), header.get("window_end")
    if year is None and start is None and end is None:
        return
    sheet, letters, numbers = raw.table.sheet, raw.letters, raw.numbers
    found: list[tuple[int, int, str, date, tuple[str, dict]]] = []
    for rank, key in enumerate(DATE_KEYS):
        if key not in letters:
            continue
        days = typed.column(key)
        problems = {d: p for d in set(days) if isinstance(d, date) and (p := _problem(d, year, start, end))}
        found.extend((i, rank, key, d, problems[d]) for i, d in enumerate(days) if d in problems)
    found.sort(key=lambda f: (f[0], f[1]))
    outside_year = 0
    for i, _rank, key, day, (code, params) in found:
        outside_year += code == "date_outside_year"
        label = raw.table.column(key).label
        check.warning(code, sheet, f"{letters[key]}{numbers[i]}", key, label, value=day.isoformat(), **params)
    if date1904 and outside_year:
        check.findings.append(
            Finding(WARNING, "date_system_1904", sheet=sheet, params={"count": outside_year, "year": year})
        )
