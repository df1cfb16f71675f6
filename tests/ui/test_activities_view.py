"""Driving the Activities view as a user would: create, edit, bulk edit, filter, sort, copy, series, undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from lifelong_desktop.db import open_database
from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import ActivityInput
from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.ui.activities import table_model as tm
from lifelong_desktop.ui.common.actions import ActionId
from lifelong_desktop.ui.common.widgets import set_combo_data
from tests.helpers.activity_plan import make_plan
from tests.helpers.desk import Desk


@pytest.fixture
def desk(qtbot, db):
    return Desk(qtbot, db, make_plan(db))


def _fill_new(form):
    form.title.setText("社区读书会")
    set_combo_data(form.activity_type, "reading")
    set_combo_data(form.level, "community")
    set_combo_data(form.city, "210100")
    form.hosts.picker.setEditText("辽宁省教育厅")
    form.hosts.add_current()
    form.undertakers.picker.setEditText("沈阳开放大学")
    form.undertakers.add_current()
    form.undertakers.picker.setEditText("大连市图书馆")
    form.undertakers.add_current()
    set_combo_data(form.venue, form.venue.itemData(1))
    assert form.ok_button.isEnabled(), form.problems.text()
    return True


def test_create_shows_selects_and_saves(desk, qtbot):
    desk.script = _fill_new
    with qtbot.waitSignal(desk.ctx.data_changed):
        desk.registry[ActionId.NEW_ACTIVITY].trigger()
    row = desk.rows()["社区读书会"]
    assert row.undertakers == ("沈阳开放大学", "大连市图书馆")
    assert row.venue_name == "沈阳市图书馆" and row.address == "沈阳市中山路1号"
    assert desk.view.selected_ids() == [row.id]
    assert desk.view.model.total_count == 11
    desk.ctx.undo_stack.undo()
    assert "社区读书会" not in desk.rows() and desk.view.model.total_count == 10
    desk.ctx.undo_stack.redo()
    assert desk.rows()["社区读书会"].uid == row.uid


def test_edit_reorders_organisers_and_undo_restores(desk, qtbot):
    title = "沈阳市终身学习活动000"
    desk.select_titles(title)

    def edit(form):
        form.title.setText("沈阳市终身学习周开幕")
        form.undertakers.picker.setEditText("鞍山市总工会")
        form.undertakers.add_current()
        form.undertakers.list.setCurrentRow(1)
        form.undertakers.move(-1)
        return True

    desk.script = edit
    with qtbot.waitSignal(desk.ctx.data_changed):
        desk.registry[ActionId.EDIT_ACTIVITY].trigger()
    rows = desk.rows()
    assert title not in rows
    assert rows["沈阳市终身学习周开幕"].undertakers == ("鞍山市总工会", "沈阳开放大学")
    with qtbot.waitSignal(desk.ctx.data_changed):
        desk.ctx.undo_stack.undo()
    assert desk.rows()[title].undertakers == ("沈阳开放大学",)
    assert desk.view.model.row_at(desk.view.model.row_of_id(rows["沈阳市终身学习周开幕"].id)).title == title
    desk.ctx.undo_stack.redo()
    assert "沈阳市终身学习周开幕" in desk.rows()


def test_cancelled_form_changes_nothing(desk):
    desk.select_titles("沈阳市终身学习活动000")
    desk.script = lambda form: (form.title.setText("不保存"), False)[1]
    desk.registry[ActionId.EDIT_ACTIVITY].trigger()
    assert "不保存" not in desk.rows() and desk.ctx.undo_stack.count() == 0


def test_delete_and_undo_gives_the_same_activity_back(desk, qtbot):
    before = desk.rows()
    ids = desk.select_titles("大连市终身学习活动001", "鞍山市终身学习活动002")
    with qtbot.waitSignal(desk.ctx.data_changed):
        desk.registry[ActionId.DELETE_ACTIVITY].trigger()
    assert len(desk.rows()) == 8 and desk.view.model.total_count == 8
    desk.ctx.undo_stack.undo()
    after = desk.rows()
    for title in ("大连市终身学习活动001", "鞍山市终身学习活动002"):
        assert after[title].uid == before[title].uid and after[title].id in ids
        assert ActivityInput.from_row(after[title]) == ActivityInput.from_row(before[title])


def test_bulk_edit_status_and_dates_then_undo(desk, qtbot):
    desk.select_titles("沈阳市终身学习活动000", "大连市终身学习活动001", "鞍山市终身学习活动002")

    def bulk(dialog):
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.set_status.setChecked(True)
        set_combo_data(dialog.status, "confirmed")
        dialog.shift.setChecked(True)
        dialog.days.setValue(7)
        return True

    desk.script = bulk
    with qtbot.waitSignal(desk.ctx.data_changed):
        desk.registry[ActionId.BULK_EDIT].trigger()
    rows = desk.rows()
    assert rows["沈阳市终身学习活动000"].status == "confirmed"
    assert rows["鞍山市终身学习活动002"].start_date == date(2024, 10, 29)
    assert rows["本溪市终身学习活动003"].status == "cancelled"  # not selected
    desk.ctx.undo_stack.undo()
    assert desk.rows()["鞍山市终身学习活动002"].start_date == date(2024, 10, 22)


def test_duplicate_and_weekly_series(desk, qtbot):
    desk.select_titles("沈阳市终身学习活动000")
    with qtbot.waitSignal(desk.ctx.data_changed):
        desk.registry[ActionId.DUPLICATE_ACTIVITY].trigger()
    assert desk.view.model.total_count == 11
    assert len(desk.view.selected_ids()) == 1

    def series(dialog):
        dialog.weekday.setCurrentIndex(5)  # Saturday
        dialog.first.setDate(date(2024, 11, 1))
        dialog.last.setDate(date(2024, 11, 30))
        assert "5" in dialog.summary.text()
        return True

    desk.script = series
    with qtbot.waitSignal(desk.ctx.data_changed):
        desk.registry[ActionId.WEEKLY_SERIES].trigger()
    made = [r for r in desk.view.model.all_rows() if r.start_date.month == 11]
    assert sorted(r.start_date.day for r in made) == [2, 9, 16, 23, 30]
    assert len(desk.view.selected_ids()) == 5
    desk.ctx.undo_stack.undo()
    assert desk.view.model.total_count == 11


def test_typing_in_the_search_box_filters_and_sorting_by_header(desk, qtbot):
    search = desk.view.filter_bar.search
    model = desk.view.model
    qtbot.keyClicks(search, "00")
    assert model.rowCount() == 10
    qtbot.keyClick(search, Qt.Key.Key_5)
    assert [model.row_at(0).title] == ["沈阳市终身学习活动005"] and model.rowCount() == 1
    search.clear()
    for ch in "大连":  # what an input method delivers: key events carrying Chinese text
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                search, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
    assert search.text() == "大连"
    expected = {
        r.id
        for r in model.all_rows()
        if any("大连" in t for t in (r.title, r.venue_name, r.city_name, *r.hosts, *r.undertakers))
    }
    assert {model.row_at(i).id for i in range(model.rowCount())} == expected and 2 < len(expected) < 10
    assert f"{len(expected)} of 10" in desk.view.filter_bar.count_label.text()
    desk.registry[ActionId.CLEAR_FILTERS].trigger()
    assert model.rowCount() == 10 and desk.view.filter_bar.search.text() == ""
    set_combo_data(desk.view.filter_bar.status, "held")
    assert {model.row_at(r).status for r in range(model.rowCount())} == {"held"}
    desk.view.filter_bar.clear()
    desk.view.table.horizontalHeader().setSortIndicator(tm.COL_CITY, Qt.SortOrder.AscendingOrder)
    assert model.row_at(0).city_name == "鞍山市"
    assert model.sort_state == (tm.COL_CITY, Qt.SortOrder.AscendingOrder)


def test_everything_is_saved_without_a_save_button(desk, qtbot, db_path):
    desk.script = _fill_new
    desk.registry[ActionId.NEW_ACTIVITY].trigger()
    desk.select_titles("沈阳市终身学习活动000")
    desk.registry[ActionId.DELETE_ACTIVITY].trigger()
    desk.db.close()
    again = open_database(db_path)
    try:
        with again.read() as s:
            titles = {r.title for r in activity_rows(s, desk.plan["programme"])}
    finally:
        again.close()
    assert "社区读书会" in titles and "沈阳市终身学习活动000" not in titles and len(titles) == 10


def test_edit_conflict_from_another_window_is_shown_and_nothing_overwritten(desk, qtbot, db_path):
    title = "沈阳市终身学习活动000"
    desk.select_titles(title)
    seen = desk.rows()[title]
    other = open_database(db_path)
    try:
        with other.transaction("other window") as s:
            planning.update_activity(
                s, seen.id, ActivityInput.from_row(seen).replace(title="另一窗口的标题"), seen.version
            )
    finally:
        other.close()

    def edit(form):
        form.title.setText("我的标题")
        desk.script = keep_theirs  # the save meets the other window's change: the conflict dialog asks
        return True

    asked = []

    def keep_theirs(dialog):
        asked.append((dialog.merge.both, dialog.findChild(QLabel, "conflictHeading").text()))
        dialog.theirs_button.click()
        return True

    desk.script = edit
    desk.registry[ActionId.EDIT_ACTIVITY].trigger()
    assert asked and asked[0][0] == ("title",) and title in asked[0][1]
    rows = desk.rows()
    assert "另一窗口的标题" in rows and "我的标题" not in rows
    assert desk.view.model.row_at(desk.view.model.row_of_id(seen.id)).title == "另一窗口的标题"
    assert desk.ctx.undo_stack.count() == 0


def test_undo_that_conflicts_is_reported_and_dropped(desk, qtbot, db_path):
    from lifelong_desktop.ui.common import undo as base

    desk.select_titles("沈阳市终身学习活动000")
    desk.script = lambda form: (form.title.setText("第一次修改"), True)[1]
    desk.registry[ActionId.EDIT_ACTIVITY].trigger()
    changed = desk.rows()["第一次修改"]
    other = open_database(db_path)
    try:
        with other.transaction("other") as s:
            planning.update_activity(
                s, changed.id, ActivityInput.from_row(changed).replace(title="别处"), changed.version
            )
    finally:
        other.close()
    failures = []
    base.error_handler.append(failures.append)
    try:
        desk.ctx.undo_stack.undo()
    finally:
        base.error_handler.remove(failures.append)
    assert len(failures) == 1 and isinstance(failures[0], planning.EditConflict)
    assert "别处" in desk.rows() and desk.ctx.undo_stack.count() == 0


def test_keyboard_from_search_to_table_and_enter_edits(desk, qtbot):
    search = desk.view.filter_bar.search
    desk.view.show()
    qtbot.keyClicks(search, "001")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert desk.view.selected_ids() == [desk.view.model.row_at(0).id]
    opened = []
    desk.script = lambda form: (opened.append(form.title.text()), False)[1]
    desk.view.table.setCurrentIndex(desk.view.model.index(0, 2))
    qtbot.keyClick(desk.view.table, Qt.Key.Key_Return)
    assert opened == ["大连市终身学习活动001"]
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == "" and desk.view.model.rowCount() == 10


def test_partial_refreshes_leave_the_table_equal_to_a_fresh_read(desk, qtbot):
    def same_as_database():
        with desk.db.read() as s:
            assert desk.view.model.all_rows() == tuple(activity_rows(s, desk.plan["programme"]))

    rows = desk.rows()
    main, sub = rows["沈阳市终身学习活动000"], rows["大连市终身学习活动001"]
    with desk.db.transaction("make a sub-venue") as s:
        planning.update_activity(
            s, sub.id, ActivityInput.from_row(sub).replace(parent_id=main.id), sub.version
        )
    desk.view.reload()
    desk.select_titles("大连市终身学习活动001")
    desk.script = lambda form: (form.title.setText("分会场一"), True)[1]
    with qtbot.waitSignal(desk.ctx.data_changed):
        desk.registry[ActionId.EDIT_ACTIVITY].trigger()
    same_as_database()
    assert desk.rows()["分会场一"].parent_uid == main.uid
    desk.view.table.sortByColumn(tm.COL_TITLE, Qt.SortOrder.AscendingOrder)
    qtbot.keyClicks(desk.view.filter_bar.search, "0")
    desk.select_titles("沈阳市终身学习活动000")
    desk.registry[ActionId.DELETE_ACTIVITY].trigger()  # a main venue: its sub-venue's row changes too
    same_as_database()
    assert desk.rows()["分会场一"].parent_id is None
    desk.ctx.undo_stack.undo()
    same_as_database()
    desk.select_titles("鞍山市终身学习活动002", "本溪市终身学习活动003")
    desk.registry[ActionId.DUPLICATE_ACTIVITY].trigger()
    same_as_database()
    assert [desk.view.model.row_at(r).title for r in range(desk.view.model.rowCount())] == sorted(
        (r.title for r in desk.view.model.all_rows() if "0" in r.title), key=title_sort
    )
    desk.ctx.undo_stack.undo()
    desk.ctx.undo_stack.undo()
    same_as_database()


def title_sort(title):
    from lifelong_desktop.services.collation import title_key

    return title_key(title)


def _bulk(status, days):
    def script(dialog):
        dialog.set_status.setChecked(True)
        set_combo_data(dialog.status, status)
        dialog.shift.setChecked(True)
        dialog.days.setValue(days)
        return True

    return script


@pytest.mark.parametrize("order", ["edit_then_bulk", "bulk_then_edit"])
def test_every_step_undoes_and_redoes_when_edits_and_bulk_edits_interleave(desk, order):
    """An undone later step bumps versions; the earlier steps must still undo (no false 'changed elsewhere')."""
    from lifelong_desktop.ui.common import undo as base

    title = "沈阳市终身学习活动000"
    ids = desk.select_titles(title, "大连市终身学习活动001")
    states = [desk.rows()]

    def edit():
        desk.view.select_ids([ids[0]])
        desk.script = lambda form: (form.title.setText(f"改过的标题{len(states)}"), True)[1]
        desk.registry[ActionId.EDIT_ACTIVITY].trigger()

    def bulk():
        desk.view.select_ids(ids)
        desk.script = _bulk("cancelled" if len(states) < 3 else "held", 3)
        desk.registry[ActionId.BULK_EDIT].trigger()

    for step in (edit, bulk) if order == "edit_then_bulk" else (bulk, edit):
        step()
        states.append(desk.rows())
    for step in (edit, bulk):
        step()  # the same again, on top
        states.append(desk.rows())
    failures = []
    base.error_handler.append(failures.append)
    try:
        stack = desk.ctx.undo_stack
        assert stack.count() == 4
        for i in range(4, 0, -1):
            stack.undo()
            assert _same_values(desk.rows(), states[i - 1]), i
        for i in range(1, 5):
            stack.redo()
            assert _same_values(desk.rows(), states[i]), i
    finally:
        base.error_handler.remove(failures.append)
    assert failures == [] and desk.told == [] and desk.ctx.undo_stack.count() == 4


def _same_values(a, b):
    """The same activities with the same values (versions and change times aside)."""

    def values(rows):
        return {t: ActivityInput.from_row(r) for t, r in rows.items()}

    return values(a) == values(b)


def test_selecting_everything_does_not_ask_the_model_about_every_cell(qtbot, db, monkeypatch):
    """Select all on 50,000 activities took 5 s: Qt's selectedRows() and the header's "is this column
    selected?" each ask the model for the flags of every selected cell. Both now go by the selection's ranges."""
    calls = []
    plain = tm.ActivityTableModel.flags

    def counting(self, index):
        calls.append(1)
        return plain(self, index)

    monkeypatch.setattr(tm.ActivityTableModel, "flags", counting)
    n = 600
    desk = Desk(qtbot, db, make_plan(db, n))
    view = desk.view
    view.resize(1400, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    calls.clear()
    view.table.selectAll()
    qtbot.wait(50)
    assert len(view.selected_ids()) == n
    assert (
        desk.registry[ActionId.BULK_EDIT].isEnabled()
        and not desk.registry[ActionId.EDIT_ACTIVITY].isEnabled()
    )
    assert len(calls) < n * 3, len(calls)  # painting the visible cells only, not 600 rows x 28 columns
    # Ctrl+click a row off again: the rows either side stay selected
    middle = view.model.row_at(300).id
    view.table.selectionModel().select(
        view.model.index(300, 0),
        view.table.selectionModel().SelectionFlag.Deselect | view.table.selectionModel().SelectionFlag.Rows,
    )
    ids = view.selected_ids()
    assert len(ids) == n - 1 and middle not in ids


def test_selecting_many_ids_makes_one_range_per_run_of_rows(desk):
    view = desk.view
    ids = [view.model.row_at(i).id for i in (0, 1, 2, 3, 5, 6, 9)]
    view.select_ids(reversed(ids))
    selection = view.table.selectionModel().selection()
    assert [(r.top(), r.bottom()) for r in sorted(selection, key=lambda r: r.top())] == [
        (0, 3),
        (5, 6),
        (9, 9),
    ]
    assert sorted(view.selected_ids()) == sorted(ids)
    assert view.table.currentIndex().row() == 0
