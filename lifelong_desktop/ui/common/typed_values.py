"""What a clerk types into a date or time field, read as a date or a time (None when it names none).

The field rules (services.fields, also the workbook reader's) know 2025-05-12, 2025/5/12, 2025年5月12日, 5月12日 and
9:30, 9点30; a field typed by hand also takes the short forms people key in: 20250512, 5/12, 5-12, 5.12
(month and day, in the field's year), 0930, 930, 9 and 14.
"""

from __future__ import annotations

import re
from datetime import date, time

from lifelong_desktop.services.fields import FieldProblem, fold, parse_date, parse_time

_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_COMPACT_TIME = re.compile(r"(\d{1,2})(\d{2})")
_HOUR = re.compile(r"\d{1,2}")


def read_date(text: str, year: int) -> date | None:
    """The date typed; month-and-day forms fall in `year`. None for text that is not a date."""
    text = fold(text).strip()
    if not text:
        return None
    if text.isdigit():  # 20250512; other bare numbers (a spreadsheet's serial numbers) name no typed date
        m = _COMPACT_DATE.fullmatch(text)
        if m is None:
            return None
        text = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = _MONTH_DAY.fullmatch(text)
    if m:
        text = f"{m.group(1)}月{m.group(2)}日"
    try:
        return parse_date(text, year)
    except FieldProblem:
        return None


def read_time(text: str) -> time | None:
    """The time typed (9:30, 09:30, 0930, 930, 9, 14, 9点半); None for text that is not a time."""
    text = fold(text).strip()
    m = _COMPACT_TIME.fullmatch(text)
    if m:
        text = f"{m.group(1)}:{m.group(2)}"
    elif _HOUR.fullmatch(text):
        text = f"{text}:00"
    try:
        return parse_time(text) if text else None
    except FieldProblem:
        return None
