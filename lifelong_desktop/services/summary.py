"""Programme summaries: activities and participants by city, by type and by ISO week."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, Programme
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.returns import lower_regions
from lifelong_desktop.services.tallies import Tally, tally_groups

GROUPINGS = ("city", "type", "week")


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One bar of a summary: a city, an activity type or a week, with its counts."""

    key: str  # city code, activity type key or ISO week `2024-W17` ("" when unknown)
    label: str  # city name, "" for types (the UI shows the code label), week `04-22–04-28`
    activities: int = 0
    expected: int = 0
    actual: int = 0
    online: int = 0
    first_day: date | None = None  # weeks: Monday
    last_day: date | None = None  # weeks: Sunday


@dataclass(frozen=True, slots=True)
class Summary:
    by_city: tuple[SummaryRow, ...]
    by_type: tuple[SummaryRow, ...]
    by_week: tuple[SummaryRow, ...]
    total: SummaryRow

    def rows(self, grouping: str) -> tuple[SummaryRow, ...]:
        return {"city": self.by_city, "type": self.by_type, "week": self.by_week}[grouping]


def iso_week(day: date) -> tuple[str, date]:
    """The ISO week key (`2024-W17`) of a day and that week's Monday."""
    y, w, wd = day.isocalendar()
    return f"{y}-W{w:02d}", day - timedelta(days=wd - 1)


def _values(
    session: Session, programme_id: int, exclude_cancelled: bool, loaded: Iterable[Any] | None
) -> Iterable:
    """(city, type, first day, expected, actual, online) of each activity counted: from the rows already
    loaded (anything with those attributes and `status`, e.g. the Activities table's rows), or one query."""
    if loaded is not None:
        return (
            (r.city_code, r.activity_type, r.start_date, r.expected_participants, r.actual_participants,
             r.online_participants)
            for r in loaded
            if not (exclude_cancelled and r.status == "cancelled")
        )  # fmt: skip
    stmt = select(
        Activity.city_code,
        Activity.activity_type,
        Activity.start_date,
        Activity.expected_participants,
        Activity.actual_participants,
        Activity.online_participants,
    ).where(Activity.programme_id == programme_id)
    if exclude_cancelled:
        stmt = stmt.where(Activity.status != "cancelled")
    return session.execute(stmt)


def summarise(
    session: Session,
    programme_id: int,
    *,
    exclude_cancelled: bool = False,
    loaded: Iterable[Any] | None = None,
) -> Summary:
    """Counts and participant sums of a programme's activities, grouped three ways (one query, or none when
    given the programme's rows already `loaded`)."""
    region_code = session.scalar(select(Programme.region_code).where(Programme.id == programme_id)) or ""
    reg = regions()
    rows = (
        ((city or "", kind or "", start.isocalendar()[:2]), exp, act, onl)
        for city, kind, start, exp, act, onl in _values(session, programme_id, exclude_cancelled, loaded)
    )
    (cities, types, weeks), total = tally_groups(rows, 3, [[c for c, _ in lower_regions(region_code)]])

    def row(key: str, label: str, sums: Tally, first: date | None = None) -> SummaryRow:
        last = first + timedelta(days=6) if first else None
        return SummaryRow(key, label, sums.count, sums.expected, sums.actual, sums.online, first, last)

    city_rows = [row(str(c), reg.name(str(c)) if c else "", v) for c, v in cities.items()]
    type_rows = [row(str(t), "", v) for t, v in types.items()]
    week_rows = []
    for week, v in sorted(weeks.items(), key=lambda kv: cast(tuple[int, int], kv[0])):
        y, w = cast(tuple[int, int], week)
        monday = date.fromisocalendar(y, w, 1)
        week_rows.append(
            row(f"{y}-W{w:02d}", f"{monday:%m-%d}–{monday + timedelta(days=6):%m-%d}", v, monday)
        )
    by_city = tuple(sorted(city_rows, key=lambda r: (r.key == "", r.key)))
    by_type = tuple(sorted(type_rows, key=lambda r: (-r.activities, r.key)))
    return Summary(by_city, by_type, tuple(week_rows), row("", "", total))
