"""A new venue made from the activity dialog: the register's own form and rules, one undoable step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from lifelong_desktop.services import registers
from lifelong_desktop.services.rows import VenueRow, venue_rows
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.registers import commands
from lifelong_desktop.ui.registers.made_here import programme_region, save_new
from lifelong_desktop.ui.registers.venue_dialog import VenueDialog


def venue_creator(ctx: AppContext) -> Callable[[str | None, QWidget], VenueRow | None]:
    """What the activity dialog's New venue button calls with the activity's city: the venue form (that city
    chosen, the programme's cities offered), checked by services.registers as on the Venues tab, then saved as
    its own undoable step; the new VenueRow or None. The shell hands it to the Activities view."""

    def validate(values: dict) -> None:
        with ctx.db.read() as session:
            registers.check_venue(session, values, None)

    def create(city_code: str | None, parent: QWidget) -> VenueRow | None:
        dialog = VenueDialog(parent, validate, programme_region(ctx), city_code=city_code)
        venue_id = save_new(ctx, parent, dialog, commands.create_venue)
        if venue_id is None:
            return None
        with ctx.db.read() as session:
            return next(v for v in venue_rows(session) if v.id == venue_id)

    return create
