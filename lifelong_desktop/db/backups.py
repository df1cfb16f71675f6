"""Automatic backups of a database: consistent copies (SQLite backup API), taken, checked and found again."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

from lifelong_desktop import files
from lifelong_desktop.db.backup_files import (  # noqa: F401 - re-exported: the public names of backups
    REASONS,
    BackupFile,
    backup_name,
    backups_dir_for,
    fallback_backups_dir,
    list_backups,
)
from lifelong_desktop.db.engine import BUSY_TIMEOUT_MS, SQLITE_HEADER
from lifelong_desktop.db.location import sqlite_uri
from lifelong_desktop.db.revisions import known_revisions, revision_of
from lifelong_desktop.db.rotation import SETTINGS_FILE, BackupPolicy, backups_to_delete, rotate  # noqa: F401


def backup_file(src: Path, dest: Path, source: sqlite3.Connection | None = None) -> Path:
    """Copy a SQLite file consistently with the backup API; the copy is checked, synced and appears atomically.

    `source` is an open connection to copy from (needed when the database is opened with exclusive locking).
    The copy is written through files.safe_output: a full disk or a refused rename raises files.OutputProblem
    (an OSError) and leaves no partial file; `dest` may never be the database itself.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    own = source is None
    if source is None:
        source = sqlite3.connect(sqlite_uri(src), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        with files.safe_output(dest, database=src) as tmp:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")
                ok = target.execute("PRAGMA quick_check").fetchone()
                if not ok or ok[0] != "ok":
                    raise sqlite3.DatabaseError(f"backup copy failed its check: {ok}")
            except sqlite3.OperationalError as exc:
                if "full" in str(exc).lower():  # the copy's disk, not the database, is full
                    raise files.OutputProblem(
                        "disk_full", dest, detail=str(exc), os_errno=errno.ENOSPC
                    ) from exc
                raise
            finally:
                target.close()
    finally:
        if own:
            source.close()
    return dest.absolute()


def take_backup(
    db_path: Path,
    reason: str = "manual",
    *,
    policy: BackupPolicy | None = None,
    source: sqlite3.Connection | None = None,
    folder: Path | None = None,
    when: datetime | None = None,
    same_as: Path | None = None,
) -> Path:
    """Take one consistent copy of a database now, then rotate its old copies; returns the new copy.

    `same_as`: a copy of this database taken and checked just now, of the state this copy is to hold (the
    day's copy, when an import takes its own copy next): its bytes are copied, synced and renamed into
    place, instead of a second backup and check of the database (a tenth of a second at 20,000 activities);
    gone meanwhile (rotated away), the database is copied as without it."""
    db_path = Path(db_path)
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    folder = folder or backups_dir_for(db_path, for_writing=True)
    when = when or datetime.now()
    dest = folder / backup_name(db_path, when, reason)
    while dest.exists():  # two copies within a microsecond
        when += timedelta(microseconds=1)
        dest = folder / backup_name(db_path, when, reason)
    if same_as is not None and same_as.is_file():
        with files.safe_output(dest, database=db_path) as tmp:
            shutil.copyfile(same_as, tmp)
    else:
        backup_file(db_path, dest, source)
    rotate(db_path, policy or BackupPolicy.load(), today=when.date())
    return dest


def verify_file(path: Path, *, full: bool = True) -> str | None:
    """None when the file is a sound SQLite database of this app, else a short reason (integrity_check)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "not a database"
        con = sqlite3.connect(sqlite_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
            if [r[0] for r in rows] != ["ok"]:
                return "; ".join(str(r[0]) for r in rows[:3])
            if con.execute("PRAGMA foreign_key_check").fetchone() is not None:
                return "foreign_key_check failed"
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"alembic_version", "programme", "activity"} <= tables:
                return "not a lifelong-desktop database"
            revision = revision_of(con)
            if revision not in known_revisions():
                return f"made by a newer version (revision {revision})"
        finally:
            con.close()
    except (OSError, sqlite3.Error) as exc:
        return str(exc) or type(exc).__name__
    return None


def newest_good_backup(db_path: Path | str) -> Path | None:
    """The newest automatic copy of a database that passes PRAGMA integrity_check, or None."""
    for b in list_backups(Path(db_path)):
        if verify_file(b.path) is None:
            return b.path
    return None


def has_backup_on(db_path: Path, day: date, reason: str | None = None) -> bool:
    return any(
        b.taken_at.date() == day and (reason is None or b.reason == reason) for b in list_backups(db_path)
    )
