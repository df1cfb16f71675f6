"""The shared shape of the register views (organisations, venues): searchable table, edit buttons, detail pane."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.language import message_language
from lifelong_desktop.ui.common.lazy_view import LazyView, notice_label
from lifelong_desktop.ui.common.table_model import RowTableModel
from lifelong_desktop.ui.common.tables import make_table, set_widths
from lifelong_desktop.ui.registers import commands


class RegisterView(LazyView):
    """A register table with search and New/Edit/Delete/Merge on top and the selected entry's details beside it.

    Subclasses set `self.model` (the register) and call `_build`; every sentence stays in the subclass so
    its translations keep their context."""

    model: RowTableModel

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._counts: dict[int, int] = {}
        self._menu_actions: list[tuple[QPushButton, QAction]] = []
        self._region = ""
        self._dialog: QDialog | None = None  # the register dialog open now (one at a time)
        self._on_accept: Callable[[], Any] | None = None

    def _build(
        self,
        detail_model: RowTableModel,
        *,
        labels: Sequence[str],
        slots: Sequence[str],
        search_hint: str,
        merge_tip: str,
        detail_tip: str,
        widths: tuple[int, ...],
        detail_widths: tuple[int, ...],
        sort_column: int = 0,
        filters: Sequence[QWidget] = (),
        selectable_detail: bool = True,
    ) -> QTableView:
        """Lay out the view; `labels` and `slots` (method names) are those of New, Edit, Delete and Merge.
        Returns the detail table."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        buttons = [QPushButton(text) for text in labels]
        self.new_button, self.edit_button, self.delete_button, self.merge_button = buttons
        self.merge_button.setToolTip(merge_tip)
        for button, slot in zip(buttons, slots, strict=True):
            button.clicked.connect(getattr(self, slot))
        self.count_label = QLabel()
        bar = QHBoxLayout()
        for widget in filters:
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        for b in buttons:
            bar.addWidget(b)
        bar.addWidget(self.count_label)

        edit, delete = slots[1], getattr(self, slots[2])
        self.table = self._register_table(buttons, edit, sort_column, widths)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        right, detail_table = self._detail_pane(detail_model, detail_tip, detail_widths, selectable_detail)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.notice = notice_label()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)
        for key, slot in (
            (QKeySequence.StandardKey.Find, self.search.setFocus),
            (QKeySequence.StandardKey.Delete, lambda: self.delete_button.isEnabled() and delete()),
        ):
            sc = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self._sync_menu()
        return detail_table

    def _register_table(
        self, buttons: list[QPushButton], edit: str, sort_column: int, widths: tuple[int, ...]
    ) -> QTableView:
        """The register's table: Enter or a double-click edits, its context menu repeats the buttons."""
        table = make_table(self.model)
        table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
        set_widths(table, widths)
        # Enter or a double-click edits, as the Edit button does (looked up late, as a slot)
        table.activated.connect(lambda _i: self.edit_button.isEnabled() and getattr(self, edit)())
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for button in buttons:
            action = QAction(button.text(), table)
            action.triggered.connect(button.click)
            table.addAction(action)
            self._menu_actions.append((button, action))
        return table

    def _detail_pane(
        self, detail_model: RowTableModel, detail_tip: str, detail_widths: tuple[int, ...], selectable: bool
    ) -> tuple[QWidget, QTableView]:
        """The pane beside the register: the selected entry's details and its activities."""
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        if selectable:
            self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail_table = make_table(detail_model)
        detail_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        set_widths(detail_table, detail_widths)
        detail_table.activated.connect(self._open_activity)
        detail_table.setToolTip(detail_tip)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail)
        rl.addWidget(detail_table, 1)
        return right, detail_table

    # -- selection

    def current(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0]) if rows else None

    def select(self, row_id: int) -> bool:
        row = self.model.row_of(lambda r: r.id == row_id)
        if row < 0:
            return False
        index, chosen = self.model.index(row, 0), self.table.selectionModel()
        # the current index without the view's own selection rules: those read the keyboard's modifiers, and
        # with Ctrl held (or left held by a synthetic key press) they would toggle the row off again
        chosen.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        chosen.select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def _selection_changed(self, *_args: Any) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        raise NotImplementedError

    def _open_activity(self, index: Any) -> None:
        raise NotImplementedError

    def _sync_menu(self) -> None:
        """The context menu as the buttons are; on a read-only database (or for a server role that may not
        change the registers) every button is greyed out."""
        if self.ctx.registers_read_only:
            for button, _action in self._menu_actions:
                button.setEnabled(False)
        for button, action in self._menu_actions:
            action.setEnabled(button.isEnabled())

    # -- edits

    def _reveal(self, row_id: int) -> None:
        """Select the entry a command made or changed (subclasses may clear filters that hide it)."""
        self.select(row_id)

    def _finish(self, command: commands.RegisterCommand, select_id: int | None = None) -> bool:
        problem = commands.run(command)
        self.show_notice(problem)
        if not problem:
            self.refresh()
            target = select_id if select_id is not None else getattr(command.change, "id", None)
            if target is not None:
                self._reveal(target)
        return not problem

    def out_of_reach(self) -> bool:
        """While the database cannot be reached no register form opens: say so in the notice line."""
        if self.ctx.offline is None:
            return False
        offline = self.ctx.offline
        message = getattr(offline, "message", None)
        self.show_notice(message(message_language()) if message else str(offline))
        return True

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _open_dialog(self, dialog: QDialog, on_accept: Callable[[], Any]) -> None:
        """Show a register dialog window-modally, one at a time; `on_accept` runs once it has closed confirmed.

        The view holds the dialog until its `finished` has been handled: the edit runs after the dialog is
        closed (never inside its own accept()), the connection is dropped and only then is the dialog deleted,
        on the next turn of the event loop. A New… pressed while one is still open brings that one forward."""
        if self._dialog is not None:
            dialog.deleteLater()
            self._dialog.raise_()
            self._dialog.activateWindow()
            return
        self._dialog, self._on_accept = dialog, on_accept
        dialog.finished.connect(self._dialog_finished)
        dialog.open()

    def _dialog_finished(self, result: int) -> None:
        dialog, on_accept = self._dialog, self._on_accept
        self._dialog = self._on_accept = None
        if dialog is None:
            return
        dialog.finished.disconnect(self._dialog_finished)
        try:
            if result == QDialog.DialogCode.Accepted and on_accept is not None:
                on_accept()
        finally:
            dialog.deleteLater()
