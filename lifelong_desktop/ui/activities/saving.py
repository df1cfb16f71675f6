"""Saving the activity form when others work on the same programme: a change saved meanwhile by someone else
opens the conflict dialog (keep theirs, keep mine, merge field by field), a deletion meanwhile offers to save
the form as a new activity, a database out of reach brings the form back; what was typed is never lost."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from lifelong_desktop.db import ConcurrentEdit, DatabaseProblem
from lifelong_desktop.db.changes import ChangeBatch, last_audit_id
from lifelong_desktop.services.planning import ActivityInput, EditConflict, PlanningError
from lifelong_desktop.services.planning.conflicts import activity_conflict, merged_input
from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.ui.activities import commands as cmd
from lifelong_desktop.ui.common.conflict_dialog import THEIRS, ConflictDialog, deleted_sentence, who_and_when
from lifelong_desktop.ui.common.language import joined

if TYPE_CHECKING:
    from lifelong_desktop.services.merge_fields import Conflict
    from lifelong_desktop.ui.activities.form import ActivityForm
    from lifelong_desktop.ui.common.context import AppContext
    from lifelong_desktop.ui.common.undo import DbCommand


class ActivityEditing(Protocol):
    """What an edit needs of the Activities view's editing (ui.activities.edits, which imports this module)."""

    ctx: AppContext
    view: Any

    def make_form(self, row: ActivityRow | None, template: ActivityInput | None = None) -> ActivityForm: ...

    def run(self, command: DbCommand) -> None: ...

    def not_saved(self, exc: Exception) -> None: ...

    def names(self) -> dict[tuple[str, int], str]: ...


class ActivityEdit:
    """One edit of one activity, from opening its form until it is saved or given up by the user."""

    def __init__(self, editing: ActivityEditing, row: ActivityRow) -> None:
        self.editing, self.ctx, self.view, self.row = editing, editing.ctx, editing.view, row
        self.base = ActivityInput.from_row(row)  # what the form loaded (the merge's common ancestor)
        self.version = row.version
        with self.ctx.db.read() as session:
            self.since = last_audit_id(session)  # later entries about this activity are others' changes

    def run(self) -> bool:
        """Show the form until its values are saved (True) or the user cancels it (False). The same form is
        shown again after a refusal: it needs nothing from the database, which may be out of reach."""
        form = self.editing.make_form(self.row)
        tried = False
        while True:
            watching = self.ctx.others_changed.connect(lambda batch, f=form: self._others_changed(f, batch))
            try:
                accepted = self.ctx.run_dialog(form)
            finally:
                self.ctx.others_changed.disconnect(watching)
            if not accepted:
                return False
            mine = form.value()
            if not tried and mine == form.initial:
                return False
            tried = True
            again = self._save(mine)
            if again is None:
                return True
            if again != mine:  # merged values that need putting right
                form.set_value(again)
                form.revalidate()

    def _others_changed(self, form: ActivityForm, batch: ChangeBatch) -> None:
        """Another planner saved or deleted this activity while its form is open: say so in the form."""
        about = batch.about("activity", self.row.id)
        if not about:
            return
        who = joined(dict.fromkeys(e.who for e in about if e.who)) or QCoreApplication.translate(
            "ActivitySaving", "another window or program"
        )
        at = about[-1].at
        when = f"{at:%H:%M}" if at else ""
        text = (
            QCoreApplication.translate(
                "ActivitySaving",
                "Deleted by %1 (%2); on saving you can keep what you typed as a new activity.",
            )
            if any(e.action == "delete" and e.entity == "activity" for e in about)
            else QCoreApplication.translate(
                "ActivitySaving", "Changed by %1 (%2); on saving you choose what to keep."
            )
        )
        form.note_elsewhere(text.replace("%1", who).replace("%2", when))

    def _save(self, values: ActivityInput) -> ActivityInput | None:
        """Save; None when done (saved, or the user kept theirs), else the values to show in the form again."""
        mine = values
        while True:
            try:
                self.editing.run(cmd.EditActivity(self.ctx, self.row.id, values, self.version))
            except (EditConflict, ConcurrentEdit):
                with self.ctx.db.read() as session:
                    conflict = activity_conflict(session, self.row.id, self.base, mine, self.since)
                    self.since = last_audit_id(session)
                if conflict.deleted:
                    return self._deleted(conflict, mine)
                decided = self._decide(conflict)
                if decided is None or decided == "theirs":
                    return mine if decided is None else None
                assert conflict.merge is not None
                self.base, self.version = merged_input(conflict.merge.theirs), conflict.version
                values = mine = decided
                continue
            except (PlanningError, DatabaseProblem) as exc:
                self.editing.not_saved(exc)
                return values
            self.view.select_ids([self.row.id])
            return None

    def _decide(self, conflict: Conflict) -> ActivityInput | str | None:
        """Ask: "theirs" (nothing to save), the values to save (mine or merged), None (back to the form)."""
        dialog = ConflictDialog(conflict, self.row.title, self.editing.names(), self.view)  # type: ignore[arg-type]
        if not self.ctx.run_dialog(dialog) or not dialog.choice:
            return None
        if dialog.choice == THEIRS:
            self.view.reload()
            self.view.status_message.emit(
                QCoreApplication.translate(
                    "ActivitySaving", "Kept the changes of %1; yours were dropped."
                ).replace("%1", who_and_when(conflict))
            )
            return "theirs"
        return merged_input(dialog.values())

    def _deleted(self, conflict: Conflict, mine: ActivityInput) -> ActivityInput | None:
        """The activity is gone: save the form as a new activity, or drop it; never put the old one back."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ActivitySaving", "Deleted by someone else"),
            "",
            parent=self.view,
        )  # type: ignore[arg-type]
        box.setText(deleted_sentence(conflict, self.row.title))
        save = box.addButton(
            QCoreApplication.translate("ActivitySaving", "&Save as New Activity"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("ActivitySaving", "&Discard My Changes"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.setDefaultButton(save)
        self.ctx.run_dialog(box)
        self.view.reload()
        if box.clickedButton() is not save:
            return None
        data = mine.replace(parent_id=None) if mine.parent_id == self.row.id else mine
        command = cmd.CreateActivity(self.ctx, data)
        try:
            self.editing.run(command)
        except (PlanningError, DatabaseProblem) as exc:
            self.editing.not_saved(exc)
            return mine  # the form comes back with what was typed; saving it asks again
        self.view.select_ids(command.ids)
        return None
