"""One SQLite file per database: engine, pragmas, sessions, audit, migrations and backups.

The public face of the database layer; the parts live in the modules of this package.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below are loaded on first use (see __getattr__)
    from lifelong_desktop.db.auditing import AUDITED, current_user
    from lifelong_desktop.db.backups import (
        BackupFile,
        BackupPolicy,
        backup_file,
        backups_dir_for,
        list_backups,
        newest_good_backup,
        take_backup,
        verify_file,
    )
    from lifelong_desktop.db.database import Database
    from lifelong_desktop.db.engine import BUSY_TIMEOUT_MS, SQLITE_HEADER, OpenOptions, make_engine
    from lifelong_desktop.db.migrations import migrate
    from lifelong_desktop.db.opening import (
        open_database,
        open_for_reading,
        remove_database_files,
        take_daily_backup,
    )
    from lifelong_desktop.db.problems import (
        ConcurrentEdit,
        DatabaseNotice,
        DatabaseProblem,
        classify,
        expect_version,
    )
    from lifelong_desktop.db.revisions import head_revision, known_revisions

#: the module of each public name: importing the package loads none of them (nor SQLAlchemy), so that a
#: command that reads a file with sqlite3 alone (`lifelong check`) can use db.problems or db.reading
_HOME = {
    **dict.fromkeys(("AUDITED", "current_user"), "auditing"),
    **dict.fromkeys(
        (
            "BackupFile",
            "BackupPolicy",
            "backup_file",
            "backups_dir_for",
            "list_backups",
            "newest_good_backup",
            "take_backup",
            "verify_file",
        ),
        "backups",
    ),
    "Database": "database",
    **dict.fromkeys(("BUSY_TIMEOUT_MS", "SQLITE_HEADER", "OpenOptions", "make_engine"), "engine"),
    "migrate": "migrations",
    **dict.fromkeys(
        ("open_database", "open_for_reading", "remove_database_files", "take_daily_backup"), "opening"
    ),
    **dict.fromkeys(
        ("ConcurrentEdit", "DatabaseNotice", "DatabaseProblem", "classify", "expect_version"), "problems"
    ),
    **dict.fromkeys(("head_revision", "known_revisions"), "revisions"),
}


def __getattr__(name: str) -> Any:
    """A public name, loaded from its module on first use (PEP 562)."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def backup_before(db: Database, reason: str = "import", same_as: Path | None = None) -> Path:
    """Take a consistent copy of an open database before a risky bulk change (the importer calls this).

    The copy goes to the `backups` folder beside the file (or the user data folder) and old copies are
    rotated; it is taken through the database's own connection, so it works with exclusive locking too.
    Raises DatabaseProblem (disk_full, read_only, ...) when no copy could be made: do not go ahead then.
    Call it before opening the import's transaction, not inside it (on a network share the database
    has a single connection, which the transaction would be holding). `same_as`: a copy of this file taken
    and checked just now (the day's), whose bytes are copied (backups.take_backup).
    """
    import sqlite3

    from lifelong_desktop.db.backups import backups_dir_for, take_backup
    from lifelong_desktop.db.problems import classify

    if db.is_server:  # a SQLite snapshot of the server database, in the user's own backups folder
        from datetime import datetime

        from lifelong_desktop.db.backup_files import backup_name
        from lifelong_desktop.db.copying import snapshot_to_file

        folder = backups_dir_for(db.path, for_writing=True)
        return snapshot_to_file(db, folder / backup_name(db.path, datetime.now(), reason))
    try:
        if same_as is not None:
            return take_backup(db.path, reason, same_as=same_as)
        with db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            return take_backup(db.path, reason, source=raw)
    except (OSError, sqlite3.Error) as exc:
        raise classify(exc, db.path) from exc


__all__ = [
    "AUDITED",
    "BUSY_TIMEOUT_MS",
    "SQLITE_HEADER",
    "BackupFile",
    "BackupPolicy",
    "ConcurrentEdit",
    "Database",
    "DatabaseNotice",
    "DatabaseProblem",
    "OpenOptions",
    "backup_before",
    "backup_file",
    "backups_dir_for",
    "classify",
    "current_user",
    "expect_version",
    "head_revision",
    "known_revisions",
    "list_backups",
    "make_engine",
    "migrate",
    "newest_good_backup",
    "open_database",
    "open_for_reading",
    "remove_database_files",
    "take_backup",
    "take_daily_backup",
    "verify_file",
]
