"""Schema migrations (Alembic): bringing a database file to the newest revision safely, with a backup first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

from lifelong_desktop.db.backups import take_backup
from lifelong_desktop.db.engine import sqlite_connection
from lifelong_desktop.db.problems import DatabaseProblem
from lifelong_desktop.db.revisions import (
    _alembic_config,
    current_revision,
    head_revision,
    known_revisions,
)


def check_revision(path: Path, current: str | None) -> None:
    """Refuse another program's database and one made by a newer version of this app (both left unchanged)."""
    if current == "":
        raise DatabaseProblem("not_ours", path)
    if current is not None and current not in known_revisions():
        raise DatabaseProblem("newer_version", path, current)


def migrate(path: Path, engine: Engine, *, backup: bool = True) -> str | None:
    """Bring the file to the newest schema; returns the revision it had when it needed upgrading.

    A file holding data of an older revision is copied to the backups folder first. Foreign keys are off
    while Alembic rebuilds tables (SQLite's "batch" recreate would otherwise cascade-delete child rows) and
    PRAGMA foreign_key_check must come back empty before the upgrade is committed.
    """
    from alembic import command

    current = current_revision(path) if path.exists() and path.stat().st_size > 0 else None
    if current == head_revision():
        return None
    check_revision(path, current)
    if current is not None and backup:
        take_backup(path, "migration")
    with engine.connect() as conn:
        raw = sqlite_connection(conn)
        raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, else SQLite ignores it
        try:
            with conn.begin():
                command.upgrade(_alembic_config(conn), "head")
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseProblem("migration_failed", path, f"foreign_key_check: {problems[:3]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    return current or ""
