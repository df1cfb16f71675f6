"""Date and time fields read what is typed as a whole, whatever the cursor or selection: typed into the real
widgets with key events, in the activity form, the weekly series and the filter bar."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from test_activities_model import make_plan

from lifelong_desktop.services.planning import default_activity_date
from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.ui.activities.choices import load_choices
from lifelong_desktop.ui.activities.filter_bar import FilterBar
from lifelong_desktop.ui.activities.form import ActivityForm
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.date_entry import DateEdit, TimeEdit
from lifelong_desktop.ui.common.typed_values import read_date, read_time


def type_text(widget, text: str) -> None:
    """Key presses for each character (QTest.keyClicks takes ASCII only; Chinese comes as text, as from an IME)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClick(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def retype(qtbot, field, text: str) -> None:
    """What a clerk does: into the field, Ctrl+A, type."""
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(field, text)


@pytest.mark.parametrize(
    "text",
    ["2025-05-12", "2025/5/12", "5月12日", "2025年5月12日", "20250512", "5/12", "２０２５－０５－１２"],
)
def test_every_usual_way_of_typing_a_date_reads_the_same_day(text):
    assert read_date(text, 2025) == date(2025, 5, 12)


@pytest.mark.parametrize("text", ["", "12", "45789", "2025-13-01", "2月30日", "五月十二日", "2025-05-12x"])
def test_text_that_names_no_date_is_not_guessed_at(text):
    assert read_date(text, 2025) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0930", time(9, 30)),
        ("930", time(9, 30)),
        ("9:30", time(9, 30)),
        ("14:00", time(14, 0)),
        ("14", time(14, 0)),
        ("9点半", time(9, 30)),
        ("０９３０", time(9, 30)),
    ],
)
def test_every_usual_way_of_typing_a_time(text, expected):
    assert read_time(text) == expected


@pytest.mark.parametrize("text", ["2460", "25:00", "9:3", "noon", "12345"])
def test_text_that_names_no_time(text):
    assert read_time(text) is None


@pytest.mark.parametrize("text", ["2025-05-12", "2025/5/12", "5月12日", "2025年5月12日"])
@pytest.mark.parametrize("cursor", ["start", "year_selected", "end"])
def test_typed_date_replaces_the_whole_date_wherever_the_cursor_is(qtbot, text, cursor):
    field = DateEdit(year=2025)
    qtbot.addWidget(field)
    field.set_value(date(2024, 12, 5))
    field.setFocus()
    if cursor == "year_selected":  # as after Alt+S put the cursor in the field with the year selected
        field.setSelection(0, 4)
    elif cursor == "start":
        field.setCursorPosition(0)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(field.dateChanged):
        type_text(field, text)
    assert field.value() == date(2025, 5, 12) and field.is_valid()
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "2025-05-12"  # shown the standard way once entered


def test_unreadable_date_keeps_the_last_value_and_says_so(qtbot):
    field = DateEdit(year=2025)
    qtbot.addWidget(field)
    field.set_value(date(2025, 5, 12))
    retype(qtbot, field, "5月32日")
    assert not field.is_valid()
    assert (
        "2025-05-12" in field.toolTip() and field.text() == "5月32日"
    )  # the typed text is kept to put right


def test_arrow_keys_move_a_date_and_a_time(qtbot):
    day, hour = DateEdit(year=2025), TimeEdit()
    for w in (day, hour):
        qtbot.addWidget(w)
    day.set_value(date(2025, 5, 31))
    QTest.keyClick(day, Qt.Key.Key_Up)
    assert day.value() == date(2025, 6, 1)
    QTest.keyClick(day, Qt.Key.Key_PageDown)
    assert day.value() == date(2025, 5, 1)
    hour.set_value(time(9, 55))
    QTest.keyClick(hour, Qt.Key.Key_Up)
    assert hour.value() == time(10, 0) and hour.text() == "10:00"


def test_optional_date_is_empty_for_any(qtbot):
    field = DateEdit(optional=True, empty_text="any")
    qtbot.addWidget(field)
    assert field.value() is None and field.is_valid() and field.text() == ""
    field.set_value(date(2025, 5, 1))
    retype(qtbot, field, "")
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    assert field.value() is None and field.is_valid()


# ------------------------------------------------------------------ in the activity form


@pytest.fixture
def setup(db):
    plan = make_plan(db)
    ctx = AppContext(db, plan["programme"])
    with db.read() as s:
        rows = activity_rows(s, plan["programme"])
    return ctx, load_choices(ctx), rows


def test_form_saves_the_typed_dates_and_times(qtbot, setup):
    _ctx, choices, rows = setup
    year = choices.programme.year
    form = ActivityForm(choices, rows[0], rows)
    qtbot.addWidget(form)
    form.all_day.setChecked(False)
    retype(qtbot, form.start_date, "5月12日")
    retype(qtbot, form.end_date, f"{year}/5/13")
    retype(qtbot, form.start_time, "0930")
    retype(qtbot, form.end_time, "14:00")
    v = form.value()
    assert (v.start_date, v.end_date) == (date(year, 5, 12), date(year, 5, 13))
    assert (v.start_time, v.end_time) == (time(9, 30), time(14, 0))
    assert form.ok_button.isEnabled()


