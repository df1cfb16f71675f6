"""Which schema revision a database file has, and which revisions this version of the app knows (Alembic)."""

from __future__ import annotations

import ast
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

from lifelong_desktop import paths
from lifelong_desktop.db.engine import BUSY_TIMEOUT_MS, OpenOptions
from lifelong_desktop.db.location import sqlite_uri


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
    """The head and every revision of the scripts, read from their text: opening a database needs no
    Alembic (its import costs more than the rest of the open). Alembic reads them when the graph is not
    one simple line (branches, merges), so the answer is always Alembic's."""
    try:
        found = [_declared(path) for path in sorted((Path(location) / "versions").glob("*.py"))]
    except (OSError, SyntaxError, ValueError):
        return _alembic_revisions(location)
    graph = {rev: down for rev, down in found if rev}
    downs = {d for down in graph.values() for d in (down if isinstance(down, tuple) else (down,))}
    heads = set(graph) - downs
    if len(heads) == 1 and all(isinstance(d, str | None) for d in graph.values()):
        return heads.pop(), frozenset(graph)
    return _alembic_revisions(location)


def _declared(path: Path) -> tuple[str | None, Any]:
    """The `revision` and `down_revision` a script assigns at its top level (None when it has none)."""
    values: dict[str, Any] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        target, value = None, None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision") and value is not None:
            values[target.id] = ast.literal_eval(value)  # ValueError when not a plain literal
    return values.get("revision"), values.get("down_revision")


def _alembic_revisions(location: str) -> tuple[str, frozenset[str]]:
    from alembic.script import ScriptDirectory  # heavy (SQLAlchemy DDL, Mako): only for unusual graphs

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


def taken_as_is(con: sqlite3.Connection) -> bool:
    """Whether the app's full open takes this file as it is: the newest schema revision and the app's journal
    mode (else it migrates it or opens it otherwise). Readers beside the open (`check`'s plain read, the rows
    read ahead for an import or for the window) read only such a file."""
    if revision_of(con) != head_revision():
        return False
    return con.execute("PRAGMA journal_mode").fetchone()[0] == OpenOptions().journal_mode


def current_revision(path: Path) -> str | None:
    """The revision stamped in the file (None for an empty database)."""
    con = sqlite3.connect(sqlite_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return revision_of(con)
    finally:
        con.close()
