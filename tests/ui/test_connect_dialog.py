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


def _window_as(cluster, server: str, user: str, role: str, qtbot):
    from lifelong_desktop.cli import main

    cluster.sql(f"DROP ROLE IF EXISTS {user}", f"CREATE ROLE {user} LOGIN")
    assert main(["db", "grant", "--db", server, user, role]) == 0
    name = server.rsplit("/", 1)[1]
    db = open_database(cluster.url(name, user=user))
    with db.read() as s:
        from lifelong_desktop.services.programmes import get_programme

        programme = get_programme(s).id
    window = MainWindow(AppContext(db, programme), S.Settings())
    qtbot.addWidget(window)
    return db, window


def test_the_window_greys_out_what_the_server_role_may_not_do(qtbot, pg_cluster):
    from lifelong_desktop.ui.shell.notice_banner import add_notice_banner

    server = pg_cluster.new_database()
    db = open_database(server)
    make_plan(db, 3)
    db.close()
    planner_db, planner = _window_as(pg_cluster, server, "p_zhao", "planner", qtbot)
    viewer_db, viewer = _window_as(pg_cluster, server, "v_qian", "viewer", qtbot)
    try:
        reg = planner.registry
        assert reg[ActionId.NEW_ACTIVITY].isEnabled() and reg[ActionId.IMPORT_WORKBOOK].isEnabled()
        assert (
            not reg[ActionId.PROGRAMME_SETTINGS].isEnabled() and not reg[ActionId.NEW_PROGRAMME].isEnabled()
        )
        assert planner.ctx.registers_read_only and not planner.ctx.read_only
        banner = add_notice_banner(planner, planner_db, "zh")
        assert banner is not None and "策划者" in banner.widgetForAction(banner.actions()[0]).text()
        reg = viewer.registry
        assert not reg[ActionId.NEW_ACTIVITY].isEnabled() and not reg[ActionId.IMPORT_WORKBOOK].isEnabled()
        assert reg[ActionId.EXPORT_WORKBOOK].isEnabled() and reg[ActionId.PRINT_PREVIEW].isEnabled()
        assert viewer.ctx.read_only and viewer_db.notices[0].code == "server_role_viewer"
    finally:
        planner_db.close()
        viewer_db.close()
