"""Merging two register entries that are the same body: pick the one to keep and the one merged into it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def _searchable(entries: list[tuple[int, str]]) -> QComboBox:
    combo = QComboBox()
    for entry_id, label in entries:
        combo.addItem(label, entry_id)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


class MergeDialog(QDialog):
    """Two searchable lists (keep, merge into it) and a sentence saying what the merge will do."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        entries: list[tuple[int, str]],
        preview: Callable[[int, int], str],
        keep_id: int | None = None,
        drop_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._preview = preview
        self.keep = _searchable(entries)
        self.drop = _searchable(entries)
        if keep_id is not None:
            self.keep.setCurrentIndex(max(0, self.keep.findData(keep_id)))
        if drop_id is not None:
            self.drop.setCurrentIndex(max(0, self.drop.findData(drop_id)))
        elif self.drop.count() > 1 and self.drop.currentIndex() == self.keep.currentIndex():
            self.drop.setCurrentIndex(1 if self.keep.currentIndex() == 0 else 0)
        swap = QPushButton(self.tr("Swap"))
        swap.setToolTip(self.tr("Keep the other one instead"))
        swap.clicked.connect(self.swap)
        form = QFormLayout()
        form.addRow(self.tr("Keep"), self.keep)
        form.addRow(self.tr("Merge into it and remove"), self.drop)
        form.addRow("", swap)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(self.fontMetrics().height() * 3)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.keep.currentIndexChanged.connect(self._update)
        self.drop.currentIndexChanged.connect(self._update)
        self.setMinimumWidth(520)
        self._update()

    def ids(self) -> tuple[int | None, int | None]:
        return self.keep.currentData(), self.drop.currentData()

    def swap(self) -> None:
        k, d = self.keep.currentIndex(), self.drop.currentIndex()
        self.keep.setCurrentIndex(d)
        self.drop.setCurrentIndex(k)

    def _update(self) -> None:
        keep, drop = self.ids()
        ok = keep is not None and drop is not None and keep != drop
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.summary.setText(self._preview(keep, drop) if ok else self.tr("Choose two different entries."))
