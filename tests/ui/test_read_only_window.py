"""A database on a read-only mount opens in the window as a read-only view, with a banner saying so, and every
command that would change it greyed out."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QToolBar

from lifelong_desktop.db import DatabaseProblem, list_backups, open_database
from lifelong_desktop.db.backup_files import fallback_backups_dir
from lifelong_desktop.models import Activity
from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.ui.common.actions import WRITE_ACTIONS, ActionId
from lifelong_desktop.ui.registers.organisations_view import OrganisationsView
from lifelong_desktop.ui.registers.venues_view import VenuesView
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


def edit_states(window) -> dict[str, bool]:
    """Whether each command that changes the database can be used now: the window's actions, then the
    registers' buttons and context-menu entries (each register with one entry selected)."""
    states = {aid.name: window.registry[aid].isEnabled() for aid in WRITE_ACTIONS}
    for view_class in (OrganisationsView, VenuesView):
        view = next(v for v in window.views if isinstance(v, view_class))
        window.tabs.setCurrentWidget(view)
        QApplication.processEvents()  # the view reads its register once shown
        assert view.model.rowCount() >= 2
        view.table.selectRow(0)
        for button, action in view._menu_actions:
            states[f"{view_class.__name__} {button.text()}"] = button.isEnabled()
            states[f"{view_class.__name__} menu {action.text()}"] = action.isEnabled()
    window.tabs.setCurrentWidget(window.activities)
    QApplication.processEvents()
    return states


def open_window(qtbot, path):
    app = Application(QApplication.instance(), S.Settings())
    assert app.open_first(path)
    qtbot.addWidget(app.window)
    window = app.window
    window.activities.table.selectRow(0)  # one activity selected: edit, delete, series... apply to it
    window.ctx.undo_stack.push(_Noop())
    window.ctx.undo_stack.push(_Noop())
    window.ctx.undo_stack.undo()  # one step to undo and one to redo
    return app, window


class _Noop(QUndoCommand):
    def __init__(self) -> None:
        super().__init__("无操作")


def test_every_edit_is_greyed_out_on_a_read_only_database(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    with tmpfs(tmp_path / "mnt", "4m") as mnt:
        path = mnt / "计划.sqlite"
        db = open_database(path, backup_on_open=False)
        make_plan(db, 3)
        db.close()
        remount(mnt, "ro")
        try:
            digest = file_digest(path)
            app, window = open_window(qtbot, path)
            assert app.db.options.read_only and window.findChild(QToolBar, "noticeBanner").isVisible()
            states = edit_states(window)
            assert len(states) == len(WRITE_ACTIONS) + 16 and not any(states.values()), states
            for aid in (ActionId.EXPORT_WORKBOOK, ActionId.PRINT_PREVIEW, ActionId.EXPORT_ICS, ActionId.FIND):
                assert window.registry[aid].isEnabled(), aid  # reading, printing and exporting still work
            shown: list[QDialog] = []
            window.ctx.run_dialog = lambda dialog: shown.append(dialog) or False
            said: list[str] = []
            window.activities.status_message.connect(said.append)
            window.activities.table.activated.emit(window.activities.table.currentIndex())  # Enter
            window.activities.editing.paste_rows("讲座\t2024-05-10")
            for aid in WRITE_ACTIONS:
                window.registry[aid].trigger()  # a disabled action does nothing, whatever its shortcut
            assert shown == [] and said and all("以只读方式打开" in s for s in said)
            window.close()
            app.db.close()
            assert file_digest(path) == digest
        finally:
            remount(mnt, "rw")


def test_the_same_edits_are_available_on_a_writable_database(qtbot, db_path, monkeypatch):
    """The other side of the test above: the same window state on a writable copy enables every one of them
    (merge needs two entries: each register here has several)."""
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    db = open_database(db_path)
    make_plan(db, 3)
    db.close()
    app, window = open_window(qtbot, db_path)
    states = edit_states(window)
    assert len(states) == len(WRITE_ACTIONS) + 16 and all(states.values()), states
    window.close()
    app.db.close()
