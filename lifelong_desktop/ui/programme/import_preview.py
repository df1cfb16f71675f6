"""Importing a workbook: a preview of new / updated / unchanged / missing activities with the findings,
then Apply (one undoable edit) or Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.db import DatabaseProblem
from lifelong_desktop.submission.importing.plan import ROW_OUTCOMES
from lifelong_desktop.ui.common import busy
from lifelong_desktop.ui.common.language import message_language
from lifelong_desktop.ui.common.window import Shell
from lifelong_desktop.ui.common.wrapped_rows import wrap_rows
from lifelong_desktop.ui.help.guide import help_key
from lifelong_desktop.ui.programme.import_rows import (
    COL_CITY,
    COL_DATE,
    COL_DETAIL,
    COL_OUTCOME,
    COL_ROW,
    COL_TITLE,
    ImportRowsModel,
    outcome_word,
)

COL_SEVERITY, COL_WHERE, COL_MESSAGE = range(3)
FindingRole = Qt.ItemDataRole.UserRole + 1


class FindingsModel(QAbstractTableModel):
    """Findings (errors first), each with where it is and what to change, in the window's language."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple = ()
        self._texts: tuple[str, ...] = ()
        self._headers = [self.tr("Severity"), self.tr("Where"), self.tr("What to change")]

    def set_rows(self, findings) -> None:
        self.beginResetModel()
        self._rows = tuple(sorted(findings, key=lambda f: f.severity != "error"))
        lang = message_language()
        self._texts = tuple(f.message(lang) for f in self._rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 3
        ):
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        f = self._rows[index.row()]
        if role == FindingRole:
            return f
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_SEVERITY:
            return QBrush(QColor("#b00020" if f.severity == "error" else "#8a5a00"))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == COL_SEVERITY:
                return self.tr("Error") if f.severity == "error" else self.tr("Warning")
            if index.column() == COL_WHERE:
                return f.where()
            return self._texts[index.row()]
        return None


class ImportPreviewDialog(QDialog):
    """Shows the plan row by row, and the findings that belong to no row; Apply only without errors."""

    def __init__(self, plan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import “%1”").replace("%1", file_name))
        self.plan = plan
        self.rows = ImportRowsModel(plan, self)
        self.summary = QLabel(self._summary_text(), self)
        self.summary.setWordWrap(True)
        errors = sum(1 for f in plan.findings if f.severity == "error")
        self.verdict = QLabel(
            self.tr("The workbook has %n errors: correct them in the file and import it again.", "", errors)
            if errors
            else self.tr("Nothing is changed until you choose Apply; Ctrl+Z undoes the import."),
            self,
        )
        self.verdict.setWordWrap(True)
        if errors:
            self.verdict.setStyleSheet("color: #b00020;")
        self.show_only = self._outcome_filter()
        self.rows_table = self._rows_table()
        self.row_detail = QLabel(
            self
        )  # the selected row's changes or problems in full (the cell shows one line)
        self.row_detail.setWordWrap(True)
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows_table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.rows.modelReset.connect(lambda: self.rows_table.selectRow(0))
        self.rows_table.selectRow(0)
        attached = {id(f) for row in self.rows.all_rows() for f in row.findings}
        others = [f for f in plan.findings if id(f) not in attached and f.code != "missing_in_resubmission"]
        self.model = FindingsModel(self)
        self.model.set_rows(others)
        self.table = self._findings_table(bool(others))
        missing = self.rows.counts().get("missing", 0)
        self.prune = QCheckBox(
            self.tr("&Delete the %n activities missing from the workbook", "", missing), self
        )
        self.prune.setVisible(missing > 0)
        self.prune.toggled.connect(self.rows.set_prune)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("&Apply"))  # Alt+A: Qt's own has no key to press
        self.apply_button.setEnabled(plan.ok and plan.kind != "same")
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        help_key(self, "returns")

    def _summary_text(self) -> str:
        counts, plan = self.rows.counts(), self.plan
        if not plan.ok:
            total = sum(n for k, n in counts.items() if k != "missing")
            return (
                self.tr("%1 activity rows in the workbook: %2 without problems, %3 with errors.")
                .replace("%1", str(total))
                .replace("%2", str(total - counts.get("error", 0)))
                .replace("%3", str(counts.get("error", 0)))
                if total
                else ""
            )
        kinds = {
            "new_programme": self.tr("a new programme"),
            "own": self.tr("this programme's own workbook"),
            "return": self.tr("a return from a lower level"),
            "same": self.tr("a workbook already imported"),
        }
        c = plan.counts
        summary = (
            self.tr("New: %1   Updated: %2   Unchanged: %3   Missing from the workbook: %4")
            .replace("%1", str(c["new"]))
            .replace("%2", str(c["updated"]))
            .replace("%3", str(c["unchanged"]))
            .replace("%4", str(c["missing"]))
        )
        what = kinds.get(plan.kind, "")
        return (self.tr("This is %1.").replace("%1", what) + "\n" if what else "") + summary

    def _outcome_filter(self) -> QComboBox:
        combo = QComboBox(self)
        counts = self.rows.counts()
        combo.addItem(self.tr("All rows (%1)").replace("%1", str(self.rows.rowCount())), "")
        for outcome in ROW_OUTCOMES:
            if counts.get(outcome):
                combo.addItem(f"{outcome_word(outcome)} ({counts[outcome]})", outcome)
        combo.setAccessibleName(self.tr("Rows shown"))
        combo.currentIndexChanged.connect(lambda _i: self.rows.show_only(combo.currentData()))
        if counts.get("error"):  # errors first: they are what must be corrected
            combo.setCurrentIndex(combo.findData("error"))
        return combo

    def _rows_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.rows)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the next control (Apply among them)
        table.setAccessibleName(self.tr("Activity rows"))
        table.horizontalHeader().setSortIndicator(COL_ROW, Qt.SortOrder.AscendingOrder)  # as in the sheet
        table.setSortingEnabled(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no measuring 20,000 rows
        header = table.horizontalHeader()
        header.setSortIndicatorShown(False)
        for col, width in (
            (COL_ROW, 56),
            (COL_OUTCOME, 110),
            (COL_TITLE, 260),
            (COL_DATE, 92),
            (COL_CITY, 80),
        ):
            table.setColumnWidth(col, width)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        return table

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.rows.row_at(current) if current.isValid() else None
        self.row_detail.setText(self.rows.detail(row) if row is not None else "")

    def _findings_table(self, visible: bool) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setTabKeyNavigation(False)
        table.setAccessibleName(self.tr("Findings"))
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for col in (COL_SEVERITY, COL_WHERE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        wrap_rows(table)  # what to change is a sentence: shown whole, not cut at the column's edge
        table.setVisible(visible)
        return table

    def _lay_out(self) -> None:
        show = QLabel(self.tr("&Show:"), self)
        show.setBuddy(self.show_only)
        bar = QHBoxLayout()
        bar.addWidget(show)
        bar.addWidget(self.show_only)
        bar.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.rows_table)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        for w in (self.summary, self.verdict):
            layout.addWidget(w)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.row_detail)
        layout.addWidget(self.prune)
        layout.addWidget(self.buttons)
        self.resize(1000, 620)


