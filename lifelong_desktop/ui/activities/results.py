"""Results entry after the week: a mode of the Activities table where status, on-site and online 人次 and
the result note are edited in place, row after row by keyboard, each edit one undoable, audited command.

Enter saves and goes down to the same field of the next row; Tab and Shift+Tab save and go to the next or
previous field (on to the next row after the note), as in a spreadsheet; Esc leaves the cell as it was.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from lifelong_desktop.services.planning import ActivityInput
from lifelong_desktop.services.planning.inputs import RESULT_NOTE_LENGTH
from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.ui.activities import table_model as tm
from lifelong_desktop.ui.activities.commands import EditActivity
from lifelong_desktop.ui.common import codes
from lifelong_desktop.ui.common.context import AppContext

#: the columns the results mode shows, in the table's order; the others are hidden meanwhile
SHOWN = (tm.COL_DATE, tm.COL_TITLE, tm.COL_CITY, *tm.RESULT_COLUMNS)
#: the columns hidden outside the results mode (the plan's columns show status already)
RESULT_ONLY = (tm.COL_ACTUAL, tm.COL_ONLINE, tm.COL_NOTE)
_COUNT_TEXT = re.compile(r"[0-9,，\s]{0,12}")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def parse_count(text: str) -> int | None:
    """A count as typed ("1,200", " 35 "); blank means not given."""
    digits = re.sub(r"[,，\s]", "", text)
    return int(digits) if digits else None


class ResultEdit(EditActivity):
    """One result cell saved: the activity's values with that one field changed, over the version shown."""

    def __init__(self, ctx: AppContext, row: ActivityRow, field: str, value: Any) -> None:
        super().__init__(ctx, row.id, ActivityInput.from_row(row).replace(**{field: value}), row.version)
        self.setText(QCoreApplication.translate("UndoCommands", "Result of “%1”").replace("%1", row.title))


class ResultDelegate(QStyledItemDelegate):
    """Editors of the result cells; Enter, Tab and Shift+Tab are handed to the mode, which saves and moves."""

    def __init__(self, mode: ResultsMode) -> None:
        super().__init__(mode.view.table)
        self.mode = mode

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        col = index.column()
        if col == tm.COL_STATUS:
            combo = QComboBox(parent)
            for key, text in codes.items("status"):
                combo.addItem(text, key)
            combo.setAccessibleName(QCoreApplication.translate("ResultsMode", "Status"))
            return combo
        edit = QLineEdit(parent)
        if col == tm.COL_NOTE:
            edit.setMaxLength(RESULT_NOTE_LENGTH)
            edit.setAccessibleName(QCoreApplication.translate("ResultsMode", "Result note"))
        else:
            edit.setValidator(QRegularExpressionValidator(_COUNT_TEXT.pattern, edit))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setAccessibleName(
                QCoreApplication.translate("ResultsMode", "On-site participants")
                if col == tm.COL_ACTUAL
                else QCoreApplication.translate("ResultsMode", "Online participants")
            )
        return edit

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            text = editor.text()
            value = text.strip() if index.column() == tm.COL_NOTE else parse_count(text)
            model.setData(index, value, Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QWidget):
            key = event.key()  # type: ignore[attr-defined]
            popup = isinstance(editor, QComboBox) and editor.view().isVisible()
            if key in _ENTER and not popup:
                self.mode.leave_editor(editor, self, down=1)
                return True
            if key == Qt.Key.Key_Tab:
                self.mode.leave_editor(editor, self, across=1)
                return True
            if key == Qt.Key.Key_Backtab:
                self.mode.leave_editor(editor, self, across=-1)
                return True
        return super().eventFilter(editor, event)


