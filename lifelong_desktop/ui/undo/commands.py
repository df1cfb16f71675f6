"""The edits of the Activities view as undo commands over services.planning."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import ActivityInput, ActivitySnapshot, BulkChange, PastedActivity
from lifelong_desktop.ui.context import AppContext
from lifelong_desktop.ui.undo.base import DbCommand


class _Creating(DbCommand):
    """Something that adds activities: undo deletes them (keeping snapshots), redo puts the same ones back."""

    ids: list[int]
    snapshots: list[ActivitySnapshot]

    def undo_in(self, session: Session) -> None:
        self.snapshots = planning.delete_activities(session, self.ids)

    def redo_in(self, session: Session) -> None:
        self.ids = planning.restore_activities(session, self.snapshots)

    def touched(self) -> set[int]:
        return set(self.ids)


class CreateActivity(_Creating):
    def __init__(self, ctx: AppContext, data: ActivityInput) -> None:
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "New activity “%1”").replace("%1", data.title))
        self.data = data
        self.ids = []

    def do(self, session: Session) -> None:
        self.ids = [planning.create_activity(session, self.ctx.programme_id, self.data)]


class DuplicateActivities(_Creating):
    def __init__(self, ctx: AppContext, ids: Sequence[int]) -> None:
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "Duplicate activities (%n)", None, len(ids)))
        self.source = list(ids)
        self.ids = []

    def do(self, session: Session) -> None:
        self.ids = planning.duplicate_activities(session, self.source)


class WeeklySeries(_Creating):
    def __init__(self, ctx: AppContext, template: ActivityInput, weekday: int, first, last) -> None:  # noqa: ANN001
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "Weekly series “%1”").replace("%1", template.title))
        self.args = (template, weekday, first, last)
        self.ids = []

    def do(self, session: Session) -> None:
        self.ids = planning.weekly_series(session, self.ctx.programme_id, *self.args)


class EditActivity(DbCommand):
    """Save the form's values over the version the user opened; conflicts raise EditConflict."""

    def __init__(self, ctx: AppContext, activity_id: int, data: ActivityInput, version: int) -> None:
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "Edit “%1”").replace("%1", data.title))
        self.activity_id, self.data, self.version = activity_id, data, version
        self.update: planning.Updated | None = None

    def do(self, session: Session) -> None:
        self.update = planning.update_activity(session, self.activity_id, self.data, self.version)
        self.version = self.update.version

    def undo_in(self, session: Session) -> None:
        assert self.update is not None
        self.version = planning.update_activity(session, self.activity_id, self.update.before, self.version).version

    def redo_in(self, session: Session) -> None:
        self.version = planning.update_activity(session, self.activity_id, self.data, self.version).version

    def touched(self) -> set[int]:
        return {self.activity_id}


class DeleteActivities(DbCommand):
    def __init__(self, ctx: AppContext, ids: Sequence[int]) -> None:
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "Delete activities (%n)", None, len(ids)))
        self.ids = list(ids)
        self.snapshots: list[ActivitySnapshot] = []

    def do(self, session: Session) -> None:
        self.snapshots = planning.delete_activities(session, self.ids)

    def undo_in(self, session: Session) -> None:
        self.ids = planning.restore_activities(session, self.snapshots)

    def touched(self) -> set[int]:
        """The activities, and their sub-venues (whose main venue went or came back)."""
        return set(self.ids) | {s.id for s in self.snapshots} | {c for s in self.snapshots for c in s.child_ids}


class BulkEdit(DbCommand):
    def __init__(self, ctx: AppContext, ids: Sequence[int], change: BulkChange) -> None:
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "Bulk edit activities (%n)", None, len(ids)))
        self.ids, self.change = list(ids), change
        self.updates: list[planning.Updated] = []
        self.reverted: list[planning.Updated] = []

    def do(self, session: Session) -> None:
        self.updates = planning.bulk_edit(session, self.ids, self.change)

    def undo_in(self, session: Session) -> None:
        self.reverted = planning.revert_updates(session, self.updates)

    def redo_in(self, session: Session) -> None:
        self.updates = planning.reapply_updates(session, self.updates, self.reverted)

    def touched(self) -> set[int]:
        return set(self.ids)


class PasteActivities(DbCommand):
    """Pasted rows, with the organisations and venues they named that were not in the registers yet."""

    kinds = ("activities", "organisations", "venues")

    def __init__(self, ctx: AppContext, pasted: Sequence[PastedActivity]) -> None:
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "Paste activities (%n)", None, len(pasted)))
        self.pasted = list(pasted)
        self.created = planning.Created()

    def do(self, session: Session) -> None:
        self.created = planning.paste_activities(session, self.ctx.programme_id, self.pasted)

    def undo_in(self, session: Session) -> None:
        planning.remove_created(session, self.created)

    def touched(self) -> set[int]:
        return set(self.created.activity_ids)
