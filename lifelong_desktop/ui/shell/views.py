"""The views the main window shows after Activities, in order, each named by its module and class.

The window at start builds them right after its first paint (or one of them at once when it is asked for
first), so that their modules and widgets are no part of what the user waits for: 0.12 s of the demo's
1.3-1.4 s launch here (benchmarks/bench_launch.py's phases, "window"). A tab's title comes from here until its
view is built: the same text in the same translation context as the view's own title().
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget


@dataclass(frozen=True)
class View:
    """One tab: the QWidget subclass `name` of `module`, taking (ctx, parent); `text`, its tab's title as its
    title() says it (the class is the translation context)."""

    module: str
    name: str
    text: str

    def title(self) -> str:
        return QCoreApplication.translate(self.name, self.text)

    def load(self) -> type:
        """The view's class (its module imported now, if not before)."""
        cls: type = getattr(importlib.import_module(self.module), self.name)
        return cls


VIEWS: tuple[View, ...] = (
    View("lifelong_desktop.ui.calendar.view", "CalendarView", QT_TRANSLATE_NOOP("CalendarView", "Calendar")),
    View(
        "lifelong_desktop.ui.registers.organisations_view",
        "OrganisationsView",
        QT_TRANSLATE_NOOP("OrganisationsView", "Organisations"),
    ),
    View(
        "lifelong_desktop.ui.registers.venues_view", "VenuesView", QT_TRANSLATE_NOOP("VenuesView", "Venues")
    ),
    View("lifelong_desktop.ui.reports.checks_view", "ChecksView", QT_TRANSLATE_NOOP("ChecksView", "Checks")),
    View(
        "lifelong_desktop.ui.reports.summary_view", "SummaryView", QT_TRANSLATE_NOOP("SummaryView", "Summary")
    ),
    View(
        "lifelong_desktop.ui.reports.coverage_view",
        "CoverageView",
        QT_TRANSLATE_NOOP("CoverageView", "Coverage"),
    ),
    View(
        "lifelong_desktop.ui.reports.returns_view", "ReturnsView", QT_TRANSLATE_NOOP("ReturnsView", "Returns")
    ),
)


class Unbuilt(QWidget):
    """The place of a view in its tab until the view is built (view_at)."""

    def __init__(self, view: View, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view


def show_view(tabs: QTabWidget, name: str) -> QWidget | None:
    """Bring the view of class `name` to the front, built or not (its tab's currentChanged builds it)."""
    for i in range(tabs.count()):
        widget = tabs.widget(i)
        if (widget.view.name if isinstance(widget, Unbuilt) else type(widget).__name__) == name:
            tabs.setCurrentIndex(i)
            return tabs.widget(i)
    return None


def view_at(tabs: QTabWidget, index: int, make: Callable[[type], QWidget]) -> QWidget:
    """The view of tab `index`, made by `make(cls)` and put in its place now if it was not built (the current
    tab stays current, and nothing is told of it: only the widget in that place changed)."""
    slot = tabs.widget(index)
    if not isinstance(slot, Unbuilt):
        return slot
    view = make(slot.view.load())
    current = tabs.currentIndex()
    blocked = tabs.blockSignals(True)
    try:
        tabs.removeTab(index)
        tabs.insertTab(index, view, slot.view.title())
        tabs.setCurrentIndex(current)
    finally:
        tabs.blockSignals(blocked)
    slot.deleteLater()
    return view


__all__ = ["VIEWS", "Unbuilt", "View", "show_view", "view_at"]
