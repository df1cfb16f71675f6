"""The activity form's 声像资料 tab on real files: thumbnails read at thumbnail size, several files added at once,
a big photo offered a shrunk JPEG (or kept whole), a missing file named as missing, removal audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QImageReader

from lifelong_desktop.models import AuditEntry
from lifelong_desktop.services import attachments as A
from lifelong_desktop.ui.activities.attachments_tab import AttachmentsPanel, size_text, thumbnail
from lifelong_desktop.ui.common.context import AppContext
from tests.helpers.activity_plan import make_plan


@pytest.fixture
def panel(qtbot, db):
    plan = make_plan(db, 2)
    ctx = AppContext(db, plan["programme"])
    p = AttachmentsPanel(ctx, plan["ids"][0])
    qtbot.addWidget(p)
    p.told = []
    p.inform = p.told.append
    return p


def _photo(path: Path, width: int, height: int, quality: int = 90) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3f7fbf"))
    for x in range(0, width, 97):  # some detail, so the JPEG is not trivially small
        image.setPixelColor(x, (x * 7) % height, QColor("white"))
    assert image.save(str(path), quality=quality)
    return path


def test_files_are_added_listed_with_sizes_and_pictures_get_thumbnails(panel, tmp_path, qtbot):
    photo = _photo(tmp_path / "开幕式.jpg", 1200, 800)
    scan = tmp_path / "签到表.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
    assert panel.add_files([str(photo), str(scan)]) == 2
    assert [r.file_name for r in panel.rows] == ["开幕式.jpg", "签到表.pdf"]
    assert all(r.exists and r.path.is_file() for r in panel.rows)
    assert panel.list.item(1).text() == "签到表.pdf\n" + size_text(scan.stat().st_size)
    first_icon = panel.list.item(0).icon().cacheKey()
    qtbot.waitUntil(lambda: panel.list.item(0).icon().cacheKey() != first_icon, timeout=5000)
    size = panel.list.item(0).icon().availableSizes()[0]
    assert size.width() == 96 and size.height() == 64  # the photo's proportions at thumbnail size


def test_a_thumbnail_is_read_at_its_size_not_whole(tmp_path):
    photo = _photo(tmp_path / "big.jpg", 4000, 3000)
    image = thumbnail(photo)
    assert (image.width(), image.height()) == (96, 72)


def test_a_big_photo_is_offered_a_shrunk_copy(panel, tmp_path):
    big = _photo(tmp_path / "合影.png", 4500, 3000)
    asked = []
    panel.ask_shrink = lambda name, size, w, h: asked.append((name, w, h)) or True
    assert panel.add_files([str(big)]) == 1
    assert asked == [("合影.png", 4500, 3000)]
    kept = panel.rows[0]
    assert kept.file_name == "合影.jpg"
    reader = QImageReader(str(kept.path))
    assert (reader.size().width(), reader.size().height()) == (2560, 1707)
    assert reader.format() == b"jpeg"


def test_the_original_is_kept_when_the_user_says_no(panel, tmp_path):
    big = _photo(tmp_path / "合影.png", 4500, 3000)
    panel.ask_shrink = lambda *args: False
    assert panel.add_files([str(big)]) == 1
    kept = panel.rows[0]
    assert kept.file_name == "合影.png" and kept.size == big.stat().st_size
    assert kept.path.read_bytes() == big.read_bytes()


def test_a_small_photo_is_not_asked_about(panel, tmp_path):
    panel.ask_shrink = lambda *args: pytest.fail("asked about a small photo")
    assert panel.add_files([str(_photo(tmp_path / "小.jpg", 800, 600))]) == 1


def test_a_missing_file_is_named_as_missing_and_nothing_is_lost(panel, tmp_path):
    panel.add_files([str(_photo(tmp_path / "现场.jpg", 640, 480))])
    row = panel.rows[0]
    row.path.unlink()
    (A.store(panel.ctx.path) / row.sha256).unlink()  # gone from the backups too
    panel.reload()
    assert panel.rows[0].id == row.id and not panel.rows[0].exists  # still listed
    assert "现场.jpg" in panel.list.item(0).text() and "missing" in panel.list.item(0).text()
    assert "missing" in panel.note.text()
    opened = []
    panel.open_file = opened.append
    panel.list.item(0).setSelected(True)
    panel.open_selected()
    assert opened == [] and len(panel.told) == 1 and "现场.jpg" in panel.told[0]


def test_open_hands_the_file_to_the_desktop(panel, tmp_path):
    panel.add_files([str(_photo(tmp_path / "a.jpg", 64, 64))])
    opened = []
    panel.open_file = opened.append
    panel.list.item(0).setSelected(True)
    panel.open_selected()
    assert opened == [panel.rows[0].path]


def test_remove_is_audited_and_keeps_the_file(panel, tmp_path):
    panel.add_files([str(_photo(tmp_path / "a.jpg", 64, 64))])
    row = panel.rows[0]
    panel.confirm_remove = lambda n: True
    panel.list.item(0).setSelected(True)
    assert panel.remove_selected() == 1
    assert panel.rows == [] and row.path.is_file()
    with panel.ctx.db.read() as s:
        actions = [(e.action, e.entity) for e in s.query(AuditEntry).filter_by(entity="attachment")]
    assert ("create", "attachment") in actions and ("delete", "attachment") in actions, actions


def test_a_file_that_cannot_be_read_is_said_in_one_sentence(panel, tmp_path):
    assert panel.add_files([str(tmp_path / "没有.jpg")]) == 0
    assert len(panel.told) == 1 and "没有.jpg" in panel.told[0] and "Traceback" not in panel.told[0]


def test_a_new_activity_asks_to_be_saved_first(qtbot, db):
    plan = make_plan(db, 1)
    p = AttachmentsPanel(AppContext(db, plan["programme"]), None)
    qtbot.addWidget(p)
    assert not p.add_button.isEnabled() and p.add_files(["x"]) == 0


def test_the_shrink_decision():
    assert A.offer_shrink(6 * 1024 * 1024, 3000, 2000)
    assert A.offer_shrink(1024, 4200, 100)
    assert not A.offer_shrink(4 * 1024 * 1024, 4000, 3000)
    assert A.shrunk_size(6000, 4000) == (2560, 1707)
    assert A.shrunk_size(1000, 800) == (1000, 800)
    assert A.shrunk_name("IMG_0001.HEIC.png") == "IMG_0001.HEIC.jpg"


def test_a_file_missing_from_the_folder_comes_back_from_the_backups(panel, tmp_path):
    photo = _photo(tmp_path / "现场.jpg", 640, 480)
    panel.add_files([str(photo)])
    row = panel.rows[0]
    row.path.unlink()
    panel.reload()
    assert panel.rows[0].exists and row.path.read_bytes() == photo.read_bytes()
    assert "brought back" in panel.note.text() and "missing from" not in panel.note.text()


def test_on_a_shared_database_another_pc_sees_the_thumbnail_and_opens_a_copy(
    qtbot, pg_cluster, tmp_path, monkeypatch
):
    """A server database: the photo added on one PC is shown and opened on another (its bytes come from the
    database, written to a temporary copy); content gone from the database is named as missing there."""
    from sqlalchemy import delete

    from lifelong_desktop.db import open_database
    from lifelong_desktop.models import AttachmentContent

    db_path = pg_cluster.new_database()
    db = open_database(db_path)
    plan = make_plan(db, 2)
    photo = _photo(tmp_path / "开幕式.jpg", 1200, 800)
    first = AttachmentsPanel(AppContext(db, plan["programme"]), plan["ids"][0])
    qtbot.addWidget(first)
    assert first.add_files([str(photo)]) == 1
    assert not A.folder(db.path).exists()  # nothing beside this PC's stand-in path
    monkeypatch.setenv("LIFELONG_DATA_DIR", str(tmp_path / "another PC"))
    other_db = open_database(db_path)
    try:
        other = AttachmentsPanel(AppContext(other_db, plan["programme"]), plan["ids"][0])
        qtbot.addWidget(other)
        opened = []
        other.open_file = opened.append
        (row,) = other.rows
        assert row.in_database and row.exists
        blank = other.list.item(0).icon().cacheKey()
        qtbot.waitUntil(lambda: other.list.item(0).icon().cacheKey() != blank, timeout=5000)
        other.list.item(0).setSelected(True)
        other.open_selected()
        assert [p.read_bytes() for p in opened] == [photo.read_bytes()]
        assert opened[0].is_relative_to(tmp_path / "another PC")
        with other_db.transaction("lost") as s:
            s.execute(delete(AttachmentContent))
        other.told = []
        other.inform = other.told.append
        other.reload()
        assert other.list.item(0).text() == "开幕式.jpg\nmissing: its content is not in the shared database"
        assert "missing from the shared database" in other.note.text()
        opened.clear()
        other.list.item(0).setSelected(True)
        other.open_selected()
        assert opened == [] and len(other.told) == 1 and "shared database" in other.told[0]
    finally:
        other_db.close()
        db.close()
        pg_cluster.drop(db_path)
