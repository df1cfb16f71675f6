"""Every earlier schema revision upgrades to the newest one with all its data, and foreign keys are off
while Alembic's SQLite "batch" mode rebuilds a table (else ON DELETE CASCADE empties the child tables)."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from lifelong_desktop.db import (
    head_revision,
    known_revisions,
    list_backups,
    migrations,
    open_database,
    revisions,
)
from lifelong_desktop.services.rows import activity_rows
from tests.helpers.reliability_data import sound

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema"
FIXTURES = sorted(SCHEMA.glob("*.sqlite"))


def _rows(path: Path) -> dict[str, dict[tuple, dict[str, object]]]:
    """Every row of every table, keyed by its primary key (all columns when the table has none)."""
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        out = {}
        for (table,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ):
            info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
            pk = [c["name"] for c in sorted(info, key=lambda c: c["pk"]) if c["pk"]] or [
                c["name"] for c in info
            ]
            out[table] = {tuple(r[k] for k in pk): dict(r) for r in con.execute(f'SELECT * FROM "{table}"')}
        return out
    finally:
        con.close()


def _assert_kept(
    before: dict, after: dict, *, skip_tables: set[str] = frozenset({"alembic_version"})
) -> None:
    for table, rows in before.items():
        if table in skip_tables:
            continue
        assert table in after, f"table {table} disappeared"
        assert after[table].keys() == rows.keys(), f"rows of {table} lost or added"
        for key, row in rows.items():
            new = after[table][key]
            assert {k: v for k, v in row.items() if k in new} == {k: new[k] for k in row if k in new}, (
                table,
                key,
            )
            assert set(row) <= set(new), f"columns of {table} dropped: {set(row) - set(new)}"


def test_there_is_a_fixture_for_every_earlier_revision():
    have = {p.stem for p in FIXTURES}
    missing = known_revisions() - {head_revision()} - have
    assert not missing, f"make fixtures with tests/data/schema/make_fixtures.py for: {sorted(missing)}"
    assert FIXTURES, "no fixture databases at all"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_upgrades_to_head_with_all_its_data(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    before = _rows(path)
    assert before["activity"] and before["activity_organisation"]
    db = open_database(path)
    with db.read() as s:
        rows = activity_rows(s, 1)
        assert len(rows) == len([r for r in before["activity"].values() if r["programme_id"] == 1])
    db.close()
    after = _rows(path)
    assert after["alembic_version"] == {(head_revision(),): {"version_num": head_revision()}}
    _assert_kept(before, after)
    sound(path)
    if fixture.stem != head_revision():
        assert [b.reason for b in list_backups(path)][:1] == ["migration"]


BATCH_REVISION = '''
"""throw-away: rebuild the activity table (Alembic batch mode recreates it: copy, drop, rename)"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("activity", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("activity", recreate="always") as batch_op:
        batch_op.drop_column("note")
'''


@pytest.fixture
def batch_scripts(tmp_path, monkeypatch):
    """A copy of the migrations folder with one more revision that recreates the activity table."""
    scripts = tmp_path / "migrations"
    shutil.copytree(revisions.script_location(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_rebuild_activity.py").write_text(
        textwrap.dedent(BATCH_REVISION).replace("{head}", head_revision()), encoding="utf-8"
    )
    monkeypatch.setattr(revisions, "script_location", lambda: scripts)
    return scripts


def test_a_batch_rebuild_of_activity_keeps_its_organisers_links(batch_scripts, tmp_path):
    path = tmp_path / "plan.sqlite"
    shutil.copy(
        SCHEMA / f"{head_revision()}.sqlite"
        if (SCHEMA / f"{head_revision()}.sqlite").exists()
        else FIXTURES[-1],
        path,
    )
    before = _rows(path)
    db = open_database(path)
    db.close()
    after = _rows(path)
    assert after["alembic_version"] == {("9001",): {"version_num": "9001"}}
    assert len(after["activity_organisation"]) == len(before["activity_organisation"]) > 0
    _assert_kept(before, after)
    assert all(row["note"] == "" for row in after["activity"].values())
    sound(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA foreign_keys").fetchone() == (0,)  # per connection: nothing persisted
    con.close()
    assert [b.reason for b in list_backups(path)] == ["migration"]  # a copy was taken before upgrading


def test_the_same_rebuild_with_foreign_keys_on_would_lose_the_links(batch_scripts, tmp_path):
    """The pitfall the migration code avoids: proves the test above can fail."""
    from alembic import command

    path = tmp_path / "plan.sqlite"
    shutil.copy(FIXTURES[-1], path)
    links = len(_rows(path)["activity_organisation"])
    engine = create_engine(f"sqlite:///{path.as_posix()}")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        command.upgrade(migrations._alembic_config(conn), "head")
    engine.dispose()
    assert len(_rows(path)["activity_organisation"]) < links


def test_a_failed_foreign_key_check_abandons_the_upgrade(batch_scripts, tmp_path):
    path = tmp_path / "plan.sqlite"
    shutil.copy(FIXTURES[-1], path)
    con = sqlite3.connect(path)  # a dangling link, as an old bug might have left one
    con.execute("INSERT INTO activity_organisation VALUES (9999, 'host', 0, 1, 0)")
    con.commit()
    con.close()
    before = _rows(path)
    from lifelong_desktop.db import DatabaseProblem

    with pytest.raises(DatabaseProblem) as info:
        open_database(path)
    assert info.value.code == "migration_failed"
    after = _rows(path)
    assert after == before  # still the old revision, every row as it was
