"""The planning checks: findings of services.checks grouped by severity, with counts; double-click opens the activity."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

from lifelong_desktop.services.calendar import calendar_rows
from lifelong_desktop.services.checks.runner import (
    SEVERITIES,
    CheckFinding,
    check_loaded_rows,
    count_by_severity,
    run_checks,
)
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.language import message_language
from lifelong_desktop.ui.common.lazy_view import LazyView

ACTIVITY_ROLE = Qt.ItemDataRole.UserRole + 1  # database id of the activity an item opens
FINDING_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_COLOURS = {"error": "#b3261e", "warning": "#a15c00", "info": "#1f5fa8"}


class ChecksView(LazyView):
    """A tree: severity (with its count) > finding (sentence, check, venue) > the activities it names."""

    kinds = frozenset({"activities", "venues", "organisations"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self._today = today
        self.findings: list[CheckFinding] = []
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("Check"), self.tr("Venue")])
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 0; }")  # findings are read, not scanned
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.activated.connect(self.open_index)
        self.tree.setToolTip(self.tr("Double-click a finding to open its activity"))
        self.summary = QLabel()
        self.refresh_button = QPushButton(self.tr("Run checks again"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)

    def title(self) -> str:
        return self.tr("Checks")

    def severity_word(self, severity: str) -> str:
        return {"error": self.tr("Errors"), "warning": self.tr("Warnings"), "info": self.tr("Notes")}[
            severity
        ]

    def check_word(self, code: str) -> str:
        words = {
            "venue_double_booked": self.tr("Venue double booked"),
            "capacity_exceeded": self.tr("Over capacity"),
            "outside_window": self.tr("Outside the programme window"),
            "public_holiday": self.tr("Public holiday"),
            "holiday_data_missing": self.tr("Holiday data missing"),
            "organiser_double_booked": self.tr("Undertaker in two places"),
            "sub_venue_mismatch": self.tr("Sub-venue mismatch"),
            "duplicate_suspect": self.tr("Possible duplicate"),
            "missing_for_submission": self.tr("Missing for submission"),
            "unreported_result": self.tr("Result not reported"),
        }
        return words.get(code, code)

    def reload(self) -> None:
        pid = self.ctx.programme_id
        loaded = self.ctx.loaded_rows() if self.ctx.loaded_rows is not None and pid else None
        with self.ctx.db.read() as session:
            if loaded is not None:  # the Activities table's rows: no second copy of 50,000 activities
                self.findings = check_loaded_rows(session, pid, loaded, today=self._today)
                titles = {r.id: (r.start_date, r.title) for r in loaded}
            else:
                self.findings = run_checks(session, pid, today=self._today) if pid else []
                rows = calendar_rows(session, pid) if pid else []
                titles = {r.id: (r.start_date, r.title) for r in rows}
        self._fill(titles)

    def _fill(self, titles: dict[int, tuple[date, str]]) -> None:
        lang = message_language()
        expanded = {
            self.model.item(i).data(FINDING_ROLE)
            for i in range(self.model.rowCount())
            if self.tree.isExpanded(self.model.index(i, 0))
        }
        self.model.removeRows(0, self.model.rowCount())
        counts = count_by_severity(self.findings)
        for severity in SEVERITIES:
            group = [f for f in self.findings if f.severity == severity]
            if not group:
                continue
            head = QStandardItem(f"{self.severity_word(severity)}（{len(group)}）")
            head.setData(severity, FINDING_ROLE)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setForeground(QBrush(QColor(SEVERITY_COLOURS[severity])))
            for f in group:
                item = QStandardItem(f.message(lang))
                item.setToolTip(f.message(lang))
                if f.activity_db_ids:
                    item.setData(f.activity_db_ids[0], ACTIVITY_ROLE)
                if len(f.activity_db_ids) > 1:
                    for act in f.activity_db_ids:
                        day, name = titles.get(act, (None, ""))
                        child = QStandardItem(f"{day.isoformat() if day else ''}  {name}")
                        child.setData(act, ACTIVITY_ROLE)
                        item.appendRow([child, QStandardItem(), QStandardItem()])
                head.appendRow([item, QStandardItem(self.check_word(f.code)), QStandardItem(f.venue)])
            self.model.appendRow([head, QStandardItem(), QStandardItem()])
            if severity in expanded or not expanded:
                self.tree.expand(head.index())
        self.tree.resizeColumnToContents(1)
        if not self.findings:
            self.summary.setText(self.tr("No problems found."))
        else:
            self.summary.setText(
                self.tr("%1 errors, %2 warnings, %3 notes")
                .replace("%1", str(counts["error"]))
                .replace("%2", str(counts["warning"]))
                .replace("%3", str(counts["info"]))
            )

    def counts(self) -> dict[str, int]:
        return count_by_severity(self.findings)

    def open_index(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        activity = first.data(ACTIVITY_ROLE)
        if activity is not None:
            self.ctx.activity_requested.emit(int(activity))
