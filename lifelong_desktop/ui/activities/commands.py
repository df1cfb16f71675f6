"""The edits of the Activities view as undo commands over services.planning."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import ActivityInput, ActivitySnapshot, BulkChange, PastedActivity
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.undo import DbCommand


def _versions_if_unchanged(session: Session, left: Mapping[int, ActivityInput]) -> dict[int, int]:
    """The stored version of each activity that still holds exactly the values this step left.

    Every save bumps an activity's version, undos too; so after a later step of this same stack was undone
    (a bulk edit, say) the version differs although the values are back to ours. Those are safe to undo over;
    an activity whose values differ was changed elsewhere and keeps the old version, so it still conflicts."""
    from lifelong_desktop.services.planning.reads import read_snapshots

    return {
        snap.id: snap.version
        for snap in read_snapshots(session, sorted(left))
        if snap.version is not None and snap.data == left[snap.id]
    }


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
        super().__init__(
            ctx, QCoreApplication.translate("UndoCommands", "New activity “%1”").replace("%1", data.title)
        )
        self.data = data
        self.ids = []

    def do(self, session: Session) -> None:
        self.ids = [planning.create_activity(session, self.ctx.programme_id, self.data)]


class DuplicateActivities(_Creating):
    def __init__(self, ctx: AppContext, ids: Sequence[int]) -> None:
        n = len(ids)  # a plain name: lupdate skips a call as the count
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "Duplicate activities (%n)", "", n))
        self.source = list(ids)
        self.ids = []

    def do(self, session: Session) -> None:
        self.ids = planning.duplicate_activities(session, self.source)


class WeeklySeries(_Creating):
    def __init__(self, ctx: AppContext, template: ActivityInput, weekday: int, first, last) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("UndoCommands", "Weekly series “%1”").replace("%1", template.title),
        )
        self.args = (template, weekday, first, last)
        self.ids = []

    def do(self, session: Session) -> None:
        self.ids = planning.weekly_series(session, self.ctx.programme_id, *self.args)


class EditActivity(DbCommand):
    """Save the form's values over the version the user opened; conflicts raise EditConflict."""

    def __init__(self, ctx: AppContext, activity_id: int, data: ActivityInput, version: int) -> None:
        super().__init__(
            ctx, QCoreApplication.translate("UndoCommands", "Edit “%1”").replace("%1", data.title)
        )
        self.activity_id, self.data, self.version = activity_id, data, version
        self.update: planning.Updated | None = None

    def do(self, session: Session) -> None:
        self.update = planning.update_activity(session, self.activity_id, self.data, self.version)
        self.version = self.update.version

    def undo_in(self, session: Session) -> None:
        assert self.update is not None
        self._fresh_version(session, self.update.after)
        self.version = planning.update_activity(
            session, self.activity_id, self.update.before, self.version
        ).version

    def redo_in(self, session: Session) -> None:
        assert self.update is not None
        self._fresh_version(session, self.update.before)
        self.version = planning.update_activity(session, self.activity_id, self.data, self.version).version

    def _fresh_version(self, session: Session, left: ActivityInput) -> None:
        self.version = _versions_if_unchanged(session, {self.activity_id: left}).get(
            self.activity_id, self.version
        )

    def touched(self) -> set[int]:
        return {self.activity_id}


class DeleteActivities(DbCommand):
    def __init__(self, ctx: AppContext, ids: Sequence[int]) -> None:
        n = len(ids)  # a plain name: lupdate skips a call as the count
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "Delete activities (%n)", "", n))
        self.ids = list(ids)
        self.snapshots: list[ActivitySnapshot] = []

    def do(self, session: Session) -> None:
        self.snapshots = planning.delete_activities(session, self.ids)

    def undo_in(self, session: Session) -> None:
        self.ids = planning.restore_activities(session, self.snapshots)

    def touched(self) -> set[int]:
        """The activities, and their sub-venues (whose main venue went or came back)."""
        return (
            set(self.ids) | {s.id for s in self.snapshots} | {c for s in self.snapshots for c in s.child_ids}
        )


class BulkEdit(DbCommand):
    def __init__(self, ctx: AppContext, ids: Sequence[int], change: BulkChange) -> None:
        n = len(ids)  # a plain name: lupdate skips a call as the count
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "Bulk edit activities (%n)", "", n))
        self.ids, self.change = list(ids), change
        self.updates: list[planning.Updated] = []
        self.reverted: list[planning.Updated] = []

    def do(self, session: Session) -> None:
        self.updates = planning.bulk_edit(session, self.ids, self.change)

    def undo_in(self, session: Session) -> None:
        self.reverted = planning.revert_updates(session, _refreshed(session, self.updates))

    def redo_in(self, session: Session) -> None:
        self.updates = planning.reapply_updates(session, self.updates, _refreshed(session, self.reverted))

    def touched(self) -> set[int]:
        return set(self.ids)


def _refreshed(session: Session, updates: Sequence[planning.Updated]) -> list[planning.Updated]:
    """The updates with the versions now stored where the activities still hold the values they left."""
    versions = _versions_if_unchanged(session, {u.id: u.after for u in updates})
    return [replace(u, version=versions.get(u.id, u.version)) for u in updates]


class PasteActivities(DbCommand):
    """Pasted rows, with the organisations and venues they named that were not in the registers yet."""

    kinds = ("activities", "organisations", "venues")

    def __init__(self, ctx: AppContext, pasted: Sequence[PastedActivity]) -> None:
        n = len(pasted)  # a plain name: lupdate skips a call as the count
        super().__init__(ctx, QCoreApplication.translate("UndoCommands", "Paste activities (%n)", "", n))
        self.pasted = list(pasted)
        self.created = planning.Created()

    def do(self, session: Session) -> None:
        self.created = planning.paste_activities(session, self.ctx.programme_id, self.pasted)

    def undo_in(self, session: Session) -> None:
        planning.remove_created(session, self.created)

    def touched(self) -> set[int]:
        return set(self.created.activity_ids)
