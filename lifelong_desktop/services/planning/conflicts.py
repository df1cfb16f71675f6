"""An activity saved by someone else since the form loaded it: what they changed, and the field-by-field merge."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy.orm import Session

from lifelong_desktop.db.changes import changes_to
from lifelong_desktop.services.merge_fields import Conflict, merge_fields
from lifelong_desktop.services.planning.inputs import ActivityInput
from lifelong_desktop.services.planning.reads import read_snapshots


def fields_of(data: ActivityInput) -> dict[str, Any]:
    """An activity's editable values by field name (organisers as one tuple per role)."""
    return {f.name: getattr(data, f.name) for f in dataclasses.fields(ActivityInput)}


def activity_conflict(
    session: Session, activity_id: int, base: ActivityInput, mine: ActivityInput, since_audit_id: int
) -> Conflict:
    """The conflict of saving `mine` over `base` (what the form loaded) against what is stored now.

    `since_audit_id` is the newest audit entry when the form loaded: the entries after it about this activity
    say who changed it and when. A deleted activity gives a conflict with no merge (`deleted`)."""
    changes = changes_to(session, "activity", activity_id, since_audit_id)
    snaps = read_snapshots(session, [activity_id])
    if not snaps:
        return Conflict("activity", activity_id, None, None, changes)
    theirs = snaps[0]
    merge = merge_fields(fields_of(base), fields_of(mine), fields_of(theirs.data))
    return Conflict("activity", activity_id, merge, theirs.version, changes)


def merged_input(values: dict[str, Any]) -> ActivityInput:
    """An ActivityInput from merged field values."""
    return ActivityInput(**values)
