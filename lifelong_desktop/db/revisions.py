"""Which schema revision a database file has, and which revisions this version of the app knows (Alembic)."""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

from lifelong_desktop import paths
from lifelong_desktop.db.engine import BUSY_TIMEOUT_MS


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
