"""Importing a workbook: a preview of new / updated / unchanged / missing activities with the findings,
then Apply (one undoable edit) or Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.db import DatabaseProblem
from lifelong_desktop.ui.common.language import message_language
from lifelong_desktop.ui.common.window import Shell
from lifelong_desktop.ui.common.wrapped_rows import wrap_rows

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
    """Shows the plan; Apply is enabled only when the workbook has no error."""

    def __init__(self, plan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import “%1”").replace("%1", file_name))
        self.plan = plan
        c = plan.counts
        kinds = {
            "new_programme": self.tr("a new programme"),
            "own": self.tr("this programme's own workbook"),
            "return": self.tr("a return from a lower level"),
            "same": self.tr("a workbook already imported"),
        }
        summary = (
            self.tr("New: %1   Updated: %2   Unchanged: %3   Missing from the workbook: %4")
            .replace("%1", str(c["new"]))
            .replace("%2", str(c["updated"]))
            .replace("%3", str(c["unchanged"]))
            .replace("%4", str(c["missing"]))
        )
        what = kinds.get(plan.kind, "")
        self.summary = QLabel(
            (self.tr("This is %1.").replace("%1", what) + "\n" if what else "") + summary, self
        )
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
        self.model = FindingsModel(self)
        self.model.set_rows(plan.findings)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Findings"))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in (COL_SEVERITY, COL_WHERE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        wrap_rows(self.table)  # what to change is a sentence: shown whole, not cut at the column's edge
        self.table.setVisible(bool(plan.findings))
        self.prune = QCheckBox(
            self.tr("&Delete the %n activities missing from the workbook", "", c["missing"]), self
        )
        self.prune.setVisible(c["missing"] > 0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(plan.ok and plan.kind != "same")
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.summary, self.verdict, self.table, self.prune, self.buttons):
            layout.addWidget(w)
        self.resize(760, 440 if plan.findings else 200)


def run_import(window: Shell, path: Path) -> bool:
    """Plan (read only), preview, and on Apply import as one undoable edit; True when applied."""
    from lifelong_desktop.submission.importing.importer import apply_import, plan_import
    from lifelong_desktop.ui.programme.import_command import ImportWorkbook

    ctx, view = window.ctx, window.activities
    year = None
    if not path.is_file():  # gone since it was chosen, or a mistyped name: not "not an Excel workbook"
        view.inform(
            QCoreApplication.translate("ImportPreviewDialog", "Not done"),
            QCoreApplication.translate(
                "ImportPreviewDialog",
                "The file “%1” was not found; it may have been moved, renamed or deleted.",
            ).replace("%1", str(path)),
        )
        return False
    try:
        with ctx.db.read() as session:
            plan = plan_import(session, path, year=year, file_name=path.name)
    except DatabaseProblem as exc:
        view.inform(
            QCoreApplication.translate("ImportPreviewDialog", "Not done"),
            exc.message(message_language()),
        )
        return False
    except OSError as exc:
        view.inform(
            QCoreApplication.translate("ImportPreviewDialog", "Not done"),
            QCoreApplication.translate("ImportPreviewDialog", "The file “%1” could not be read: %2")
            .replace("%1", path.name)
            .replace("%2", exc.strerror or str(exc)),
        )
        return False
    dialog = ImportPreviewDialog(plan, path.name, window)
    if not ctx.run_dialog(dialog):
        return False
    prune = dialog.prune.isChecked()
    command = ImportWorkbook(
        ctx, path.name, lambda db: apply_import(db, plan.result, year=year, prune=prune, file_name=path.name)
    )
    try:
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
    window.statusBar().showMessage(dialog.summary.text().splitlines()[-1], 8000)
    return True
