"""SpreadsheetML cell values: column letters, XML text with Excel's escapes, one cell's length, date serials."""

from __future__ import annotations

import re
from datetime import date, datetime, time

MAX_CELL_CHARS = 32_767  # UTF-16 units Excel keeps in one cell; a longer string makes it repair the file

_EPOCH = date(1899, 12, 30).toordinal()
# lone surrogates cannot be encoded as UTF-8 at all: they are escaped like the control characters
_NEEDS_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_ESCAPE_ONE = re.compile(
    r"[&<>\r]|[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)"
)
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", "_": "_x005F_"}


def column_letter(index: int) -> str:
    """A, B, ..., Z, AA, ... for a 0-based column index."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_number(letters: str) -> int:
    """1 for A, 2 for B, ..., 27 for AA: the 1-based number of a column's letters."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


COLUMNS = [column_letter(i) for i in range(702)]


def escape_text(text: str) -> str:
    """XML text with Excel's _xHHHH_ escapes for characters XML cannot carry (and for literal `_xHHHH_`)."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    return _ESCAPE_ONE.sub(lambda m: _ENTITIES.get(m.group()) or f"_x{ord(m.group()):04X}_", text)


def clip_text(text: str) -> str:
    """The text cut to what one Excel cell holds (MAX_CELL_CHARS UTF-16 units), never inside a surrogate pair."""
    if len(text) <= MAX_CELL_CHARS // 2:
        return text
    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) <= 2 * MAX_CELL_CHARS:
        return text
    return units[: 2 * MAX_CELL_CHARS].decode("utf-16-le", "ignore")


def date_serial(value: date) -> int:
    return value.toordinal() - _EPOCH


def time_fraction(value: time) -> float:
    return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400


def datetime_serial(value: datetime) -> float:
    return value.toordinal() - _EPOCH + time_fraction(value.time())
