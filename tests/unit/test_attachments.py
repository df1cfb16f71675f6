"""Attachments: copied beside the database, listed with missing files said, kept through backup and restore,
exported per city and activity with an index workbook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lifelong_desktop.cli import main
from lifelong_desktop.db import open_database
from lifelong_desktop.models import Activity
from lifelong_desktop.services import attachments as A
from lifelong_desktop.services.backups import backup_now, restore
from tests.helpers.stores import new_db_path

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.fixture
def db_path(store, request):
    """The database under a Chinese name: its attachments folder is named after it."""
    return new_db_path(store, request, "计划.sqlite")


@pytest.fixture
def demo(db_path):
    assert main(["demo", "--db", str(db_path)]) == 0
    return db_path


def _first_activity(path: Path) -> tuple[int, str]:
    db = open_database(path)
    try:
        with db.read() as s:
            a = s.query(Activity).order_by(Activity.id).first()
            return a.id, a.uid
    finally:
        db.close()


def _files(tmp_path: Path) -> list[Path]:
    photo = tmp_path / "开幕式 现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 40)
    scan = tmp_path / "签到表:扫描.pdf"  # a name Windows refuses as it is
    scan.write_bytes(b"%PDF-1.4 scan")
    return [photo, scan]


def test_added_files_are_copied_listed_and_exported_per_city_and_activity(demo, store, tmp_path, capsys):
    _, uid = _first_activity(demo)
    photo, scan = _files(tmp_path)
    assert (
        main(["attachments", "add", "--db", str(demo), "--activity", uid, str(photo), str(scan), str(photo)])
        == 0
    )
    if store == "sqlite":  # a server database keeps the bytes in itself (test_attachment_content.py)
        folder = A.folder(demo)
        copies = sorted(p.name for p in (folder / uid).iterdir())
        assert copies == ["开幕式 现场(2).jpg", "开幕式 现场.jpg", "签到表_扫描.pdf"]
    capsys.readouterr()
    assert main(["attachments", "list", "--db", str(demo), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["file_name"] for r in listed] == [photo.name, scan.name, photo.name] and all(
        r["exists"] for r in listed
    )
    assert all(r["in_database"] == (store == "postgresql") for r in listed)
    out = tmp_path / "导出"
    assert main(["attachments", "export", "--db", str(demo), "--out", str(out)]) == 0
    exported = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert len(exported) == 4 and "附件清单.xlsx" in exported
    city = exported[0].split("/")[0]
    assert city.endswith("市") and all(e.startswith(city) for e in exported if e != "附件清单.xlsx")
    index = list(load_workbook(out / "附件清单.xlsx")["附件清单"].iter_rows(values_only=True))
    assert index[0][:4] == ("地市", "活动", "开始日期", "文件名") and len(index) == 4


@pytest.mark.sqlite_only  # a file gone from the folder beside the database; a server keeps the bytes in itself
def test_a_missing_file_is_said_never_dropped(demo, tmp_path, capsys):
    _, uid = _first_activity(demo)
    photo, _ = _files(tmp_path)
    assert main(["attachments", "add", "--db", str(demo), "--activity", uid, str(photo)]) == 0
    (A.folder(demo) / uid / photo.name).unlink()
    capsys.readouterr()
    assert main(["attachments", "list", "--db", str(demo)]) == 1
    assert "缺失" in capsys.readouterr().out
    out = tmp_path / "out"
    assert main(["attachments", "export", "--db", str(demo), "--out", str(out)]) == 1
    assert "缺失" in capsys.readouterr().err
    rows = list(load_workbook(out / "附件清单.xlsx")["附件清单"].iter_rows(values_only=True))
    assert rows[1][3] == photo.name and rows[1][5].startswith("缺失")


@pytest.mark.sqlite_only  # the backups' store beside the file; a server's backup is a snapshot with the bytes
def test_attachments_survive_a_backup_and_a_restore(demo, tmp_path):
    activity_id, uid = _first_activity(demo)
    photo, _ = _files(tmp_path)
    db = open_database(demo)
    try:
        with db.transaction("add") as s:
            row = A.add(s, demo, activity_id, photo)
    finally:
        db.close()
    backup = backup_now(demo)
    db = open_database(demo)
    try:
        with db.transaction("forget") as s:  # the attachment removed after the backup, its folder lost too
            A.remove(s, row.id)
    finally:
        db.close()
    for p in sorted(A.folder(demo).rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    result = restore(demo, backup)
    assert result is not None
    db = open_database(demo)
    try:
        with db.read() as s:
            (back,) = A.listed(s, demo, activity_id=activity_id)
    finally:
        db.close()
    assert back.exists and back.path.read_bytes() == photo.read_bytes()


def test_an_activity_that_is_not_there_or_a_file_that_is_not_there_is_one_sentence(demo, tmp_path, capsys):
    _, uid = _first_activity(demo)
    assert main(["attachments", "add", "--db", str(demo), "--activity", "nope", str(tmp_path / "x.jpg")]) == 2
    assert main(["attachments", "add", "--db", str(demo), "--activity", uid, str(tmp_path / "x.jpg")]) == 2
    err = capsys.readouterr().err
    assert "没有编号为 nope 的活动" in err and "找不到文件" in err and "Traceback" not in err
