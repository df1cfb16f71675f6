"""The activity dialog makes a venue the register does not have yet (a new programme's register is empty):
the Venues tab's own form and rules, the activity's city chosen, one undoable step, then chosen in the dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from lifelong_desktop.services.programmes import create_programme
from lifelong_desktop.services.rows import venue_rows
from lifelong_desktop.ui.activities.choices import load_choices
from lifelong_desktop.ui.activities.form import ActivityForm
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.widgets import set_combo_data
from lifelong_desktop.ui.registers.new_venue import venue_creator


@pytest.fixture
def new_programme(db, qtbot):
    with db.transaction("setup") as s:
        programme = create_programme(s, region_code="330000", year=2027, week_start=date(2027, 11, 6))
        s.flush()
        programme_id = programme.id
    ctx = AppContext(db, programme_id)
    form = ActivityForm(load_choices(ctx), None, [], create_venue=venue_creator(ctx))
    qtbot.addWidget(form)
    form.confirm_discard = lambda: True
    form.show()
    qtbot.waitExposed(form)
    form.tabs.setCurrentIndex(1)
    return ctx, form


def test_new_venue_is_made_in_the_activitys_city_and_chosen(new_programme):
    ctx, form = new_programme
    set_combo_data(form.city, "330100")  # 杭州市
    assert form.venue.count() == 1  # (none): the register is empty
    seen = {}

    def fill_and_accept(dialog: QDialog) -> bool:
        seen["city"] = dialog.city.currentData()
        dialog.accept()  # no name: the register's rule refuses it, the form stays
        assert not dialog.error.isHidden() and dialog.result() != QDialog.DialogCode.Accepted
        dialog.name.setText("杭州市老年大学")
        dialog.address.setText("杭州市西湖区文三路1号")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    ctx.run_dialog = fill_and_accept
    QTest.mouseClick(form.new_venue, Qt.MouseButton.LeftButton)
    assert seen["city"] == "330100"
    with ctx.db.read() as s:
        made = [v for v in venue_rows(s) if v.name == "杭州市老年大学"]
    assert len(made) == 1 and made[0].city_code == "330100"
    assert form.venue.currentData() == made[0].id
    assert form.value().venue_id == made[0].id and form.value().address == "杭州市西湖区文三路1号"
    assert ctx.undo_stack.count() == 1 and "杭州市老年大学" in ctx.undo_stack.undoText()


def test_giving_up_on_a_new_venue_changes_nothing(new_programme):
    ctx, form = new_programme
    set_combo_data(form.city, "330200")
    before = form.value()
    ctx.run_dialog = lambda dialog: False
    QTest.mouseClick(form.new_venue, Qt.MouseButton.LeftButton)
    assert form.value() == before and form.venue.count() == 1
    with ctx.db.read() as s:
        assert venue_rows(s) == []


def test_without_a_creator_there_is_no_button(db, qtbot):
    with db.transaction("setup") as s:
        programme_id = create_programme(s, region_code="330000", year=2027).id
    form = ActivityForm(load_choices(AppContext(db, programme_id)))
    qtbot.addWidget(form)
    assert form.new_venue.isHidden()


def test_tab_from_the_venue_reaches_new_venue_then_the_address(new_programme):
    _ctx, form = new_programme
    assert form.venue.nextInFocusChain() is form.new_venue
    assert form.new_venue.nextInFocusChain() is form.address


def test_the_venue_form_opens_with_the_name_to_type(new_programme, qtbot):
    ctx, form = new_programme
    focused = {}

    def look(dialog: QDialog) -> bool:
        dialog.show()
        qtbot.waitExposed(dialog)
        focused["widget"], focused["name"] = dialog.focusWidget(), dialog.name
        return False

    ctx.run_dialog = look
    QTest.mouseClick(form.new_venue, Qt.MouseButton.LeftButton)
    assert focused["widget"] is focused["name"]
