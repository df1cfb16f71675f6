"""What every view and dialog of the window shares: the open database, the programme, undo, signals."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog

from lifelong_desktop.db import Database


class AppContext(QObject):
    """One per open database. Views read through services with `db.read()` and re-read on `data_changed`."""

    #: something in the database changed (after an edit, undo, redo or import); the argument names the
    #: kinds that changed: any of "activities", "organisations", "venues", "programme", "submissions"
    data_changed = Signal(set)
    #: the user asked to open one activity (by database id), from any view
    activity_requested = Signal(int)
    #: the programme shown changed (another year picked, or a new programme made)
    programme_changed = Signal(int)
    #: others (other windows, programs, computers) saved changes: a db.changes.ChangeBatch, after data_changed
    others_changed = Signal(object)
    #: the database went out of reach (one sentence) or came back ("")
    connection_changed = Signal(str)

    def __init__(self, db: Database, programme_id: int | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.programme_id = programme_id
        self.undo_stack = QUndoStack(self)
        #: during one notify() from an undo command: the activity ids it touched (None = reload everything)
        self.changed_activity_ids: frozenset[int] | None = None
        #: the programme's activities as the Activities table holds them (all of them, kept current on every
        #: data_changed before the other views refresh): the Calendar and the Checks read these instead of
        #: loading their own copies. None when no Activities table is shown (views then read the database).
        self.loaded_rows: Callable[[], Sequence[Any]] | None = None
        #: why the database is out of reach now (a DatabaseProblem), None while it can be used
        self.offline: Exception | None = None
        #: the one place the window's dialogs are shown, modally (tests replace it)
        self.run_dialog: Callable[[QDialog], bool] = lambda d: d.exec() == QDialog.DialogCode.Accepted

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def read_only(self) -> bool:
        """The database was opened read-only (a read-only file, folder or medium), or the server knows us as a
        viewer: nothing can be changed (the server would refuse it anyway)."""
        return self.db.options.read_only or self.db.role() == "viewer"

    @property
    def registers_read_only(self) -> bool:
        """The registers and programme settings cannot be changed here: a read-only database, or a server
        role below administrator."""
        return self.read_only or self.db.role() != "administrator"

    def set_programme(self, programme_id: int) -> None:
        self.programme_id = programme_id
        self.undo_stack.clear()
        self.programme_changed.emit(programme_id)

    def notify(self, *kinds: str) -> None:
        """Tell every view that these kinds of data changed."""
        self.data_changed.emit(set(kinds) or {"activities", "organisations", "venues", "programme"})
