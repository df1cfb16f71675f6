"""文件 ▸ 生成活动周总结…: the 总结 pack (ODT and its 统计表 workbook) written from the window, through the
same service as `lifelong summary-report`, with a progress dialog, one-sentence errors and an offer to open
the folder it went to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from lifelong_desktop import files
from lifelong_desktop.db import DatabaseProblem
from lifelong_desktop.ui.common.language import message_language
from lifelong_desktop.ui.programme.print_actions import write_sentence

ODT_FILTER = "ODF (*.odt)"


def ask_open_folder(parent: QWidget, text: str) -> bool:
    """Say where the pack went; True when the user wants its folder opened."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("SummaryReport", "Week Summary Report"),
        text,
        parent=parent,
    )
    open_button = box.addButton(
        QCoreApplication.translate("SummaryReport", "&Open Folder"), QMessageBox.ButtonRole.AcceptRole
    )
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_button)
    box.setEscapeButton(close)
    box.exec()
    return box.clickedButton() is open_button


class SummaryReport:
    """Writes the pack for the window's programme; the dialogs are attributes tests replace."""

    def __init__(self, actions: Any) -> None:  # the window's FileActions
        self.actions = actions
        self.ctx = actions.ctx
        #: asked after writing (True opens the folder)
        self.offer_folder: Callable[[QWidget, str], bool] = ask_open_folder
        #: opens a folder in the desktop's file manager
        self.open_folder: Callable[[Path], Any] = lambda folder: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(folder))
        )

    def run(self, path: str | None = None) -> Path | None:
        """Ask for the .odt file (unless given), write the pack; returns the document's path when written."""
        from lifelong_desktop.printing.week_report import report_title

        if self.ctx.programme_id is None:
            return None
        if not path:
            with self.ctx.db.read() as session:
                p = self.actions._programme(session)
                suggested = (
                    f"{p.region_name} {p.year} Week Summary.odt"
                    if message_language() == "en"
                    else f"{p.region_name}{p.year}年活动周总结.odt"
                )
            path = self.actions._save_path(
                QCoreApplication.translate("SummaryReport", "Week Summary Report"), suggested, ODT_FILTER
            )
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".odt") else Path(path + ".odt")
        written = self._write(target)
        if written is None:
            return None
        report, stats = written
        text = (
            QCoreApplication.translate(
                "SummaryReport", "The summary “%1” was written to %2, with its statistics workbook %3."
            )
            .replace("%1", report_title(report, message_language()))
            .replace("%2", str(target))
            .replace("%3", stats.name)
        )
        self.actions._done(text)
        if self.offer_folder(self.actions.window, text):
            self.open_folder(target.parent)
        return target

    def _write(self, target: Path) -> tuple[Any, Path] | None:
        """Read the figures and write the two files, showing the steps; None (said why) when not written."""
        from lifelong_desktop.printing.week_report import write_pack
        from lifelong_desktop.services.week_report import week_report
        from lifelong_desktop.submission.format import load_format

        progress = QProgressDialog(
            QCoreApplication.translate("SummaryReport", "Counting the figures…"),
            "",
            0,
            3,
            self.actions.window,
        )
        progress.setWindowTitle(QCoreApplication.translate("SummaryReport", "Week Summary Report"))
        progress.setCancelButton(None)  # type: ignore[arg-type]  # the steps are short and not undone halfway
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        steps = {
            1: QCoreApplication.translate("SummaryReport", "Writing the document…"),
            2: QCoreApplication.translate("SummaryReport", "Writing the statistics workbook…"),
        }

        def step(n: int) -> None:
            progress.setLabelText(steps[n])
            progress.setValue(n)
            QApplication.processEvents()

        audiences = tuple(
            i.key for i in load_format().code_lists["audience"]
        )  # as `lifelong coverage` lists them
        progress.setValue(0)
        QApplication.processEvents()
        try:
            with self.ctx.db.read() as session:
                report = week_report(session, self.ctx.programme_id, audiences)
            stats = write_pack(report, target, database=self.ctx.db.path, lang=message_language(), step=step)
        except files.OutputProblem as exc:
            self.actions._say(self._not_written(exc.message(message_language())))
            return None
        except DatabaseProblem as exc:
            self.actions._say(exc.message(message_language()))
            return None
        except OSError as exc:
            self.actions._say(self._not_written(write_sentence(exc, target)))
            return None
        finally:
            progress.setValue(3)
            progress.close()
        return report, stats

    @staticmethod
    def _not_written(why: str) -> str:
        return QCoreApplication.translate("SummaryReport", "The summary could not be written: %1").replace(
            "%1", why
        )
