"""The returns of the lower-level regions: each city's latest return (seq, date, counts) or 未报送, and a reminder list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.models import Programme
from lifelong_desktop.services.returns import ReturnRow, programme_returns
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.lazy_view import LazyView
from lifelong_desktop.ui.common.table_model import Column, RowTableModel
from lifelong_desktop.ui.common.tables import make_table, set_widths

MISSING = QColor("#b3261e")


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


class ReturnsView(LazyView):
    """A table of regions with their latest return, and the text of a reminder to the ones still missing."""

    kinds = frozenset({"submissions", "activities"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.returns: list[ReturnRow] = []
        self.model = RowTableModel(self._columns(), self)
        self.model.decorate = self._decorate
        self.table = make_table(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        set_widths(self.table, (80, 60, 70, 40, 110, 110, 40, 40, 40, 60, 40, 140, 120))
        self._build()

    def _columns(self) -> list[Column]:
        """The table's columns: each return's region, state, version, dates and counts."""
        not_yet = self.tr("Not yet returned")

        def count(attr: str):
            return lambda r: str(getattr(r, attr)) if r.returned else ""

        return [
            Column(self.tr("Region"), lambda r: r.region_name, lambda r: r.region_code),
            Column(self.tr("Code"), lambda r: r.region_code),
            Column(
                self.tr("Status"),
                lambda r: self.tr("Returned") if r.returned else not_yet,
                lambda r: (r.returned, r.region_code),
            ),
            Column(
                self.tr("Version"),
                count("seq"),
                lambda r: r.seq if r.seq is not None else -1,
                align_right=True,
            ),
            Column(self.tr("Data as of"), lambda r: _when(r.data_as_of), lambda r: str(r.data_as_of or "")),
            Column(self.tr("Imported"), lambda r: _when(r.imported_at), lambda r: str(r.imported_at or "")),
            Column(self.tr("New"), count("count_new"), lambda r: r.count_new, align_right=True),
            Column(self.tr("Updated"), count("count_updated"), lambda r: r.count_updated, align_right=True),
            Column(
                self.tr("Unchanged"),
                count("count_unchanged"),
                lambda r: r.count_unchanged,
                align_right=True,
            ),
            Column(
                self.tr("Activities returned"),
                lambda r: QLocale().toString(r.activities) if r.returned else "",
                lambda r: r.activities,
                align_right=True,
            ),
            Column(self.tr("Returns received"), count("returns"), lambda r: r.returns, align_right=True),
            Column(self.tr("Submitting unit"), lambda r: r.submitting_unit),
            Column(self.tr("File"), lambda r: r.file_name),
        ]

    def _build(self) -> None:
        self.summary = QLabel()
        self.reminder = QPlainTextEdit()
        self.reminder.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy reminder"))
        self.copy_button.setToolTip(
            self.tr("Copy the list of regions that have not returned, to send as a reminder")
        )
        self.copy_button.clicked.connect(self.copy_reminder)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(QLabel(self.tr("Reminder to the regions not yet returned")))
        sl.addWidget(self.reminder, 1)
        sl.addWidget(self.copy_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def title(self) -> str:
        return self.tr("Returns")

    def reload(self) -> None:
        pid = self.ctx.programme_id
        with self.ctx.db.read() as session:
            programme = session.get(Programme, pid) if pid else None
            self.returns = programme_returns(session, programme) if programme is not None else []
            year = programme.year if programme is not None else None  # read here: no second session for it
        self.model.set_rows(self.returns)
        missing = self.missing()
        self.summary.setText(
            self.tr("%1 of %2 regions have returned; %3 not yet.")
            .replace("%1", str(len(self.returns) - len(missing)))
            .replace("%2", str(len(self.returns)))
            .replace("%3", str(len(missing)))
        )
        if not self.returns:
            self.summary.setText(self.tr("This programme has no lower-level regions to return to it."))
        self.reminder.setPlainText(self.reminder_text(year))

    def missing(self) -> list[ReturnRow]:
        return [r for r in self.returns if not r.returned]

    def reminder_text(self, year: int | None) -> str:
        missing = self.missing()
        if not missing:
            return self.tr("Every region has returned.") if self.returns else ""
        head = self.tr(
            "The following regions have not yet sent their %1 Lifelong Learning Activity Week return; "
            "please send it as soon as possible:"
        ).replace("%1", str(year or ""))
        sep = self.tr(", ")
        return head + "\n" + sep.join(r.region_name for r in missing) + "\n"

    def copy_reminder(self) -> None:
        QGuiApplication.clipboard().setText(self.reminder.toPlainText())

    def _decorate(self, row: ReturnRow, column: int, role: int) -> Any:
        if not row.returned and column == 2 and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(MISSING)
        return None
