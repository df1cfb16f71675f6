"""Bulk edit of the selected activities: status, shift dates, venue, add an organisation in a role."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.planning import BulkChange
from lifelong_desktop.ui.activities.choices import Choices
from lifelong_desktop.ui.common.widgets import code_combo, ok_cancel


class BulkEditDialog(QDialog):
    """Each change has a check box; only checked ones are applied to every selected activity."""

    def __init__(
        self, choices: Choices, count: int, parent: QWidget | None = None, cities: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bulk Edit"))
        intro = QLabel(self.tr("Change %n selected activities:", "", count), self)
        self.set_status = QCheckBox(self.tr("Set &status to"), self)
        self.status = code_combo("status", self, blank=False)
        self.shift = QCheckBox(self.tr("S&hift dates by"), self)
        self.days = QSpinBox(self)
        self.days.setRange(-366, 366)
        self.days.setSuffix(self.tr(" days"))
        self.set_venue = QCheckBox(self.tr("Set &venue to"), self)
        self.venue = self._venue_combo(choices, cities)  # made in this order: it is the Tab order
        self.add_org = QCheckBox(self.tr("&Add organisation"), self)
        self.org = self._organisation_combo(choices)
        self.role = QComboBox(self)
        for key, text in (
            ("host", self.tr("as host")),
            ("undertaker", self.tr("as undertaker")),
            ("co_organiser", self.tr("as co-organiser")),
        ):
            self.role.addItem(text, key)
        for w, name in (
            (self.status, self.tr("New status")),
            (self.days, self.tr("Days to shift by")),
            (self.venue, self.tr("New venue")),
            (self.org, self.tr("Organisation to add")),
            (self.role, self.tr("Role of the organisation")),
        ):
            w.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.set_status, self.status)
        form.addRow(self.shift, self.days)
        form.addRow(self.set_venue, self.venue)
        form.addRow(self.add_org, self.org)
        form.addRow("", self.role)
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._wire()
        self._update()

    def _venue_combo(self, choices: Choices, cities: Sequence[str]) -> QComboBox:
        """Every venue, typed to filter; the selected activities' own cities first, where the likely ones are."""
        combo = QComboBox(self)
        combo.setEditable(True)  # hundreds of venues: type part of a name
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        reg_names = {r.code: r.name for r in choices.cities()}
        for v in sorted(choices.venues, key=lambda v: v.city_code not in cities):
            combo.addItem(f"{v.name}（{reg_names.get(v.city_code, v.city_name)}）", v.id)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        return combo

    def _organisation_combo(self, choices: Choices) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for o in choices.organisations:
            combo.addItem(o.name, o.id)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        return combo

    def _wire(self) -> None:
        """Each change's fields are enabled by its check box; the OK button follows what is asked."""
        pairs = (
            (self.set_status, (self.status,)),
            (self.shift, (self.days,)),
            (self.set_venue, (self.venue,)),
            (self.add_org, (self.org, self.role)),
        )
        for box, widgets in pairs:
            for w in widgets:
                w.setEnabled(False)
                box.toggled.connect(w.setEnabled)
            box.toggled.connect(self._update)
        self.days.valueChanged.connect(self._update)
        self.venue.editTextChanged.connect(self._update)
        self.org.editTextChanged.connect(self._update)

    def change(self) -> BulkChange:
        org_id = _typed(self.org) if self.add_org.isChecked() else None
        return BulkChange(
            status=self.status.currentData() if self.set_status.isChecked() else None,
            shift_days=self.days.value() if self.shift.isChecked() else 0,
            venue_id=_typed(self.venue) if self.set_venue.isChecked() else None,
            add_organisation=(self.role.currentData(), org_id) if org_id is not None else None,
        )

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.change() != BulkChange())


def _typed(combo: QComboBox) -> int | None:
    """The id of the choice whose text is typed in an editable combo (None when it names none)."""
    index = combo.findText(combo.currentText().strip(), Qt.MatchFlag.MatchFixedString)
    return combo.itemData(index) if index >= 0 else None
