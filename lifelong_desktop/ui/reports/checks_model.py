"""The Checks tab's tree as one model over the findings: severity > finding > the activities it names.

A model rather than a QStandardItem per cell: 50,000 activities can give thousands of findings, and an
item per cell (with its Python wrapper) held about 20 MB for what the view shows a screenful of at a time.
Texts are made when the view asks for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from lifelong_desktop.services.checks.runner import CheckFinding

ACTIVITY_ROLE = Qt.ItemDataRole.UserRole + 1  # database id of the activity an item opens
FINDING_ROLE = Qt.ItemDataRole.UserRole + 2  # a severity head's severity
SEVERITY_COLOURS = {"error": "#b3261e", "warning": "#a15c00", "info": "#1f5fa8"}
_FINDING_BITS = 24  # an activity line's internal id: (group + 1) << 24 | finding; a finding's: group + 1
_DISPLAY, _TIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
AnyIndex = QModelIndex | QPersistentModelIndex


class ChecksModel(QAbstractItemModel):
    """Findings grouped by severity (heads with their counts), each with the activities it names when it
    names more than one (a double booking: both activities)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._groups: list[tuple[str, str, list[CheckFinding]]] = []  # severity, head text, findings
        self._message: Callable[[CheckFinding], str] = lambda f: f.code
        self._check_word: Callable[[str], str] = str
        self._lines: dict[int, str] = {}  # activity id -> "date  title" of the activities listed
        self._looks: tuple[QFont, dict[str, QBrush]] | None = None  # made when first painted, not at start

    def set_headers(self, headers: Sequence[str]) -> None:
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_findings(
        self,
        groups: list[tuple[str, str, list[CheckFinding]]],
        lines: dict[int, str],
        message: Callable[[CheckFinding], str],
        check_word: Callable[[str], str],
    ) -> None:
        """Replace everything: (severity, head text, findings) per non-empty severity, the text of each
        activity a finding lists, and how a finding's sentence and a check's name are written."""
        self.beginResetModel()
        self._groups, self._lines, self._message, self._check_word = groups, lines, message, check_word
        self.endResetModel()

    def severity_of(self, row: int) -> str:
        return self._groups[row][0]

    # ------------------------------------------------------------------ the tree

    def _finding(self, index: AnyIndex) -> CheckFinding:
        return self._groups[index.internalId() - 1][2][index.row()]

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() == 0:
            return self.createIndex(row, column, parent.row() + 1)
        return self.createIndex(row, column, (parent.internalId() << _FINDING_BITS) | parent.row())

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        key = index.internalId()
        if key >> _FINDING_BITS == 0:
            return self.createIndex(key - 1, 0, 0)
        return self.createIndex(key & ((1 << _FINDING_BITS) - 1), 0, key >> _FINDING_BITS)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0:
            return 0
        key = parent.internalId()
        if key == 0:
            return len(self._groups[parent.row()][2])
        if key >> _FINDING_BITS:
            return 0
        ids = self._finding(parent).activity_db_ids
        return len(ids) if len(ids) > 1 else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        key, column = index.internalId(), index.column()
        if key == 0:
            return self._head_data(index.row(), column, role)
        if key >> _FINDING_BITS == 0:
            return self._finding_data(self._finding(index), column, role)
        if column != 0 or role not in (_DISPLAY, ACTIVITY_ROLE):
            return None
        group, row = (key >> _FINDING_BITS) - 1, key & ((1 << _FINDING_BITS) - 1)
        act = self._groups[group][2][row].activity_db_ids[index.row()]
        return act if role == ACTIVITY_ROLE else self._lines.get(act, "  ")

    def _head_data(self, row: int, column: int, role: int) -> Any:
        severity, text, _ = self._groups[row]
        if column != 0:
            return None
        if role == _DISPLAY:
            return text
        if role == FINDING_ROLE:
            return severity
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            if self._looks is None:
                bold = QFont()
                bold.setBold(True)
                self._looks = bold, {s: QBrush(QColor(c)) for s, c in SEVERITY_COLOURS.items()}
            bold, brushes = self._looks
            return bold if role == Qt.ItemDataRole.FontRole else brushes[severity]
        return None

    def _finding_data(self, f: CheckFinding, column: int, role: int) -> Any:
        if role == _DISPLAY:
            return (self._message(f), self._check_word(f.code), f.venue)[column]
        if column == 0 and role == _TIP:
            return self._message(f)
        if column == 0 and role == ACTIVITY_ROLE and f.activity_db_ids:
            return f.activity_db_ids[0]
        return None
