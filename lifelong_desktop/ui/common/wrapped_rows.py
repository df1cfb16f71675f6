"""Tables of sentences (findings, reasons): rows grow to show each sentence whole, wrapped, never cut with "…"."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableView

#: beyond this many rows, fitting every row's height would make the dialog slow to open; they stay one line
MAX_FITTED_ROWS = 2000


def wrap_rows(table: QTableView) -> None:
    """Wrap long cells and fit row heights now and whenever a column is resized (the dialog shown, the user
    dragging a column edge), coalesced so a resize of many columns re-fits once."""
    table.setWordWrap(True)
    timer = QTimer(table)
    timer.setSingleShot(True)
    timer.setInterval(0)

    def fit() -> None:
        model = table.model()
        if model is not None and model.rowCount() <= MAX_FITTED_ROWS:
            table.resizeRowsToContents()

    timer.timeout.connect(fit)
    table.horizontalHeader().sectionResized.connect(lambda *_: timer.start())
    fit()
