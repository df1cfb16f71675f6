"""The figures of the 总结 an office sends up after the week, from the same tallies as the Summary tab and 汇总.

Activities are counted by city and by type through services.summary (the tallies the workbook's 汇总 sheet
uses too, so the report's tables equal the 汇总 sheet of the exported workbook: every activity of the plan,
cancelled ones included, as the workbook lists them), areas reached through services.coverage (activities
not cancelled), and target groups here: an activity counts once for each group it is meant for. The prose
says how many were held and how many cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, Programme
from lifelong_desktop.services.coverage import Coverage, coverage
from lifelong_desktop.services.rows import ActivityRow, activity_rows
from lifelong_desktop.services.summary import Summary, summarise
from lifelong_desktop.services.tallies import Tally


@dataclass(frozen=True, slots=True)
class WeekReport:
    """Everything the 总结 states, computed once."""

    region_code: str
    region_name: str
    year: int
    theme: str
    week_start: date | None
    week_end: date | None
    summary: (
        Summary  # by city, by type, by week, and the total: every activity, as the 汇总 sheet counts them
    )
    coverage: Coverage
    by_audience: dict[str, Tally]  # audience key -> activities meant for it, in the format's order
    featured: tuple[ActivityRow, ...]  # featured activities (not cancelled), by date

    @property
    def cities_reached(self) -> int:
        return sum(1 for c in self.coverage.cities if c.planned)

    @property
    def counties_reached(self) -> int:
        return sum(1 for c in self.coverage.cities for k in c.counties if k.planned)

    @property
    def held(self) -> int:
        return self.coverage.total.held

    @property
    def cancelled(self) -> int:
        return self.coverage.total.cancelled

    @property
    def participants(self) -> int:
        """People reached on site and online (人次)."""
        return self.summary.total.actual + self.summary.total.online


def week_report(session: Session, programme_id: int, audience_keys: tuple[str, ...]) -> WeekReport:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise LookupError(programme_id)
    summary = summarise(session, programme_id)
    cov = coverage(session, programme_id, audience_keys)
    grouped = (
        select(
            Activity.audiences,
            func.count(),
            func.sum(Activity.expected_participants),
            func.sum(Activity.actual_participants),
            func.sum(Activity.online_participants),
        )
        .where(Activity.programme_id == programme_id)
        .group_by(Activity.audiences)
    )
    by_audience = {k: Tally() for k in audience_keys}
    for audiences, n, expected, actual, online in session.execute(grouped):
        for key in (a for a in (audiences or "").split(";") if a):
            tally = by_audience.setdefault(key, Tally())
            tally.count += n
            tally.expected += expected or 0
            tally.actual += actual or 0
            tally.online += online or 0
    featured_ids = list(
        session.scalars(
            select(Activity.id).where(
                Activity.programme_id == programme_id,
                Activity.featured.is_(True),
                Activity.status != "cancelled",
            )
        )
    )
    featured = tuple(
        sorted(
            activity_rows(session, programme_id, featured_ids) if featured_ids else [],
            key=lambda r: (r.start_date, r.start_time or time(0), r.title),
        )
    )
    return WeekReport(
        programme.region_code,
        programme.region_name or cov.region_name,
        programme.year,
        programme.theme,
        programme.week_start,
        programme.week_end,
        summary,
        cov,
        by_audience,
        featured,
    )
