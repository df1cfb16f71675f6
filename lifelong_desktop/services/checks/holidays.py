"""China's statutory public holidays and adjusted working days (调休) per year, from `holidays`, cached.

Loading the library's calendars costs a tenth of a second (it imports every country), more than the rest of
`lifelong check` at 50,000 activities leaves: the years 2000 to 2040 are saved from the installed version in
resources/holidays/china.json and read from there while that version is installed (the library is asked
otherwise; tests/unit/test_checks_narrowing.py compares the file with the library).
"""

from __future__ import annotations

import bisect
import importlib.util
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from lifelong_desktop import files
from lifelong_desktop.paths import resource

_SWAPPED = re.compile(r"\d{4}-\d{2}-\d{2}")  # in the library's name of a substituted day off


@dataclass(frozen=True, slots=True)
class HolidayYear:
    """One year's arrangement: days off (with Chinese names) and weekend days that are working days."""

    year: int
    days_off: dict[date, str]
    workdays: frozenset[date]
    special: tuple[date, ...]  # both kinds, sorted, for range lookups

    @property
    def published(self) -> bool:
        """False when the library knows no arrangement for the year (no adjusted working day at all)."""
        return bool(self.workdays)

    def special_days_between(self, first: date, last: date) -> list[date]:
        """Holidays and adjusted working days in [first, last], in order."""
        lo = bisect.bisect_left(self.special, first)
        hi = bisect.bisect_right(self.special, last)
        return list(self.special[lo:hi])


SAVED_YEARS = range(2000, 2041)


@cache
def holiday_year(year: int) -> HolidayYear:
    """The arrangement of one year (computed once per process)."""
    return _saved().get(year) or library_year(year)


def library_year(year: int) -> HolidayYear:
    """The arrangement of one year as the library gives it."""
    import holidays  # loaded on first use (its calendars take longer than a window start): not at start

    cal = holidays.China(years=year, language="zh_CN")
    days_off = {d: name for d, name in cal.items() if d.year == year}
    # weekend_workdays holds the adjusted working days of every year the library has; keep this year's.
    workdays = frozenset(d for d in getattr(cal, "weekend_workdays", ()) if d.year == year)
    return HolidayYear(year, days_off, workdays, tuple(sorted(set(days_off) | workdays)))


def library_version() -> str | None:
    """The installed version of `holidays`, from its distribution's folder name (without importing it)."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    found = list(Path(spec.origin).parent.parent.glob("holidays-*.dist-info"))
    return found[0].name.removeprefix("holidays-").removesuffix(".dist-info") if len(found) == 1 else None


def saved_file() -> Path:
    return resource("holidays", "china.json")


def snapshot() -> dict[str, Any]:
    """SAVED_YEARS as the installed library gives them, in the form of resources/holidays/china.json."""
    years = {}
    for year in SAVED_YEARS:
        hy = library_year(year)
        off = {d.isoformat(): name for d, name in sorted(hy.days_off.items())}
        years[str(year)] = {"days_off": off, "workdays": sorted(d.isoformat() for d in hy.workdays)}
    return {"holidays": library_version(), "years": years}


def save_snapshot() -> Path:
    """Write resources/holidays/china.json from the installed library (after upgrading `holidays`)."""
    text = json.dumps(snapshot(), ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    return files.write_bytes(saved_file(), text.encode("utf-8"))


@cache
def _saved() -> dict[int, HolidayYear]:
    """The saved years, when they were saved from the installed version of the library (else none)."""
    try:
        data = json.loads(saved_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("holidays") is None or data.get("holidays") != library_version():
        return {}
    out = {}
    for key, saved in data["years"].items():
        off = {date.fromisoformat(d): name for d, name in saved["days_off"].items()}
        workdays = frozenset(date.fromisoformat(d) for d in saved["workdays"])
        out[int(key)] = HolidayYear(int(key), off, workdays, tuple(sorted(set(off) | workdays)))
    return out


def years_between(first: date, last: date) -> range:
    return range(first.year, last.year + 1)


@cache
def _day_kinds(year: int) -> dict[date, tuple[date, str, str]]:
    """{day: (day, kind, name)} of one published year (empty when unpublished), for one-day lookups."""
    hy = holiday_year(year)
    if not hy.published:
        return {}
    return {d[0]: d for d in _classify(hy, hy.special)}


def _classify(hy: HolidayYear, days: tuple[date, ...] | list[date]) -> list[tuple[date, str, str]]:
    out: list[tuple[date, str, str]] = []
    for d in days:
        if d in hy.workdays:
            out.append((d, "workday", ""))
        elif swapped := _SWAPPED.search(hy.days_off[d]):  # a day off given for a worked weekend day
            out.append((d, "rest_day", swapped.group(0)))
        else:
            out.append((d, "holiday", hy.days_off[d]))
    return out


def special_days(first: date, last: date) -> list[tuple[date, str, str]]:
    """(day, kind, name) for every day in [first, last] of a year whose arrangement is published that is a
    statutory holiday ('holiday', its name), a day off swapped for a worked weekend day ('rest_day', the ISO
    date of that weekend day) or a weekend day made a working day ('workday', '')."""
    if first == last:
        hit = _day_kinds(first.year).get(first)
        return [hit] if hit else []
    out: list[tuple[date, str, str]] = []
    for year in years_between(first, last):
        hy = holiday_year(year)
        if not hy.published:
            continue
        lo, hi = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
        out.extend(_classify(hy, hy.special_days_between(lo, hi)))
    return out


def special_spans(
    first_year: int, last_year: int
) -> tuple[list[date], list[tuple[date, date]], list[tuple[date, date]]]:
    """For the years first_year to last_year: the special days of the published ones (those special_days
    lists), the same days as spans of consecutive days (first, last), and the spans of the unpublished
    years. An activity within those years has special days (rules.check_holidays reports it), or lies in a
    year without published arrangements (listed under it), exactly when its dates meet one of the spans."""
    days: list[date] = []
    runs: list[tuple[date, date]] = []
    unknown: list[tuple[date, date]] = []
    for year in range(first_year, last_year + 1):
        hy = holiday_year(year)
        if hy.published:
            days.extend(hy.special)
            for day in hy.special:
                _extend(runs, day, day)
        else:
            _extend(unknown, date(year, 1, 1), date(year, 12, 31))
    return days, runs, unknown


def _extend(spans: list[tuple[date, date]], first: date, last: date) -> None:
    """Add [first, last] (not before any span so far) to spans, joined to the last one when they touch."""
    if spans and (first - spans[-1][1]).days <= 1:
        spans[-1] = (spans[-1][0], max(last, spans[-1][1]))
    else:
        spans.append((first, last))
