"""The window's side of several planners: the change watch, who is connected (status bar), and the banner
while the database is out of reach."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from lifelong_desktop.db.presence import connected_users
from lifelong_desktop.ui.common.change_watch import ChangeWatch
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.language import joined
from lifelong_desktop.ui.shell.notice_banner import BANNER_STYLE

#: who is connected is asked again this often (a query on the server; nothing on a local file)
PRESENCE_MS = 15000


class Collaboration(QObject):
    """Owned by the main window; `stop()` when it closes."""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self.watch = ChangeWatch(ctx)
        self.presence = QLabel(window)
        self.presence.setObjectName("presenceLabel")
        window.statusBar().addPermanentWidget(self.presence)
        self.banner = self._banner()
        ctx.connection_changed.connect(self._connection_changed)
        self.presence_timer = QTimer(self)
        self.presence_timer.setInterval(PRESENCE_MS)
        self.presence_timer.timeout.connect(self.show_presence)
        self.show_presence()
        if ctx.db.engine.dialect.name != "sqlite":
            self.presence_timer.start()

    def _banner(self) -> QLabel:
        """A line above the tabs (not a toolbar: its sentence wraps in the window's width, never widening it)."""
        central = self.window.takeCentralWidget()
        holder = QWidget(self.window)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        banner = QLabel(holder)
        banner.setObjectName("connectionBanner")
        banner.setWordWrap(True)
        banner.setTextFormat(Qt.TextFormat.PlainText)
        banner.setStyleSheet(BANNER_STYLE.replace("#fff4ce", "#fde2e1").replace("#5c4400", "#7a1010"))
        banner.hide()
        layout.addWidget(banner)
        layout.addWidget(central, 1)
        self.window.setCentralWidget(holder)
        return banner

    def _connection_changed(self, sentence: str) -> None:
        self.banner.setText(sentence)
        self.banner.setVisible(bool(sentence))
        self.show_presence()
        if not sentence:
            # the feed's next batch is "everything": changes may have been missed meanwhile
            self.window.statusBar().showMessage(self.tr("The database is reachable again."), 8000)

    def show_presence(self) -> None:
        """The status bar's word on who is connected: the server's users, or this computer only."""
        if self.ctx.db.is_server and self.ctx.offline is not None:
            self.presence.setText(self.tr("Server out of reach"))
            self.presence.setToolTip(self.tr("Who is connected is shown again once the server is back."))
            return
        users = connected_users(self.ctx.db) if self.ctx.offline is None else None
        if users is None:
            self.presence.setText(self.tr("This computer only"))
            self.presence.setToolTip(self.tr("The database is a file on this computer or a share."))
            return
        self.presence.setText(self.tr("Connected: %1").replace("%1", joined(users) or "-"))
        self.presence.setToolTip(self.tr("Planners with this database open now"))

    def stop(self) -> None:
        self.watch.stop()
        self.presence_timer.stop()
