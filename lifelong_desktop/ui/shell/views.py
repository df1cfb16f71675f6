"""The views the main window shows after Activities, in order (each: QWidget subclass taking (ctx, parent))."""

from __future__ import annotations

from lifelong_desktop.ui.calendar.view import CalendarView
from lifelong_desktop.ui.registers.organisations_view import OrganisationsView
from lifelong_desktop.ui.registers.venues_view import VenuesView
from lifelong_desktop.ui.reports.checks_view import ChecksView
from lifelong_desktop.ui.reports.coverage_view import CoverageView
from lifelong_desktop.ui.reports.returns_view import ReturnsView
from lifelong_desktop.ui.reports.summary_view import SummaryView

VIEWS: list[type] = [
    CalendarView,
    OrganisationsView,
    VenuesView,
    ChecksView,
    SummaryView,
    CoverageView,
    ReturnsView,
]

__all__ = [
    "VIEWS",
    "CalendarView",
    "ChecksView",
    "CoverageView",
    "OrganisationsView",
    "ReturnsView",
    "SummaryView",
    "VenuesView",
]
