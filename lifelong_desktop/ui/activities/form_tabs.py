"""The four tabs of the activity dialog (basics, place, organisers, people), built into ActivityForm.

A mixin of ActivityForm (ui/activities/form.py), which holds the values, the checks and the wiring; its words
keep the translation context ActivityForm, the class Qt sees at run time.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.ui.activities.form_parts import (
    audience_list,
    main_venue_candidates,
)
from lifelong_desktop.ui.activities.organiser_list import OrganiserList
from lifelong_desktop.ui.common.date_entry import DateEdit, TimeEdit
from lifelong_desktop.ui.common.widgets import code_combo, count_spin


class FormTabs:
    """The tab builders; the widgets they make become attributes of the form."""

    def _basic_tab(self, parents: Sequence[ActivityRow]) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.title = QLineEdit(page)
        self.title.setMaxLength(100)
        self.activity_type = code_combo("activity_type", page)
        self.level = code_combo("level", page)
        self.status = code_combo("status", page, blank=False)
        self.featured = QCheckBox(
            QCoreApplication.translate("ActivityForm", "&Featured brand activity"), page
        )
        self.parent_combo = QComboBox(page)
        self.parent_combo.setEditable(True)
        self.parent_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.parent_combo.addItem(
            QCoreApplication.translate("ActivityForm", "(none: this is not a sub-venue)"), None
        )
        candidates = main_venue_candidates(parents, self.row)
        self.parent_combo.addItems([f"{p.start_date.isoformat()}  {p.title}" for p in candidates])
        for i, p in enumerate(candidates, start=1):
            self.parent_combo.setItemData(i, p.id)
        completer = QCompleter(self.parent_combo.model(), self.parent_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.parent_combo.setCompleter(completer)
        self.description = QPlainTextEdit(page)
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(110)
        # fmt: off
        rows = [
            (QCoreApplication.translate("ActivityForm", "&Title:"), self.title, QCoreApplication.translate("ActivityForm", "Title")),
            (QCoreApplication.translate("ActivityForm", "T&ype:"), self.activity_type, QCoreApplication.translate("ActivityForm", "Activity type")),
            (QCoreApplication.translate("ActivityForm", "&Level:"), self.level, QCoreApplication.translate("ActivityForm", "Activity level")),
            (QCoreApplication.translate("ActivityForm", "Sub-&venue of:"), self.parent_combo, QCoreApplication.translate("ActivityForm", "Main-venue activity of which this is a sub-venue")),
            (QCoreApplication.translate("ActivityForm", "&Status:"), self.status, QCoreApplication.translate("ActivityForm", "Status")),
            ("", self.featured, QCoreApplication.translate("ActivityForm", "Featured brand activity")),
            (QCoreApplication.translate("ActivityForm", "Desc&ription:"), self.description, QCoreApplication.translate("ActivityForm", "Description")),
        ]
        # fmt: on
        for label, widget, name in rows:
            widget.setAccessibleName(name)
            form.addRow(label, widget) if label else form.addRow(widget)
        return page

    def _place_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        year = self.choices.programme.year
        times = self._when_widgets(page, year)
        self.mode = code_combo("mode", page)
        self.city = QComboBox(page)
        self.city.addItem(QCoreApplication.translate("ActivityForm", "(choose)"), None)
        for r in self.choices.cities():
            self.city.addItem(f"{r.name}（{r.code}）" if r.level == "province" else r.name, r.code)
        self.county = QComboBox(page)
        self.venue = QComboBox(page)
        self.address = QLineEdit(page)
        self.address.setMaxLength(200)
        self.online_url = QLineEdit(page)
        self.online_url.setMaxLength(500)
        self.start_date.setAccessibleName(QCoreApplication.translate("ActivityForm", "Start date"))
        self.end_date.setAccessibleName(QCoreApplication.translate("ActivityForm", "End date"))
        self.all_day.setAccessibleName(QCoreApplication.translate("ActivityForm", "All day"))
        self.start_time.setAccessibleName(QCoreApplication.translate("ActivityForm", "Start time"))
        self.end_time.setAccessibleName(QCoreApplication.translate("ActivityForm", "End time"))
        form.addRow(QCoreApplication.translate("ActivityForm", "&Start date:"), self.start_date)
        form.addRow(QCoreApplication.translate("ActivityForm", "&End date:"), self.end_date)
        time_label = QLabel(QCoreApplication.translate("ActivityForm", "T&ime:"), page)
        time_label.setBuddy(self.all_day)
        form.addRow(time_label, times)
        self._place_rows(form)
        return page

    def _organisers_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        orgs = self.choices.organisations
        create = self._create_organisation
        self.hosts = OrganiserList(orgs, QCoreApplication.translate("ActivityForm", "hosts"), page, create)
        self.undertakers = OrganiserList(
            orgs, QCoreApplication.translate("ActivityForm", "undertakers"), page, create
        )
        self.co_organisers = OrganiserList(
            orgs, QCoreApplication.translate("ActivityForm", "co-organisers"), page, create
        )
        lists = (self.hosts, self.undertakers, self.co_organisers)
        for made_in in lists:
            for other in lists:
                if other is not made_in:
                    made_in.created.connect(other.know)
        for label, widget in (
            (QCoreApplication.translate("ActivityForm", "&Hosts:"), self.hosts),
            (QCoreApplication.translate("ActivityForm", "&Undertakers:"), self.undertakers),
            (QCoreApplication.translate("ActivityForm", "&Co-organisers:"), self.co_organisers),
        ):
            lab = QLabel(label, page)
            lab.setBuddy(widget.picker)
            form.addRow(lab, widget)
        return page

    def _people_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.audiences = audience_list(page)
        self.audiences.setAccessibleName(QCoreApplication.translate("ActivityForm", "Audiences"))
        self.expected = count_spin(page)
        self.actual = count_spin(page)
        self.online = count_spin(page)
        self.contact_name = QLineEdit(page)
        self.contact_name.setMaxLength(50)
        self.contact_phone = QLineEdit(page)
        self.contact_phone.setMaxLength(20)
        self.result_note = QLineEdit(page)
        self.result_note.setMaxLength(200)
        self.result_note.setToolTip(
            QCoreApplication.translate(
                "ActivityForm",
                "How it went, in a line; kept in this database only (the workbook has no column)",
            )
        )
        for label, widget, name in (
            (QCoreApplication.translate("ActivityForm", "A&udiences:"), self.audiences, None),
            (
                QCoreApplication.translate("ActivityForm", "&Expected participants:"),
                self.expected,
                QCoreApplication.translate("ActivityForm", "Expected participants"),
            ),
            (
                QCoreApplication.translate("ActivityForm", "&Actual participants:"),
                self.actual,
                QCoreApplication.translate("ActivityForm", "Actual participants"),
            ),
            (
                QCoreApplication.translate("ActivityForm", "On&line participants:"),
                self.online,
                QCoreApplication.translate("ActivityForm", "Online participants"),
            ),
            (
                QCoreApplication.translate("ActivityForm", "&Result note:"),
                self.result_note,
                QCoreApplication.translate("ActivityForm", "Result note"),
            ),
            (
                QCoreApplication.translate("ActivityForm", "Contact &name:"),
                self.contact_name,
                QCoreApplication.translate("ActivityForm", "Contact name"),
            ),
            (
                QCoreApplication.translate("ActivityForm", "Contact p&hone:"),
                self.contact_phone,
                QCoreApplication.translate("ActivityForm", "Contact phone"),
            ),
        ):
            if name:
                widget.setAccessibleName(name)
            form.addRow(label, widget)
        return page

    def _when_widgets(self, page: QWidget, year: int) -> QHBoxLayout:
        """The start and end dates and the all-day box with the times; returns the times' row."""
        self.start_date = DateEdit(page, year=year)
        self.end_date = DateEdit(page, year=year)
        for d in (self.start_date, self.end_date):
            d.setMaximumWidth(d.fontMetrics().horizontalAdvance("0000-00-00000") + 40)
        self.all_day = QCheckBox(QCoreApplication.translate("ActivityForm", "&All day"), page)
        self.start_time = TimeEdit(page)
        self.end_time = TimeEdit(page, optional=True)  # a start time alone is allowed (结束时间 left blank)
        times = QHBoxLayout()
        times.addWidget(self.all_day)
        times.addWidget(self.start_time)
        times.addWidget(QLabel("–", page))
        times.addWidget(self.end_time)
        times.addStretch(1)
        return times

    def _place_rows(self, form: QFormLayout) -> None:
        """Mode, city, county, venue, address and link, each with its label and accessible name."""
        for label, widget, name in (
            (
                QCoreApplication.translate("ActivityForm", "&Mode:"),
                self.mode,
                QCoreApplication.translate("ActivityForm", "Mode"),
            ),
            (
                QCoreApplication.translate("ActivityForm", "&City:"),
                self.city,
                QCoreApplication.translate("ActivityForm", "City"),
            ),
            (
                QCoreApplication.translate("ActivityForm", "Cou&nty:"),
                self.county,
                QCoreApplication.translate("ActivityForm", "County"),
            ),
            (
                QCoreApplication.translate("ActivityForm", "&Venue:"),
                self.venue,
                QCoreApplication.translate("ActivityForm", "Venue"),
            ),
            (
                QCoreApplication.translate("ActivityForm", "A&ddress:"),
                self.address,
                QCoreApplication.translate("ActivityForm", "Address"),
            ),
            (
                QCoreApplication.translate("ActivityForm", "Online p&latform or link:"),
                self.online_url,
                QCoreApplication.translate("ActivityForm", "Online platform or link"),
            ),
        ):
            widget.setAccessibleName(name)
            if widget is self.venue:
                form.addRow(*self._venue_row(label))
            else:
                form.addRow(label, widget)

    def _venue_row(self, label: str) -> tuple[QLabel, QHBoxLayout]:
        """The venue's label and its row: the register's venues of the city, and New venue… where the
        dialog can make one (a new programme's register is empty)."""
        row = QHBoxLayout()
        row.addWidget(self.venue, 1)
        self.new_venue = QPushButton(
            QCoreApplication.translate("ActivityForm", "New Venue…"), self.venue.parent()
        )
        self.new_venue.setAccessibleName(
            QCoreApplication.translate("ActivityForm", "New venue in the register")
        )
        self.new_venue.setAutoDefault(False)
        self.new_venue.setVisible(self._create_venue is not None)
        row.addWidget(self.new_venue)
        QWidget.setTabOrder(self.venue, self.new_venue)  # Tab from the venue reaches the button next
        QWidget.setTabOrder(self.new_venue, self.address)
        caption = QLabel(label, self.venue.parent())
        caption.setBuddy(self.venue)
        return caption, row
