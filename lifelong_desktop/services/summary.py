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

    def plus(self, expected: int | None, actual: int | None, online: int | None) -> SummaryRow:
        return SummaryRow(self.key, self.label, self.activities + 1, self.expected + (expected or 0),
                          self.actual + (actual or 0), self.online + (online or 0), self.first_day, self.last_day)


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
    stmt = select(Activity.city_code, Activity.activity_type, Activity.start_date, Activity.expected_participants,
                  Activity.actual_participants, Activity.online_participants).where(
        Activity.programme_id == programme_id)
    if exclude_cancelled:
        stmt = stmt.where(Activity.status != "cancelled")
    region_code = session.scalar(select(Programme.region_code).where(Programme.id == programme_id)) or ""
    reg = regions()
    cities: dict[str, SummaryRow] = {c: SummaryRow(c, n) for c, n in lower_regions(region_code)}
    types: dict[str, SummaryRow] = {}
    weeks: dict[str, SummaryRow] = {}
    total = SummaryRow("", "")
    for city, kind, start, exp, act, onl in session.execute(stmt):
        ckey = city or ""
        row = cities.get(ckey) or SummaryRow(ckey, reg.name(ckey) if ckey else "")
        cities[ckey] = row.plus(exp, act, onl)
        tkey = kind or ""
        types[tkey] = (types.get(tkey) or SummaryRow(tkey, "")).plus(exp, act, onl)
        wkey, monday = iso_week(start)
        week = weeks.get(wkey) or SummaryRow(
            wkey, f"{monday:%m-%d}–{monday + timedelta(days=6):%m-%d}", first_day=monday,
            last_day=monday + timedelta(days=6))
        weeks[wkey] = week.plus(exp, act, onl)
        total = total.plus(exp, act, onl)
    by_city = tuple(sorted(cities.values(), key=lambda r: (r.key == "", r.key)))
    by_type = tuple(sorted(types.values(), key=lambda r: (-r.activities, r.key)))
    by_week = tuple(weeks[k] for k in sorted(weeks))
    return Summary(by_city, by_type, by_week, total)
