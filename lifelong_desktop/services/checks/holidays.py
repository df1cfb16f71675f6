"""China's statutory public holidays and adjusted working days (调休) per year, from `holidays`, cached."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

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


@cache
def holiday_year(year: int) -> HolidayYear:
    """The arrangement of one year (computed once per process)."""
    import holidays  # loaded on first use (its calendars take longer than a window start): not at start

    cal = holidays.China(years=year, language="zh_CN")
    days_off = {d: name for d, name in cal.items() if d.year == year}
    # weekend_workdays holds the adjusted working days of every year the library has; keep this year's.
    workdays = frozenset(d for d in getattr(cal, "weekend_workdays", ()) if d.year == year)
    return HolidayYear(year, days_off, workdays, tuple(sorted(set(days_off) | workdays)))


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
