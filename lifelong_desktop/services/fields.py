"""The field rules, each defined once: text, phone, e-mail, credit code, region, code lists, dates and times.

Every screen and reader applies these: the register dialogs (services/registers/rules.py), the activity
checks (services/planning/inputs.py), the programme settings (services/programmes.py), the planning checks
(services/checks/rules.py) and the workbook reader (submission/values.py re-exports the parsers). Each
problem is a FieldProblem whose code is the format's finding code (section 11): `invalid_phone` means the
same thing wherever it is raised. The limits, types and code lists come from the one format description
(resources/submission/format.json), read here without going through `submission` (services sit below it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from operator import attrgetter
from typing import Any

from lifelong_desktop.paths import resource
from lifelong_desktop.services.regions import regions


class FieldProblem(ValueError):
    """A value breaks a field rule; `code` is a finding code of format section 11, `params` fill its message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


# Full-width forms U+FF01..U+FF5E and the ideographic space fold to their ASCII twins.
_FOLD = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "\u3000": " "})
TRIM = " \t\n\r\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\ufeff"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_EXCEL_EPOCH = date(1899, 12, 30)
_MAX_SERIAL = 2958465  # 9999-12-31


def fold(text: str) -> str:
    """Full-width letters, digits, punctuation and the ideographic space as ASCII."""
    return text.translate(_FOLD)


def number_text(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_text(value: Any) -> str:
    """A value as folded text for the typed parsers."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_text(value)
    return fold(str(value)).strip()


def clean_text(value: str | None, max_length: int | None = None) -> str:
    """Typed free text: trimmed (full-width spaces too), no control characters, at most `max_length`."""
    text = (value or "").strip(TRIM)
    if CONTROL.search(text):
        raise FieldProblem("control_character")
    if max_length is not None and len(text) > max_length:
        raise FieldProblem("too_long", max=max_length, length=len(text))
    return text


# ---------------------------------------------------------------- phone, e-mail, credit code

_PHONE = re.compile(r"\+?[0-9\-\s()]{5,20}")


def parse_phone(value: Any) -> str | None:
    """Digits with an optional leading +, -, spaces and parentheses, 5 to 20 characters (format section 7)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise FieldProblem("invalid_phone", phone=str(value))
    text = as_text(value)
    if not (5 <= len(text) <= 20 and _PHONE.fullmatch(text) and any(c.isdigit() for c in text)):
        raise FieldProblem("invalid_phone", phone=str(value))
    return text


_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


def parse_email(value: Any) -> str | None:
    """Something that looks like an address: one @, a domain of dot-separated non-empty labels."""
    if value is None:
        return None
    text = str(value)
    if len(text) > 254 or not _EMAIL.fullmatch(text):
        raise FieldProblem("invalid_email", email=text)
    return text


_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, ... (GB 32100-2015)


def credit_check_char(first17: str) -> str:
    """The GB 32100-2015 check character of the first 17 characters of a credit code."""
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31]


def parse_credit_code(value: Any) -> str | None:
    """An 18-character unified social credit code with a valid check character, in capitals."""
    if value is None:
        return None
    text = as_text(value).upper()
    if (
        len(text) != 18
        or any(c not in _CREDIT_CHARS for c in text)
        or credit_check_char(text[:17]) != text[17]
    ):
        raise FieldProblem("invalid_credit_code")
    return text


def region_code(value: str | None, levels: tuple[str, ...] = ()) -> str | None:
    """A 6-digit code of the shipped region list (of one of `levels` when given), else `unknown_region`."""
    if not value:
        return None
    code = as_text(value)
    region = regions().get(code)
    if region is None or (levels and region.level not in levels):
        raise FieldProblem("unknown_region", value=str(value))
    return code


# ---------------------------------------------------------------- dates and times

_DATE_YMD = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]+0{1,2}:00(?::00)?)?")
_DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_SERIAL = re.compile(r"[1-9]\d{4}(?:\.\d+)?")
_DATE_MD = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")


def serial_to_date(serial: float) -> date:
    """An Excel (1900 system) serial number as a date."""
    if not 1 <= serial <= _MAX_SERIAL:
        raise FieldProblem("invalid_date")
    whole = int(serial)
    if whole < 60:  # Excel counts a 29 February 1900 that never was
        whole += 1
    return _EXCEL_EPOCH + timedelta(days=whole)


def _make_date(y: int, m: int, d: int) -> date:
    if not 1900 <= y <= 9999:
        raise FieldProblem("invalid_date")
    try:
        return date(y, m, d)
    except ValueError:
        raise FieldProblem("invalid_date") from None