def test_form_refuses_ok_while_a_date_or_time_names_nothing(qtbot, setup):
    _ctx, choices, rows = setup
    form = ActivityForm(choices, rows[0], rows)
    qtbot.addWidget(form)
    assert form.ok_button.isEnabled()
    form.all_day.setChecked(False)
    retype(qtbot, form.start_time, "25:00")
    assert not form.ok_button.isEnabled() and "9:30" in form.problems.text()
    form.all_day.setChecked(True)  # an all-day activity has no time to read
    assert form.ok_button.isEnabled()
    retype(qtbot, form.end_date, "next week")
    assert not form.ok_button.isEnabled() and "2025-05-12" in form.problems.text()


def test_toggling_all_day_gives_back_exactly_the_old_or_the_typed_time(qtbot, setup):
    _ctx, choices, rows = setup
    timed = next(r for r in rows if r.start_time is not None)
    form = ActivityForm(choices, timed, rows)
    qtbot.addWidget(form)
    old = (timed.start_time, timed.end_time)
    form.all_day.setChecked(True)
    assert (form.value().start_time, form.value().end_time) == (None, None)
    form.all_day.setChecked(False)
    assert (form.value().start_time, form.value().end_time) == old
    retype(qtbot, form.start_time, "7:05")
    form.all_day.setChecked(True)
    form.all_day.setChecked(False)
    assert form.value().start_time == time(7, 5) and form.start_time.text() == "7:05"


def test_start_moves_the_end_and_keeps_the_length(qtbot, setup):
    _ctx, choices, rows = setup
    form = ActivityForm(choices, rows[0], rows)
    qtbot.addWidget(form)
    year = choices.programme.year
    form.start_date.set_value(date(year, 5, 1))
    form.end_date.set_value(date(year, 5, 3))
    retype(qtbot, form.start_date, f"{year}-06-10")
    assert form.value().end_date == date(year, 6, 12)


def test_a_new_activity_starts_inside_the_programme(qtbot, setup):
    _ctx, choices, rows = setup
    form = ActivityForm(choices, None, rows)
    qtbot.addWidget(form)
    p = choices.programme
    start = form.value().start_date
    assert start.year == p.year
    assert start == default_activity_date(p.year, date.today(), (p.window_start, p.window_end), p.week_start)


# ------------------------------------------------------------------ the filter bar


def test_tab_runs_through_the_date_filters_to_the_next_field(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    bar.activateWindow()
    bar.date_from.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bar.date_from)
    QTest.keyClick(bar.date_from, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.date_to
    QTest.keyClick(bar.date_to, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.clear_button


def test_typed_filter_dates_filter(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.set_year(2025)
    seen = []
    bar.changed.connect(seen.append)
    retype(qtbot, bar.date_from, "5月1日")
    assert seen[-1].date_from == date(2025, 5, 1) == bar.value().date_from
    assert bar.value().date_to is None
    bar.clear()
    assert bar.date_from.text() == "" and bar.value().date_from is None


def test_default_date_rules():
    window = (date(2025, 4, 1), date(2025, 12, 6))
    assert default_activity_date(2025, date(2025, 6, 3), window, date(2025, 5, 10)) == date(2025, 6, 3)
    assert default_activity_date(2025, date(2026, 12, 6), window, date(2025, 5, 10)) == date(2025, 5, 10)
    assert default_activity_date(2025, date(2025, 1, 6), window, None) == date(2025, 4, 1)
    assert default_activity_date(2025, date(2026, 1, 6)) == date(2025, 5, 1)
    assert default_activity_date(2025, date(2025, 3, 6)) == date(2025, 3, 6)


def test_no_qt_date_or_time_edit_is_left_in_the_activity_dialogs(qtbot, setup):
    from PySide6.QtWidgets import QDateTimeEdit

    from lifelong_desktop.ui.activities.series import WeeklySeriesDialog

    _ctx, choices, rows = setup
    for widget in (ActivityForm(choices, rows[0], rows), WeeklySeriesDialog(rows[0]), FilterBar()):
        qtbot.addWidget(widget)
        assert isinstance(widget, QWidget) and widget.findChildren(QDateTimeEdit) == []


def test_alt_letter_to_a_date_then_typing_replaces_it(qtbot, setup):
    """As in the real window: Alt+S (the label's letter) moves to 开始日期, then 5月12日 is typed."""
    _ctx, choices, rows = setup
    year = choices.programme.year
    form = ActivityForm(choices, rows[0], rows)
    qtbot.addWidget(form)
    form.confirm_discard = lambda: True
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    form.tabs.setCurrentIndex(1)
    form.mode.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.mode)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is form.start_date
    type_text(form.start_date, "5月12日")
    assert form.start_date.value() == date(year, 5, 12) and form.start_date.is_valid()
    QTest.keyClick(form.start_date, Qt.Key.Key_Tab)
    assert (
        QApplication.focusWidget() is form.end_date and form.end_date.selectedText() == form.end_date.text()
    )


def test_alt_w_then_typing_replaces_the_start_date(qtbot, setup):
    """Alt+W shows 时间地点 with 开始日期 focused (Alt+S then changes nothing): typing must replace the date."""
    _ctx, choices, rows = setup
    year = choices.programme.year
    form = ActivityForm(choices, rows[0], rows)
    qtbot.addWidget(form)
    form.confirm_discard = lambda: True
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.title)
    QTest.keyClick(form, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is form.start_date
    type_text(form.start_date, "5月12日")
    assert form.start_date.text() == "5月12日" and form.start_date.value() == date(year, 5, 12)
