"""Programme summaries: activities and participants by city, by type and by ISO week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, Programme
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.returns import lower_regions

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


def summarise(session: Session, programme_id: int, *, exclude_cancelled: bool = False) -> Summary:
    """Counts and participant sums of a programme's activities, grouped three ways (one query)."""
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
    region_code = session.scalar(select(Programme.region_code).where(Programme.id == programme_id)) or ""
    reg = regions()
    # [activities, expected, actual, online] per key, summed in plain lists (50,000 rows in well under 1 s)
    cities: dict[str, list[int]] = {c: [0, 0, 0, 0] for c, _ in lower_regions(region_code)}
    types: dict[str, list[int]] = {}
    weeks: dict[tuple[int, int], list[int]] = {}
    total = [0, 0, 0, 0]
    for city, kind, start, exp, act, onl in session.execute(stmt):
        exp, act, onl = exp or 0, act or 0, onl or 0
        y, w, _ = start.isocalendar()
        for bucket in (
            cities.setdefault(city or "", [0, 0, 0, 0]),
            types.setdefault(kind or "", [0, 0, 0, 0]),
            weeks.setdefault((y, w), [0, 0, 0, 0]),
            total,
        ):
            bucket[0] += 1
            bucket[1] += exp
            bucket[2] += act
            bucket[3] += onl

    def row(key: str, label: str, sums: list[int], first: date | None = None) -> SummaryRow:
        last = first + timedelta(days=6) if first else None
        activities, expected, actual, online = sums
        return SummaryRow(key, label, activities, expected, actual, online, first_day=first, last_day=last)

    city_rows = [row(c, reg.name(c) if c else "", v) for c, v in cities.items()]
    type_rows = [row(t, "", v) for t, v in types.items()]
    week_rows = []
    for (y, w), v in sorted(weeks.items()):
        monday = date.fromisocalendar(y, w, 1)
        week_rows.append(
            row(f"{y}-W{w:02d}", f"{monday:%m-%d}–{monday + timedelta(days=6):%m-%d}", v, monday)
        )
    by_city = tuple(sorted(city_rows, key=lambda r: (r.key == "", r.key)))
    by_type = tuple(sorted(type_rows, key=lambda r: (-r.activities, r.key)))
    return Summary(by_city, by_type, tuple(week_rows), row("", "", total))
