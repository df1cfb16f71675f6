"""Table widgets as the window's views use them: read-only, row-selecting, sortable; widths in characters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from lifelong_desktop.ui.common.table_model import RowTableModel


def make_table(model: RowTableModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting, sortable table with the usual desktop behaviour."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt's default indicator is descending
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def set_widths(view: QTableView, widths: tuple[int, ...]) -> None:
    """Initial column widths in average character widths of the font (the user may drag them)."""
    fm = view.fontMetrics()
    unit = max(1, fm.averageCharWidth()) / 7
    model = view.model()
    for i, w in enumerate(widths):
        header = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
        view.horizontalHeader().resizeSection(i, max(int(w * unit), fm.horizontalAdvance(header) + 28))


def html(text: str) -> str:
    """Text made safe for a rich-text label."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