class ResultsMode(QObject):
    """Switches the Activities view into results entry and back; owns the saving and the moving."""

    def __init__(self, view: Any) -> None:  # the ActivitiesView
        super().__init__(view)
        self.view = view
        self.table: QAbstractItemView = view.table
        self.active = False
        self.delegate = ResultDelegate(self)
        self._plain_delegate = self.table.itemDelegate()
        self._saves: list[tuple[int, str, Any]] = []
        self._target: tuple[int, int] | None = None
        self._flushing = False
        self.apply_columns()

    # ---------------------------------------------------------------- switching

    def set_active(self, on: bool) -> None:
        """Show the result columns editable in place (on) or the plan's columns (off)."""
        if on == self.active:
            return
        self.active = on
        t = self.table
        keep = self.view.selected_ids()
        if t.state() == QAbstractItemView.State.EditingState:
            t.setCurrentIndex(t.currentIndex())  # closes an open editor, keeping what was typed
        model = self.view.model
        model.beginResetModel()  # the flags change: views ask again
        model.result_edited = self.edited if on else None
        model.endResetModel()
        t.setItemDelegate(self.delegate if on else self._plain_delegate)
        t.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectItems
            if on
            else QAbstractItemView.SelectionBehavior.SelectRows
        )
        t.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            if on
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        t.setTabKeyNavigation(on)
        self.apply_columns()
        self.view.setProperty("help_section", "after" if on else "")  # F1: the guide's 活动周之后
        if keep:
            self.view.select_ids(keep)  # whole rows again, as the plan's commands need
        if on and model.rowCount():
            row = max(t.currentIndex().row(), 0)
            t.setCurrentIndex(model.index(row, tm.COL_STATUS))
        t.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def apply_columns(self) -> None:
        """Hide what the mode does not show (every column is set, so a saved header state cannot mix)."""
        for col in range(tm.COLUMN_COUNT):
            hidden = col not in SHOWN if self.active else col in RESULT_ONLY
            self.table.setColumnHidden(col, hidden)
        if self.active:
            header = self.table.horizontalHeader()
            for col, width in ((tm.COL_ACTUAL, 90), (tm.COL_ONLINE, 90), (tm.COL_NOTE, 320)):
                if header.sectionSize(col) < width:  # hidden until now: Qt's default width is too narrow
                    header.resizeSection(col, width)

    def activate(self, index: QModelIndex) -> bool:
        """Enter or a double click on a result cell edits it in place (True); elsewhere the form opens."""
        if not (self.active and index.isValid() and index.column() in tm.RESULT_FIELDS):
            return False
        self.table.edit(index)
        return True

    # ---------------------------------------------------------------- saving

    def edited(self, row: ActivityRow, field: str, value: Any) -> bool:
        """From the model: queue the save (the model is reset by it, so never while Qt is inside setData)."""
        self._saves.append((row.id, field, value))
        QTimer.singleShot(0, self.flush)
        return True

    def flush(self) -> None:
        """Save the queued cells, one undoable command each, then go where Enter or Tab asked."""
        if self._flushing:
            return
        self._flushing = True
        try:
            while self._saves:
                activity_id, field, value = self._saves.pop(0)
                at = self.view.model.row_of_id(activity_id)
                if at is None:
                    continue
                row = self.view.model.row_at(at)
                if getattr(row, field) != value and not self.view.editing.execute(
                    ResultEdit(self.view.ctx, row, field, value)
                ):
                    self._target = None  # not saved: the sentence was shown; stay on the data as it is
        finally:
            self._flushing = False
        self._go()

    # ---------------------------------------------------------------- moving

    def leave_editor(
        self, editor: QWidget, delegate: QAbstractItemDelegate, *, down: int = 0, across: int = 0
    ) -> None:
        """Keep what the editor holds and go down a row (Enter) or to the next or previous field (Tab)."""
        current = self.table.currentIndex()
        self._target = self.next_cell(current.row(), current.column(), down=down, across=across)
        delegate.commitData.emit(editor)
        delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        QTimer.singleShot(0, self.flush)

    def next_cell(self, row: int, col: int, *, down: int = 0, across: int = 0) -> tuple[int, int] | None:
        """(activity id, column) of the cell to edit next, or None past the last row."""
        fields = list(tm.RESULT_COLUMNS)
        model = self.view.model
        if across and col in fields:
            i = fields.index(col) + across
            if 0 <= i < len(fields):
                col = fields[i]
            else:
                row, col = row + across, fields[0] if across > 0 else fields[-1]
        else:
            row += down
        if not 0 <= row < model.rowCount():
            return None
        return model.row_at(row).id, col

    def _go(self) -> None:
        target, self._target = self._target, None
        if target is None or not self.active:
            return
        row = self.view.model.row_of_id(target[0])
        if row is None:
            return
        index = self.view.model.index(row, target[1])
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.edit(index)
