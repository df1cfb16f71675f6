"""Where the backups of a database live, how they are named, and listing them (newest first)."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lifelong_desktop import paths

REASONS = ("open", "import", "migration", "manual", "restore", "before-restore", "replaced")
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<reason>[a-z-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupFile:
    """One automatic copy of a database: where, when, and why it was taken."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


def backup_name(db_path: Path, when: datetime, reason: str) -> str:
    return f"{Path(db_path).stem}.{when.strftime('%Y%m%d-%H%M%S-%f')}.{reason}.sqlite"


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
