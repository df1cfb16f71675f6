"""Attachments of a shared server database: their bytes kept in the database (every planner's PC sees and
opens them), a size limit said in one sentence, missing content said, carried by `db copy` both ways and by
a server's backup and restore; a SQLite file keeps its folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, func, select

from lifelong_desktop.cli import main
from lifelong_desktop.db import open_database
from lifelong_desktop.models import Activity, AttachmentContent
from lifelong_desktop.services import attachment_content as C
from lifelong_desktop.services import attachments as A
from tests.helpers.reliability_data import populate

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)

PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 64


def _activity(db) -> tuple[int, str]:
    with db.read() as s:
        a = s.scalars(select(Activity).order_by(Activity.id)).first()
        return a.id, a.uid


def _add(db, activity_id: int, source: Path) -> A.AttachmentRow:
    with db.transaction("attachments add") as s:
        return A.add(s, db.path, activity_id, source)


def _held(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(AttachmentContent)) or 0


def test_a_file_added_is_seen_and_opened_by_every_planner(db, db_path, store, tmp_path, monkeypatch):
    populate(db, 3)
    activity_id, _ = _activity(db)
    photo = tmp_path / "开幕式.jpg"
    photo.write_bytes(PHOTO)
    row = _add(db, activity_id, photo)
    assert row.exists and row.in_database == (store == "postgresql")
    assert _held(db) == (1 if store == "postgresql" else 0)
    assert A.folder(db.path).exists() == (store == "sqlite")  # a server database writes no folder
    monkeypatch.setenv("LIFELONG_DATA_DIR", str(tmp_path / "another PC"))  # another planner's PC
    other = open_database(db_path)
    try:
        with other.read() as s:
            (seen,) = A.listed(s, other.path, activity_id=activity_id)
            opened = A.local_copy(s, seen)
    finally:
        other.close()
    if store == "sqlite":
        assert opened is not None and opened.read_bytes() == PHOTO  # the same file, beside the database
    else:
        assert seen.exists and opened is not None and opened.read_bytes() == PHOTO
        assert opened.is_relative_to(tmp_path / "another PC") and opened.name == "开幕式.jpg"


def test_the_same_content_is_kept_once(db, store, tmp_path):
    populate(db, 3)
    activity_id, _ = _activity(db)
    photo = tmp_path / "a.jpg"
    photo.write_bytes(PHOTO)
    _add(db, activity_id, photo)
    _add(db, activity_id, photo)
    with db.read() as s:
        names = [r.stored_name.split("/")[-1] for r in A.listed(s, db.path, activity_id=activity_id)]
    assert names == ["a.jpg", "a(2).jpg"] and _held(db) == (1 if store == "postgresql" else 0)


def test_a_file_over_the_limit_is_refused_in_one_sentence_on_a_server(db, db_path, store, tmp_path, capsys):
    populate(db, 3)
    _, uid = _activity(db)
    big = tmp_path / "录像.mp4"
    with big.open("wb") as fh:
        fh.truncate(C.MAX_BYTES + 1)
    db.close()
    code = main(["attachments", "add", "--db", str(db_path), "--activity", uid, str(big)])
    err = capsys.readouterr().err
    if store == "sqlite":
        assert code == 0  # a file's folder takes it
    else:
        assert code == 2 and err.strip() == (
            "“录像.mp4”超过 50 MB，共享数据库中的附件每个最大 50 MB；请压缩或缩小后再添加。"
        )
        check = open_database(db_path)
        try:
            with check.read() as s:
                assert A.listed(s, check.path) == []  # nothing half-added
        finally:
            check.close()


def test_content_gone_from_the_database_is_said_missing_and_kept(db, db_path, store, tmp_path, capsys):
    if store == "sqlite":
        pytest.skip("a file's missing attachment is tested in test_attachments.py")
    populate(db, 3)
    activity_id, uid = _activity(db)
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(PHOTO)
    _add(db, activity_id, photo)
    with db.transaction("lost") as s:
        s.execute(delete(AttachmentContent))
    db.close()
    capsys.readouterr()
    assert main(["attachments", "list", "--db", str(db_path), "--json"]) == 1
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["file_name"] == "签到表.jpg" and not listed["exists"] and not listed["in_database"]
    out = tmp_path / "导出"
    assert main(["attachments", "export", "--db", str(db_path), "--out", str(out)]) == 1
    index = list(load_workbook(out / "附件清单.xlsx")["附件清单"].iter_rows(values_only=True))
    assert index[1][3] == "签到表.jpg" and index[1][5].startswith("缺失")


@pytest.mark.sqlite_only
def test_db_copy_brings_a_files_attachments_into_the_server_and_back(db, tmp_path, pg_cluster, capsys):
    populate(db, 3)
    activity_id, uid = _activity(db)
    photos = []
    for n in range(3):
        p = tmp_path / f"照片{n}.jpg"
        p.write_bytes(PHOTO + bytes([n]))
        photos.append(p)
        _add(db, activity_id, p)
    source = db.path
    (A.folder(source) / uid / "照片1.jpg").unlink()  # still in the backups' store: brought from there
    (A.folder(source) / uid / "照片2.jpg").unlink()
    (A.store(source) / A._digest(photos[2])[0]).unlink()  # gone everywhere: said missing, row kept
    db.close()
    url = pg_cluster.new_database()
    capsys.readouterr()
    assert main(["db", "copy", "--from", str(source), "--to", url]) == 0
    out = capsys.readouterr()
    assert "已将 2 个附件文件从源文件旁的附件文件夹存入" in out.out
    assert "有 1 个附件的文件在源文件旁和备份中都找不到" in out.err and "照片2.jpg" in out.err
    server = open_database(url)
    try:
        with server.read() as s:
            rows = A.listed(s, server.path, activity_id=activity_id)
            assert [(r.exists, r.in_database) for r in rows] == [(True, True), (True, True), (False, False)]
            assert A.local_copy(s, rows[1]).read_bytes() == photos[1].read_bytes()
    finally:
        server.close()
    back = tmp_path / "back" / "回到文件.sqlite"
    back.parent.mkdir()
    assert main(["db", "copy", "--from", url, "--to", str(back)]) == 0
    printed = capsys.readouterr().out
    assert any(line.split()[:2] == ["attachment_content", "2"] for line in printed.splitlines())
    copy = open_database(back)
    try:
        with copy.read() as s:  # the file keeps the server's bytes in its table: opened and exported
            rows = A.listed(s, copy.path, activity_id=activity_id)
            assert [r.exists for r in rows] == [True, True, False]
            assert A.local_copy(s, rows[0]).read_bytes() == photos[0].read_bytes()
    finally:
        copy.close()
    out_dir = tmp_path / "导出"
    assert main(["attachments", "export", "--db", str(back), "--out", str(out_dir)]) == 1  # one is missing
    exported = sorted(p.name for p in out_dir.rglob("*.jpg"))
    assert exported == ["照片0.jpg", "照片1.jpg"]
    pg_cluster.drop(url)


@pytest.mark.sqlite_only
def test_a_servers_backup_and_restore_carry_the_bytes(tmp_path, pg_cluster, capsys):
    url = pg_cluster.new_database()
    db = open_database(url)
    try:
        populate(db, 3)
        activity_id, _ = _activity(db)
        photo = tmp_path / "合影.png"
        photo.write_bytes(PHOTO)
        _add(db, activity_id, photo)
    finally:
        db.close()
    snapshot = tmp_path / "server-backup.sqlite"
    assert main(["backup", "--db", url, "--out", str(snapshot)]) == 0
    assert A.restore_missing_files(snapshot) == (0, 0)  # its bytes are inside the snapshot: nothing to seek
    fresh = pg_cluster.new_database()
    assert main(["restore", "--db", fresh, "--from", str(snapshot)]) == 0
    restored = open_database(fresh)
    try:
        with restored.read() as s:
            (row,) = A.listed(s, restored.path, activity_id=activity_id)
            assert row.in_database and A.local_copy(s, row).read_bytes() == PHOTO
    finally:
        restored.close()
    pg_cluster.drop(url)
    pg_cluster.drop(fresh)


def test_the_same_file_kept_by_two_planners_at_once_is_no_error(db, monkeypatch):
    """Both saw no row for the content and both insert it: the second insert's key clash is taken as
    "kept already" (a savepoint), and its transaction goes on."""
    sha = A.hashlib.sha256(PHOTO).hexdigest()
    monkeypatch.setattr(C, "present", lambda session, shas: set())  # as if the other one had not committed
    with db.transaction("two planners") as s:
        assert C.put(s, sha, PHOTO) is True
        assert C.put(s, sha, PHOTO) is False
        assert C.content(s, sha) == PHOTO
    assert _held(db) == 1
