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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.registers import RegisterError
from lifelong_desktop.ui.common.language import message_language


def region_combo(codes: list[str], blank: str) -> QComboBox:
    """An editable, searchable combo of regions (`code name`), data = code.

    The first entry is empty (data None) and `blank` ((not given)) is only the field's placeholder, never text
    that could be typed after or stored. The lists are as wide as their longest entry (never "3…区")."""
    reg = regions()
    combo = QComboBox()
    combo.addItem("", None)
    for code in codes:
        combo.addItem(f"{code} {reg.full_name(code)}", code)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.lineEdit().setPlaceholderText(blank)
    combo.setMinimumContentsLength(16)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # the row's whole width
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    widen_lists(combo)
    return combo


def widen_lists(combo: QComboBox) -> None:
    """The drop-down list and the completer's list at least as wide as the longest entry."""
    fm = combo.fontMetrics()
    widest = max((fm.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0) + 48
    combo.view().setMinimumWidth(widest)
    combo.completer().popup().setMinimumWidth(widest)


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
        self.elsewhere = QLabel()  # another planner saved or deleted this entry meanwhile
        self.elsewhere.setObjectName("changedElsewhere")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setStyleSheet("QLabel { background: #fff4ce; color: #5c4400; padding: 4px 8px; }")
        self.elsewhere.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.elsewhere)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}
        self.setMinimumWidth(460)

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """A row whose label's &-letter (Alt+letter) moves to the field."""
        self.fields[key] = widget
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", "").rstrip(" *"))
        return widget

    def setWindowTitle(self, title: str) -> None:
        """The title whole: the dialog is at least as wide as its title needs."""
        super().setWindowTitle(title)
        self.setMinimumWidth(max(460, self.fontMetrics().horizontalAdvance(title) + 160))

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
