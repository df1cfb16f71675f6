"""Undo commands of the registers: one QUndoCommand per user edit, each a one-line call of services.registers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from sqlalchemy.orm import Session

from lifelong_desktop.services import registers
from lifelong_desktop.services.registers import Change
from lifelong_desktop.ui.context import AppContext
from lifelong_desktop.ui.undo.base import DbCommand


def message_language() -> str:
    """The language of domain sentences (messages.render) matching the window's locale."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh"


class RegisterCommand(DbCommand):
    """Runs one registers call in its own transaction; undo and redo use the change record it returned."""

    def __init__(self, ctx: AppContext, text: str, first: Callable[[Session], Change], kinds: tuple[str, ...]) -> None:
        super().__init__(ctx, text)
        self._call = first
        self.kinds = kinds
        self.change: Change | None = None

    def do(self, session: Session) -> None:
        self.change = self._call(session)

    def undo_in(self, session: Session) -> None:
        assert self.change is not None
        registers.undo_change(session, self.change)

    def redo_in(self, session: Session) -> None:
        assert self.change is not None
        self.change = registers.redo_change(session, self.change)


ORGS = ("organisations",)
ORGS_AND_ACTIVITIES = ("organisations", "activities")
VENUES = ("venues",)
VENUES_AND_ACTIVITIES = ("venues", "activities")


def create_organisation(ctx: AppContext, values: dict[str, Any]) -> RegisterCommand:
    return RegisterCommand(ctx, QCoreApplication.translate("RegisterCommands", "New organisation “%1”").replace("%1", values.get("name", "")),
                           lambda s: registers.create_organisation(s, values), ORGS)


def update_organisation(ctx: AppContext, org_id: int, values: dict[str, Any], version: int | None) -> RegisterCommand:
    # names appear in every activity row, so an edit of the register refreshes activities too
    return RegisterCommand(ctx, QCoreApplication.translate("RegisterCommands", "Edit organisation “%1”").replace("%1", values.get("name", "")),
                           lambda s: registers.update_organisation(s, org_id, values, version), ORGS_AND_ACTIVITIES)


def delete_organisation(ctx: AppContext, org_id: int, name: str) -> RegisterCommand:
    return RegisterCommand(ctx, QCoreApplication.translate("RegisterCommands", "Delete organisation “%1”").replace("%1", name),
                           lambda s: registers.delete_organisation(s, org_id), ORGS)


def merge_organisations(ctx: AppContext, keep_id: int, drop_id: int, keep_name: str, drop_name: str) -> RegisterCommand:
    text = QCoreApplication.translate("RegisterCommands", "Merge organisation “%1” into “%2”").replace("%1", drop_name).replace("%2", keep_name)
    return RegisterCommand(ctx, text, lambda s: registers.merge_organisations(s, keep_id, drop_id),
                           ORGS_AND_ACTIVITIES)


def create_venue(ctx: AppContext, values: dict[str, Any]) -> RegisterCommand:
    return RegisterCommand(ctx, QCoreApplication.translate("RegisterCommands", "New venue “%1”").replace("%1", values.get("name", "")),
                           lambda s: registers.create_venue(s, values), VENUES)


def update_venue(ctx: AppContext, venue_id: int, values: dict[str, Any], version: int | None) -> RegisterCommand:
    return RegisterCommand(ctx, QCoreApplication.translate("RegisterCommands", "Edit venue “%1”").replace("%1", values.get("name", "")),
                           lambda s: registers.update_venue(s, venue_id, values, version), VENUES_AND_ACTIVITIES)


def delete_venue(ctx: AppContext, venue_id: int, name: str) -> RegisterCommand:
    return RegisterCommand(ctx, QCoreApplication.translate("RegisterCommands", "Delete venue “%1”").replace("%1", name),
                           lambda s: registers.delete_venue(s, venue_id), VENUES)


def merge_venues(ctx: AppContext, keep_id: int, drop_id: int, keep_name: str, drop_name: str) -> RegisterCommand:
    text = QCoreApplication.translate("RegisterCommands", "Merge venue “%1” into “%2”").replace("%1", drop_name).replace("%2", keep_name)
    return RegisterCommand(ctx, text, lambda s: registers.merge_venues(s, keep_id, drop_id), VENUES_AND_ACTIVITIES)


def run(command: RegisterCommand) -> str:
    """Execute a command and push it; returns '' on success or the one sentence saying why it was refused."""
    from lifelong_desktop.db import DatabaseProblem

    try:
        command.execute()
    except registers.RegisterError as exc:
        return exc.message(message_language())
    except DatabaseProblem as exc:
        return exc.message(message_language())
    return ""
