"""Opening a database runs the Alembic migrations to head, and the migrated schema is exactly the models'."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from lifelong_desktop.db import DatabaseProblem, head_revision, list_backups, open_database
from lifelong_desktop.models import Base, Programme


def _version(path) -> list[tuple[str]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("empty_file", [True, False])
def test_open_database_migrates_to_head_and_stamps_it(db_path, empty_file):
    if empty_file:
        db_path.touch()
    db = open_database(db_path)
    db.close()
    assert head_revision()
    assert _version(db_path) == [(head_revision(),)]


def test_migrated_schema_equals_the_models_metadata(db):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
        assert compare_metadata(context, Base.metadata) == []


def test_migrated_check_constraints_equal_the_models(db):
    """compare_metadata does not look at CHECK constraints; compare their names table by table."""
    reflected = inspect(db.engine)
    reference = create_engine("sqlite://")
    Base.metadata.create_all(reference)
    expected = inspect(reference)
    for table in Base.metadata.tables:
        got = {c["name"] for c in reflected.get_check_constraints(table)}
        want = {c["name"] for c in expected.get_check_constraints(table)}
        assert got == want, table
        assert {c["name"] for c in reflected.get_foreign_keys(table)} == {
            c["name"] for c in expected.get_foreign_keys(table)
        }, table
    reference.dispose()


def test_reopening_a_current_database_changes_nothing(db_path):
    db = open_database(db_path)
    with db.transaction("新建计划") as s:
        s.add(
            Programme(region_code="210000", region_name="辽宁省", year=2024, theme="让学习成为一种生活方式")
        )
    db.close()
    con = sqlite3.connect(db_path)
    schema_before = con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    con.close()
    db = open_database(db_path)
    with db.read() as s:
        assert [p.theme for p in s.query(Programme)] == ["让学习成为一种生活方式"]
    db.close()
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema_before
    con.close()
    assert _version(db_path) == [(head_revision(),)]
    # no migration ran, so no pre-migration copy was taken (the daily copy on open is another matter)
    assert "migration" not in {b.reason for b in list_backups(db_path)}


def test_a_database_of_another_program_is_left_alone(db_path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem) as info:
        open_database(db_path)
    assert info.value.code == "not_ours"
    con = sqlite3.connect(db_path)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["invoices"]
    con.close()
