"""Programme summaries: activities and participants by city, by type and by ISO week; city returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, Programme, Submission
from lifelong_desktop.services.regions import regions

GROUPINGS = ("city", "type", "week")


def _pairs(result: object) -> dict:
    return {a: b for a, b in result}  # type: ignore[attr-defined]


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


def lower_regions(region_code: str) -> list[tuple[str, str]]:
    """(code, name) of the regions one level below a programme's region: a province's cities, a city's counties."""
    reg = regions()
    r = reg.get(region_code)
    if r is None:
        return []
    if r.level == "province":
        found = reg.cities_of(region_code)
    elif r.level == "prefecture":
        found = sorted((c for c in reg.children(region_code) if c.level == "county"), key=lambda c: c.code)
    else:
        found = []
    return [(c.code, c.name) for c in found]


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


@dataclass(frozen=True, slots=True)
class LatestReturn:
    """The newest return (submission) a lower-level region sent."""

    submission_id: int
    submission_uid: str
    seq: int
    data_as_of: datetime | None
    imported_at: datetime
    submitting_unit: str
    contact_name: str
    contact_phone: str
    file_name: str
    count_new: int
    count_updated: int
    count_unchanged: int
    count_missing: int


@dataclass(frozen=True, slots=True)
class RegionReturn:
    """A lower-level region of the programme, its activities in the plan and its latest return (None: 未报送)."""

    region_code: str
    region_name: str
    activity_count: int
    latest: LatestReturn | None

    @property
    def returned(self) -> bool:
        return self.latest is not None


def region_returns(session: Session, programme_id: int) -> list[RegionReturn]:
    """Each lower-level region of the programme (a province's cities) with its latest return, by code."""
    region_code = session.scalar(select(Programme.region_code).where(Programme.id == programme_id)) or ""
    lower = lower_regions(region_code)
    codes = [c for c, _ in lower]
    counts = _pairs(session.execute(
        select(Activity.city_code, func.count()).where(Activity.programme_id == programme_id)
        .group_by(Activity.city_code)
    ))
    if regions().get(region_code) is not None and regions().get(region_code).level == "prefecture":
        counts = _pairs(session.execute(
            select(Activity.county_code, func.count()).where(Activity.programme_id == programme_id)
            .group_by(Activity.county_code)
        ))
    latest: dict[str, LatestReturn] = {}
    subs = session.scalars(
        select(Submission).where(Submission.programme_id == programme_id, Submission.region_code.in_(codes))
        .order_by(Submission.imported_at, Submission.seq, Submission.id)
    )
    for s in subs:  # later ones overwrite earlier ones
        latest[s.region_code] = LatestReturn(
            s.id, s.submission_uid, s.seq, s.data_as_of, s.imported_at, s.submitting_unit, s.contact_name,
            s.contact_phone, s.file_name, s.count_new, s.count_updated, s.count_unchanged, s.count_missing)
    return [RegionReturn(c, n, counts.get(c, 0), latest.get(c)) for c, n in lower]
