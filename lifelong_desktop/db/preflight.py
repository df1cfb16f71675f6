"""The checks before anything is written to a database file (header, writable place, sound pages, a revision
we know), and the plain sqlite3 open of an ordinary file for a command that only reads (`lifelong check`):
neither loads SQLAlchemy."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import tempfile
import threading
from datetime import date
from pathlib import Path

from lifelong_desktop.db import backups, held, migrations, netfs, revisions
from lifelong_desktop.db.engine import SQLITE_HEADER, OpenOptions, connect_raw, set_pragmas
from lifelong_desktop.db.problems import DatabaseNotice, DatabaseProblem

_DENIED = (errno.EROFS, errno.EACCES, errno.EPERM)


def check_header(path: Path) -> None:
    """Refuse a non-empty file that is not SQLite before SQLite touches it."""
    if not path.exists() or held.is_held(path):
        return  # open in this process already (a SQLite file): reading it plainly would drop our locks
    if path.is_dir():
        raise DatabaseProblem("not_a_database", path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseProblem("cannot_open", path, str(exc)) from exc
    if head and head != SQLITE_HEADER:
        raise DatabaseProblem("not_a_database", path)


def check_writable(path: Path) -> None:
    """Raise read_only when the file or its folder cannot be written (tried for real, not by mode bits)."""
    try:
        if path.exists() and held.is_held(path):  # no plain open of a file this process holds (db/held.py)
            if not os.access(path, os.W_OK):
                raise PermissionError(errno.EACCES, "not writable", str(path))
        elif path.exists():
            fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            os.close(fd)
        fd, probe = tempfile.mkstemp(prefix=".lifelong-probe-", dir=path.parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        if exc.errno in _DENIED:
            raise DatabaseProblem("read_only", path, str(exc)) from exc
        if exc.errno == errno.ENOSPC:
            return  # a full disk: reading still works; writes will say so
        raise DatabaseProblem("cannot_open", path, str(exc)) from exc


def can_write(path: Path) -> bool:
    try:
        check_writable(path)
    except DatabaseProblem:
        return False
    return True


def preflight(path: Path, options: OpenOptions) -> str | None:
    """Check a file read-only, before anything may write to it: sound pages, and a revision we know."""
    try:
        current = quick_check(path, options)
    except sqlite3.OperationalError as exc:
        if options.read_only or "readonly" not in str(exc).lower():
            raise
        recover(path, options)  # a crash left a hot journal or an unrecovered WAL: only a writer may fix it
        current = quick_check(path, options)
    migrations.check_revision(path, current)
    return current


def quick_check(path: Path, options: OpenOptions) -> str | None:
    con = connect_raw(path, read_only=True, timeout_ms=options.busy_timeout_ms, immutable=options.immutable)
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            raise DatabaseProblem("damaged", path, "; ".join(str(r[0]) for r in rows[:3]))
        return revisions.revision_of(con)
    finally:
        con.close()


def recover(path: Path, options: OpenOptions) -> None:
    """Let SQLite roll back a hot journal (or recover a WAL) left by a crash, as any writer would on open."""
    con = connect_raw(path, timeout_ms=options.busy_timeout_ms)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        con.close()


def backup_due(path: Path, policy: backups.BackupPolicy) -> bool:
    """Whether opening this file now calls for a copy (the policy, and the copies already taken today)."""
    return policy.on_open == "always" or (
        policy.on_open == "daily" and not backups.has_backup_on(path, date.today(), "open")
    )


def daily_copy(
    path: Path,
    policy: backups.BackupPolicy,
    source: sqlite3.Connection | None = None,
    made: list[Path] | None = None,
) -> DatabaseNotice | None:
    """Take the day's copy of a database now (read through `source` when given; its path appended to `made`);
    a failure is a notice, never fatal (see opening.take_daily_backup, which decides whether one is due)."""
    try:
        copy = backups.take_backup(path, "open", policy=policy, source=source)
    except (OSError, sqlite3.Error) as exc:
        return DatabaseNotice("backup_failed", path, str(exc))
    if made is not None:
        made.append(copy)
    return None


class PlainFile:
    """An ordinary database file opened with sqlite3 alone (see open_plain): `connection` to read it now,
    while its quick_check runs in a thread (SQLite lets go of the interpreter meanwhile); `sound()` waits for
    that check: use nothing read unless it is true."""

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection,
        options: OpenOptions,
        copy_policy: backups.BackupPolicy | None = None,
    ) -> None:
        self.path = path
        self.connection = connection
        self._verdict: list[bool] = []
        self._checker = threading.Thread(target=self._check, args=(options,), daemon=True)
        self._checker.start()
        self.copy_notice: DatabaseNotice | None = None  # the day's copy could not be made (never fatal)
        self._copier: threading.Thread | None = None
        if copy_policy is not None:  # the day's first copy, made meanwhile through its own connection
            self._copier = threading.Thread(target=self._copy, args=(copy_policy,), daemon=True)
            self._copier.start()

    def _copy(self, policy: backups.BackupPolicy) -> None:
        self.copy_notice = daily_copy(self.path, policy)

    def _check(self, options: OpenOptions) -> None:
        con = connect_raw(self.path, read_only=True, timeout_ms=options.busy_timeout_ms)
        try:
            self._verdict.append([r[0] for r in con.execute("PRAGMA quick_check").fetchall()] == ["ok"])
        except sqlite3.Error:
            self._verdict.append(False)
        finally:
            con.close()

    def begin(self) -> sqlite3.Connection | None:
        """Begin the read transaction of `connection`, and of a second connection reading the very same
        state, returned (for a reader in another thread; the caller closes it): both begin while a third
        holds the write lock for a moment, so no one can commit between them (nothing is written). None,
        with only `connection` begun, when that lock is not free at once (someone is saving)."""
        lock = twin = None
        try:
            lock = connect_raw(self.path, timeout_ms=0)
            lock.execute("BEGIN IMMEDIATE")  # writers wait (or give up) from here ...
            twin = connect_raw(self.path, read_only=True)
        except sqlite3.Error:
            _release(lock)
            _release(twin)
            lock = twin = None
        try:
            _begin(self.connection)
            if twin is not None:
                try:
                    _begin(twin)
                except sqlite3.Error:
                    _release(twin)
                    twin = None
        finally:
            _release(lock)  # ... to here (nothing was written)
        return twin

    def sound(self) -> bool:
        """Whether the file passed its quick_check (waits for it)."""
        self._checker.join()
        return self._verdict == [True]

    def close(self) -> None:
        """Wait for the quick_check and the day's copy (a process ending meanwhile would cut it short)."""
        self._checker.join()
        if self._copier is not None:
            self._copier.join()
        self.connection.close()