def run_import(window: Shell, path: Path) -> bool:
    """Plan (read only), preview, and on Apply import as one undoable edit; True when applied."""
    from lifelong_desktop.submission.importing.importer import apply_import
    from lifelong_desktop.ui.programme.import_command import ImportWorkbook

    ctx, view = window.ctx, window.activities
    year = None
    plan = _plan(window, path)
    if plan is None:
        return False
    dialog = ImportPreviewDialog(plan, path.name, window)
    if not ctx.run_dialog(dialog):
        return False
    prune = dialog.prune.isChecked()
    command = ImportWorkbook(
        ctx, path.name, lambda db: apply_import(db, plan.result, year=year, prune=prune, file_name=path.name)
    )
    try:
        with busy.importing(window, path.name):
            command.execute()
    except DatabaseProblem as exc:
        view.inform(
            QCoreApplication.translate("ImportPreviewDialog", "Not done"),
            exc.message(message_language()),
        )
        return False
    outcome = command.outcome
    if not outcome.applied:
        errors = [f.message(message_language()) for f in outcome.findings if f.severity == "error"]
        view.inform(
            QCoreApplication.translate("ImportPreviewDialog", "Not done"),
            errors[0]
            if errors
            else QCoreApplication.translate("ImportPreviewDialog", "The workbook was not imported."),
        )
        return False
    if command.programme_after != ctx.programme_id:
        ctx.programme_id = command.programme_after  # a new programme: show it, keeping the undo history
        ctx.programme_changed.emit(command.programme_after)
    done = dialog.summary.text().splitlines()[-1]
    undone = QCoreApplication.translate("ImportPreviewDialog", "Import of “%1” undone.").replace(
        "%1", path.name
    )
    command.announce = lambda undone_now: window.statusBar().showMessage(undone if undone_now else done, 8000)
    window.statusBar().showMessage(done, 8000)
    return True


def _plan(window: Shell, path: Path):
    """The import plan of a workbook (read only), or None after one sentence saying why there is none."""
    from lifelong_desktop.submission.importing.importer import plan_import

    ctx, view = window.ctx, window.activities
    if not path.is_file():  # gone since it was chosen, or a mistyped name: not "not an Excel workbook"
        view.inform(
            QCoreApplication.translate("ImportPreviewDialog", "Not done"),
            QCoreApplication.translate(
                "ImportPreviewDialog",
                "The file “%1” was not found; it may have been moved, renamed or deleted.",
            ).replace("%1", str(path)),
        )
        return None
    try:
        with busy.reading(window, path.name), ctx.db.read() as session:
            return plan_import(session, path, year=None, file_name=path.name)
    except DatabaseProblem as exc:
        view.inform(
            QCoreApplication.translate("ImportPreviewDialog", "Not done"),
            exc.message(message_language()),
        )
        return None
    except OSError as exc:
        view.inform(
            QCoreApplication.translate("ImportPreviewDialog", "Not done"),
            QCoreApplication.translate("ImportPreviewDialog", "The file “%1” could not be read: %2")
            .replace("%1", path.name)
            .replace("%2", exc.strerror or str(exc)),
        )
        return None
