"""The stored rows of a resubmission's programme read while the workbook is read (importing/ahead), in a forked
child or in a thread: used only when they are that programme's and nothing was committed since, and the
import's output is the same with and without them. Every test runs both ways."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest
from sqlalchemy import text

from lifelong_desktop import forking
from lifelong_desktop.cli import main
from lifelong_desktop.db import open_database
from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.submission.importing import ahead as ahead_module
from lifelong_desktop.submission.importing.ahead import StoredAhead
from lifelong_desktop.submission.reading import scan_ahead
from tests.helpers.hostile import mh

pytestmark = pytest.mark.sqlite_only  # about a second connection on the file

WAYS = ["child", "thread"] if hasattr(os, "fork") else ["thread"]


@pytest.fixture(autouse=True, params=WAYS)
def way(request):
    """Each test with the rows read in a child (whatever the file's size and the machine's load) and in a
    thread; patched apart from the tests' own monkeypatch, which some of them undo."""
    with pytest.MonkeyPatch.context() as mp:
        if request.param == "child":
            mp.setattr(ahead_module, "CHILD_BYTES", 0)
            mp.setattr(forking, "spare_core", lambda **_: True)
        else:
            mp.setattr(ahead_module, "CHILD_BYTES", None)
        yield request.param


def _dump(path) -> str:
    con = sqlite3.connect(path)
    try:
        rows = []
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            if table == "audit_entry":  # its time stamps differ from run to run
                rows.append(str(con.execute("SELECT action, entity, entity_id FROM audit_entry").fetchall()))
                continue
            stamps = {"created_at", "updated_at", "imported_at", "at"}
            cols = [c[1] for c in con.execute(f"PRAGMA table_info({table})") if c[1] not in stamps]
            rows.append(str(con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1").fetchall()))
        return "\n".join(rows)
    finally:
        con.close()


@pytest.fixture
def stored(tmp_path):
    """A database holding the sample activity and its branch, and the workbook of both."""
    path = tmp_path / "plan.sqlite"
    both = mh.build_workbook(tmp_path / "both.xlsx", activities=mh.main_and_branch())
    assert main(["import", "--db", str(path), str(both)]) == 0
    return path, both


def _programme_id(path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT id FROM programme").fetchone()[0]
    finally:
        con.close()


def _commit_elsewhere(path, title: str = "另一个标题") -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("UPDATE activity SET title = ? WHERE title = '分会场'", (title,))
        con.commit()
    finally:
        con.close()


def _in_transaction(path, read):
    """`read(session)` inside a write transaction of the app's own connection, after its first statement."""
    db = open_database(path)
    try:
        with db.transaction() as session:
            session.execute(text("SELECT 1 FROM programme"))
            return read(session)
    finally:
        db.close()


def _ahead_and_fresh(path) -> tuple:
    """The rows read ahead as the import's transaction is handed them, and those it reads itself."""
    pid = _programme_id(path)
    ahead = StoredAhead(path, None)
    ahead.start()
    try:
        return _in_transaction(path, lambda s: (ahead.rows(pid), activity_rows(s, pid)))
    finally:
        ahead.close()


def test_rows_read_ahead_are_those_the_transaction_reads(stored):
    path, _ = stored
    got, fresh = _ahead_and_fresh(path)
    assert got is not None and len(got) == 2
    assert got == fresh


def test_the_child_reads_them_and_the_thread_alone_otherwise(stored, way, monkeypatch):
    path, _ = stored
    taken: list[bool] = []
    from_child = StoredAhead._from_child
    monkeypatch.setattr(StoredAhead, "_from_child", lambda self: taken.append(from_child(self)) or taken[-1])
    got, _fresh = _ahead_and_fresh(path)
    assert got is not None and len(got) == 2
    assert taken == ([True] if way == "child" else [])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a forked child")
@pytest.mark.parametrize("way", ["child"], indirect=True)
def test_rows_are_read_here_when_the_child_gives_none(stored, way, monkeypatch):
    path, _ = stored

    def dies(*_args):
        os._exit(9)  # killed, out of memory: no answer

    monkeypatch.setattr(ahead_module, "_child_rows", dies)
    got, fresh = _ahead_and_fresh(path)
    assert got == fresh and len(got) == 2


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a forked child")
@pytest.mark.parametrize("way", ["child"], indirect=True)
def test_a_child_not_waited_for_is_stopped(stored, way):
    path, _ = stored
    ahead = StoredAhead(path, None)
    ahead._fork()  # started, its thread never run
    child = ahead._child
    assert child is not None
    ahead.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # reaped: no process left behind


def test_a_commit_after_the_read_makes_them_unused(stored):
    path, _ = stored
    pid = _programme_id(path)
    ahead = StoredAhead(path, None)
    ahead.start()
    ahead.wait()  # read before the change
    _commit_elsewhere(path)
    try:
        got = _in_transaction(path, lambda s: ahead.rows(pid))
    finally:
        ahead.close()
    assert got is None


def test_another_programme_or_year_gives_none(stored):
    path, _ = stored
    pid = _programme_id(path)
    for year, asked in ((None, pid + 1), (2023, pid)):
        ahead = StoredAhead(path, year)
        ahead.start()
        try:
            assert _in_transaction(path, lambda s, asked=asked, ahead=ahead: ahead.rows(asked)) is None
        finally:
            ahead.close()
    ahead = StoredAhead(path, 2024)  # the programme's year, given
    ahead.start()
    try:
        assert _in_transaction(path, lambda s: ahead.rows(pid)) is not None
    finally:
        ahead.close()


def test_a_file_the_open_would_migrate_is_not_read(stored):
    path, _ = stored
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'older'")
    con.commit()
    con.close()
    ahead = StoredAhead(path, None)
    ahead.start()
    ahead.wait()
    assert ahead._got is None
    ahead.close()
    ahead = StoredAhead(path.with_name("missing.sqlite"), None)  # no file: nothing, no exception
    ahead.start()
    ahead.close()
    assert not path.with_name("missing.sqlite").exists()


def _forked(monkeypatch) -> list:
    """Make `lifelong import` fork the scan for a small workbook (so its wait reads ahead); the rows handed."""
    monkeypatch.setattr(scan_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: True)
    handed: list = []
    rows = StoredAhead.rows
    monkeypatch.setattr(StoredAhead, "rows", lambda self, pid: handed.append(rows(self, pid)) or handed[-1])
    return handed


@pytest.mark.parametrize("more", [(), ("--dry-run",), ("--prune",)])
def test_the_import_is_the_same_with_rows_read_ahead(tmp_path, stored, monkeypatch, capsys, more):
    path, both = stored
    branch_only = mh.build_workbook(
        tmp_path / "changed.xlsx",
        activities=[mh.sample_activity(title="开幕式（改）")],
        header=mh.sample_header(submission_seq="4"),
    )
    plain = tmp_path / "plain.sqlite"
    plain.write_bytes(path.read_bytes())
    outputs = []
    for book in (both, branch_only):
        monkeypatch.setattr(StoredAhead, "start", lambda self: None)  # as before: nothing read ahead
        code = main(["import", "--db", str(plain), str(book), "--json", *more])
        outputs.append((code, json.loads(capsys.readouterr().out)))
        monkeypatch.undo()
        handed = _forked(monkeypatch)
        code = main(["import", "--db", str(path), str(book), "--json", *more])
        outputs.append((code, json.loads(capsys.readouterr().out)))
        monkeypatch.undo()
        assert handed and handed[0] is not None  # the rows read ahead were used
        assert outputs[-1] == outputs[-2]
        assert _dump(path) == _dump(plain)


def test_a_change_committed_meanwhile_is_seen(stored, tmp_path, monkeypatch, capsys):
    path, both = stored
    plain = tmp_path / "plain.sqlite"
    plain.write_bytes(path.read_bytes())
    _commit_elsewhere(plain)
    monkeypatch.setattr(StoredAhead, "start", lambda self: None)
    assert main(["import", "--db", str(plain), str(both), "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    monkeypatch.undo()
    handed = _forked(monkeypatch)
    read = ahead_module.StoredAhead._read

    def then_commit(self):
        read(self)
        _commit_elsewhere(path)  # another planner saves after the rows were read, before the import writes

    monkeypatch.setattr(ahead_module.StoredAhead, "_read", then_commit)
    assert main(["import", "--db", str(path), str(both), "--json"]) == 0
    assert handed == [None]  # stale: the import read them itself
    assert json.loads(capsys.readouterr().out) == expected
    assert _dump(path) == _dump(plain)


def test_the_database_opened_meanwhile_is_the_one_the_import_uses(stored, monkeypatch, capsys):
    path, both = stored
    _forked(monkeypatch)
    from lifelong_desktop.commands import validate as commands

    calls: list[int] = []
    open_db = commands.open_db
    monkeypatch.setattr(commands, "open_db", lambda *a, **k: calls.append(1) or open_db(*a, **k))
    assert main(["import", "--db", str(path), str(both), "--json"]) == 0
    assert calls == []  # opened in the reading thread
    assert json.loads(capsys.readouterr().out)["counts"]["unchanged"] == 2


def test_a_workbook_with_errors_leaves_the_database_opened_meanwhile_untouched(
    stored, tmp_path, monkeypatch, capsys
):
    path, _ = stored
    bad = mh.build_workbook(tmp_path / "bad.xlsx", activities=[mh.sample_activity(title="")])
    before = _dump(path)
    handed = _forked(monkeypatch)
    assert main(["import", "--db", str(path), str(bad)]) == 1
    err = capsys.readouterr().err
    assert handed == []  # never asked: nothing planned
    assert _dump(path) == before
    assert not list(path.parent.glob("backups*/*"))  # no copy taken for an import refused
    assert "Traceback" not in err


def test_a_problem_met_opening_meanwhile_is_said_as_before(stored, monkeypatch, capsys):
    from lifelong_desktop import db as db_package
    from lifelong_desktop.db import DatabaseProblem

    path, both = stored
    calls: list[int] = []

    def locked(*args, **kwargs):
        calls.append(1)
        raise DatabaseProblem("locked", path, "held by another program")

    monkeypatch.setattr(db_package, "open_database", locked)
    assert main(["import", "--db", str(path), str(both)]) == 3
    expected = capsys.readouterr().err
    _forked(monkeypatch)
    monkeypatch.setattr(db_package, "open_database", locked)
    assert main(["import", "--db", str(path), str(both)]) == 3
    assert capsys.readouterr().err == expected
    assert len(calls) == 2  # once each: the second in the reading thread, not again after it
