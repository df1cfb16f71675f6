"""The programme in numbers: activities and participants by city, by type or by week, as bar charts and a table."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.summary import Summary, SummaryRow, summarise
from lifelong_desktop.ui.common.codes import label
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.lazy_view import LazyView
from lifelong_desktop.ui.common.table_model import Column, RowTableModel
from lifelong_desktop.ui.common.tables import make_table, set_widths
from lifelong_desktop.ui.reports.bar_chart import BarChart, Series

COLOURS = {
    "activities": QColor("#3b6fb6"),
    "expected": QColor("#9db7dc"),
    "actual": QColor("#2e9d5b"),
    "online": QColor("#f08c00"),
}


def _num(n: int) -> str:
    return QLocale().toString(n)


class SummaryView(LazyView):
    """A grouping choice, two charts (activities; participants) and the table they are drawn from."""

    kinds = frozenset({"activities"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.summary: Summary | None = None
        self._shown_grouping: str | None = None
        self._region = ""
        self.grouping = QComboBox()
        self.grouping.addItem(self.tr("By city"), "city")
        self.grouping.addItem(self.tr("By activity type"), "type")
        self.grouping.addItem(self.tr("By week"), "week")
        self.grouping.currentIndexChanged.connect(lambda _i: self.show_grouping())
        self.exclude_cancelled = QCheckBox(self.tr("Leave out cancelled activities"))
        self.exclude_cancelled.toggled.connect(lambda _b: self.refresh())
        self.copy_button = QPushButton(self.tr("Copy table"))
        self.copy_button.setToolTip(self.tr("Copy the table to the clipboard, to paste into Excel or WPS"))
        self.copy_button.clicked.connect(self.copy_table)
        self.total_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.grouping)
        bar.addWidget(self.exclude_cancelled)
        bar.addWidget(self.total_label, 1)
        bar.addWidget(self.copy_button)

        number = (
            ("Activities", "activities"),
            ("Expected participants", "expected"),
            ("Actual participants", "actual"),
            ("Online participants", "online"),
        )
        self.model = RowTableModel(
            [Column(self.tr("Group"), self._group_label, lambda r: r.key)]
            + [self._number_column(title, attr) for title, attr in number],
            self,
        )
        self.table = make_table(self.model)
        set_widths(self.table, (200, 80, 120, 120, 120))
        self.table.horizontalHeader().setStretchLastSection(False)  # numbers stay next to their headings
        self._build(bar)

    def _number_column(self, title: str, attr: str) -> Column:
        """A right-aligned count column (the titles are translated where they are listed below)."""
        return Column(
            self._titles()[title],
            lambda r: _num(getattr(r, attr)),
            lambda r: getattr(r, attr),
            align_right=True,
        )

    def _titles(self) -> dict[str, str]:
        return {
            "Activities": self.tr("Activities"),
            "Expected participants": self.tr("Expected participants"),
            "Actual participants": self.tr("Actual participants"),
            "Online participants": self.tr("Online participants"),
        }

    def _build(self, bar: QHBoxLayout) -> None:
        self.activity_chart = BarChart()
        self.people_chart = BarChart()
        charts = QWidget()
        cl = QHBoxLayout(charts)
        cl.addWidget(self.activity_chart, 2)
        cl.addWidget(self.people_chart, 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scroll)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def title(self) -> str:
        return self.tr("Summary")

    def reload(self) -> None:
        pid = self.ctx.programme_id
        # the Activities table's rows when the window has them: no second read of 50,000 activities
        loaded = self.ctx.loaded_rows() if self.ctx.loaded_rows is not None and pid else None
        with self.ctx.db.read() as session:
            exclude = self.exclude_cancelled.isChecked()
            self.summary = summarise(session, pid, exclude_cancelled=exclude, loaded=loaded) if pid else None
        prog = self.programme()
        self._region = prog.region_code if prog else ""
        self.show_grouping()

    def _group_label(self, row: SummaryRow) -> str:
        g = self.grouping.currentData()
        if g == "type":
            return label("activity_type", row.key) or self.tr("(no type)")
        if g == "week":
            return self.tr("Week %1 (%2)").replace("%1", str(int(row.key[-2:]))).replace("%2", row.label)
        if row.key and row.key == self._region:
            return row.label + self.tr(" (province-wide)")
        return row.label or self.tr("(no city)")

    def rows(self) -> tuple[SummaryRow, ...]:
        return self.summary.rows(self.grouping.currentData()) if self.summary else ()

    def show_grouping(self) -> None:
        rows = self.rows()
        self.model.set_rows(rows)
        if self.grouping.currentData() != self._shown_grouping:  # a new grouping starts in its own order
            self._shown_grouping = self.grouping.currentData()
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.model.clear_sort()
        names = [self._group_label(r) for r in rows]
        heading = self.grouping.currentText()
        self.activity_chart.set_data(
            self.tr("Activities, %1").replace("%1", heading),
            names,
            [Series(self.tr("Activities"), COLOURS["activities"], tuple(r.activities for r in rows))],
        )
        self.people_chart.set_data(
            self.tr("Participants, %1").replace("%1", heading),
            names,
            [
                Series(self.tr("Expected"), COLOURS["expected"], tuple(r.expected for r in rows)),
                Series(self.tr("Actual"), COLOURS["actual"], tuple(r.actual for r in rows)),
                Series(self.tr("Online"), COLOURS["online"], tuple(r.online for r in rows)),
            ],
        )
        t = self.summary.total if self.summary else SummaryRow("", "")
        self.total_label.setText(
            self.tr("Total: %1 activities, %2 expected, %3 actual, %4 online participants")
            .replace("%1", _num(t.activities))
            .replace("%2", _num(t.expected))
            .replace("%3", _num(t.actual))
            .replace("%4", _num(t.online))
        )

    def table_text(self) -> str:
        """The table as tab-separated text with headers and a total line."""
        t = self.summary.total if self.summary else SummaryRow("", "")
        total = "\t".join(
            [self.tr("Total"), *(str(v) for v in (t.activities, t.expected, t.actual, t.online))]
        )
        plain = self.model.as_tsv().replace("\u00a0", "")
        lines = plain.rstrip("\n").split("\n")
        lines[1:] = [
            "\t".join([cells[0], *(c.replace(",", "") for c in cells[1:])])
            for cells in (ln.split("\t") for ln in lines[1:])
        ]
        return "\n".join([*lines, total]) + "\n"

    def copy_table(self) -> None:
        QGuiApplication.clipboard().setText(self.table_text())
