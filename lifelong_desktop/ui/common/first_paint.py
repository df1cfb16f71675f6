"""Run work once a widget has been painted: what the user waits for comes first, the rest after it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], object], delay_ms: int) -> None:
        super().__init__(widget)
        self.widget, self.callback, self.delay_ms = widget, callback, delay_ms
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(self.delay_ms, self.widget, self._run)  # after this paint; dies with the widget
        return False

    def _run(self) -> None:
        self.deleteLater()
        self.callback()


def after_next_paint(widget: QWidget, callback: Callable[[], object], delay_ms: int = 0) -> None:
    """Call `callback` `delay_ms` after the widget's next paint has finished (never if it is destroyed first)."""
    _AfterPaint(widget, callback, delay_ms)
