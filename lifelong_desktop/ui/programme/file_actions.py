"""The File menu's commands: databases, programmes, workbooks, printing and iCalendar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from lifelong_desktop import messages
from lifelong_desktop.db import DatabaseProblem
from lifelong_desktop.models import Programme
from lifelong_desktop.services import planning
from lifelong_desktop.services.programme_settings import ProgrammeSettings
from lifelong_desktop.submission.writing.readiness import ExportRefused
from lifelong_desktop.ui.activities.messages import problem_text
from lifelong_desktop.ui.common import busy
from lifelong_desktop.ui.common.actions import ActionId
from lifelong_desktop.ui.common.language import message_language
from lifelong_desktop.ui.common.window import Shell
from lifelong_desktop.ui.programme import export_checks
from lifelong_desktop.ui.programme.output_folder import OutputFolder
from lifelong_desktop.ui.programme.print_actions import PrintingActions, write_sentence
from lifelong_desktop.ui.programme.settings_dialog import ChangeSettings, ProgrammeSettingsDialog
from lifelong_desktop.ui.programme.summary_report import SummaryReport

XLSX_FILTER = "Excel (*.xlsx)"
DB_FILTER = "SQLite (*.sqlite *.db)"


class FileActions(PrintingActions, QObject):
    """Each command takes an optional path so it can run without a file dialog (tests, recent files)."""

    def __init__(self, window: Shell) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the main window is a QObject
        self.window = window
        self.ctx = window.ctx
        self.output = OutputFolder(getattr(window, "settings", None))
        a = window.registry
        for aid, slot in (
            (ActionId.NEW_DATABASE, self.new_database),
            (ActionId.OPEN_DATABASE, self.open_database),
            (ActionId.CONNECT_OFFICE_DATABASE, self.connect_office_database),
            (ActionId.NEW_PROGRAMME, self.new_programme),
            (ActionId.NEW_PROGRAMME_FROM_LAST_YEAR, self.new_programme_from_last_year),
            (ActionId.PROGRAMME_SETTINGS, self.programme_settings),
            (ActionId.IMPORT_WORKBOOK, self.import_workbook),
            (ActionId.EXPORT_WORKBOOK, self.export_workbook),
            (ActionId.BLANK_TEMPLATE, self.blank_template),
            (ActionId.PRINT_PREVIEW, self.print_preview),
            (ActionId.PRINT_SCHEDULE, self.print_schedule),
            (ActionId.EXPORT_PDF, self.export_pdf),
            (ActionId.EXPORT_ICS, self.export_ics),
            (ActionId.SUMMARY_REPORT, self.summary_report),
        ):
            a[aid].triggered.connect(lambda _c=False, s=slot: s())
        self.report = SummaryReport(self)

    def update_availability(self) -> None:
        a = self.window.registry
        has = self.ctx.programme_id is not None
        for aid in (
            ActionId.PROGRAMME_SETTINGS,
            ActionId.EXPORT_WORKBOOK,
            ActionId.PRINT_PREVIEW,
            ActionId.PRINT_SCHEDULE,
            ActionId.EXPORT_PDF,
            ActionId.EXPORT_ICS,
            ActionId.SUMMARY_REPORT,
        ):
            a[aid].setEnabled(has)
        if self.ctx.registers_read_only:  # a server role below administrator: the server would refuse these
            for aid in (
                ActionId.PROGRAMME_SETTINGS,
                ActionId.NEW_PROGRAMME,
                ActionId.NEW_PROGRAMME_FROM_LAST_YEAR,
            ):
                a[aid].setEnabled(False)

    # ---------------------------------------------------------------- helpers

    def _say(self, text: str, title: str = "") -> None:
        self.window.activities.inform(title or self.tr("Not done"), text)

    def _refused(self) -> bool:
        """A read-only database (these commands are greyed out, but some are reached another way): say so."""
        if not self.ctx.read_only:
            return False
        self._say(messages.render("db.read_only_view", message_language(), name=self.ctx.path.name))
        return True

    def _done(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _programme(self, session):
        return session.get(Programme, self.ctx.programme_id)

    def _save_path(self, title: str, suggested: str, filter_: str) -> str:
        """A file to write, starting in the folder used last (at first the documents folder)."""
        path, _ = QFileDialog.getSaveFileName(self.window, title, self.output.suggest(suggested), filter_)
        if path:
            self.output.remember(path)
        return path

    # ---------------------------------------------------------------- databases

    def new_database(self, path: str | None = None) -> None:
        if not path:
            suggested = str(Path(self.ctx.path).parent / "lifelong.sqlite")  # databases live together
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("New Database"), suggested, DB_FILTER)
        if path:
            if Path(path).exists():
                self._say(
                    self.tr("“%1” already exists; choose a new file name.").replace("%1", Path(path).name)
                )
                return
            self.window.open_requested.emit(path)

    def open_database(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open Database"), str(Path(self.ctx.path).parent), DB_FILTER
            )
        if path:
            self.window.open_requested.emit(path)

    def connect_office_database(self, url: str | None = None) -> None:
        """The connection dialog (or a given URL): the window then opens that server database."""
        from lifelong_desktop.ui.programme.connect_dialog import (
            RECENT_CONNECTIONS,
            ConnectDialog,
            remember_connection,
        )

        settings = getattr(self.window, "settings", None)
        if not url:
            dialog = ConnectDialog(settings.get(RECENT_CONNECTIONS) if settings else [], self.window)
            if not self.ctx.run_dialog(dialog):
                return
            if settings is not None:
                remember_connection(settings, dialog.url())
            url = dialog.connect_url()
        self.window.open_requested.emit(url)

    # ---------------------------------------------------------------- programmes

    def new_programme(self) -> None:
        from lifelong_desktop.ui.programme.new_programme import NewProgrammeDialog, create_from_dialog

        if self._refused():
            return
        dialog = NewProgrammeDialog(self.window)
        if self.ctx.run_dialog(dialog):
            pid = create_from_dialog(self.ctx, dialog, self._say)
            if pid is not None:
                self.ctx.set_programme(pid)
                self.ctx.notify("programme")

    def new_programme_from_last_year(self, copy_activities: bool | None = None) -> int | None:
        """Next year's programme on the same registers, as one undoable edit (undo shows last year's again)."""
        from lifelong_desktop.ui.programme.new_programme import FromLastYearDialog

        if self.ctx.programme_id is None or self._refused():
            return None
        if copy_activities is None:
            with self.ctx.db.read() as session:
                p = self._programme(session)
                dialog = FromLastYearDialog(p.region_name, p.year, self.window)
            if not self.ctx.run_dialog(dialog):
                return None
            copy_activities = dialog.copy_activities.isChecked()
        from lifelong_desktop.ui.programme.import_command import MadeProgramme, NewProgrammeFromLastYear

        source = self.ctx.programme_id

        def make(db) -> MadeProgramme:
            with db.transaction("new programme from last year") as session:
                return MadeProgramme(
                    *planning.new_programme_from(session, source, copy_activities=copy_activities)
                )

        command = NewProgrammeFromLastYear(self.ctx, self.tr("New programme from last year's"), make)
        try:
            command.execute()
        except planning.PlanningError as exc:
            self._say(problem_text(exc.code, **exc.params))
            return None
        except DatabaseProblem as exc:
            self._say(exc.message(message_language()))
            return None
        pid, ids = command.outcome.programme_id, command.outcome.activity_ids
        self._done(self.tr("Next year's programme was created with %n activities.", "", len(ids)))
        return pid

    # ---------------------------------------------------------------- workbooks

    def import_workbook(self, path: str | None = None) -> None:
        if self._refused():
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import Workbook"), str(self.output.folder()), XLSX_FILTER
            )
            if path:
                self.output.remember(path)
        if path:
            from lifelong_desktop.ui.programme.import_preview import run_import  # its reader: not at start

            run_import(self.window, Path(path))

    def programme_settings(self) -> bool:
        """Edit the programme's settings as one undoable edit; True when they were changed."""
        if self.ctx.programme_id is None or self._refused():
            return False
        with self.ctx.db.read() as session:
            p = self._programme(session)
            before, year, region = ProgrammeSettings.of(p), p.year, p.region_code
        dialog = ProgrammeSettingsDialog(year, region, before, self.window)
        if not self.ctx.run_dialog(dialog):
            return False
        after = dialog.value()
        if after == before:
            return False
        try:
            ChangeSettings(self.ctx, self.ctx.programme_id, before, after).execute()
        except DatabaseProblem as exc:
            self._say(exc.message(message_language()))
            return False
        self._done(self.tr("The programme settings were saved."))
        return True

    def export_workbook(self, path: str | None = None) -> Path | None:
        """Refuse, with the list, what the level above would reject; warn of check errors; then write."""
        from lifelong_desktop.submission.reading.errors import errors_in
        from lifelong_desktop.submission.writing.export import export_programme

        choice = export_checks.verdict(self.ctx, self.window)
        if (
            choice is export_checks.Verdict.SETTINGS
        ):  # filled in: the export goes on (refused again if still not)
            return self.export_workbook(path) if self.programme_settings() else None
        if choice is export_checks.Verdict.CHECKS:
            self._show_checks()
            return None
        if choice is export_checks.Verdict.CANCEL:
            return None
        if not path:
            with self.ctx.db.read() as session:
                p = self._programme(session)
                suggested = f"{p.region_name}{p.year}年全民终身学习活动周.xlsx"
            path = self._save_path(self.tr("Export Workbook"), suggested, XLSX_FILTER)
        if not path:
            return None
        db = self.ctx.db
        record = not db.options.read_only  # a read-only view still exports: the seq is then not recorded
        try:
            with (
                busy.writing(self.window, Path(path).name),
                db.transaction("export") if record else db.read() as session,
            ):
                result = export_programme(
                    session, self._programme(session), path, verify=errors_in, record=record, database=db.path
                )
        except ExportRefused as exc:
            self._say(exc.message(message_language()))
            return None
        except DatabaseProblem as exc:
            self._say(exc.message(message_language()))
            return None
        except OSError as exc:
            self._say(
                self.tr("The workbook could not be written: %1").replace("%1", write_sentence(exc, path))
            )
            return None
        self.ctx.notify("programme", "submissions")
        done = (
            self.tr("Exported %1 activities to %2 (version %3).")
            .replace("%1", str(result.activities))
            .replace("%2", str(result.path))
            .replace("%3", str(result.submission_seq))
        )
        if record:
            self._done(done)
        else:  # the user must read that this version number is not kept
            note = messages.render("export.seq_not_recorded", message_language(), seq=result.submission_seq)
            self._say(done + " " + note, self.tr("Export Workbook"))
        return result.path

    def summary_report(self, path: str | None = None) -> Path | None:
        """The 总结 pack (文件 ▸ 生成活动周总结…), as `lifelong summary-report` writes it."""
        return self.report.run(path)

    def _show_checks(self) -> None:
        self.window.show_view("ChecksView")

    def blank_template(
        self, path: str | None = None, region_code: str | None = None, year: int | None = None
    ) -> Path | None:
        from lifelong_desktop.submission.writing.template import TemplateProblem, write_template

        if region_code is None or year is None:
            from lifelong_desktop.ui.programme.template_dialog import TemplateDialog

            with self.ctx.db.read() as session:
                p = self._programme(session) if self.ctx.programme_id else None
            dialog = TemplateDialog(p.region_code if p else "210000", (p.year if p else 2024), self.window)
            if not self.ctx.run_dialog(dialog):
                return None
            region_code, year = dialog.values()
        path = path or self._save_path(
            self.tr("Blank Template"), f"填报模板-{region_code}-{year}.xlsx", XLSX_FILTER
        )
        if not path:
            return None
        try:
            written, _ = write_template(region_code, year, path)
        except TemplateProblem as exc:
            self._say(
                self.tr("The template could not be written: %1").replace(
                    "%1", exc.message(message_language())
                )
            )
            return None
        except OSError as exc:
            self._say(
                self.tr("The template could not be written: %1").replace("%1", write_sentence(exc, path))
            )
            return None
        self._done(self.tr("Blank template written to %1.").replace("%1", str(written)))
        return written
