"""Pure parsers for the value rules of format section 7: one cell value in, a typed value or a code out."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from lifelong_desktop.names import normalise_name
from lifelong_desktop.services.fields import (
    CONTROL,
    TRIM,
    credit_check_char,
    fold,
    parse_credit_code,
    parse_date,
    parse_email,
    parse_phone,
    parse_time,
    serial_to_date,
)
from lifelong_desktop.services.fields import FieldProblem as ValueProblem
from lifelong_desktop.services.fields import as_text as _as_text
from lifelong_desktop.services.fields import number_text as _number_text
from lifelong_desktop.services.regions import NATIONAL, RegionList, regions

__all__ = [  # the field parsers are defined once in services/fields.py; the reader uses them from here
    "CONTROL",
    "TRIM",
    "ValueProblem",
    "credit_check_char",
    "fold",
    "parse_credit_code",
    "parse_date",
    "parse_email",
    "parse_phone",
    "parse_time",
    "serial_to_date",
]

Raw = Any  # what a cell reader gives: None, str, int, float, bool, date, time, datetime, timedelta


normalised = lru_cache(maxsize=1 << 16)(normalise_name)  # names repeat a lot: normalise each once


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_MAX_INT = 10**15  # the merge's submission_seq is a 14-digit YYYYMMDDHHMMSS; SQLite holds 64 bits


def decode_escapes(text: str) -> str:
    """Excel's `_xHHHH_` escapes as characters (`_x005F_` is the escaped underscore)."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def clean(raw: Raw, *, decode: bool = True) -> Raw:
    """Trim white space (full-width too); None for a blank cell; control characters are an error.

    `decode=False` when the cell reader has already decoded `_xHHHH_` escapes (calamine does).
    """
    if raw is None:
        return None
    if isinstance(raw, str):
        text = decode_escapes(raw) if decode else raw
        text = text.strip(TRIM)
        if not text:
            return None
        if CONTROL.search(text):
            raise ValueProblem("control_character")
        return text
    if isinstance(raw, float) and raw != raw:  # NaN
        return None
    return raw


