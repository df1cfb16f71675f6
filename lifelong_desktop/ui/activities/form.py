"""The activity dialog: every field of the workbook's 活动 sheet, checked as the user types."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import ActivityInput
from lifelong_desktop.services.rows import ActivityRow, VenueRow
from lifelong_desktop.ui.activities.choices import Choices
from lifelong_desktop.ui.activities.form_parts import (
    field_problems,
    tab_of,
)
from lifelong_desktop.ui.activities.form_tabs import FormTabs
from lifelong_desktop.ui.activities.messages import problem_text
from lifelong_desktop.ui.activities.organiser_list import Creator
from lifelong_desktop.ui.common.widgets import ok_cancel, set_combo_data, spin_value

#: makes a new venue of the register in the city given (the activity's), or None when the user gives up
#: (ui/registers/new_venue.py makes one; the shell hands it over)
VenueCreator = Callable[[str | None, QWidget], VenueRow | None]


class ActivityForm(FormTabs, QDialog):
    """New (row None) or existing activity; `value()` is the ActivityInput to save once OK is enabled."""

    def __init__(
        self,
        choices: Choices,
        row: ActivityRow | None = None,
        parents: Sequence[ActivityRow] = (),
        parent: QWidget | None = None,
        template: ActivityInput | None = None,
        create_organisation: Creator | None = None,
        create_venue: VenueCreator | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices, self.row = choices, row
        self._create_organisation = create_organisation
        self._create_venue = create_venue
        self.setWindowTitle(self.tr("New Activity") if row is None else self.tr("Edit Activity"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(640)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._basic_tab(parents), self.tr("&Basics"))
        self.tabs.addTab(self._place_tab(), self.tr("&When and Where"))
        self.tabs.addTab(self._organisers_tab(), self.tr("&Organisers"))
        self.tabs.addTab(self._people_tab(), self.tr("&Participants"))
        self._error_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setAccessibleName(self.tr("Problems with the values"))
        self.elsewhere = QLabel(self)  # another planner saved or deleted this activity meanwhile
        self.elsewhere.setObjectName("changedElsewhere")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setTextFormat(Qt.TextFormat.PlainText)
        self.elsewhere.setStyleSheet("QLabel { background: #fff4ce; color: #5c4400; padding: 4px 8px; }")
        self.elsewhere.hide()
        self.buttons = ok_cancel(self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        #: asked before Cancel, Esc or closing throws typed values away; True discards (tests replace it)
        self.confirm_discard: Callable[[], bool] = self._ask_discard
        start = row and ActivityInput.from_row(row) or template or self._default_input()
        self.set_value(start)
        self.initial = self.value()
        self._connect()
        self.revalidate()
        self.title.setFocus()

    # ---------------------------------------------------------------- layout

    def reject(self) -> None:
        """Cancel, Esc or the close box: nothing typed is lost without being asked."""
        if self.value() != self.initial and not self.confirm_discard():
            return
        super().reject()

    def note_elsewhere(self, text: str) -> None:
        """Say above the tabs that someone else changed (or deleted) this activity meanwhile."""
        self.elsewhere.setText(text)
        self.elsewhere.setVisible(bool(text))

    def _ask_discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("Discard the changes made in this form?"),
            parent=self,
        )
        discard = box.addButton(self.tr("&Discard Changes"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep Editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    # ---------------------------------------------------------------- values

    def _default_input(self) -> ActivityInput:
        p = self.choices.programme
        day = planning.default_activity_date(
            p.year, date.today(), (p.window_start, p.window_end), p.week_start
        )
        cities = self.choices.cities()
        city = cities[0].code if len(cities) == 1 else None
        return ActivityInput(title="", start_date=day, end_date=day, city_code=city, mode="offline")

    def set_value(self, v: ActivityInput) -> None:
        self.title.setText(v.title)
        set_combo_data(self.activity_type, v.activity_type)
        set_combo_data(self.level, v.level)
        set_combo_data(self.status, v.status)
        self.featured.setChecked(v.featured)
        set_combo_data(self.parent_combo, v.parent_id)
        self.description.setPlainText(v.description)
        self.start_date.set_value(v.start_date)
        self.end_date.set_value(v.end_date)
        self.all_day.setChecked(v.start_time is None and v.end_time is None)
        self.start_time.set_value(v.start_time or time(9, 0))
        # a timed activity with no end time (a workbook may say so) shows an empty end: a time it does not have
        # would be saved with any other change; an all-day one offers 11:00 for when the box is unticked
        self.end_time.set_value(v.end_time or (None if v.start_time is not None else time(11, 0)))
        set_combo_data(self.mode, v.mode)
        set_combo_data(self.city, v.city_code)
        self._fill_city_dependants()
        set_combo_data(self.county, v.county_code)
        set_combo_data(self.venue, v.venue_id)
        self.address.setText(v.address)
        self.online_url.setText(v.online_url)
        self.hosts.set_ids(v.host_ids)
        self.undertakers.set_ids(v.undertaker_ids)
        self.co_organisers.set_ids(v.co_organiser_ids)
        for i in range(self.audiences.count()):
            item = self.audiences.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in v.audiences
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for spin, value in (
            (self.expected, v.expected_participants),
            (self.actual, v.actual_participants),
            (self.online, v.online_participants),
        ):
            spin.setValue(-1 if value is None else value)
        self.contact_name.setText(v.contact_name)
        self.contact_phone.setText(v.contact_phone)
        self.result_note.setText(v.result_note)
        self._times_enabled()

    def value(self) -> ActivityInput:
        all_day = self.all_day.isChecked()
        return ActivityInput(
            title=self.title.text().strip(),
            activity_type=self.activity_type.currentData(),
            level=self.level.currentData(),
            parent_id=self.parent_combo.currentData(),
            start_date=self.start_date.value() or date.today(),
            end_date=self.end_date.value() or date.today(),
            start_time=None if all_day else self.start_time.value(),
            end_time=None if all_day else self.end_time.value(),
            mode=self.mode.currentData(),
            city_code=self.city.currentData(),
            county_code=self.county.currentData(),
            venue_id=self.venue.currentData(),
            address=self.address.text().strip(),
            online_url=self.online_url.text().strip(),
            host_ids=self.hosts.ids(),
            undertaker_ids=self.undertakers.ids(),
            co_organiser_ids=self.co_organisers.ids(),
            audiences=tuple(
                self.audiences.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.audiences.count())
                if self.audiences.item(i).checkState() == Qt.CheckState.Checked
            ),
            expected_participants=spin_value(self.expected),
            actual_participants=spin_value(self.actual),
            online_participants=spin_value(self.online),
            status=self.status.currentData() or "planned",
            featured=self.featured.isChecked(),
            contact_name=self.contact_name.text().strip(),
            contact_phone=self.contact_phone.text().strip(),
            description=self.description.toPlainText().strip(),
            result_note=self.result_note.text().strip(),
        )

    # ---------------------------------------------------------------- checking

    def problems_of(self, v: ActivityInput) -> tuple[list[str], list[str]]:
        """(errors, warnings) as codes: errors keep OK disabled, warnings are only shown."""
        errors, warnings = field_problems(v)
        if self.two_role_names(v):
            warnings.append("organiser_two_roles")
        return errors, warnings

    def two_role_names(self, v: ActivityInput) -> list[str]:
        """Organisations listed in more than one role of this activity (主办 and 协办, say): usually a slip."""
        ids = [*v.host_ids, *v.undertaker_ids, *v.co_organiser_ids]
        names = {o.id: o.name for o in self.choices.organisations} | self.hosts.names()
        return [names.get(i, str(i)) for i in dict.fromkeys(ids) if ids.count(i) > 1]

    def typing_problems(self) -> list[str]:
        """Codes for fields whose text names no date or time (OK stays disabled: nothing is guessed)."""
        problems = []
        if not (self.start_date.is_valid() and self.end_date.is_valid()):
            problems.append("date_unreadable")
        if not self.all_day.isChecked() and not (self.start_time.is_valid() and self.end_time.is_valid()):
            problems.append("time_unreadable")
        return problems

    def revalidate(self) -> None:
        errors, warnings = self.problems_of(self.value())
        errors = self.typing_problems() + errors
        errors.sort(key=tab_of)  # in the order of the tabs they are on
        warnings.sort(key=tab_of)
        names = "、".join(self.two_role_names(self.value()))
        lines = [problem_text(c) for c in errors] + [problem_text(c, names=names) for c in warnings]
        self.problems.setText("\n".join(dict.fromkeys(lines)))
        self.problems.setStyleSheet("color: #b00020;" if errors else "color: #8a5a00;")
        self.ok_button.setEnabled(not errors)
        bar = self.tabs.tabBar()
        for i in range(self.tabs.count()):  # the tabs that keep OK disabled are red, their tip says why
            own = [problem_text(c) for c in errors if tab_of(c) == i]
            bar.setTabTextColor(
                i, QColor("#b00020") if own else self.palette().color(QPalette.ColorRole.WindowText)
            )
            self.tabs.setTabToolTip(i, "\n".join(dict.fromkeys(own)))
            self.tabs.setTabIcon(i, self._error_icon if own else QIcon())

    def _connect(self) -> None:
        for w in (
            self.title,
            self.address,
            self.online_url,
            self.contact_name,
            self.contact_phone,
            self.result_note,
        ):
            w.textChanged.connect(self.revalidate)
        for combo in (
            self.activity_type,
            self.level,
            self.status,
            self.mode,
            self.county,
            self.venue,
            self.parent_combo,
        ):
            combo.currentIndexChanged.connect(self.revalidate)
        self.city.currentIndexChanged.connect(self._city_changed)
        self.venue.currentIndexChanged.connect(self._venue_changed)
        self.new_venue.clicked.connect(self._make_venue)
        self.description.textChanged.connect(self.revalidate)
        for d in (self.start_date, self.end_date):
            d.dateChanged.connect(self.revalidate)
        self.start_date.dateChanged.connect(self._start_moved)
        for t in (self.start_time, self.end_time):
            t.timeChanged.connect(self.revalidate)
        self.all_day.toggled.connect(self._times_enabled)
        self.all_day.toggled.connect(self.revalidate)
        for spin in (self.expected, self.actual, self.online):
            spin.valueChanged.connect(self.revalidate)
        for lst in (self.hosts, self.undertakers, self.co_organisers):
            lst.changed.connect(self.revalidate)
        self.audiences.itemChanged.connect(self.revalidate)
        self._last_start = self.start_date.value()

    def _start_moved(self, new: date | None) -> None:
        """Moving the start keeps the activity's length (the end date follows)."""
        end, last = self.end_date.value(), self._last_start
        if new is None or new == last:
            return
        if end is not None and last is not None and end >= last:
            self.end_date.set_value(new + (end - last))
        self._last_start = new

    def _times_enabled(self) -> None:
        for t in (self.start_time, self.end_time):
            t.setEnabled(not self.all_day.isChecked())

    def _city_changed(self) -> None:
        self._fill_city_dependants()
        self.revalidate()

    def _fill_city_dependants(self) -> None:
        city = self.city.currentData()
        county, venue = self.county.currentData(), self.venue.currentData()
        self.county.blockSignals(True)
        self.venue.blockSignals(True)
        self.county.clear()
        self.county.addItem(self.tr("(whole city)"), None)
        for r in self.choices.counties(city):
            self.county.addItem(r.name, r.code)
        self.venue.clear()
        self.venue.addItem(self.tr("(none)"), None)
        for v in self.choices.venues_in(city):
            self.venue.addItem(v.name, v.id)
        set_combo_data(self.county, county)
        set_combo_data(self.venue, venue)
        self.county.blockSignals(False)
        self.venue.blockSignals(False)

    def _make_venue(self) -> None:
        """A venue not in the register yet: made with the Venues tab's form and rules, then chosen here."""
        if self._create_venue is None:
            return
        made = self._create_venue(self.city.currentData(), self)
        if made is None:
            return
        self.choices = replace(self.choices, venues=(*self.choices.venues, made))
        if made.city_code != self.city.currentData():
            set_combo_data(self.city, made.city_code)  # its venues are listed with the city's
        self._fill_city_dependants()
        set_combo_data(self.venue, made.id)
        self.venue.setFocus()

    def _venue_changed(self) -> None:
        venue_id = self.venue.currentData()
        venue = next((v for v in self.choices.venues if v.id == venue_id), None)
        if venue is not None and not self.address.text().strip():
            self.address.setText(venue.address)
        if venue is not None and venue.county_code and self.county.currentData() is None:
            set_combo_data(self.county, venue.county_code)
        self.revalidate()
