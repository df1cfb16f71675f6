"""File > Connect to Office Database…: the dialog's URL (never the password in the settings), the window on a
server database, recent connections, and a server problem as one sentence."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from lifelong_desktop.db import open_database
from lifelong_desktop.db.location import url_parts
from lifelong_desktop.ui.common.actions import ActionId
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.programme.connect_dialog import RECENT_CONNECTIONS, ConnectDialog
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.application import Application
from lifelong_desktop.ui.shell.main_window import MainWindow
from tests.helpers.activity_plan import make_plan


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


def test_the_dialog_makes_a_url_with_the_password_only_for_connecting(qtbot):
    dialog = ConnectDialog(["postgresql://wang@db.office:6432/llw?sslmode=require"])
    qtbot.addWidget(dialog)
    dialog.recent.setCurrentIndex(1)  # a recent connection fills the fields
    assert dialog.host.text() == "db.office" and dialog.port.value() == 6432 and dialog.user.text() == "wang"
    assert dialog.sslmode.currentData() == "require" and dialog.database.text() == "llw"
    dialog.password.setText("秘密 pw")
    assert url_parts(dialog.url()) == {
        "host": "db.office",
        "port": "6432",
        "database": "llw",
        "user": "wang",
        "sslmode": "require",
        "service": "",
    }
    assert "秘密" not in dialog.url() and "pw" not in dialog.url()
    assert url_parts(dialog.connect_url())["host"] == "db.office"
    from sqlalchemy.engine import make_url

    assert make_url(dialog.connect_url()).password == "秘密 pw"
    dialog.service.setText("office")
    assert url_parts(dialog.url())["service"] == "office"


def test_the_window_connects_to_a_server_database_by_the_menu(qtbot, pg_cluster, tmp_path, monkeypatch):
    server = pg_cluster.new_database()
    db = open_database(server)
    make_plan(db, 4)
    db.close()
    local = open_database(tmp_path / "local.sqlite")
    make_plan(local, 2)
    local.close()
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    app = Application(_app(), S.Settings())
    assert app.open_first(tmp_path / "local.sqlite")
    qtbot.addWidget(app.window)
    window = app.window
    parts = url_parts(server)

    def fill(dialog: ConnectDialog) -> bool:
        dialog.host.setText(parts["host"])
        dialog.port.setValue(int(parts["port"]))
        dialog.database.setText(parts["database"])
        dialog.user.setText(parts["user"])
        dialog.password.setText("not-needed-on-trust")
        dialog._accept()
        return True

    window.ctx.run_dialog = fill
    window.registry[ActionId.CONNECT_OFFICE_DATABASE].trigger()
    qtbot.addWidget(app.window)
    assert app.window is not window and app.db.is_server
    assert app.window.activities.model.total_count == 4
    assert parts["database"] in app.window.windowTitle()
    settings = S.Settings()
    remembered = settings.get(RECENT_CONNECTIONS)[0]
    assert url_parts(remembered)["database"] == parts["database"]
    assert "not-needed" not in str(settings.get(RECENT_CONNECTIONS)) + str(settings.get(S.RECENT_FILES))
    assert settings.get(S.LAST_DATABASE).startswith("postgresql://")
    app.window.close()
    app.db.close()


def test_a_server_that_cannot_be_reached_is_one_sentence(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    app = Application(_app(), S.Settings())
    assert not app.open("postgresql://nobody@127.0.0.1:1/llw")
    assert shown and "无法连接到办公室数据库" in shown[0] and "llw@127.0.0.1" in shown[0]


def test_the_menu_has_the_connect_command(qtbot, db):
    plan = make_plan(db)
    w = MainWindow(AppContext(db, plan["programme"]), S.Settings())
    qtbot.addWidget(w)
    file_menu = w.menuBar().actions()[0].menu()
    assert w.registry[ActionId.CONNECT_OFFICE_DATABASE] in file_menu.actions()
