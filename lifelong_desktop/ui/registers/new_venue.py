"""A new venue made from the activity dialog: the register's own form and rules, one undoable step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from lifelong_desktop.services import registers
from lifelong_desktop.services.programmes import list_programmes
from lifelong_desktop.services.rows import VenueRow, venue_rows
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.registers import commands
from lifelong_desktop.ui.registers.venue_dialog import VenueDialog


def venue_creator(ctx: AppContext) -> Callable[[str | None, QWidget], VenueRow | None]:
    """What the activity dialog's New venue button calls with the activity's city: the venue form (that city
    chosen, the programme's cities offered), checked by services.registers as on the Venues tab, then saved as
    its own undoable step; the new VenueRow or None. The shell hands it to the Activities view."""

    def validate(values: dict) -> None:
        with ctx.db.read() as session:
            registers.check_venue(session, values, None)

    def create(city_code: str | None, parent: QWidget) -> VenueRow | None:
        with ctx.db.read() as session:
            region_code = next(
                (p.region_code for p in list_programmes(session) if p.id == ctx.programme_id), ""
            )
        dialog = VenueDialog(parent, validate, region_code, city_code=city_code)
        if not ctx.run_dialog(dialog):
            return None
        command = commands.create_venue(ctx, dialog.values())
        problem = commands.run(command)
        if problem:
            QMessageBox.warning(parent, QCoreApplication.translate("ActivityEditing", "Not saved"), problem)
            return None
        venue_id = int(command.change.id)  # type: ignore[union-attr]
        with ctx.db.read() as session:
            return next(v for v in venue_rows(session) if v.id == venue_id)

    return create
