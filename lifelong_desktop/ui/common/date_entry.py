"""Date and time fields that take what is typed as a whole (2025-05-12, 5月12日, 0930), never section by section.

Qt's QDateEdit and QTimeEdit edit one section at a time: 2025-05-12 typed with the year selected becomes
2025-12-05, Ctrl+A then typing keeps the old year, Tab walks the sections. These are line edits: the text
shown is the value, a text that names no date is marked and reported (`is_valid()`), never guessed at.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from lifelong_desktop.ui.common.typed_values import read_date, read_time

INVALID_STYLE = "QLineEdit { color: #b00020; }"


class _TypedField(QLineEdit):
    """A line edit that holds one value read from its text: `value()` is the last value the text named.

    `parse` reads a text (None: not a value), `show` writes a value; `valueChanged` fires when the value or
    `is_valid()` changes."""

    valueChanged = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        optional: bool,
        parse: Callable[[str], object],
        show: Callable[[object], str],
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self._parse, self._format = parse, show
        self._value: object = None
        self._valid = True
        self.textChanged.connect(self._read)
        self.editingFinished.connect(self._tidy)

    def _problem(self) -> str:
        return ""

    def _emit(self, value: object) -> None:
        self.valueChanged.emit(value)

    def is_valid(self) -> bool:
        """The text names a value (or is empty in an optional field)."""
        return self._valid

    def _read(self, text: str) -> None:
        value = self._parse(text) if text.strip() else None
        valid = value is not None or (not text.strip() and self.optional)
        self._set_valid(valid)
        if valid and value != self._value:
            self._value = value
            self._emit(value)

    def _set_valid(self, valid: bool) -> None:
        if valid != self._valid:
            self._valid = valid
            self.setStyleSheet("" if valid else INVALID_STYLE)
            self.setToolTip("" if valid else self._problem())
            self._emit(self._value)  # listeners re-check (is_valid() changed)

    def _show(self, value: object) -> None:
        self.setText("" if value is None else self._format(value))

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Reached by keyboard (Tab, Alt+letter, a tab page shown with Alt+letter): the whole value is selected,
        so what is typed replaces it. A click places the cursor; coming back to the window keeps the selection."""
        super().focusInEvent(event)
        if event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
            Qt.FocusReason.OtherFocusReason,
        ):
            self.selectAll()

    def _tidy(self) -> None:
        """Enter or leaving the field: 5月12日 is shown as 2025-05-12 (a text that names nothing stays)."""
        if self._valid and self._value is not None:
            self._show(self._value)

    def _step(self, value: object) -> None:
        self._show(value)
        self.selectAll()


class DateEdit(_TypedField):
    """A date typed whole; Up/Down move a day, PageUp/PageDown a month, Alt+Down or F4 opens a calendar.

    `year` is the year of what is typed without one (5月12日): the programme's year."""

    dateChanged = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
        year: int | None = None,
        empty_text: str = "",
    ) -> None:
        super().__init__(parent, optional, self._read_text, _iso)
        self.valueChanged.connect(self.dateChanged)
        self.year = year
        self.setPlaceholderText(empty_text or "yyyy-mm-dd")
        self.setMaxLength(20)
        self.calendar_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            self.tr("Choose a date from the calendar (Alt+Down)"),
            self,
        )
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self._calendar: QCalendarWidget | None = None
        if not optional:
            self._value = date.today()
            self._show(self._value)

    def _read_text(self, text: str) -> date | None:
        base = self.year or (self._value.year if isinstance(self._value, date) else date.today().year)
        return read_date(text, base)

    def _problem(self) -> str:
        return self.tr("Type a date such as 2025-05-12, 2025/5/12 or 5月12日.")

    def value(self) -> date | None:
        return self._value if isinstance(self._value, date) else None

    def set_value(self, value: date | None) -> None:
        self._show(value)
        self._read(self.text())

    # QDateEdit's names, for callers that speak QDate
    def date(self) -> QDate:
        value = self.value()
        return QDate(value) if value else QDate()

    def setDate(self, value: QDate | date | None) -> None:
        self.set_value(value.toPython() if isinstance(value, QDate) and value.isValid() else value or None)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.show_calendar()
            return
        current = self.value() or self._today()
        if not alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step(current + timedelta(days=1 if key == Qt.Key.Key_Up else -1))
            return
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._step(QDate(current).addMonths(1 if key == Qt.Key.Key_PageUp else -1).toPython())
            return
        super().keyPressEvent(event)

    def _today(self) -> date:
        today = date.today()
        return today if self.year in (None, today.year) else date(self.year, today.month, min(today.day, 28))

    def show_calendar(self) -> None:
        """A calendar under the field; a click or Enter picks the day, Esc leaves the field as it was."""
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setGridVisible(True)
            self._calendar.activated.connect(self._picked)
            self._calendar.clicked.connect(self._picked)
        self._calendar.setSelectedDate(QDate(self.value() or self._today()))
        self._calendar.adjustSize()
        self._calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self._calendar.show()
        self._calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        if self._calendar is not None:
            self._calendar.hide()
        self.set_value(day.toPython())
        self.setFocus()


class TimeEdit(_TypedField):
    """A time typed whole (9:30, 0930, 930, 14, 9点半); Up/Down move five minutes, PageUp/PageDown an hour."""

    timeChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent, optional, read_time, _hh_mm)
        self.valueChanged.connect(self.timeChanged)
        self.setPlaceholderText("hh:mm")
        self.setMaxLength(10)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00000") + 24)
        if not optional:
            self._value = time(9, 0)
            self._show(self._value)

    def _problem(self) -> str:
        return self.tr("Type a time such as 9:30, 0930 or 14:00.")

    def value(self) -> time | None:
        return self._value if isinstance(self._value, time) else None

    def set_value(self, value: time | None) -> None:
        self._show(value)
        self._read(self.text())

    def time(self) -> QTime:
        value = self.value()
        return QTime(value) if value else QTime()

    def setTime(self, value: QTime | time | None) -> None:
        self.set_value(value.toPython() if isinstance(value, QTime) and value.isValid() else value or None)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Up: 5,
            Qt.Key.Key_Down: -5,
            Qt.Key.Key_PageUp: 60,
            Qt.Key.Key_PageDown: -60,
        }
        minutes = steps.get(Qt.Key(event.key()))
        if minutes is not None and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
            start = datetime.combine(date(2000, 1, 1), self.value() or time(9, 0))
            moved = start + timedelta(minutes=minutes)
            self._step(moved.time() if moved.date() == start.date() else start.time())
            return
        super().keyPressEvent(event)


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else ""


def _hh_mm(value: object) -> str:
    return f"{value:%H:%M}" if isinstance(value, time) else ""
