"""A new, empty SQLite file given the newest schema from saved statements instead of running every migration.

Running the Alembic revisions on a new file (importing Alembic, then rebuilding tables in batch mode) costs
more than a whole small import. The statements a new file ends up with, in `sqlite_master` order, are saved
in resources/schema/sqlite.json with the revision they reach; `create_schema` replays them and stamps that
revision, giving the same schema as the migrations (tests/unit/test_fresh_schema.py compares the two). The
saved statements are used only while their revision is the head of the app's own migration scripts: after a
new revision they are passed over (the migrations run, as before) until they are written again with
`python -m lifelong_desktop.db.migrations`.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache

from lifelong_desktop import paths
from lifelong_desktop.db import revisions

SAVED = ("schema", "sqlite.json")


def schema_statements(con: sqlite3.Connection) -> list[str]:
    """The CREATE statements of a database in the order SQLite keeps them (implicit indexes have none)."""
    rows = con.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
    return [r[0] for r in rows]


@cache
def _saved() -> tuple[str, tuple[str, ...]] | None:
    try:
        saved = json.loads(paths.resource(*SAVED).read_text(encoding="utf-8"))
        return str(saved["revision"]), tuple(str(s) for s in saved["statements"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def saved_statements() -> tuple[str, ...] | None:
    """The saved statements when they reach the head of the app's own migration scripts, else None."""
    location = revisions.script_location()
    if location != paths.migrations_dir():  # scripts other than the app's (tests): their own migrations
        return None
    saved = _saved()
    if saved is None or saved[0] != revisions.head_revision():
        return None
    return saved[1]


def create_schema(con: sqlite3.Connection, statements: tuple[str, ...]) -> None:
    """Create the saved schema and stamp its revision, in the caller's transaction on an empty database."""
    for statement in statements:
        con.execute(statement)
    con.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (revisions.head_revision(),))
