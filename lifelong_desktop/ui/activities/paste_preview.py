"""Preview of pasted rows before they are added: what each row gives, or why it is left out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from lifelong_desktop.ui.activities.paste_rows import PastedRow, PasteResult
from lifelong_desktop.ui.common.widgets import ok_cancel
from lifelong_desktop.ui.common.wrapped_rows import wrap_rows

COL_LINE, COL_TITLE, COL_DATE, COL_CITY, COL_HOSTS, COL_RESULT = range(6)
PastedRowRole = Qt.ItemDataRole.UserRole + 1


class PastePreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[PastedRow, ...] = ()
        self._headers = [
            self.tr("Line"),
            self.tr("Title"),
            self.tr("Date"),
            self.tr("City"),
            self.tr("Hosts"),
            self.tr("Result"),
        ]

    def set_rows(self, rows: list[PastedRow]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == PastedRowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_RESULT:
            return QBrush(QColor("#1b7f3b" if row.ok else "#b00020"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        act = row.activity
        if col == COL_LINE:
            return str(row.line)
        if col == COL_RESULT:
            return self.tr("will be added") if row.ok else "\n".join(row.problems)  # one reason a line
        if act is None:
            return row.title if col == COL_TITLE else ""
        if col == COL_TITLE:
            return act.data.title
        if col == COL_DATE:
            return act.data.start_date.isoformat()
        if col == COL_CITY:
            from lifelong_desktop.services.regions import regions

            return regions().name(act.data.city_code)
        if col == COL_HOSTS:
            return "；".join(act.hosts)
        return None


class PastePreviewDialog(QDialog):
    """OK adds the rows that read well; rows with problems are listed with their reasons and left out."""

    def __init__(self, result: PasteResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste Rows from Excel"))
        self.result = result
        good, bad = len(result.good), len(result.rows) - len(result.good)
        summary = self.tr("%n rows will be added as new activities.", "", good)
        if bad:
            summary += " " + self.tr("%n rows have problems and will be left out.", "", bad)
        if not result.had_header:
            summary += " " + self.tr("No header row: columns were read in the workbook's order.")
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.model = PastePreviewModel(self)
        self.model.set_rows(result.rows)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.setAccessibleName(self.tr("Pasted rows"))
        header = self.table.horizontalHeader()
        for col in (COL_LINE, COL_DATE, COL_CITY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(COL_TITLE, 280)
        header.resizeSection(COL_HOSTS, 180)
        header.setSectionResizeMode(COL_RESULT, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        wrap_rows(self.table)  # every reason a row is left out can be read, not just the first half
        self.buttons = ok_cancel(self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Add %n activities", "", good))
        ok.setEnabled(good > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(980, 520)
