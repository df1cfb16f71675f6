"""An applied workbook import as one undoable edit, by whole-database snapshots.

Why snapshots and not the audit batch: an import creates activities, organisations, venues and a
Submission row, partly with bulk statements whose audit entries summarise rather than list every value,
so inverting the batch could not give back exactly the database as it was. Instead a consistent copy
(`db.backup_to`, SQLite's backup API) is taken just before applying; undo first keeps a copy of the state
after the import (for redo), then writes the before-copy back into the open database with the backup API.
Undo and redo are refused, with a sentence, when anything else changed the database since (another window
or program: the newest audit entry is no longer the one seen), so nobody's later work is ever rolled back.
Copies live in the user data folder's `undo` folder and are removed a week later.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from lifelong_desktop.db.snapshots import last_audit_id, restore_snapshot, save_snapshot, undo_dir
from lifelong_desktop.models import new_uuid
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.undo import DbCommand, error_handler


class ChangedSinceImport(Exception):
    """Someone changed the database after the import (or after its undo): a snapshot would undo their work."""

    code = "changed_since_import"


class SnapshotCommand(DbCommand):
    """An edit undone by whole-database snapshots: `apply` (a callable taking the Database and returning an
    outcome with `applied`) runs after the before-copy; undo and redo swap the copies back in."""

    kinds: tuple[str, ...] = ("activities", "organisations", "venues", "programme", "submissions")
    #: show the programme the edit made (or imported into) once it is applied
    switch_programme = False

    def __init__(self, ctx: AppContext, text: str, apply) -> None:
        super().__init__(ctx, text)
        self.apply = apply
        stem = f"{ctx.path.stem}-{new_uuid()[:8]}"
        self.before = undo_dir() / f"{stem}-before.sqlite"
        self.after = undo_dir() / f"{stem}-after.sqlite"
        self.outcome = None
        self.seen = 0
        self.programme_before = ctx.programme_id
        self.programme_after = ctx.programme_id
        #: told True after an undo, False after a redo (the status bar follows: no counts of an undone import)
        self.announce: Callable[[bool], None] | None = None

    def execute(self) -> None:
        """Copy, import; only an applied import goes on the undo stack (a refused one changed nothing)."""
        save_snapshot(self.ctx.db, self.before)
        try:
            self.outcome = self.apply(self.ctx.db)
        except BaseException:
            self.before.unlink(missing_ok=True)
            raise
        if not getattr(self.outcome, "applied", False):
            self.before.unlink(missing_ok=True)
            return
        self.seen = last_audit_id(self.ctx.db)
        self.programme_after = getattr(self.outcome, "programme_id", None) or self.ctx.programme_id
        self.ctx.undo_stack.push(self)
        if self.switch_programme and self.programme_after != self.ctx.programme_id:
            self.ctx.programme_id = self.programme_after  # not set_programme: the history stays undoable
            self.ctx.programme_changed.emit(self.programme_after)
        self.ctx.notify(*self.kinds)

    def _swap(self, keep: Path, put_back: Path, programme_id: int | None) -> None:
        if last_audit_id(self.ctx.db) != self.seen:
            raise ChangedSinceImport()
        save_snapshot(self.ctx.db, keep)
        restore_snapshot(self.ctx.db, put_back)
        self.seen = last_audit_id(self.ctx.db)
        if programme_id != self.ctx.programme_id:
            self.ctx.programme_id = programme_id  # not set_programme: that would clear the undo history
            self.ctx.programme_changed.emit(programme_id)

    def undo(self) -> None:
        self._guarded(lambda: self._swap(self.after, self.before, self.programme_before), undone=True)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guarded(lambda: self._swap(self.before, self.after, self.programme_after), undone=False)

    def _guarded(self, step, undone: bool) -> None:
        try:
            step()
        except Exception as exc:
            self.setObsolete(True)
            for handler in error_handler:
                handler(exc)
            if not error_handler:
                raise
        else:
            if self.announce is not None:
                self.announce(undone)
        self.ctx.notify(*self.kinds)


class ImportWorkbook(SnapshotCommand):
    """An applied workbook import as one undoable edit."""

    def __init__(self, ctx: AppContext, file_name: str, apply) -> None:
        super().__init__(
            ctx, QCoreApplication.translate("UndoCommands", "Import “%1”").replace("%1", file_name), apply
        )


class MadeProgramme:
    """What `NewProgrammeFromLastYear.apply` returns: the new programme and the activities copied into it."""

    applied = True

    def __init__(self, programme_id: int, activity_ids: list[int]) -> None:
        self.programme_id = programme_id
        self.activity_ids = activity_ids


class NewProgrammeFromLastYear(SnapshotCommand):
    """Next year's programme (optionally with last year's activities) as one undoable edit, by snapshots:
    undo puts the database back as it was and shows last year's programme again, redo brings the new one
    back with the same ids, so later edits in it stay redoable."""

    kinds = ("activities", "programme")
    switch_programme = True
