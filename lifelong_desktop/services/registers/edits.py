"""Creating, editing and deleting register entries, each returning the record of what changed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, ActivityOrganisation, Organisation, Venue
from lifelong_desktop.services.registers.changes import (
    EntryCreated,
    EntryDeleted,
    EntryUpdated,
    RegisterError,
)
from lifelong_desktop.services.registers.rules import (
    ORG_FIELDS,
    VENUE_FIELDS,
    check_organisation,
    check_venue,
)

_MODELS: dict[str, type[Organisation] | type[Venue]] = {"organisation": Organisation, "venue": Venue}
_FIELDS = {"organisation": ORG_FIELDS, "venue": VENUE_FIELDS}


def _snapshot(obj: Organisation | Venue, names: tuple[str, ...]) -> dict[str, Any]:
    return {"id": obj.id, **{k: getattr(obj, k) for k in names}, "created_at": obj.created_at}


def _get(session: Session, entity: str, obj_id: int) -> Organisation | Venue:
    obj = session.get(_MODELS[entity], obj_id)
    if not isinstance(obj, Organisation | Venue):  # None when not found (mypy sees only their base class)
        raise RegisterError("not_found")
    return obj


def create_organisation(
    session: Session, values: dict[str, Any], *, obj_id: int | None = None
) -> EntryCreated:
    values = check_organisation(session, values)
    values.setdefault("org_type", "other")
    return _create(session, "organisation", values, obj_id)


def create_venue(session: Session, values: dict[str, Any], *, obj_id: int | None = None) -> EntryCreated:
    if "city_code" not in values:
        raise RegisterError("city_required", "city_code")
    return _create(session, "venue", check_venue(session, values), obj_id)


def _create(session: Session, entity: str, values: dict[str, Any], obj_id: int | None) -> EntryCreated:
    obj = _MODELS[entity](**values)
    if obj_id is not None:
        obj.id = obj_id
    session.add(obj)
    session.flush()
    return EntryCreated(entity, obj.id, _snapshot(obj, _FIELDS[entity]))


def update_organisation(
    session: Session, org_id: int, values: dict[str, Any], expected_version: int | None = None
) -> EntryUpdated:
    return _update(
        session, "organisation", org_id, check_organisation(session, values, org_id), expected_version
    )


def update_venue(
    session: Session, venue_id: int, values: dict[str, Any], expected_version: int | None = None
) -> EntryUpdated:
    return _update(session, "venue", venue_id, check_venue(session, values, venue_id), expected_version)


def _update(
    session: Session, entity: str, obj_id: int, values: dict[str, Any], expected: int | None
) -> EntryUpdated:
    obj = _get(session, entity, obj_id)
    if expected is not None and obj.version != expected:
        raise RegisterError("changed_elsewhere")
    before = {k: getattr(obj, k) for k in values if getattr(obj, k) != values[k]}
    after = {k: values[k] for k in before}
    for k, v in after.items():
        setattr(obj, k, v)
    session.flush()
    return EntryUpdated(entity, obj_id, before, after)


def organisation_use_count(session: Session, org_id: int) -> int:
    """How many activities (of any programme) name this organisation in some role."""
    return (
        session.scalar(
            select(func.count(func.distinct(ActivityOrganisation.activity_id))).where(
                ActivityOrganisation.organisation_id == org_id
            )
        )
        or 0
    )


def venue_use_count(session: Session, venue_id: int) -> int:
    return (
        session.scalar(select(func.count()).select_from(Activity).where(Activity.venue_id == venue_id)) or 0
    )


_USE_COUNT = {"organisation": organisation_use_count, "venue": venue_use_count}


def _unused(session: Session, entity: str, obj_id: int) -> Organisation | Venue:
    """The entry, or RegisterError `<entity>_in_use` when some activity still names it."""
    obj = _get(session, entity, obj_id)
    used = _USE_COUNT[entity](session, obj_id)
    if used:
        raise RegisterError(f"{entity}_in_use", name=obj.name, count=used)
    return obj


def delete_organisation(session: Session, org_id: int) -> EntryDeleted:
    """Delete an organisation no activity names; refused (organisation_in_use) otherwise."""
    return _delete(session, "organisation", _unused(session, "organisation", org_id))


def delete_venue(session: Session, venue_id: int) -> EntryDeleted:
    """Delete a venue no activity is held at; refused (venue_in_use) otherwise."""
    return _delete(session, "venue", _unused(session, "venue", venue_id))


def _delete(session: Session, entity: str, obj: Organisation | Venue) -> EntryDeleted:
    snap = _snapshot(obj, _FIELDS[entity])
    session.delete(obj)
    session.flush()
    return EntryDeleted(entity, snap["id"], snap)


def _restore(session: Session, entity: str, values: dict[str, Any]) -> None:
    if session.get(_MODELS[entity], values["id"]) is not None:
        raise RegisterError("not_found")
    obj = _MODELS[entity](**values)
    session.add(obj)
    session.flush()
