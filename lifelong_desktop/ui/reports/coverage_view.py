"""Where the plan reaches: a grid of the cities and their counties coloured by activities, and a table to copy.

No geographic map (a published map of China needs a map-approval number): each city is a row of the grid,
its counties the cells after it, coloured from pale red (no activity) through shades of green.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.coverage import AreaCoverage, Coverage, coverage
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.ui.common import codes
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.language import joined
from lifelong_desktop.ui.common.lazy_view import LazyView
from lifelong_desktop.ui.common.table_model import Column, RowTableModel
from lifelong_desktop.ui.common.tables import make_table, set_widths

NONE_COLOUR = QColor("#f8d7d3")
SHADES = [QColor(c) for c in ("#e6f4e4", "#c7e6c2", "#9fd398", "#6dbb66", "#3f9a3c")]


def shade(count: int, top: int) -> QColor:
    """The cell colour of a count: pale red for none, then five greens up to the busiest area's count."""
    if count <= 0:
        return NONE_COLOUR
    step = max(1, top) / len(SHADES)
    return SHADES[min(len(SHADES) - 1, int((count - 1) / step))]


class CoverageView(LazyView):
    kinds = frozenset({"activities", "programme"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.result: Coverage | None = None
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        self.gaps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grid = QTableWidget(self)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().hide()
        self.grid.setAccessibleName(self.tr("Cities and counties coloured by number of activities"))
        self.model = RowTableModel(self._columns(), self)
        self.table = make_table(self.model)
        self.table.setSortingEnabled(False)  # cities and their counties stay together, in code order
        set_widths(self.table, (60, 160, 50, 50, 50, 70, 70, 200, 200))
        self.copy_button = QPushButton(self.tr("&Copy table"))
        self.copy_button.setToolTip(self.tr("Copy the table to the clipboard, to paste into Excel or WPS"))
        self.copy_button.clicked.connect(self.copy_table)
        self._build()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.gaps, 1)
        top.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.grid)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Code"), lambda a: a.code),
            Column(self.tr("Area"), lambda a: ("    " if a.parent else "") + a.name),
            Column(self.tr("Planned"), lambda a: str(a.planned), align_right=True),
            Column(self.tr("Held"), lambda a: str(a.held), align_right=True),
            Column(self.tr("Cancelled"), lambda a: str(a.cancelled), align_right=True),
            Column(self.tr("On site"), lambda a: str(a.actual), align_right=True),
            Column(self.tr("Online"), lambda a: str(a.online), align_right=True),
            Column(self.tr("Target groups reached"), lambda a: self._audience_words(sorted(a.audiences))),
            Column(
                self.tr("Target groups not reached"),
                lambda a: self._audience_words(self.result.audiences_missing_in(a) if self.result else []),
            ),
        ]

    def title(self) -> str:
        return self.tr("Coverage")

    @staticmethod
    def _audience_words(keys: list[str]) -> str:
        return joined(codes.label("audience", k) for k in keys)

    def reload(self) -> None:
        if self.ctx.programme_id is None:
            self.result = None
            self.model.set_rows([])
            self.grid.clear()
            return
        keys = tuple(i.key for i in load_format().code_lists["audience"])
        with self.ctx.db.read() as session:
            self.result = coverage(session, self.ctx.programme_id, keys)
        rows: list[AreaCoverage] = []
        for city in self.result.cities:
            rows.append(city)
            rows.extend(city.counties)
        self.model.set_rows(rows)
        self._fill_grid(self.result)
        self._show_gaps(self.result)

    def _fill_grid(self, result: Coverage) -> None:
        width = max((len(c.counties) for c in result.cities), default=0) + 1
        top = max((a.planned for c in result.cities for a in [c, *c.counties]), default=0)
        self.grid.clear()
        self.grid.setRowCount(len(result.cities))
        self.grid.setColumnCount(width)
        self.grid.setVerticalHeaderLabels([c.name for c in result.cities])
        for row, city in enumerate(result.cities):
            for col, area in enumerate([city, *city.counties]):
                self.grid.setItem(row, col, self._cell(area, top, bold=col == 0))
        self.grid.resizeColumnsToContents()
        self.grid.resizeRowsToContents()

    def _cell(self, area: AreaCoverage, top: int, *, bold: bool) -> QTableWidgetItem:
        name = area.name.removeprefix(self._city_name(area)) if area.parent else self.tr("whole city")
        item = QTableWidgetItem(f"{name}\n{area.planned}")
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setBackground(QBrush(shade(area.planned, top)))
        item.setForeground(QBrush(QColor("#1b1b1b")))
        item.setToolTip(
            self.tr("%1: %2 planned, %3 held")
            .replace("%1", area.name)
            .replace("%2", str(area.planned))
            .replace("%3", str(area.held))
        )
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def _city_name(self, county: AreaCoverage) -> str:
        if self.result is None:
            return ""
        return next((c.name for c in self.result.cities if c.code == county.parent), "")

    def _show_gaps(self, result: Coverage) -> None:
        areas = result.cities_without_activity + result.counties_without_activity
        missing = result.audiences_not_served
        text = self.tr("%n areas without any activity", "", len(areas))
        if areas:
            text += self.tr(": ") + joined(a.name for a in areas[:30]) + ("…" if len(areas) > 30 else "")
        text += "\n" + self.tr("Target groups no activity is meant for: %1").replace(
            "%1", self._audience_words(missing) or self.tr("none")
        )
        self.gaps.setText(text)

    def table_text(self) -> str:
        """The table as tab-separated text with its headers (counties indented by their city)."""
        return self.model.as_tsv()

    def copy_table(self) -> None:
        QGuiApplication.clipboard().setText(self.table_text())
