"""China's statutory public holidays and adjusted working days (调休) per year, from `holidays`, cached."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from functools import cache

import holidays


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
    cal = holidays.China(years=year, language="zh_CN")
    days_off = {d: name for d, name in cal.items() if d.year == year}
    # weekend_workdays holds the adjusted working days of every year the library has; keep this year's.
    workdays = frozenset(d for d in getattr(cal, "weekend_workdays", ()) if d.year == year)
    return HolidayYear(year, days_off, workdays, tuple(sorted(set(days_off) | workdays)))


def years_between(first: date, last: date) -> range:
    return range(first.year, last.year + 1)


def special_days(first: date, last: date) -> list[tuple[date, str, str]]:
    """(day, kind, name) for every holiday ('holiday') or adjusted working day ('workday') in [first, last]
    in years whose arrangement is published."""
    out: list[tuple[date, str, str]] = []
    for year in years_between(first, last):
        hy = holiday_year(year)
        if not hy.published:
            continue
        lo, hi = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
        for d in hy.special_days_between(lo, hi):
            if d in hy.workdays:
                out.append((d, "workday", ""))
            else:
                out.append((d, "holiday", hy.days_off[d]))
    return out

