"""A horizontal grouped bar chart drawn with QPainter: categories down the side, one bar per series."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


@dataclass(frozen=True)
class Series:
    name: str
    color: QColor
    values: tuple[int, ...]


def nice_maximum(value: int) -> int:
    """A round axis end at or above `value` whose quarters are whole and round (steps 1, 2, 2.5 or 5 × 10^k)."""
    power = 1
    while True:
        steps = (power, 2 * power, 5 * power // 2, 5 * power) if power >= 10 else (1, 2, 5)
        for step in steps:
            if step * 4 >= max(value, 1):
                return step * 4
        power *= 10


class BarChart(QWidget):
    """Bars for each category and series with value labels, a legend and a light grid; tooltips per bar."""

    BAR = 14
    GAP = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._categories: list[str] = []
        self._series: list[Series] = []
        self._title = ""
        self._bars: list[tuple[QRectF, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)

    def set_data(self, title: str, categories: list[str], series: list[Series]) -> None:
        for s in series:
            if len(s.values) != len(categories):
                raise ValueError("a series needs one value per category")
        self._title, self._categories, self._series = title, list(categories), list(series)
        self.updateGeometry()
        self.update()

    def categories(self) -> list[str]:
        return list(self._categories)

    def series(self) -> list[Series]:
        return list(self._series)

    def _group_height(self) -> int:
        return max(1, len(self._series)) * self.BAR + self.GAP

    def _top(self) -> int:
        fm = self.fontMetrics()
        return fm.height() * 2 + 16  # title and legend

    def sizeHint(self) -> QSize:
        return QSize(
            520, self._top() + len(self._categories) * self._group_height() + self.fontMetrics().height() + 24
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        fm = QFontMetrics(self.font())
        text_color = pal.color(QPalette.ColorRole.Text)
        self._bars = []
        self._paint_title_and_legend(p, fm, text_color)
        if self._categories:
            loc = QLocale()
            label_w = min(max(fm.horizontalAdvance(c) for c in self._categories) + 12, self.width() // 3)
            maximum = nice_maximum(max((v for s in self._series for v in s.values), default=0))
            value_w = fm.horizontalAdvance(loc.toString(maximum)) + 10
            left = 8 + label_w
            width = max(10, self.width() - left - value_w - 8)
            grid_color = pal.color(QPalette.ColorRole.Mid)
            grid_color.setAlpha(90)
            self._paint_grid(p, fm, (grid_color, text_color), left, width, maximum)
            self._paint_bars(p, fm, text_color, (label_w, value_w, left, width), maximum)
        p.end()

    def _paint_title_and_legend(self, p: QPainter, fm: QFontMetrics, text_color: QColor) -> None:
        title_font = self.font()
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(text_color)
        p.drawText(QRectF(8, 4, self.width() - 16, fm.height() + 4), Qt.AlignmentFlag.AlignLeft, self._title)
        p.setFont(self.font())
        x = 8.0
        ly = fm.height() + 10
        for s in self._series:
            p.fillRect(QRectF(x, ly + 2, 12, fm.height() - 4), s.color)
            p.setPen(text_color)
            p.drawText(
                QRectF(x + 16, ly, fm.horizontalAdvance(s.name) + 4, fm.height()),
                Qt.AlignmentFlag.AlignVCenter,
                s.name,
            )
            x += 16 + fm.horizontalAdvance(s.name) + 18

    def _paint_grid(
        self,
        p: QPainter,
        fm: QFontMetrics,
        colors: tuple[QColor, QColor],
        left: int,
        width: int,
        maximum: int,
    ) -> None:
        """Five vertical grid lines with the axis values under them."""
        grid_color, text_color = colors
        top = self._top()
        bottom = top + len(self._categories) * self._group_height()
        loc = QLocale()
        p.setPen(grid_color)
        for i in range(5):
            gx = left + width * i / 4
            p.drawLine(int(gx), top - 4, int(gx), bottom)
        p.setPen(text_color)
        for i in range(5):
            gx = left + width * i / 4
            label = loc.toString(round(maximum * i / 4))
            p.drawText(QRectF(gx - 40, bottom + 2, 80, fm.height()), Qt.AlignmentFlag.AlignHCenter, label)

    def _paint_bars(
        self,
        p: QPainter,
        fm: QFontMetrics,
        text_color: QColor,
        geometry: tuple[int, int, int, int],
        maximum: int,
    ) -> None:
        """Each category's label and one bar per series, remembering the bars for tooltips."""
        label_w, value_w, left, width = geometry
        top = self._top()
        loc = QLocale()
        for ci, cat in enumerate(self._categories):
            gy = top + ci * self._group_height()
            label = fm.elidedText(cat, Qt.TextElideMode.ElideRight, label_w - 8)
            p.setPen(text_color)
            p.drawText(
                QRectF(8, gy, label_w - 8, max(1, len(self._series)) * self.BAR),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            for si, s in enumerate(self._series):
                value = s.values[ci]
                w = width * value / maximum
                rect = QRectF(left, gy + si * self.BAR + 1, max(w, 1 if value else 0), self.BAR - 2)
                p.fillRect(rect, s.color)
                text = loc.toString(value)
                p.setPen(text_color)
                if value or len(self._series) == 1:
                    p.drawText(
                        QRectF(rect.right() + 4, rect.top() - 2, value_w + 40, self.BAR + 2),
                        Qt.AlignmentFlag.AlignVCenter,
                        text,
                    )
                self._bars.append(
                    (QRectF(left, rect.top(), width, rect.height()), f"{cat}\n{s.name}: {text}")
                )

    def event(self, e) -> bool:
        if e.type() == e.Type.ToolTip and isinstance(e, QHelpEvent):
            hit = self.tooltip_at(e.pos())
            if hit:
                QToolTip.showText(e.globalPos(), hit, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def tooltip_at(self, pos: QPoint) -> str:
        for rect, text in self._bars:
            if rect.contains(pos.toPointF()):
                return text
        return ""
