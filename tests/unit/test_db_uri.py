"""A database whose file name holds `#`, `%` or a space opens as itself everywhere it is opened read-only.

SQLite reads `#` and `?` in a `file:` URI as the end of the name: `计划#2.sqlite` opened as
`file:.../计划#2.sqlite?mode=ro` opened (or created) `计划`, writable, and the app called the real file damaged
(check, backup, the window's open). db.location.sqlite_uri encodes the path."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from lifelong_desktop.db.backups import verify_file
from lifelong_desktop.db.engine import connect_raw
from lifelong_desktop.db.location import sqlite_uri
from lifelong_desktop.db.revisions import current_revision, head_revision
from lifelong_desktop.services.demo.create import make_demo_database

NAMES = ["计划#2.sqlite", "计划 100%.sqlite", "a%23b#c.sqlite"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("uri") / "source.sqlite"
    make_demo_database(path)
    return path


@pytest.fixture(params=NAMES)
def odd(request, demo, tmp_path) -> Path:
    path = tmp_path / request.param
    with sqlite3.connect(demo) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    return path


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()} - {path.name, path.name + "-wal", path.name + "-shm"}


def test_read_only_opens_read_this_very_file(odd):
    con = sqlite3.connect(sqlite_uri(odd), uri=True)
    assert con.execute("SELECT count(*) FROM activity").fetchone()[0] == 178
    with pytest.raises(sqlite3.OperationalError):  # read-only indeed
        con.execute("DELETE FROM activity")
    con.close()
    raw = connect_raw(odd, read_only=True)
    assert raw.execute("SELECT count(*) FROM programme").fetchone()[0] == 1
    raw.close()
    assert current_revision(odd) == head_revision()
    assert verify_file(odd) is None
    assert _siblings(odd) == set()  # no stray file made of the name's first part


def test_check_and_backup_of_such_a_file_work(odd):
    def lifelong(*args: str) -> subprocess.CompletedProcess:
        code = "import sys; sys.argv[0] = 'lifelong'; from lifelong_desktop.cli import main; sys.exit(main())"
        return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)

    checked = lifelong("check", "--db", str(odd))
    assert checked.returncode == 0, checked.stderr
    assert "损坏" not in checked.stderr
    saved = lifelong("backup", "--db", str(odd))
    assert saved.returncode == 0, saved.stderr
    assert _siblings(odd) == {"backups"}
    copies = list((odd.parent / "backups").iterdir())
    assert copies and all(verify_file(c) is None for c in copies if c.suffix == ".sqlite")
