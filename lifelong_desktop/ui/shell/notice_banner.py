"""The banner across the top of the window for what the user must know about the open database (read-only ...)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

from lifelong_desktop.db import Database

BANNER_STYLE = "QLabel { background: #fff4ce; color: #5c4400; padding: 6px 10px; }"


def add_notice_banner(window: QMainWindow, db: Database, lang: str) -> QToolBar | None:
    """Show the database's notices (read-only view, network share, backup not taken) above the tabs.

    The sentences are the core's (resources/i18n/messages/db.json) in the window's language.
    Returns the banner, or None when there is nothing to say.
    """
    if not db.notices:
        return None
    bar = QToolBar(window)
    bar.setObjectName("noticeBanner")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)  # not a toolbar the user can hide by mistake
    label = QLabel("\n".join(n.message(lang) for n in db.notices))
    label.setObjectName("noticeText")
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    label.setStyleSheet(BANNER_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    bar.addWidget(label)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # a row of its own, the whole width of the window
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
