"""Schema migrations (Alembic): bringing a database file to the newest revision safely, with a backup first."""

from __future__ import annotations

import sqlite3
import sys
import tempfile
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


def migrate(path: Path, engine: Engine, *, backup: bool = True, saved: bool = True) -> str | None:
    """Bring the file to the newest schema; returns the revision it had when it needed upgrading.

    A file holding data of an older revision is copied to the backups folder first. Foreign keys are off
    while Alembic rebuilds tables (SQLite's "batch" recreate would otherwise cascade-delete child rows) and
    PRAGMA foreign_key_check must come back empty before the upgrade is committed. A new, empty file gets
    the schema the migrations would give it from saved statements (db.fresh), when they reach the head
    (`saved=False`: the migrations run all the same).
    """
    current = current_revision(path) if path.exists() and path.stat().st_size > 0 else None
    if current == head_revision():
        return None
    check_revision(path, current)
    if current is None and saved and _create_new(engine):
        return ""
    if current is not None and backup:
        take_backup(path, "migration")
    from alembic import command

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


def _create_new(engine: Engine) -> bool:
    """The saved newest schema created in an empty database (False, nothing done, when there is none)."""
    from lifelong_desktop.db.fresh import create_schema, saved_statements

    statements = saved_statements()
    if statements is None:
        return False
    with engine.connect() as conn, conn.begin():
        create_schema(sqlite_connection(conn), statements)
    return True


def write_saved(target: Path | None = None) -> Path:
    """Save the statements of a new file made by the migrations for db.fresh (after adding a revision)."""
    import json

    from lifelong_desktop import paths
    from lifelong_desktop.db import fresh
    from lifelong_desktop.db.engine import make_engine
    from lifelong_desktop.files import write_bytes

    target = target or paths.resource(*fresh.SAVED)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "new.sqlite"
        engine = make_engine(path)
        try:
            migrate(path, engine, backup=False, saved=False)
        finally:
            engine.dispose()
        con = sqlite3.connect(path)
        try:
            statements = fresh.schema_statements(con)
        finally:
            con.close()
    text = json.dumps({"revision": head_revision(), "statements": statements}, ensure_ascii=False, indent=1)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(target, (text + "\n").encode("utf-8"))
    fresh._saved.cache_clear()
    return target


if __name__ == "__main__":  # python -m lifelong_desktop.db.migrations [FILE]: write the saved schema
    print(write_saved(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
