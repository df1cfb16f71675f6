"""The File menu's printing: preview, print and export as PDF the schedule chosen in the print options; the
status bar says when the plan has check errors (the schedule is made in any case)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog

from lifelong_desktop.models import Programme
from lifelong_desktop.ui.common.language import message_language
from lifelong_desktop.ui.common.window import Shell
from lifelong_desktop.ui.programme import export_checks


class PrintActions(QObject):
    """Given the File menu's ways to speak (say, done), to ask for a file and to word a write error."""

    def __init__(
        self,
        window: Shell,
        say: Callable[[str], None],
        done: Callable[[str], None],
        save_path: Callable[[str, str, str], str],
        sentence: Callable[[OSError, str | Path], str],
    ) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the main window is a QObject
        self.window, self.ctx = window, window.ctx
        self._say, self._done, self._save_path, self._sentence = say, done, save_path, sentence

    def _schedule(self):
        from lifelong_desktop.printing.schedule import build_schedule
        from lifelong_desktop.services.regions import regions
        from lifelong_desktop.ui.programme.print_options import PrintOptionsDialog

        with self.ctx.db.read() as session:
            p = session.get(Programme, self.ctx.programme_id)
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
            self._done(self._noting_checks(self.tr("Printed %n pages.", "", pages)))

    def export_pdf(self, path: str | None = None) -> Path | None:
        """The schedule, as chosen in the print options, written as a PDF file."""
        doc = self._schedule()
        if doc is None:
            return None
        path = path or self._save_path(self.tr("Export PDF"), f"{doc.title}.pdf", "PDF (*.pdf)")
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        try:
            pages = doc.write_pdf(target)
        except OSError as exc:
            self._say(self.tr("The PDF could not be written: %1").replace("%1", self._sentence(exc, target)))
            return None
        self._done(
            self._noting_checks(self.tr("%n pages written to %1.", "", pages).replace("%1", str(target)))
        )
        return target

    def _noting_checks(self, text: str) -> str:
        """A printed or exported schedule is made in any case; the status bar says when the plan has check errors."""
        errors = export_checks.check_errors(self.ctx)
        if not errors:
            return text
        return text + " " + self.tr("The planning checks found %n errors: see the Checks tab.", "", errors)
