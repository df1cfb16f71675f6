"""File > Connect to Office Database…: host, port, database, user and TLS mode of a shared PostgreSQL database,
or a pg_service name; the password goes to the system keyring (never the settings); recent connections."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.db.location import SSL_MODES, build_url, url_parts
from lifelong_desktop.db.passwords import keyring_available, store_password, with_password
from lifelong_desktop.ui.common.setting import Setting

RECENT_CONNECTIONS = Setting("connections/recent", list, [])  # URLs without a password
MAX_CONNECTIONS = 8


class ConnectDialog(QDialog):
    """The fields of one office database connection; `url()` without the password, `connect_url()` with it."""

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to Office Database"))
        self.recent = QComboBox()
        self.recent.addItem(self.tr("(new connection)"), "")
        for url in recent:
            self.recent.addItem(url, url)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("server name or address"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.sslmode = QComboBox()
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        self.service = QLineEdit()
        self.service.setPlaceholderText(
            self.tr("optional: a pg_service.conf entry instead of the fields above")
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Keep the password in the system keyring"))
        self._build()
        self.recent.currentIndexChanged.connect(self._recent_picked)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Recent:"), self.recent)
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&TLS mode:"), self.sslmode)
        form.addRow(self.tr("Ser&vice:"), self.service)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if keyring_available():
            self.remember.setChecked(True)
        else:
            self.remember.setEnabled(False)
            note = QLabel(
                self.tr(
                    "No system keyring is available here, so the password is not kept: put it in a pgpass file "
                    "or a pg_service entry, or type it each time."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Connect"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _recent_picked(self, index: int) -> None:
        url = self.recent.itemData(index)
        if url:
            self.fill(url)

    def fill(self, url: str) -> None:
        """Put a connection's parts in the fields."""
        parts = url_parts(url)
        self.host.setText(parts["host"])
        self.port.setValue(int(parts["port"] or 5432))
        self.database.setText(parts["database"])
        self.user.setText(parts["user"])
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(parts["sslmode"] or "prefer")))
        self.service.setText(parts["service"])

    def url(self) -> str:
        """The connection as a postgresql:// URL, without the password."""
        return build_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.sslmode.currentData(),
            self.service.text().strip(),
        )

    def connect_url(self) -> str:
        """The URL to connect with: the password typed, else the one kept, else none (pgpass, pg_service)."""
        return with_password(self.url(), self.password.text() or None)

    def _accept(self) -> None:
        if not self.service.text().strip() and not (
            self.host.text().strip() and self.database.text().strip()
        ):
            self.host.setFocus() if not self.host.text().strip() else self.database.setFocus()
            return
        if self.password.text() and self.remember.isChecked():
            store_password(self.url(), self.password.text())
        self.accept()


def remember_connection(settings, url: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Put a connection (without password) first in the recent connections."""
    recent = [u for u in settings.get(RECENT_CONNECTIONS) if u != url]
    recent.insert(0, url)
    settings.set(RECENT_CONNECTIONS, recent[:MAX_CONNECTIONS])
    return recent[:MAX_CONNECTIONS]
