"""What planning actions take and give back: snapshots, updates, bulk changes, pasted rows, created ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from lifelong_desktop.services.planning.inputs import ActivityInput


@dataclass(frozen=True, slots=True)
class ActivitySnapshot:
    """A deleted activity, complete enough to put it back exactly: same id, uid, links and sub-venues."""

    id: int
    uid: str
    programme_id: int
    data: ActivityInput
    source_submission_id: int | None
    created_at: datetime | None
    child_ids: tuple[int, ...] = ()
    version: int | None = None


@dataclass(frozen=True, slots=True)
class Updated:
    """What one update changed: the activity, its values before, and the version it now has."""

    id: int
    before: ActivityInput
    after: ActivityInput
    version: int


@dataclass(frozen=True, slots=True)
class BulkChange:
    """One bulk edit of selected activities; None / 0 leaves a value as it is."""

    status: str | None = None
    shift_days: int = 0
    venue_id: int | None = None
    add_organisation: tuple[str, int] | None = None  # (role, organisation id), appended at the end


@dataclass(frozen=True, slots=True)
class PastedActivity:
    """An activity read from pasted spreadsheet rows: organisers and venue by name."""

    data: ActivityInput
    hosts: tuple[str, ...] = ()
    undertakers: tuple[str, ...] = ()
    co_organisers: tuple[str, ...] = ()
    venue_name: str = ""


@dataclass(slots=True)
class Created:
    """What a creating action added: activities, and register entries made on the way."""

    activity_ids: list[int] = field(default_factory=list)
    organisation_ids: list[int] = field(default_factory=list)
    venue_ids: list[int] = field(default_factory=list)
