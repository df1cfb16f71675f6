"""Programme Settings (计划设置): unit, contact, theme, window and official week, checked as you type."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from lifelong_desktop.models import Programme
from lifelong_desktop.services.programme_settings import (
    MAX_LENGTH,
    ProgrammeSettings,
    SettingProblem,
    apply_settings,
    clean_settings,
    default_settings,
)
from lifelong_desktop.services.regions import regions
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.examples import education_office
from lifelong_desktop.ui.common.undo import DbCommand
from lifelong_desktop.ui.common.widgets import ok_cancel

_MNEMONIC = re.compile(r"\(&\w\)")


def field_label(name: str) -> str:
    """The field's name as the form shows it, without its mnemonic (`&U`, or `(&U)` in Chinese) or colon."""
    return _MNEMONIC.sub("", _labels()[name]).replace("&", "").rstrip(":：")


def _labels() -> dict[str, str]:
    return {
        "submitting_unit": QCoreApplication.translate("ProgrammeSettings", "Submitting &unit:"),
        "contact_name": QCoreApplication.translate("ProgrammeSettings", "Con&tact:"),
        "contact_phone": QCoreApplication.translate("ProgrammeSettings", "Phon&e:"),
        "contact_email": QCoreApplication.translate("ProgrammeSettings", "E-&mail:"),
        "theme": QCoreApplication.translate("ProgrammeSettings", "T&heme:"),
        "window_start": QCoreApplication.translate("ProgrammeSettings", "Activities &from:"),
        "window_end": QCoreApplication.translate("ProgrammeSettings", "Activities unti&l:"),
        "week_start": QCoreApplication.translate("ProgrammeSettings", "Official &week from:"),
        "week_end": QCoreApplication.translate("ProgrammeSettings", "Official week u&ntil:"),
    }


