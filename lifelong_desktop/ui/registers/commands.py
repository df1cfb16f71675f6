"""Undo commands of the registers: one QUndoCommand per user edit, each a one-line call of services.registers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy.orm import Session

from lifelong_desktop.services import registers
from lifelong_desktop.services.registers import Change
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.language import message_language
from lifelong_desktop.ui.common.undo import DbCommand


class RegisterCommand(DbCommand):
    """Runs one registers call in its own transaction; undo and redo use the change record it returned."""

    def __init__(
        self, ctx: AppContext, text: str, first: Callable[[Session], Change], kinds: tuple[str, ...]
    ) -> None:
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


@dataclass(frozen=True, slots=True)
class RegisterCommands:
    """The four commands of one register (new, edit, delete, merge): its services calls, undo texts and the
    views each refreshes (an edit or a merge refreshes activities too: their rows show register names)."""

    texts: tuple[str, str, str, str]  # untranslated, in the RegisterCommands context: %1 (and %2) are names
    create_call: Callable[[Session, dict[str, Any]], Change]
    update_call: Callable[[Session, int, dict[str, Any], int | None], Change]
    delete_call: Callable[[Session, int], Change]
    merge_call: Callable[[Session, int, int], Change]
    kinds: tuple[str, ...]
    wider_kinds: tuple[str, ...]

    @staticmethod
    def _command(
        ctx: AppContext,
        text: str,
        names: tuple[str, ...],
        call: Callable[[Session], Change],
        kinds: tuple[str, ...],
    ) -> RegisterCommand:
        label = QCoreApplication.translate("RegisterCommands", text)
        for n, name in enumerate(names, 1):
            label = label.replace(f"%{n}", name)
        return RegisterCommand(ctx, label, call, kinds)

    def create(self, ctx: AppContext, values: dict[str, Any]) -> RegisterCommand:
        return self._command(
            ctx, self.texts[0], (values.get("name", ""),), lambda s: self.create_call(s, values), self.kinds
        )

    def update(
        self, ctx: AppContext, row_id: int, values: dict[str, Any], version: int | None
    ) -> RegisterCommand:
        return self._command(
            ctx,
            self.texts[1],
            (values.get("name", ""),),
            lambda s: self.update_call(s, row_id, values, version),
            self.wider_kinds,
        )

    def delete(self, ctx: AppContext, row_id: int, name: str) -> RegisterCommand:
        return self._command(ctx, self.texts[2], (name,), lambda s: self.delete_call(s, row_id), self.kinds)

    def merge(
        self, ctx: AppContext, keep_id: int, drop_id: int, keep_name: str, drop_name: str
    ) -> RegisterCommand:
        return self._command(
            ctx,
            self.texts[3],
            (drop_name, keep_name),
            lambda s: self.merge_call(s, keep_id, drop_id),
            self.wider_kinds,
        )


ORGANISATION_COMMANDS = RegisterCommands(
    (
        QT_TRANSLATE_NOOP("RegisterCommands", "New organisation “%1”"),
        QT_TRANSLATE_NOOP("RegisterCommands", "Edit organisation “%1”"),
        QT_TRANSLATE_NOOP("RegisterCommands", "Delete organisation “%1”"),
        QT_TRANSLATE_NOOP("RegisterCommands", "Merge organisation “%1” into “%2”"),
    ),
    registers.create_organisation,
    registers.update_organisation,
    registers.delete_organisation,
    registers.merge_organisations,
    ORGS,
    ORGS_AND_ACTIVITIES,
)
VENUE_COMMANDS = RegisterCommands(
    (
        QT_TRANSLATE_NOOP("RegisterCommands", "New venue “%1”"),
        QT_TRANSLATE_NOOP("RegisterCommands", "Edit venue “%1”"),
        QT_TRANSLATE_NOOP("RegisterCommands", "Delete venue “%1”"),
        QT_TRANSLATE_NOOP("RegisterCommands", "Merge venue “%1” into “%2”"),
    ),
    registers.create_venue,
    registers.update_venue,
    registers.delete_venue,
    registers.merge_venues,
    VENUES,
    VENUES_AND_ACTIVITIES,
)

create_organisation = ORGANISATION_COMMANDS.create
update_organisation = ORGANISATION_COMMANDS.update
delete_organisation = ORGANISATION_COMMANDS.delete
merge_organisations = ORGANISATION_COMMANDS.merge
create_venue = VENUE_COMMANDS.create
update_venue = VENUE_COMMANDS.update
delete_venue = VENUE_COMMANDS.delete
merge_venues = VENUE_COMMANDS.merge


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
