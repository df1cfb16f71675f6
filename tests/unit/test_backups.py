"""Automatic backups: when they are taken, where they go, how they rotate, and restoring one safely."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import update

from lifelong_desktop import paths
from lifelong_desktop.db import (
    BackupPolicy,
    DatabaseProblem,
    backup_before,
    backup_file,
    list_backups,
    newest_good_backup,
    open_database,
    take_backup,
)
from lifelong_desktop.db.backups import BackupFile, backups_to_delete, fallback_backups_dir, rotate
from lifelong_desktop.models import Activity
from lifelong_desktop.services import backups as service
from tests.helpers.mounts import remount, tmpfs
from tests.helpers.reliability_data import counts, file_digest, populate, sound, table_dump


def _with_data(path, n=30):
    db = open_database(path)
    populate(db, n)
    db.close()
    return path


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "lifelong_desktop.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_opening_a_database_with_data_takes_one_backup_a_day(tmp_path):
    path = _with_data(tmp_path / "a.sqlite")
    assert list_backups(path) == []  # a brand-new empty file is not worth a copy
    for _ in range(3):
        open_database(path).close()
    taken = list_backups(path)
    assert [b.reason for b in taken] == ["open"]
    assert taken[0].path.parent == tmp_path / "backups"
    sound(taken[0].path)


def test_policy_always_and_never(tmp_path):
    path = _with_data(tmp_path / "a.sqlite")
    for _ in range(3):
        open_database(path, policy=BackupPolicy(on_open="always")).close()
    assert len(list_backups(path)) == 3
    open_database(path, policy=BackupPolicy(on_open="never")).close()
    open_database(path, backup_on_open=False).close()
    assert len(list_backups(path)) == 3


def test_policy_is_read_from_the_settings_file_in_the_user_data_folder(tmp_path):
    settings = paths.user_data_dir() / "backups.ini"
    settings.write_text("[backups]\nkeep_last = 3\nkeep_days = 7\non_open = always\n", encoding="utf-8")
    assert BackupPolicy.load() == BackupPolicy(3, 7, "always")
    settings.write_text("[backups]\nkeep_last = many\n", encoding="utf-8")
    assert BackupPolicy.load() == BackupPolicy()  # a bad setting falls back to the defaults, never fails
    settings.write_bytes(b"\xff\xfe garbage")
    assert BackupPolicy.load() == BackupPolicy()


def test_a_backup_includes_changes_still_in_the_wal(tmp_path):
    path = _with_data(tmp_path / "a.sqlite", 10)
    db = open_database(path, backup_on_open=False)
    with db.transaction("改名") as s:
        s.execute(update(Activity).where(Activity.id == 1).values(title="只在WAL里"))
    assert (tmp_path / "a.sqlite-wal").stat().st_size > 0
    copy = backup_before(db, "import")
    db.close()
    con = sqlite3.connect(copy)
    assert con.execute("SELECT title FROM activity WHERE id = 1").fetchone() == ("只在WAL里",)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # a copy is one self-contained file
    con.close()


def test_backup_before_import_and_where_copies_go_when_the_folder_beside_is_not_writable(tmp_path):
    path = _with_data(tmp_path / "a.sqlite")
    (tmp_path / "backups").write_text("not a folder")  # something in the way of the backups folder
    db = open_database(path, backup_on_open=False)
    copy = backup_before(db, "import")
    db.close()
    assert copy.parent == fallback_backups_dir(path)
    assert paths.user_data_dir() in copy.parents
    assert [b.path for b in list_backups(path)] == [copy]
    assert newest_good_backup(path) == copy


def test_backups_beside_a_read_only_backups_mount_fall_back(tmp_path):
    path = _with_data(tmp_path / "a.sqlite")
    with tmpfs(tmp_path / "backups", "64k") as mnt:
        remount(mnt, "ro")
        copy = take_backup(path, "manual")
        assert copy.parent == fallback_backups_dir(path)
        remount(mnt, "rw")


def _fake(path, when, reason="open"):
    return BackupFile(path.parent / f"{path.stem}.{when:%Y%m%d-%H%M%S-%f}.{reason}.sqlite", when, reason, 1)


def test_rotation_keeps_the_last_n_and_one_a_day_for_a_month(tmp_path):
    today = date(2024, 11, 30)
    noon = datetime(2024, 11, 30, 12)
    copies = [_fake(tmp_path / "a.sqlite", noon - timedelta(hours=6 * i)) for i in range(4 * 60)]  # 60 days
    doomed = {b.path for b in backups_to_delete(copies, BackupPolicy(keep_last=10, keep_days=30), today)}
    kept = [b for b in copies if b.path not in doomed]
    assert all(b in kept for b in copies[:10])
    days = {b.taken_at.date() for b in kept}
    assert days >= {today - timedelta(days=d) for d in range(30)}
    assert all(b.taken_at.date() > today - timedelta(days=30) for b in kept)
    assert len(kept) == 10 + 30 - 3  # the newest 10 cover the last 3 days already
    per_day = {}
    for b in kept[10:]:
        per_day.setdefault(b.taken_at.date(), []).append(b)
    assert all(
        len(v) == 1 and v[0] == max((c for c in copies if c.taken_at.date() == d), key=lambda c: c.taken_at)
        for d, v in per_day.items()
    )


def test_rotation_keeps_the_newest_copy_of_each_reason(tmp_path):
    now = datetime(2024, 6, 1, 9)
    old_migration = _fake(tmp_path / "a.sqlite", now - timedelta(days=90), "migration")
    copies = [_fake(tmp_path / "a.sqlite", now - timedelta(minutes=i)) for i in range(20)] + [old_migration]
    doomed = backups_to_delete(copies, BackupPolicy(keep_last=5, keep_days=0), now.date())
    assert old_migration not in doomed and len(doomed) == 15


def test_rotation_on_disk_touches_only_this_databases_copies(tmp_path):
    path = _with_data(tmp_path / "a.sqlite", 5)
    other = _with_data(tmp_path / "b.sqlite", 5)
    take_backup(other, "manual")
    (tmp_path / "backups" / "notes.txt").write_text("mine")
    start = datetime(2024, 5, 1, 8)
    for i in range(15):
        take_backup(path, "manual", when=start + timedelta(minutes=i), policy=BackupPolicy(keep_last=100))
    removed = rotate(path, BackupPolicy(keep_last=4, keep_days=0), today=date(2024, 5, 1))
    assert len(removed) == 11 and len(list_backups(path)) == 4
    assert len(list_backups(other)) == 1 and (tmp_path / "backups" / "notes.txt").exists()


def test_newest_good_backup_skips_a_damaged_copy(tmp_path):
    path = _with_data(tmp_path / "a.sqlite")
    good = take_backup(path, "manual", when=datetime(2024, 5, 1, 8))
    bad = take_backup(path, "manual", when=datetime(2024, 5, 2, 8))
    data = bytearray(bad.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 8192] = b"\x5a" * 8192
    bad.write_bytes(bytes(data))
    assert newest_good_backup(path) == good
    rows = service.backup_rows(path)
    assert [r.problem is None for r in rows] == [False, True]


def test_a_failed_backup_leaves_no_partial_file(tmp_path):
    src = tmp_path / "junk.sqlite"
    src.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(sqlite3.DatabaseError):
        backup_file(src, tmp_path / "out" / "copy.sqlite")
    assert list((tmp_path / "out").iterdir()) == []


def test_restore_keeps_a_safety_copy_and_brings_the_data_back(tmp_path):
    path = _with_data(tmp_path / "a.sqlite", 40)
    expected = table_dump(path)
    copy = take_backup(path, "manual")
    db = open_database(path, backup_on_open=False)
    with db.transaction("误删") as s:
        for a in s.query(Activity).limit(30):
            s.delete(a)
    db.close()
    result = service.restore(path, copy)
    assert table_dump(path) == expected
    assert result.safety_copy is not None and result.safety_copy.name.endswith(".before-restore.sqlite")
    kept = open_database(result.safety_copy, backup_on_open=False)
    assert counts(kept)["activity"] == 10  # what was replaced is still there, in case it was wanted
    kept.close()
    sound(path)


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path):
    path = _with_data(tmp_path / "a.sqlite")
    copy = take_backup(path, "manual")
    raw = bytearray(copy.read_bytes())
    raw[4096 * 3 : 4096 * 6] = bytes(4096 * 3)
    copy.write_bytes(bytes(raw))
    digest = file_digest(path)
    before = list_backups(path)
    with pytest.raises(DatabaseProblem) as info:
        service.restore(path, copy)
    assert info.value.code == "backup_damaged" and "未用它恢复" in info.value.message("zh")
    assert file_digest(path) == digest and list_backups(path) == before


def test_restore_refuses_while_another_window_has_the_database_open(tmp_path):
    path = _with_data(tmp_path / "a.sqlite")
    copy = take_backup(path, "manual")
    window = open_database(path, backup_on_open=False)
    with window.read() as s:
        s.get(Activity, 1)  # the window's pooled connection stays open, as it does in the app
    with pytest.raises(DatabaseProblem) as info:
        service.restore(path, copy)
    assert info.value.code == "locked"
    window.close()
    service.restore(path, copy)


def test_restore_over_a_file_that_is_not_a_database_any_more(tmp_path):
    path = _with_data(tmp_path / "a.sqlite")
    copy = take_backup(path, "manual")
    expected = table_dump(path)
    path.write_bytes(b"\x00garbage" * 5000)
    wal = tmp_path / "a.sqlite-wal"
    wal.write_bytes(b"stale wal")
    result = service.restore(path, copy)
    assert table_dump(path) == expected and not wal.exists()
    assert result.safety_copy.read_bytes() == b"\x00garbage" * 5000


def test_cli_backup_restore_list_and_newest(tmp_path):
    path = _with_data(tmp_path / "库.sqlite", 25)
    out = _cli("backup", "--db", str(path))
    assert out.returncode == 0 and "已为数据库" in out.stdout, out.stderr
    out = _cli("backup", "--db", str(path), "--out", str(tmp_path / "u盘" / "copy.sqlite"))
    assert out.returncode == 0 and (tmp_path / "u盘" / "copy.sqlite").exists()
    listed = _cli("restore", "--db", str(path), "--list")
    assert listed.returncode == 0 and "完好" in listed.stdout and "手动" in listed.stdout
    expected = table_dump(path)
    path.write_bytes(b"broken")
    damaged = _cli("audit", "--db", str(path))
    assert damaged.returncode == 3 and "Traceback" not in damaged.stderr
    restored = _cli("restore", "--db", str(path), "--newest")
    assert restored.returncode == 0, restored.stderr
    assert "已用备份" in restored.stdout and table_dump(path) == expected


def test_cli_restore_refuses_bad_input_with_sentences(tmp_path):
    path = _with_data(tmp_path / "a.sqlite", 5)
    missing = _cli("restore", "--db", str(path), "--from", str(tmp_path / "nope.sqlite"))
    assert missing.returncode == 2 and "找不到备份文件" in missing.stderr
    number = _cli("restore", "--db", str(path), "--from", "7")
    assert number.returncode == 2 and "第 7 号" in number.stderr
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"PK\x03\x04 not sqlite")
    refused = _cli("--lang", "en", "restore", "--db", str(path), "--from", str(junk))
    assert (
        refused.returncode == 2 and "nothing was restored" in refused.stderr
    )  # bad input, not a bad database
    none = _cli("restore", "--db", str(tmp_path / "fresh.sqlite"), "--newest")
    assert none.returncode == 3 and "没有可用的完好备份" in none.stderr
    usage = _cli("restore", "--db", str(path))
    assert usage.returncode == 2


def test_cli_backup_onto_the_database_itself_is_refused(tmp_path, capsys):
    from lifelong_desktop.cli import main

    path = _with_data(tmp_path / "库.sqlite", 5)
    before = file_digest(path)
    for target in (path, tmp_path / "." / "库.sqlite", tmp_path / "库.sqlite-wal"):
        assert main(["backup", "--db", str(path), "--out", str(target)]) == 2
        assert "就是数据库本身" in capsys.readouterr().err
    assert file_digest(path) == before
