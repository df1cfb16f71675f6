"""Undoing and redoing register changes from their records (the UI's undo commands stay one line)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from lifelong_desktop.services.registers.changes import (
    Change,
    EntriesMerged,
    EntryCreated,
    EntryDeleted,
    EntryUpdated,
)
from lifelong_desktop.services.registers.edits import (
    _delete,
    _get,
    _restore,
    _unused,
    create_organisation,
    create_venue,
    delete_organisation,
    delete_venue,
    update_organisation,
    update_venue,
)
from lifelong_desktop.services.registers.merging import (
    _replace_links,
    _set_venue,
    merge_organisations,
    merge_venues,
)
from lifelong_desktop.services.registers.rules import check_organisation, check_venue


def undo_change(session: Session, change: Change) -> None:
    """Put the registers back as they were before `change` (the inverse of the call that returned it)."""
    if isinstance(change, EntryCreated):
        _delete(session, change.entity, _unused(session, change.entity, change.id))
    elif isinstance(change, EntryUpdated):
        obj = _get(session, change.entity, change.id)
        if "name" in change.before or "city_code" in change.before:
            check = check_organisation if change.entity == "organisation" else check_venue
            check(session, {k: v for k, v in change.before.items() if k in ("name", "city_code")}, change.id)
        for k, v in change.before.items():
            setattr(obj, k, v)
        session.flush()
    elif isinstance(change, EntryDeleted):
        _restore(session, change.entity, change.values)
    elif isinstance(change, EntriesMerged):
        _restore(session, change.entity, change.dropped.values)
        undo_change(session, change.kept)
        if change.entity == "organisation":
            _replace_links(session, change.activity_ids, change.links_before)
        else:
            _set_venue(session, change.activity_ids, change.dropped.id)


def redo_change(session: Session, change: Change) -> Change:
    """Make `change` again after it was undone; returns the new record (for the next undo)."""
    org = change.entity == "organisation"
    if isinstance(change, EntryCreated):
        values = {k: v for k, v in change.values.items() if k not in ("id", "created_at")}
        return (create_organisation if org else create_venue)(session, values, obj_id=change.id)
    if isinstance(change, EntryUpdated):
        return (update_organisation if org else update_venue)(session, change.id, change.after)
    if isinstance(change, EntryDeleted):
        return (delete_organisation if org else delete_venue)(session, change.id)
    return (merge_organisations if org else merge_venues)(session, change.keep_id, change.dropped.id)
