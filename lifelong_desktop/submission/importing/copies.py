"""The copies an import takes before it writes (the day's first copy left due by the opener, and the copy before
the import), made in a thread while the plan is worked out, where the file allows a second connection."""

from __future__ import annotations

import threading
from pathlib import Path

from lifelong_desktop.db import Database, DatabaseNotice, backup_before, take_daily_backup


class CopiesFirst:
    """`start()` the copies, `wait()` for them before anything is written (it raises the DatabaseProblem of a
    copy before the import that could not be made, as backup_before does).

    SQLite copies a file and checks the copy without holding Python's interpreter lock, so on a second core
    the copies cost the import nothing. In WAL mode, without exclusive locking, a copy reads its own
    snapshot through its own connection, once the import's transaction holds the write lock (`began()`):
    the copies then hold exactly the state the import starts from (no one else can commit meanwhile), the
    import's reads change nothing, and its writes come after `wait()`. The copy before the import is the
    day's copy's bytes when that one was just taken (the same state: backups.take_backup's `same_as`).
    Otherwise (a network share, a server) the copies are taken in `start()`, as before.
    """

    def __init__(self, db: Database, *, before_import: bool) -> None:
        self.db = db
        self.daily = db.backup_due and not db.is_server
        self.before_import = before_import
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._began = threading.Event()
        db.backup_due = False  # taken here (a daily copy failing is a notice, as when opening)

    def start(self) -> None:
        if not (self.daily or self.before_import):
            return
        options = self.db.options
        if self.db.is_server or options.exclusive or options.journal_mode != "wal":
            self._take()
            self._raise()
            return
        self._thread = threading.Thread(
            target=self._take_once_begun, name="copies-before-import", daemon=True
        )
        self._thread.start()

    def began(self) -> None:
        """The import's transaction holds the write lock: the copies may read the state it starts from."""
        self._began.set()

    def _take_once_begun(self) -> None:
        self._began.wait()
        self._take()

    def _take(self) -> None:
        try:
            made: list[Path] = []
            if self.daily:
                notice: DatabaseNotice | None = take_daily_backup(self.db.path, made=made)
                if notice is not None:
                    self.db.notices.append(notice)
            if self.before_import:  # the same state as the day's copy just taken: its bytes
                backup_before(self.db, "import", same_as=made[0] if made else None)
        except BaseException as exc:  # handed to the import's thread by wait()
            self._error = exc

    def wait(self) -> None:
        """Block until the copies are made; raise what stopped the copy before the import. (Not begun: a
        transaction that could not begin. They are taken all the same, as the caller asked.)"""
        self._began.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._raise()

    def _raise(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            raise error
