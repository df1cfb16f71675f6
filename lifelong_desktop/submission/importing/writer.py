"""An import's bulk statements run by one thread on the transaction's own connection, in the order given, while
the caller works out the next ones (SQLite lets go of Python's interpreter lock while it steps).

Only one thread uses the connection at a time: the caller hands statements over and touches the connection
again only after `finish()`, which waits for them and raises the first error, so that the transaction around
them rolls back entirely (a statement after a failed one is not run). On a server the statements run at
once, in the caller's thread, as before.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from lifelong_desktop.db.rawsql import is_sqlite

CACHE_KIB = 64 * 1024  # SQLite's page cache while an import writes (kibibytes; its pages only as they come)


class Writer:
    """`run(sql, rows)` an executemany through the connection (driver form, see rawsql.driver_sql); `finish()`
    before anything else uses the connection. A context manager: leaving it finishes, also on an error."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._aside = is_sqlite(conn)
        self._jobs: queue.SimpleQueue[tuple[str, Sequence[Any]] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._cache: int | None = None  # the connection's own page cache size, given back by finish()

    def _bigger_cache(self) -> None:
        """The pages the import writes kept in memory until the commit (CACHE_KIB at most): none is written
        out and read back meanwhile, as a 2 MB cache would for the indexes of 20,000 rows."""
        self._cache = self.conn.exec_driver_sql("PRAGMA cache_size").scalar()
        self.conn.exec_driver_sql(f"PRAGMA cache_size = {-CACHE_KIB}")

    def run(self, sql: str, rows: Sequence[Any]) -> None:
        if not self._aside:
            self.conn.exec_driver_sql(sql, rows)  # a list of tuples: executemany
            return
        if self._thread is None:
            self._bigger_cache()
            self._thread = threading.Thread(target=self._work, name="import-writer", daemon=True)
            self._thread.start()
        self._jobs.put((sql, rows))

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._error is None:  # after a failure the rest is not run: the transaction rolls back
                try:
                    self.conn.exec_driver_sql(*job)
                except BaseException as exc:  # handed to the caller's thread by finish()
                    self._error = exc

    def finish(self) -> None:
        """Wait for every statement handed over; raise the first one's error."""
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()
            self._thread = None
        if self._cache is not None:
            with contextlib.suppress(Exception):  # a connection broken by the error: it is given up anyway
                self.conn.exec_driver_sql(f"PRAGMA cache_size = {int(self._cache)}")
            self._cache = None
        error, self._error = self._error, None
        if error is not None:
            raise error

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        if exc is None:
            self.finish()
            return
        with contextlib.suppress(BaseException):  # the caller's own error is the one raised, once the
            self.finish()  # thread is done with the connection
