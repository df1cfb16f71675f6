"""The programme calendar: a week or a month, lanes by city or by venue, entries coloured by type or status."""

from __future__ import annotations

import calendar as pycal
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.calendar import CalendarIndex, Entry, calendar_rows
from lifelong_desktop.services.collation import pinyin_key
from lifelong_desktop.services.regions import regions
from lifelong_desktop.ui.calendar.grid import CalendarGrid
from lifelong_desktop.ui.calendar.grid_paint import STATUS_COLOURS, TYPE_COLOURS
from lifelong_desktop.ui.common.codes import items
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.lazy_view import LazyView


def period_days(anchor: date, mode: str) -> list[date]:
    """The days shown for an anchor day: its ISO week (Monday first) or its calendar month."""
    if mode == "week":
        monday = anchor - timedelta(days=anchor.weekday())
        return [monday + timedelta(days=i) for i in range(7)]
    n = pycal.monthrange(anchor.year, anchor.month)[1]
    return [date(anchor.year, anchor.month, d) for d in range(1, n + 1)]


def step_anchor(anchor: date, mode: str, step: int) -> date:
    if mode == "week":
        return anchor + timedelta(days=7 * step)
    month = anchor.month - 1 + step
    year, month = anchor.year + month // 12, month % 12 + 1
    return date(year, month, min(anchor.day, pycal.monthrange(year, month)[1]))


