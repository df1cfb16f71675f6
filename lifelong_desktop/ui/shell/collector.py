"""Python's cyclic garbage collection in the window's thread only.

The collector runs in whichever thread happens to allocate when a generation's count passes its threshold. The
window has threads of its own (the change watch's look, the daily copy, loading in the background): a
collection in one of them frees whatever garbage cycles exist at that moment, Qt widgets and timers among them
(a closed dialog with a signal connected to a lambda over itself is one), and Qt objects must be destroyed in
the thread they live in, or the process may crash, then or later. Here the automatic collector is off and a
timer in the window's thread collects the generations whose counts passed their thresholds, as the automatic
collector would have (pyqtgraph's GarbageCollector does the same for the same reason)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: how often the counts are looked at; Python's own thresholds decide whether anything is collected
INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Turns the automatic collector off and collects from a timer of the thread it is made in."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold (with the younger ones); the number
        of objects found unreachable."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = -1
        for generation in range(3):
            if counts[generation] <= thresholds[generation]:
                break
            due = generation
        return gc.collect(due) if due >= 0 else 0

    def stop(self) -> None:
        """Back to the automatic collector (the window has closed)."""
        self.timer.stop()
        gc.enable()
