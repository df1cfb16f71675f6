"""Fuzz targets over the cell value parsers of lifelong_desktop/submission/values.py."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from typing import Any

from hypothesis import strategies as st

from lifelong_desktop import messages
from lifelong_desktop.submission import values as v
from lifelong_desktop.submission.format import code_lookup, load_format

DIGITS = "0123456789０１２３４５６７８９"
SEPARATORS = "-/.年月日 :：点时分半~～至到—–－,，;；、\t\u3000"
CJK = "沈阳大连市教育局开放大学图书馆活动周讲座"
CONTROL = "\x00\x01\x07\x0b\x1f\x7f\u200b\ufeff\ud7ff\U0001f600"


def _text() -> st.SearchStrategy[str]:
    alphabet = st.sampled_from(DIGITS + SEPARATORS + CJK + CONTROL + "abcxyzXYZ_+eE")
    patterned = st.one_of(
        st.from_regex(r"\A[+-]?\d{1,6}([-/.年]\d{1,3}([-/.月]\d{1,3}日?)?)?\Z"),
        st.from_regex(r"\A\d{1,3}\s?[:：点时]\s?(\d{1,3}|半)?\s?分?(\s?[-~至到]\s?\d{1,3}[:：]\d{1,3})?\Z"),
        st.from_regex(r"\A\d{1,3}(,\d{1,4})*(\.\d{0,4})?\Z"),
        st.from_regex(r"\A_x[0-9A-Fa-f]{4}_\Z"),
        st.from_regex(r"\A[0-9A-HJ-NPQRTUWXY]{16,19}\Z"),
        st.from_regex(r"\A[0-9a-fA-F-]{30,40}\Z"),
        st.from_regex(r"\A[\w.+-]{0,10}@[\w.-]{0,10}\Z"),
    )
    return st.one_of(st.text(alphabet, max_size=40), st.text(max_size=30), patterned)


def raw_values() -> st.SearchStrategy[Any]:
    """Anything a cell reader can hand over: None, text, numbers (with inf and NaN), dates, times, durations."""
    return st.one_of(
        st.none(),
        st.booleans(),
        _text(),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=True, allow_infinity=True),
        st.floats(min_value=-1, max_value=3_000_000),
        st.dates(),
        st.times(),
        st.datetimes(),
        st.timedeltas(),
    )


def _lookup(name: str) -> dict[str, str]:
    return code_lookup(load_format(), name)


def _region() -> v.RegionResolver:
    return v.RegionResolver("210000")


_REGION: list[v.RegionResolver] = []


def region_parse(raw: Any) -> Any:
    if not _REGION:
        _REGION.append(_region())
    return _REGION[0].parse(raw)


#: target name -> (call(raw, extra) -> result, type(s) a result may have besides None)
TARGETS: dict[str, tuple[Any, tuple[type, ...]]] = {
    "clean": (lambda raw, n: v.clean(raw), (object,)),
    "parse_text": (lambda raw, n: v.parse_text(raw, max_length=n % 120 or None), (str,)),
    "parse_int": (lambda raw, n: v.parse_int(raw, minimum=None if n % 3 == 0 else 0), (int,)),
    "parse_bool": (
        lambda raw, n: v.parse_bool(raw, ("是", "y", "yes", "true", "1"), ("否", "n", "no", "false", "0")),
        (bool,),
    ),
    "parse_date": (lambda raw, n: v.parse_date(raw, year=None if n % 2 else 2024), (date,)),
    "parse_time": (lambda raw, n: v.parse_time(raw), (time,)),
    "parse_time_range": (lambda raw, n: v.parse_time_range(raw), (tuple,)),
    "parse_datetime": (lambda raw, n: v.parse_datetime(raw), (datetime,)),
    "parse_phone": (lambda raw, n: v.parse_phone(raw), (str,)),
    "parse_uuid": (lambda raw, n: v.parse_uuid(raw), (str,)),
    "parse_email": (lambda raw, n: v.parse_email(raw), (str,)),
    "parse_credit_code": (lambda raw, n: v.parse_credit_code(raw), (str,)),
    "parse_code": (lambda raw, n: v.parse_code(raw, _lookup("activity_type")), (str,)),
    "parse_code_list": (lambda raw, n: v.parse_code_list(raw, _lookup("audience")), (tuple,)),
    "parse_organisation_list": (
        lambda raw, n: v.parse_organisation_list(raw, max_length=n % 100 + 1),
        (tuple,),
    ),
    "parse_region": (lambda raw, n: region_parse(raw), (str,)),
}


class WrongResult(Exception):
    """A parser returned something of the wrong type, or refused with a code that has no sentence."""


def check_value(target: str, raw: Any, extra: int = 0) -> Any:
    """Run one parser on one value: it returns its type (or None) or raises ValueProblem with a known code."""
    call, kinds = TARGETS[target]
    try:
        result = call(raw, extra)
    except v.ValueProblem as problem:
        if not messages.has("finding." + problem.code):
            raise WrongResult(f"code {problem.code!r} has no sentence") from problem
        raise
    if result is not None and not isinstance(result, kinds):
        raise WrongResult(f"{type(result).__name__} from {target}")
    if isinstance(result, float) and math.isnan(result):
        raise WrongResult("NaN result")
    return result


def round_trips() -> dict[str, tuple[st.SearchStrategy[Any], Any]]:
    """Values the parsers must read back exactly (a written date must come back as that date)."""
    in_range = st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31))
    return {
        "date_iso": (in_range, lambda d: v.parse_date(d.isoformat()) == d),
        "date_cn": (in_range, lambda d: v.parse_date(f"{d.year}年{d.month}月{d.day}日") == d),
        "date_serial": (
            st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
            lambda d: v.parse_date(float((d - date(1899, 12, 30)).days)) == d,
        ),
        "time_hm": (
            st.times(),
            lambda t: v.parse_time(t.strftime("%H:%M")) == t.replace(second=0, microsecond=0),
        ),
        "int_text": (st.integers(0, 10**12), lambda n: v.parse_int(f"{n:,}") == n == v.parse_int(str(n))),
    }


__all__ = ["TARGETS", "WrongResult", "check_value", "raw_values", "round_trips", "timedelta"]
