"""Table model over activity rows (Vorta-style): COL_ constants, custom roles, filter and sort in the model."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from lifelong_desktop.services.collation import name_key, title_key
from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.ui.activities.filtering import ActivityFilter, FilterIndex
from lifelong_desktop.ui.common import codes

(
    COL_DATE,
    COL_TIME,
    COL_TITLE,
    COL_TYPE,
    COL_LEVEL,
    COL_CITY,
    COL_COUNTY,
    COL_VENUE,
    COL_MODE,
    COL_HOSTS,
    COL_UNDERTAKERS,
    COL_EXPECTED,
    COL_STATUS,
    COL_FEATURED,
    COL_ACTUAL,
    COL_ONLINE,
    COL_NOTE,
) = range(17)
COLUMN_COUNT = 17
#: the columns of the results mode, shown and edited in place after the week (ui/activities/results.py)
RESULT_COLUMNS = (COL_STATUS, COL_ACTUAL, COL_ONLINE, COL_NOTE)
#: the field of ActivityInput each editable result column sets
RESULT_FIELDS = {
    COL_STATUS: "status",
    COL_ACTUAL: "actual_participants",
    COL_ONLINE: "online_participants",
    COL_NOTE: "result_note",
}

ActivityRole = Qt.ItemDataRole.UserRole + 1  # the ActivityRow itself
IdRole = Qt.ItemDataRole.UserRole + 2  # the activity's database id
SortRole = Qt.ItemDataRole.UserRole + 3  # the value the column sorts by


def _headers() -> dict[int, str]:

    return {
        COL_DATE: QCoreApplication.translate("ActivityTableModel", "Date"),
        COL_TIME: QCoreApplication.translate("ActivityTableModel", "Time"),
        COL_TITLE: QCoreApplication.translate("ActivityTableModel", "Title"),
        COL_TYPE: QCoreApplication.translate("ActivityTableModel", "Type"),
        COL_LEVEL: QCoreApplication.translate("ActivityTableModel", "Level"),
        COL_CITY: QCoreApplication.translate("ActivityTableModel", "City"),
        COL_COUNTY: QCoreApplication.translate("ActivityTableModel", "County"),
        COL_VENUE: QCoreApplication.translate("ActivityTableModel", "Venue"),
        COL_MODE: QCoreApplication.translate("ActivityTableModel", "Mode"),
        COL_HOSTS: QCoreApplication.translate("ActivityTableModel", "Hosts"),
        COL_UNDERTAKERS: QCoreApplication.translate("ActivityTableModel", "Undertakers"),
        COL_EXPECTED: QCoreApplication.translate("ActivityTableModel", "Expected"),
        COL_STATUS: QCoreApplication.translate("ActivityTableModel", "Status"),
        COL_FEATURED: QCoreApplication.translate("ActivityTableModel", "Featured"),
        COL_ACTUAL: QCoreApplication.translate("ActivityTableModel", "On site"),
        COL_ONLINE: QCoreApplication.translate("ActivityTableModel", "Online"),
        COL_NOTE: QCoreApplication.translate("ActivityTableModel", "Result note"),
    }


def _hm(t: time | None) -> str:
    return t.strftime("%H:%M") if t else ""


def time_text(r: ActivityRow, all_day: str) -> str:
    if r.start_time is None and r.end_time is None:
        return all_day
    return f"{_hm(r.start_time)}–{_hm(r.end_time)}" if r.end_time else _hm(r.start_time)


def date_text(r: ActivityRow) -> str:
    if r.end_date == r.start_date:
        return r.start_date.isoformat()
    if r.end_date.year == r.start_date.year:
        return f"{r.start_date.isoformat()} – {r.end_date.strftime('%m-%d')}"
    return f"{r.start_date.isoformat()} – {r.end_date.isoformat()}"


def _sort_key_function(column: int) -> Callable[[ActivityRow], Any]:
    names = {
        COL_CITY: lambda r: (r.city_code is None, name_key(r.city_name), r.city_code or ""),
        COL_COUNTY: lambda r: (not r.county_name, name_key(r.county_name)),
        COL_VENUE: lambda r: (not r.venue_name, name_key(r.venue_name)),
        COL_HOSTS: lambda r: (not r.hosts, tuple(name_key(n) for n in r.hosts)),
        COL_UNDERTAKERS: lambda r: (not r.undertakers, tuple(name_key(n) for n in r.undertakers)),
    }
    if column in names:
        return names[column]
    simple: dict[int, Callable[[ActivityRow], Any]] = {
        COL_DATE: lambda r: (r.start_date, r.start_time is not None, r.start_time or time(0), r.end_date),
        COL_TIME: lambda r: (r.start_time is not None, r.start_time or time(0), r.end_time or time(0)),
        COL_TITLE: lambda r: title_key(r.title),
        COL_TYPE: lambda r: _code_rank("activity_type", r.activity_type),
        COL_LEVEL: lambda r: _code_rank("level", r.level),
        COL_MODE: lambda r: _code_rank("mode", r.mode),
        COL_EXPECTED: lambda r: (r.expected_participants is None, r.expected_participants or 0),
        COL_STATUS: lambda r: _code_rank("status", r.status),
        COL_FEATURED: lambda r: not r.featured,
        COL_ACTUAL: lambda r: (r.actual_participants is None, r.actual_participants or 0),
        COL_ONLINE: lambda r: (r.online_participants is None, r.online_participants or 0),
        COL_NOTE: lambda r: (not r.result_note, title_key(r.result_note)),
    }
    return simple[column]


_RANKS: dict[str, dict[str, int]] = {}


_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDIT_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
_NUMBERS = frozenset({COL_EXPECTED, COL_ACTUAL, COL_ONLINE})


def _code_rank(code_list: str, key: str | None) -> int:
    ranks = _RANKS.get(code_list)
    if ranks is None:
        ranks = _RANKS[code_list] = {k: i for i, (k, _) in enumerate(codes.items(code_list))}
    return ranks.get(key or "", len(ranks))


def _tip(r: ActivityRow, col: int) -> str | None:
    """The tooltip of a cell: the whole title with the description, every organiser, the whole note."""
    if col == COL_TITLE:
        return r.title + ("\n\n" + r.description if r.description else "")
    if col == COL_NOTE:
        return r.result_note or None
    if col in (COL_HOSTS, COL_UNDERTAKERS):
        return "\n".join(r.hosts if col == COL_HOSTS else r.undertakers)
    return None


class ActivityTableModel(QAbstractTableModel):
    """All activities of the programme; shows those passing `set_filter`, in the order of `sort`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ActivityRow, ...] = ()
        self._index = FilterIndex(())
        self._order: list[int] = []  # every row index, in the current sort order
        self._shown: list[int] = []  # indices of rows passing the filter, in that order
        self._filter = ActivityFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._sort_keys: dict[int, list[Any]] = {}
        self._orders: dict[tuple[int, Qt.SortOrder], list[int]] = {}
        self._ids: list[int] = []
        self._headers = _headers()
        self._all_day = QCoreApplication.translate("ActivityTableModel", "All day")
        self._yes = QCoreApplication.translate("ActivityTableModel", "Yes")
        self._texts = self._column_texts()
        self._position: dict[int, int] = {}
        #: set by the results mode: called with (row, field, value) for a result cell edited in place; the
        #: model changes nothing itself (the edit is saved as an undoable command and the rows come back)
        self.result_edited: Callable[[ActivityRow, str, Any], bool] | None = None

    # ---------------------------------------------------------------- data in

    def set_rows(self, rows: Sequence[ActivityRow], *, _keep_index: bool = False) -> None:
        """Replace every row (after a load or an edit); keeps the filter and the sort order."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._index = FilterIndex(self._rows, self._index if _keep_index else None)
        self._ids = [r.id for r in self._rows]
        self._sort_keys.clear()
        self._orders.clear()
        self._order = self._sorted_order()
        self._shown = self._index.apply(self._order, self._filter)
        self._position = {}
        self.endResetModel()

    def apply_changes(self, ids: Iterable[int], rows: Sequence[ActivityRow]) -> None:
        """After an edit of some activities: `rows` are those of `ids` that still exist (the others were
        deleted). Every other row, its search text and sort keys are kept, so this stays quick on 50,000."""
        from lifelong_desktop.services.rows import sort_key

        ids = set(ids)
        fresh = {r.id: r for r in rows}
        kept = [
            fresh.pop(r.id) if r.id in fresh else r for r in self._rows if r.id not in ids or r.id in fresh
        ]
        merged = kept + list(fresh.values())
        merged.sort(key=sort_key)  # nearly sorted already: a linear pass
        self.set_rows(merged, _keep_index=True)

    def set_filter(self, f: ActivityFilter) -> None:
        if f == self._filter:
            return
        previous = (self._filter, self._shown)
        self.beginResetModel()
        self._shown = self._index.apply(self._order, f, previous)
        self._filter = f
        self._position = {}
        self.endResetModel()

    def prepare_search(self) -> None:
        """Build the search index now (called when the window is idle after a load)."""
        _ = self._index.haystacks

    @property
    def filter(self) -> ActivityFilter:
        return self._filter

    @property
    def total_count(self) -> int:
        return len(self._rows)

    def all_rows(self) -> tuple[ActivityRow, ...]:
        return self._rows

    def row_at(self, row: int) -> ActivityRow:
        return self._rows[self._shown[row]]

    def rows_at(self, rows: Iterable[int]) -> list[ActivityRow]:
        return [self.row_at(r) for r in rows]

    def row_of_id(self, activity_id: int) -> int | None:
        """The table row showing an activity, or None when it is filtered out or gone."""
        if not self._position:
            self._position = dict(
                zip(map(self._ids.__getitem__, self._shown), range(len(self._shown)), strict=True)
            )
        return self._position.get(activity_id)

    # ---------------------------------------------------------------- Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._headers[section]
        if (
            orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._shown)
        ):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.result_edited is not None and index.column() in RESULT_FIELDS:
            return _EDIT_FLAGS
        return _CELL_FLAGS  # called per cell: no enum arithmetic

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        """A result cell edited in place: handed to `result_edited` when the value differs."""
        field = RESULT_FIELDS.get(index.column())
        if role != Qt.ItemDataRole.EditRole or field is None or self.result_edited is None:
            return False
        if not (0 <= index.row() < len(self._shown)):
            return False
        row = self.row_at(index.row())
        if getattr(row, field) == value:
            return False
        return self.result_edited(row, field, value)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return None
        r = self._rows[self._shown[index.row()]]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tip(r, col)
        if role == Qt.ItemDataRole.EditRole:
            field = RESULT_FIELDS.get(col)
            return getattr(r, field) if field else self._display(r, col)
        if role == ActivityRole:
            return r
        if role == IdRole:
            return r.id
        if role == SortRole:
            return _sort_key_function(col)(r)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and r.status == "cancelled":
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.FontRole and r.status == "cancelled":
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _display(self, r: ActivityRow, col: int) -> str:
        text = self._texts.get(col)
        return text(r) if text is not None else ""

    def _column_texts(self) -> dict[int, Callable[[ActivityRow], str]]:
        """The displayed words of each column, one function per column (built once per model)."""
        return {
            COL_DATE: date_text,
            COL_TIME: lambda r: time_text(r, self._all_day),
            COL_TITLE: lambda r: r.title,
            COL_TYPE: lambda r: codes.label("activity_type", r.activity_type),
            COL_LEVEL: lambda r: codes.label("level", r.level),
            COL_CITY: lambda r: r.city_name or (r.city_code or ""),
            COL_COUNTY: lambda r: r.county_name,
            COL_VENUE: lambda r: r.venue_name,
            COL_MODE: lambda r: codes.label("mode", r.mode),
            COL_HOSTS: lambda r: "；".join(r.hosts),
            COL_UNDERTAKERS: lambda r: "；".join(r.undertakers),
            COL_EXPECTED: lambda r: "" if r.expected_participants is None else f"{r.expected_participants:,}",
            COL_STATUS: lambda r: codes.label("status", r.status),
            COL_FEATURED: lambda r: self._yes if r.featured else "",
            COL_ACTUAL: lambda r: "" if r.actual_participants is None else f"{r.actual_participants:,}",
            COL_ONLINE: lambda r: "" if r.online_participants is None else f"{r.online_participants:,}",
            COL_NOTE: lambda r: r.result_note,
        }

    # ---------------------------------------------------------------- sorting in the source model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every row with list.sort over keys computed once per column; keeps selections."""
        if column >= COLUMN_COUNT or (column < 0 and self._sort is None):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old = [self._shown[p.row()] if 0 <= p.row() < len(self._shown) else -1 for p in persistent]
        self._sort = (column, order) if column >= 0 else None  # -1: the format's order
        self._order = self._sorted_order()
        self._shown = self._index.apply(self._order, self._filter)
        self._position = {}
        if persistent:
            where = dict(zip(self._shown, range(len(self._shown)), strict=True))
            self.changePersistentIndexList(
                persistent,
                [
                    self.index(where[i], p.column()) if i in where else QModelIndex()
                    for p, i in zip(persistent, old, strict=True)
                ],
            )
        self.layoutChanged.emit()

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def _sorted_order(self) -> list[int]:
        """Every row index in the current order; computed once per (column, order) and data load."""
        n = len(self._rows)
        if self._sort is None:
            return list(range(n))  # rows arrive in the format's order
        cached = self._orders.get(self._sort)
        if cached is not None:
            return cached
        column, order = self._sort
        keys = self._sort_keys.get(column)
        if keys is None:
            fn = _sort_key_function(column)
            keys = self._sort_keys[column] = [fn(r) for r in self._rows]
        # stable (reverse=True too): equal keys keep the format's order
        out = sorted(range(n), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._orders[self._sort] = out
        return out
