"""The search box and the filter bar above the activity table; emits the ActivityFilter as it changes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.regions import Region, regions
from lifelong_desktop.services.rows import OrganisationRow
from lifelong_desktop.ui.activities.filtering import ActivityFilter
from lifelong_desktop.ui.common import codes
from lifelong_desktop.ui.common.date_entry import DateEdit


class FilterBar(QWidget):
    changed = Signal(object)  # ActivityFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search title, venue, organisers, city… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search activities"))
        self.city = self._combo(self.tr("City"))
        self.county = self._combo(self.tr("County"))
        self.activity_type = self._code_combo("activity_type", self.tr("Type"))
        self.status = self._code_combo("status", self.tr("Status"))
        self.mode = self._code_combo("mode", self.tr("Mode"))
        self.organisation = self._combo(self.tr("Organisation"))
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organisation.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.organisation.setMinimumContentsLength(12)
        self.date_from = self._date(self.tr("From date"))
        self.date_to = self._date(self.tr("To date"))
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of activities shown"))

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        row = QHBoxLayout()
        for w in (self.city, self.county, self.activity_type, self.status, self.mode, self.organisation):
            row.addWidget(w)
        row.addWidget(QLabel(self.tr("Dates:"), self))
        row.addWidget(self.date_from)
        row.addWidget(QLabel("–", self))
        row.addWidget(self.date_to)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(row)

        self._quiet = False
        self.search.textChanged.connect(self._emit)
        for combo in (self.county, self.activity_type, self.status, self.mode, self.organisation):
            combo.currentIndexChanged.connect(self._emit)
        self.city.currentIndexChanged.connect(self._city_changed)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)

    # ---------------------------------------------------------------- building

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(self.tr("Filter by %1").replace("%1", name))
        combo.setToolTip(combo.accessibleName())
        combo.addItem(self.tr("All: %1").replace("%1", name), None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _code_combo(self, code_list: str, name: str) -> QComboBox:
        combo = self._combo(name)
        for key, text in codes.items(code_list):
            combo.addItem(text, key)
        return combo

    def _date(self, name: str) -> DateEdit:
        edit = DateEdit(self, optional=True, empty_text=self.tr("any"))
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("0000-00-000") + 40)
        edit.setAccessibleName(name)
        edit.setToolTip(self.tr("%1: empty for any date; type 2025-05-12 or 5月12日").replace("%1", name))
        return edit

    def tab_chain(self) -> list[QWidget]:
        """The fields in the order Tab visits them: as they stand on the screen, left to right."""
        return [
            self.search,
            self.city,
            self.county,
            self.activity_type,
            self.status,
            self.mode,
            self.organisation,
            self.date_from,
            self.date_to,
            self.clear_button,
        ]

    def set_year(self, year: int | None) -> None:
        """The year of dates typed without one (5月12日): the programme's."""
        self.date_from.year = self.date_to.year = year

    def set_choices(self, cities: Sequence[Region], organisations: Sequence[OrganisationRow]) -> None:
        """Fill the city and organisation lists (keeps the current choices where they still exist)."""
        keep = self.value()
        self._quiet = True
        for combo, items in (
            (self.city, [(r.name, r.code) for r in cities]),
            (self.organisation, [(o.name, o.id) for o in organisations]),
        ):
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
        self._quiet = False
        self.set_value(keep)

    # ---------------------------------------------------------------- value

    def value(self) -> ActivityFilter:
        return ActivityFilter(
            text=self.search.text(),
            city_code=self.city.currentData() or "",
            county_code=self.county.currentData() or "",
            activity_type=self.activity_type.currentData() or "",
            status=self.status.currentData() or "",
            mode=self.mode.currentData() or "",
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            organisation_id=self.organisation.currentData(),
        )

    def set_value(self, f: ActivityFilter) -> None:
        self._quiet = True
        self.search.setText(f.text)
        for combo, data in (
            (self.city, f.city_code or None),
            (self.activity_type, f.activity_type or None),
            (self.status, f.status or None),
            (self.mode, f.mode or None),
            (self.organisation, f.organisation_id),
        ):
            i = combo.findData(data)
            combo.setCurrentIndex(max(i, 0))
        self._fill_counties()
        i = self.county.findData(f.county_code or None)
        self.county.setCurrentIndex(max(i, 0))
        self.date_from.set_value(f.date_from)
        self.date_to.set_value(f.date_to)
        self._quiet = False
        self._emit()

    def clear(self) -> None:
        self.set_value(ActivityFilter())

    def _city_changed(self) -> None:
        quiet, self._quiet = self._quiet, True
        self._fill_counties()
        self._quiet = quiet
        self._emit()

    def _fill_counties(self) -> None:
        code = self.city.currentData()
        while self.county.count() > 1:
            self.county.removeItem(1)
        if code:
            reg = regions()
            for r in sorted(reg.descendants(code, "county"), key=lambda r: r.code):
                self.county.addItem(r.name, r.code)
        self.county.setEnabled(bool(code))

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit(self.value())
