"""Opening a programme database safely: checks before any write, network shares, backups, migrations."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from lifelong_desktop.db import backups, migrations, netfs, revisions
from lifelong_desktop.db.database import Database
from lifelong_desktop.db.engine import OpenOptions, make_engine, network_options
from lifelong_desktop.db.location import is_url
from lifelong_desktop.db.preflight import (
    backup_due,
    can_write,
    check_header,
    check_writable,
    daily_copy,
    preflight,
)
from lifelong_desktop.db.problems import DatabaseNotice, DatabaseProblem, classify
from lifelong_desktop.paths import default_database_path


def take_daily_backup(
    path: Path,
    policy: backups.BackupPolicy | None = None,
    engine: Engine | None = None,
    made: list[Path] | None = None,
) -> DatabaseNotice | None:
    """The daily copy taken when a database with data is opened; a failure is a notice, never fatal.

    Safe in a background thread while the database is in use (WAL): the copy reads through its own
    connection, and writers are never blocked by a reader. With `engine` (a read-only view) the copy is
    read through the view's own connection, which can read a file on read-only media, and goes to the user
    data folder when the folder beside it cannot be written. The copy's path is appended to `made`, if one
    was made."""
    policy = policy or backups.BackupPolicy.load()
    if not backup_due(path, policy):
        return None
    if engine is None:
        return daily_copy(path, policy, made=made)
    try:
        with engine.connect() as conn:
            return daily_copy(path, policy, source=conn.connection.driver_connection, made=made)
    except (OperationalError, SADatabaseError) as exc:  # the view's connection could not be had
        return DatabaseNotice("backup_failed", path, str(exc))


def _backup_on_open(
    path: Path,
    options: OpenOptions,
    policy: backups.BackupPolicy | None,
    notices: list[DatabaseNotice],
    wanted: bool,
    defer: bool,
) -> bool:
    """Take the daily copy now, or leave it to the opener (True) when another connection can read the file
    later (WAL, no exclusive lock) and a copy is due at all."""
    if not wanted:
        return False
    if defer and options.journal_mode == "wal" and not options.exclusive:
        return backup_due(path, policy or backups.BackupPolicy.load())
    notice = take_daily_backup(path, policy)
    if notice:
        notices.append(notice)
    return False


def open_database(
    path: Path | str | None = None,
    *,
    create: bool = True,
    options: OpenOptions | None = None,
    check: bool = True,
    backup_on_open: bool = True,
    defer_backup: bool = False,
    policy: backups.BackupPolicy | None = None,
) -> Database:
    """Open (or create) a programme database, migrating it to the newest schema; raises DatabaseProblem.

    Nothing is written before the file has passed its checks (header, quick_check, known revision,
    writable). A file with data gets a daily backup (see BackupPolicy); one on a network share is opened
    with a rollback journal and exclusive locking, and `Database.notice` says so. With `defer_backup` (the
    window) the backup is left to the caller when another connection may read the file meanwhile (WAL):
    `Database.backup_due` is then set, and `take_daily_backup(db.path)` takes it, e.g. in the background.
    """
    if is_url(path):
        from lifelong_desktop.db.server import open_server

        return open_server(str(path), create=create)
    path = Path(path) if path else default_database_path()
    path = path.expanduser().absolute()
    notices: list[DatabaseNotice] = []
    options = _options_for(path, options, create, notices)
    has_data = path.exists() and path.stat().st_size > 0
    try:
        current = preflight(path, options) if has_data and check else None
        if has_data and not check:
            current = revisions.current_revision(path)
        upgrading = current != revisions.head_revision()  # then migrate() takes its own copy first
        backup = bool(has_data and backup_on_open and not options.read_only and current is not None)
        deferred = _backup_on_open(path, options, policy, notices, backup and not upgrading, defer_backup)
    except (OperationalError, SADatabaseError, sqlite3.Error, OSError) as exc:
        raise classify(exc, path) from exc
    engine = make_engine(path, options)
    if upgrading:
        _upgrade(path, engine, options, current)
    if options.read_only:
        notices.append(DatabaseNotice("read_only_view", path))
        notices.extend(
            _viewer_backup(path, policy, engine, backup_on_open and current == revisions.head_revision())
        )
    db = Database(path, engine, options, notices)
    db.backup_due = deferred
    return db


def _options_for(
    path: Path, options: OpenOptions | None, create: bool, notices: list[DatabaseNotice]
) -> OpenOptions:
    """Checks before anything is written (header, a missing file, a writable place) and the options to open
    with: the given ones, or those of a network share (with its notice), immutable when nothing can write."""
    check_header(path)
    if not path.exists():
        if not create:
            raise DatabaseProblem("missing", path)
        if not path.parent.is_dir():
            raise DatabaseProblem("cannot_open", path, "folder does not exist")
    if options is None:
        options = OpenOptions()
        if netfs.is_network_path(path):
            options = network_options()
            notices.append(DatabaseNotice("network_share", path))
    if not options.read_only:
        check_writable(path)
    elif not options.immutable and not can_write(path):
        options = replace(options, immutable=True)
    return options


def _upgrade(path: Path, engine: Engine, options: OpenOptions, current: str | None) -> None:
    """Migrate a file of an older revision (the revision was read already: no second read when newest);
    a read-only view of one cannot be upgraded. The engine is disposed when this fails."""
    try:
        if options.read_only:
            raise DatabaseProblem("read_only", path, f"revision {current}")
        migrations.migrate(path, engine)
    except DatabaseProblem:
        engine.dispose()
        raise
    except (OperationalError, SADatabaseError, sqlite3.Error, OSError) as exc:
        engine.dispose()
        raise classify(exc, path) from exc


def _viewer_backup(
    path: Path, policy: backups.BackupPolicy | None, engine: Engine, wanted: bool
) -> list[DatabaseNotice]:
    """The daily copy of a database opened read-only (to the user data folder when nothing beside it is writable)."""
    if not wanted:
        return []
    notice = take_daily_backup(path, policy, engine)
    return [notice] if notice else []


def open_for_reading(path: Path | str | None = None, *, backup_on_open: bool = True) -> Database:
    """Open an existing database for a use that only reads (checks, printing, exports, backups to elsewhere).

    A file that cannot be written (read-only mount, folder or file) is opened as a read-only view instead
    of being refused: `Database.options.read_only` is then true and its notices say so.
    """
    try:
        return open_database(path, create=False, backup_on_open=backup_on_open)
    except DatabaseProblem as exc:
        if exc.code != "read_only" or is_url(path):
            raise
    return open_database(
        path, create=False, backup_on_open=backup_on_open, options=OpenOptions(read_only=True)
    )


def remove_database_files(path: Path) -> None:
    """Delete a database file with its WAL and shared-memory companions (used by `demo --force`)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(str(path) + suffix)
        if p.exists():
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()
