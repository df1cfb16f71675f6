"""Whole-database snapshots for undoing an import or a new programme: copies in the user data folder's `undo`
folder (removed after a week), written back into the open database in one SQLite backup step (into a server
database: in one transaction)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import func, select

from lifelong_desktop.db.copying import copy_database, snapshot_to_file
from lifelong_desktop.db.database import Database
from lifelong_desktop.db.engine import sqlite_connection
from lifelong_desktop.db.location import sqlite_uri
from lifelong_desktop.db.problems import classify
from lifelong_desktop.models import AuditEntry
from lifelong_desktop.paths import user_data_dir

KEEP_DAYS = 7


def undo_dir() -> Path:
    folder = user_data_dir() / "undo"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def remove_old_copies(days: int = KEEP_DAYS) -> int:
    """Delete undo copies older than `days` (called at start-up); returns how many went."""
    cutoff = time.time() - days * 86400
    gone = 0
    for path in undo_dir().glob("*.sqlite"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                gone += 1
        except OSError:
            pass
    return gone


def last_audit_id(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.max(AuditEntry.id))) or 0


def save_snapshot(db: Database, dest: Path) -> Path:
    """A consistent copy of the whole database as a SQLite file (a server's read in one REPEATABLE READ
    transaction)."""
    if db.is_server:
        return snapshot_to_file(db, dest)
    return db.backup_to(dest)


def restore_snapshot(db: Database, copy: Path) -> None:
    """Write a snapshot back into the open database (same file, same connections), in one backup step; into
    a server database, its whole content replaced in one transaction."""
    if db.is_server:
        from lifelong_desktop.db.opening import open_database

        snap = open_database(copy, backup_on_open=False)
        try:
            copy_database(snap, db, replace=True)
        finally:
            snap.close()
        return
    source = sqlite3.connect(sqlite_uri(copy), uri=True)
    try:
        with db.engine.connect() as conn:
            source.backup(sqlite_connection(conn))
    except sqlite3.Error as exc:
        raise classify(exc, db.path) from exc
    finally:
        source.close()
    db.engine.dispose()  # no pooled connection keeps pages of the replaced state
