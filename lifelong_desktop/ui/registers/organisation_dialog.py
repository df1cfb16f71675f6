"""The form of one organisation of the register: name, type, credit code, region and contact."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.rows import OrganisationRow
from lifelong_desktop.ui.common.examples import education_office
from lifelong_desktop.ui.common.widgets import code_combo
from lifelong_desktop.ui.registers.form import (
    RegisterForm,
    combo_value,
    region_combo,
    select_data,
)


class OrganisationDialog(RegisterForm):
    """New organisation (row None) or edit one; `values()` gives the fields for services.registers."""

    def __init__(
        self,
        parent: QWidget | None,
        validate: Callable[[dict[str, Any]], None],
        region_code: str,
        row: OrganisationRow | None = None,
    ) -> None:
        super().__init__(parent, validate)
        self.setWindowTitle(self.tr("New organisation") if row is None else self.tr("Edit organisation"))
        self.name = self.line("name", self.tr("&Name *"), 100)
        self.name.setFocus()  # typing starts with the name, whatever opened the form
        example = education_office(region_code)
        if example:
            self.name.setPlaceholderText(self.tr("Full name, e.g. %1").replace("%1", example))
        self.org_type = self.add_field(
            "org_type", self.tr("&Type *"), code_combo("org_type", self, blank=False)
        )
        self.credit_code = self.line("credit_code", self.tr("Unified social &credit code"), 18)
        self.credit_code.setPlaceholderText(self.tr("18 characters, optional"))
        reg = regions()
        codes = [region_code] + [r.code for r in reg.descendants(region_code)] if reg.get(region_code) else []
        self.region = self.add_field(
            "region_code", self.tr("&Region"), region_combo(codes, self.tr("(not given)"))
        )
        self.contact_name = self.line("contact_name", self.tr("C&ontact"), 50)
        self.contact_phone = self.line("contact_phone", self.tr("&Phone"), 20)
        self.email = self.line("email", self.tr("&E-mail"), 100)
        if row is not None:
            self.name.setText(row.name)
            select_data(self.org_type, row.org_type)
            self.credit_code.setText(row.credit_code or "")
            if row.region_code and self.region.findData(row.region_code) < 0:
                self.region.addItem(f"{row.region_code} {reg.full_name(row.region_code)}", row.region_code)
            select_data(self.region, row.region_code)
            self.contact_name.setText(row.contact_name)
            self.contact_phone.setText(row.contact_phone)
            self.email.setText(row.email)
        else:
            select_data(self.org_type, "other")

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "org_type": self.org_type.currentData(),
            "credit_code": self.credit_code.text(),
            "region_code": combo_value(self.region),
            "contact_name": self.contact_name.text(),
            "contact_phone": self.contact_phone.text(),
            "email": self.email.text(),
        }
