"""Planning use cases behind the window's edits (create, edit, delete, bulk, copy, series, paste); no Qt."""

from lifelong_desktop.services.planning.activities import create_activity, update_activities, update_activity
from lifelong_desktop.services.planning.bulk import bulk_edit, reapply_updates, revert_updates
from lifelong_desktop.services.planning.defaults import default_activity_date
from lifelong_desktop.services.planning.errors import EditConflict, PlanningError
from lifelong_desktop.services.planning.inputs import ROLES, ActivityInput, validate
from lifelong_desktop.services.planning.paste import (
    organisation_ids_for,
    paste_activities,
    remove_created,
    venue_id_for,
)
from lifelong_desktop.services.planning.programmes import (
    YEAR_SHIFT_DAYS,
    delete_programme,
    new_programme_from,
)
from lifelong_desktop.services.planning.results import (
    ActivitySnapshot,
    BulkChange,
    Created,
    PastedActivity,
    Updated,
)
from lifelong_desktop.services.planning.series import duplicate_activities, series_dates, weekly_series
from lifelong_desktop.services.planning.snapshots import delete_activities, restore_activities
from lifelong_desktop.services.planning.statements import BULK

__all__ = [
    "BULK",
    "ROLES",
    "YEAR_SHIFT_DAYS",
    "ActivityInput",
    "ActivitySnapshot",
    "BulkChange",
    "Created",
    "EditConflict",
    "PastedActivity",
    "PlanningError",
    "Updated",
    "bulk_edit",
    "create_activity",
    "default_activity_date",
    "delete_activities",
    "delete_programme",
    "duplicate_activities",
    "new_programme_from",
    "organisation_ids_for",
    "paste_activities",
    "reapply_updates",
    "remove_created",
    "restore_activities",
    "revert_updates",
    "series_dates",
    "update_activities",
    "update_activity",
    "validate",
    "venue_id_for",
    "weekly_series",
]
