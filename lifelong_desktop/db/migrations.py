"""Schema migrations (Alembic): which revision a file has, and bringing it to the newest one safely."""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from lifelong_desktop import paths
from lifelong_desktop.db.engine import BUSY_TIMEOUT_MS
from lifelong_desktop.db.problems import DatabaseProblem


def script_location() -> Path:
    """The Alembic script folder (a function so tests can point it at a throw-away copy)."""
    return paths.migrations_dir()


def _alembic_config(connection: Any, location: Path | None = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(location or script_location()))
    cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=8)
def _revisions(location: str) -> tuple[str, frozenset[str]]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(None, Path(location)))
    return script.get_current_head() or "", frozenset(rev.revision for rev in script.walk_revisions())


def head_revision() -> str:
    return _revisions(str(script_location()))[0]


def known_revisions() -> set[str]:
    return set(_revisions(str(script_location()))[1])


def revision_of(con: sqlite3.Connection) -> str | None:
    """The Alembic revision stamped in a database: None when empty, "" when it holds another program's tables."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        return "" if tables - {"sqlite_sequence"} else None
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def current_revision(path: Path) -> str | None:
    """The revision stamped in the file (None for an empty database)."""
    con = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return revision_of(con)
    finally:
        con.close()


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
        from lifelong_desktop.db.backups import take_backup

        take_backup(path, "migration")
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
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
