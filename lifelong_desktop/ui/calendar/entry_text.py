"""The text of a calendar entry that fits its cell (the month view's narrow cells included)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

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
