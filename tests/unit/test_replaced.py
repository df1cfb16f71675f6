"""Another file put at the database's path while it is open (`mv other.sqlite db.sqlite`) is never written to.

A real rename during a real `lifelong import` in a subprocess, synchronised on the import's own pre-import
backup (written just before its transaction opens), and a window-style edit after a rename. Afterwards the
new file at the path is byte-identical to the file that was moved there, and the old one (kept through a
hard link, as the process that has it open keeps it) still holds its data and passes its checks.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import update

from lifelong_desktop.db import DatabaseProblem, open_database, verify_file
from lifelong_desktop.models import Activity
from tests.helpers.reliability_data import file_digest, populate, table_dump

RUN = "import sys; from lifelong_desktop.cli import main; sys.exit(main(sys.argv[1:]))"


def _database(path: Path, activities: int) -> Path:
    db = open_database(path, backup_on_open=False)
    populate(db, activities)
    db.close()
    return path


def test_an_edit_after_the_file_was_replaced_is_refused_and_neither_file_changes(tmp_path):
    path, other, kept = tmp_path / "计划.sqlite", tmp_path / "别的.sqlite", tmp_path / "kept.sqlite"
    _database(path, 12)
    _database(other, 3)
    db = open_database(path, backup_on_open=False)
    with db.transaction("first edit") as s:  # the window has been working on the file
        s.execute(update(Activity).where(Activity.id == 1).values(title="改过一次"))
    before_old = table_dump(path)
    other_digest = file_digest(other)
    shutil.copy(other, tmp_path / "other-copy.sqlite")
    os.link(path, kept)  # what the open file still is, once its name has gone to the other one
    os.replace(other, path)
    with pytest.raises(DatabaseProblem) as info, db.transaction("second edit") as s:
        s.execute(update(Activity).values(title="改"))
    assert info.value.code == "replaced"
    zh = info.value.message("zh")
    assert "计划.sqlite" in zh and "替换" in zh and "\n" not in zh
    db.close()
    assert file_digest(path) == other_digest
    assert verify_file(kept) is None and table_dump(kept) == before_old
    assert (
        not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    )  # nothing for the new file
    (rescued,) = (tmp_path / "backups").glob("计划.*.replaced.sqlite")
    assert table_dump(rescued) == before_old
    assert table_dump(path) == table_dump(tmp_path / "other-copy.sqlite")  # opened: still the other file


def lifelong(*args: str) -> None:
    run = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr


def _import_workbook(tmp_path: Path, activities: int) -> tuple[Path, Path]:
    """A database of `activities` and a workbook of the same programme with every title changed."""
    source, workbook = tmp_path / "源.sqlite", tmp_path / "返回.xlsx"
    lifelong("demo", "--db", str(source), "--activities", str(activities))
    lifelong("export", "--db", str(source), "--out", str(workbook))
    target = tmp_path / "计划.sqlite"
    shutil.copy(source, target)
    con = sqlite3.connect(target)
    con.execute("UPDATE activity SET title = title || '（旧）'")  # so the import updates every activity
    con.commit()
    con.close()
    return target, workbook


@pytest.mark.parametrize("activities", [2000, pytest.param(20000, marks=pytest.mark.slow)], ids=["2k", "20k"])
def test_a_file_moved_over_the_database_during_an_import_stops_it_with_one_sentence(tmp_path, activities):
    target, workbook = _import_workbook(tmp_path, activities)
    other = _database(tmp_path / "别的.sqlite", 3)
    other_digest, before_old = file_digest(other), table_dump(target)
    kept = tmp_path / "kept.sqlite"
    os.link(target, kept)
    env = dict(os.environ, LIFELONG_DATA_DIR=str(tmp_path / "ud"))
    out_file, err_file = (tmp_path / "out.txt").open("w+"), (tmp_path / "err.txt").open("w+")
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN, "import", "--db", str(target), str(workbook)],
        stdout=out_file,
        stderr=err_file,
        env=env,
    )
    backups = tmp_path / "backups"
    deadline = time.monotonic() + 600
    while not (backups.is_dir() and list(backups.glob("计划.*.import.sqlite"))):
        assert proc.poll() is None, (tmp_path / "err.txt").read_text()
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.replace(other, target)  # mv 别的.sqlite 计划.sqlite, while the import applies its rows
    assert proc.wait(timeout=900) == 3, (tmp_path / "out.txt").read_text() + (
        tmp_path / "err.txt"
    ).read_text()
    out, err = (tmp_path / "out.txt").read_text(), (tmp_path / "err.txt").read_text()
    out_file.close()
    err_file.close()
    assert err.strip().splitlines()[-1].startswith("数据库文件“计划.sqlite”在使用中被另一个文件替换了"), err
    assert "Traceback" not in err and "已导入" not in out
    assert file_digest(target) == other_digest  # the file moved there is exactly as it was
    assert verify_file(kept) is None and table_dump(kept) == before_old  # the old one lost nothing
    rescued = list(backups.glob("计划.*.replaced.sqlite"))  # and a copy of it is among the backups
    assert len(rescued) == 1 and table_dump(rescued[0]) == before_old


def test_a_file_moved_over_the_database_between_the_last_check_and_the_commit_is_reported(
    tmp_path, monkeypatch
):
    """The race the check before the commit leaves: the rename lands right after that check passed. The commit
    then goes into the file that was open; the re-check after it says so, its WAL is emptied so that the file
    now at the path never reads it, and the open file with this change is kept as a backup."""
    from lifelong_desktop.db.database import Database

    path, other, kept = tmp_path / "计划.sqlite", tmp_path / "别的.sqlite", tmp_path / "kept.sqlite"
    _database(path, 12)
    _database(other, 3)
    db = open_database(path, backup_on_open=False)
    other_digest = file_digest(other)
    shutil.copy(other, tmp_path / "other-copy.sqlite")
    os.link(path, kept)
    checks = []
    real_check = Database.ensure_same_file

    def check_then_rename(self):
        real_check(self)  # passes: still the file that was opened
        checks.append(1)
        if len(checks) == 2:  # the check just before the commit: the file is replaced right after it
            os.replace(other, path)

    monkeypatch.setattr(Database, "ensure_same_file", check_then_rename)
    with pytest.raises(DatabaseProblem) as info, db.transaction("改标题") as s:
        s.execute(update(Activity).where(Activity.id == 1).values(title="在替换的瞬间保存"))
    assert len(checks) == 2 and info.value.code == "replaced_at_commit"
    zh, en = info.value.message("zh"), info.value.message("en")
    assert (
        "在保存的同一瞬间被另一个文件替换了" in zh and "本次修改已写入原来打开的文件" in zh and "\n" not in zh
    )
    assert "went into the file that was open" in en
    db.close()
    assert file_digest(path) == other_digest  # the file moved there was never touched
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    assert table_dump(path) == table_dump(tmp_path / "other-copy.sqlite")
    (rescued,) = (tmp_path / "backups").glob("计划.*.replaced.sqlite")  # the open file, with this change
    assert verify_file(rescued) is None and "在替换的瞬间保存" in str(table_dump(rescued)["activity"])
    assert verify_file(kept) is None and table_dump(kept) == table_dump(rescued)


def test_without_inode_numbers_the_file_is_not_watched_and_edits_still_work(tmp_path, monkeypatch):
    """A file system that gives no inode numbers (st_ino 0: some network shares and FAT drives) leaves the
    database without an identity: edits commit as usual and a replacement is not detected (documented in
    docs/reliability.md), rather than every edit being refused."""
    from lifelong_desktop.db import database

    path = _database(tmp_path / "计划.sqlite", 4)
    monkeypatch.setattr(database, "file_identity", lambda _path: None)
    db = open_database(path, backup_on_open=False)
    assert db.identity is None
    with db.transaction("改标题") as s:
        s.execute(update(Activity).where(Activity.id == 1).values(title="无索引节点"))
    with db.read() as s:
        assert s.get(Activity, 1).title == "无索引节点"
    db.close()
