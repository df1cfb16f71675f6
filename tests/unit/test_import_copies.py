"""The copies an import takes before writing (the day's first copy, the copy before the import) are made while
the plan is worked out: of the database before the import, before anything is written, and a copy that cannot
be made still stops the import with nothing written."""

from __future__ import annotations

import sqlite3
import threading
from types import SimpleNamespace

import pytest

from lifelong_desktop.cli import main
from lifelong_desktop.db import DatabaseProblem, OpenOptions, list_backups, open_database
from lifelong_desktop.submission.importing import copies, importer
from tests.helpers.hostile import mh

pytestmark = pytest.mark.sqlite_only  # about the file's copies


def _activities(path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM activity").fetchone()[0]
    finally:
        con.close()


def _dump(path) -> str:
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


@pytest.fixture
def stored(tmp_path):
    """A database holding one activity, and a workbook that adds a second one."""
    path = tmp_path / "plan.sqlite"
    first = mh.build_workbook(tmp_path / "first.xlsx", activities=[mh.sample_activity()])
    both = mh.build_workbook(tmp_path / "both.xlsx", activities=mh.main_and_branch())
    assert main(["import", "--db", str(path), str(first)]) == 0
    return path, both


def test_the_cli_takes_both_copies_of_the_database_before_the_import(stored, capsys):
    path, both = stored
    assert not list_backups(path)  # a new file is not copied
    assert main(["import", "--db", str(path), str(both)]) == 0
    taken = {b.reason: b.path for b in list_backups(path)}
    assert set(taken) == {"open", "import"}
    assert [_activities(p) for p in (taken["open"], taken["import"])] == [1, 1]
    assert _activities(path) == 2
    assert main(["import", "--db", str(path), str(both)]) == 0  # the day's copy is not taken twice
    assert sorted(b.reason for b in list_backups(path)) == ["import", "import", "open"]
    capsys.readouterr()


def test_the_copies_are_made_in_a_thread_while_the_plan_is_worked_out(stored, monkeypatch):
    path, both = stored
    db = open_database(path, defer_backup=True)
    threads: list[str] = []
    plan = importer.plan_import

    def planning(*args, **kwargs):
        threads.extend(t.name for t in threading.enumerate())
        return plan(*args, **kwargs)

    monkeypatch.setattr(importer, "plan_import", planning)
    try:
        assert db.backup_due
        assert importer.apply_import(db, both).applied
        assert not db.backup_due
    finally:
        db.close()
    assert "copies-before-import" in threads
    assert sorted(b.reason for b in list_backups(path)) == ["import", "open"]


def test_the_copy_before_the_import_is_the_day_s_copy_s_bytes_when_both_are_taken(stored, monkeypatch):
    """One backup and check of the database, not two: the copy before the import is the same state as the day's
    copy taken just before it, and is made of its bytes."""
    from lifelong_desktop.db import backups

    path, both = stored
    made: list[object] = []
    backup_file = backups.backup_file
    monkeypatch.setattr(backups, "backup_file", lambda *a, **k: made.append(a[1]) or backup_file(*a, **k))
    db = open_database(path, defer_backup=True)
    try:
        assert importer.apply_import(db, both).applied
    finally:
        db.close()
    taken = {b.reason: b.path for b in list_backups(path)}
    assert set(taken) == {"open", "import"} and len(made) == 1
    assert taken["open"].read_bytes() == taken["import"].read_bytes()
    assert _activities(taken["import"]) == 1


def test_the_copies_hold_what_was_committed_until_the_import_began(stored, monkeypatch):
    """The copies are read once the import's transaction holds the write lock: a save by another planner
    just before it is in them (restoring the copy before the import must not lose it)."""
    path, both = stored
    start = copies.CopiesFirst.start

    def start_then_another_saves(self):
        start(self)
        if self._thread is not None:
            self._thread.join(0.5)  # copies that did not wait for the transaction would be made by now
        con = sqlite3.connect(path)
        con.execute("UPDATE activity SET title = '另一位同事改的标题'")
        con.commit()
        con.close()

    monkeypatch.setattr(copies.CopiesFirst, "start", start_then_another_saves)
    db = open_database(path, defer_backup=True)
    try:
        assert importer.apply_import(db, both).applied
    finally:
        db.close()
    for backup in list_backups(path):
        con = sqlite3.connect(backup.path)
        try:
            assert con.execute("SELECT title FROM activity").fetchall() == [("另一位同事改的标题",)]
        finally:
            con.close()


def test_a_copy_that_cannot_be_made_stops_the_import_with_nothing_written(stored, monkeypatch, capsys):
    path, both = stored
    before = _dump(path)

    def fails(db, reason, same_as=None):
        raise DatabaseProblem("disk_full", db.path, "no space left")

    monkeypatch.setattr(copies, "backup_before", fails)
    assert main(["import", "--db", str(path), str(both)]) == 3
    err = capsys.readouterr().err
    assert err.strip() == DatabaseProblem("disk_full", path, "no space left").message().strip()
    assert _dump(path) == before


def test_a_daily_copy_that_fails_is_a_notice_on_stderr_and_the_import_goes_on(stored, monkeypatch, capsys):
    path, both = stored
    from lifelong_desktop.db import DatabaseNotice

    monkeypatch.setattr(
        copies,
        "take_daily_backup",
        lambda p, made=None: DatabaseNotice("backup_failed", p, "no space left"),
    )
    assert main(["import", "--db", str(path), str(both)]) == 0
    out, err = capsys.readouterr()
    assert "未能" in err and "已导入" in out
    assert _activities(path) == 2


def test_on_a_network_share_the_copies_come_first_in_this_thread(stored, monkeypatch):
    path, both = stored
    db = open_database(path, options=OpenOptions(journal_mode="delete", exclusive=True))
    started: list[int] = []
    # the copies' own threading only (the import's writer has a thread of its own)
    monkeypatch.setattr(
        copies,
        "threading",
        SimpleNamespace(Thread=lambda *a, **k: started.append(1), Event=threading.Event),
    )
    try:
        assert importer.apply_import(db, both).applied
    finally:
        db.close()
    assert started == []
    assert sorted(b.reason for b in list_backups(path)) == ["import", "open"]  # the day's one when opened


def test_the_installed_command_skips_the_last_collection_and_leaves_the_files_closed(stored, tmp_path):
    """`lifelong` in its own process freezes the collector as it ends (its last collection would only walk
    every module's objects); the database is closed all the same: no -wal or -shm file is left."""
    import gc
    import subprocess
    import sys

    path, both = stored
    probe = (
        "import gc, sys; from lifelong_desktop.cli import main; code = main(); "
        "print(gc.get_freeze_count() > 0); sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "import", "--db", str(path), str(both)],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "True" and "已导入" in result.stdout
    assert _activities(path) == 2
    assert not path.with_name(path.name + "-wal").exists() and not path.with_name(path.name + "-shm").exists()
    frozen = gc.get_freeze_count()
    assert main(["import", "--db", str(path), str(both)]) == 0  # called with arguments (tests): no freeze
    assert gc.get_freeze_count() == frozen
