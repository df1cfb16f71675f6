"""What to print: the schedule's layout (by date, city or venue), dates, city, paper and orientation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.regions import Region
from lifelong_desktop.ui.common.widgets import ok_cancel
from lifelong_desktop.ui.help.guide import help_key

_ANY = QDate(2000, 1, 1)


class PrintOptionsDialog(QDialog):
    def __init__(self, cities: list[Region], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print Schedule"))
        self.by = QComboBox(self)
        for key, text in (
            ("date", self.tr("By date")),
            ("city", self.tr("By city")),
            ("venue", self.tr("By venue")),
        ):
            self.by.addItem(text, key)
        self.city = QComboBox(self)
        self.city.addItem(self.tr("All cities"), None)
        for r in cities:
            self.city.addItem(r.name, r.code)
        self.date_from = self._date()
        self.date_to = self._date()
        self.paper = QComboBox(self)
        for size in ("A4", "A3"):
            self.paper.addItem(size, size)
        self.landscape = QCheckBox(self.tr("L&andscape"), self)
        self.cancelled = QCheckBox(self.tr("&Include cancelled activities"), self)
        for w, name in (
            (self.by, self.tr("Layout")),
            (self.city, self.tr("City")),
            (self.date_from, self.tr("From date")),
            (self.date_to, self.tr("To date")),
            (self.paper, self.tr("Paper size")),
        ):
            w.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.tr("&Layout:"), self.by)
        form.addRow(self.tr("&City:"), self.city)
        form.addRow(self.tr("&From:"), self.date_from)
        form.addRow(self.tr("&To:"), self.date_to)
        form.addRow(self.tr("&Paper:"), self.paper)
        form.addRow("", self.landscape)
        form.addRow("", self.cancelled)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        help_key(self, "printing")

    def _date(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_ANY)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_ANY)
        return edit

    def options(self, lang: str):
        from lifelong_desktop.printing.schedule import ScheduleOptions

        def day(edit: QDateEdit) -> date | None:
            return None if edit.date() == _ANY else edit.date().toPython()

        return ScheduleOptions(
            by=self.by.currentData(),
            date_from=day(self.date_from),
            date_to=day(self.date_to),
            city=self.city.currentData(),
            page_size=self.paper.currentData(),
            orientation="landscape" if self.landscape.isChecked() else "portrait",
            include_cancelled=self.cancelled.isChecked(),
            lang=lang,
        )
