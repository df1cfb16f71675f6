"""Where files the user writes go: the documents folder at first, then the folder used last (remembered)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths

from lifelong_desktop.ui.common.setting import Setting

LAST_OUTPUT_FOLDER = Setting("files/last_output_folder", str, "")  # where workbooks and PDFs went last


def documents_folder() -> Path:
    """The user's documents folder (我的文档 / ~/Documents), else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


class OutputFolder:
    """The folder a save or open dialog starts in, remembered in settings.ini across sessions."""

    def __init__(self, settings: Any) -> None:  # a ui.shell.settings.Settings, or None
        self.settings = settings

    def folder(self) -> Path:
        last = self.settings.get(LAST_OUTPUT_FOLDER) if self.settings is not None else ""
        return Path(last) if last and Path(last).is_dir() else documents_folder()

    def suggest(self, file_name: str) -> str:
        """The full path a save dialog proposes for a file name."""
        return str(self.folder() / file_name)

    def remember(self, path: str | Path) -> None:
        """Start the next dialog where this file was written or read."""
        if self.settings is not None:
            self.settings.set(LAST_OUTPUT_FOLDER, str(Path(path).absolute().parent))
