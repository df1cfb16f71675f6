"""Pure parsers for the value rules of format section 7: one cell value in, a typed value or a code out."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from lifelong_desktop.models.text import normalise_name
from lifelong_desktop.services.regions import NATIONAL, RegionList, regions

Raw = Any  # what a cell reader gives: None, str, int, float, bool, date, time, datetime, timedelta


normalised = lru_cache(maxsize=1 << 16)(normalise_name)  # names repeat a lot: normalise each once


class ValueProblem(ValueError):
    """A cell value breaks a rule; `code` is a finding code of section 11, `params` fill its message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


# Full-width forms U+FF01..U+FF5E and the ideographic space fold to their ASCII twins.
_FOLD = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "\u3000": " "})
TRIM = _TRIM = (
    " \t\n\r\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\ufeff"
)
CONTROL = _CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_EXCEL_EPOCH = date(1899, 12, 30)
_MAX_SERIAL = 2958465  # 9999-12-31
_MAX_INT = 10**15  # the merge's submission_seq is a 14-digit YYYYMMDDHHMMSS; SQLite holds 64 bits


def fold(text: str) -> str:
    """Full-width letters, digits, punctuation and the ideographic space as ASCII."""
    return text.translate(_FOLD)


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
        text = text.strip(_TRIM)
        if not text:
            return None
        if _CONTROL.search(text):
            raise ValueProblem("control_character")
        return text
    if isinstance(raw, float) and raw != raw:  # NaN
        return None
    return raw


def _number_text(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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


def _as_text(value: Raw) -> str:
    """A value as folded text for the typed parsers."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number_text(value)
    return fold(str(value)).strip()


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


def serial_to_date(serial: float) -> date:
    """An Excel (1900 system) serial number as a date."""
    if not 1 <= serial <= _MAX_SERIAL:
        raise ValueProblem("invalid_date")
    whole = int(serial)
    if whole < 60:  # Excel counts a 29 February 1900 that never was
        whole += 1
    return _EXCEL_EPOCH + timedelta(days=whole)


_DATE_YMD = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]+0{1,2}:00(?::00)?)?")
_DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_SERIAL = re.compile(r"[1-9]\d{4}(?:\.\d+)?")
_DATE_MD = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")


def _make_date(y: int, m: int, d: int) -> date:
    if not 1900 <= y <= 9999:
        raise ValueProblem("invalid_date")
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueProblem("invalid_date") from None


def parse_date(value: Raw, year: int | None = None) -> date | None:
    """A date cell, a serial number, or text 2024-04-26, 2024/4/26, 2024.4.26, 2024年4月26日, 4月26日 (`year`)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or isinstance(value, time | timedelta):
        raise ValueProblem("invalid_date")
    if isinstance(value, int | float):
        return serial_to_date(value)
    text = _as_text(value)
    m = _DATE_YMD.fullmatch(text) or _DATE_CN.fullmatch(text)
    if m:
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DATE_MD.fullmatch(text)
    if m:
        if year is None:
            raise ValueProblem("invalid_date")
        return _make_date(year, int(m.group(1)), int(m.group(2)))
    if _SERIAL.fullmatch(text):  # a serial number kept as text (a text-formatted cell)
        return serial_to_date(float(text))
    raise ValueProblem("invalid_date")


_TIME_COLON = re.compile(r"(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?")
_TIME_CN = re.compile(r"(\d{1,2})\s*[时点](?:\s*(\d{1,2}|半)\s*分?)?")
_RANGE = re.compile(r"\s*(?:-|~|至|到|—|–|－|～)\s*")


def _make_time(h: int, m: int) -> time:
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise ValueProblem("invalid_time")
    return time(h, m)


def parse_time(value: Raw) -> time | None:
    """A time cell, a day fraction, or text 9:30, 09:30, 9时30分, 9点30, 9点半."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, timedelta):
        if not timedelta(0) <= value < timedelta(days=1):
            raise ValueProblem("invalid_time")
        minutes = round(value.total_seconds() / 60)
        return _make_time(*divmod(minutes, 60))
    if isinstance(value, bool) or isinstance(value, date):
        raise ValueProblem("invalid_time")
    if isinstance(value, int | float):
        if not 0 <= value < 1:
            raise ValueProblem("invalid_time")
        minutes = min(round(value * 1440), 1439)
        return _make_time(*divmod(minutes, 60))
    text = _as_text(value)
    m = _TIME_COLON.fullmatch(text)
    if m:
        return _make_time(int(m.group(1)), int(m.group(2)))
    m = _TIME_CN.fullmatch(text)
    if m:
        minute = m.group(2)
        return _make_time(int(m.group(1)), 30 if minute == "半" else int(minute or 0))
    raise ValueProblem("invalid_time")


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


_PHONE = re.compile(r"\+?[0-9\-\s()]{5,20}")


def parse_phone(value: Raw) -> str | None:
    """Digits with optional +, -, spaces and parentheses, 5 to 20 characters."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueProblem("invalid_phone")
    text = _as_text(value)
    if not (5 <= len(text) <= 20 and _PHONE.fullmatch(text) and any(c.isdigit() for c in text)):
        raise ValueProblem("invalid_phone")
    return text


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


_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


def parse_email(value: Raw) -> str | None:
    if value is None:
        return None
    text = str(value)
    if len(text) > 254 or not _EMAIL.fullmatch(text):
        raise ValueProblem("invalid_email")
    return text


_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check_char(first17: str) -> str:
    """The GB 32100-2015 check character of the first 17 characters of a credit code."""
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31]


def parse_credit_code(value: Raw) -> str | None:
    """An 18-character unified social credit code with a valid check character."""
    if value is None:
        return None
    text = _as_text(value).upper()
    if (
        len(text) != 18
        or any(c not in _CREDIT_CHARS for c in text)
        or credit_check_char(text[:17]) != text[17]
    ):
        raise ValueProblem("invalid_credit_code")
    return text


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
        part = part.strip(_TRIM)
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
        name = part.strip(_TRIM)
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
