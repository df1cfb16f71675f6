"""A new file gets the newest schema from saved statements (db.fresh): the same schema as the migrations give,
and the migrations still run when the saved statements are behind the scripts."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from lifelong_desktop.db import fresh, migrations, open_database, revisions
from lifelong_desktop.db.engine import make_engine

pytestmark = pytest.mark.sqlite_only


def _schema(path: Path) -> tuple:
    """Everything about a file's schema that SQL can see (not where its pages lie)."""
    con = sqlite3.connect(path)
    try:
        return (
            con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall(),
            con.execute("SELECT * FROM alembic_version").fetchall(),
            [con.execute(f"PRAGMA {p}").fetchall() for p in ("user_version", "application_id", "page_size")],
            [
                con.execute(f"PRAGMA table_info({t})").fetchall()
                + con.execute(f"PRAGMA foreign_key_list({t})").fetchall()
                for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            ],
        )
    finally:
        con.close()


def _by_migrations(path: Path) -> None:
    engine = make_engine(path)
    try:
        migrations.migrate(path, engine, backup=False, saved=False)
    finally:
        engine.dispose()


def test_a_new_file_has_the_schema_the_migrations_give(tmp_path, monkeypatch):
    _by_migrations(tmp_path / "migrated.sqlite")
    used: list[int] = []
    create = fresh.create_schema
    monkeypatch.setattr(fresh, "create_schema", lambda con, s: used.append(1) or create(con, s))
    open_database(tmp_path / "new.sqlite").close()
    assert used == [1]  # made from the saved statements
    assert _schema(tmp_path / "new.sqlite") == _schema(tmp_path / "migrated.sqlite")
    assert _schema(tmp_path / "new.sqlite")[1] == [(revisions.head_revision(),)]


def test_the_saved_statements_reach_the_newest_revision():
    assert fresh.saved_statements() is not None, (
        "resources/schema/sqlite.json is behind the migration scripts: "
        "run `python -m lifelong_desktop.db.migrations` after adding a revision"
    )


def test_behind_the_scripts_the_migrations_run(tmp_path, monkeypatch):
    scripts = tmp_path / "scripts"
    shutil.copytree(revisions.script_location(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = revisions.head_revision()
    (scripts / "versions" / "9999_extra.py").write_text(
        '"""extra"""\nimport sqlalchemy as sa\nfrom alembic import op\n\n'
        f'revision = "9999"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n\n\n'
        'def upgrade() -> None:\n    op.create_table("extra", sa.Column("id", sa.Integer(), primary_key=True))\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(revisions, "script_location", lambda: scripts)
    assert fresh.saved_statements() is None
    open_database(tmp_path / "new.sqlite").close()
    tables, version, *_ = _schema(tmp_path / "new.sqlite")
    assert version == [("9999",)]
    assert ("table", "extra", "extra") in [t[:3] for t in tables]


def test_saved_statements_of_another_revision_are_passed_over(tmp_path, monkeypatch):
    monkeypatch.setattr(fresh, "_saved", lambda: ("0001", ("CREATE TABLE wrong (id INTEGER)",)))
    assert fresh.saved_statements() is None
    open_database(tmp_path / "new.sqlite").close()
    _by_migrations(tmp_path / "migrated.sqlite")
    assert _schema(tmp_path / "new.sqlite") == _schema(tmp_path / "migrated.sqlite")


def test_write_saved_gives_the_statements_in_use(tmp_path):
    written = migrations.write_saved(tmp_path / "sqlite.json")
    assert written.read_text(encoding="utf-8") == Path(fresh.paths.resource(*fresh.SAVED)).read_text(
        encoding="utf-8"
    )
