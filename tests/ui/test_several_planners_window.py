"""Several planners on one database, seen from the window: another process saves while a form is open, the
conflict dialog's choices, a deletion meanwhile, others' changes shown in place, the database out of reach."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.ui.common.actions import ActionId
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.main_window import MainWindow
from tests.helpers.activity_plan import make_plan
from tests.helpers.desk import plan_window

OTHER = "李四"
pytestmark = pytest.mark.stores  # on a SQLite file and on a PostgreSQL server


def other_planner(db_path, body: str) -> None:
    """Another planner's program: a separate process saving through the app's own services as 李四."""
    script = (
        textwrap.dedent(
            f"""
        from lifelong_desktop.db import open_database
        from lifelong_desktop.services import planning, registers
        from lifelong_desktop.services.planning.reads import read_snapshots
        db = open_database({str(db_path)!r}, backup_on_open=False)
        def activity(aid):
            with db.read() as s:
                return read_snapshots(s, [aid])[0]
        def save(aid, **values):
            snap = activity(aid)
            with db.transaction("另一位计划人员", who={OTHER!r}) as s:
                planning.update_activity(s, aid, snap.data.replace(**values), snap.version)
        """
        )
        + textwrap.dedent(body)
        + "\ndb.close()\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)


@pytest.fixture
def window(qtbot, db):
    w = plan_window(qtbot, db, make_plan(db, 12))
    w.dialogs = []  # scripted answers to the dialogs, in order

    def run(dialog):
        assert w.dialogs, f"unexpected dialog {dialog.windowTitle()}"
        return w.dialogs.pop(0)(dialog)

    w.ctx.run_dialog = run
    yield w
    w.close()


def _rows(window):
    with window.ctx.db.read() as s:
        return {r.id: r for r in activity_rows(s, window.ctx.programme_id)}


def _pick(window, index=0):
    row = window.activities.model.row_at(index)
    window.activities.select_ids([row.id], row.id)
    return row


def test_a_save_while_the_form_is_open_is_noticed_and_merged_field_by_field(window, qtbot, db_path):
    row = _pick(window)
    seen = {}

    def form(f):
        other_planner(db_path, f"save({row.id}, expected_participants=777)")
        notice = f.findChild(QLabel, "changedElsewhere")
        qtbot.waitUntil(lambda: not notice.isHidden(), timeout=5000)  # the window's watch, on its timer
        seen["notice"] = notice.text()
        f.title.setText("我的新标题")
        return True

    def conflict(d):
        seen["heading"] = d.findChild(QLabel, "conflictHeading").text()
        seen["sides"] = (d.merge.mine_only, d.merge.theirs_only, d.merge.both)
        d.merge_button.click()
        return True

    window.dialogs = [form, conflict]
    window.registry[ActionId.EDIT_ACTIVITY].trigger()
    assert OTHER in seen["notice"] and "Changed" in seen["notice"]  # the tests run the window in English
    assert OTHER in seen["heading"] and row.title in seen["heading"]
    assert seen["sides"] == (("title",), ("expected_participants",), ())
    now = _rows(window)[row.id]
    assert now.title == "我的新标题" and now.expected_participants == 777  # neither save lost
    assert window.told == []


@pytest.mark.parametrize(
    ("choice", "pick", "title", "expected"),
    [
        ("theirs", None, "李四的标题", 777),
        ("mine", None, "我的标题", 10),
        ("merge", "mine", "我的标题", 777),
        ("merge", "theirs", "李四的标题", 777),
    ],
)
def test_the_conflict_dialog_choices(window, db_path, choice, pick, title, expected):
    row = _pick(window, 1)
    other_planner(db_path, f"save({row.id}, title='李四的标题', expected_participants=777)")

    def form(f):
        f.title.setText("我的标题")
        f.expected.setValue(10)
        return True

    def conflict(d):
        assert d.merge.both == ("title", "expected_participants")
        if pick:
            for combo in d.pickers.values():
                combo.setCurrentIndex(combo.findData(pick))
        if pick == "mine":  # a field both changed: each picked on its own
            d.pickers["expected_participants"].setCurrentIndex(
                d.pickers["expected_participants"].findData("theirs")
            )
        {"theirs": d.theirs_button, "mine": d.mine_button, "merge": d.merge_button}[choice].click()
        return True

    window.dialogs = [form, conflict]
    window.registry[ActionId.EDIT_ACTIVITY].trigger()
    now = _rows(window)[row.id]
    assert (now.title, now.expected_participants) == (title, expected)
    assert window.activities.model.row_at(window.activities.model.row_of_id(row.id)).title == title


def test_escape_in_the_conflict_dialog_brings_the_form_back_with_what_was_typed(window, db_path):
    row = _pick(window, 2)
    other_planner(db_path, f"save({row.id}, title='李四的标题')")
    again = []
    window.dialogs = [
        lambda f: (f.title.setText("我的标题"), True)[1],
        lambda d: (d.reject(), False)[1],
        lambda f: (again.append(f.title.text()), False)[1],
    ]
    window.registry[ActionId.EDIT_ACTIVITY].trigger()
    assert again == ["我的标题"]
    assert _rows(window)[row.id].title == "李四的标题"


def test_an_activity_deleted_meanwhile_is_said_and_the_form_saved_as_new(window, db_path):
    row = _pick(window, 3)
    said = []

    def form(f):
        other_planner(
            db_path,
            f"""
            with db.transaction("删除", who={OTHER!r}) as s:
                planning.delete_activities(s, [{row.id}])
            """,
        )
        f.title.setText("我写了一半的活动")
        return True

    def deleted(box):
        said.append(box.text())
        next(b for b in box.buttons() if "New Activity" in b.text()).click()
        return True

    window.dialogs = [form, deleted]
    window.registry[ActionId.EDIT_ACTIVITY].trigger()
    assert OTHER in said[0] and "deleted" in said[0]
    rows = _rows(window)
    assert row.uid not in {r.uid for r in rows.values()}  # not silently put back (ids may be reused)
    assert [r.title for r in rows.values()].count("我写了一半的活动") == 1


def test_others_changes_show_in_place_keeping_selection_sort_filter_and_scroll(window, qtbot, db_path):
    view = window.activities
    window.showNormal()
    window.resize(900, 300)
    qtbot.waitExposed(window)
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by title
    view.filter_bar.search.setText("活动")  # a filter that keeps them all
    rows = [view.model.row_at(i) for i in range(view.model.rowCount())]
    chosen = rows[0]
    view.select_ids([chosen.id], chosen.id)  # the first row selected, then the viewer scrolls away from it
    qtbot.wait(100)
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    scroll = bar.value()
    assert scroll > 0, bar.maximum()
    target = rows[-2]
    other_planner(db_path, f"save({target.id}, expected_participants=4242)")
    qtbot.waitUntil(
        lambda: view.model.row_at(view.model.row_of_id(target.id)).expected_participants == 4242, timeout=5000
    )
    assert view.selected_ids() == [chosen.id] and view.current_row().id == chosen.id
    assert view.model.sort_state == (2, Qt.SortOrder.DescendingOrder)
    assert view.filter_bar.search.text() == "活动" and view.model.rowCount() == len(rows)
    assert view.table.verticalScrollBar().value() == scroll


@pytest.mark.sqlite_only
def test_the_database_out_of_reach_shows_a_banner_refuses_edits_keeps_the_form_and_comes_back(
    window, qtbot, db_path, tmp_path, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    window.show()
    banner = window.findChild(QLabel, "connectionBanner")
    assert banner.isHidden()
    presence = window.findChild(QLabel, "presenceLabel")
    assert presence.text() == "This computer only"
    away = tmp_path / "away.sqlite"
    row = _pick(window, 4)
    shown = []

    def typing_as_the_share_vanishes(form):
        form.title.setText("断网时写的标题")
        db_path.rename(away)  # the share vanished
        qtbot.waitUntil(lambda: not banner.isHidden(), timeout=5000)
        assert "cannot be reached" in banner.text()
        return True

    def shown_again(form):  # the same form, as typed; the share comes back meanwhile
        shown.append(form.title.text())
        away.rename(db_path)
        qtbot.waitUntil(lambda: banner.isHidden(), timeout=6000)
        return True

    window.dialogs = [typing_as_the_share_vanishes, shown_again]
    window.registry[ActionId.EDIT_ACTIVITY].trigger()
    assert shown == ["断网时写的标题"] and len(window.told) == 1 and "没有保存" in window.told[0]
    assert _rows(window)[row.id].title == "断网时写的标题"  # saved once it was back, nothing half-written
    db_path.rename(away)
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=5000)
    window.registry[ActionId.NEW_ACTIVITY].trigger()  # no form opens while it is gone: one sentence
    assert len(window.told) == 2 and not window.dialogs
    orgs = window.views[[type(v).__name__ for v in window.views].index("OrganisationsView")]
    assert orgs.new_organisation() is None and "没有保存" in orgs.notice.text()  # nor a register form
    away.rename(db_path)
    qtbot.waitUntil(lambda: banner.isHidden(), timeout=6000)


def test_an_organisation_changed_meanwhile_is_merged(window, qtbot, db_path):
    orgs = window.views[[type(v).__name__ for v in window.views].index("OrganisationsView")]
    window.tabs.setCurrentWidget(orgs)
    orgs.refresh()
    target = orgs.model.row_at(0)
    orgs.select(target.id)
    dialog = orgs.edit_organisation()
    other_planner(
        db_path,
        f"""
        from lifelong_desktop.models import Organisation
        with db.read() as s:
            o = s.get(Organisation, {target.id})
            values = {{k: getattr(o, k) or "" for k in registers.ORG_FIELDS}}
            version = o.version
        with db.transaction("改联系人", who={OTHER!r}) as s:
            registers.update_organisation(s, {target.id}, {{**values, "contact_name": "赵强"}}, version)
        """,
    )
    qtbot.waitUntil(dialog.elsewhere.isVisible, timeout=5000)  # the open form says so
    assert OTHER in dialog.elsewhere.text()
    dialog.email.setText("office@ln.edu.cn")
    merged = []
    window.dialogs = [lambda d: (merged.append(d.merge.theirs_only), d.merge_button.click(), True)[2]]
    dialog.accept()
    qtbot.waitUntil(lambda: not window.dialogs, timeout=3000)
    assert merged == [("contact_name",)]
    from lifelong_desktop.models import Organisation

    with window.ctx.db.read() as s:
        o = s.get(Organisation, target.id)
        assert (o.contact_name, o.email) == ("赵强", "office@ln.edu.cn")


def _pg_ctl(cluster, action: str) -> None:
    options = f"-p {cluster.port} -k {cluster.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    extra = ["-m", "fast"] if action == "stop" else ["-o", options, "-l", str(cluster.folder / "log")]
    cluster._run("pg_ctl", "-D", str(cluster.data), *extra, "-w", action)


def test_the_server_stopped_and_started_under_a_running_window(qtbot, monkeypatch):
    from lifelong_desktop.db import open_database
    from tests.helpers.pg import SUPERUSER, Cluster, binaries

    if binaries() is None:
        pytest.skip("no PostgreSQL server binaries (Debian package postgresql)")
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    cluster = Cluster()  # its own server: the session's one keeps running for the other tests
    db = None
    try:
        db = open_database(cluster.new_database())
        plan = make_plan(db, 5)
        w = MainWindow(AppContext(db, plan["programme"]), S.Settings())
        qtbot.addWidget(w)
        w.show()
        presence = w.findChild(QLabel, "presenceLabel")
        assert SUPERUSER in presence.text()  # who is connected, from pg_stat_activity
        told, dialogs = [], []
        w.activities.inform = lambda title, text: told.append(text)
        w.ctx.run_dialog = lambda d: dialogs.pop(0)(d)
        banner = w.findChild(QLabel, "connectionBanner")
        row = _pick(w, 0)
        shown = []

        def typing_as_the_server_stops(form):
            form.title.setText("服务器停机时写的")
            _pg_ctl(cluster, "stop")
            qtbot.waitUntil(lambda: not banner.isHidden(), timeout=15000)  # the watch noticed by itself
            # not "this computer only": a server out of reach, named as the title bar names it
            assert presence.text() == "Server out of reach"
            assert f"“{db.name}”" in banner.text() and "_0_" not in banner.text()
            return True

        def shown_again(form):  # the same form, as typed; the server comes back meanwhile
            shown.append(form.title.text())
            _pg_ctl(cluster, "start")
            qtbot.waitUntil(lambda: banner.isHidden(), timeout=15000)  # reconnected by itself
            assert SUPERUSER in presence.text()  # who is connected, at once
            return True

        dialogs += [typing_as_the_server_stops, shown_again]
        w.registry[ActionId.EDIT_ACTIVITY].trigger()
        assert shown == ["服务器停机时写的"] and len(told) == 1  # refused in one sentence, the form kept
        assert "Traceback" not in told[0] and told[0].strip()
        assert _rows(w)[row.id].title == "服务器停机时写的"  # saved once the server was back
        _pg_ctl(cluster, "stop")
        qtbot.waitUntil(lambda: not banner.isHidden(), timeout=15000)
        w.registry[ActionId.NEW_ACTIVITY].trigger()  # no form can open now: one sentence, no traceback
        assert len(told) == 2 and not dialogs
        _pg_ctl(cluster, "start")
        qtbot.waitUntil(lambda: banner.isHidden(), timeout=15000)
        w.close()
    finally:
        if db is not None:
            db.close()
        cluster.stop()
