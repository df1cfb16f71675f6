"""How many backups are kept (BackupPolicy, from arguments or backups.ini) and removing the others."""

from __future__ import annotations

import configparser
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from lifelong_desktop import files, paths
from lifelong_desktop.db.backup_files import BackupFile, fallback_backups_dir, list_backups

SETTINGS_FILE = "backups.ini"


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
        return cls(
            keep_last, keep_days, on_open if on_open in ("daily", "always", "never") else default.on_open
        )


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


STALE_PART_S = files.STALE_AFTER_S


def _remove_stale_parts(db_path: Path) -> None:
    """Half-written copies left by a crash mid-backup (untouched for ten minutes: none is still being written)."""
    cutoff = datetime.now().timestamp() - STALE_PART_S
    for folder in (Path(db_path).parent / "backups", fallback_backups_dir(db_path)):
        if not folder.is_dir():
            continue
        files.clean_stale_temps(folder)
        for part in folder.glob(f"{Path(db_path).stem}.*.sqlite.part*"):  # named by earlier versions
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
