"""The views the main window shows after Activities, in order (each: QWidget subclass taking (ctx, parent))."""

from __future__ import annotations

from lifelong_desktop.ui.views.calendar import CalendarView
from lifelong_desktop.ui.views.checks import ChecksView
from lifelong_desktop.ui.views.organisations import OrganisationsView
from lifelong_desktop.ui.views.returns import ReturnsView
from lifelong_desktop.ui.views.summary import SummaryView
from lifelong_desktop.ui.views.translation import install_views_translator
from lifelong_desktop.ui.views.venues import VenuesView

install_views_translator()  # until the application installs it with its own translators

VIEWS: list[type] = [CalendarView, OrganisationsView, VenuesView, ChecksView, SummaryView, ReturnsView]

__all__ = ["VIEWS", "CalendarView", "ChecksView", "OrganisationsView", "ReturnsView", "SummaryView", "VenuesView"]
