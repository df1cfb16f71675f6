"""Pasted spreadsheet rows as activities, organisers and venues found (or made) by name, and undoing that."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, ActivityOrganisation, Organisation, Venue, normalise_name
from lifelong_desktop.services.planning.results import ActivitySnapshot, Created, PastedActivity
from lifelong_desktop.services.planning.snapshots import delete_activities
from lifelong_desktop.services.planning.statements import bulk_insert


def organisation_ids_for(session: Session, names: Iterable[str], created: Created) -> dict[str, int]:
    """Ids of organisations by name (normalised match), creating unknown ones with type `other`."""
    out: dict[str, int] = {}
    for name in names:
        name = name.strip()
        if not name or name in out:
            continue
        key = normalise_name(name)
        org_id = session.scalar(select(Organisation.id).where(Organisation.name_key == key))
        if org_id is None:
            org = Organisation(name=name, org_type="other")
            session.add(org)
            session.flush()
            org_id = org.id
            created.organisation_ids.append(org_id)
        out[name] = org_id
    return out


def venue_id_for(session: Session, name: str, city_code: str | None, created: Created) -> int | None:
    """The venue of that name in the city, created when it is not in the register yet."""
    name = name.strip()
    if not name or not city_code:
        return None
    key = normalise_name(name)
    venue_id = session.scalar(select(Venue.id).where(Venue.name_key == key, Venue.city_code == city_code))
    if venue_id is None:
        venue = Venue(name=name, city_code=city_code)
        session.add(venue)
        session.flush()
        venue_id = venue.id
        created.venue_ids.append(venue_id)
    return venue_id


def _ids_of(names: Sequence[str], ids: dict[str, int]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(ids[n.strip()] for n in names if n.strip()))


def paste_activities(session: Session, programme_id: int, pasted: Sequence[PastedActivity]) -> Created:
    """Add pasted activities, finding (or creating) their organisers and venues by name."""
    created = Created()
    inputs = []
    for p in pasted:
        ids = organisation_ids_for(session, (*p.hosts, *p.undertakers, *p.co_organisers), created)
        data = p.data.replace(
            host_ids=_ids_of(p.hosts, ids),
            undertaker_ids=_ids_of(p.undertakers, ids),
            co_organiser_ids=_ids_of(p.co_organisers, ids),
        )
        if p.venue_name and data.venue_id is None:
            data = data.replace(venue_id=venue_id_for(session, p.venue_name, data.city_code, created))
        inputs.append(data)
    created.activity_ids = bulk_insert(session, programme_id, inputs, "paste")
    return created


def remove_created(session: Session, created: Created) -> list[ActivitySnapshot]:
    """Undo of a creating action: its activities, then the register entries it made and nothing uses now."""
    snaps = delete_activities(session, created.activity_ids)
    for org_id in created.organisation_ids:
        used = session.scalar(
            select(ActivityOrganisation.activity_id)
            .where(ActivityOrganisation.organisation_id == org_id)
            .limit(1)
        )
        org = session.get(Organisation, org_id)
        if org is not None and used is None:
            session.delete(org)
    for venue_id in created.venue_ids:
        used = session.scalar(select(Activity.id).where(Activity.venue_id == venue_id).limit(1))
        venue = session.get(Venue, venue_id)
        if venue is not None and used is None:
            session.delete(venue)
    session.flush()
    return snaps
