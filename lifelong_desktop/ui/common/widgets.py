"""Small widget helpers the editing dialogs share: code combos, optional counts, OK/Cancel buttons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QSpinBox, QWidget

from lifelong_desktop.ui.common import codes


def code_combo(code_list: str, parent: QWidget, *, blank: bool = True, blank_text: str = "") -> QComboBox:
    """A combo of a code list's words (data: the key), with an empty first choice unless blank is False."""
    combo = QComboBox(parent)
    if blank:
        combo.addItem(blank_text or QCoreApplication.translate("EditorWidgets", "(choose)"), None)
    for key, text in codes.items(code_list):
        combo.addItem(text, key)
    return combo


def set_combo_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else (0 if combo.count() else -1))


def count_spin(parent: QWidget) -> QSpinBox:
    """A participant count where the lowest value means 'not given'."""
    spin = QSpinBox(parent)
    spin.setRange(-1, 10_000_000)
    spin.setSpecialValueText(QCoreApplication.translate("EditorWidgets", "not given"))
    spin.setGroupSeparatorShown(True)
    spin.setValue(-1)
    return spin


def spin_value(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """An OK/Cancel button box wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
