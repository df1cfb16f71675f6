"""A new organisation made from the activity dialog: the register's own form and rules, one undoable step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from lifelong_desktop.services import registers
from lifelong_desktop.services.rows import organisation_rows
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.registers import commands
from lifelong_desktop.ui.registers.made_here import programme_region, save_new
from lifelong_desktop.ui.registers.organisation_dialog import OrganisationDialog


def organisation_creator(ctx: AppContext) -> Callable[[str, QWidget], tuple[int, str] | None]:
    """What the activity dialog's organiser lists call with a typed name: the organisation form (name filled in,
    region choices of the programme), checked by services.registers as on the Organisations tab, then saved as
    its own undoable step; (id, name) or None. The shell hands it to the Activities view."""

    def validate(values: dict) -> None:
        with ctx.db.read() as session:
            registers.check_organisation(session, values, None)

    def create(name: str, parent: QWidget) -> tuple[int, str] | None:
        dialog = OrganisationDialog(parent, validate, programme_region(ctx))
        dialog.name.setText(name)
        org_id = save_new(ctx, parent, dialog, commands.create_organisation)
        if org_id is None:
            return None
        with ctx.db.read() as session:
            made = next(o for o in organisation_rows(session) if o.id == org_id)
        return made.id, made.name

    return create
