"""What the register views read: an organisation's activities by role, and use counts per programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, ActivityOrganisation
from lifelong_desktop.services.regions import regions


def _pairs(result: Any) -> dict[Any, Any]:
    return {a: b for a, b in result}


@dataclass(frozen=True, slots=True)
class Participation:
    """One activity an organisation takes part in, and how."""

    activity_id: int
    title: str
    start_date: date
    end_date: date
    city_code: str | None
    city_name: str
    role: str
    position: int
    status: str


def organisation_activities(session: Session, programme_id: int, org_id: int) -> list[Participation]:
    """The activities of a programme that name an organisation, by date, with its role in each."""
    AO = ActivityOrganisation
    rows = session.execute(
        select(
            Activity.id,
            Activity.title,
            Activity.start_date,
            Activity.end_date,
            Activity.city_code,
            AO.role,
            AO.position,
            Activity.status,
        )
        .join(AO, AO.activity_id == Activity.id)
        .where(Activity.programme_id == programme_id, AO.organisation_id == org_id)
        .order_by(Activity.start_date, Activity.start_time, Activity.title, AO.role_rank)
    )
    reg = regions()
    return [Participation(a, t, s, e, c, reg.name(c), role, pos, st) for a, t, s, e, c, role, pos, st in rows]


def organisation_counts(session: Session, programme_id: int) -> dict[int, int]:
    """{organisation id: number of the programme's activities naming it}."""
    AO = ActivityOrganisation
    return _pairs(
        session.execute(
            select(AO.organisation_id, func.count(func.distinct(AO.activity_id)))
            .join(Activity, Activity.id == AO.activity_id)
            .where(Activity.programme_id == programme_id)
            .group_by(AO.organisation_id)
        )
    )


def venue_counts(session: Session, programme_id: int) -> dict[int, int]:
    """{venue id: number of the programme's activities held there}."""
    return _pairs(
        session.execute(
            select(Activity.venue_id, func.count())
            .where(Activity.programme_id == programme_id, Activity.venue_id.is_not(None))
            .group_by(Activity.venue_id)
        )
    )
