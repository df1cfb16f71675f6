"""An opened programme database: one session per user action, errors turned into codes."""

from __future__ import annotations

import os
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

from lifelong_desktop.db import held
from lifelong_desktop.db.auditing import audit_after_flush, audit_before_flush
from lifelong_desktop.db.backups import take_backup
from lifelong_desktop.db.engine import OpenOptions
from lifelong_desktop.db.location import label
from lifelong_desktop.db.problems import (
    ConcurrentEdit,
    DatabaseNotice,
    DatabaseProblem,
    classify,
    is_file_problem,
)
from lifelong_desktop.files import OutputProblem

_DB_ERRORS = (OperationalError, SADatabaseError, sqlite3.DatabaseError)
_STALE_TABLE = re.compile(r"table '([^']+)'")


class _Replaced(Exception):
    """The file at the database's path is no longer the one opened (raised inside a transaction)."""


class _ReplacedAtCommit(Exception):
    """The file at the path was replaced between the last check and the commit: the commit went into the
    file that was open (raised after the transaction)."""


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`; None when it is missing or the file system has no inode numbers."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


class Database:
    """An opened programme database: sessions for reading and for writing, one per user action."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        options: OpenOptions,
        notices: list[DatabaseNotice] | None = None,
        *,
        url: str | None = None,
    ) -> None:
        #: the file; for a server database a stand-in path in the user data folder (see location.stand_in_path)
        self.path = path
        #: the PostgreSQL URL (never with a password) of a server database, None for a SQLite file
        self.url = url
        #: what problems name: the file, or `db@host` on a server
        self.where = Path(label(url)) if url else path
        self.engine = engine
        self.options = options
        #: the database user the server knows us as (current_user); the audit log records it on a server
        self.user: str | None = None
        self._role: str | None = None  # asked of the server once (db.role())
        #: which file this is (device, inode): a writer stops if another file has been put at the path
        self.identity = None if url else file_identity(path)
        held.hold(self.identity)  # nothing else in this process opens the file plainly meanwhile (db/held.py)
        self._closed = False
        self._rescued: Path | None = None
        if url is None:
            event.listen(engine, "connect", self._remember_file)
        #: the audit batches this Database committed (the change feed reports only others' changes)
        self.own_batches: set[str] = set()
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
    def is_server(self) -> bool:
        """True for a shared database on a PostgreSQL server, false for a SQLite file."""
        return self.url is not None

    @property
    def name(self) -> str:
        """The database's short name: the file name, or `db@host` on a server."""
        return self.where.name

    def role(self) -> str:
        """What the connected user may do: "viewer", "planner" or "administrator" (a SQLite file: always
        administrator). The window greys out what the role may not do; the server refuses it anyway."""
        if self.url is None:
            return "administrator"
        if self._role is not None:
            return self._role
        from lifelong_desktop.db.roles import current_role

        try:
            with self.engine.connect() as conn:
                self._role = current_role(conn)
                return self._role
        except _DB_ERRORS as exc:
            if not is_file_problem(exc):
                raise
            raise classify(exc, self.where) from exc

    @property
    def notice(self) -> DatabaseNotice | None:
        """The first notice (the window shows it in its status bar, the command line on stderr)."""
        return self.notices[0] if self.notices else None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (a deferred transaction, rolled back at the end)."""
        if self.identity is not None:
            self._reopen_if_wal_vanished()  # else the read would miss what others wrote into the new WAL
        try:
            with self._sessions() as session:
                yield session
        except _DB_ERRORS as exc:
            if not is_file_problem(exc):
                raise
            raise classify(exc, self.where) from exc

    @contextmanager
    def transaction(self, summary: str = "", who: str | None = None) -> Iterator[Session]:
        """One user action: a write transaction (BEGIN IMMEDIATE), committed on success, rolled back on error.

        Raises DatabaseProblem (locked, disk_full, read_only, damaged...) or ConcurrentEdit when a record
        was changed by someone else since it was read; in every case nothing of the action is written.
        """
        session_info: dict[str, Any] = {}
        try:
            self.ensure_same_file()  # before any connection of this transaction touches the path
            with self._write_sessions() as session, session.begin():
                session_info = session.info
                session.info["summary"] = summary
                if who or self.user:
                    session.info["who"] = who or self.user
                yield session
                session.flush()
                self.ensure_same_file()  # last, just before the commit: a replaced file is never written
            self._ensure_same_after_commit()
            if session_info.get("batch"):
                self.own_batches.add(session_info["batch"])
        except _Replaced as exc:  # rolled back; the connections on the file that was open are idle now
            raise DatabaseProblem("replaced", self.path, str(self._rescue_replaced() or "-")) from exc
        except _ReplacedAtCommit as exc:  # committed into the file that was open: its WAL is emptied first
            rescued = self._rescue_replaced()
            raise DatabaseProblem("replaced_at_commit", self.path, str(rescued or "-")) from exc
        except StaleDataError as exc:
            raise self._concurrent_edit(exc, session_info.get("_flushing", [])) from exc
        except _DB_ERRORS as exc:
            if not is_file_problem(exc):
                raise  # a constraint broken by a bug or unvalidated input is not a damaged database
            raise classify(exc, self.where) from exc

    def ensure_same_file(self) -> None:
        """Raise DatabaseProblem("replaced") when the file at the path is no longer the one opened.

        Someone moved, copied or restored another file over the database while it was open (`mv other.sqlite
        db.sqlite`): committing now would write the open file's changes into a WAL that the new file at the
        path reads as its own, and damage it. The transaction is rolled back instead; both files stay whole.
        """
        if self.identity is None or self.options.read_only:
            return
        self._reopen_if_wal_vanished()
        now = file_identity(self.path)
        if now != self.identity:
            raise _Replaced(f"{self.identity} -> {now}")

    def _ensure_same_after_commit(self) -> None:
        """The check again once committed: a file put at the path in the microseconds between the check before
        the commit and the commit itself. The change is then in the file that was open (and in its WAL, which
        keeps the name the new file reads as its own): the caller rescues it and says so."""
        if (
            self.identity is not None
            and not self.options.read_only
            and file_identity(self.path) != self.identity
        ):
            raise _ReplacedAtCommit(f"{self.identity} -> {file_identity(self.path)}")

    def _remember_file(self, _dbapi_conn: Any, record: Any) -> None:
        """Note which file a new connection opened (a connection made after a replacement opens the new one)."""
        record.info["identity"] = file_identity(self.path)

    def _rescue_replaced(self) -> Path | None:
        """Through an idle connection to the file that was open: checkpoint its WAL and keep a copy of it.

        The WAL keeps its name (`<path>-wal`), which the new file at the path would read as its own; SQLite
        skips the checkpoint on closing a moved file, so it is done here, and TRUNCATE empties that WAL.
        The copy (backup reason `replaced`) keeps what was open, which the rename would otherwise discard.
        """
        if self._rescued is not None:
            return self._rescued
        for record in list(self.engine.pool._pool.queue):  # type: ignore[attr-defined]  # QueuePool's idle list
            raw = record.dbapi_connection
            if raw is None or record.info.get("identity") != self.identity:
                continue
            try:
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._rescued = take_backup(self.path, "replaced", source=raw)
            except (OSError, sqlite3.Error):
                continue
            return self._rescued
        return None

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
        """A consistent copy of the whole database (SQLite backup API), written beside and renamed into place
        (of a server database: db.snapshots.save_snapshot)."""
        from lifelong_desktop.db.backups import backup_file

        if self.url is not None:
            raise TypeError("a server database is copied with db.snapshots.save_snapshot")

        try:
            with self.engine.connect() as conn:  # our own connection: works under exclusive locking too
                return backup_file(self.path, dest, conn.connection.driver_connection)
        except OutputProblem:
            raise  # about the copy (full disk, the database named as the copy ...), not this database
        except (OSError, sqlite3.Error) as exc:
            raise classify(exc, self.path) from exc

    def close(self) -> None:
        self.engine.dispose()
        if not self._closed:
            self._closed = True
            held.release(self.identity)

    def _wal_vanished(self) -> bool:
        """True when this database's WAL file is gone while our connections have it open: another program
        deleted it believing itself the last user (this process's locks were lost, or the file system has
        no POSIX locks). Everything committed had been copied into the database file before the deletion;
        a write now would go into the deleted file, unseen by anyone, so the connections are reopened."""
        if self.url is not None or self.options.journal_mode != "wal" or self.options.immutable:
            return False
        pool = self.engine.pool
        if not getattr(pool, "checkedin", lambda: 0)() and not getattr(pool, "checkedout", lambda: 0)():
            return False
        return self.path.exists() and not Path(str(self.path) + "-wal").exists()

    def _reopen_if_wal_vanished(self) -> None:
        if self._wal_vanished():
            self.engine.dispose()  # idle connections closed now, busy ones when they come back

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
