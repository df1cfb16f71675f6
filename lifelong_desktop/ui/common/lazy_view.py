"""What every view shares: reload on data_changed only when shown (lazily), the programme's region, a notice line."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from lifelong_desktop.models import Programme
from lifelong_desktop.services.programmes import ProgrammeRow, to_row
from lifelong_desktop.ui.common.context import AppContext


class LazyView(QWidget):
    """Subclasses set `kinds` (the data kinds they show) and implement `reload()`.

    A change of those kinds reloads a visible view at once and a hidden one when it is next shown,
    so a big programme is not re-read by tabs nobody is looking at."""

    kinds: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = True
        self._queued = False  # a refresh is already waiting for the event loop
        ctx.data_changed.connect(self._on_data_changed)
        ctx.programme_changed.connect(lambda _pid: self._on_data_changed(set(self.kinds) | {"programme"}))

    def _on_data_changed(self, kinds: set) -> None:
        if not (set(kinds) & (set(self.kinds) | {"programme"})):
            return
        self._dirty = True
        if self.isVisible():
            self._queue_refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._queue_refresh()

    def _queue_refresh(self) -> None:
        """One reload for every change announced in the same turn (an import that switches the programme
        sends programme_changed and then data_changed)."""
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self._run_queued)

    def _run_queued(self) -> None:
        self._queued = False
        self.refresh()

    def refresh(self) -> None:
        """Re-read the data now (also what tests call); the tables stay scrolled where the viewer left them
        (a reload after another planner's change must not move the viewer's place)."""
        self._dirty = False
        bars = [
            bar
            for view in self.findChildren(QAbstractItemView)
            for bar in (view.verticalScrollBar(), view.horizontalScrollBar())
        ]
        places = [bar.value() for bar in bars]
        self.reload()
        for bar, value in zip(bars, places, strict=True):
            bar.setValue(value)

    def reload(self) -> None:
        raise NotImplementedError

    def programme(self) -> ProgrammeRow | None:
        if self.ctx.programme_id is None:
            return None
        with self.ctx.db.read() as session:  # just this programme, not every year's row and activity count
            programme = session.get(Programme, self.ctx.programme_id)
            return to_row(session, programme) if programme is not None else None


def notice_label() -> QLabel:
    """A line for one sentence of feedback (a refused edit), shown above a view's table."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { background: #fdecea; color: #8c1d18; padding: 6px; border-radius: 3px; }")
    label.hide()
    return label
