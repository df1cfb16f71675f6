"""An ordered list of organisations for one role: add from the register, remove, move up and down."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.rows import OrganisationRow


class OrganiserList(QWidget):
    """Organisations in printing order; `ids()` gives them, `changed` fires on every change.

    Keyboard: type in the picker and press Enter to add; in the list, Delete removes and Alt+Up/Alt+Down move.
    """

    changed = Signal()

    def __init__(
        self, organisations: Sequence[OrganisationRow], role_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._names = {o.id: o.name for o in organisations}
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("%1 in printing order").replace("%1", role_name))
        self.list.setMaximumHeight(90)
        self.picker = QComboBox(self)
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picker.setAccessibleName(self.tr("Organisation to add as %1").replace("%1", role_name))
        self.picker.lineEdit().setPlaceholderText(self.tr("Type to find an organisation…"))
        for o in organisations:
            self.picker.addItem(o.name, o.id)
        self.picker.setCurrentIndex(-1)
        completer = QCompleter(self.picker.model(), self.picker)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.picker.setCompleter(completer)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        for b, name in (
            (self.add_button, self.tr("Add %1")),
            (self.remove_button, self.tr("Remove from %1")),
            (self.up_button, self.tr("Move up in %1")),
            (self.down_button, self.tr("Move down in %1")),
        ):
            b.setAccessibleName(name.replace("%1", role_name))
            b.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.picker.lineEdit().returnPressed.connect(self.add_current)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.installEventFilter(self)
        self.list.setToolTip(
            self.tr("Delete removes the selected organisation; Alt+Up and Alt+Down move it.")
        )

        add_row = QHBoxLayout()
        add_row.addWidget(self.picker, 1)
        add_row.addWidget(self.add_button)
        buttons = QVBoxLayout()
        for b in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list, 1)
        list_row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(add_row)  # the label's buddy (the picker) first, then the list it fills
        layout.addLayout(list_row)
        for first, second in (
            (self.picker, self.add_button),
            (self.add_button, self.list),
            (self.list, self.up_button),
            (self.up_button, self.down_button),
            (self.down_button, self.remove_button),
        ):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not alt:
                self.remove_selected()
                return True
            if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def set_ids(self, ids: Sequence[int]) -> None:
        with QSignalBlocker(self.list):
            self.list.clear()
            for oid in ids:
                self._append(oid)
        self._update_buttons()

    def ids(self) -> tuple[int, ...]:
        return tuple(self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count()))

    def add(self, org_id: int) -> bool:
        if org_id in self.ids() or org_id not in self._names:
            return False
        self._append(org_id)
        self.list.setCurrentRow(self.list.count() - 1)
        self.changed.emit()
        return True

    def add_current(self) -> None:
        text = self.picker.currentText().strip()
        index = self.picker.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0 and self.add(self.picker.itemData(index)):
            self.picker.setCurrentIndex(-1)
            self.picker.clearEditText()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            if self.list.count():
                self.list.setCurrentRow(min(row, self.list.count() - 1))
            self._update_buttons()
            self.changed.emit()

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def _append(self, org_id: int) -> None:
        item = QListWidgetItem(self._names.get(org_id, str(org_id)))
        item.setData(Qt.ItemDataRole.UserRole, org_id)
        self.list.addItem(item)

    def _update_buttons(self) -> None:
        row, n = self.list.currentRow(), self.list.count()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < n - 1)
