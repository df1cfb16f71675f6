"""The window's settings, each declared once with its type and default, stored in an INI file (QSettings)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QByteArray, QSettings

from lifelong_desktop.db.location import is_url
from lifelong_desktop.paths import user_data_dir
from lifelong_desktop.ui.common.setting import Setting
from lifelong_desktop.ui.programme.connect_dialog import RECENT_CONNECTIONS
from lifelong_desktop.ui.programme.output_folder import LAST_OUTPUT_FOLDER

T = TypeVar("T")
MAX_RECENT = 8


LANGUAGE = Setting("ui/language", str, "zh_CN")  # zh_CN or en
LAST_DATABASE = Setting("files/last_database", str, "")
RECENT_FILES = Setting("files/recent", list, [])
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"")
WINDOW_STATE = Setting("window/state", bytes, b"")
ACTIVITY_HEADER = Setting("activities/header", bytes, b"")
ACTIVITY_FILTERS = Setting("activities/filters", dict, {})
ACTIVITY_SORT = Setting("activities/sort", list, [])  # [column, order]
CURRENT_VIEW = Setting("window/view", int, 0)

ALL = (
    LANGUAGE,
    LAST_DATABASE,
    RECENT_FILES,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    ACTIVITY_HEADER,
    ACTIVITY_FILTERS,
    ACTIVITY_SORT,
    CURRENT_VIEW,
    LAST_OUTPUT_FOLDER,  # declared beside its one user, ui.programme.output_folder
    RECENT_CONNECTIONS,  # beside the connection dialog, ui.programme.connect_dialog
)


def settings_path() -> Path:
    """settings.ini in the user data folder (so LIFELONG_DATA_DIR isolates tests)."""
    return user_data_dir() / "settings.ini"


class Settings:
    """Typed access to the declared settings: `settings.get(LANGUAGE)`, `settings.set(LANGUAGE, "en")`."""

    def __init__(self, path: Path | None = None) -> None:
        self._q = QSettings(str(path or settings_path()), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        value = setting.decode(self._q.value(setting.key))
        if isinstance(value, list | dict):
            return type(value)(value)  # type: ignore[return-value]  # never hand out the default itself
        return value

    def contains(self, setting: Setting) -> bool:
        """Whether the user's settings hold a value for it (not just the default)."""
        return self._q.contains(setting.key)

    def set(self, setting: Setting[T], value: T) -> None:
        self._q.setValue(setting.key, setting.encode(value))

    def sync(self) -> None:
        self._q.sync()

    def add_recent(self, path: Path | str) -> list[str]:
        """Put a database first in the recent files (at most MAX_RECENT) and remember it as the last one (a
        server database by its URL, which never holds the password)."""
        text = path if is_url(path) else str(Path(path).absolute())
        recent = [p for p in self.get(RECENT_FILES) if p != text]
        recent.insert(0, text)
        self.set(RECENT_FILES, recent[:MAX_RECENT])
        self.set(LAST_DATABASE, text)
        return recent[:MAX_RECENT]

    def qbytes(self, setting: Setting[bytes]) -> QByteArray:
        return QByteArray(self.get(setting))
