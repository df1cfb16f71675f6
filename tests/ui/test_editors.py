"""The activity form and the bulk edit / weekly series dialogs, checked as a user fills them in."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QListWidget, QSpinBox, QTimeEdit

from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.ui.activities.bulk_edit import BulkEditDialog
from lifelong_desktop.ui.activities.choices import load_choices
from lifelong_desktop.ui.activities.form import ActivityForm
from lifelong_desktop.ui.activities.series import WeeklySeriesDialog
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.widgets import set_combo_data
from tests.helpers.activity_plan import make_plan


@pytest.fixture
def setup(db):
    plan = make_plan(db)
    ctx = AppContext(db, plan["programme"])
    with db.read() as s:
        rows = activity_rows(s, plan["programme"])
    return ctx, load_choices(ctx), rows


def test_existing_activity_round_trips_through_the_form(qtbot, setup):
    from lifelong_desktop.services.planning import ActivityInput

    _ctx, choices, rows = setup
    form = ActivityForm(choices, rows[0], rows)
    qtbot.addWidget(form)
    assert form.value() == ActivityInput.from_row(rows[0])
    assert form.ok_button.isEnabled()
    assert form.windowTitle() == "Edit Activity"


def test_new_form_explains_what_is_missing_and_keeps_ok_disabled(qtbot, setup):
    _ctx, choices, rows = setup
    form = ActivityForm(choices, None, rows)
    qtbot.addWidget(form)
    assert not form.ok_button.isEnabled()
    assert "title" in form.problems.text().lower()
    form.title.setText("讲座")
    set_combo_data(form.activity_type, "lecture")
    set_combo_data(form.level, "provincial")
    set_combo_data(form.city, "210100")
    assert not form.ok_button.isEnabled() and "host" in form.problems.text().lower()
    form.hosts.picker.setEditText("辽宁省教育厅")
    form.hosts.add_current()
    assert form.ok_button.isEnabled()
    assert "venue" in form.problems.text().lower()  # a warning only: on site without a venue


def test_dates_and_times_are_checked_in_words(qtbot, setup):
    _ctx, choices, rows = setup
    form = ActivityForm(choices, rows[0], rows)
    qtbot.addWidget(form)
    form.start_date.setDate(QDate(2024, 10, 25))
    assert form.end_date.date() == QDate(2024, 10, 25)  # the end follows the start
    form.end_date.setDate(QDate(2024, 10, 24))
    assert not form.ok_button.isEnabled()
    assert "end date cannot be before the start date" in form.problems.text().lower()
    form.end_date.setDate(QDate(2024, 10, 25))
    form.start_time.setTime(QTime(14, 0))
    form.end_time.setTime(QTime(13, 0))
    assert not form.ok_button.isEnabled() and "end time" in form.problems.text().lower()
    form.all_day.setChecked(True)
    assert form.ok_button.isEnabled() and not form.start_time.isEnabled()
    assert form.value().start_time is None
    form.all_day.setChecked(False)
    form.end_time.setTime(QTime(15, 30))
    assert form.value().end_time == time(15, 30) and form.value().start_date == date(2024, 10, 25)


def test_venues_follow_the_city_and_fill_the_address(qtbot, setup):
    _ctx, choices, rows = setup
    form = ActivityForm(choices, None, rows)
    qtbot.addWidget(form)
    set_combo_data(form.city, "210200")
    names = [form.venue.itemText(i) for i in range(1, form.venue.count())]
    assert names == ["大连市图书馆"]
    assert form.county.count() > 1 and form.county.itemText(1)
    form.venue.setCurrentIndex(1)
    assert form.address.text() == "大连市中山路1号"


def test_organiser_order_can_be_changed(qtbot, setup):
    _ctx, choices, rows = setup
    form = ActivityForm(choices, rows[0], rows)
    qtbot.addWidget(form)
    lst = form.co_organisers
    ids = [o.id for o in choices.organisations]
    for oid in ids[:3]:
        assert lst.add(oid)
    assert not lst.add(ids[0])  # no repeats
    lst.list.setCurrentRow(2)
    lst.move(-1)
    lst.move(-1)
    assert lst.ids() == (ids[2], ids[0], ids[1])
    assert not lst.up_button.isEnabled()
    lst.remove_selected()
    assert form.value().co_organiser_ids == (ids[0], ids[1])


def test_every_input_has_an_accessible_name(qtbot, setup):
    _ctx, choices, rows = setup
    form = ActivityForm(choices, rows[0], rows)
    qtbot.addWidget(form)
    unnamed = [
        w
        for cls in (QLineEdit, QComboBox, QDateEdit, QTimeEdit, QSpinBox, QListWidget)
        for w in form.findChildren(cls)
        if not w.accessibleName()
        and not isinstance(w.parent(), QComboBox)
        and not w.objectName().startswith("qt_")
    ]  # Qt's own inner editors
    assert unnamed == []


def test_bulk_edit_dialog_builds_the_change(qtbot, setup):
    _ctx, choices, _rows = setup
    dialog = BulkEditDialog(choices, 3)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and not dialog.status.isEnabled()
    dialog.add_org.setChecked(True)
    dialog.org.setEditText("沈阳开放大学")
    set_combo_data(dialog.role, "co_organiser")
    dialog.set_venue.setChecked(True)
    dialog.venue.setCurrentIndex(2)
    change = dialog.change()
    assert change.add_organisation[0] == "co_organiser"
    assert change.venue_id == choices.venues[2].id and change.status is None and change.shift_days == 0


def test_series_dialog_refuses_an_empty_series(qtbot, setup):
    _ctx, _choices, rows = setup
    dialog = WeeklySeriesDialog(rows[0])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.first.setDate(QDate(2024, 11, 4))  # a Monday
    dialog.last.setDate(QDate(2024, 11, 8))
    dialog.weekday.setCurrentIndex(6)  # Sunday
    assert not ok.isEnabled() and "weekday" in dialog.summary.text().lower()


def test_main_venue_choices_and_sub_venue_link(qtbot, setup):
    from lifelong_desktop.ui.activities.form_parts import main_venue_candidates

    _ctx, choices, rows = setup
    opening = rows[0]._replace(activity_type="opening_ceremony")
    others = [r._replace(level="municipal", activity_type="lecture") for r in rows[1:]]
    candidates = main_venue_candidates([opening, *others], others[0])
    assert [c.id for c in candidates] == [opening.id]
    form = ActivityForm(choices, others[0], [opening, *others])
    qtbot.addWidget(form)
    assert form.parent_combo.count() == 2
    set_combo_data(form.parent_combo, opening.id)
    assert form.value().parent_id == opening.id


def _clashing_mnemonics(dialog) -> dict[str, list[str]]:
    """Alt+letter keys used twice among the dialog's visible labels, buttons and tab titles."""
    import re
    from collections import defaultdict

    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

    keys: dict[str, list[str]] = defaultdict(list)
    texts = [
        w.text()
        for cls in (QLabel, QAbstractButton)
        for w in dialog.findChildren(cls)
        if w.isVisibleTo(dialog)
    ]
    texts += [t.tabText(i) for t in dialog.findChildren(QTabWidget) for i in range(t.count())]
    for text in texts:
        found = re.search(r"&([^&])", text.replace("&&", ""))
        if found:
            keys[found.group(1).upper()].append(text)
    return {k: v for k, v in keys.items() if len(v) > 1}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_alt_key_of_the_activity_form_is_used_twice(qtbot, setup, language):
    from PySide6.QtWidgets import QApplication

    from lifelong_desktop.ui.shell.i18n import install_translators

    _ctx, choices, rows = setup
    app = QApplication.instance()
    install_translators(app, language)
    try:
        form = ActivityForm(choices, rows[0], rows)
        qtbot.addWidget(form)
        form.show()
        for i in range(form.tabs.count()):
            form.tabs.setCurrentIndex(i)
            assert _clashing_mnemonics(form) == {}, form.tabs.tabText(i)
    finally:
        install_translators(app, "en")


