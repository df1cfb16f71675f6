"""A new programme from last year's (same region and registers, activities moved 52 weeks on), and its undo."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, ActivityOrganisation, Programme, table_of
from lifelong_desktop.services.planning.errors import PlanningError
from lifelong_desktop.services.planning.inputs import ActivityInput
from lifelong_desktop.services.planning.statements import bulk_insert
from lifelong_desktop.services.rows import activity_rows

#: last year's activities move forward 52 weeks, so each keeps its weekday
YEAR_SHIFT_DAYS = 364


def _shift_year(d: date | None) -> date | None:
    if d is None:
        return None
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d + timedelta(days=365)


def new_programme_from(session: Session, source_id: int, *, copy_activities: bool) -> tuple[int, list[int]]:
    """A programme for the next year on the same region and registers, optionally with last year's
    activities moved 364 days on (same weekday), planned, with new uids; returns (programme id, activity ids)."""
    src = session.get(Programme, source_id)
    if src is None:
        raise PlanningError("programme_missing")
    year = src.year + 1
    if session.scalar(select(Programme.id).where(Programme.year == year)) is not None:
        raise PlanningError("programme_exists", year=year)
    new = Programme(
        region_code=src.region_code,
        region_name=src.region_name,
        year=year,
        theme="",
        window_start=_shift_year(src.window_start),
        window_end=_shift_year(src.window_end),
        week_start=src.week_start and src.week_start + timedelta(days=YEAR_SHIFT_DAYS),
        week_end=src.week_end and src.week_end + timedelta(days=YEAR_SHIFT_DAYS),
        submitting_unit=src.submitting_unit,
        contact_name=src.contact_name,
        contact_phone=src.contact_phone,
        contact_email=src.contact_email,
    )
    session.add(new)
    session.flush()
    if not copy_activities:
        return new.id, []
    rows = activity_rows(session, source_id)
    shift = timedelta(days=YEAR_SHIFT_DAYS)
    inputs = [
        ActivityInput.from_row(r).replace(
            start_date=r.start_date + shift,
            end_date=r.end_date + shift,
            status="planned",
            parent_id=None,
            actual_participants=None,
            result_note="",
            online_participants=None if r.mode == "offline" else r.online_participants,
        )
        for r in rows
        if r.host_ids
    ]
    ids = bulk_insert(session, new.id, inputs, "new programme from last year")
    kept = [r for r in rows if r.host_ids]
    new_of = {r.id: i for r, i in zip(kept, ids, strict=True)}
    relinks = [(new_of[r.id], new_of[r.parent_id]) for r in kept if r.parent_id in new_of]
    for child, parent in relinks:
        session.execute(table_of(Activity).update().where(Activity.id == child).values(parent_id=parent))
    return new.id, ids


def delete_programme(session: Session, programme_id: int) -> None:
    """Remove a programme with its activities (undo of making one)."""
    prog = session.get(Programme, programme_id)
    if prog is None:
        return
    act_ids = list(session.scalars(select(Activity.id).where(Activity.programme_id == programme_id)))
    if act_ids:
        session.execute(
            table_of(ActivityOrganisation).delete().where(ActivityOrganisation.activity_id.in_(act_ids))
        )
        session.execute(table_of(Activity).delete().where(Activity.programme_id == programme_id))
    session.delete(prog)
    session.flush()
