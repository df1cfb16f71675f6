"""The stored activities of a resubmission's programme, read while the workbook is read.

The stored rows (a fifth of a resubmission's time) are read meanwhile through a read-only connection of their
own, instead of after the workbook: in a forked child where there is fork and the file is large
(CHILD_BYTES), else in a thread. Read in a thread, they hold Python's interpreter lock while they are made,
and so slow the cell reader's rows down as much as they save (at 20,000 activities the reader's rows took
0.59 s beside the thread and 0.41-0.45 s beside the child); the child hands them over as plain tuples, which
the thread waiting for it turns back into rows. They are used only if nothing was committed to the file since
they were read: the import asks for them inside its write transaction (BEGIN IMMEDIATE: no one else can commit
from then on), and the connection's `PRAGMA data_version` must still be the one it read before the rows were
(it moves when any other connection commits). Anything else (another programme, a change, an error, a child
that died or gave no answer, a file the full open would migrate or treat otherwise) gives None, and the
import reads the rows itself, as before. Nothing is written by either connection.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lifelong_desktop.db.engine import connect_raw
from lifelong_desktop.db.revisions import taken_as_is
from lifelong_desktop.services.activity_table import ActivityRow, programme_query, programme_rows

# A file at least this large (about 5,000 activities) has its rows read in a child; a smaller one's rows take
# under a tenth of a second to read (20,000 took 0.28-0.34 s here) and are read in the thread, as before. Set
# to 0 or None to test either way.
CHILD_BYTES: int | None = 4 << 20


class StoredAhead:
    """`start()` reads the rows of the programme of `year` (by default the latest) in a child or a thread;
    `rows(id)` hands them over if they are that programme's and still current (call it inside the import's write
    transaction); `close()` ends it either way."""

    def __init__(self, path: Path, year: int | None, ours: int = 0) -> None:
        self.path = path
        self.year = year
        self.ours = ours  # this process's own children running now (the workbook's scan): no other load
        self._con: sqlite3.Connection | None = None
        self._got: tuple[int, list[ActivityRow], int] | None = None  # programme id, rows, data_version
        self._thread: threading.Thread | None = None
        self._child: Any = None  # forking.Child reading them, forked after _version was read
        self._version: int | None = None  # the connection's data_version before the child started

    def start(self, then: Callable[[], object] | None = None) -> None:
        """Read in a child or a thread (call it from a single-threaded caller: a fork then copies no thread's
        lock); `then()` (the caller's own work on the same file, e.g. opening it) runs in the thread afterwards
        and must catch what it raises."""
        self._fork()
        self._thread = threading.Thread(
            target=self._work, args=(then,), name="stored-rows-ahead", daemon=True
        )
        self._thread.start()

    def _work(self, then: Callable[[], object] | None) -> None:
        self._read()
        if then is not None:
            then()

    def _fork(self) -> None:
        """The child reading the rows, where there is fork, the file is large and a core is free (but for
        this process's own children, `ours`); the connection's data_version first."""
        if not hasattr(os, "fork") or CHILD_BYTES is None:
            return
        from lifelong_desktop.forking import fork_call, spare_core

        try:
            if self.path.stat().st_size < CHILD_BYTES or not spare_core(ours=self.ours):
                return
            self._con = con = connect_raw(self.path, read_only=True)
            if not taken_as_is(con):
                return  # the thread finds the same and reads nothing
            self._version = con.execute("PRAGMA data_version").fetchone()[0]
            path, query = self.path, programme_query(self.year)
            self._child = fork_call(lambda _send, _receive: _child_rows(path, query))
        except (sqlite3.Error, OSError, ValueError):  # no child: the thread reads them
            self._child = None

    def _from_child(self) -> bool:
        """The child's rows taken (True), or none from it: it found no programme, died or gave no answer."""
        child, self._child = self._child, None
        got = child.result(tuple, lambda: None)
        if got is None or self._version is None:
            return False
        new = tuple.__new__
        self._got = (got[0], [new(ActivityRow, values) for values in got[1]], self._version)
        return True

    def _read(self) -> None:
        try:
            if self._child is not None and self._from_child():
                return
            if self._con is None:
                self._con = connect_raw(self.path, read_only=True)
            con = self._con
            if not taken_as_is(con):
                return  # the full open migrates or opens it otherwise: rows read here could be stale
            con.execute("BEGIN")
            try:
                found = con.execute(*programme_query(self.year)).fetchone()
                if found is None:
                    return
                rows = programme_rows(con.cursor(), found[0])
                version = con.execute("PRAGMA data_version").fetchone()[0]  # of the state read
            finally:
                con.execute("ROLLBACK")
            self._got = (found[0], rows, version)
        except (sqlite3.Error, OSError, ValueError):  # the import reads them itself and says what is wrong
            self._got = None

    @property
    def has_rows(self) -> bool:
        """Whether rows were read (in the thread, for its `then`; or after wait())."""
        return self._got is not None

    def rows(self, programme_id: int) -> list[ActivityRow] | None:
        """The programme's stored rows if they were read for it and nothing was committed since (None
        otherwise). Only inside the import's write transaction, after its first statement."""
        self.wait()
        got, self._got = self._got, None
        if got is None or got[0] != programme_id or self._con is None:
            return None
        try:
            now = self._con.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None
        return got[1] if now == got[2] else None

    def wait(self) -> None:
        """Until the thread (and its `then`) is done."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def close(self) -> None:
        """Wait for the thread and close its connection (a child not waited for is stopped)."""
        if self._child is not None and self._thread is None:
            self._child.stop()
            self._child = None
        self.wait()
        self._got = None
        if self._con is not None:
            self._con.close()
            self._con = None


def _child_rows(path: Path, query: tuple[str, tuple]) -> tuple[int, list[tuple]] | None:
    """In the child: the programme's id and its rows as plain tuples (an ActivityRow pickled would name its
    class in each), read in one transaction; None without such a programme."""
    con = connect_raw(path, read_only=True)
    con.execute("BEGIN")
    found = con.execute(*query).fetchone()
    if found is None:
        return None
    return found[0], [tuple(row) for row in programme_rows(con.cursor(), found[0])]
