"""Calendar occurrences: which activities run on which day (indexed by date), and a venue's bookings.

A multi-day activity runs daily from start_time to end_time on each day from start_date to end_date
(the meaning of checks_time.occurrences, whose daily spans the double-booking rule shares).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import NamedTuple

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, Venue
from lifelong_desktop.services.occurrences import daily_span

LONG_DAYS = 14  # activities longer than this are kept aside, so a range query never scans far back
NO_CLASH_STATUSES = ("cancelled",)


class Entry(NamedTuple):
    """One day of one activity, with what a calendar cell shows and colours (a tuple: cheap to make by the 100,000)."""

    activity_id: int
    day: date
    start: time | None
    end: time | None
    index: int  # type: ignore[assignment]  # 1-based day of a multi-day activity (shadows tuple.index, unused)
    days: int
    title: str
    activity_type: str | None
    status: str
    city_code: str | None
    venue_id: int | None
    venue_name: str
    mode: str | None

    @property
    def all_day(self) -> bool:
        return self.start is None and self.end is None

    @property
    def sort_key(self) -> tuple:
        return (self.start is not None, self.start or time(0), self.title, self.activity_id)


class CalendarRow(NamedTuple):
    """What a calendar needs of one activity (lighter than an ActivityRow: no organisers; a tuple, for 50,000)."""

    id: int
    title: str
    activity_type: str | None
    status: str
    start_date: date
    start_time: time | None
    end_date: date
    end_time: time | None
    city_code: str | None
    venue_id: int | None
    venue_name: str
    mode: str | None


def calendar_rows(session: Session, programme_id: int, *, venue_id: int | None = None) -> list[CalendarRow]:
    """The programme's activities (or those at one venue) in one query, as calendar rows.

    Dates and times are read as their ISO text and parsed by the C `fromisoformat`s, and the query runs on
    Core, not the ORM: together a third of the time on a 50,000-activity programme."""
    text = [
        cast(c, String)
        for c in (Activity.start_date, Activity.start_time, Activity.end_date, Activity.end_time)
    ]
    stmt = (
        select(
            Activity.id,
            Activity.title,
            Activity.activity_type,
            Activity.status,
            *text,
            Activity.city_code,
            Activity.venue_id,
            Venue.name,
            Activity.mode,
        )
        .outerjoin(Venue, Venue.id == Activity.venue_id)
        .where(Activity.programme_id == programme_id)
    )
    if venue_id is not None:
        stmt = stmt.where(Activity.venue_id == venue_id)
    make, day, hour = tuple.__new__, date.fromisoformat, time.fromisoformat
    return [
        make(
            CalendarRow,
            (
                r[0],
                r[1],
                r[2],
                r[3],
                day(r[4]),
                hour(r[5]) if r[5] else None,
                day(r[6]),
                hour(r[7]) if r[7] else None,
                r[8],
                r[9],
                r[10] or "",
                r[11],
            ),
        )
        for r in session.connection().execute(stmt)
    ]


def _entries(row: CalendarRow, first: date, last: date) -> Iterable[Entry]:
    """The entries of `occurrences(row, first, last)`, built directly (this runs for every visible day)."""
    day = max(row.start_date, first)
    end = min(row.end_date, last)
    days = (row.end_date - row.start_date).days + 1
    index = (day - row.start_date).days + 1
    one = timedelta(days=1)
    fields = (row.title, row.activity_type, row.status, row.city_code, row.venue_id, row.venue_name, row.mode)
    while day <= end:
        yield Entry(row.id, day, row.start_time, row.end_time, index, days, *fields)
        day += one
        index += 1


def _entry_order(e: Entry) -> tuple:
    """Entry.sort_key by position (faster when sorting tens of thousands)."""
    return (e[2] is not None, e[2] or _MIDNIGHT, e[6], e[0])


_MIDNIGHT = time(0)


class CalendarIndex:
    """Occurrences of a programme's activities per day, computed for the days asked for and cached.

    Rows are kept sorted by start date; a query for [first, last] looks only at activities starting
    in [first - LONG_DAYS, last] plus the few longer ones, so it costs what the visible range holds.
    """

    def __init__(self, rows: Iterable[CalendarRow]) -> None:
        short: list[CalendarRow] = []
        self._long: list[CalendarRow] = []
        for r in rows:
            (self._long if (r.end_date - r.start_date).days >= LONG_DAYS else short).append(r)
        short.sort(key=lambda r: r.start_date)
        self._short = short
        self._starts = [r.start_date for r in short]
        self._days: dict[date, list[Entry]] = {}
        every = short + self._long
        self.first_day = min((r.start_date for r in every), default=None)
        self.last_day = max((r.end_date for r in every), default=None)
        self.count = len(every)

    def between(self, first: date, last: date) -> dict[date, list[Entry]]:
        """{day: entries of that day in time order} for every day from first to last (inclusive)."""
        missing = [d for d in _days(first, last) if d not in self._days]
        if missing:
            lo, hi = missing[0], missing[-1]
            fresh: dict[date, list[Entry]] = {d: [] for d in missing}
            i = bisect_left(self._starts, lo - timedelta(days=LONG_DAYS))
            j = bisect_right(self._starts, hi)
            make = (
                tuple.__new__
            )  # Entry(...) without keyword handling: this runs ~40,000 times for a busy month
            one = timedelta(days=1)
            for row in self._short[i:j] + [r for r in self._long if r.start_date <= hi and r.end_date >= lo]:
                day, end = max(row.start_date, lo), min(row.end_date, hi)
                index = (day - row.start_date).days + 1
                head = (row.id,)
                times = (row.start_time, row.end_time)
                tail = (
                    (row.end_date - row.start_date).days + 1,
                    row.title,
                    row.activity_type,
                    row.status,
                    row.city_code,
                    row.venue_id,
                    row.venue_name,
                    row.mode,
                )
                while day <= end:
                    bucket = fresh.get(day)
                    if bucket is not None:
                        bucket.append(make(Entry, head + (day,) + times + (index,) + tail))
                    day += one
                    index += 1
            for d, entries in fresh.items():
                entries.sort(key=_entry_order)
                self._days[d] = entries
        return {d: self._days[d] for d in _days(first, last)}

    def on(self, day: date) -> list[Entry]:
        return self.between(day, day)[day]


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@dataclass(frozen=True, slots=True)
class Booking:
    """One day a venue is in use, and the activities it clashes with that day (a double booking)."""

    entry: Entry
    clashes_with: tuple[int, ...] = ()

    @property
    def clash(self) -> bool:
        return bool(self.clashes_with)


def venue_bookings(rows: Iterable[CalendarRow], venue_id: int) -> list[Booking]:
    """Every day of every activity at a venue, by date and time, with same-time clashes marked.

    Two bookings clash when both are held on site (not online, not cancelled) and their daily hours
    overlap on that day, the rule of the venue_double_booked check.
    """
    mine = [r for r in rows if r.venue_id == venue_id]
    spans = {r.id: daily_span(r) for r in mine}
    counts = {r.id: r.status not in NO_CLASH_STATUSES and r.mode != "online" for r in mine}
    by_day: dict[date, list[Entry]] = {}
    for r in mine:
        for e in _entries(r, r.start_date, r.end_date):
            by_day.setdefault(e.day, []).append(e)
    out: list[Booking] = []
    for day in sorted(by_day):
        entries = sorted(by_day[day], key=lambda e: e.sort_key)
        for e in entries:
            clashes: tuple[int, ...] = ()
            if counts[e.activity_id]:
                a0, a1 = spans[e.activity_id]
                clashes = tuple(
                    o.activity_id
                    for o in entries
                    if o.activity_id != e.activity_id
                    and counts[o.activity_id]
                    and a0 < spans[o.activity_id][1]
                    and spans[o.activity_id][0] < a1
                )
            out.append(Booking(e, clashes))
    return out
