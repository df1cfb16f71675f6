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
    plan = make_plan(db, 12)
    ctx = AppContext(db, plan["programme"])
    w = MainWindow(ctx, S.Settings())
    qtbot.addWidget(w)
    w.told = []
    w.activities.inform = lambda title, text: w.told.append(text)
    w.dialogs = []  # scripted answers to the dialogs, in order

    def run(dialog):
        assert w.dialogs, f"unexpected dialog {dialog.windowTitle()}"
        return w.dialogs.pop(0)(dialog)

    ctx.run_dialog = run
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
    db_path.rename(away)  # the share vanished
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=5000)
    assert "cannot be reached" in banner.text()
    row = _pick(window, 4)
    typed = []
    window.dialogs = [
        lambda f: (f.title.setText("断网时写的标题"), True)[1],
        lambda f: (typed.append(f.title.text()), False)[1],  # the form is back with what was typed
    ]
    window.registry[ActionId.EDIT_ACTIVITY].trigger()
    assert typed == ["断网时写的标题"] and len(window.told) == 1 and "没有保存" in window.told[0]
    away.rename(db_path)
    qtbot.waitUntil(lambda: banner.isHidden(), timeout=6000)
    assert _rows(window)[row.id].title == row.title  # nothing half-written
    window.dialogs = [lambda f: (f.title.setText("恢复后保存"), True)[1]]
    window.registry[ActionId.EDIT_ACTIVITY].trigger()
    assert _rows(window)[row.id].title == "恢复后保存"


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
