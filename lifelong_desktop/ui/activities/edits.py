"""What the Activities view's commands do: open the dialogs, then run one undoable edit each."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView

from lifelong_desktop import messages
from lifelong_desktop.db import ConcurrentEdit, DatabaseProblem
from lifelong_desktop.services.planning import ActivityInput, EditConflict, PlanningError
from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.ui.activities import commands as cmd
from lifelong_desktop.ui.activities.bulk_edit import BulkEditDialog
from lifelong_desktop.ui.activities.choices import load_choices
from lifelong_desktop.ui.activities.form import ActivityForm, VenueCreator
from lifelong_desktop.ui.activities.messages import problem_text
from lifelong_desktop.ui.activities.organiser_list import Creator
from lifelong_desktop.ui.activities.series import WeeklySeriesDialog
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.language import message_language
from lifelong_desktop.ui.common.undo import DbCommand


def error_sentence(exc: Exception) -> str:
    """One sentence for anything an edit can run into (never a traceback)."""
    if isinstance(exc, EditConflict):
        if exc.current is None:
            return QCoreApplication.translate(
                "ActivityEditing",
                "This activity was deleted in another window or program; your changes were not saved.",
            )
        return QCoreApplication.translate(
            "ActivityEditing",
            "This activity was changed in another window or program meanwhile (it now reads “%1”); "
            "your changes were not saved and the table shows its current values.",
        ).replace("%1", exc.current.title)
    if isinstance(exc, ConcurrentEdit):
        return QCoreApplication.translate(
            "ActivityEditing",
            "This record was changed in another window or program meanwhile; your changes were not saved "
            "and the table shows the current values.",
        )
    if isinstance(exc, PlanningError):
        return problem_text(exc.code, **exc.params)
    if isinstance(exc, DatabaseProblem):
        return exc.message(message_language())
    return QCoreApplication.translate("ActivityEditing", "The change could not be saved: %1").replace(
        "%1", str(exc)
    )


class EditedView(Protocol):
    """What the editing commands need of the Activities view (it is the one implementation)."""

    ctx: AppContext
    model: Any  # ActivityTableModel
    table: QTableView
    status_message: Any  # Signal(str)
    inform: Callable[[str, str], None]

    def reload(self, keep_selection: bool = ..., select: Iterable[int] = ...) -> None: ...
    def selected_rows(self) -> list[ActivityRow]: ...
    def selected_ids(self) -> list[int]: ...
    def current_row(self) -> ActivityRow | None: ...
    def select_ids(self, ids: Iterable[int], current: int | None = None) -> None: ...


class ActivityEditing(QObject):
    """Owned by the view; its dialogs are shown through `ctx.run_dialog`."""

    def __init__(self, view: EditedView) -> None:
        super().__init__(view)  # type: ignore[arg-type]  # the view is a QWidget
        self.view = view
        self.ctx = view.ctx
        #: makes a new organisation from a name typed in the form's organiser pickers (the shell sets it:
        #: it is the Organisations register's own form and rules)
        self.create_organisation: Creator | None = None
        self.create_venue: VenueCreator | None = None

    def execute(self, command: DbCommand) -> bool:
        """Run one edit; on failure say why in one sentence and show the data as it now is."""
        try:
            command.execute()
        except (EditConflict, ConcurrentEdit, PlanningError, DatabaseProblem) as exc:
            self.not_saved(exc)
            self.view.reload()
            return False
        self.view.status_message.emit(command.text())
        return True

    def run(self, command: DbCommand) -> None:
        """Run one edit of a form; raises what refused it (the caller keeps the form's values)."""
        command.execute()
        self.view.status_message.emit(command.text())

    def not_saved(self, exc: Exception) -> None:
        """Say in one sentence why an edit was not saved."""
        self.view.inform(QCoreApplication.translate("ActivityEditing", "Not saved"), error_sentence(exc))

    def names(self) -> dict[tuple[str, int], str]:
        """Names of the records an activity's fields point to (organisations, venues, activities)."""
        choices = load_choices(self.ctx)
        names = {("organisation", o.id): o.name for o in choices.organisations}
        names |= {("venue", v.id): v.name for v in choices.venues}
        return names | {("activity", r.id): r.title for r in self.view.model.all_rows()}

    def refused(self) -> bool:
        """On a read-only database (its commands are greyed out; Enter and double-click still come here):
        say so in the status bar and do nothing. While the database is out of reach: say so, in one sentence."""
        if self.ctx.offline is not None:
            self.not_saved(self.ctx.offline)
            return True
        if not self.ctx.read_only:
            return False
        sentence = messages.render("db.read_only_view", message_language(), name=self.ctx.path.name)
        self.view.status_message.emit(sentence)
        return True

    def make_form(self, row: ActivityRow | None, template: ActivityInput | None = None) -> ActivityForm:
        from lifelong_desktop.ui.activities.attachments_tab import AttachmentsPanel

        form = ActivityForm(
            load_choices(self.ctx),
            row,
            self.view.model.all_rows(),
            self.view,
            template=template,
            create_organisation=self.create_organisation,
            create_venue=self.create_venue,
        )
        form.attachments = AttachmentsPanel(self.ctx, row.id if row else None, form)
        form.tabs.addTab(form.attachments, QCoreApplication.translate("ActivityEditing", "Attach&ments"))
        return form

    # ---------------------------------------------------------------- commands

    def new_activity(self) -> None:
        """The form for a new activity, shown again with what was typed while saving is refused."""
        if self.refused():
            return
        if self.ctx.programme_id is None:
            return
        form = self.make_form(None)  # shown again, as typed, while saving is refused
        while self.ctx.run_dialog(form):
            command = cmd.CreateActivity(self.ctx, form.value())
            try:
                self.run(command)
            except (PlanningError, DatabaseProblem) as exc:
                self.not_saved(exc)
                continue
            self.view.select_ids(command.ids)
            return

    def edit_current(self) -> None:
        """The form of the current activity; saved over others' changes only as the user decides."""
        from lifelong_desktop.ui.activities.saving import ActivityEdit

        if self.refused():
            return
        row = self.view.current_row()
        if row is None:
            return
        try:
            ActivityEdit(self, row).run()
        except DatabaseProblem as exc:  # out of reach before the watch noticed: the form could not open
            self.not_saved(exc)

    def duplicate_selected(self) -> None:
        if self.refused():
            return
        ids = self.view.selected_ids()
        if ids:
            command = cmd.DuplicateActivities(self.ctx, ids)
            if self.execute(command):
                self.view.select_ids(command.ids)

    def delete_selected(self) -> None:
        if self.refused():
            return
        ids = self.view.selected_ids()
        if not ids:
            return
        row = self.view.table.currentIndex().row()
        if self.execute(cmd.DeleteActivities(self.ctx, ids)):
            n = len(ids)  # a plain name: lupdate skips a call as the count
            self.view.status_message.emit(
                QCoreApplication.translate(
                    "ActivityEditing", "Deleted %n activities (Ctrl+Z undoes it).", "", n
                )
            )
            n = self.view.model.rowCount()
            if n:
                near = self.view.model.row_at(min(max(row, 0), n - 1)).id
                self.view.select_ids([near])

    def bulk_edit_selected(self) -> None:
        if self.refused():
            return
        rows = self.view.selected_rows()
        ids = [r.id for r in rows]
        if not ids:
            return
        cities = list(dict.fromkeys(r.city_code for r in rows if r.city_code))
        dialog = BulkEditDialog(load_choices(self.ctx), len(ids), self.view, cities=cities)
        if self.ctx.run_dialog(dialog):
            if self.execute(cmd.BulkEdit(self.ctx, ids, dialog.change())):
                self.view.select_ids(ids)

    def weekly_series(self) -> None:
        if self.refused():
            return
        row = self.view.current_row()
        if row is None:
            return
        dialog = WeeklySeriesDialog(row, self.view)
        if self.ctx.run_dialog(dialog):
            from lifelong_desktop.services.planning import ActivityInput

            template = ActivityInput.from_row(row).replace(
                status="planned", actual_participants=None, result_note=""
            )
            command = cmd.WeeklySeries(self.ctx, template, *dialog.values())
            if self.execute(command):
                self.view.select_ids(command.ids)

    def paste_rows(self, text: str | None = None) -> None:
        """Rows copied from Excel/WPS: preview first, then add the good ones as one undoable edit."""
        from lifelong_desktop.ui.activities.paste_preview import PastePreviewDialog
        from lifelong_desktop.ui.activities.paste_rows import parse_paste

        if self.ctx.programme_id is None or self.refused():
            return
        text = QGuiApplication.clipboard().text() if text is None or not isinstance(text, str) else text
        choices = load_choices(self.ctx)
        result = parse_paste(text or "", choices.programme.region_code, choices.programme.year)
        if not result.rows:
            self.view.inform(
                QCoreApplication.translate("ActivityEditing", "Nothing to paste"),
                QCoreApplication.translate(
                    "ActivityEditing",
                    "The clipboard holds no rows. Copy activity rows in Excel "
                    "or WPS (with or without the header row) and try again.",
                ),
            )
            return
        dialog = PastePreviewDialog(result, self.view)
        if self.ctx.run_dialog(dialog) and result.good:
            command = cmd.PasteActivities(self.ctx, result.good)
            if self.execute(command):
                self.view.select_ids(command.created.activity_ids)
