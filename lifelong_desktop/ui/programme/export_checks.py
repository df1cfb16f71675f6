"""Before the window exports a workbook: refuse, with the list, what the reader would reject; warn of check errors."""

from __future__ import annotations

from datetime import date
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from lifelong_desktop.models import Programme
from lifelong_desktop.services.checks.runner import run_checks
from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.submission.writing.readiness import ExportRefused, export_blockers
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.language import message_language


class Verdict(Enum):
    EXPORT = "export"  # nothing stops it, or the user chose to export anyway
    SETTINGS = "settings"  # the user wants to fill in the programme settings first
    CHECKS = "checks"  # the user wants to see the check results first
    CANCEL = "cancel"


def blockers(ctx: AppContext) -> ExportRefused | None:
    """What stops the current programme's export (settings, activities lacking required fields), or None."""
    with ctx.db.read() as session:
        p = session.get(Programme, ctx.programme_id)
        return export_blockers(p, activity_rows(session, p.id))


def check_errors(ctx: AppContext) -> int:
    with ctx.db.read() as session:
        findings = run_checks(session, ctx.programme_id, today=date.today())
    return sum(1 for f in findings if f.severity == "error")


def refusal_box(refused: ExportRefused, parent: QWidget | None) -> QMessageBox:
    """The list of what to fill in, with a button to the settings when they are what lacks."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ExportChecks", "Not exported"),
        "",
        parent=parent,
    )
    lang = message_language()
    box.setText(
        QCoreApplication.translate(
            "ExportChecks", "The workbook was not written: the level above would reject it. Fill in first:"
        )
    )
    box.setInformativeText("\n".join(refused.lines(lang)))
    if refused.settings:
        box.addButton(
            QCoreApplication.translate("ExportChecks", "Programme &Settings…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    box.addButton(QMessageBox.StandardButton.Close)
    return box


def check_box(errors: int, parent: QWidget | None) -> QMessageBox:
    """查看检查结果 / 仍然导出 / 取消 when the planning checks found errors."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ExportChecks", "Check errors"),
        "",
        parent=parent,
    )
    box.setText(
        QCoreApplication.translate(
            "ExportChecks", "The planning checks found %n errors in this programme.", "", errors
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ExportChecks", "Review them before sending the workbook up, or export it anyway."
        )
    )
    box.addButton(
        QCoreApplication.translate("ExportChecks", "&View Check Results"), QMessageBox.ButtonRole.RejectRole
    )
    box.addButton(
        QCoreApplication.translate("ExportChecks", "Export &Anyway"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    return box


def verdict(ctx: AppContext, parent: QWidget | None) -> Verdict:
    """Ask what the state of the programme calls for; ctx.run_dialog shows each box (tests answer it)."""
    refused = blockers(ctx)
    if refused is not None:
        box = refusal_box(refused, parent)
        ctx.run_dialog(box)
        chosen = box.clickedButton()
        role = box.buttonRole(chosen) if chosen is not None else QMessageBox.ButtonRole.RejectRole
        return Verdict.SETTINGS if role == QMessageBox.ButtonRole.AcceptRole else Verdict.CANCEL
    errors = check_errors(ctx)
    if not errors:
        return Verdict.EXPORT
    box = check_box(errors, parent)
    ctx.run_dialog(box)
    chosen = box.clickedButton()
    if chosen is None or box.standardButton(chosen) == QMessageBox.StandardButton.Cancel:
        return Verdict.CANCEL
    role = box.buttonRole(chosen)
    return Verdict.EXPORT if role == QMessageBox.ButtonRole.AcceptRole else Verdict.CHECKS
