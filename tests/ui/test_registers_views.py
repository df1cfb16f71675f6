"""The Organisations and Venues views driven as a user would: search, select, open, create, edit, merge, undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from lifelong_desktop.services.rows import organisation_rows, venue_rows
from lifelong_desktop.ui.registers.organisations_view import OrganisationsView
from lifelong_desktop.ui.registers.venues_view import VenuesView
from tests.helpers.plan_data import ctx_fixture, plan_fixture  # noqa: F401 - fixtures


@pytest.fixture
def orgs(ctx, qtbot):
    view = OrganisationsView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    view.refresh()
    return view


@pytest.fixture
def venues(ctx, qtbot):
    view = VenuesView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    view.refresh()
    return view


def names(view):
    return [r.name for r in view.model.rows()]


def undo(ctx, qtbot):
    ctx.undo_stack.undo()
    qtbot.wait(5)  # views coalesce data_changed and reload on the next turn of the event loop


def redo(ctx, qtbot):
    ctx.undo_stack.redo()
    qtbot.wait(5)


def double_click(qtbot, view, index):
    """What a real double-click sends: press, release, then the double-click."""
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def click_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_models_pass_the_model_tester(orgs, venues, plan, qtmodeltester):
    orgs.select(plan["edu"])
    venues.select(plan["dl"])
    for model in (orgs.model, orgs.activities, venues.model, venues.bookings):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_names_sort_by_pinyin_and_search_by_initials(orgs, qtbot):
    assert names(orgs) == ["辽宁开放大学", "辽宁 开放大学（沈阳）", "辽宁省教育厅", "辽宁省总工会"]
    orgs.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names(orgs)[0] == "辽宁省总工会"
    qtbot.keyClicks(orgs.search, "lnszgh")
    assert names(orgs) == ["辽宁省总工会"]
    assert orgs.current().name == "辽宁省总工会"  # the only match is selected
    orgs.search.clear()
    orgs.search.setText("教育")  # Chinese arrives through the input method, not key by key
    assert names(orgs) == ["辽宁省教育厅"]


def test_selected_organisation_shows_its_activities_by_role_and_opens_one(orgs, plan, qtbot):
    orgs.select(plan["ou2"])
    roles = [(p.title, orgs.activities.index(i, 2).data()) for i, p in enumerate(orgs.activities.rows())]
    assert sorted(roles) == sorted(
        [("开幕式", "Undertaker"), ("开幕式", "Co-organiser"), ("终身学习讲座", "Host")]
    )
    assert "2" in orgs.detail.text()
    row = orgs.activities.row_of(lambda p: p.title == "终身学习讲座")
    seen = []
    orgs.ctx.activity_requested.connect(seen.append)
    with qtbot.waitSignal(orgs.ctx.activity_requested) as blocker:
        double_click(qtbot, orgs.activity_table, orgs.activities.index(row, 1))
    assert blocker.args == [plan["lecture"]]
    assert seen == [plan["lecture"]]  # once per double-click
    orgs.activity_table.setFocus()
    with qtbot.waitSignal(orgs.ctx.activity_requested):
        qtbot.keyClick(orgs.activity_table, Qt.Key.Key_Return)  # Enter opens too


def test_create_edit_with_undo_and_redo(orgs, ctx, qtbot):
    dialog = orgs.new_organisation()
    dialog.name.setText("沈阳市总工会")
    dialog.org_type.setCurrentIndex(dialog.org_type.findData("union"))
    qtbot.keyClicks(dialog.email, "bad-mail")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and "邮箱" in dialog.error.text()  # refused, the form stays open
    dialog.email.clear()
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert "沈阳市总工会" in names(orgs) and orgs.current().name == "沈阳市总工会"
    assert ctx.undo_stack.count() == 1 and "沈阳市总工会" in ctx.undo_stack.undoText()

    edit = orgs.edit_organisation()
    assert edit.name.text() == "沈阳市总工会" and edit.org_type.currentData() == "union"
    edit.name.setText("沈阳市总工会（市工会）")
    click_ok(qtbot, edit)
    assert "沈阳市总工会（市工会）" in names(orgs)
    undo(ctx, qtbot)
    assert "沈阳市总工会" in names(orgs) and "沈阳市总工会（市工会）" not in names(orgs)
    undo(ctx, qtbot)
    assert "沈阳市总工会" not in names(orgs)
    redo(ctx, qtbot)
    redo(ctx, qtbot)
    with ctx.db.read() as s:
        assert "沈阳市总工会（市工会）" in [r.name for r in organisation_rows(s)]


def test_duplicate_name_is_refused_in_the_form(orgs, qtbot):
    dialog = orgs.new_organisation()
    dialog.name.setText(" 辽宁省教育厅")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and "合并" in dialog.error.text()
    dialog.reject()


def test_double_click_and_context_menu_edit_the_selected_entry(orgs, plan, qtbot):
    orgs.select(plan["union"])
    opened = []
    orgs.edit_organisation = lambda: opened.append(orgs.current().id)
    double_click(qtbot, orgs.table, orgs.model.index(orgs.model.row_of(lambda r: r.id == plan["union"]), 0))
    assert opened == [plan["union"]]
    words = [a.text() for a in orgs.table.actions()]
    assert words == ["New…", "Edit…", "Delete", "Merge…"]
    orgs.table.clearSelection()
    assert not orgs.table.actions()[1].isEnabled()


def test_delete_refused_with_a_sentence_while_used(orgs, plan, ctx):
    orgs.select(plan["edu"])
    assert not orgs.delete_organisation()
    assert orgs.notice.isVisible() and "3" in orgs.notice.text() and "辽宁省教育厅" in orgs.notice.text()
    assert ctx.undo_stack.count() == 0


def test_merge_two_organisations_then_undo(orgs, plan, ctx, qtbot):
    orgs.select(plan["ou"])
    dialog = orgs.merge_organisations()
    dialog.drop.setCurrentIndex(dialog.drop.findData(plan["ou2"]))
    assert dialog.ids() == (plan["ou"], plan["ou2"])
    assert "2" in dialog.summary.text()
    dialog.swap()
    assert dialog.ids() == (plan["ou2"], plan["ou"])
    dialog.swap()
    with qtbot.waitSignal(ctx.data_changed) as blocker:
        click_ok(qtbot, dialog)
    assert {"organisations", "activities"} <= blocker.args[0]
    assert "辽宁 开放大学（沈阳）" not in names(orgs)
    assert orgs.current().id == plan["ou"]
    assert {p.title for p in orgs.activities.rows()} == {"开幕式", "终身学习讲座", "读书会", "线上课程"}
    undo(ctx, qtbot)
    assert "辽宁 开放大学（沈阳）" in names(orgs)
    redo(ctx, qtbot)
    assert "辽宁 开放大学（沈阳）" not in names(orgs)


def test_venue_filter_by_city_and_bookings_with_clashes(venues, plan, qtbot):
    assert len(venues.model.rows()) == 3
    venues.city.setCurrentIndex(venues.city.findData("210100"))
    assert sorted(names(venues)) == ["沈阳图书馆", "沈阳市图书馆"]
    venues.city.setCurrentIndex(venues.city.findData("210200"))
    assert names(venues) == ["大连市文化馆"]
    venues.select(plan["dl"])
    bookings = venues.bookings.rows()
    assert len(bookings) == 6
    clashing = [b.entry.title for b in bookings if b.clash]
    assert clashing == ["学习成果展", "读书会"]
    row = venues.bookings.row_of(lambda b: b.clash and b.entry.title == "读书会")
    index = venues.bookings.index(row, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "学习成果展" in venues.bookings.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert venues.bookings.row_at(0).entry.day == date(2024, 10, 27)
    seen = []
    venues.ctx.activity_requested.connect(seen.append)
    with qtbot.waitSignal(venues.ctx.activity_requested) as blocker:
        double_click(qtbot, venues.booking_table, index)
    assert blocker.args == [plan["reading"]] and seen == [plan["reading"]]


def test_new_venue_in_the_filtered_city_edit_and_undo(venues, ctx, qtbot):
    venues.city.setCurrentIndex(venues.city.findData("210200"))
    dialog = venues.new_venue()
    assert dialog.city.currentData() == "210200"
    dialog.name.setText("大连图书馆")
    dialog.county.setCurrentIndex(dialog.county.findData("210202"))
    dialog.capacity.setValue(250)
    click_ok(qtbot, dialog)
    assert "大连图书馆" in names(venues)
    assert venues.current().capacity == 250 and venues.current().county_code == "210202"
    edit = venues.edit_venue()
    edit.capacity.setValue(0)  # back to "not given"
    click_ok(qtbot, edit)
    assert venues.current().capacity is None
    undo(ctx, qtbot)
    assert venues.current().capacity == 250
    undo(ctx, qtbot)
    assert "大连图书馆" not in names(venues)


def test_merge_venues_of_one_city(venues, plan, ctx, qtbot):
    venues.select(plan["hall"])
    dialog = venues.merge_venues()
    assert {dialog.keep.itemData(i) for i in range(dialog.keep.count())} == {plan["hall"], plan["hall2"]}
    assert dialog.ids() == (plan["hall"], plan["hall2"])
    click_ok(qtbot, dialog)
    with ctx.db.read() as s:
        assert [v.name for v in venue_rows(s) if v.city_code == "210100"] == ["沈阳市图书馆"]
    assert venues.current().id == plan["hall"]
    assert [b.entry.title for b in venues.bookings.rows()] == ["开幕式", "终身学习讲座"]
    assert [b.clash for b in venues.bookings.rows()] == [True, True]  # 9-11 and 10-12 in one hall now
    undo(ctx, qtbot)
    assert len(venues.model.all_rows()) == 3


def test_venue_delete_refused_while_used(venues, plan, qtbot):
    venues.select(plan["dl"])
    assert not venues.delete_venue()
    assert "3" in venues.notice.text()


def test_an_undo_that_cannot_be_made_is_reported_and_dropped(orgs, ctx, plan, qtbot):
    from lifelong_desktop.services.planning import ActivityInput, create_activity
    from lifelong_desktop.ui.common import undo as undo_base

    dialog = orgs.new_organisation()
    dialog.name.setText("新单位")
    click_ok(qtbot, dialog)
    new_id = orgs.current().id
    with ctx.db.transaction() as s:  # another window makes it host of an activity meanwhile
        create_activity(
            s,
            plan["programme"],
            ActivityInput(
                title="新活动",
                start_date=date(2024, 5, 1),
                end_date=date(2024, 5, 1),
                city_code="210100",
                activity_type="lecture",
                level="municipal",
                host_ids=(new_id,),
            ),
        )
    reported = []
    undo_base.error_handler.append(lambda exc: reported.append(str(exc)))
    try:
        undo(ctx, qtbot)
    finally:
        undo_base.error_handler.pop()
    assert reported and "新单位" in reported[0] and "1" in reported[0]
    assert "新单位" in names(orgs)
    assert ctx.undo_stack.count() == 0  # the command that cannot be undone is dropped


@pytest.mark.parametrize(
    "times", [pytest.param(20, id="20"), pytest.param(200, id="200", marks=pytest.mark.slow)]
)
def test_ok_then_new_at_once_many_times(orgs, ctx, qtbot, times):
    """确定 then an immediate 新建…, as a quick clerk does: each dialog is closed, saved and let go of in turn,
    and a New… pressed while one is open brings that one forward instead of opening a second."""
    before = orgs.model.rowCount()
    for i in range(times):
        qtbot.mouseClick(orgs.new_button, Qt.MouseButton.LeftButton)
        dialog = orgs._dialog
        assert dialog is not None and dialog.isVisible()
        qtbot.mouseClick(orgs.new_button, Qt.MouseButton.LeftButton)  # a second press: still one dialog
        assert orgs._dialog is dialog
        dialog.name.setText(f"测试单位{i:03d}")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter is 确定
        assert orgs._dialog is None and not dialog.isVisible()
        if i % 10 == 0:
            qtbot.wait(1)  # let some deletions and queued reloads run between the clicks, not all
    qtbot.wait(20)
    assert orgs.model.rowCount() == before + times
    assert ctx.undo_stack.count() == times
    assert [d for d in orgs.findChildren(QDialog) if d.isVisible()] == []
