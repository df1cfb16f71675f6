"""The database layer: pragmas, explicit transactions, network shares, public API kept."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lifelong_desktop import db as dbmod
from lifelong_desktop.db import (
    DatabaseProblem,
    OpenOptions,
    backup_before,
    list_backups,
    netfs,
    open_database,
)
from lifelong_desktop.models import Activity
from tests.helpers.reliability_data import counts, populate, sound


def _pragma(db, name):
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_new_database_has_the_safe_pragmas(db):
    assert _pragma(db, "foreign_keys") == 1
    assert _pragma(db, "journal_mode") == "wal"
    assert _pragma(db, "synchronous") == 2  # FULL
    assert _pragma(db, "busy_timeout") == dbmod.BUSY_TIMEOUT_MS
    assert db.notice is None


def test_transactions_are_begin_immediate_and_roll_back_on_error(db):
    populate(db, 3)
    statements = []

    from sqlalchemy import event

    @event.listens_for(db.engine, "before_cursor_execute")
    def spy(_conn, _cur, statement, *_a):
        statements.append(statement)

    with db.transaction("x") as s:
        s.get(Activity, 1).title = "新"
    assert "BEGIN IMMEDIATE" in statements
    with pytest.raises(RuntimeError), db.transaction("y") as s:
        s.get(Activity, 1).title = "不保存"
        s.flush()
        raise RuntimeError("user cancelled")
    with db.read() as s:
        assert s.get(Activity, 1).title == "新"


def test_reopening_keeps_everything(db_path):
    db = open_database(db_path)
    populate(db, 20)
    before = counts(db)
    db.close()
    again = open_database(db_path)
    assert counts(again) == before
    again.close()
    sound(db_path)


MOUNTINFO = textwrap.dedent("""\
    22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
    40 22 0:35 / /mnt/office rw,relatime shared:20 - cifs //fileserver/教育厅 rw,vers=3.0
    41 22 0:36 / /home/wang/nfs rw,relatime - nfs4 srv:/export rw
    42 22 0:37 / /mnt/my\\040share rw - fuse.sshfs wang@host: rw
    43 40 8:2 / /mnt/office/local rw - ext4 /dev/sdb1 rw
    """)


@pytest.mark.parametrize(
    "path, fstype, remote",
    [
        ("/home/wang/plan.sqlite", "ext4", False),
        ("/mnt/office/计划/辽宁.sqlite", "cifs", True),
        ("/home/wang/nfs/a.sqlite", "nfs4", True),
        ("/mnt/my share/a.sqlite", "fuse.sshfs", True),
        ("/mnt/office/local/a.sqlite", "ext4", False),  # a local disk mounted below a share
    ],
)
def test_mountinfo_tells_network_file_systems(path, fstype, remote, monkeypatch):
    monkeypatch.setattr(netfs.os.path, "realpath", lambda p: str(p))
    assert netfs.filesystem_type(Path(path), MOUNTINFO) == fstype
    assert (fstype in netfs.NETWORK_FS_TYPES) == remote


@pytest.mark.parametrize(
    "path, remote",
    [
        (r"\\fileserver\教育厅\计划.sqlite", True),
        ("//fileserver/share/a.sqlite", True),
        (r"\\?\UNC\fileserver\share\a.sqlite", True),
    ],
)
def test_unc_paths_are_network_paths(path, remote):
    assert netfs._windows_is_remote(path) is remote


def test_local_test_folder_is_not_a_network_share(tmp_path):
    assert netfs.is_network_path(tmp_path / "a.sqlite") is False


HOLDER = """
import os, sys
os.environ["LIFELONG_DATA_DIR"] = sys.argv[2]
from lifelong_desktop.db import DatabaseProblem, OpenOptions, open_database
try:
    db = open_database(sys.argv[1], options=OpenOptions(busy_timeout_ms=200))
    with db.read() as s:
        s.connection().exec_driver_sql("SELECT count(*) FROM activity").scalar()
    print("opened")
except DatabaseProblem as exc:
    print(exc.code)
"""


def test_network_share_opens_single_user_with_a_rollback_journal_and_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr(netfs, "is_network_path", lambda _p: True)
    path = tmp_path / "共享.sqlite"
    db = open_database(path)
    assert db.notice is not None and db.notice.code == "network_share"
    assert "网络共享" in db.notice.message("zh") and "network share" in db.notice.message("en")
    assert db.options.journal_mode == "delete" and db.options.exclusive
    assert _pragma(db, "journal_mode") == "delete"
    assert _pragma(db, "locking_mode") == "exclusive"
    populate(db, 30)
    with db.transaction("改") as s:
        s.get(Activity, 1).title = "共享盘上改的"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Activity)) == 30
    copy = backup_before(db, "import")  # through our own connection: the lock does not stop it
    assert copy.exists() and [b.reason for b in list_backups(path)] == ["import"]
    assert not Path(str(path) + "-wal").exists()
    other = subprocess.run(
        [sys.executable, "-c", HOLDER, str(path), str(tmp_path / "ud")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert other.stdout.strip() == "locked", other.stderr  # a colleague on another PC is told it is in use
    db.close()
    other = subprocess.run(
        [sys.executable, "-c", HOLDER, str(path), str(tmp_path / "ud")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert other.stdout.strip() == "opened", other.stderr
    sound(path)


def test_a_wal_database_moved_to_a_share_is_switched_to_a_rollback_journal(tmp_path, monkeypatch):
    path = tmp_path / "a.sqlite"
    local = open_database(path)
    populate(local, 5)
    local.close()
    monkeypatch.setattr(netfs, "is_network_path", lambda _p: True)
    shared = open_database(path)
    assert _pragma(shared, "journal_mode") == "delete"
    assert counts(shared)["activity"] == 5
    shared.close()


def test_explicit_options_win_over_detection(tmp_path, monkeypatch):
    monkeypatch.setattr(netfs, "is_network_path", lambda _p: True)
    db = open_database(tmp_path / "a.sqlite", options=OpenOptions())
    assert db.notice is None and _pragma(db, "journal_mode") == "wal"
    db.close()


def test_public_api_is_still_there():
    for name in (
        "open_database",
        "OpenOptions",
        "make_engine",
        "Database",
        "DatabaseProblem",
        "ConcurrentEdit",
        "backup_file",
        "backup_before",
        "newest_good_backup",
        "remove_database_files",
        "classify",
        "current_user",
        "head_revision",
        "migrate",
        "backups_dir_for",
    ):
        assert hasattr(dbmod, name), name


def test_remove_database_files(db_path):
    db = open_database(db_path)
    populate(db, 2)
    db.close()
    dbmod.remove_database_files(db_path)
    assert not db_path.exists()


def test_problem_message_names_the_file():
    problem = DatabaseProblem("locked", Path("/x/辽宁2024.sqlite"))
    assert "辽宁2024.sqlite" in problem.message("zh")
