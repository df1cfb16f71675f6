"""A register entry saved by someone else since its form loaded it: who, when, and the field-by-field merge."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from lifelong_desktop.db.changes import changes_to
from lifelong_desktop.models import Organisation, Venue
from lifelong_desktop.services.merge_fields import Conflict, merge_fields

_MODELS: dict[str, type[Organisation] | type[Venue]] = {"organisation": Organisation, "venue": Venue}


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """A form gives "" where the database holds NULL: the same empty value on both sides."""
    return {k: "" if v is None else v for k, v in values.items()}


def entry_conflict(
    session: Session,
    entity: str,
    entry_id: int,
    base: dict[str, Any],
    mine: dict[str, Any],
    since_audit_id: int,
) -> Conflict:
    """The conflict of saving `mine` (the form's values) over `base` (as the form loaded them) against the
    entry as stored now; a deleted entry gives a conflict with no merge. Only the form's fields are merged."""
    changes = changes_to(session, entity, entry_id, since_audit_id)
    obj: Organisation | Venue | None = session.get(_MODELS[entity], entry_id)  # type: ignore[assignment]
    if obj is None:
        return Conflict(entity, entry_id, None, None, changes)
    theirs = {k: getattr(obj, k) for k in mine if hasattr(obj, k)}
    merge = merge_fields(_plain(base), _plain(mine), _plain(theirs))
    return Conflict(entity, entry_id, merge, obj.version, changes)
