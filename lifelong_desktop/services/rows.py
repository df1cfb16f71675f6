"""Plain frozen rows of activities, organisations and venues for tables, printing and checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.db.rawsql import raw_cursor
from lifelong_desktop.models import Organisation, Venue
from lifelong_desktop.services.activity_table import (  # the Activities table's rows (re-exported)
    ActivityRow,
    _rows_of,
    programme_rows,
    rows_between,
    sort_key,
)
from lifelong_desktop.services.regions import regions

__all__ = [
    "ActivityRow",
    "OrganisationRow",
    "VenueRow",
    "activity_rows",
    "organisation_rows",
    "programme_rows",
    "rows_between",
    "sort_key",
    "venue_rows",
]


def activity_rows(
    session: Session,
    programme_id: int,
    ids: Sequence[int] | None = None,
    *,
    between: tuple[int | None, int | None] | None = None,
) -> list[ActivityRow]:
    """The activities of a programme (or some of them: `ids`, or the ids above `between[0]` and at most
    `between[1]`) as rows, in the format's sort order.

    Read through the DB-API cursor rather than SQLAlchemy row objects: the Activities table loads 50,000
    of them at every start, where the ORM's rows cost seconds."""
    if ids is not None:  # some of them (after an edit): in chunks below SQLite's variable limit
        ids = list(ids)
        rows = [
            r for c in range(0, len(ids), 900) for r in _read_rows(session, programme_id, ids[c : c + 900])
        ]
        return sorted(rows, key=sort_key)
    cursor = raw_cursor(session.connection())
    try:
        return rows_between(cursor, programme_id, *(between or (None, None)))
    finally:
        cursor.close()


def _read_rows(session: Session, programme_id: int, ids: list[int] | None) -> list[ActivityRow]:
    cursor = raw_cursor(session.connection())
    try:
        return _rows_of(cursor, programme_id, ids)
    finally:
        cursor.close()


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
    """Every organisation of the register, by name (the columns only: no ORM objects for a thousand rows)."""
    o = Organisation
    columns = (o.id, o.name, o.org_type, o.credit_code, o.region_code, o.contact_name, o.contact_phone)
    query = select(*columns, o.email, o.version).order_by(o.name)
    return [OrganisationRow(*r) for r in session.execute(query)]


def venue_rows(session: Session) -> list[VenueRow]:
    reg = regions()
    return [
        VenueRow(
            v.id,
            v.name,
            v.city_code,
            reg.name(v.city_code),
            v.county_code,
            v.address,
            v.venue_type,
            v.capacity,
            v.accessible,
            v.contact_name,
            v.contact_phone,
            v.version,
        )
        for v in session.scalars(select(Venue).order_by(Venue.city_code, Venue.name))
    ]
