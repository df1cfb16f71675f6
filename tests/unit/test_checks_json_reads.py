"""`lifelong check` reads a file's activities as JSON arrays SQLite makes in one step (the narrow pass,
narrowing._read_json; the activities picked, load.read_json): the very values a read row by row gives, for any
text, and a read row by row where JSON cannot hold a value exactly (a BLOB; a REAL where whole numbers are
kept), with the same findings either way."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from lifelong_desktop.db import open_database
from lifelong_desktop.db.preflight import open_plain
from lifelong_desktop.services.checks import load, narrowing
from lifelong_desktop.services.checks.runner import PlanWindow, check_rows, run_checks_on
from tests.unit.test_checks_narrowing import TODAY, _programme

TRICKY = ['a"b\\c', "\n\t\x01\x1f", "😀《讲座》", "\u2028\u2029", "", " ", "'; --", "\\u0041", "é"]


def _plan(db, db_path, problems: float = 0.2) -> tuple[int, PlanWindow]:
    with db.transaction("t") as s:
        plan = _programme(s, 2, problems)
        found = plan.p.id, PlanWindow(plan.p.window_start, plan.p.window_end)
    db.close()
    return found


def _edit(db_path, *statements: tuple[str, tuple]) -> None:
    """Values the app never writes, written past it."""
    con = sqlite3.connect(db_path)
    for sql, params in statements:
        con.execute(sql, params)
    con.commit()
    con.close()


def _findings(db_path, pid: int, window: PlanWindow) -> tuple[list, list]:
    """The findings of `lifelong check`'s way (the file opened plainly, a second connection beside) and those
    of the rules over every activity read row by row."""
    every_db = open_database(db_path)  # (the day's backup, taken on the first open with data)
    with every_db.read() as s:
        every = check_rows(load.check_rows_of(s, pid), window, today=TODAY)
    every_db.close()
    opened = open_plain(Path(db_path))
    assert opened is not None and opened.sound()
    try:
        twin = opened.begin()
        assert twin is not None
        found = run_checks_on(opened.connection.cursor(), pid, window, today=TODAY, beside=twin.cursor())
        twin.close()
    finally:
        opened.close()
    return [f.as_dict("en") for f in found], [f.as_dict("en") for f in every]


def test_json_reads_give_the_values_of_rows(db, db_path):
    pid, window = _plan(db, db_path)
    ids = [r[0] for r in sqlite3.connect(db_path).execute("SELECT id FROM activity ORDER BY id")]
    _edit(
        db_path,
        *(
            (f"UPDATE activity SET title = ?, online_url = ? WHERE id = {i}", (t, t))
            for i, t in zip(ids[: len(TRICKY)], TRICKY, strict=True)
        ),
        (
            f"UPDATE activity SET uid = ?, expected_participants = 12345678901234567 WHERE id = {ids[-1]}",
            ('x"y',),
        ),
    )
    con = sqlite3.connect(db_path)
    live, links = narrowing._read_json(con.cursor(), pid)
    columns = [json.loads(text) for text in live]
    assert columns == [list(c) for c in zip(*con.execute(narrowing._LIVE, (pid,)).fetchall(), strict=True)]
    assert [json.loads(t) for t in links] == [
        list(c) for c in zip(*con.execute(load.UNDERTAKERS).fetchall(), strict=True)
    ]
    texts = load.read_json(con.cursor(), pid, ids)
    assert texts is not None
    assert load.rows_from_json(con.cursor(), texts) == load.check_rows_from(con.cursor(), pid, ids)
    con.close()
    found, every = _findings(db_path, pid, window)
    assert found == every


def test_values_json_cannot_hold_are_read_as_rows(db, db_path):
    pid, window = _plan(db, db_path)
    con = sqlite3.connect(db_path)
    ids = [r[0] for r in con.execute("SELECT id FROM activity WHERE venue_id IS NOT NULL ORDER BY id")]
    con.close()
    _edit(
        db_path,
        (f"UPDATE activity SET venue_id = 1.5 WHERE id = {ids[0]}", ()),  # REALs where whole numbers are kept
        (
            f"UPDATE activity SET expected_participants = 1000.0 / 3, mode = 'offline', status = 'planned' WHERE id = {ids[1]}",
            (),
        ),
    )
    con = sqlite3.connect(db_path)
    assert narrowing._read_json(con.cursor(), pid) is None
    assert load.read_json(con.cursor(), pid, ids[:2]) is None
    assert load.read_json(con.cursor(), pid, ids[2:]) is not None
    con.close()
    found, every = _findings(db_path, pid, window)
    assert found == every
    assert any(f["params"].get("expected") == 1000 / 3 for f in found)  # every digit
    _edit(db_path, (f"UPDATE activity SET online_url = X'41' WHERE id = {ids[2]}", ()))  # a BLOB
    con = sqlite3.connect(db_path)
    assert load.read_json(con.cursor(), pid, ids[2:]) is None
    con.close()
    found, every = _findings(db_path, pid, window)
    assert found == every
