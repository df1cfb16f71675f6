"""Painting the calendar grid: the colours of entries (by type or status), today's column, cells and headers.

A mixin of CalendarGrid (ui/calendar/grid.py), which holds the layout, cursor, mouse and keyboard.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QCoreApplication, QLocale, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen

from lifelong_desktop.services.calendar import Entry
from lifelong_desktop.ui.calendar.entry_text import entry_text

TYPE_COLOURS = {
    "opening_ceremony": "#d62728",
    "lecture": "#1f77b4",
    "training": "#2ca02c",
    "forum": "#9467bd",
    "open_day": "#ff7f0e",
    "study_visit": "#8c564b",
    "reading": "#17becf",
    "outreach": "#a8a21a",
    "exhibition": "#e377c2",
    "performance": "#e6a100",
    "competition": "#393b79",
    "online_course": "#00a087",
    "other": "#8a8a8a",
}
STATUS_COLOURS = {
    "planned": "#4f7fbf",
    "confirmed": "#2e9d5b",
    "held": "#455a64",
    "postponed": "#f08c00",
    "cancelled": "#b0b0b0",
}
TODAY_BACKGROUND = QColor(255, 244, 200)
TODAY_LINE = QColor("#d32f2f")


def entry_colour(entry: Entry, colour_by: str) -> QColor:
    table, key = (
        (STATUS_COLOURS, entry.status) if colour_by == "status" else (TYPE_COLOURS, entry.activity_type)
    )
    return QColor(table.get(key or "other", "#8a8a8a"))



def _tr(text: str) -> str:
    """The grid's words, in the context of CalendarGrid (the class Qt sees at run time)."""
    return QCoreApplication.translate("CalendarGrid", text)


