"""Saving a register entry's form when others edit the registers too: a change saved meanwhile opens the
conflict dialog, a deletion offers to keep the form as a new entry, a refusal brings the form back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from lifelong_desktop.db import ConcurrentEdit, DatabaseProblem
from lifelong_desktop.db.changes import last_audit_id
from lifelong_desktop.services import registers
from lifelong_desktop.services.merge_fields import Conflict
from lifelong_desktop.services.registers.conflicts import entry_conflict
from lifelong_desktop.ui.common.conflict_dialog import THEIRS, ConflictDialog, deleted_sentence
from lifelong_desktop.ui.common.language import joined, message_language
from lifelong_desktop.ui.registers import commands

_COMMANDS = {"organisation": commands.ORGANISATION_COMMANDS, "venue": commands.VENUE_COMMANDS}
_CONFLICT_CODES = ("changed_elsewhere", "not_found")


@dataclass
class EntryEdit:
    """One edit of one entry: the row and values its form loaded, the audit entry then newest, its version."""

    entity: str  # organisation or venue
    row: Any
    base: dict[str, Any]
    since: int
    version: int


def begin(view: Any, entity: str, row: Any, loaded: dict[str, Any]) -> EntryEdit:
    """Remember what the form loaded, before the user types."""
    with view.ctx.db.read() as session:
        return EntryEdit(entity, row, dict(loaded), last_audit_id(session), row.version)


def watch_form(view: Any, dialog: Any, edit: EntryEdit) -> None:
    """While the entry's form is open, say in it when another planner saves or deletes the entry."""

    def others_changed(batch: Any) -> None:
        about = batch.about(edit.entity, edit.row.id)
        if not about:
            return
        who = joined(dict.fromkeys(e.who for e in about if e.who)) or "-"
        deleted = any(e.action == "delete" for e in about)
        text = (
            QCoreApplication.translate(
                "EntrySaving", "Deleted by %1 (%2); on saving you can keep what you typed as a new entry."
            )
            if deleted
            else QCoreApplication.translate(
                "EntrySaving", "Changed by %1 (%2); on saving you choose what to keep."
            )
        )
        at = about[-1].at
        dialog.elsewhere.setText(text.replace("%1", who).replace("%2", f"{at:%H:%M}" if at else ""))
        dialog.elsewhere.show()

    connection = view.ctx.others_changed.connect(others_changed)
    dialog.finished.connect(lambda _result: view.ctx.others_changed.disconnect(connection))


def save_entry(view: Any, edit: EntryEdit, values: dict[str, Any], reopen: Callable[[Any], Any]) -> bool:
    """Save the form's values; on a conflict ask, on a refusal say why and `reopen` the form with them."""
    mine = dict(values)
    while True:
        try:
            _COMMANDS[edit.entity].update(view.ctx, edit.row.id, values, edit.version).execute()
        except (registers.RegisterError, ConcurrentEdit) as exc:
            if isinstance(exc, registers.RegisterError) and exc.code not in _CONFLICT_CODES:
                view.show_notice(exc.message(message_language()))
                reopen(replace(edit.row, **values))
                return False
            with view.ctx.db.read() as session:
                conflict = entry_conflict(session, edit.entity, edit.row.id, edit.base, mine, edit.since)
                edit.since = last_audit_id(session)
            if conflict.deleted:
                return _deleted(view, edit, conflict, mine, reopen)
            decided = _decide(view, edit, conflict)
            if decided is None:
                reopen(replace(edit.row, **mine))
                return False
            if decided == THEIRS:
                view.refresh()
                return False
            assert conflict.merge is not None and conflict.version is not None
            edit.base, edit.version = dict(conflict.merge.theirs), conflict.version
            values = mine = decided
            continue
        except DatabaseProblem as exc:
            view.show_notice(exc.message(message_language()))
            reopen(replace(edit.row, **values))
            return False
        view.show_notice("")
        view.refresh()
        view.select(edit.row.id)
        return True


def _decide(view: Any, edit: EntryEdit, conflict: Conflict) -> Any:
    """THEIRS, the values to save (mine or merged), or None (back to the form)."""
    dialog = ConflictDialog(conflict, edit.row.name, parent=view)
    if not view.ctx.run_dialog(dialog) or not dialog.choice:
        return None
    return THEIRS if dialog.choice == THEIRS else dialog.values()


def _deleted(
    view: Any, edit: EntryEdit, conflict: Conflict, mine: dict[str, Any], reopen: Callable[[Any], Any]
) -> bool:
    """The entry is gone: keep the form's values as a new entry, or drop them; never put the old one back."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("EntrySaving", "Deleted by someone else"),
        "",
        parent=view,
    )
    box.setText(deleted_sentence(conflict, edit.row.name))
    save = box.addButton(
        QCoreApplication.translate("EntrySaving", "&Save as New Entry"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("EntrySaving", "&Discard My Changes"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(save)
    view.ctx.run_dialog(box)
    view.refresh()
    if box.clickedButton() is not save:
        return False
    command = _COMMANDS[edit.entity].create(view.ctx, {k: v for k, v in mine.items()})
    try:
        command.execute()
    except (registers.RegisterError, DatabaseProblem) as exc:
        view.show_notice(exc.message(message_language()))
        reopen(replace(edit.row, **mine))
        return False
    view.show_notice("")
    view.refresh()
    new_id = getattr(command.change, "id", None)
    if new_id is not None:
        view.select(new_id)
    return True
