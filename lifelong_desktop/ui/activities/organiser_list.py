"""An ordered list of organisations for one role: add from the register (or a new one), remove, reorder."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.names import normalise_name
from lifelong_desktop.services.rows import OrganisationRow

#: makes a new organisation of the register named (the text typed), or None when the user gives up
Creator = Callable[[str, QWidget], tuple[int, str] | None]


class OrganiserList(QWidget):
    """Organisations in printing order; `ids()` gives them, `changed` fires on every change.

    Keyboard: type in the picker and press Enter to add (Enter never closes the dialog around it); in the
    list, Delete removes and Ctrl+Up/Ctrl+Down (or Alt+Up/Alt+Down) move. A name that is not in the register
    is offered as a new organisation (`create`, with the register's rules), never dropped in silence.
    """

    changed = Signal()
    created = Signal(int, str)  # a new organisation was made here: the other role lists learn it too

    def __init__(
        self,
        organisations: Sequence[OrganisationRow],
        role_name: str,
        parent: QWidget | None = None,
        create: Creator | None = None,
    ) -> None:
        super().__init__(parent)
        self._names = {o.id: o.name for o in organisations}
        self._create = create
        #: asked before a typed name that is not in the register is made a new organisation (tests replace it)
        self.confirm_create: Callable[[str], bool] = self._ask_create
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("%1 in printing order").replace("%1", role_name))
        self.list.setMaximumHeight(90)
        self.picker = self._picker(organisations, role_name)
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
        # Enter from the completer's list reaches the line edit directly (no event filter sees it)
        self.picker.lineEdit().returnPressed.connect(self.add_current)
        # a keyboard's Enter goes to the combo box (the focus widget), which hands it to its line edit by a
        # direct call and then lets it travel up to the dialog, whose default button would save the whole
        # activity (after a 新建单位 question and form opened from here): the filter takes it first
        self.picker.installEventFilter(self)
        self.picker.lineEdit().installEventFilter(self)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.installEventFilter(self)
        self.list.setToolTip(
            self.tr("Delete removes the selected organisation; Ctrl+Up and Ctrl+Down move it.")
        )

        self._lay_out()
        self._update_buttons()

    def _picker(self, organisations: Sequence[OrganisationRow], role_name: str) -> QComboBox:
        """The register's names, typed to filter (contains, any case); empty until one is chosen."""
        picker = QComboBox(self)
        picker.setEditable(True)
        picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        picker.setAccessibleName(self.tr("Organisation to add as %1").replace("%1", role_name))
        picker.lineEdit().setPlaceholderText(self.tr("Type to find an organisation…"))
        for o in organisations:
            picker.addItem(o.name, o.id)
        picker.setCurrentIndex(-1)
        completer = QCompleter(picker.model(), picker)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        picker.setCompleter(completer)
        return picker

    def _lay_out(self) -> None:
        """The picker and Add above the list with its buttons; Tab runs picker, Add, list, Up, Down, Remove."""
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched in (self.picker, self.picker.lineEdit()) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_current()  # and the dialog's default button never sees this Enter
            return True
        if watched is self.list:
            mods = event.modifiers()
            moving = mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not moving:
                self.remove_selected()
                return True
            if moving and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
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

    def names(self) -> dict[int, str]:
        """The names this list knows, those made while the form is open included."""
        return dict(self._names)

    def know(self, org_id: int, name: str) -> None:
        """An organisation made meanwhile (in another role's list): offer it here too, leaving what this
        picker shows as it was (Qt makes the first item of an empty combo box current: on a new programme the
        other roles' pickers would show the new name, and Add would put it in their role too)."""
        if org_id not in self._names:
            self._names[org_id] = name
            index, typed = self.picker.currentIndex(), self.picker.currentText()
            with QSignalBlocker(self.picker):
                self.picker.addItem(name, org_id)
                if index < 0:
                    self.picker.setCurrentIndex(-1)
                    self.picker.setEditText(typed)

    def add_current(self) -> None:
        """Add the organisation typed in the picker, then empty it (so a second Enter adds nothing)."""
        text = self.picker.currentText().strip()
        if not text:
            return
        key = normalise_name(text)
        org_id = next((oid for oid, name in self._names.items() if normalise_name(name) == key), None)
        if org_id is None:
            org_id = self._create_named(text)
            if org_id is None:
                return
        if not self.add(org_id):
            self.list.setCurrentRow(self.ids().index(org_id))  # already listed: show where
        self._clear_picker()

    def _clear_picker(self) -> None:
        with QSignalBlocker(self.picker):
            self.picker.setCurrentIndex(-1)
            self.picker.clearEditText()

    def _create_named(self, text: str) -> int | None:
        """A name not in the register: made a new organisation when the user agrees (else it stays typed)."""
        if self._create is None:
            QMessageBox.information(
                self,
                self.tr("Organisation not in the register"),
                self.tr(
                    "“%1” is not in the register of organisations; add it on the Organisations tab first."
                ).replace("%1", text),
            )
            return None
        if not self.confirm_create(text):
            return None
        made = self._create(text, self)
        if made is None:
            return None
        org_id, name = made
        self.know(org_id, name)
        self.created.emit(org_id, name)
        return org_id

    def _ask_create(self, text: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Organisation not in the register"),
            self.tr(
                "“%1” is not in the register of organisations. Add it to the register as a new organisation?"
            ).replace("%1", text),
            parent=self,
        )
        yes = box.addButton(self.tr("&New Organisation…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        box.exec()
        return box.clickedButton() is yes

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