def test_organisers_are_added_removed_and_moved_with_the_keyboard(qtbot, setup):
    from PySide6.QtCore import Qt

    _ctx, choices, rows = setup
    form = ActivityForm(choices, None, rows)
    qtbot.addWidget(form)
    form.confirm_discard = lambda: True  # closing it at the end of the test throws the values away
    form.show()
    form.tabs.setCurrentIndex(2)
    lst = form.co_organisers
    names = [o.name for o in choices.organisations[:3]]
    for name in names:  # type a name, Enter adds it (and does not close the dialog)
        lst.picker.lineEdit().setText(name)
        qtbot.keyClick(lst.picker.lineEdit(), Qt.Key.Key_Return)
    assert form.isVisible() and [lst.list.item(i).text() for i in range(lst.list.count())] == names
    ids = lst.ids()
    lst.list.setCurrentRow(2)
    qtbot.keyClick(lst.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert lst.ids() == (ids[0], ids[2], ids[1]) and lst.list.currentRow() == 1
    qtbot.keyClick(lst.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert lst.ids() == ids
    qtbot.keyClick(lst.list, Qt.Key.Key_Delete)
    assert lst.ids() == ids[:2] and lst.list.currentRow() == 1  # the next one is selected for another Delete
    qtbot.keyClick(lst.list, Qt.Key.Key_Delete)
    assert lst.ids() == ids[:1]
    # Tab goes from the picker (the label's buddy) to Add, then into the list it fills
    assert lst.picker.nextInFocusChain() is not None
    chain, w = [], lst.picker
    for _ in range(3):
        w = w.nextInFocusChain()
        while w.parent() is lst.picker:  # the combo's own line edit
            w = w.nextInFocusChain()
        chain.append(w)
    assert chain[:2] == [lst.add_button, lst.list]


def test_bulk_edit_venue_is_found_by_typing_and_the_selection_cities_come_first(qtbot, setup):
    _ctx, choices, _rows = setup
    city = choices.venues[-1].city_code
    dialog = BulkEditDialog(choices, 2, cities=[city])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    first = next(v for v in choices.venues if v.city_code == city)
    assert dialog.venue.itemData(0) == first.id
    target = choices.venues[-1]
    dialog.set_venue.setChecked(True)
    dialog.venue.setEditText(dialog.venue.itemText(dialog.venue.findData(target.id)))
    assert dialog.change().venue_id == target.id and ok.isEnabled()
    dialog.venue.setEditText("没有这个场地")
    assert dialog.change().venue_id is None and not ok.isEnabled()  # a name that is no venue is not applied
    dialog.set_venue.setChecked(False)
    dialog.add_org.setChecked(True)
    assert ok.isEnabled()
    dialog.org.setEditText("不存在的单位")
    assert not ok.isEnabled()  # OK follows the typing, it does not silently drop the organisation


def test_every_audience_is_in_view_whole_and_space_ticks_it(qtbot, setup):
    from PySide6.QtCore import Qt

    _ctx, choices, rows = setup
    form = ActivityForm(choices, None, rows)
    qtbot.addWidget(form)
    form.confirm_discard = lambda: True
    form.show()
    form.tabs.setCurrentIndex(3)
    lst = form.audiences
    qtbot.wait(10)
    viewport = lst.viewport().rect()
    for i in range(lst.count()):
        item = lst.item(i)
        rect = lst.visualItemRect(item)
        assert viewport.contains(rect), item.text()  # no scrolling to find one
        assert rect.width() >= lst.fontMetrics().horizontalAdvance(item.text()) + 20, item.text()  # no "…"
    lst.setFocus()
    lst.setCurrentRow(1)
    qtbot.keyClick(lst, Qt.Key.Key_Space)
    assert form.value().audiences == (lst.item(1).data(Qt.ItemDataRole.UserRole),)


def test_tabs_with_problems_are_marked_and_say_why(qtbot, setup):
    _ctx, choices, rows = setup
    form = ActivityForm(choices, None, rows)
    qtbot.addWidget(form)
    marked = [i for i in range(form.tabs.count()) if not form.tabs.tabIcon(i).isNull()]
    assert marked == [0, 1, 2]  # title/type/level, city, hosts; nothing on Participants
    assert "title" in form.tabs.tabToolTip(0).lower() and "host" in form.tabs.tabToolTip(2).lower()
    lines = form.problems.text().splitlines()
    assert lines.index(form.tabs.tabToolTip(2)) > lines.index(
        form.tabs.tabToolTip(1).splitlines()[0]
    )  # tab order
    form.title.setText("讲座")
    set_combo_data(form.activity_type, "lecture")
    set_combo_data(form.level, "provincial")
    assert form.tabs.tabIcon(0).isNull() and form.tabs.tabToolTip(0) == ""
    set_combo_data(form.city, "210100")
    form.hosts.picker.setEditText("辽宁省教育厅")
    form.hosts.add_current()
    assert all(form.tabs.tabIcon(i).isNull() for i in range(form.tabs.count())) and form.ok_button.isEnabled()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_alt_key_of_the_other_dialogs_is_used_twice(qtbot, setup, language):
    from PySide6.QtWidgets import QApplication

    from lifelong_desktop.services.regions import regions
    from lifelong_desktop.ui.programme.new_programme import FromLastYearDialog, NewProgrammeDialog
    from lifelong_desktop.ui.programme.print_options import PrintOptionsDialog
    from lifelong_desktop.ui.programme.template_dialog import TemplateDialog
    from lifelong_desktop.ui.shell.i18n import install_translators

    _ctx, choices, rows = setup
    app = QApplication.instance()
    install_translators(app, language)
    try:
        dialogs = [
            PrintOptionsDialog(regions().cities_of("210000")),
            BulkEditDialog(choices, 2),
            WeeklySeriesDialog(rows[0]),
            TemplateDialog("210000", 2024),
            NewProgrammeDialog(),
            FromLastYearDialog("辽宁省", 2025),
        ]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            assert _clashing_mnemonics(dialog) == {}, type(dialog).__name__
    finally:
        install_translators(app, "en")


def test_cancel_after_typing_asks_before_throwing_the_values_away(qtbot, setup):
    from PySide6.QtCore import Qt

    _ctx, choices, rows = setup
    form = ActivityForm(choices, rows[0], rows)
    qtbot.addWidget(form)
    asked = []
    form.confirm_discard = lambda: asked.append(1) or False  # "Keep editing"
    form.show()
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not form.isVisible() and asked == []
    form.show()
    form.title.setText("打了一半的标题")
    qtbot.keyClick(form.title, Qt.Key.Key_Escape)
    assert form.isVisible() and asked == [1] and form.title.text() == "打了一半的标题"
    form.confirm_discard = lambda: True  # "Discard changes"
    form.reject()
    assert not form.isVisible()


def test_a_start_time_without_an_end_time_stays_so(qtbot, setup, db):
    """A workbook may give a start time and no end time (the format allows it); the form shows the end empty,
    accepts it, and an edit of another field saves no end time the activity never had."""
    from dataclasses import replace

    from lifelong_desktop.services.planning import ActivityInput

    _ctx, choices, rows = setup
    timed = next(r for r in rows if r.start_time is not None)
    open_ended = timed._replace(end_time=None)
    form = ActivityForm(choices, open_ended, rows)
    qtbot.addWidget(form)
    assert form.end_time.text() == "" and form.value().end_time is None
    assert form.ok_button.isEnabled() and "end time" not in form.problems.text().lower()
    form.title.setText(open_ended.title + "（改）")
    expected = replace(ActivityInput.from_row(open_ended), title=open_ended.title + "（改）")
    assert form.value() == expected
    form.all_day.setChecked(True)
    form.all_day.setChecked(False)
    assert form.value().end_time is None  # unticking gives back what it had: no end
