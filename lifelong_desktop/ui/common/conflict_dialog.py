"""The dialog shown when a save lost a race: who changed the record and when, each field's values on both
sides, and the choice of keeping theirs, keeping mine, or merging field by field."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.merge_fields import Conflict
from lifelong_desktop.ui.common.field_names import field_label, show_value
from lifelong_desktop.ui.common.language import joined

THEIRS, MINE, MERGE = "theirs", "mine", "merge"


def who_and_when(conflict: Conflict) -> str:
    """“李四 (2026-12-07 09:41)”: who saved the record meanwhile and when they last did."""
    last = conflict.last
    if last is None:
        return QCoreApplication.translate("ConflictDialog", "another window or program")
    who = joined(conflict.who) or QCoreApplication.translate("ConflictDialog", "another window or program")
    return f"{who}（{last.at:%Y-%m-%d %H:%M}）" if last.at else who


def changed_sentence(conflict: Conflict, record: str) -> str:
    """One sentence: which record was changed by whom and when, and that nothing was saved yet."""
    return (
        QCoreApplication.translate(
            "ConflictDialog",
            "“%1” was changed by %2 after you opened it. Your changes are not saved yet: choose what to keep.",
        )
        .replace("%1", record)
        .replace("%2", who_and_when(conflict))
    )


def deleted_sentence(conflict: Conflict, record: str) -> str:
    """One sentence: the record was deleted by whom and when; the form's values are kept."""
    return (
        QCoreApplication.translate(
            "ConflictDialog", "“%1” was deleted by %2 while you were editing it. What you typed is kept."
        )
        .replace("%1", record)
        .replace("%2", who_and_when(conflict))
    )


class ConflictDialog(QDialog):
    """Keep theirs, keep mine, or merge: `choice` says which, `picks()` the side of each field both changed."""

    def __init__(
        self,
        conflict: Conflict,
        record: str,
        names: Mapping[tuple[str, int], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert conflict.merge is not None, "a deleted record has no fields to compare"
        self.conflict, self.merge, self.names = conflict, conflict.merge, names or {}
        self.choice = ""
        self.setWindowTitle(QCoreApplication.translate("ConflictDialog", "Changed by someone else"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(720)
        heading = QLabel(changed_sentence(conflict, record), self)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setObjectName("conflictHeading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self._table())
        self.pickers: dict[str, QComboBox] = {}
        if self.merge.both:
            layout.addWidget(
                QLabel(
                    QCoreApplication.translate(
                        "ConflictDialog", "Both of you changed these fields; for a merge, keep which?"
                    ),
                    self,
                )
            )
            form = QFormLayout()
            for name in self.merge.both:
                combo = QComboBox(self)
                combo.addItem(
                    QCoreApplication.translate("ConflictDialog", "Theirs: %1").replace(
                        "%1", self._show(name, self.merge.theirs)
                    ),
                    THEIRS,
                )
                combo.addItem(
                    QCoreApplication.translate("ConflictDialog", "Mine: %1").replace(
                        "%1", self._show(name, self.merge.mine)
                    ),
                    MINE,
                )
                combo.setAccessibleName(field_label(name))
                self.pickers[name] = combo
                form.addRow(field_label(name) + "：", combo)
            layout.addLayout(form)
        layout.addWidget(self._buttons())
        first = next(iter(self.pickers.values()), None)
        (first or self.merge_button).setFocus()  # the keyboard starts at the first choice to make

    def _show(self, name: str, values: Mapping[str, object]) -> str:
        return show_value(name, values.get(name), self.names)

    def _table(self) -> QTableWidget:
        m = self.merge
        rows = [*m.both, *m.mine_only, *m.theirs_only, *m.same]
        outcome = {n: QCoreApplication.translate("ConflictDialog", "you choose") for n in m.both}
        outcome |= {n: QCoreApplication.translate("ConflictDialog", "mine") for n in m.mine_only} | {
            n: QCoreApplication.translate("ConflictDialog", "theirs") for n in m.theirs_only
        }
        outcome |= {n: QCoreApplication.translate("ConflictDialog", "the same") for n in m.same}
        headers = [
            QCoreApplication.translate("ConflictDialog", "Field"),
            QCoreApplication.translate("ConflictDialog", "When you opened it"),
            QCoreApplication.translate("ConflictDialog", "Mine"),
            QCoreApplication.translate("ConflictDialog", "Theirs"),
            QCoreApplication.translate("ConflictDialog", "Merge takes"),
        ]
        table = QTableWidget(len(rows), len(headers), self)
        table.setObjectName("conflictFields")
        table.setAccessibleName(QCoreApplication.translate("ConflictDialog", "Fields changed"))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, len(headers) - 1):  # the field's name and the outcome take what they need
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for r, name in enumerate(rows):
            cells = [
                field_label(name),
                self._show(name, m.base),
                self._show(name, m.mine),
                self._show(name, m.theirs),
                outcome[name],
            ]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(r, c, item)
        return table

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(self)
        self.merge_button = QPushButton(
            QCoreApplication.translate("ConflictDialog", "&Merge Field by Field"), self
        )
        self.mine_button = QPushButton(QCoreApplication.translate("ConflictDialog", "Keep &Mine"), self)
        self.theirs_button = QPushButton(QCoreApplication.translate("ConflictDialog", "Keep &Theirs"), self)
        for button, choice in (
            (self.merge_button, MERGE),
            (self.mine_button, MINE),
            (self.theirs_button, THEIRS),
        ):
            box.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda _c=False, ch=choice: self._choose(ch))
        self.merge_button.setDefault(True)
        return box

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        """Esc or the close box: nothing is overwritten, the form comes back with what was typed."""
        self.choice = ""
        super().reject()

    def picks(self) -> dict[str, str]:
        """The side picked for each field both changed ("mine" or "theirs")."""
        return {name: combo.currentData() for name, combo in self.pickers.items()}

    def values(self) -> dict[str, object]:
        """The values to save for the choice made: mine, the merge with the picks (theirs means nothing to save)."""
        if self.choice == MINE:
            return dict(self.merge.mine)
        if self.choice == MERGE:
            return self.merge.resolved(self.picks())
        return dict(self.merge.theirs)