def parse_text(value: Raw, max_length: int | None = None) -> str | None:
    """Free text (not folded); numbers and dates written as text."""
    if type(value) is str:
        if max_length is not None and len(value) > max_length:
            raise ValueProblem("too_long", max=max_length, length=len(value))
        return value
    if value is None:
        return None
    if isinstance(value, bool):
        text = "是" if value else "否"
    elif isinstance(value, int | float):
        text = _number_text(value)
    elif isinstance(value, datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
    elif isinstance(value, date | time):
        text = value.isoformat()
    else:
        text = str(value)
    if max_length is not None and len(text) > max_length:
        raise ValueProblem("too_long", max=max_length, length=len(text))
    return text


_INT_PLAIN = re.compile(r"\+?\d+(?:\.0*)?")
_INT_GROUPED = re.compile(r"\+?\d{1,3}(?:,\d{3})+(?:\.0*)?")


def parse_int(value: Raw, minimum: int | None = 0) -> int | None:
    """A whole number: a number cell or digit text; `1,200` and `1200.0` accepted; negative or fractional refused."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueProblem("invalid_number")
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            raise ValueProblem("invalid_number")
        number = int(value)
    else:
        text = _as_text(value).replace(" ", "")
        if not (_INT_PLAIN.fullmatch(text) or _INT_GROUPED.fullmatch(text)):
            raise ValueProblem("invalid_number")
        number = int(text.replace(",", "").lstrip("+").split(".")[0])
    if (minimum is not None and number < minimum) or number > _MAX_INT:
        raise ValueProblem("invalid_number", min=minimum)
    return number


def parse_bool(value: Raw, true_words: tuple[str, ...], false_words: tuple[str, ...]) -> bool | None:
    """是/否, Y/N, yes/no, true/false, 1/0 (case-insensitive)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = _as_text(value).casefold()
    if text in true_words:
        return True
    if text in false_words:
        return False
    raise ValueProblem("invalid_boolean")


_RANGE = re.compile(r"\s*(?:-|~|至|到|—|–|－|～)\s*")


def parse_time_range(value: Raw) -> tuple[time | None, time | None]:
    """A start time, or a range `9:00-11:30` (also with ～, ~, 至) giving start and end."""
    if value is None:
        return None, None
    if isinstance(value, str):
        parts = _RANGE.split(fold(value).strip())
        if len(parts) == 2 and parts[0] and parts[1]:
            return parse_time(parts[0]), parse_time(parts[1])
        if len(parts) > 1:
            raise ValueProblem("invalid_time")
    return parse_time(value), None


_DATETIME = re.compile(r"(.+?)(?:[ T]+(\d{1,2}\s*:\s*\d{2})(?::\d{2}(?:\.\d+)?)?)?")


def parse_datetime(value: Raw) -> datetime | None:
    """A date-time cell, a serial number with a fraction, or text `2024-04-26 09:30`."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, bool) or isinstance(value, time | timedelta):
        raise ValueProblem("invalid_datetime")
    day: date | None  # a serial number always gives a day, the text's parse_date may not
    try:
        if isinstance(value, int | float):
            day = serial_to_date(value)
            minutes = min(round((value - int(value)) * 1440), 1439)
            return datetime.combine(day, time(*divmod(minutes, 60)))
        m = _DATETIME.fullmatch(_as_text(value))
        if not m:
            raise ValueProblem("invalid_datetime")
        day = parse_date(m.group(1))
        clock = parse_time(m.group(2)) if m.group(2) else time(0)
    except ValueProblem:
        raise ValueProblem("invalid_datetime") from None
    assert day is not None and clock is not None
    return datetime.combine(day, clock)


_UUID_CANONICAL = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def parse_uuid(value: Raw) -> str | None:
    """A UUID in canonical lower-case text form."""
    if value is None:
        return None
    if type(value) is str and _UUID_CANONICAL.fullmatch(value):
        return value.lower()  # the form every writer uses: no need to build a UUID object
    text = _as_text(value)
    if len(text) > 45:
        raise ValueProblem("invalid_uuid")
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise ValueProblem("invalid_uuid") from None


def parse_code(value: Raw, lookup: dict[str, str]) -> str | None:
    """A code list's key for a label or key, case-insensitively (`lookup` maps casefolded label/key to key)."""
    if value is None:
        return None
    key = lookup.get(_as_text(value).casefold())
    if key is None:
        raise ValueProblem("invalid_code", value=_short(value))
    return key


_CODE_SEPARATORS = re.compile(r"[；;、，,\n\r]+")
_ORG_SEPARATORS = re.compile(r"[；;\n\r]+")


def parse_code_list(value: Raw, lookup: dict[str, str]) -> tuple[str, ...] | None:
    """Labels or keys separated by ；;、，, or line breaks, as keys in order, without repeats."""
    if value is None:
        return None
    keys: list[str] = []
    for part in _CODE_SEPARATORS.split(fold(str(value))):
        part = part.strip(TRIM)
        if part:
            key = parse_code(part, lookup)
            if key not in keys:
                keys.append(key)  # type: ignore[arg-type]
    return tuple(keys) or None


def parse_organisation_list(value: Raw, max_length: int = 100) -> tuple[str, ...] | None:
    """Names separated by ；, ; or line breaks, in order, without repeats (by normalised name)."""
    if value is None:
        return None
    names: list[str] = []
    seen: set[str] = set()
    for part in _ORG_SEPARATORS.split(str(value)):
        name = part.strip(TRIM)
        if not name:
            continue
        if len(name) > max_length:
            raise ValueProblem("too_long", max=max_length, length=len(name))
        key = normalise_name(name)
        if key not in seen:
            seen.add(key)
            names.append(name)
    return tuple(names) or None


def _short(value: Raw, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_CODE_AND_NAME = re.compile(r"(\d{6})(?:\s*(.*))?")


class RegionResolver:
    """Region codes as text or number, a name unique inside the workbook's region, or `code name`."""

    def __init__(self, scope_code: str = NATIONAL, region_list: RegionList | None = None) -> None:
        self.regions = region_list or regions()
        self.scope_code = (
            scope_code if scope_code == NATIONAL or scope_code in self.regions.by_code else NATIONAL
        )
        self._names: dict[str, list[str]] | None = None
        self._cache: dict[Any, str] = {}

    def _name_index(self) -> dict[str, list[str]]:
        if self._names is None:
            names: dict[str, list[str]] = {}
            reg = self.regions
            inside = reg.descendants(self.scope_code)
            if self.scope_code in reg.by_code:
                inside.append(reg.by_code[self.scope_code])
            for r in inside:
                for n in {r.name, reg.full_name(r.code)}:
                    names.setdefault(n, []).append(r.code)
            self._names = names
        return self._names

    def parse(self, value: Raw) -> str | None:
        """The 6-digit code, or ValueProblem('unknown_region')."""
        if value is None:
            return None
        hit = self._cache.get(value)
        if hit is not None:
            return hit
        code = self._resolve(value)
        if len(self._cache) < 10000:
            self._cache[value] = code
        return code

    def _resolve(self, value: Raw) -> str:
        if isinstance(value, bool):
            raise ValueProblem("unknown_region", value=_short(value))
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int):
            text = f"{value:06d}" if 0 <= value <= 999999 else str(value)
        else:
            text = fold(str(value)).strip()
        m = _CODE_AND_NAME.fullmatch(text)
        if m:
            code, name = m.group(1), (m.group(2) or "").strip()
            if code == NATIONAL and self.scope_code == NATIONAL and name in ("", "全国"):
                return code
            region = self.regions.get(code)
            if region is None or (name and name not in (region.name, self.regions.full_name(code))):
                raise ValueProblem("unknown_region", value=_short(value))
            return code
        codes = self._name_index().get(text, [])
        if len(set(codes)) != 1:
            raise ValueProblem("unknown_region", value=_short(value))
        return codes[0]
