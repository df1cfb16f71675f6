"""Looks at the change feed about once a second: others' changes refresh the views in place, a database out
of reach (a network share gone, a server down) is said once and edits are refused until it is back.

The look runs in a worker thread: reaching a server that has gone can take seconds (the connect timeout),
and the window must not freeze meanwhile. Its outcome comes back to the window's thread as a signal."""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from lifelong_desktop.db import DatabaseProblem
from lifelong_desktop.db.changes import ChangeBatch, ChangeFeed
from lifelong_desktop.ui.common.context import AppContext

INTERVAL_MS = 1000
#: while the database is out of reach, tried again this often
RETRY_MS = 2000


class ChangeWatch(QObject):
    """One per window: owns the feed, its timer and its thread; tells the views through AppContext."""

    _looked = Signal(object)  # the finished look (a Future), from the worker thread to the window's

    def __init__(self, ctx: AppContext, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.feed = ChangeFeed(ctx.db)
        self.interval_ms = interval_ms
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="change-watch")
        self._busy = False
        self._looked.connect(self._deliver)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.look)
        #: when the last batch was seen (time.time()) and what it held: benchmarks and tests read them
        self.last_seen: tuple[float, ChangeBatch] | None = None
        if self.feed.enabled:
            self.timer.start()

    def look(self) -> None:
        """Start one look in the worker thread (the timer calls this; a look still running is not doubled)."""
        if self._busy:
            return
        self._busy = True
        self._worker.submit(self.feed.poll).add_done_callback(self._looked.emit)

    def _deliver(self, done: Future) -> None:
        self._busy = False
        try:
            batch = done.result()
        except DatabaseProblem as exc:
            self._lost(exc)
            return
        if self.ctx.offline is not None:
            self._back()
        if batch is not None:
            self.apply(batch)

    def apply(self, batch: ChangeBatch) -> None:
        """Show a batch of others' changes: the views update in place, then open forms are told."""
        self.last_seen = (time.time(), batch)
        self.ctx.changed_activity_ids = batch.ids_of("activities")
        try:
            self.ctx.notify(*batch.kinds)
        finally:
            self.ctx.changed_activity_ids = None
        self.ctx.others_changed.emit(batch)

    def _lost(self, exc: DatabaseProblem) -> None:
        if self.ctx.offline is None:
            self.ctx.offline = exc
            self.timer.setInterval(RETRY_MS)
            self.ctx.connection_changed.emit(lost_sentence(exc))

    def _back(self) -> None:
        self.ctx.offline = None
        self.timer.setInterval(self.interval_ms)
        self.ctx.connection_changed.emit("")

    def stop(self) -> None:
        self.timer.stop()
        self._worker.shutdown(wait=True)
        self.feed.close()


def lost_sentence(exc: DatabaseProblem) -> str:
    """The banner's sentence: the database is out of reach, edits wait, the window reconnects by itself."""
    return QCoreApplication.translate(
        "ChangeWatch",
        "The database “%1” cannot be reached (network or server?). Nothing you typed is lost, but "
        "nothing can be saved until it is back; this window reconnects by itself.",
    ).replace("%1", exc.path.name)
