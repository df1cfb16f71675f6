"""The painted calendar grid: lanes (cities or venues) down, days across, entries in cells; keyboard and mouse."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QToolTip, QWidget

from lifelong_desktop.services.calendar import Entry
from lifelong_desktop.ui.calendar.grid_paint import GridPainting
from lifelong_desktop.ui.common.codes import label


@dataclass(frozen=True)
class Hit:
    lane: int
    day: int
    entry: int  # index in the cell, -1 for the cell itself, == shown count for the "+n more" line


class CalendarGrid(GridPainting, QAbstractScrollArea):
    """Shows `cells[(lane, day)]` entries; only the lanes inside the viewport are painted."""

    entry_activated = Signal(int)  # activity id (double-click, Enter)
    entry_selected = Signal(int)  # activity id, -1 when the cursor is on an empty place
    period_step = Signal(int)  # -1 / +1: the cursor left the shown days, or PageUp/PageDown
    today_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[date] = []
        self.lanes: list[tuple[object, str]] = []
        self.cells: dict[tuple[int, int], list[Entry]] = {}
        self.compact = False
        self.colour_by = "type"
        self.today = date.today()
        self.corner = ""
        self._offsets: list[int] = [0]
        self._lane_width = 100
        self._cursor = (0, 0, -1)  # lane, day, entry
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Calendar"))

    # -- content and geometry

    def set_content(
        self,
        days: list[date],
        lanes: list[tuple[object, str]],
        cells: dict[tuple[int, int], list[Entry]],
        *,
        compact: bool,
        today: date,
        corner: str = "",
    ) -> None:
        keep = self.selected_entry()
        self.days, self.lanes, self.cells, self.compact, self.today = days, lanes, cells, compact, today
        self.corner = corner
        self._layout()
        if keep is not None and self.select_activity(keep.activity_id, keep.day):
            return
        lane, day, _ = self._cursor
        self._cursor = (min(lane, max(0, len(lanes) - 1)), min(day, max(0, len(days) - 1)), -1)
        self.viewport().update()

    def entry_height(self) -> int:
        return self.fontMetrics().height() + (3 if self.compact else 6)

    def max_lines(self) -> int:
        return 3 if self.compact else 8

    def header_height(self) -> int:
        return self.fontMetrics().height() * 2 + 10

    def lane_width(self) -> int:
        """The width of the lane names column (measured once per content, in _layout)."""
        return self._lane_width

    def _measure_lanes(self) -> int:
        fm = self.fontMetrics()
        widest = max((fm.horizontalAdvance(name) for _, name in self.lanes), default=60)
        return min(max(widest + 16, fm.horizontalAdvance("0000000000") + 16), 220)

    def day_width(self) -> float:
        return max(1.0, (self.viewport().width() - self.lane_width()) / max(1, len(self.days)))

    def shown(self, lane: int, day: int) -> tuple[list[Entry], int]:
        """The entries drawn in a cell and how many more are hidden behind `+n`."""
        entries = self.cells.get((lane, day), [])
        limit = self.max_lines()
        if len(entries) <= limit:
            return entries, 0
        return entries[: limit - 1], len(entries) - (limit - 1)

    def _layout(self) -> None:
        self._lane_width = self._measure_lanes()
        pad = 6
        eh = self.entry_height()
        offsets = [0]
        counts = [0] * len(self.lanes)
        for (lane, _day), entries in self.cells.items():
            if lane < len(counts):
                counts[lane] = max(counts[lane], len(entries))
        for n in counts:
            lines = max(1, min(n, self.max_lines()))
            offsets.append(offsets[-1] + lines * eh + pad)
        self._offsets = offsets
        visible = max(1, self.viewport().height() - self.header_height())
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, offsets[-1] - visible))
        bar.setPageStep(visible)
        bar.setSingleStep(eh)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    def sizeHint(self) -> QSize:
        return QSize(900, 520)

    def lane_rect(self, lane: int) -> QRect:
        top = self.header_height() + self._offsets[lane] - self.verticalScrollBar().value()
        return QRect(0, top, self.viewport().width(), self._offsets[lane + 1] - self._offsets[lane])

    def cell_rect(self, lane: int, day: int) -> QRect:
        lr = self.lane_rect(lane)
        dw = self.day_width()
        x0 = self.lane_width() + round(day * dw)
        return QRect(x0, lr.top(), round((day + 1) * dw) - round(day * dw), lr.height())

    def entry_rect(self, lane: int, day: int, index: int) -> QRect:
        cell = self.cell_rect(lane, day)
        eh = self.entry_height()
        return QRect(cell.left() + 2, cell.top() + 3 + index * eh, cell.width() - 4, eh - 2)

    # -- painting

    def hit(self, pos: QPoint) -> Hit | None:
        lw, hh = self.lane_width(), self.header_height()
        if pos.y() < hh or pos.x() < lw or not self.days or not self.lanes:
            return None
        y = pos.y() - hh + self.verticalScrollBar().value()
        lane = bisect_right(self._offsets, y) - 1
        if not 0 <= lane < len(self.lanes):
            return None
        day = min(len(self.days) - 1, int((pos.x() - lw) / self.day_width()))
        entries, more = self.shown(lane, day)
        index = (y - self._offsets[lane] - 3) // self.entry_height()
        if 0 <= index < len(entries) or (more and index == len(entries)):
            return Hit(lane, day, index)
        return Hit(lane, day, -1)

    def selected_entry(self) -> Entry | None:
        lane, day, i = self._cursor
        entries, _ = self.shown(lane, day)
        return entries[i] if 0 <= i < len(entries) else None

    def cursor(self) -> tuple[int, int, int]:
        return self._cursor

    def set_cursor(self, lane: int, day: int, entry: int = -1) -> None:
        if not self.lanes or not self.days:
            return
        self._cursor = (max(0, min(lane, len(self.lanes) - 1)), max(0, min(day, len(self.days) - 1)), entry)
        lr = self.lane_rect(self._cursor[0])
        bar = self.verticalScrollBar()
        if lr.top() < self.header_height():
            bar.setValue(self._offsets[self._cursor[0]])
        elif lr.bottom() > self.viewport().height():
            bar.setValue(
                self._offsets[self._cursor[0] + 1] - (self.viewport().height() - self.header_height())
            )
        sel = self.selected_entry()
        self.entry_selected.emit(sel.activity_id if sel else -1)
        self.viewport().update()

    def select_activity(self, activity_id: int, day: date | None = None) -> bool:
        """Put the cursor on an activity's entry (on `day` if given and shown); False when not shown."""
        for (lane, d), _entries in self.cells.items():
            if day is not None and self.days[d] != day:
                continue
            shown, _ = self.shown(lane, d)
            for i, e in enumerate(shown):
                if e.activity_id == activity_id:
                    self.set_cursor(lane, d, i)
                    return True
        return False

    def position_of_entry(self, activity_id: int) -> QPoint | None:
        """The centre of the first shown entry of an activity (for tests and accessibility)."""
        for lane, d in sorted(self.cells):
            shown, _ = self.shown(lane, d)
            for i, e in enumerate(shown):
                if e.activity_id == activity_id:
                    return self.entry_rect(lane, d, i).center()
        return None

    # -- mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        h = self.hit(event.position().toPoint())
        if h is not None and event.button() == Qt.MouseButton.LeftButton:
            self.set_cursor(h.lane, h.day, h.entry)
            entries, more = self.shown(h.lane, h.day)
            if more and h.entry == len(entries):
                self._show_more(h.lane, h.day, event.globalPosition().toPoint())
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        h = self.hit(event.position().toPoint())
        if h is not None:
            self.set_cursor(h.lane, h.day, h.entry)
            e = self.selected_entry()
            if e is not None:
                self.entry_activated.emit(e.activity_id)

    def _show_more(self, lane: int, day: int, where: QPoint) -> None:
        menu = QMenu(self)
        for e in self.cells.get((lane, day), []):
            when = "" if e.start is None else f"{e.start:%H:%M} "
            action = menu.addAction(when + e.title)
            action.setData(e.activity_id)
        chosen = menu.exec(where)
        if chosen is not None:
            self.entry_activated.emit(int(chosen.data()))

    def viewportEvent(self, event) -> bool:
        if event.type() == event.Type.ToolTip and isinstance(event, QHelpEvent):
            h = self.hit(event.pos())
            entries = self.shown(h.lane, h.day)[0] if h else []
            if h is not None and 0 <= h.entry < len(entries):
                QToolTip.showText(event.globalPos(), self.tooltip_text(entries[h.entry]), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_text(self, e: Entry) -> str:
        when = (
            self.tr("all day")
            if e.all_day
            else f"{e.start:%H:%M}–{e.end:%H:%M}"
            if e.start and e.end
            else (f"{e.start or e.end:%H:%M}")
        )
        lines = [e.title, f"{e.day.isoformat()} {when}" + (f"（{e.index}/{e.days}）" if e.days > 1 else "")]
        if e.venue_name:
            lines.append(e.venue_name)
        lines.append(
            " · ".join(x for x in (label("activity_type", e.activity_type), label("status", e.status)) if x)
        )
        return "\n".join(lines)

    # -- keyboard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves = {
            Qt.Key.Key_Left: lambda: self._step_day(-1),
            Qt.Key.Key_Right: lambda: self._step_day(1),
            Qt.Key.Key_Down: self._step_down,
            Qt.Key.Key_Up: self._step_up,
            Qt.Key.Key_Return: self._activate,
            Qt.Key.Key_Enter: self._activate,
            Qt.Key.Key_Space: self._activate,
            Qt.Key.Key_PageUp: lambda: self.period_step.emit(-1),
            Qt.Key.Key_PageDown: lambda: self.period_step.emit(1),
            Qt.Key.Key_Home: self.today_requested.emit,
        }
        move = moves.get(Qt.Key(key)) if key in {k.value for k in moves} else None
        if move is None:
            super().keyPressEvent(event)
        else:
            move()

    def _step_day(self, step: int) -> None:
        """Left/Right: the neighbouring day of the same lane; past the edge, the previous or next period."""
        lane, day, _i = self._cursor
        target = day + step
        if target < 0 or target > len(self.days) - 1:
            self.period_step.emit(step)
            self.set_cursor(lane, len(self.days) - 1 if step < 0 else 0, -1)
        else:
            self.set_cursor(lane, target, 0 if self.cells.get((lane, target)) else -1)

    def _step_down(self) -> None:
        lane, day, i = self._cursor
        entries, more = self.shown(lane, day)
        if i + 1 < len(entries) + (1 if more else 0):
            self.set_cursor(lane, day, i + 1)
        elif lane + 1 < len(self.lanes):
            self.set_cursor(lane + 1, day, 0 if self.cells.get((lane + 1, day)) else -1)

    def _step_up(self) -> None:
        lane, day, i = self._cursor
        if i > 0:
            self.set_cursor(lane, day, i - 1)
        elif i == 0:
            self.set_cursor(lane, day, -1)
        elif lane > 0:
            above, amore = self.shown(lane - 1, day)
            self.set_cursor(lane - 1, day, len(above) + (1 if amore else 0) - 1)

    def _activate(self) -> None:
        """Enter or Space: open the entry under the cursor, or the list of the entries not shown."""
        lane, day, i = self._cursor
        entries, more = self.shown(lane, day)
        e = self.selected_entry()
        if e is not None:
            self.entry_activated.emit(e.activity_id)
        elif more and i == len(entries):
            self._show_more(lane, day, self.mapToGlobal(self.entry_rect(lane, day, i).center()))
