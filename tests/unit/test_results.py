"""Results after the week in the core: the result note (migration 0004) stored, validated and kept local, the
cities' returns filling status and participants on import while the local note stays."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from lifelong_desktop.db import head_revision, open_database
from lifelong_desktop.models import Activity
from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import ActivityInput, PlanningError
from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.submission.importing.importer import apply_import
from lifelong_desktop.submission.writing.export import export_programme
from tests.helpers.hostile import mh
from tests.unit.test_import import dalian

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema"
pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.mark.sqlite_only
def test_the_0003_database_gets_an_empty_result_note_on_every_activity(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(SCHEMA / "0003.sqlite", path)
    assert head_revision() >= "0004"  # 0004 added the note; later revisions keep it
    db = open_database(path)
    with db.read() as s:
        rows = activity_rows(s, 1)
        assert rows and {r.result_note for r in rows} == {""}
    db.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM attachment").fetchone() == (5,)
    assert con.execute("SELECT count(*) FROM activity WHERE result_note = ''").fetchone()[0] == 80
    con.close()


def _one(db):
    with db.read() as s:
        return next(r for r in activity_rows(s, 1) if r.title == "大连市民讲座")


def test_a_return_fills_the_results_and_keeps_the_local_note(db, tmp_path):
    mh_province = mh.build_workbook(tmp_path / "own.xlsx", activities=[mh.sample_activity()])
    assert apply_import(db, mh_province).applied
    assert apply_import(db, dalian(tmp_path)).applied
    row = _one(db)
    with db.transaction("note") as s:
        planning.update_activity(
            s, row.id, ActivityInput.from_row(row).replace(result_note="现场气氛热烈"), row.version
        )
    held = [
        mh.sample_activity(
            activity_id=row.uid,
            title="大连市民讲座",
            city_code="210200",
            venue="大连图书馆",
            status="已举办",
            actual_participants=186,
            online_participants=2400,
        )
    ]
    outcome = apply_import(db, dalian(tmp_path, "held.xlsx", seq=2, activities=held))
    assert outcome.applied and outcome.counts["updated"] == 1
    after = _one(db)
    assert (after.status, after.actual_participants, after.online_participants) == ("held", 186, 2400)
    assert after.result_note == "现场气氛热烈"  # the workbook has no column for it: the local note stays


def test_the_note_is_not_written_to_the_workbook(db, tmp_path):
    assert apply_import(
        db, mh.build_workbook(tmp_path / "own.xlsx", activities=[mh.sample_activity()])
    ).applied
    with db.transaction("note") as s:
        act = s.scalars(select(Activity)).first()
        act.result_note = "独一无二的结果说明"
    out = tmp_path / "e.xlsx"
    with db.transaction("export") as s:
        from lifelong_desktop.models import Programme

        export_programme(s, s.scalars(select(Programme)).one(), out)
    import zipfile

    with zipfile.ZipFile(out) as z:
        assert all("独一无二的结果说明" not in z.read(n).decode("utf-8", "ignore") for n in z.namelist())


def test_a_note_too_long_or_with_control_characters_is_refused(db, tmp_path):
    assert apply_import(
        db, mh.build_workbook(tmp_path / "own.xlsx", activities=[mh.sample_activity()])
    ).applied
    with db.read() as s:
        row = activity_rows(s, 1)[0]
    for note, code in (("好" * 201, "result_note_too_long"), ("a\x07b", "control_character")):
        try:
            with db.transaction("note") as s:
                planning.update_activity(
                    s, row.id, ActivityInput.from_row(row).replace(result_note=note), row.version
                )
        except PlanningError as exc:
            assert exc.code == code
        else:
            raise AssertionError(f"{code} not refused")


def test_copies_and_next_year_start_without_a_note(db, tmp_path):
    assert apply_import(
        db, mh.build_workbook(tmp_path / "own.xlsx", activities=[mh.sample_activity()])
    ).applied
    with db.read() as s:
        row = activity_rows(s, 1)[0]
    with db.transaction("note") as s:
        planning.update_activity(
            s, row.id, ActivityInput.from_row(row).replace(status="held", result_note="好"), row.version
        )
    with db.transaction("copy") as s:
        copy = planning.duplicate_activities(s, [row.id])[0]
        new_programme, ids = planning.new_programme_from(s, 1, copy_activities=True)
    with db.read() as s:
        notes = {r.id: r.result_note for r in activity_rows(s, 1)}
        notes |= {r.id: r.result_note for r in activity_rows(s, new_programme)}
    assert notes[row.id] == "好" and notes[copy] == "" and all(notes[i] == "" for i in ids)
