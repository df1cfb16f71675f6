"""The user guide (offline HTML shipped in resources/help) in a window of its own, opened by F1 at the section
of the tab in use; one guide window per main window, brought to the front when F1 is pressed again."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser, QToolBar, QWidget

from lifelong_desktop.paths import help_page
from lifelong_desktop.ui.common.language import message_language

#: the guide's section for each tab (by its view class), so F1 answers the question at hand
SECTIONS = {
    "ActivitiesView": "activities",
    "CalendarView": "activities",
    "OrganisationsView": "registers",
    "VenuesView": "registers",
    "ChecksView": "checks",
    "SummaryView": "export",
    "CoverageView": "export",
    "ReturnsView": "returns",
}


HELP_SECTION = "help_section"  # the property a dialog with its own part of the guide carries


def section_for(view: QWidget | None) -> str:
    """The view's own section when it says one (the Activities tab in the results mode), else its tab's."""
    if view is None:
        return ""
    return view.property(HELP_SECTION) or SECTIONS.get(type(view).__name__, "")


class GuideWindow(QMainWindow):
    """A QTextBrowser over the guide's pages: links inside follow, web links open in the system browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_guide")
        self.setWindowTitle(self.tr("User Guide"))
        self.page = help_page(message_language())
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.setCentralWidget(self.browser)
        bar = QToolBar(self.tr("Guide"), self)
        bar.setObjectName("guide_toolbar")
        back = bar.addAction(self.tr("&Back"), self.browser.backward)
        back.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        bar.addAction(self.tr("&Contents"), lambda: self.show_section(""))
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        self.addToolBar(bar)
        self.resize(900, 660)  # fits a 1366x768 screen with the task bar
        self.show_section("")

    def show_section(self, section: str) -> None:
        url = QUrl.fromLocalFile(str(self.page))
        if section:
            url.setFragment(section)
        self.browser.setSource(url)
        if section:
            self.browser.scrollToAnchor(section)


def show_guide(parent: QWidget, section: str = "") -> GuideWindow:
    """Open the guide at a section (the parent's one guide window, made on first use) and bring it forward."""
    guide = parent.findChild(
        GuideWindow, "user_guide", Qt.FindChildOption.FindDirectChildrenOnly
    )  # not a dialog's
    if guide is None:
        guide = GuideWindow(parent)
    guide.show_section(section)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide


def help_key(dialog: QWidget, section: str) -> QShortcut:
    """F1 in a dialog opens the guide at its section, in a window of the dialog's own (so a modal dialog
    does not block it). The main window's F1 defers to it too (see guide_for_active_window)."""
    dialog.setProperty(HELP_SECTION, section)
    key = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), dialog)
    key.activated.connect(lambda: show_guide(dialog, section))
    return key


def guide_for_active_window(main: QWidget, view: QWidget | None) -> GuideWindow:
    """F1 of the main window: the section of the dialog in front when it has one, else of the tab in use."""
    active = QApplication.activeWindow()
    section = active.property(HELP_SECTION) if active is not None and active is not main else None
    if section:
        return show_guide(active, str(section))
    return show_guide(main, section_for(view))
