"""How a calendar entry looks: its colour (by type or status) and the text that fits its cell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics

from lifelong_desktop.services.calendar import Entry

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


#: opening quotes and brackets: in a narrow cell they would be all that shows ("“…")
_LEADING = "“”‘’\"'《〈「『（(【[ "


def entry_text(text: str, width: int, fm: QFontMetrics, compact: bool) -> str:
    """What fits of an entry's text in `width` pixels. In the month view's narrow cells the opening quote is
    dropped and, where not even two characters and "…" fit, the first characters are shown whole without
    "…" (the tooltip and the line under the calendar give the rest)."""
    if compact:
        text = text.lstrip(_LEADING)
    if fm.horizontalAdvance(text) <= width:
        return text
    if compact and width < fm.horizontalAdvance("…" + text[:2]):
        shown = ""
        for ch in text:
            if fm.horizontalAdvance(shown + ch) > width:
                break
            shown += ch
        return shown
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
