"""The day's first backup of the open database, taken in a background thread once the window is up."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from lifelong_desktop.db import Database, DatabaseNotice, take_daily_backup


class DailyBackup(QObject):
    """Copies the database (SQLite's backup API, its own read connection) without holding up the window.

    In WAL mode a reader never blocks a writer, so edits go on while the copy is made. `failed` carries the
    notice when the copy could not be made (a full disk, a folder that cannot be written)."""

    failed = Signal(object)  # DatabaseNotice, delivered in the window's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: list[threading.Thread] = []

    def start(self, db: Database) -> None:
        """Take the backup `open_database(defer_backup=True)` left due, if any (once per database)."""
        if not db.backup_due:
            return
        db.backup_due = False
        thread = threading.Thread(target=self._run, args=(db,), name="daily-backup")
        self._threads.append(thread)
        thread.start()

    def _run(self, db: Database) -> None:
        notice: DatabaseNotice | None = take_daily_backup(db.path)
        if notice is not None:
            db.notices.append(notice)
            self.failed.emit(notice)

    def wait(self) -> None:
        """Let a copy under way finish (at exit: a half-written copy would only be thrown away)."""
        for thread in self._threads:
            thread.join()
        self._threads.clear()
