"""For benchmarks only: LIFELONG_STARTUP_PROBE reports when the window first painted its table, then quits.

`LIFELONG_STARTUP_PROBE=1` prints one JSON line to stdout once the Activities table has been painted for the
first time (the wall-clock time, the rows shown, this process's CPU seconds and peak memory so far, and the
times `mark` noted on the way: the window's modules loaded, the database opened, the window built) and quits;
`=tabs` first opens every tab once (each painted after its data is read) and reports the peak memory after.
The Activities tab must be the one the window opens on (a fresh settings folder). The app never sets it; benchmarks/bench_launch.py does, from outside, to time a launch as a user sees it.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

PROBE_ENV = "LIFELONG_STARTUP_PROBE"
_ON = bool(os.environ.get(PROBE_ENV))
MARKS: dict[str, float] = {}  # what the start reached, and when (wall clock), once the probe is asked for


def mark(name: str) -> None:
    """Note the first time the start reaches `name` (only when a benchmark asks for the probe)."""
    if _ON:
        MARKS.setdefault(name, time.time())


def _usage() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux, bytes on macOS
    return {"cpu": own.ru_utime + own.ru_stime, "peak_mb": own.ru_maxrss / scale}


class FirstPaintProbe(QObject):
    """Watches the Activities table's viewport; after its first paint, reports and quits the application."""

    def __init__(self, window: QMainWindow, mode: str) -> None:
        super().__init__(window)
        self.window, self.mode = window, mode
        self.viewport = window.activities.table.viewport()
        self.viewport.installEventFilter(self)
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport and event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            self.viewport.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # after this paint has finished
        return False

    def _painted(self) -> None:
        report = {
            "shown": time.time(),
            "rows": self.window.activities.model.rowCount(),
            **_usage(),
            "marks": MARKS,
        }
        if self.mode == "tabs":
            self._open_every_tab()
            report["tabs_peak_mb"] = _usage()["peak_mb"]
        print(json.dumps(report), flush=True)
        QApplication.instance().quit()

    def _open_every_tab(self) -> None:
        tabs = self.window.tabs
        first = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            for _ in range(3):  # the view's queued reload, then its paint
                QApplication.processEvents()
            tabs.currentWidget().grab()
        tabs.setCurrentIndex(first)  # quitting saves the layout: the next launch opens where this one did


def install_probe(window: QMainWindow | None) -> None:
    """Install the probe on the window when the environment asks for it (benchmarks only)."""
    mode = os.environ.get(PROBE_ENV, "")
    if mode and window is not None:
        FirstPaintProbe(window, mode)
