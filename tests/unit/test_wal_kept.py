"""A database file read by another program (the sqlite3 command-line tool, a Python script) while the app has
it open: the app's WAL is never deleted under it, and every write the app makes afterwards is seen by other
processes at once (not only when the app quits). Two real processes on a real file system."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from lifelong_desktop.db import open_database
from tests.helpers.reliability_data import populate

pytestmark = pytest.mark.sqlite_only

READER = (
    "import sqlite3, sys\n"
    "con = sqlite3.connect(sys.argv[1])\n"
    "print(con.execute('SELECT theme FROM programme').fetchone()[0])\n"
    "con.close()\n"
)


def _read_elsewhere(path: Path) -> str:
    """What another process reads (and then closes: the last user of a WAL database deletes its WAL)."""
    tool = shutil.which("sqlite3")
    if tool:
        out = subprocess.run(
            [tool, str(path), "SELECT theme FROM programme;"], capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
    out2 = subprocess.run([sys.executable, "-c", READER, str(path)], capture_output=True, text=True)
    assert out2.returncode == 0, out2.stderr
    return out2.stdout.strip()


def _write(db, theme: str) -> None:
    with db.transaction("theme") as s:
        s.execute(text("UPDATE programme SET theme = :t"), {"t": theme})


@pytest.fixture
def opened(tmp_path):
    path = tmp_path / "计划.sqlite"
    db = open_database(path)
    populate(db, 3)
    _write(db, "第一次")
    yield db, path
    db.close()


def test_a_reader_in_another_process_leaves_the_apps_wal_alone(opened):
    db, path = opened
    wal = Path(str(path) + "-wal")
    assert wal.exists()
    assert _read_elsewhere(path) == "第一次"
    assert wal.exists()  # SQLite's locks held: the reader was not the last user
    _write(db, "第二次")
    assert _read_elsewhere(path) == "第二次"  # seen at once, not at the app's checkpoint on quitting


def test_opening_the_same_file_again_in_the_app_keeps_its_locks(opened):
    """File > Open of the file already open: the second open's checks read the file; a plain open() and
    close() would drop every POSIX lock of the process on it, and the next reader would delete the WAL."""
    db, path = opened
    again = open_database(path)
    again.close()
    assert _read_elsewhere(path) == "第一次"
    assert Path(str(path) + "-wal").exists()
    _write(db, "再次打开之后")
    assert _read_elsewhere(path) == "再次打开之后"


def test_a_wal_deleted_under_the_app_anyway_is_noticed_before_the_next_write(opened):
    """Something else in the process (a library, an antivirus hook) opened and closed the file: the locks are
    gone, a reader deletes the WAL. The next write must not go into the deleted file."""
    db, path = opened
    path.open("rb").close()  # what the app itself never does now: drops this process's locks on the file
    assert _read_elsewhere(path) == "第一次"
    assert not Path(str(path) + "-wal").exists()  # deleted by the reader, as reported
    _write(db, "删除之后")
    assert _read_elsewhere(path) == "删除之后"
    with db.read() as s:
        assert s.execute(text("SELECT theme FROM programme")).scalar() == "删除之后"
