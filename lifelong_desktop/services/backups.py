"""Backups as the user sees them: the list with each copy's state, a copy now, and restoring one safely."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lifelong_desktop.db import (
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    DatabaseProblem,
    backup_before,
    backup_file,
    held,
    list_backups,
    open_for_reading,
    take_backup,
    verify_file,
)
from lifelong_desktop.db.backups import backup_name, backups_dir_for
from lifelong_desktop.services import attachments

_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class BackupRow:
    """One copy of a database as listed to the user; `problem` is None for a sound copy."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    problem: str | None


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What a restore did: the copy it put back and where the file it replaced was kept."""

    database: Path
    restored_from: Path
    safety_copy: Path | None
    attachments_restored: int = 0  # files the restored database names, copied back from the backups' store
    attachments_missing: int = 0  # files it names that the store does not have either


def backup_rows(db_path: Path, *, verify: bool = True) -> list[BackupRow]:
    """The copies of one database, newest first, each checked with PRAGMA integrity_check when asked."""
    return [
        BackupRow(b.path, b.taken_at, b.reason, b.size, verify_file(b.path) if verify else None)
        for b in list_backups(db_path)
    ]


def backup_now(db_path: Path | str, out: Path | None = None) -> Path:
    """A consistent copy of a sound database, now: to `out`, or into its backups folder (rotated)."""
    db = open_for_reading(db_path, backup_on_open=False)
    try:
        if out and db.is_server:
            from lifelong_desktop.db.copying import snapshot_to_file

            return snapshot_to_file(db, Path(out))
        return db.backup_to(Path(out)) if out else backup_before(db, "manual")
    finally:
        db.close()


def check_backup(backup: Path) -> None:
    """Refuse a copy that is damaged, not ours, or from a newer version of the app."""
    problem = verify_file(backup)
    if problem is not None:
        code = "newer_version" if problem.startswith("made by a newer") else "backup_damaged"
        raise DatabaseProblem(code, backup, problem)


def ensure_not_in_use(db_path: Path) -> None:
    """Raise locked when another window or program has the database open (WAL: it holds a shared lock)."""
    if held.is_held(db_path):  # this process has it open (and a plain open() here would drop its locks)
        raise DatabaseProblem("locked", db_path)
    try:
        with db_path.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return
    except OSError:
        return
    con = sqlite3.connect(str(db_path), timeout=min(BUSY_TIMEOUT_MS, 1000) / 1000, isolation_level=None)
    try:
        mode = con.execute("PRAGMA journal_mode").fetchone()[0]
        if mode == "wal" and con.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "wal":
            raise DatabaseProblem("locked", db_path)
        con.execute("BEGIN EXCLUSIVE")
        con.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseProblem("locked", db_path, str(exc)) from exc
    except sqlite3.DatabaseError:
        pass  # a damaged file is exactly what is being replaced
    finally:
        con.close()


def safety_copy(db_path: Path) -> Path | None:
    """Keep the file about to be replaced: a consistent copy if SQLite can read it, else the raw bytes."""
    if not db_path.exists():
        return None
    try:
        return take_backup(db_path, "before-restore")
    except (sqlite3.Error, OSError):
        pass
    folder = backups_dir_for(db_path, for_writing=True)
    dest = folder / backup_name(db_path, datetime.now(), "before-restore")
    shutil.copy2(db_path, dest)
    for suffix in ("-wal", "-journal"):  # keep the companions with matching names, so SQLite reads them too
        companion = Path(str(db_path) + suffix)
        if companion.exists():
            shutil.copy2(companion, Path(str(dest) + suffix))
    return dest


def restore(db_path: Path, backup: Path) -> RestoreResult:
    """Put a backup in place of the database: only a sound copy, only when nobody uses the file, and only
    after keeping the current file as a safety copy. The new file appears atomically."""
    db_path, backup = Path(db_path).absolute(), Path(backup).absolute()
    check_backup(backup)
    ensure_not_in_use(db_path)
    try:
        kept = safety_copy(db_path)
        staged = db_path.with_name(db_path.name + ".restoring")
        backup_file(backup, staged)
        for suffix in _COMPANIONS:  # a stale WAL or journal must never be applied to the restored file
            companion = Path(str(db_path) + suffix)
            if companion.exists():
                companion.unlink()
        os.replace(staged, db_path)
    except (OSError, sqlite3.Error) as exc:
        from lifelong_desktop.db import classify

        raise classify(exc, db_path) from exc
    restored, missing = attachments.restore_missing_files(db_path)
    return RestoreResult(db_path, backup, kept, restored, missing)
