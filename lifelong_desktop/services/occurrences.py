"""When an activity takes place: daily occurrences of (multi-day) activities, and overlap between two."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Protocol, TypeVar

DAY_MINUTES = 24 * 60


class Timed(Protocol):
    """What the timing helpers need of an activity (an ActivityRow has it; so do the NamedTuples CheckRow
    and CalendarRow, whose fields are read-only, hence properties)."""

    @property
    def start_date(self) -> date: ...
    @property
    def start_time(self) -> time | None: ...
    @property
    def end_date(self) -> date: ...
    @property
    def end_time(self) -> time | None: ...


T = TypeVar("T", bound="Timed")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One day of an activity: the date, its hours (None for all day), which day of how many."""

    day: date
    start: time | None
    end: time | None
    index: int  # 1-based day number
    days: int  # number of days of the activity

    @property
    def all_day(self) -> bool:
        return self.start is None and self.end is None


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def daily_span(row: Timed) -> tuple[int, int]:
    """Minutes [from, to) the activity occupies on each of its days: blank times mean the whole day.

    A start without an end runs to midnight, an end without a start from midnight; a daily end not
    after the start (only possible on multi-day activities) also runs to midnight.
    """
    start = _minutes(row.start_time) if row.start_time is not None else 0
    end = _minutes(row.end_time) if row.end_time is not None else DAY_MINUTES
    if end <= start:
        end = DAY_MINUTES
    return start, end


def day_count(row: Timed) -> int:
    return (row.end_date - row.start_date).days + 1


def occurrences(
    row: Timed, date_from: date | None = None, date_to: date | None = None
) -> Iterator[Occurrence]:
    """The days an activity runs (each day from start_date to end_date), optionally within [from, to]."""
    first = max(row.start_date, date_from) if date_from else row.start_date
    last = min(row.end_date, date_to) if date_to else row.end_date
    days = day_count(row)
    day = first
    while day <= last:
        yield Occurrence(day, row.start_time, row.end_time, (day - row.start_date).days + 1, days)
        day += timedelta(days=1)


def dates_overlap(a: Timed, b: Timed) -> bool:
    return a.start_date <= b.end_date and b.start_date <= a.end_date


def overlaps(a: Timed, b: Timed) -> bool:
    """True when two activities are running at the same moment on some day (touching ends do not overlap)."""
    if not dates_overlap(a, b):
        return False
    a0, a1 = daily_span(a)
    b0, b1 = daily_span(b)
    return a0 < b1 and b0 < a1


def first_common_day(a: Timed, b: Timed) -> date:
    """The first day on which both run (call only when their dates overlap)."""
    return max(a.start_date, b.start_date)


def overlapping_pairs(items: Iterable[T]) -> Iterator[tuple[T, T]]:
    """Every pair of overlapping activities in a group, by a sweep over start dates (not all pairs).

    Only activities whose date ranges are still open are compared, so the cost follows the number of
    concurrent activities, not the square of the group's size.
    """
    ordered = sorted(items, key=lambda r: (r.start_date, r.end_date))
    active: list[T] = []
    for row in ordered:
        if active:
            active = [a for a in active if a.end_date >= row.start_date]
        for other in active:
            if overlaps(other, row):
                yield other, row
        active.append(row)
