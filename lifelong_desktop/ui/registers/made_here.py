"""A register entry made from the activity dialog (new_organisation, new_venue): the register's own form, saved
as one undoable step, with what went wrong said in one sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from lifelong_desktop.services.programmes import list_programmes
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.registers import commands
from lifelong_desktop.ui.registers.form import RegisterForm


def programme_region(ctx: AppContext) -> str:
    """The region code of the window's programme (the choices of cities the register forms offer)."""
    with ctx.db.read() as session:
        return next((p.region_code for p in list_programmes(session) if p.id == ctx.programme_id), "")


def save_new(
    ctx: AppContext,
    parent: QWidget,
    dialog: RegisterForm,
    create: Callable[[AppContext, dict[str, Any]], Any],
) -> int | None:
    """Show the register form; save what it holds with `create` (commands.create_organisation or
    create_venue) as one undoable step; the new entry's id, or None (given up, or refused: said)."""
    if not ctx.run_dialog(dialog):
        return None
    command = create(ctx, dialog.values())
    problem = commands.run(command)
    if problem:
        QMessageBox.warning(parent, QCoreApplication.translate("ActivityEditing", "Not saved"), problem)
        return None
    return int(command.change.id)
