"""The form of one venue of the register: name, city and county, address, type, capacity and contact."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.rows import VenueRow
from lifelong_desktop.ui.common.widgets import code_combo
from lifelong_desktop.ui.registers.form import (
    RegisterForm,
    combo_value,
    region_combo,
    select_data,
    widen_lists,
)


class VenueDialog(RegisterForm):
    """New venue (row None) or edit one; the county list follows the chosen city."""

    def __init__(
        self,
        parent: QWidget | None,
        validate: Callable[[dict[str, Any]], None],
        region_code: str,
        row: VenueRow | None = None,
        city_code: str | None = None,
    ) -> None:
        super().__init__(parent, validate)
        self.setWindowTitle(self.tr("New venue") if row is None else self.tr("Edit venue"))
        reg = regions()
        self.name = self.line("name", self.tr("&Name *"), 100)
        self.name.setFocus()  # typing starts with the name, whatever opened the form
        top = reg.get(region_code)
        cities = (
            ([region_code] + [c.code for c in reg.cities_of(region_code)])
            if top and top.level == "province"
            else ([region_code] if top else [])
        )
        self.city = self.add_field("city_code", self.tr("&City *"), region_combo(cities, self.tr("(choose)")))
        self.county = self.add_field(
            "county_code", self.tr("Count&y"), region_combo([], self.tr("(not given)"))
        )
        self.address = self.line("address", self.tr("&Address"), 200)
        self.venue_type = self.add_field(
            "venue_type", self.tr("&Type"), code_combo("venue_type", self, blank_text=self.tr("(not given)"))
        )
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 1_000_000)
        self.capacity.setSpecialValueText(self.tr("(not given)"))
        self.capacity.setSingleStep(10)
        self.add_field("capacity", self.tr("Ca&pacity (people)"), self.capacity)
        self.accessible = QComboBox()
        for text, value in ((self.tr("(not given)"), None), (self.tr("Yes"), True), (self.tr("No"), False)):
            self.accessible.addItem(text, value)
        self.add_field("accessible", self.tr("Acc&essible"), self.accessible)
        self.contact_name = self.line("contact_name", self.tr("C&ontact"), 50)
        self.contact_phone = self.line("contact_phone", self.tr("P&hone"), 20)
        self.city.currentIndexChanged.connect(self._fill_counties)
        if row is not None:
            self.name.setText(row.name)
            if self.city.findData(row.city_code) < 0:
                self.city.addItem(f"{row.city_code} {reg.full_name(row.city_code)}", row.city_code)
            select_data(self.city, row.city_code)
            select_data(self.county, row.county_code)
            self.address.setText(row.address)
            select_data(self.venue_type, row.venue_type)
            self.capacity.setValue(row.capacity or 0)
            select_data(self.accessible, row.accessible)
            self.contact_name.setText(row.contact_name)
            self.contact_phone.setText(row.contact_phone)
        elif city_code:
            select_data(self.city, city_code)

    def _fill_counties(self) -> None:
        city = combo_value(self.city)
        current = combo_value(self.county)
        self.county.blockSignals(True)
        while self.county.count() > 1:
            self.county.removeItem(1)
        reg = regions()
        for r in (
            sorted((c for c in reg.descendants(city) if c.level == "county"), key=lambda c: c.code)
            if city
            else []
        ):
            self.county.addItem(f"{r.code} {r.name}", r.code)
        widen_lists(self.county)
        select_data(self.county, current)
        self.county.blockSignals(False)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "city_code": combo_value(self.city),
            "county_code": combo_value(self.county),
            "address": self.address.text(),
            "venue_type": self.venue_type.currentData(),
            "capacity": self.capacity.value() or None,
            "accessible": self.accessible.currentData(),
            "contact_name": self.contact_name.text(),
            "contact_phone": self.contact_phone.text(),
        }
