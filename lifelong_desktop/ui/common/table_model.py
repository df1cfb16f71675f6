"""A table model over a list of frozen rows: columns declared once, sorted and filtered in the model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its header, the text of a row, and optionally a sort key, alignment and tooltip."""

    header: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None


class RowTableModel(QAbstractTableModel):
    """Rows in, cells out (Vorta style); sorting is a list sort here, not a proxy's Python comparisons."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._all: list[Any] = []
        self._rows: list[Any] = []
        self._filter: Callable[[Any], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.decorate: Callable[[Any, int, int], Any] | None = None  # (row, column, role) -> value or None

    # -- content

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._visible()
        self.endResetModel()

    def clear_sort(self) -> None:
        """Back to the order the rows were given in (a service's meaningful order)."""
        self.beginResetModel()
        self._sort = None
        self._rows = self._visible()
        self.endResetModel()

    def set_filter(self, predicate: Callable[[Any], bool] | None) -> None:
        self.beginResetModel()
        self._filter = predicate
        self._rows = self._visible()
        self.endResetModel()

    def _visible(self) -> list[Any]:
        rows = [r for r in self._all if self._filter(r)] if self._filter else list(self._all)
        if self._sort is not None:
            self._sort_list(rows, *self._sort)
        return rows

    def _sort_list(self, rows: list[Any], column: int, order: Qt.SortOrder) -> None:
        col = self._columns[column]
        key = col.sort_key or col.text
        rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def rows(self) -> list[Any]:
        """The rows shown, in display order."""
        return list(self._rows)

    def all_rows(self) -> list[Any]:
        return list(self._all)

    def row_at(self, index: Index | int) -> Any:
        r = index if isinstance(index, int) else index.row()
        return self._rows[r] if 0 <= r < len(self._rows) else None

    def row_of(self, predicate: Callable[[Any], bool]) -> int:
        """The display row of the first row matching, or -1."""
        return next((i for i, r in enumerate(self._rows) if predicate(r)), -1)

    # -- Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = Qt.AlignmentFlag.AlignRight if col.align_right else Qt.AlignmentFlag.AlignLeft
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if self.decorate is not None:
            return self.decorate(row, index.column(), role)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [(self._rows[i.row()], i.column()) if 0 <= i.row() < len(self._rows) else None for i in old]
        self._sort = (column, order)
        self._sort_list(self._rows, column, order)
        position = {id(r): n for n, r in enumerate(self._rows)}
        new = [self.index(position[id(h[0])], h[1]) if h else QModelIndex() for h in held]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- export

    def as_tsv(self) -> str:
        """The shown table as tab-separated text with headers (pastes into Excel and WPS as cells)."""

        def clean(text: str) -> str:
            return text.replace("\t", " ").replace("\n", " ")

        lines = ["\t".join(clean(c.header) for c in self._columns)]
        lines += ["\t".join(clean(c.text(r)) for c in self._columns) for r in self._rows]
        return "\n".join(lines) + "\n"
