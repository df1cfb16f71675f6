"""Bulk edits of selected activities, and putting updates back (undo) or again (redo)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from sqlalchemy.orm import Session

from lifelong_desktop.services.planning.activities import update_activities
from lifelong_desktop.services.planning.inputs import ROLE_FIELD
from lifelong_desktop.services.planning.reads import read_snapshots
from lifelong_desktop.services.planning.results import BulkChange, Updated


def bulk_edit(session: Session, ids: Iterable[int], change: BulkChange) -> list[Updated]:
    """Apply one change to every selected activity; returns what each was before (for undo)."""
    snaps = sorted(read_snapshots(session, sorted(set(ids))), key=lambda snap: snap.id)
    items = []
    for snap in snaps:
        act_id = snap.id
        before = snap.data
        after = before
        if change.status:
            after = after.replace(status=change.status)
        if change.shift_days:
            delta = timedelta(days=change.shift_days)
            after = after.replace(start_date=after.start_date + delta, end_date=after.end_date + delta)
        if change.venue_id is not None:
            after = after.replace(venue_id=change.venue_id)
        if change.add_organisation:
            role, org_id = change.add_organisation
            current = after.organiser_ids(role)
            if org_id not in current:
                after = after.replace(**{ROLE_FIELD[role]: current + (org_id,)})
        if after != before:
            items.append((act_id, after, snap.version))
    return update_activities(session, items, snaps) if items else []


def revert_updates(session: Session, updates: Sequence[Updated]) -> list[Updated]:
    """Put back the values before some updates (undo); conflicts when an activity changed since."""
    return update_activities(session, [(u.id, u.before, u.version) for u in updates])


def reapply_updates(
    session: Session, updates: Sequence[Updated], reverted: Sequence[Updated]
) -> list[Updated]:
    """Apply the updates again after a revert (redo), guarding each by the version the revert left."""
    version = {u.id: u.version for u in reverted}
    return update_activities(session, [(u.id, u.after, version.get(u.id)) for u in updates])
