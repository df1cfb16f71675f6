"""Automatic backups of a database: consistent copies (SQLite backup API), where they go, rotation, checks."""

from __future__ import annotations

import configparser
import hashlib
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from lifelong_desktop import paths
from lifelong_desktop.db.engine import BUSY_TIMEOUT_MS, SQLITE_HEADER

SETTINGS_FILE = "backups.ini"
REASONS = ("open", "import", "migration", "manual", "restore", "before-restore")
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<reason>[a-z-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupPolicy:
    """How many copies are kept: the newest `keep_last`, plus the newest of each day for `keep_days` days."""

    keep_last: int = 10
    keep_days: int = 30
    on_open: str = "daily"  # daily (at most one a day), always, never

    @classmethod
    def load(cls, settings: Path | None = None) -> BackupPolicy:
        """The policy from backups.ini in the user data folder ([backups] keep_last, keep_days, on_open)."""
        settings = settings or paths.user_data_dir() / SETTINGS_FILE
        parser = configparser.ConfigParser()
        try:
            parser.read(settings, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            return cls()
        if not parser.has_section("backups"):
            return cls()
        sec, default = parser["backups"], cls()
        try:
            keep_last = max(1, sec.getint("keep_last", default.keep_last))
            keep_days = max(0, sec.getint("keep_days", default.keep_days))
        except ValueError:
            keep_last, keep_days = default.keep_last, default.keep_days
        on_open = sec.get("on_open", default.on_open).strip().lower()
        return cls(keep_last, keep_days, on_open if on_open in ("daily", "always", "never") else default.on_open)


@dataclass(frozen=True)
class BackupFile:
    """One automatic copy of a database: where, when, and why it was taken."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backup_file(src: Path, dest: Path, source: sqlite3.Connection | None = None) -> Path:
    """Copy a SQLite file consistently with the backup API; the copy is checked, synced and appears atomically.

    `source` is an open connection to copy from (needed when the database is opened with exclusive locking).
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    own = source is None
    if own:
        source = sqlite3.connect(f"file:{Path(src).as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
            ok = target.execute("PRAGMA quick_check").fetchone()
            if not ok or ok[0] != "ok":
                raise sqlite3.DatabaseError(f"backup copy failed its check: {ok}")
        finally:
            target.close()
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        tmp.replace(dest)
        _fsync_dir(dest.parent)
    except BaseException:
        for leftover in (tmp, Path(str(tmp) + "-journal")):
            try:
                leftover.unlink()
            except OSError:
                pass
        raise
    finally:
        if own:
            source.close()
    return dest


def _writable_dir(folder: Path) -> bool:
    """Can files be created in the folder? (Tried for real: as root, permission bits say nothing.)"""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".lifelong-probe-", dir=folder)
        os.close(fd)
        os.unlink(name)
        return True
    except OSError:
        return False


def fallback_backups_dir(db_path: Path) -> Path:
    """The backups of one database in the user data folder (used when the folder beside it is not writable)."""
    key = hashlib.sha1(str(Path(db_path).absolute()).encode("utf-8")).hexdigest()[:10]
    return paths.user_data_dir() / "backups" / f"{Path(db_path).stem}-{key}"


def backups_dir_for(db_path: Path, *, for_writing: bool = False) -> Path:
    """Where the automatic copies of one database go: a `backups` folder beside it, else the user data folder."""
    beside = Path(db_path).parent / "backups"
    if not for_writing or _writable_dir(beside):
        return beside
    return fallback_backups_dir(db_path)


def list_backups(db_path: Path) -> list[BackupFile]:
    """The automatic copies of one database (beside it and in the user data folder), newest first."""
    db_path = Path(db_path)
    found: dict[Path, BackupFile] = {}
    for folder in (Path(db_path).parent / "backups", fallback_backups_dir(db_path)):
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            m = _NAME.match(entry.name)
            if not m or m["stem"] != db_path.stem or not entry.is_file():
                continue
            try:
                taken = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S-%f")
                size = entry.stat().st_size
            except (ValueError, OSError):
                continue
            found[entry.resolve()] = BackupFile(entry, taken, m["reason"], size)
    return sorted(found.values(), key=lambda b: (b.taken_at, b.path.name), reverse=True)


def take_backup(db_path: Path, reason: str = "manual", *, policy: BackupPolicy | None = None,
                source: sqlite3.Connection | None = None, folder: Path | None = None,
                when: datetime | None = None) -> Path:
    """Take one consistent copy of a database now, then rotate its old copies; returns the new copy."""
    db_path = Path(db_path)
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    folder = folder or backups_dir_for(db_path, for_writing=True)
    when = when or datetime.now()
    dest = folder / f"{db_path.stem}.{when.strftime('%Y%m%d-%H%M%S-%f')}.{reason}.sqlite"
    while dest.exists():  # two copies within a microsecond
        when += timedelta(microseconds=1)
        dest = folder / f"{db_path.stem}.{when.strftime('%Y%m%d-%H%M%S-%f')}.{reason}.sqlite"
    backup_file(db_path, dest, source)
    rotate(db_path, policy or BackupPolicy.load(), today=when.date())
    return dest


def backups_to_delete(backups: list[BackupFile], policy: BackupPolicy, today: date) -> list[BackupFile]:
    """Which copies the rotation removes: all but the newest N, the newest of each of the last days, and
    the newest of each reason (so the copy taken before a migration or a restore survives longest)."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in ordered[: policy.keep_last]}
    first = today - timedelta(days=policy.keep_days - 1) if policy.keep_days else today + timedelta(days=1)
    seen_days: set[date] = set()
    seen_reasons: set[str] = set()
    for b in ordered:
        day = b.taken_at.date()
        if first <= day <= today and day not in seen_days:
            seen_days.add(day)
            keep.add(b.path)
        if b.reason not in seen_reasons:
            seen_reasons.add(b.reason)
            keep.add(b.path)
    return [b for b in ordered if b.path not in keep]


STALE_PART_S = 600


def _remove_stale_parts(db_path: Path) -> None:
    """Half-written copies left by a crash mid-backup (older than ten minutes: none is still being written)."""
    cutoff = datetime.now().timestamp() - STALE_PART_S
    for folder in (Path(db_path).parent / "backups", fallback_backups_dir(db_path)):
        for part in folder.glob(f"{Path(db_path).stem}.*.sqlite.part*") if folder.is_dir() else ():
            try:
                if part.stat().st_mtime < cutoff:
                    part.unlink()
            except OSError:
                pass


def rotate(db_path: Path, policy: BackupPolicy | None = None, *, today: date | None = None) -> list[Path]:
    """Delete the copies the policy no longer keeps (and stale half-written ones); returns what was deleted."""
    policy = policy or BackupPolicy.load()
    _remove_stale_parts(db_path)
    removed = []
    for b in backups_to_delete(list_backups(db_path), policy, today or date.today()):
        try:
            b.path.unlink()
            removed.append(b.path)
        except OSError:
            pass
    return removed


def verify_file(path: Path, *, full: bool = True) -> str | None:
    """None when the file is a sound SQLite database of this app, else a short reason (integrity_check)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "not a database"
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
            if [r[0] for r in rows] != ["ok"]:
                return "; ".join(str(r[0]) for r in rows[:3])
            if con.execute("PRAGMA foreign_key_check").fetchone() is not None:
                return "foreign_key_check failed"
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"alembic_version", "programme", "activity"} <= tables:
                return "not a lifelong-desktop database"
            from lifelong_desktop.db.migrations import known_revisions, revision_of

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
    return any(b.taken_at.date() == day and (reason is None or b.reason == reason) for b in list_backups(db_path))
