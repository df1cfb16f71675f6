"""The organisation and venue registers: create, edit, delete and merge, each returning what changed; no Qt.

Every change returns a frozen record that holds what is needed to undo it (`undo_change`), so the UI's undo
commands stay one line. Problems a user can cause raise RegisterError(code) whose sentence is in
resources/i18n/messages/registers.json.
"""

from lifelong_desktop.services.registers.changes import (
    Change,
    EntriesMerged,
    EntryCreated,
    EntryDeleted,
    EntryUpdated,
    Link,
    RegisterError,
)
from lifelong_desktop.services.registers.edits import (
    create_organisation,
    create_venue,
    delete_organisation,
    delete_venue,
    organisation_use_count,
    update_organisation,
    update_venue,
    venue_use_count,
)
from lifelong_desktop.services.registers.merging import merge_organisations, merge_venues
from lifelong_desktop.services.registers.queries import (
    Participation,
    organisation_activities,
    organisation_counts,
    venue_counts,
)
from lifelong_desktop.services.registers.rules import (
    ORG_FIELDS,
    VENUE_FIELDS,
    check_organisation,
    check_venue,
    credit_code_valid,
)
from lifelong_desktop.services.registers.undo import redo_change, undo_change

__all__ = [
    "ORG_FIELDS",
    "VENUE_FIELDS",
    "Change",
    "EntriesMerged",
    "EntryCreated",
    "EntryDeleted",
    "EntryUpdated",
    "Link",
    "Participation",
    "RegisterError",
    "check_organisation",
    "check_venue",
    "create_organisation",
    "create_venue",
    "credit_code_valid",
    "delete_organisation",
    "delete_venue",
    "merge_organisations",
    "merge_venues",
    "organisation_activities",
    "organisation_counts",
    "organisation_use_count",
    "redo_change",
    "undo_change",
    "update_organisation",
    "update_venue",
    "venue_counts",
    "venue_use_count",
]
