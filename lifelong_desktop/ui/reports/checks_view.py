"""The planning checks: findings of services.checks grouped by severity, with counts; double-click opens the activity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex
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
from lifelong_desktop.ui.reports.checks_model import (
    ACTIVITY_ROLE,
    FINDING_ROLE,
    SEVERITY_COLOURS,
    ChecksModel,
)

__all__ = ["ACTIVITY_ROLE", "FINDING_ROLE", "SEVERITY_COLOURS", "ChecksView"]


class ChecksView(LazyView):
    """A tree: severity (with its count) > finding (sentence, check, venue) > the activities it names."""

    kinds = frozenset({"activities", "venues", "organisations"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self._today = today
        self.findings: list[CheckFinding] = []
        self.model = ChecksModel(self)
        self.model.set_headers([self.tr("Finding"), self.tr("Check"), self.tr("Venue")])
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
                rows: Sequence[Any] = loaded
            else:
                self.findings = run_checks(session, pid, today=self._today) if pid else []
                rows = calendar_rows(session, pid) if pid else []
        listed = self._listed()
        self._fill({r.id: (r.start_date, r.title) for r in rows if r.id in listed})

    def _listed(self) -> set[int]:
        """The activities shown under their finding (those of findings naming more than one)."""
        return {a for f in self.findings if len(f.activity_db_ids) > 1 for a in f.activity_db_ids}

    def _fill(self, titles: dict[int, tuple[date, str]]) -> None:
        lang = message_language()
        model = self.model
        expanded = {
            model.severity_of(i) for i in range(model.rowCount()) if self.tree.isExpanded(model.index(i, 0))
        }
        counts = count_by_severity(self.findings)
        groups = []
        for severity in SEVERITIES:
            group = [f for f in self.findings if f.severity == severity]
            if group:
                groups.append((severity, f"{self.severity_word(severity)}（{len(group)}）", group))
        lines = {act: f"{day.isoformat() if day else ''}  {name}" for act, (day, name) in titles.items()}
        model.set_findings(groups, lines, lambda f: f.message(lang), self.check_word)
        for i, (severity, _, _) in enumerate(groups):
            if severity in expanded or not expanded:
                self.tree.expand(model.index(i, 0))
        self.tree.resizeColumnToContents(1)
        if not self.findings:
            self.summary.setText(self.tr("No problems found."))
        else:
            self.summary.setText(
                self.tr("%1, %2, %3")
                .replace("%1", self.tr("%n errors", "", counts["error"]))
                .replace("%2", self.tr("%n warnings", "", counts["warning"]))
                .replace("%3", self.tr("%n notes", "", counts["info"]))
            )

    def counts(self) -> dict[str, int]:
        return count_by_severity(self.findings)

    def open_index(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        activity = first.data(ACTIVITY_ROLE)
        if activity is not None:
            self.ctx.activity_requested.emit(int(activity))
