"""The File menu's printing commands: print preview, print, export PDF and iCalendar (a part of FileActions).

Their words keep the translation context FileActions, the class Qt sees at run time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog

from lifelong_desktop.ui.common.language import message_language
from lifelong_desktop.ui.programme import export_checks


def write_sentence(exc: OSError, path: str | Path) -> str:
    """Why a file could not be written, as the workbook writer says it (never "[Errno 2] No such file…")."""
    import errno

    from lifelong_desktop.submission.writing.output import WriteProblem
    from lifelong_desktop.ui.common.language import message_language

    lang = message_language()
    if isinstance(exc, WriteProblem):
        return exc.message(lang)
    target = Path(path).expanduser().absolute()
    if not target.parent.is_dir():
        code = "no_folder"
    elif exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        code = "disk_full"
    elif isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        code = "permission_denied"
    else:
        code = "write_failed"
    return WriteProblem(code, target).message(lang)


class PrintingActions:
    """Mixed into FileActions, whose context, window, helpers (_say, _done, _save_path) these use."""

    def _schedule(self):
        from lifelong_desktop.printing.schedule import build_schedule
        from lifelong_desktop.services.regions import regions
        from lifelong_desktop.ui.programme.print_options import PrintOptionsDialog

        with self.ctx.db.read() as session:
            p = self._programme(session)
        region = regions().get(p.region_code)
        cities = regions().cities_of(p.region_code) if region and region.level == "province" else []
        dialog = PrintOptionsDialog(cities, self.window)
        if not self.ctx.run_dialog(dialog):
            return None
        with self.ctx.db.read() as session:
            return build_schedule(session, self.ctx.programme_id, dialog.options(message_language()))

    def _schedule_and_printer(self):
        from PySide6.QtPrintSupport import QPrinter

        doc = self._schedule()
        if doc is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(doc.title)  # the name a print-to-file or a print queue shows
        doc.configure(printer)
        return doc, printer

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        chosen = self._schedule_and_printer()
        if chosen is None:
            return
        doc, printer = chosen
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(doc.title)
        dialog.paintRequested.connect(lambda p: doc.print_to(p, use_device_layout=True))
        dialog.setWindowState(
            dialog.windowState() | Qt.WindowState.WindowMaximized
        )  # pages readable at 1366x768
        dialog.exec()

    def print_schedule(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        chosen = self._schedule_and_printer()
        if chosen is None:
            return
        doc, printer = chosen
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pages = doc.print_to(printer, use_device_layout=True)
            self._done(
                self._noting_checks(QCoreApplication.translate("FileActions", "Printed %n pages.", "", pages))
            )

    def export_pdf(self, path: str | None = None) -> Path | None:
        """The schedule, as chosen in the print options, written as a PDF file."""
        doc = self._schedule()
        if doc is None:
            return None
        path = path or self._save_path(
            QCoreApplication.translate("FileActions", "Export PDF"), f"{doc.title}.pdf", "PDF (*.pdf)"
        )
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        try:
            pages = doc.write_pdf(target)
        except OSError as exc:
            self._say(
                QCoreApplication.translate("FileActions", "The PDF could not be written: %1").replace(
                    "%1", write_sentence(exc, target)
                )
            )
            return None
        self._done(
            self._noting_checks(
                QCoreApplication.translate("FileActions", "%n pages written to %1.", "", pages).replace(
                    "%1", str(target)
                )
            )
        )
        return target

    def _noting_checks(self, text: str) -> str:
        """A printed or exported schedule is made in any case; the status bar says when the plan has check errors."""
        errors = export_checks.check_errors(self.ctx)
        if not errors:
            return text
        return (
            text
            + " "
            + QCoreApplication.translate(
                "FileActions", "The planning checks found %n errors: see the Checks tab.", "", errors
            )
        )

    def export_ics(self, path: str | None = None) -> Path | None:
        import importlib

        ics = importlib.import_module("lifelong_desktop.printing.ics")
        path = path or self._save_path(
            QCoreApplication.translate("FileActions", "Export iCalendar"), "活动周.ics", "iCalendar (*.ics)"
        )
        if not path:
            return None

        try:
            with self.ctx.db.read() as session:
                count = ics.write_ics(session, self.ctx.programme_id, path, lang=message_language())
        except OSError as exc:
            self._say(
                QCoreApplication.translate("FileActions", "The calendar could not be written: %1").replace(
                    "%1", write_sentence(exc, path)
                )
            )
            return None
        self._done(
            QCoreApplication.translate(
                "FileActions", "%n activities written to the calendar %1.", "", count
            ).replace("%1", str(path))
        )
        return Path(path)
