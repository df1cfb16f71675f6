"""The stored activities of a resubmission's programme, read in a thread while the workbook is read.

The cell reader's parse lets go of Python's interpreter lock, and so does SQLite while it steps: the stored rows
(a fifth of a resubmission's time) are read meanwhile through a read-only connection of their own, instead of
after the workbook. They are used only if nothing was committed to the file since they were read: the
import asks for them inside its write transaction (BEGIN IMMEDIATE: no one else can commit from then on),
and the connection's `PRAGMA data_version` must still be the one of the state they were read from (it moves
when any other connection commits). Anything else (another programme, a change, an error, a file the full
open would migrate or treat otherwise) gives None, and the import reads the rows itself, as before.
Nothing is written by this connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from lifelong_desktop.db.engine import connect_raw
from lifelong_desktop.db.revisions import taken_as_is
from lifelong_desktop.services.activity_table import ActivityRow, programme_rows


class StoredAhead:
    """`start()` reads the rows of the programme of `year` (by default the latest) in a thread; `rows(id)`
    hands them over if they are that programme's and still current (call it inside the import's write
    transaction); `close()` ends it either way."""

    def __init__(self, path: Path, year: int | None) -> None:
        self.path = path
        self.year = year
        self._con: sqlite3.Connection | None = None
        self._got: tuple[int, list[ActivityRow], int] | None = None  # programme id, rows, data_version
        self._thread: threading.Thread | None = None

    def start(self, then: Callable[[], object] | None = None) -> None:
        """Read in a thread; `then()` (the caller's own work on the same file, e.g. opening it) runs in that
        thread afterwards and must catch what it raises."""
        self._thread = threading.Thread(
            target=self._work, args=(then,), name="stored-rows-ahead", daemon=True
        )
        self._thread.start()

    def _work(self, then: Callable[[], object] | None) -> None:
        self._read()
        if then is not None:
            then()

    def _read(self) -> None:
        try:
            self._con = con = connect_raw(self.path, read_only=True)
            if not taken_as_is(con):
                return  # the full open migrates or opens it otherwise: rows read here could be stale
            con.execute("BEGIN")
            try:
                found = con.execute(*self._programme_query()).fetchone()
                if found is None:
                    return
                rows = programme_rows(con.cursor(), found[0])
                version = con.execute("PRAGMA data_version").fetchone()[0]  # of the state read
            finally:
                con.execute("ROLLBACK")
            self._got = (found[0], rows, version)
        except (sqlite3.Error, OSError, ValueError):  # the import reads them itself and says what is wrong
            self._got = None

    def _programme_query(self) -> tuple[str, tuple]:
        if self.year is not None:
            return "SELECT id FROM programme WHERE year = ? ORDER BY id LIMIT 1", (self.year,)
        return "SELECT id FROM programme ORDER BY year DESC, id LIMIT 1", ()

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
        """Wait for the thread and close its connection."""
        self.wait()
        self._got = None
        if self._con is not None:
            self._con.close()
            self._con = None
