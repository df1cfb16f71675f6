"""Copies of activities: duplicates of a selection and weekly series from a template."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy.orm import Session

from lifelong_desktop.services.planning.activities import create_activity
from lifelong_desktop.services.planning.errors import PlanningError
from lifelong_desktop.services.planning.inputs import ActivityInput, input_of
from lifelong_desktop.services.planning.orm import load
from lifelong_desktop.services.planning.statements import bulk_insert


def duplicate_activities(session: Session, ids: Iterable[int]) -> list[int]:
    """Copies of the activities (new uids, status planned, no actual figures); returns the new ids."""
    acts = load(session, sorted(set(ids)))
    by_programme: dict[int, list[ActivityInput]] = {}
    for act_id in sorted(acts):
        act = acts[act_id]
        by_programme.setdefault(act.programme_id, []).append(
            input_of(act).replace(status="planned", actual_participants=None, result_note="")
        )
    return [i for pid, inputs in by_programme.items() for i in bulk_insert(session, pid, inputs, "duplicate")]


def series_dates(weekday: int, first: date, last: date) -> list[date]:
    """Every date from `first` to `last` that falls on `weekday` (Monday 0)."""
    d = first + timedelta(days=(weekday - first.weekday()) % 7)
    out = []
    while d <= last:
        out.append(d)
        d += timedelta(days=7)
    return out


def weekly_series(
    session: Session, programme_id: int, template: ActivityInput, weekday: int, first: date, last: date
) -> list[int]:
    """One activity per week on a weekday from `first` to `last`, each lasting as long as the template."""
    dates = series_dates(weekday, first, last)
    if not dates:
        raise PlanningError("series_empty")
    length = template.end_date - template.start_date
    return [
        create_activity(session, programme_id, template.replace(start_date=d, end_date=d + length))
        for d in dates
    ]
