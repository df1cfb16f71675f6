"""The base of every undoable edit: runs in its own transaction, notifies views, survives failures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from lifelong_desktop.ui.common.context import AppContext

#: called with the exception when an undo or redo fails later (set by the main window to show it)
error_handler: list[Callable[[Exception], None]] = []


class DbCommand(QUndoCommand):
    """Subclasses implement `do(session)` and `undo_in(session)`; `execute` runs the first time.

    `execute()` raises (nothing is pushed) when the first run fails; a later failing undo/redo makes the
    command obsolete, so the stack drops it, and reports the error through `error_handler`."""

    kinds: tuple[str, ...] = ("activities",)

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._first = True

    # subclasses
    def do(self, session: Session) -> None:
        raise NotImplementedError

    def undo_in(self, session: Session) -> None:
        raise NotImplementedError

    def redo_in(self, session: Session) -> None:
        """Redo after an undo; by default the same as the first run."""
        self.do(session)

    def touched(self) -> set[int] | None:
        """The activities whose rows the last step changed, added or removed (None: reload everything)."""
        return None

    def notify(self) -> None:
        """Tell the views; the Activities view refreshes only `touched()` rows (ctx.changed_activity_ids)."""
        try:
            touched = self.touched()
        except Exception:
            touched = None
        self.ctx.changed_activity_ids = None if touched is None else frozenset(touched)
        try:
            self.ctx.notify(*self.kinds)
        finally:
            self.ctx.changed_activity_ids = None

    # machinery
    def execute(self) -> None:
        """Run the edit now and put it on the undo stack (raises and pushes nothing on failure)."""
        if self.ctx.offline is not None:  # refused at once with the sentence the banner says, nothing tried
            raise self.ctx.offline
        with self.ctx.db.transaction(self.text()) as session:
            self.do(session)
        self.ctx.undo_stack.push(self)  # push calls redo(), which skips the first run
        self.notify()

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.redo_in)

    def undo(self) -> None:
        self._run(self.undo_in)

    def _run(self, step: Callable[[Session], None]) -> None:
        try:
            if self.ctx.offline is not None:
                raise self.ctx.offline
            with self.ctx.db.transaction(self.text()) as session:
                step(session)
        except Exception as exc:
            self.setObsolete(True)
            self.ctx.notify(*self.kinds)  # everything read again
            for handler in error_handler:
                handler(exc)
            if not error_handler:
                raise
            return
        self.notify()
