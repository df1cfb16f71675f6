"""Making a programme: for a region and year, the Liaoning 2024 demo, or next year's from last year's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from lifelong_desktop.db import DatabaseProblem
from lifelong_desktop.models import Programme
from lifelong_desktop.services.programme_settings import (
    SETTING_FIELDS,
    ProgrammeSettings,
    clean_settings,
    default_settings,
)
from lifelong_desktop.services.programmes import create_programme
from lifelong_desktop.services.regions import NATIONAL, regions
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.widgets import ok_cancel
from lifelong_desktop.ui.programme.settings_dialog import SettingsForm, problem_sentence


class NewProgrammeDialog(QDialog):
    """Region (a province, optionally one of its cities) and year; or the demo programme."""

    def __init__(self, parent: QWidget | None = None, *, offer_demo: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Programme"))
        self.wants_demo = False
        reg = regions()
        self.province = QComboBox(self)
        for r in sorted(reg.children(NATIONAL), key=lambda r: r.code):
            self.province.addItem(r.name, r.code)
        self.province.setCurrentIndex(max(self.province.findData("210000"), 0))
        self.city = QComboBox(self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.settings = SettingsForm(self.year.value(), None, default_settings(self.year.value()), self)
        self.theme = self.settings.theme
        for w, name in (
            (self.province, self.tr("Province")),
            (self.city, self.tr("City")),
            (self.year, self.tr("Year")),
        ):
            w.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.tr("&Province:"), self.province)
        form.addRow(self.tr("&City:"), self.city)
        form.addRow(self.tr("&Year:"), self.year)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = ok_cancel(self)
        self.demo_button = QPushButton(self.tr("Create the &Demo (Liaoning 2024)"), self)
        self.demo_button.setAutoDefault(False)
        self.demo_button.clicked.connect(self._demo)
        self.demo_button.setVisible(offer_demo)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Which region's activity week do you plan, and for which year?"), self)
        )
        layout.addLayout(form)
        layout.addWidget(self.settings)
        layout.addWidget(self.note)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.buttons)
        self.province.currentIndexChanged.connect(self._fill_cities)
        self.city.currentIndexChanged.connect(self._region_changed)
        self.year.valueChanged.connect(self.settings.set_year)
        self.settings.changed.connect(self._check)
        self._fill_cities()
        self._check()

    def _region_changed(self) -> None:
        self.settings.set_region(self.region_code())

    def _check(self) -> None:
        """OK while the settings keep the rules (unit and contact may wait until the first export)."""
        problems = self.settings.problems()
        lines = [problem_sentence(p) for p in problems]
        if not problems and not (self.settings.unit.text().strip() and self.settings.contact.text().strip()):
            lines.append(self.tr("The submitting unit and the contact can wait, but an export needs them."))
        self.note.setText("\n".join(lines))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def settings_value(self) -> ProgrammeSettings:
        return clean_settings(self.settings.year, self.settings.value())[0]

    def _fill_cities(self) -> None:
        self.city.clear()
        self.city.addItem(self.tr("(the whole province)"), None)
        for r in regions().cities_of(self.province.currentData()):
            self.city.addItem(r.name, r.code)

    def _demo(self) -> None:
        self.wants_demo = True
        self.accept()

    def region_code(self) -> str:
        return self.city.currentData() or self.province.currentData()


def create_from_dialog(ctx: AppContext, dialog: NewProgrammeDialog, say: Callable[[str], None]) -> int | None:
    """Create what the dialog asked for; returns the new programme id (None when refused, with a sentence said)."""
    try:
        with ctx.db.transaction("new programme") as session:
            if dialog.wants_demo:
                from lifelong_desktop.services.demo.create import DemoProgrammeExists, create_demo

                try:
                    return create_demo(session).programme_id
                except DemoProgrammeExists:
                    say(
                        QCoreApplication.translate(
                            "NewProgrammeDialog", "The demo programme (2024) is already in this database."
                        )
                    )
                    return None
            year = dialog.year.value()
            if session.scalar(select(Programme.id).where(Programme.year == year)) is not None:
                say(
                    QCoreApplication.translate(
                        "NewProgrammeDialog", "A programme for %1 already exists in this database."
                    ).replace("%1", str(year))
                )
                return None
            settings = dialog.settings_value()
            return create_programme(
                session,
                region_code=dialog.region_code(),
                year=year,
                **{name: getattr(settings, name) for name in SETTING_FIELDS},
            ).id
    except DatabaseProblem as exc:
        say(exc.message())
        return None


class FromLastYearDialog(QDialog):
    def __init__(self, region_name: str, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Programme from Last Year's"))
        text = self.tr("Create the %1 programme of %2 on the same organisations and venues.")
        self.copy_activities = QCheckBox(
            self.tr(
                "&Copy last year's activities: 52 weeks later (same weekday), planned, as new activities"
            ),
            self,
        )
        self.copy_activities.setChecked(True)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        label = QLabel(text.replace("%1", str(year + 1)).replace("%2", region_name), self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.copy_activities)
        layout.addWidget(buttons)
