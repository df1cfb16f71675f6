"""Small screens and the keyboard: the window fits a 1366x768 screen, Tab runs through every filter to the
table, the register dialogs have Alt mnemonics, region lists show whole names and store no placeholder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel
from test_activities_model import make_plan

from lifelong_desktop.ui.activities.view import ActivitiesView
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.registers.organisation_dialog import OrganisationDialog
from lifelong_desktop.ui.registers.venue_dialog import VenueDialog
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.main_window import FRAME_ALLOWANCE, MainWindow


@pytest.fixture
def ctx(db):
    plan = make_plan(db)
    return AppContext(db, plan["programme"])


def test_a_window_larger_than_the_screen_opens_maximised(ctx, qtbot):
    room = QApplication.primaryScreen().availableGeometry()
    window = MainWindow(ctx, S.Settings())
    qtbot.addWidget(window)
    too_big = 1280 + FRAME_ALLOWANCE.width() > room.width() or 800 + FRAME_ALLOWANCE.height() > room.height()
    assert bool(window.windowState() & Qt.WindowState.WindowMaximized) == too_big


def test_a_saved_size_the_screen_cannot_hold_is_maximised_and_one_it_can_is_kept(ctx, qtbot):
    room = QApplication.primaryScreen().availableGeometry()
    window = MainWindow(ctx, S.Settings())
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(QRect(0, 0, room.width() // 2, room.height() // 2))
    window.fit_screen()
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    window.setGeometry(QRect(0, 0, room.width() + 100, room.height()))  # as saved on a bigger screen
    window.fit_screen()
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_tab_runs_from_the_search_through_every_filter_to_the_table(ctx, qtbot):
    view = ActivitiesView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 600)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    bar = view.filter_bar
    view.refresh_choices()
    bar.city.setCurrentIndex(
        bar.city.findData("210100")
    )  # the county filter is enabled once a city is chosen
    assert bar.county.isEnabled()
    bar.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bar.search)
    visited = []
    for _ in range(30):
        widget = QApplication.focusWidget()
        visited.append(widget)
        if widget is view.table:
            break
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    filters = [
        bar.search, bar.city, bar.county, bar.activity_type, bar.status, bar.mode, bar.organisation,
        bar.date_from, bar.date_to, bar.clear_button, view.table,
    ]  # fmt: skip
    inside = [w for w in visited if w in filters or (w is not None and w.parent() in filters)]
    order = [w if w in filters else w.parent() for w in inside]
    assert [w for w in filters if w in order] == filters  # every filter reached
    assert order == sorted(order, key=filters.index)  # in their order on the screen, each once
    assert visited[-1] is view.table


def mnemonics(dialog) -> list[str]:
    letters = []
    for label in dialog.findChildren(QLabel):
        text = label.text()
        if label.buddy() is not None and "&" in text:
            letters.append(text[text.index("&") + 1].lower())
    return letters


@pytest.mark.parametrize("make", ["organisation", "venue"])
def test_every_field_of_a_register_dialog_has_its_own_alt_letter(qtbot, make):
    dialog = (
        OrganisationDialog(None, lambda v: None, "320000")
        if make == "organisation"
        else VenueDialog(None, lambda v: None, "320000")
    )
    qtbot.addWidget(dialog)
    form = dialog.form
    rows = form.rowCount()
    labels = [form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget() for i in range(rows)]
    assert all(isinstance(lab, QLabel) and lab.buddy() is not None for lab in labels)
    letters = mnemonics(dialog)
    assert len(letters) == rows and len(set(letters)) == rows  # one each, none twice


def test_alt_letter_moves_to_the_field(qtbot):
    dialog = OrganisationDialog(None, lambda v: None, "320000")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    QTest.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.email


def test_not_given_is_a_placeholder_never_text_or_a_value(qtbot):
    dialog = VenueDialog(None, lambda v: None, "320000")
    qtbot.addWidget(dialog)
    for combo in (dialog.city, dialog.county):
        assert combo.currentText() == "" and combo.lineEdit().placeholderText()
    dialog.city.setCurrentIndex(dialog.city.findData("320100"))
    assert dialog.values()["county_code"] is None and dialog.county.lineEdit().text() == ""
    dialog.county.setCurrentIndex(dialog.county.findData("320102"))
    assert dialog.values()["county_code"] == "320102"
    dialog.county.setCurrentIndex(0)
    assert dialog.values()["county_code"] is None
    org = OrganisationDialog(None, lambda v: None, "320000")
    qtbot.addWidget(org)
    assert org.values()["region_code"] is None and org.region.currentText() == ""


def test_county_names_are_shown_whole(qtbot):
    dialog = VenueDialog(None, lambda v: None, "320000")
    qtbot.addWidget(dialog)
    dialog.resize(460, 400)
    dialog.show()
    dialog.city.setCurrentIndex(dialog.city.findData("320100"))
    fm = dialog.county.fontMetrics()
    widest = max(fm.horizontalAdvance(dialog.county.itemText(i)) for i in range(dialog.county.count()))
    assert dialog.county.view().minimumWidth() > widest
    assert dialog.county.completer().popup().minimumWidth() > widest


def test_dialog_titles_are_not_cut(qtbot):
    dialog = VenueDialog(None, lambda v: None, "320000")
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("编辑场地：南京市玄武区终身学习服务中心报告厅（二楼东侧）")
    assert dialog.minimumWidth() > dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
