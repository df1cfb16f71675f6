"""A database on a read-only mount opens in the window as a read-only view, with a banner saying so."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolBar

from lifelong_desktop.db import DatabaseProblem, list_backups, open_database
from lifelong_desktop.db.backup_files import fallback_backups_dir
from lifelong_desktop.models import Activity
from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.application import Application
from tests.helpers.activity_plan import make_plan
from tests.helpers.mounts import remount, tmpfs
from tests.helpers.reliability_data import file_digest


def test_a_read_only_database_opens_with_a_banner_and_refuses_edits(qtbot, tmp_path, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(self.text()) or 0)
    with tmpfs(tmp_path / "mnt", "4m") as mnt:
        path = mnt / "计划.sqlite"
        db = open_database(path, backup_on_open=False)
        make_plan(db, 3)
        db.close()
        remount(mnt, "ro")
        try:
            digest = file_digest(path)
            app = Application(QApplication.instance(), S.Settings())
            assert app.open_first(path), asked  # no "cannot open" box: the window opens
            window = app.window
            qtbot.addWidget(window)
            assert asked == [] and app.db.options.read_only
            assert window.activities.model.total_count == 3
            banner = window.findChild(QToolBar, "noticeBanner")
            text = banner.findChild(QLabel, "noticeText").text()
            assert banner.isVisible() and "以只读方式打开" in text and "计划.sqlite" in text
            copies = list_backups(
                path
            )  # the daily copy, in the user data folder (nothing beside is writable)
            assert [c.path.parent for c in copies] == [fallback_backups_dir(path)]
            told: list[str] = []
            window.activities.inform = lambda title, text: told.append(text)
            out = window.files.export_workbook(str(tmp_path / "导出.xlsx"))  # the banner says export works
            assert out is not None and read_workbook(out).data.header["submission_seq"] == 1, told
            assert told and "未能记入数据库" in told[-1] and "版本号 1" in told[-1]
            try:
                with app.db.transaction("改标题") as s:
                    s.query(Activity).update({Activity.title: "改"})
                raise AssertionError("a write through the read-only view went through")
            except DatabaseProblem as exc:
                assert exc.code == "read_only"
            window.close()
            app.db.close()
            assert file_digest(path) == digest
        finally:
            remount(mnt, "rw")


def test_a_writable_database_has_no_banner(qtbot, db_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    db = open_database(db_path)
    make_plan(db, 2)
    db.close()
    app = Application(QApplication.instance(), S.Settings())
    assert app.open_first(db_path)
    qtbot.addWidget(app.window)
    assert not app.db.options.read_only and app.window.findChild(QToolBar, "noticeBanner") is None
    app.window.close()
    app.db.close()
