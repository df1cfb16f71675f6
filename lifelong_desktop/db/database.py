"""An opened programme database: one session per user action, errors turned into codes."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from lifelong_desktop.db.auditing import audit_after_flush, audit_before_flush
from lifelong_desktop.db.engine import OpenOptions
from lifelong_desktop.db.problems import ConcurrentEdit, DatabaseNotice, classify, is_file_problem

_DB_ERRORS = (OperationalError, SADatabaseError, sqlite3.DatabaseError)
_STALE_TABLE = re.compile(r"table '([^']+)'")


class Database:
    """An opened programme database: sessions for reading and for writing, one per user action."""

    def __init__(
        self, path: Path, engine: Engine, options: OpenOptions, notices: list[DatabaseNotice] | None = None
    ) -> None:
        self.path = path
        self.engine = engine
        self.options = options
        #: things the user should be told about this database (network share, backup not possible, ...)
        self.notices: list[DatabaseNotice] = list(notices or [])
        #: the daily backup was left to the opener (open_database(defer_backup=True)), not yet taken
        self.backup_due = False
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            bind=engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )
        for maker in (self._sessions, self._write_sessions):
            event.listen(maker, "before_flush", audit_before_flush)
            event.listen(maker, "after_flush", audit_after_flush)

    @property
    def notice(self) -> DatabaseNotice | None:
        """The first notice (the window shows it in its status bar, the command line on stderr)."""
        return self.notices[0] if self.notices else None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (a deferred transaction, rolled back at the end)."""
        try:
            with self._sessions() as session:
                yield session
        except _DB_ERRORS as exc:
            if not is_file_problem(exc):
                raise
            raise classify(exc, self.path) from exc

    @contextmanager
    def transaction(self, summary: str = "", who: str | None = None) -> Iterator[Session]:
        """One user action: a write transaction (BEGIN IMMEDIATE), committed on success, rolled back on error.

        Raises DatabaseProblem (locked, disk_full, read_only, damaged...) or ConcurrentEdit when a record
        was changed by someone else since it was read; in every case nothing of the action is written.
        """
        session_info: dict[str, Any] = {}
        try:
            with self._write_sessions() as session, session.begin():
                session_info = session.info
                session.info["summary"] = summary
                if who:
                    session.info["who"] = who
                yield session
        except StaleDataError as exc:
            raise self._concurrent_edit(exc, session_info.get("_flushing", [])) from exc
        except _DB_ERRORS as exc:
            if not is_file_problem(exc):
                raise  # a constraint broken by a bug or unvalidated input is not a damaged database
            raise classify(exc, self.path) from exc

    def _concurrent_edit(
        self, exc: StaleDataError, flushing: list[tuple[str, Any, Any, Any]]
    ) -> ConcurrentEdit:
        """Find which record went stale: the one whose stored version is no longer the one we held."""
        match = _STALE_TABLE.search(str(exc))
        table = match.group(1) if match else (flushing[0][0] if flushing else "")
        candidates = [f for f in flushing if f[0] == table] or flushing
        try:
            with self.engine.connect() as conn:
                for name, entity_id, uid, version in candidates:
                    if entity_id is None or not name.isidentifier():
                        continue
                    stored = conn.execute(
                        text(f'SELECT version FROM "{name}" WHERE id = :id'), {"id": entity_id}
                    ).scalar()
                    if stored != version:
                        return ConcurrentEdit(name, entity_id, uid, str(exc))
                conn.rollback()
        except _DB_ERRORS:
            pass
        first = candidates[0] if candidates else (table, None, None, None)
        return ConcurrentEdit(first[0] or table, first[1], first[2], str(exc))

    def backup_to(self, dest: Path) -> Path:
        """A consistent copy of the whole database (SQLite backup API), written beside and renamed into place."""
        from lifelong_desktop.db.backups import backup_file

        try:
            with self.engine.connect() as conn:  # our own connection: works under exclusive locking too
                return backup_file(self.path, dest, conn.connection.driver_connection)
        except (OSError, sqlite3.Error) as exc:
            raise classify(exc, self.path) from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
