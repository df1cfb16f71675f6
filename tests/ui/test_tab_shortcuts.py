"""The Activities tab's keys act only while it is in front: Delete on the Calendar or a register tab never
deletes the activities selected on the hidden Activities tab, and Ctrl+F searches the tab in front."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.ui.calendar.view import CalendarView
from lifelong_desktop.ui.common.actions import ActionId
from lifelong_desktop.ui.registers.organisations_view import OrganisationsView
from tests.helpers.activity_plan import make_plan
from tests.helpers.desk import plan_window


@pytest.fixture
def window(qtbot, db):
    w = plan_window(qtbot, db, make_plan(db))
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    w.tabs.setCurrentIndex(0)
    return w


def _tab(window, kind) -> int:
    return next(i for i in range(window.tabs.count()) if isinstance(window.tabs.widget(i), kind))


def _stored(db, programme_id) -> int:
    with db.read() as s:
        return len(activity_rows(s, programme_id))


def test_delete_on_another_tab_leaves_the_hidden_selection_alone(window, qtbot, db):
    view = window.activities
    before = _stored(db, window.ctx.programme_id)
    view.select_ids([view.model.row_at(0).id])
    assert window.registry[ActionId.DELETE_ACTIVITY].isEnabled()
    for kind in (CalendarView, OrganisationsView):
        window.tabs.setCurrentIndex(_tab(window, kind))
        qtbot.waitUntil(lambda: not view.isVisible())
        for aid in (ActionId.DELETE_ACTIVITY, ActionId.EDIT_ACTIVITY, ActionId.DUPLICATE_ACTIVITY):
            assert not window.registry[aid].isEnabled(), (kind, aid)
        target = QApplication.focusWidget() or window.tabs.currentWidget()
        QTest.keyClick(target, Qt.Key.Key_Delete)
        QTest.keyClick(window.tabs.tabBar(), Qt.Key.Key_Delete)
        assert _stored(db, window.ctx.programme_id) == before, kind
    window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(view.isVisible)
    assert window.registry[ActionId.DELETE_ACTIVITY].isEnabled()  # the selection is still there
    assert view.selected_ids()


def test_find_searches_the_tab_in_front(window, qtbot):
    organisations = _tab(window, OrganisationsView)
    window.tabs.setCurrentIndex(organisations)
    register = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: hasattr(register, "search"))
    window.registry[ActionId.FIND].trigger()
    assert QApplication.focusWidget() is register.search
    QTest.keyClicks(register.search, "lnk")
    assert window.activities.filter_bar.search.text() == ""  # nothing typed into the hidden tab
    window.tabs.setCurrentIndex(_tab(window, CalendarView))  # no search of its own: the activities'
    window.registry[ActionId.FIND].trigger()
    assert window.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is window.activities.filter_bar.search


def test_the_programme_list_widens_for_a_longer_name(window, qtbot, db):
    """A programme made after the window opened (the first one, in a new database) is named whole in the
    toolbar's list, not cut to “江苏省 2” as the list kept the width it had when shown."""
    from lifelong_desktop.services.programmes import create_programme

    window.resize(1366, 768)  # the office screen: room for the whole toolbar
    with db.transaction() as s:
        create_programme(s, region_code="650000", year=2027)  # 新疆维吾尔自治区: longer than 辽宁省
    window._refresh_programmes()
    combo = window.programme_combo
    combo.setCurrentIndex(combo.findText("新疆维吾尔自治区 2027"))
    text_width = combo.fontMetrics().horizontalAdvance(combo.currentText())
    qtbot.waitUntil(lambda: combo.width() > text_width, timeout=2000)
