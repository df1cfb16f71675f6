"""The window at start builds its tabs after Activities only once the table is painted (ui/shell/views.py):
until then each tab holds a place with the view's title, and a tab shown or asked for first is built at once,
in its place, staying in front. Built, the window is the same as one built whole."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.main_window import MainWindow
from lifelong_desktop.ui.shell.views import VIEWS
from tests.helpers.activity_plan import make_plan


@pytest.fixture
def later(qtbot, db):
    window = MainWindow(AppContext(db, make_plan(db)["programme"]), S.Settings(), views_later=True)
    qtbot.addWidget(window)
    return window


def _names(window) -> list[str]:
    tabs = window.tabs
    return [type(tabs.widget(i)).__name__ for i in range(tabs.count())]


def test_the_views_wait_with_their_titles_and_are_built_in_place(later, qtbot):
    titles = [later.tabs.tabText(i) for i in range(later.tabs.count())]
    assert _names(later) == ["ActivitiesView"] + ["Unbuilt"] * len(VIEWS)
    later.show()
    later.tabs.setCurrentIndex(3)  # Ctrl+4, or a click on the tab: that view is built now, in front
    assert _names(later)[3] == VIEWS[2].name == "VenuesView"
    assert later.tabs.currentIndex() == 3 and later.tabs.currentWidget().isVisible()
    assert _names(later).count("Unbuilt") == len(VIEWS) - 1
    later.build_views()  # what the start does once the table is painted
    assert _names(later) == ["ActivitiesView"] + [v.name for v in VIEWS]
    assert later.tabs.currentIndex() == 3  # the one in front stays there
    assert [later.tabs.tabText(i) for i in range(later.tabs.count())] == titles
    assert [v.title() for v in later.views[1:]] == titles[1:]  # each view's own title is its tab's


def test_a_view_asked_for_before_it_is_built_comes_to_the_front(later):
    later.show()
    checks = later.show_view("ChecksView")  # e.g. the export's "show the checks"
    assert type(checks).__name__ == "ChecksView" and later.tabs.currentWidget() is checks
    assert later.show_view("ChecksView") is checks and later.show_view("NoSuchView") is None


def test_a_window_built_whole_has_every_view(window_whole):
    assert _names(window_whole) == ["ActivitiesView"] + [v.name for v in VIEWS]


def test_asking_for_the_views_builds_those_not_built_yet(later):
    later.tabs.setCurrentIndex(2)
    views = later.views
    assert [type(v).__name__ for v in views] == ["ActivitiesView"] + [v.name for v in VIEWS]
    assert _names(later) == [type(v).__name__ for v in views] and later.tabs.currentIndex() == 2


@pytest.fixture
def window_whole(qtbot, db):
    window = MainWindow(AppContext(db, make_plan(db)["programme"]), S.Settings())
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_titles_before_and_after_are_the_same_in_both_languages(later, qapp, language):
    from PySide6.QtCore import QLocale

    from lifelong_desktop.ui.shell.i18n import install_translators

    locale = QLocale()
    try:
        assert install_translators(qapp, language)
        before = [v.title() for v in VIEWS]
        later.build_views()
        assert [v.title() for v in later.views[1:]] == before
        assert (before[0] == "日历") == (language == "zh_CN")
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(locale)
        QApplication.processEvents()


@pytest.mark.parametrize("front", [0, 4])
def test_the_start_builds_the_views_once_the_front_tab_is_painted(qtbot, tmp_path, front):
    """The application's own start (ui/shell/application.py) on a demo database, in front the Activities or
    the tab the last session ended on (Checks: built at once, the others after its paint)."""
    from lifelong_desktop.services.demo.create import make_demo_database
    from lifelong_desktop.ui.shell.application import Application

    path = tmp_path / "演示.sqlite"
    make_demo_database(path)
    settings = S.Settings()
    settings.set(S.CURRENT_VIEW, front)
    controller = Application(QApplication.instance(), settings)
    try:
        assert controller.open(path)
        window = controller.window
        qtbot.addWidget(window)
        assert window.tabs.currentIndex() == front
        unbuilt = ["Unbuilt"] * len(VIEWS)
        assert _names(window)[1:] == (unbuilt if front == 0 else unbuilt[:3] + ["ChecksView"] + unbuilt[4:])
        qtbot.waitUntil(lambda: "Unbuilt" not in _names(window), timeout=10_000)
        assert _names(window) == ["ActivitiesView"] + [v.name for v in VIEWS]
    finally:
        controller.backup.wait()
        if controller.db is not None:
            controller.db.close()