def problem_sentence(p: SettingProblem) -> str:
    """One sentence for a problem of the settings, naming its field."""
    texts = {
        "required": QCoreApplication.translate("ProgrammeSettings", "%1: fill it in."),
        "too_long": QCoreApplication.translate("ProgrammeSettings", "%1: at most %2 characters; shorten it."),
        "control_character": QCoreApplication.translate(
            "ProgrammeSettings", "%1: holds an invisible control character; delete it."
        ),
        "invalid_phone": QCoreApplication.translate(
            "ProgrammeSettings", "%1: use digits, a leading +, -, spaces and parentheses (5 to 20)."
        ),
        "invalid_email": QCoreApplication.translate(
            "ProgrammeSettings", "%1: this does not look like an e-mail address."
        ),
        "date_order": QCoreApplication.translate("ProgrammeSettings", "%1: cannot be before the start date."),
        "outside_year": QCoreApplication.translate("ProgrammeSettings", "%1: must be in %2."),
        "week_outside_window": QCoreApplication.translate(
            "ProgrammeSettings", "%1: must lie inside the activities' dates."
        ),
    }
    text = texts.get(p.code, "%1: " + p.code)
    second = str(p.params.get("max", p.params.get("year", "")))
    return text.replace("%1", field_label(p.field)).replace("%2", second)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(_qdate(value), parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


class SettingsForm(QWidget):
    """The settings as a form; `value()` reads it, `problems()` checks it with the core's rules."""

    changed = Signal()

    def __init__(
        self, year: int, region_code: str | None, settings: ProgrammeSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.year = year
        self.unit = QLineEdit(settings.submitting_unit, self)
        self.unit.setMaxLength(MAX_LENGTH["submitting_unit"])
        self.set_region(region_code)
        self.contact = QLineEdit(settings.contact_name, self)
        self.contact.setMaxLength(MAX_LENGTH["contact_name"])
        self.phone = QLineEdit(settings.contact_phone, self)
        self.phone.setPlaceholderText(self.tr("e.g. 025-8335 1234"))
        self.email = QLineEdit(settings.contact_email, self)
        self.theme = QLineEdit(settings.theme, self)
        self.theme.setMaxLength(MAX_LENGTH["theme"])
        self.window_start = _date_edit(self, settings.window_start or date(year, 4, 1))
        self.window_end = _date_edit(self, settings.window_end or date(year, 12, 31))
        known = settings.week_start is not None
        self.week_known = QCheckBox(self.tr("The official week's dates are &known"), self)
        self.week_known.setChecked(known)
        self.week_start = _date_edit(self, settings.week_start or date(year, 5, 1))
        self.week_end = _date_edit(self, settings.week_end or date(year, 5, 7))
        self._build(known)

    def _build(self, known: bool) -> None:
        labels = _labels()
        form = QFormLayout(self)
        widgets = {
            "submitting_unit": self.unit,
            "contact_name": self.contact,
            "contact_phone": self.phone,
            "contact_email": self.email,
            "theme": self.theme,
            "window_start": self.window_start,
            "window_end": self.window_end,
        }
        for name, widget in widgets.items():
            form.addRow(labels[name], widget)
            widget.setAccessibleName(field_label(name))
        form.addRow("", self.week_known)
        for name, widget in (("week_start", self.week_start), ("week_end", self.week_end)):
            form.addRow(labels[name], widget)
            widget.setAccessibleName(field_label(name))
        self._set_week_enabled(known)
        self.week_known.toggled.connect(self._set_week_enabled)
        for line in (self.unit, self.contact, self.phone, self.email, self.theme):
            line.textChanged.connect(self.changed)
        for edit in (self.window_start, self.window_end, self.week_start, self.week_end):
            edit.dateChanged.connect(self.changed)
        self.week_known.toggled.connect(self.changed)

    def set_region(self, region_code: str | None) -> None:
        """Examples from the programme's own region (江苏省教育厅 in Jiangsu)."""
        example = education_office(region_code)
        self.unit.setPlaceholderText(self.tr("e.g. %1").replace("%1", example) if example else "")

    def set_year(self, year: int) -> None:
        """Another year: the dates start again from that year's defaults (its official week when known)."""
        self.year = year
        defaults = default_settings(year)
        assert defaults.window_start and defaults.window_end
        self.window_start.setDate(_qdate(defaults.window_start))
        self.window_end.setDate(_qdate(defaults.window_end))
        known = defaults.week_start is not None and defaults.week_end is not None
        self.week_known.setChecked(known)
        self.week_start.setDate(_qdate(defaults.week_start or date(year, 5, 1)))
        self.week_end.setDate(_qdate(defaults.week_end or date(year, 5, 7)))

    def _set_week_enabled(self, on: bool) -> None:
        self.week_start.setEnabled(on)
        self.week_end.setEnabled(on)

    def value(self) -> ProgrammeSettings:
        known = self.week_known.isChecked()
        return ProgrammeSettings(
            submitting_unit=self.unit.text(),
            contact_name=self.contact.text(),
            contact_phone=self.phone.text(),
            contact_email=self.email.text(),
            theme=self.theme.text(),
            window_start=self.window_start.date().toPython(),
            window_end=self.window_end.date().toPython(),
            week_start=self.week_start.date().toPython() if known else None,
            week_end=self.week_end.date().toPython() if known else None,
        )

    def problems(self) -> list[SettingProblem]:
        return clean_settings(self.year, self.value())[1]


class ProgrammeSettingsDialog(QDialog):
    """The settings of one programme; OK only while they keep the rules, each problem said below."""

    def __init__(
        self, year: int, region_code: str, settings: ProgrammeSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        region_name = regions().name(region_code)
        self.setWindowTitle(
            self.tr("Programme Settings — %1 %2").replace("%1", region_name).replace("%2", str(year))
        )
        self.form = SettingsForm(year, region_code, settings, self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b00020")
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The submitting unit and the contact are written on every exported workbook."), self
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self._check)
        self._check()

    def _check(self) -> None:
        problems = self.form.problems()
        self.note.setText("\n".join(problem_sentence(p) for p in problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def value(self) -> ProgrammeSettings:
        return clean_settings(self.form.year, self.form.value())[0]


class ChangeSettings(DbCommand):
    """New settings of a programme as one undoable edit."""

    kinds = ("programme",)

    def __init__(
        self, ctx: AppContext, programme_id: int, before: ProgrammeSettings, after: ProgrammeSettings
    ) -> None:
        super().__init__(ctx, QCoreApplication.translate("ProgrammeSettings", "Programme settings"))
        self.programme_id, self.before, self.after = programme_id, before, after

    def _store(self, session: Session, settings: ProgrammeSettings) -> None:
        apply_settings(session, session.get(Programme, self.programme_id), settings)

    def do(self, session: Session) -> None:
        self._store(session, self.after)

    def undo_in(self, session: Session) -> None:
        self._store(session, self.before)
