"""Plain frozen rows of activities, organisations and venues for tables, printing and checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, ActivityOrganisation, Organisation, Venue
from lifelong_desktop.services.regions import regions


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """Everything one activity shows, with names resolved (organisers by role, in order)."""

    id: int
    uid: str
    programme_id: int
    title: str
    activity_type: str | None
    level: str | None
    parent_id: int | None
    parent_uid: str | None
    start_date: date
    start_time: time | None
    end_date: date
    end_time: time | None
    mode: str | None
    city_code: str | None
    city_name: str
    county_code: str | None
    county_name: str
    venue_id: int | None
    venue_name: str
    venue_capacity: int | None
    address: str
    online_url: str
    hosts: tuple[str, ...]
    undertakers: tuple[str, ...]
    co_organisers: tuple[str, ...]
    host_ids: tuple[int, ...]
    undertaker_ids: tuple[int, ...]
    co_organiser_ids: tuple[int, ...]
    audiences: tuple[str, ...]
    expected_participants: int | None
    actual_participants: int | None
    online_participants: int | None
    status: str
    featured: bool
    contact_name: str
    contact_phone: str
    description: str
    source_submission_id: int | None
    updated_at: datetime | None
    version: int

    @property
    def all_day(self) -> bool:
        return self.start_time is None and self.end_time is None

    @property
    def organisation_ids(self) -> frozenset[int]:
        return frozenset(self.host_ids + self.undertaker_ids + self.co_organiser_ids)


_COLUMNS = (
    Activity.id, Activity.uid, Activity.programme_id, Activity.title, Activity.activity_type, Activity.level,
    Activity.parent_id, Activity.start_date, Activity.start_time, Activity.end_date, Activity.end_time,
    Activity.mode, Activity.city_code, Activity.county_code, Activity.venue_id, Venue.name, Venue.capacity,
    Activity.address, Activity.online_url, Activity.audiences, Activity.expected_participants,
    Activity.actual_participants, Activity.online_participants, Activity.status, Activity.featured,
    Activity.contact_name, Activity.contact_phone, Activity.description, Activity.source_submission_id,
    Activity.updated_at, Activity.version,
)


def organiser_links(session: Session, programme_id: int, ids: list[int] | None = None) -> dict[int, dict[str, list[tuple[int, str]]]]:
    """{activity id: {role: [(organisation id, name), ...] in order}} for a programme's activities."""
    stmt = (
        select(ActivityOrganisation.activity_id, ActivityOrganisation.role, Organisation.id, Organisation.name)
        .join(Organisation, Organisation.id == ActivityOrganisation.organisation_id)
        .join(Activity, Activity.id == ActivityOrganisation.activity_id)
        .where(Activity.programme_id == programme_id)
        .order_by(ActivityOrganisation.activity_id, ActivityOrganisation.role_rank, ActivityOrganisation.position)
    )
    if ids is not None:
        stmt = stmt.where(ActivityOrganisation.activity_id.in_(ids))
    out: dict[int, dict[str, list[tuple[int, str]]]] = {}
    for act_id, role, org_id, name in session.execute(stmt):
        out.setdefault(act_id, {}).setdefault(role, []).append((org_id, name))
    return out


def activity_rows(session: Session, programme_id: int, ids: list[int] | None = None) -> list[ActivityRow]:
    """The activities of a programme (or some of them) as rows, in the format's sort order."""
    stmt = select(*_COLUMNS).outerjoin(Venue, Venue.id == Activity.venue_id).where(Activity.programme_id == programme_id)
    if ids is not None:
        stmt = stmt.where(Activity.id.in_(ids))
    raw = session.execute(stmt).all()
    links = organiser_links(session, programme_id, ids)
    uid_of = {r[0]: r[1] for r in raw}
    missing_parents = {r[6] for r in raw if r[6] is not None and r[6] not in uid_of}
    if missing_parents:
        uid_of.update(dict(session.execute(select(Activity.id, Activity.uid).where(Activity.id.in_(missing_parents))).tuples().all()))
    reg = regions()
    name_cache: dict[str | None, str] = {}

    def rname(code: str | None) -> str:
        if code not in name_cache:
            name_cache[code] = reg.name(code) if code else ""
        return name_cache[code]

    rows = []
    for r in raw:
        org = links.get(r[0], {})
        hosts = org.get("host", [])
        unders = org.get("undertaker", [])
        cos = org.get("co_organiser", [])
        rows.append(
            ActivityRow(
                id=r[0], uid=r[1], programme_id=r[2], title=r[3], activity_type=r[4], level=r[5], parent_id=r[6],
                parent_uid=uid_of.get(r[6]) if r[6] else None, start_date=r[7], start_time=r[8], end_date=r[9],
                end_time=r[10], mode=r[11], city_code=r[12], city_name=rname(r[12]), county_code=r[13],
                county_name=rname(r[13]), venue_id=r[14], venue_name=r[15] or "", venue_capacity=r[16],
                address=r[17] or "", online_url=r[18] or "",
                hosts=tuple(n for _, n in hosts), undertakers=tuple(n for _, n in unders),
                co_organisers=tuple(n for _, n in cos), host_ids=tuple(i for i, _ in hosts),
                undertaker_ids=tuple(i for i, _ in unders), co_organiser_ids=tuple(i for i, _ in cos),
                audiences=tuple(a for a in (r[19] or "").split(";") if a), expected_participants=r[20],
                actual_participants=r[21], online_participants=r[22], status=r[23], featured=bool(r[24]),
                contact_name=r[25] or "", contact_phone=r[26] or "", description=r[27] or "",
                source_submission_id=r[28], updated_at=r[29], version=r[30],
            )
        )
    rows.sort(key=sort_key)
    return rows


def sort_key(row: ActivityRow) -> tuple:
    """Format section 9 order: start date, start time (all-day first), city code, title by code point."""
    return (row.start_date, row.start_time is not None, row.start_time or time(0), row.city_code or "", row.title)


@dataclass(frozen=True, slots=True)
class OrganisationRow:
    id: int
    name: str
    org_type: str
    credit_code: str | None
    region_code: str | None
    contact_name: str
    contact_phone: str
    email: str
    version: int


@dataclass(frozen=True, slots=True)
class VenueRow:
    id: int
    name: str
    city_code: str
    city_name: str
    county_code: str | None
    address: str
    venue_type: str | None
    capacity: int | None
    accessible: bool | None
    contact_name: str
    contact_phone: str
    version: int


def organisation_rows(session: Session) -> list[OrganisationRow]:
    return [
        OrganisationRow(o.id, o.name, o.org_type, o.credit_code, o.region_code, o.contact_name, o.contact_phone,
                        o.email, o.version)
        for o in session.scalars(select(Organisation).order_by(Organisation.name))
    ]


def venue_rows(session: Session) -> list[VenueRow]:
    reg = regions()
    return [
        VenueRow(v.id, v.name, v.city_code, reg.name(v.city_code), v.county_code, v.address, v.venue_type,
                 v.capacity, v.accessible, v.contact_name, v.contact_phone, v.version)
        for v in session.scalars(select(Venue).order_by(Venue.city_code, Venue.name))
    ]
