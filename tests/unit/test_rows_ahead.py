"""Most of the Activities table's rows read by a forked child while the window starts (services/rows_ahead):
exactly the rows the window would read itself, or none at all: another file or programme, a commit in
between, a file the open would migrate, a child that died; and no child is left behind."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from lifelong_desktop.services import rows_ahead
from lifelong_desktop.services.activity_table import programme_rows, rows_between
from lifelong_desktop.services.demo.create import make_demo_database
from tests.helpers.spawned import no_tracker_left

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="a forked child needs fork")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ahead") / "计划.sqlite"
    make_demo_database(path, activities=900, seed=3)
    return path


@pytest.fixture
def db(demo, tmp_path) -> Path:
    path = tmp_path / "计划.sqlite"
    with sqlite3.connect(demo) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    return path


@pytest.fixture(params=["fork", "spawn"])
def method(request, monkeypatch):
    """Each test that takes it runs with a forked child (Linux) and with a spawned one (Windows)."""
    if request.param == "fork" and not hasattr(os, "fork"):
        pytest.skip("a forked child needs fork")
    monkeypatch.setattr(rows_ahead, "METHOD", request.param)
    with no_tracker_left():
        yield request.param


@pytest.fixture(autouse=True)
def forced(monkeypatch):
    """Every file read ahead, small ones too and whatever the machine's load."""
    monkeypatch.setattr(rows_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr("lifelong_desktop.forking.spare_core", lambda own_threads=False: True)
    yield
    rows_ahead.discard()


def _latest(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT id FROM programme ORDER BY year DESC LIMIT 1").fetchone()[0]


def _own(path: Path, asked: list):
    """The window's share: read on a connection of its own, as the window's session reads it."""
    con = sqlite3.connect(path)

    def read(after, upto):
        asked.append((after, upto))
        return rows_between(con.cursor(), _latest(path), after, upto)

    return read


def _reaped(child) -> bool:
    try:
        os.waitpid(child.pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_rows_are_those_the_window_reads_itself(db, method):
    programme = _latest(db)
    with sqlite3.connect(db) as con:
        expected = programme_rows(con.cursor(), programme)
    rows_ahead.start(db)
    pending = rows_ahead._pending
    assert pending is not None
    child = pending.child
    asked: list = []
    rows = rows_ahead.take(db, programme, _own(db, asked))
    assert rows == expected and len(rows) == 900
    assert [type(r) for r in rows[:1]] == [type(expected[0])]
    ((after, upto),) = asked
    assert after is None and upto is not None
    read_here = sum(1 for r in rows if r.id <= upto)
    assert 0 < read_here < len(rows) // 2  # the child read the larger share
    assert _reaped(child) and rows_ahead._pending is None
    assert rows_ahead.take(db, programme, _own(db, [])) is None  # once only


def test_a_commit_after_the_start_means_the_window_reads_its_rows_itself(db, method):
    programme = _latest(db)
    rows_ahead.start(db)
    child = rows_ahead._pending.child
    with sqlite3.connect(db) as con:  # another planner saves a change meanwhile
        con.execute("UPDATE activity SET title = title || '（改）' WHERE id = (SELECT max(id) FROM activity)")
    assert rows_ahead.take(db, programme, _own(db, [])) is None
    assert _reaped(child)


def test_another_file_or_programme_gets_nothing(db, demo, tmp_path, method):
    programme = _latest(db)
    rows_ahead.start(db)
    child = rows_ahead._pending.child
    assert rows_ahead.take(demo, programme, _own(demo, [])) is None
    assert _reaped(child)
    rows_ahead.start(db)
    asked: list = []
    assert rows_ahead.take(db, programme + 1, _own(db, asked)) is None
    assert asked == []  # nothing was read for it


def test_a_file_the_open_would_migrate_is_not_read_ahead(db, method):
    with sqlite3.connect(db) as con:
        con.execute("UPDATE alembic_version SET version_num = 'older'")
    rows_ahead.start(db)
    asked: list = []
    assert rows_ahead.take(db, _latest(db), _own(db, asked)) is None
    assert asked == []


def test_a_child_that_dies_leaves_the_rows_to_the_window(db, method):
    rows_ahead.start(db)
    child = rows_ahead._pending.child
    os.kill(child.pid, 9)
    assert rows_ahead.take(db, _latest(db), _own(db, [])) is None
    assert _reaped(child)


def test_a_window_that_opens_no_programme_stops_the_child(db, method):
    rows_ahead.start(db)
    child = rows_ahead._pending.child
    rows_ahead.discard()
    assert _reaped(child) and rows_ahead._pending is None


def test_small_files_and_busy_machines_are_not_read_ahead(db, monkeypatch, method):
    monkeypatch.setattr(rows_ahead, "MIN_BYTES", db.stat().st_size + 1)
    rows_ahead.start(db)
    assert rows_ahead._pending is None
    monkeypatch.setattr(rows_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr("lifelong_desktop.forking.spare_core", lambda own_threads=False: False)
    rows_ahead.start(db)
    assert rows_ahead._pending is None
    rows_ahead.start(None)
    assert rows_ahead._pending is None


def test_the_file_the_window_opens_without_one_given_is_guessed_from_its_settings(tmp_path, monkeypatch, db):
    """Without Qt: the last database of settings.ini (as QSettings writes it), else the default file; a server
    or an unreadable settings file gives nothing to read ahead."""
    from lifelong_desktop.app import _last_database
    from lifelong_desktop.paths import default_database_path

    monkeypatch.setenv("LIFELONG_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    ini = tmp_path / "data" / "settings.ini"
    assert _last_database() == default_database_path()
    ini.write_text(f'[files]\nlast_database={db}\nrecent="[\\"{db}\\"]"\n', encoding="utf-8")
    assert _last_database() == db
    ini.write_text("[files]\nlast_database=postgresql://planner@10.0.0.5/lifelong\n", encoding="utf-8")
    assert _last_database() is None
    ini.write_text(f"[files]\nlast_database={tmp_path / 'gone.sqlite'}\n", encoding="utf-8")
    assert _last_database() == default_database_path()
    ini.write_bytes(b"[files]\nlast_database=\xff\xfe\n")
    assert _last_database() is None


@needs_fork
def test_a_child_held_up_leaves_the_rows_to_the_window(db, monkeypatch):
    """A child that never answers (a lock, a slow disk) costs the window its patience, not a hang."""
    import time

    monkeypatch.setattr(rows_ahead, "PATIENCE", 0.5)
    monkeypatch.setattr(rows_ahead, "_share", lambda path, send: time.sleep(30))
    rows_ahead.start(db)
    child = rows_ahead._pending.child
    began = time.monotonic()
    assert rows_ahead.take(db, _latest(db), _own(db, [])) is None
    assert time.monotonic() - began < 5 and _reaped(child)

    def late(path, send):  # the programme and split at once, the rows never
        send(rows_ahead._HEAD.pack(_latest(path), 1))
        time.sleep(30)

    monkeypatch.setattr(rows_ahead, "_share", late)
    rows_ahead.start(db)
    child = rows_ahead._pending.child
    began = time.monotonic()
    assert rows_ahead.take(db, _latest(db), _own(db, [])) is None
    assert time.monotonic() - began < 5 and _reaped(child)


def test_the_child_loads_neither_sqlalchemy_nor_the_models(db):
    """The child's share is on the window's path from its first instant: SQLAlchemy and the models (a third
    of a second) would delay it past the window's own share. Its work, done in a fresh interpreter, loads
    neither."""
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from lifelong_desktop.services import rows_ahead; "
        "heads = []; rows = rows_ahead._share(Path(sys.argv[1]), heads.append); "
        "assert heads and rows, 'nothing read'; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic') "
        "or m.startswith(('lifelong_desktop.models', 'lifelong_desktop.services.rows'))"
        " and m != 'lifelong_desktop.services.rows_ahead'))"
    )
    done = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_spawned_child_not_ready_in_time_costs_the_window_no_more(db, monkeypatch):
    """A spawned child (a fresh interpreter) whose programme and split are not there within HEAD_PATIENCE of
    the window asking (here at once: none starts that quickly) is stopped, and the window reads its rows."""
    import time

    monkeypatch.setattr(rows_ahead, "METHOD", "spawn")
    monkeypatch.setattr(rows_ahead, "HEAD_PATIENCE", 0.0)
    with no_tracker_left():
        rows_ahead.start(db)
        child = rows_ahead._pending.child
        began = time.monotonic()
        asked: list = []
        assert rows_ahead.take(db, _latest(db), _own(db, asked)) is None
        assert time.monotonic() - began < 5 and asked == [] and _reaped(child)


def test_a_frozen_app_without_freeze_support_spawns_no_child(db, monkeypatch):
    import sys

    from lifelong_desktop import forking

    monkeypatch.setattr(rows_ahead, "METHOD", "spawn")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(forking, "_frozen_ready", False)
    rows_ahead.start(db)
    assert rows_ahead._pending is None
    monkeypatch.setattr(forking, "_frozen_ready", True)  # its entry script called freeze_support
    with no_tracker_left():
        rows_ahead.start(db)
        assert rows_ahead._pending is not None
        child = rows_ahead._pending.child
        rows_ahead.discard()
        assert _reaped(child)


def test_a_child_that_cannot_be_started_leaves_the_window_to_read_its_rows(db, monkeypatch, method):
    """Whatever stops the child from starting (here an error of a kind nobody expects), the window starts
    all the same: nothing is pending, and its first load reads the rows itself."""
    import multiprocessing.context

    from lifelong_desktop import forking

    def refuse(*_args, **_kwargs):
        raise ValueError("no child today")

    monkeypatch.setattr(forking, "fork_call", refuse)
    monkeypatch.setattr(multiprocessing.context.SpawnProcess, "start", refuse)
    with no_tracker_left():
        rows_ahead.start(db)
    assert rows_ahead._pending is None
    assert rows_ahead.take(db, _latest(db), _own(db, [])) is None
