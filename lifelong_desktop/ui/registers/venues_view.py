"""The venue register by city, and the selected venue's bookings day by day with double bookings marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from lifelong_desktop.services import collation, registers
from lifelong_desktop.services.calendar import Booking, calendar_rows, venue_bookings
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.rows import VenueRow, venue_rows
from lifelong_desktop.ui.common.codes import label
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.table_model import Column, RowTableModel
from lifelong_desktop.ui.common.tables import html
from lifelong_desktop.ui.registers import commands
from lifelong_desktop.ui.registers.entry_saving import EntryEdit, begin, save_entry, watch_form
from lifelong_desktop.ui.registers.merge_dialog import MergeDialog
from lifelong_desktop.ui.registers.register_view import RegisterView
from lifelong_desktop.ui.registers.venue_dialog import VenueDialog

CLASH_BACKGROUND = QColor("#f9d6d5")
CLASH_FOREGROUND = QColor("#8c1d18")


def _time(b: Booking) -> str:
    e = b.entry
    if e.all_day:
        return ""
    return f"{e.start:%H:%M}–{e.end:%H:%M}" if e.start and e.end else (f"{e.start:%H:%M}" if e.start else "")


class VenuesView(RegisterView):
    """Venue table filtered by city and search; bookings of the selected venue below its details."""

    kinds = frozenset({"venues", "activities"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = RowTableModel(self._venue_columns(), self)
        self.bookings = RowTableModel(self._booking_columns(), self)
        self.bookings.decorate = self._decorate_booking

        self.city = QComboBox()
        self.city.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.city.currentIndexChanged.connect(self._apply_filter)
        self.booking_table = self._build(
            self.bookings,
            labels=(self.tr("New…"), self.tr("Edit…"), self.tr("Delete"), self.tr("Merge…")),
            slots=("new_venue", "edit_venue", "delete_venue", "merge_venues"),
            search_hint=self.tr("Search by name or pinyin initials"),
            merge_tip=self.tr("Two entries are the same place: move the activities of one to the other"),
            detail_tip=self.tr("Double-click a booking to open its activity"),
            widths=(220, 80, 80, 90, 60, 50),
            detail_widths=(130, 100, 200, 60),
            sort_column=1,
            filters=(QLabel(self.tr("City")), self.city),
            selectable_detail=False,
        )
        self.search.textChanged.connect(self._apply_filter)
        self._update_buttons()

    def _venue_columns(self) -> list[Column]:
        yes, no = self.tr("Yes"), self.tr("No")
        return [
            Column(self.tr("Name"), lambda r: r.name, lambda r: collation.pinyin_key(r.name)),
            Column(
                self.tr("City"),
                lambda r: r.city_name,
                lambda r: (r.city_code, collation.pinyin_key(r.name)),
            ),
            Column(
                self.tr("County"),
                lambda r: regions().name(r.county_code) if r.county_code else "",
                lambda r: r.county_code or "",
            ),
            Column(self.tr("Type"), lambda r: label("venue_type", r.venue_type)),
            Column(
                self.tr("Capacity"),
                lambda r: "" if r.capacity is None else str(r.capacity),
                lambda r: -1 if r.capacity is None else r.capacity,
                align_right=True,
            ),
            Column(
                self.tr("Accessible"),
                lambda r: "" if r.accessible is None else (yes if r.accessible else no),
            ),
            Column(
                self.tr("Activities"),
                lambda r: str(self._counts.get(r.id, 0)),
                lambda r: self._counts.get(r.id, 0),
                align_right=True,
            ),
        ]

    def _booking_columns(self) -> list[Column]:
        all_day = self.tr("all day")
        return [
            Column(
                self.tr("Date"),
                lambda b: f"{b.entry.day:%Y-%m-%d} {_weekday(b.entry.day)}",
                lambda b: (b.entry.day, b.entry.sort_key),
            ),
            Column(self.tr("Time"), lambda b: _time(b) or all_day, lambda b: (b.entry.day, b.entry.sort_key)),
            Column(
                self.tr("Activity"),
                lambda b: b.entry.title + (f"（{b.entry.index}/{b.entry.days}）" if b.entry.days > 1 else ""),
                lambda b: b.entry.title,
            ),
            Column(self.tr("Status"), lambda b: label("status", b.entry.status)),
            Column(
                self.tr("Double booked"),
                lambda b: self.tr("clash") if b.clash else "",
                lambda b: (not b.clash, b.entry.day),
                tooltip=self._clash_tooltip,
            ),
        ]

    def title(self) -> str:
        return self.tr("Venues")

    # -- data

    def reload(self) -> None:
        keep = self.current()
        with self.ctx.db.read() as session:
            rows = venue_rows(session)
            self._counts = (
                registers.venue_counts(session, self.ctx.programme_id) if self.ctx.programme_id else {}
            )
        prog = self.programme()
        self._region = prog.region_code if prog else ""
        self._fill_cities(rows)
        self.model.set_rows(rows)
        self._apply_filter()
        if keep is not None:
            self.select(keep.id)
        self._show_selected()

    def _fill_cities(self, rows: list[VenueRow]) -> None:
        current = self.city.currentData()
        reg = regions()
        top = reg.get(self._region)
        codes = [c.code for c in reg.cities_of(self._region)] if top and top.level == "province" else []
        codes = [self._region] * bool(top) + codes
        codes += sorted({r.city_code for r in rows} - set(codes))
        self.city.blockSignals(True)
        self.city.clear()
        self.city.addItem(self.tr("All cities"), None)
        for code in codes:
            self.city.addItem(reg.name(code), code)
        i = self.city.findData(current)
        self.city.setCurrentIndex(max(i, 0))
        self.city.blockSignals(False)

    def _apply_filter(self, *_args: Any) -> None:
        city = self.city.currentData()
        text = self.search.text().strip()
        if city is None and not text:
            self.model.set_filter(None)
        else:
            self.model.set_filter(
                lambda r: (
                    (city is None or r.city_code == city) and (not text or collation.matches(r.name, text))
                )
            )
        self.count_label.setText(
            self.tr("%1 of %2 venues")
            .replace("%1", str(self.model.rowCount()))
            .replace("%2", str(len(self.model.all_rows())))
        )
        self._show_selected()

    def _show_selected(self) -> None:
        self._update_buttons()
        venue = self.current()
        if venue is None:
            self.detail.setText(self.tr("Select a venue to see its bookings."))
            self.bookings.set_rows([])
            return
        with self.ctx.db.read() as session:
            rows = (
                calendar_rows(session, self.ctx.programme_id, venue_id=venue.id)
                if self.ctx.programme_id
                else []
            )
        bookings = venue_bookings(rows, venue.id)
        self.bookings.set_rows(bookings)
        clashes = sum(b.clash for b in bookings)
        cap = self.tr("capacity %1").replace("%1", str(venue.capacity)) if venue.capacity is not None else ""
        where = "　".join(
            x for x in (venue.city_name, regions().name(venue.county_code), venue.address, cap) if x
        )
        text = (
            self.tr("%1 days booked by %2 activities")
            .replace("%1", str(len(bookings)))
            .replace("%2", str(len(rows)))
        )
        if clashes:
            text += (
                "，<span style='color:#b3261e'>"
                + self.tr("%1 double booked").replace("%1", str(clashes))
                + "</span>"
            )
        self.detail.setText(f"<b>{html(venue.name)}</b>　{html(where)}<br>{text}")

    def _decorate_booking(self, booking: Booking, _column: int, role: int) -> Any:
        if not booking.clash:
            if role == Qt.ItemDataRole.ForegroundRole and booking.entry.status == "cancelled":
                return QBrush(QColor("#888888"))
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(CLASH_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(CLASH_FOREGROUND)
        return None

    def _clash_tooltip(self, booking: Booking) -> str:
        if not booking.clash:
            return ""
        titles = {b.entry.activity_id: b.entry.title for b in self.bookings.all_rows()}
        return self.tr("At the same time as: %1").replace(
            "%1", "；".join(titles.get(i, "") for i in booking.clashes_with)
        )

    def _update_buttons(self) -> None:
        one = self.current() is not None
        self.edit_button.setEnabled(one)
        self.delete_button.setEnabled(one)
        self.merge_button.setEnabled(len(self.model.all_rows()) >= 2)
        self._sync_menu()

    def _open_activity(self, index: QModelIndex) -> None:
        booking = self.bookings.row_at(index)
        if booking is not None:
            self.ctx.activity_requested.emit(booking.entry.activity_id)

    # -- edits

    def _validator(self, venue_id: int | None):
        def validate(values: dict[str, Any]) -> None:
            with self.ctx.db.read() as session:
                registers.check_venue(session, values, venue_id)
                if venue_id is None and not values.get("city_code"):
                    raise registers.RegisterError("city_required", "city_code")

        return validate

    def _reveal(self, venue_id: int) -> None:
        if not self.select(venue_id):  # hidden by the city or the search: show every venue
            self.city.setCurrentIndex(0)
            self.search.clear()
            self.select(venue_id)

    def new_venue(self) -> VenueDialog | None:
        if self.out_of_reach():
            return None
        dialog = VenueDialog(self, self._validator(None), self._region, city_code=self.city.currentData())
        self._open_dialog(dialog, lambda: self._finish(commands.create_venue(self.ctx, dialog.values())))
        return dialog

    def edit_venue(self, row: Any = None, edit: EntryEdit | None = None) -> VenueDialog | None:
        """The form of the selected entry (or of `row`: the values typed, shown again after a refusal)."""
        if self.out_of_reach():
            return None
        venue = row or self.current()
        if venue is None:
            return None
        dialog = VenueDialog(self, self._validator(venue.id), self._region, venue)
        state = edit or begin(self, "venue", venue, dialog.values())
        watch_form(self, dialog, state)
        self._open_dialog(
            dialog,
            lambda: save_entry(self, state, dialog.values(), lambda again: self.edit_venue(again, state)),
        )
        return dialog

    def delete_venue(self) -> bool:
        venue = self.current()
        if venue is None:
            return False
        return self._finish(commands.delete_venue(self.ctx, venue.id, venue.name))

    def merge_venues(self) -> MergeDialog | None:
        if self.out_of_reach():
            return None
        venue = self.current()
        rows = self.model.all_rows()
        if venue is not None:  # only venues of the same city can be the same place
            rows = [r for r in rows if r.city_code == venue.city_code]
        rows.sort(key=lambda r: (r.city_code, collation.pinyin_key(r.name)))
        if len(rows) < 2:
            self.show_notice(self.tr("There is no other venue in this city to merge with."))
            return None
        names = {r.id: r.name for r in rows}
        entries = [(r.id, f"{r.name}（{r.city_name}，{self._counts.get(r.id, 0)}）") for r in rows]
        dialog = MergeDialog(
            self, self.tr("Merge venues"), entries, self._merge_preview, venue.id if venue else None
        )

        def merge() -> None:
            keep, drop = dialog.ids()
            self._finish(commands.merge_venues(self.ctx, keep, drop, names[keep], names[drop]), keep)

        self._open_dialog(dialog, merge)
        return dialog

    def _merge_preview(self, keep: int, drop: int) -> str:
        with self.ctx.db.read() as session:
            moved = registers.venue_use_count(session, drop)
        names = {r.id: r.name for r in self.model.all_rows()}
        return (
            self.tr(
                "“%1” will be removed; its %2 activities (in any programme) will be held at “%3”. "
                "This can be undone."
            )
            .replace("%1", names.get(drop, ""))
            .replace("%2", str(moved))
            .replace("%3", names.get(keep, ""))
        )


def _weekday(day) -> str:
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