class CalendarView(LazyView):
    """Toolbar (previous, today, next, week/month, lanes, colours), the painted grid and a legend."""

    kinds = frozenset({"activities", "venues"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self._today = today
        self.index = CalendarIndex([])
        self.mode = "week"
        self.anchor = self.today()
        self._anchored = False
        self._region = ""

        bar = self._build_bar()
        self.grid = CalendarGrid(self)
        self.selection = QLabel()
        self.selection.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.selection)
        layout.addWidget(self.legend)

        self._wire()
        self._update_legend()
        self._show_selection(-1)

    def _build_bar(self) -> QHBoxLayout:
        """The bar above the grid: previous, today, next, the period; counts, week/month, lanes, colours."""
        self.prev_button = QToolButton()
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setToolTip(self.tr("Previous (Page Up)"))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next (Page Down)"))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today (Home)"))
        self.week_button = QToolButton()
        self.week_button.setText(self.tr("Week"))
        self.month_button = QToolButton()
        self.month_button.setText(self.tr("Month"))
        group = QButtonGroup(self)
        for b in (self.week_button, self.month_button):
            b.setCheckable(True)
            group.addButton(b)
        self.week_button.setChecked(True)
        self.lanes_combo = QComboBox()
        self.lanes_combo.addItem(self.tr("Lanes by city"), "city")
        self.lanes_combo.addItem(self.tr("Lanes by venue"), "venue")
        self.colour_combo = QComboBox()
        self.colour_combo.addItem(self.tr("Colour by type"), "type")
        self.colour_combo.addItem(self.tr("Colour by status"), "status")
        self.period_label = QLabel()
        font = self.period_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.period_label.setFont(font)
        self.count_label = QLabel()
        bar = QHBoxLayout()
        for w in (self.prev_button, self.today_button, self.next_button, self.period_label):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.count_label, self.week_button, self.month_button, self.lanes_combo, self.colour_combo):
            bar.addWidget(w)
        return bar

    def _wire(self) -> None:
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.week_button.clicked.connect(lambda: self.set_mode("week"))
        self.month_button.clicked.connect(lambda: self.set_mode("month"))
        self.lanes_combo.currentIndexChanged.connect(lambda _i: self.show_period())
        self.colour_combo.currentIndexChanged.connect(self._colour_changed)
        self.grid.period_step.connect(self.step)
        self.grid.today_requested.connect(self.go_today)
        self.grid.entry_activated.connect(self.ctx.activity_requested.emit)
        self.grid.entry_selected.connect(self._show_selection)
        self.ctx.programme_changed.connect(self._programme_switched)
        for keys, slot in (
            ("Ctrl+1", lambda: self.set_mode("week")),
            ("Ctrl+2", lambda: self.set_mode("month")),
        ):
            sc = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    def title(self) -> str:
        return self.tr("Calendar")

    def today(self) -> date:
        return self._today or date.today()

    # -- data

    def reload(self) -> None:
        if self.ctx.loaded_rows is not None and self.ctx.programme_id:
            rows = self.ctx.loaded_rows()  # the Activities table's rows: no second copy of them
        else:
            with self.ctx.db.read() as session:
                rows = calendar_rows(session, self.ctx.programme_id) if self.ctx.programme_id else []
        self.index = CalendarIndex(rows)
        prog = self.programme()
        self._region = prog.region_code if prog else ""
        if not self._anchored:
            self._anchored = True
            self.anchor = self._start_day(prog)
        self.show_period()

    def _start_day(self, prog) -> date:
        """Today inside the programme's activities, else the official week, else the first activity."""
        today = self.today()
        first, last = self.index.first_day, self.index.last_day
        if first and last and first <= today <= last:
            return today
        if prog is not None and prog.week_start:
            return prog.week_start
        return first or today

    def _show_selection(self, _activity_id: int) -> None:
        entry = self.grid.selected_entry()
        self.selection.setText(
            "　".join(self.grid.tooltip_text(entry).split("\n"))
            if entry
            else self.tr(
                "Double-click an activity (or press Enter) to open it; arrows move, "
                "Page Up/Down change the period."
            )
        )

    def _programme_switched(self, _programme_id: int) -> None:
        self._anchored = False  # another year: start again at its own week

    # -- navigation

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        (self.week_button if mode == "week" else self.month_button).setChecked(True)
        self.show_period()

    def step(self, step: int) -> None:
        self.anchor = step_anchor(self.anchor, self.mode, step)
        self.show_period()

    def go_today(self) -> None:
        self.anchor = self.today()
        self.show_period()
        if self.anchor in self.grid.days:
            self.grid.set_cursor(self.grid.cursor()[0], self.grid.days.index(self.anchor), -1)

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.show_period()

    def _colour_changed(self) -> None:
        self.grid.colour_by = self.colour_combo.currentData()
        self._update_legend()
        self.grid.viewport().update()

    # -- building the grid

    def lanes_for(self, by: str, days: dict[date, list[Entry]]) -> list[tuple[object, str]]:
        reg = regions()
        present = {(e.city_code if by == "city" else e.venue_id) for es in days.values() for e in es}
        if by == "city":
            top = reg.get(self._region)
            cities = [c.code for c in reg.cities_of(self._region)] if top and top.level == "province" else []
            lanes: list[tuple[object, str]] = []
            if self._region in present or not cities:
                lanes.append(
                    (
                        self._region,
                        reg.name(self._region) + self.tr(" (province-wide)")
                        if cities
                        else reg.name(self._region),
                    )
                )
            lanes += [(c, reg.name(c)) for c in cities]
            known = {k for k, _ in lanes}
            lanes += [(c, reg.name(c) or str(c)) for c in sorted(x for x in present if x and x not in known)]
            if None in present or "" in present:
                lanes.append((None, self.tr("(no city)")))
            return lanes
        names: dict[int, tuple[str, str]] = {}
        for es in days.values():
            for e in es:
                if e.venue_id is not None:
                    names[e.venue_id] = (e.city_code or "", e.venue_name)
        lanes = [
            (v, names[v][1]) for v in sorted(names, key=lambda v: (names[v][0], pinyin_key(names[v][1])))
        ]
        if None in present:
            lanes.append((None, self.tr("(no venue, online)")))
        return lanes

    def show_period(self) -> None:
        shown = period_days(self.anchor, self.mode)
        by_day = self.index.between(shown[0], shown[-1])
        by = self.lanes_combo.currentData()
        lanes = self.lanes_for(by, by_day)
        lane_of = {key: i for i, (key, _) in enumerate(lanes)}
        if by == "city":
            lane_of.setdefault("", lane_of.get(None, 0))
        cells: dict[tuple[int, int], list[Entry]] = {}
        total: set[int] = set()
        for d, day in enumerate(shown):
            for e in by_day[day]:
                key = e.city_code if by == "city" else e.venue_id
                lane = lane_of.get(key)
                if lane is None:
                    continue
                cells.setdefault((lane, d), []).append(e)
                total.add(e.activity_id)
        corner = self.tr("City") if by == "city" else self.tr("Venue")
        self.grid.set_content(
            shown, lanes, cells, compact=self.mode == "month", today=self.today(), corner=corner
        )
        self.period_label.setText(self._period_text(shown))
        self.count_label.setText(self.tr("%1 activities").replace("%1", str(len(total))))

    def _period_text(self, shown: list[date]) -> str:
        """`2024年10月` or `2024年10月21日 – 10月27日（第43周）`, the date patterns being translatable."""
        loc = QLocale()
        a, b = QDate(shown[0]), QDate(shown[-1])
        if self.mode == "month":
            return loc.toString(a, self.tr("MMMM yyyy"))
        return (
            self.tr("%1 – %2 (week %3)")
            .replace("%1", loc.toString(a, self.tr("d MMMM yyyy")))
            .replace("%2", loc.toString(b, self.tr("d MMMM")))
            .replace("%3", str(shown[0].isocalendar()[1]))
        )

    def _update_legend(self) -> None:
        by = self.colour_combo.currentData()
        colours = STATUS_COLOURS if by == "status" else TYPE_COLOURS
        code_list = "status" if by == "status" else "activity_type"
        parts = [
            f"<span style='color:{colours.get(k, '#8a8a8a')}'>■</span>&nbsp;{word}"
            for k, word in items(code_list)
        ]
        self.legend.setText("&nbsp;&nbsp; ".join(parts))
