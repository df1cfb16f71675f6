"""What the File menu's commands need of the main window, as a Protocol (the shell's MainWindow is the one)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QStatusBar

from lifelong_desktop.ui.common.context import AppContext


class Shell(Protocol):
    """The main window as the features see it: its context, its actions, the Activities view, its status bar."""

    ctx: AppContext
    registry: Any  # ActionRegistry
    activities: Any  # ActivitiesView
    open_requested: Any  # Signal(str)
    settings: Any  # shell.settings.Settings: where files went last
    tabs: Any  # QTabWidget of the views

    def statusBar(self) -> QStatusBar: ...
