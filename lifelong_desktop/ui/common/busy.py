"""Work of seconds done on the window's own thread (reading or writing a big workbook): what is being done is
said in the status bar and the pointer is the wait cursor until it ends, so that a window that cannot paint
meanwhile does not look hung."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QMainWindow


@contextmanager
def busy(window: QMainWindow, text: str) -> Iterator[None]:
    """`text` in the window's status bar and the wait cursor while the block runs, painted before it starts
    (input is not handled then: no click reaches the window while it works). Both are taken back when the
    block ends, also on an error, before any dialog saying what went wrong is shown."""
    bar = window.statusBar()
    bar.showMessage(text)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        yield
    finally:
        QApplication.restoreOverrideCursor()
        if bar.currentMessage() == text:
            bar.clearMessage()


def reading(window: QMainWindow, name: str) -> AbstractContextManager[None]:
    return busy(window, QCoreApplication.translate("Busy", "Reading “%1”…").replace("%1", name))


def importing(window: QMainWindow, name: str) -> AbstractContextManager[None]:
    return busy(window, QCoreApplication.translate("Busy", "Importing “%1”…").replace("%1", name))


def writing(window: QMainWindow, name: str) -> AbstractContextManager[None]:
    return busy(window, QCoreApplication.translate("Busy", "Writing “%1”…").replace("%1", name))