def parse_date(value: Any, year: int | None = None) -> date | None:
    """A date, a serial number, or text 2024-04-26, 2024/4/26, 2024.4.26, 2024年4月26日, 4月26日 (`year`)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or isinstance(value, time | timedelta):
        raise FieldProblem("invalid_date")
    if isinstance(value, int | float):
        return serial_to_date(value)
    text = as_text(value)
    m = _DATE_YMD.fullmatch(text) or _DATE_CN.fullmatch(text)
    if m:
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DATE_MD.fullmatch(text)
    if m:
        if year is None:
            raise FieldProblem("invalid_date")
        return _make_date(year, int(m.group(1)), int(m.group(2)))
    if _SERIAL.fullmatch(text):  # a serial number kept as text (a text-formatted cell)
        return serial_to_date(float(text))
    raise FieldProblem("invalid_date")


_TIME_COLON = re.compile(r"(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?")
_TIME_CN = re.compile(r"(\d{1,2})\s*[时点](?:\s*(\d{1,2}|半)\s*分?)?")


def _make_time(h: int, m: int) -> time:
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise FieldProblem("invalid_time")
    return time(h, m)


def parse_time(value: Any) -> time | None:
    """A time, a day fraction, or text 9:30, 09:30, 9时30分, 9点30, 9点半."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, timedelta):
        if not timedelta(0) <= value < timedelta(days=1):
            raise FieldProblem("invalid_time")
        minutes = round(value.total_seconds() / 60)
        return _make_time(*divmod(minutes, 60))
    if isinstance(value, bool) or isinstance(value, date):
        raise FieldProblem("invalid_time")
    if isinstance(value, int | float):
        if not 0 <= value < 1:
            raise FieldProblem("invalid_time")
        minutes = min(round(value * 1440), 1439)
        return _make_time(*divmod(minutes, 60))
    text = as_text(value)
    m = _TIME_COLON.fullmatch(text)
    if m:
        return _make_time(int(m.group(1)), int(m.group(2)))
    m = _TIME_CN.fullmatch(text)
    if m:
        minute = m.group(2)
        return _make_time(int(m.group(1)), 30 if minute == "半" else int(minute or 0))
    raise FieldProblem("invalid_time")


def date_order(start: date | None, end: date | None) -> None:
    """An end date before its start date is `date_order`."""
    if start and end and end < start:
        raise FieldProblem("date_order")


def time_order(start_date: date | None, end_date: date | None, start: time | None, end: time | None) -> None:
    """On a one-day activity an end time not after the start time is `time_order`."""
    if start and end and start_date and (end_date is None or end_date == start_date) and end <= start:
        raise FieldProblem("time_order")


# ---------------------------------------------------------------- the format's columns as field rules


@dataclass(frozen=True, slots=True)
class FieldRule:
    """What the format says of one field: its type, length limit, code list and whether it is required."""

    key: str
    type: str
    max_length: int | None = None
    code_list: str | None = None
    required: bool | str = False  # True, False or "except_national" (a header's unit and contact)


@cache
def _format() -> dict[str, Any]:
    with resource("submission", "format.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def rules_of(table: str) -> dict[str, FieldRule]:
    """The field rules of a table of the format (`activities`, `organisations`, `venues`) or of `header`."""
    raw = _format()
    columns = raw["header"]["fields"] if table == "header" else raw["tables"][table]["columns"]
    return {
        c["key"]: FieldRule(
            c["key"], c.get("type", "text"), c.get("max_length"), c.get("code_list"), c.get("required", False)
        )
        for c in columns
    }


@cache
def code_keys(code_list: str) -> tuple[str, ...]:
    """The keys of a code list of the format (mode, status, activity_type, ...), in order."""
    return tuple(item["key"] for item in _format()["code_lists"][code_list])


def check_field(table: str, key: str, value: Any) -> Any:
    """The value of one field as stored, cleaned by the format's rule for it; FieldProblem when it breaks it.

    Blank text gives "" (None for codes, regions and credit codes); a required field left blank is `required`.
    """
    rule = rules_of(table)[key]
    if isinstance(value, str):
        value = clean_text(value)
    if value in (None, ""):
        if rule.required is True:
            raise FieldProblem("required", field=key)
        return None if rule.type in ("code", "region", "credit_code") else value
    parsed = _parse(rule, value)
    if rule.max_length is not None and isinstance(parsed, str) and len(parsed) > rule.max_length:
        raise FieldProblem("too_long", max=rule.max_length, length=len(parsed))
    return parsed


def _parse(rule: FieldRule, value: Any) -> Any:
    t = rule.type
    if t == "phone":
        return parse_phone(value)
    if t == "email":
        return parse_email(value)
    if t == "credit_code":
        return parse_credit_code(value)
    if t == "region":
        return region_code(value)
    if t == "code":
        if value not in code_keys(rule.code_list or ""):
            raise FieldProblem("invalid_code", value=str(value))
        return value
    if t == "date":
        return parse_date(value)
    if t == "time":
        return parse_time(value)
    return value


@cache
def required_activity_fields() -> tuple[str, ...]:
    """The 活动 keys the format requires of every activity (its `*` columns)."""
    return tuple(k for k, rule in rules_of("activities").items() if rule.required is True)


def missing_activity_fields(value_of: Callable[[str], Any]) -> list[str]:
    """Keys of what an activity leaves blank that a workbook requires: the `*` columns, and by its mode
    the venue (offline, hybrid) or the online link (online, hybrid), as the reader asks for them."""
    missing = [k for k in required_activity_fields() if not value_of(k)]
    mode = value_of("mode")
    if mode and mode != "online" and not value_of("venue"):
        missing.append("venue")
    if mode and mode != "offline" and not str(value_of("online_url") or "").strip():
        missing.append("online_url")
    return missing


def missing_fields_of_rows(attribute: Mapping[str, str]) -> Callable[[Any], list[str]]:
    """`missing_activity_fields` for rows with attributes (the checks read 50,000 at a time): the same rule,
    the attributes named by workbook key (`attribute` maps the keys whose attribute is named otherwise).

    A row with every value present is answered by one attrgetter call; only the others go through the rule."""
    keys = (*required_activity_fields(), "mode", "venue", "online_url")
    values = attrgetter(*(attribute.get(k, k) for k in keys))
    position = {k: i for i, k in enumerate(keys)}

    def missing(row: Any) -> list[str]:
        got = values(row)
        mode, venue, url = got[-3:]
        if all(got[:-3]) and (venue or mode == "online") and (mode == "offline" or str(url or "").strip()):
            return []  # the rule would find nothing either
        return missing_activity_fields(lambda key: got[position[key]])

    return missing
