"""Shared pieces of the register forms: a code combo, a region combo, a dialog that validates before closing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.registers import RegisterError
from lifelong_desktop.ui.common.language import message_language


def region_combo(codes: list[str], blank: str) -> QComboBox:
    """An editable, searchable combo of regions (`code name`), data = code; blank first."""
    reg = regions()
    combo = QComboBox()
    combo.addItem(blank, None)
    for code in codes:
        combo.addItem(f"{code} {reg.full_name(code)}", code)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


def select_data(combo: QComboBox, value: Any) -> None:
    i = combo.findData(value)
    combo.setCurrentIndex(max(i, 0))


def combo_value(combo: QComboBox) -> Any:
    """The data of the entry whose text is shown (an editable combo's typed text must match an entry)."""
    if combo.isEditable():
        i = combo.findText(combo.currentText().strip())
        return combo.itemData(i) if i >= 0 else combo.currentData()
    return combo.currentData()


class RegisterForm(QDialog):
    """A form whose OK runs `validate(values)` (raising RegisterError) and stays open with the sentence if refused."""

    def __init__(self, parent: QWidget | None, validate: Callable[[dict[str, Any]], None]) -> None:
        super().__init__(parent)
        self._validate = validate
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}
        self.setMinimumWidth(460)

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        self.fields[key] = widget
        self.form.addRow(label, widget)
        return widget

    def line(self, key: str, label: str, max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        self.add_field(key, label, edit)
        return edit

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def show_error(self, text: str, key: str = "") -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        widget = self.fields.get(key)
        if widget is not None:
            widget.setFocus()

    def accept(self) -> None:
        try:
            self._validate(self.values())
        except RegisterError as exc:
            self.show_error(exc.message(message_language()), exc.field)
            return
        super().accept()