def _begin(con: sqlite3.Connection) -> None:
    """Begin a read transaction and fix the state it reads (its first read does)."""
    con.execute("BEGIN")
    con.execute("SELECT COUNT(*) FROM sqlite_master").fetchall()


def _release(con: sqlite3.Connection | None) -> None:
    """Close a connection, rolling back what it began (nothing was written)."""
    if con is not None:
        with contextlib.suppress(sqlite3.Error):  # closing rolls back too
            if con.in_transaction:
                con.execute("ROLLBACK")
        con.close()


def open_plain(path: Path, *, copy_beside: bool = False) -> PlainFile | None:
    """An ordinary database file opened with sqlite3 (the app's pragmas, autocommit: BEGIN is the caller's):
    a local file with data of the newest revision, in WAL mode, that can be written and whose daily backup
    is taken already, after the same checks as `opening.open_database` (header, revision; quick_check runs
    meanwhile, see PlainFile.sound). Nothing is written to the file. With `copy_beside`, a file whose daily
    copy is due is opened too, and the copy made meanwhile in a thread (PlainFile.copy_notice says if not).

    None for anything else (missing, another program's or a newer app's file, a crash to recover, an older
    revision to migrate, a network share, a read-only place, a backup due): open it with `open_for_reading`
    then, which does what each case needs and says so in the same words as always (as for a damaged file).
    """
    path = Path(path).expanduser().absolute()
    try:
        if not path.is_file() or path.stat().st_size == 0 or held.is_held(path):
            return None
        check_header(path)
        if netfs.is_network_path(path) or not can_write(path):
            return None
        policy = backups.BackupPolicy.load()
        due = backup_due(path, policy)
        if due and not copy_beside:
            return None
        options = OpenOptions()
        probe = connect_raw(path, read_only=True, timeout_ms=options.busy_timeout_ms)
        try:
            as_is = revisions.taken_as_is(probe)
        finally:
            probe.close()
        if not as_is:
            return None
        con = connect_raw(path, timeout_ms=options.busy_timeout_ms)
        set_pragmas(con, options)  # the journal mode it has already: nothing is written
    except (DatabaseProblem, OSError, sqlite3.Error, ValueError):
        return None  # the full open finds it again and says it in its own words
    return PlainFile(path, con, options, policy if due else None)
