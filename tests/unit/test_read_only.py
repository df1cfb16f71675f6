"""A database on read-only media: every command that only reads works, writers are refused, nothing changes.

Real read-only mounts (a tmpfs remounted `ro`; tests run as root, where chmod stops nothing). Commands run as
subprocesses, as a user runs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lifelong_desktop.db import list_backups, open_database, open_for_reading
from lifelong_desktop.db.backup_files import fallback_backups_dir
from lifelong_desktop.models import Activity
from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.submission.writing.writer import write_workbook
from tests.helpers.mounts import remount, tmpfs
from tests.helpers.reliability_data import file_digest, populate
from tests.unit.test_merge import city_return

RUN = "import sys; from lifelong_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
READ_ONLY_VIEW = "以只读方式打开"


@pytest.fixture
def read_only_db(tmp_path) -> Iterator[Path]:
    """A database with 30 activities, exported once (seq 1), on a tmpfs that is then remounted read-only."""
    with tmpfs(tmp_path / "mnt", "4m") as mnt:
        path = mnt / "计划.sqlite"
        db = open_database(path, backup_on_open=False)
        populate(db, 30)
        db.close()
        assert lifelong("export", "--db", str(path), "--out", str(tmp_path / "first.xlsx")).returncode == 0
        shutil.rmtree(mnt / "backups")  # today's copy taken by that export: the read-only opening must make its own
        remount(mnt, "ro")
        try:
            with pytest.raises(OSError):
                (mnt / "probe").write_text("x")  # root really cannot write here
            yield path
        finally:
            remount(mnt, "rw")


def lifelong(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIFELONG_LANG="zh")
    if data_dir is not None:
        env["LIFELONG_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-c", RUN, *args], capture_output=True, text=True, timeout=300, env=env
    )


def test_reading_commands_work_on_a_read_only_mount(read_only_db, tmp_path):
    db, out = read_only_db, tmp_path / "out"
    out.mkdir()
    digest = file_digest(db)
    runs = {
        "check": lifelong("check", "--db", str(db)),
        "returns": lifelong("returns", "--db", str(db)),
        "audit": lifelong("audit", "--db", str(db), "--limit", "3"),
        "schedule": lifelong("schedule", "--db", str(db), "--out", str(out / "日程.pdf")),
        "ics": lifelong("ics", "--db", str(db), "--out", str(out / "日历.ics")),
        "backup --out": lifelong("backup", "--db", str(db), "--out", str(out / "副本.sqlite")),
    }
    for name, result in runs.items():
        assert result.returncode in (0, 1), f"{name}: {result.returncode} {result.stderr}"
        assert "无法保存修改" not in result.stderr and "Traceback" not in result.stderr, name
    assert READ_ONLY_VIEW in runs["schedule"].stderr  # the user is told it is a read-only view
    assert "报送序号" in runs["audit"].stdout  # the export recorded before the mount went read-only
    assert (out / "日程.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "日历.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT") == 30
    copy = open_database(out / "副本.sqlite", backup_on_open=False)
    with copy.read() as s:
        assert s.scalar(select(func.count()).select_from(Activity)) == 30
    copy.close()
    assert file_digest(db) == digest


def test_export_from_a_read_only_database_writes_the_next_seq_and_says_it_was_not_recorded(
    read_only_db, tmp_path
):
    db, out = read_only_db, tmp_path / "第二次.xlsx"
    digest = file_digest(db)
    result = lifelong("export", "--db", str(db), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "填报版本号 2" in result.stdout
    assert "未能记入数据库" in result.stderr and "版本号 2" in result.stderr
    assert zipfile.ZipFile(out).testzip() is None
    assert read_workbook(out).data.header["submission_seq"] == 2
    assert file_digest(db) == digest  # nothing recorded, nothing touched


def test_writers_are_refused_with_one_sentence_and_nothing_changes(read_only_db, tmp_path):
    db = read_only_db
    digest = file_digest(db)
    data = city_return("210100", "沈阳市")
    data.header |= {"scope": "province", "region_code": "210000", "region_name": "辽宁省"}
    workbook = write_workbook(data, tmp_path / "辽宁.xlsx")
    copy = tmp_path / "副本.sqlite"
    assert lifelong("backup", "--db", str(db), "--out", str(copy)).returncode == 0
    for args in (
        ["import", "--db", str(db), str(workbook)],
        ["restore", "--db", str(db), "--from", str(copy)],
    ):
        result = lifelong(*args)
        assert result.returncode == 3, result.stdout + result.stderr
        last = result.stderr.strip().splitlines()[-1]
        assert last.startswith("数据库“计划.sqlite”或其所在文件夹是只读的"), last
        assert "Traceback" not in result.stderr
        assert file_digest(db) == digest


def test_the_daily_backup_of_a_read_only_database_goes_to_the_user_data_folder(
    read_only_db, tmp_path, monkeypatch
):
    data_dir = tmp_path / "用户数据"
    result = lifelong("check", "--db", str(read_only_db), data_dir=data_dir)
    assert result.returncode in (0, 1), result.stderr
    monkeypatch.setenv("LIFELONG_DATA_DIR", str(data_dir))
    copies = list_backups(read_only_db)
    assert [c.reason for c in copies] == ["open"]
    assert copies[0].path.parent == fallback_backups_dir(read_only_db)
    copy = open_for_reading(copies[0].path, backup_on_open=False)
    assert not copy.options.read_only  # a writable copy of the read-only database, whole
    copy.close()
    second = lifelong("returns", "--db", str(read_only_db), data_dir=data_dir)
    assert second.returncode == 0 and len(list_backups(read_only_db)) == 1  # once a day, not per command
