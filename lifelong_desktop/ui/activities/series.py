"""Weekly series: the selected activity repeated on one weekday from a start to an end date."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.planning import series_dates
from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.ui.activities.messages import problem_text
from lifelong_desktop.ui.common.date_entry import DateEdit
from lifelong_desktop.ui.common.widgets import ok_cancel


class WeeklySeriesDialog(QDialog):
    """Shows how many activities the series makes; OK only when at least one date falls on the weekday."""

    def __init__(self, template: ActivityRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weekly Series"))
        self.template = template
        self.weekday = QComboBox(self)
        locale = QLocale()
        for day in range(7):
            self.weekday.addItem(locale.dayName(day + 1), day)
        self.weekday.setCurrentIndex(template.start_date.weekday())
        self.first = DateEdit(self, year=template.start_date.year)
        self.last = DateEdit(self, year=template.start_date.year)
        self.first.set_value(template.start_date + timedelta(days=7))
        self.last.set_value(template.start_date + timedelta(days=7 * 8))
        self.weekday.setAccessibleName(self.tr("Weekday"))
        self.first.setAccessibleName(self.tr("First date"))
        self.last.setAccessibleName(self.tr("Last date"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Repeat “%1” every week:").replace("%1", template.title), self))
        form.addRow(self.tr("&Weekday:"), self.weekday)
        form.addRow(self.tr("&From:"), self.first)
        form.addRow(self.tr("&To:"), self.last)
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.weekday.currentIndexChanged.connect(self._update)
        self.first.dateChanged.connect(self._update)
        self.last.dateChanged.connect(self._update)
        self._update()

    def values(self):
        return self.weekday.currentData(), self.first.value(), self.last.value()

    def _update(self) -> None:
        weekday, first, last = self.values()
        readable = self.first.is_valid() and self.last.is_valid()
        dates = series_dates(weekday, first, last) if readable and first <= last else []
        if dates:
            self.summary.setText(
                self.tr("%n activities will be added, from %1 to %2.", "", len(dates))
                .replace("%1", dates[0].isoformat())
                .replace("%2", dates[-1].isoformat())
            )
            self.summary.setStyleSheet("")
        else:
            code = (
                "date_unreadable" if not readable else "series_empty" if first <= last else "end_before_start"
            )
            self.summary.setText(problem_text(code))
            self.summary.setStyleSheet("color: #b00020;")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(dates))