class GridPainting:
    """paintEvent and its parts; the attributes it reads (lanes, days, cells, cursor, metrics) are CalendarGrid's."""

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self.viewport())
        pal = self.palette()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        grid = pal.color(QPalette.ColorRole.Mid)
        p.fillRect(event.rect(), base)
        lw, hh, dw = self.lane_width(), self.header_height(), self.day_width()
        height = self.viewport().height()
        alt = pal.color(QPalette.ColorRole.AlternateBase)
        weekend = QColor(alt)
        for d, day in enumerate(self.days):  # column backgrounds: today, weekends
            x0, x1 = lw + round(d * dw), lw + round((d + 1) * dw)
            if day == self.today:
                p.fillRect(QRect(x0, hh, x1 - x0, height), TODAY_BACKGROUND)
            elif day.weekday() >= 5:
                p.fillRect(QRect(x0, hh, x1 - x0, height), weekend)
        first = max(0, bisect_right(self._offsets, self.verticalScrollBar().value()) - 1)
        fm = QFontMetrics(self.font())
        small = QFont(self.font())
        if self.compact:
            small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        struck = QFont(
            small
        )  # cancelled entries; both fonts and the metrics made once per paint, not per entry
        struck.setStrikeOut(True)
        small_fm = QFontMetrics(small)
        for lane in range(first, len(self.lanes)):
            lr = self.lane_rect(lane)
            if lr.top() > height:
                break
            p.setPen(QPen(grid))
            p.drawLine(0, lr.bottom(), lr.right(), lr.bottom())
            for d in range(len(self.days)):
                self._paint_cell(p, lane, d, small, struck, small_fm)
            p.fillRect(QRect(0, lr.top(), lw, lr.height()), alt if lane % 2 else base)
            p.setPen(text)
            name = fm.elidedText(self.lanes[lane][1], Qt.TextElideMode.ElideRight, lw - 12)
            p.drawText(QRect(6, lr.top() + 3, lw - 10, fm.height() + 2), Qt.AlignmentFlag.AlignLeft, name)
            p.setPen(QPen(grid))
            p.drawLine(0, lr.bottom(), lw, lr.bottom())
        p.setPen(QPen(grid))
        for d in range(len(self.days) + 1):
            x = lw + round(d * dw)
            p.drawLine(x, hh, x, height)
        self._paint_header(p, base, text, grid)
        p.end()

    def _paint_cell(
        self, p: QPainter, lane: int, day: int, font: QFont, struck: QFont, fm: QFontMetrics
    ) -> None:
        entries, more = self.shown(lane, day)
        p.setFont(font)
        cur_lane, cur_day, cur_entry = self._cursor
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        for i, e in enumerate(entries):
            r = self.entry_rect(lane, day, i)
            colour = entry_colour(e, self.colour_by)
            light = QColor(colour)
            light.setAlpha(60)
            p.fillRect(r, light)
            p.fillRect(QRect(r.left(), r.top(), 3, r.height()), colour)
            p.setFont(struck if e.status == "cancelled" else font)
            p.setPen(text_colour)
            when = "" if e.start is None or self.compact else f"{e.start:%H:%M} "
            cont = f"({e.index}/{e.days}) " if e.days > 1 and not self.compact else ""
            text = entry_text(when + cont + e.title, r.width() - 7, fm, self.compact)
            p.drawText(
                r.adjusted(5, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
            )
            if (lane, day, i) == (cur_lane, cur_day, cur_entry):
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
                p.drawRect(r.adjusted(1, 1, -1, -1))
        p.setFont(font)
        if more:
            r = self.entry_rect(lane, day, len(entries))
            p.setPen(self.palette().color(QPalette.ColorRole.Link))
            text = (_tr("+%1") if self.compact else _tr("+%1 more")).replace("%1", str(more))
            p.drawText(r.adjusted(5, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
            if (lane, day, len(entries)) == (cur_lane, cur_day, cur_entry):
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
                p.drawRect(r.adjusted(1, 1, -1, -1))
        p.setFont(self.font())
        if self.hasFocus() and (lane, day) == (cur_lane, cur_day) and cur_entry < 0:
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawRect(self.cell_rect(lane, day).adjusted(1, 1, -2, -2))

    def _paint_header(self, p: QPainter, base: QColor, text: QColor, grid: QColor) -> None:
        lw, hh, dw = self.lane_width(), self.header_height(), self.day_width()
        fm = self.fontMetrics()
        p.fillRect(QRect(0, 0, self.viewport().width(), hh), self.palette().color(QPalette.ColorRole.Button))
        loc = QLocale()
        p.setPen(text)
        p.drawText(QRect(6, 0, lw - 8, hh), Qt.AlignmentFlag.AlignVCenter, self.corner)
        bold = QFont(self.font())
        bold.setBold(True)
        for d, day in enumerate(self.days):
            x0, x1 = lw + round(d * dw), lw + round((d + 1) * dw)
            rect = QRect(x0, 2, x1 - x0, hh - 4)
            is_today = day == self.today
            p.setFont(bold if is_today else self.font())
            p.setPen(TODAY_LINE if is_today else text)
            weekday = loc.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            if self.compact:
                top, bottom = str(day.day), weekday
            else:
                top, bottom = (
                    weekday,
                    f"{day.month}/{day.day}"
                    if not is_today
                    else f"{day.month}/{day.day} " + _tr("today"),
                )
            p.drawText(
                QRect(rect.left(), rect.top(), rect.width(), fm.height() + 2),
                Qt.AlignmentFlag.AlignHCenter,
                top,
            )
            p.drawText(
                QRect(rect.left(), rect.top() + fm.height() + 2, rect.width(), fm.height() + 2),
                Qt.AlignmentFlag.AlignHCenter,
                bottom,
            )
            if is_today:
                p.fillRect(QRect(x0, hh - 3, x1 - x0, 3), TODAY_LINE)
        p.setFont(self.font())
        p.setPen(QPen(grid))
        p.drawLine(0, hh - 1, self.viewport().width(), hh - 1)

    # -- hit testing, selection
