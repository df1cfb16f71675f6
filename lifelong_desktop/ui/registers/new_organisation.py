"""A new organisation made from the activity dialog: the register's own form and rules, one undoable step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from lifelong_desktop.services import registers
from lifelong_desktop.services.programmes import list_programmes
from lifelong_desktop.services.rows import organisation_rows
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.registers import commands
from lifelong_desktop.ui.registers.organisation_dialog import OrganisationDialog


def organisation_creator(ctx: AppContext) -> Callable[[str, QWidget], tuple[int, str] | None]:
    """What the activity dialog's organiser lists call with a typed name: the organisation form (name filled in,
    region choices of the programme), checked by services.registers as on the Organisations tab, then saved as
    its own undoable step; (id, name) or None. The shell hands it to the Activities view."""

    def validate(values: dict) -> None:
        with ctx.db.read() as session:
            registers.check_organisation(session, values, None)

    def create(name: str, parent: QWidget) -> tuple[int, str] | None:
        with ctx.db.read() as session:
            region_code = next(
                (p.region_code for p in list_programmes(session) if p.id == ctx.programme_id), ""
            )
        dialog = OrganisationDialog(parent, validate, region_code)
        dialog.name.setText(name)
        if not ctx.run_dialog(dialog):
            return None
        command = commands.create_organisation(ctx, dialog.values())
        problem = commands.run(command)
        if problem:
            QMessageBox.warning(parent, QCoreApplication.translate("ActivityEditing", "Not saved"), problem)
            return None
        org_id = int(command.change.id)  # type: ignore[union-attr]
        with ctx.db.read() as session:
            made = next(o for o in organisation_rows(session) if o.id == org_id)
        return made.id, made.name

    return create
