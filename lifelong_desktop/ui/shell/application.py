"""The GUI application: QApplication, translators, font, error hook, the database and the main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from lifelong_desktop import APP_AUTHOR, APP_NAME, __version__
from lifelong_desktop.db import Database, DatabaseNotice, DatabaseProblem, open_database, open_for_reading
from lifelong_desktop.db.location import is_url
from lifelong_desktop.db.passwords import with_password
from lifelong_desktop.paths import default_database_path
from lifelong_desktop.services import rows_ahead
from lifelong_desktop.services.programmes import NoProgramme, get_programme
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.first_paint import after_next_paint
from lifelong_desktop.ui.common.language import message_language, set_window_language
from lifelong_desktop.ui.shell import crash_trace
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.collector import MainThreadCollector
from lifelong_desktop.ui.shell.crash_trace import error_log_path
from lifelong_desktop.ui.shell.daily_backup import DailyBackup
from lifelong_desktop.ui.shell.i18n import align_time_locale, install_translators
from lifelong_desktop.ui.shell.notice_banner import add_notice_banner
from lifelong_desktop.ui.shell.startup_probe import install_probe, mark

CJK_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimSun",
)
log = logging.getLogger("lifelong_desktop")


def install_cjk_font(app: QApplication) -> str | None:
    """Put a Chinese-capable family after the system UI font, so Chinese text never shows as boxes."""
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    chosen = next((f for f in CJK_FONTS if f in families), None) or (
        sorted(families)[0] if families else None
    )
    if chosen:
        font = QFont(app.font())
        font.setFamilies([app.font().family(), chosen])
        app.setFont(font)
    return chosen


def install_excepthook(parent_of: callable = QApplication.activeWindow) -> None:  # type: ignore[valid-type]
    """Any unexpected error: its traceback goes to error.log, the user sees one sentence (edits are already saved)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        path = error_log_path()
        try:
            with path.open("a", encoding="utf-8") as fh:
                fh.write(
                    f"--- {datetime.now().isoformat(timespec='seconds')} lifelong-desktop {__version__}\n"
                )
                fh.write("".join(traceback.format_exception(kind, exc, tb)))
        except OSError:
            pass
        if QApplication.instance() is None:
            return
        text = QCoreApplication.translate(
            "Application",
            "Something unexpected went wrong. Every change saved so far is safe; the details were written "
            "to %1.",
        ).replace("%1", str(path))
        if isinstance(exc, DatabaseProblem):
            text = exc.message()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Application", "Unexpected error"),
            text,
            QMessageBox.StandardButton.Ok,
            parent_of(),
        )
        box.exec()

    sys.excepthook = hook


def open_for_viewing(path: Path | str) -> Database:
    """The window's database: read-write, or read-only with a banner when the file cannot be written; a
    server database (postgresql://...) with the password kept in the keyring when the URL has none."""
    if is_url(path):
        return open_database(with_password(str(path), None))
    path = Path(path)
    try:
        return open_database(path, defer_backup=True)  # the daily copy is taken once the window is up
    except DatabaseProblem as exc:
        if exc.code != "read_only" or not path.exists():
            raise
    return open_for_reading(path)


class Application:
    """Owns the settings, the open database and its window; switches database on File > Open."""

    def __init__(self, app: QApplication, settings: S.Settings) -> None:
        self.app, self.settings = app, settings
        self.db: Database | None = None
        self.window = None
        self.lang = message_language()  # the window's, set by run() from window_language()
        self.backup = DailyBackup(app)
        self.backup.failed.connect(self._backup_failed)

    def open_first(self, db_path: Path | None) -> bool:
        """The given database, else the last one, else the default; asks for another file on a problem."""
        path: Path | str | None = db_path
        if path is None:
            last = self.settings.get(S.LAST_DATABASE)
            path = (
                last
                if is_url(last)
                else Path(last)
                if last and Path(last).exists()
                else default_database_path()
            )
        return self.open(path)

    def open(self, path: Path | str, parent: QWidget | None = None) -> bool:
        while True:
            try:
                db = open_for_viewing(path)
                mark("database")
                break
            except DatabaseProblem as exc:
                path = self.ask_other_file(exc, parent)
                if path is None:
                    return False
        self._show(db)
        return True

    def ask_other_file(self, exc: DatabaseProblem, parent: QWidget | None) -> Path | None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Application", "Cannot open the database"),
            exc.message(self.lang),
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        other = box.addButton(
            QCoreApplication.translate("Application", "Open &Another File…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not other:
            return None
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Application", "Open Database"),
            str(exc.path.parent),
            "SQLite (*.sqlite *.db)",
        )
        return Path(name) if name else None

    def _show(self, db: Database) -> None:
        from lifelong_desktop.ui.shell.main_window import MainWindow

        programme_id = self._programme_of(db)
        old = self.window
        ctx = AppContext(db, programme_id)
        window = MainWindow(ctx, self.settings, views_later=True)  # built once the table is painted
        mark("window")
        window.open_requested.connect(lambda p: self.open(p if is_url(p) else Path(p), window))
        add_notice_banner(window, db, self.lang)
        self.settings.add_recent(db.url or db.path)  # a server's URL never holds the password
        if old is not None:
            old.close()
            old.ctx.db.close()
            old.deleteLater()
        self.window, self.db = window, db
        window.show()
        front = window.tabs.currentWidget()  # Activities, or the tab the last session ended on
        after_next_paint(
            window.activities.table.viewport() if front is window.activities else front, window.build_views
        )
        after_next_paint(window, lambda: self.backup.start(db))
        if programme_id is None:
            window.files.new_programme()

    def _backup_failed(self, notice: DatabaseNotice) -> None:
        if self.window is not None and self.window.ctx.db.path == notice.path:
            self.window.statusBar().showMessage(notice.message(self.lang), 15000)

    @staticmethod
    def _programme_of(db: Database) -> int | None:
        with db.read() as session:
            try:
                return get_programme(session).id
            except NoProgramme:
                return None


def window_language(settings: S.Settings) -> str:
    """The window's language: the one chosen in Edit > Language, else LIFELONG_LANG (en or zh), else Chinese.

    Sentences rendered without an explicit language (a damaged database, a workbook that cannot be written) read
    LIFELONG_LANG, so it is set to match: an English window never shows them in Chinese, nor the other way."""
    if settings.contains(S.LANGUAGE):
        language = settings.get(S.LANGUAGE)
    else:
        language = "en" if os.environ.get("LIFELONG_LANG", "").lower().startswith("en") else "zh_CN"
    os.environ["LIFELONG_LANG"] = message_language(language)
    return language


def run(argv: Sequence[str], db_path: Path | str | None) -> int:
    """`lifelong-desktop [DB]`: show the window; 0 when closed normally, 3 when no database could be opened."""
    mark(
        "modules"
    )  # those loaded so far: Qt, the window's start, the database layer (SQLAlchemy, the models)
    settings = S.Settings()
    language = window_language(settings)
    align_time_locale(language)  # before the QApplication reads the system locale
    app = QApplication.instance() or QApplication(list(argv))
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_translators(app, language)
    set_window_language(language)
    app.setApplicationDisplayName(
        QCoreApplication.translate("Application", "Lifelong Learning Activity Week")
    )
    install_cjk_font(app)
    install_excepthook()
    crash_trace.enable_fault_log()
    last_crashed = crash_trace.begin_session()
    from lifelong_desktop.db.snapshots import remove_old_copies

    remove_old_copies()
    controller = Application(app, settings)
    opened = controller.open_first(db_path)
    rows_ahead.discard()  # rows read ahead for a file the window did not open (or no programme): not wanted
    if not opened:
        crash_trace.end_session()
        return 3
    gc.freeze()  # what the start built lives on: out of the collector's passes (see app.main)
    collector = MainThreadCollector(app)  # collections from now on in this thread only (see collector.py)
    if last_crashed:
        QTimer.singleShot(0, lambda: tell_last_session_crashed(controller.window))
    install_probe(controller.window)
    code = app.exec()
    collector.stop()
    controller.backup.wait()
    if controller.db is not None:
        controller.db.close()
    settings.sync()
    crash_trace.end_session()
    return code


def tell_last_session_crashed(parent: QWidget | None) -> None:
    """One sentence at start: the last session ended abnormally, and where its report is."""
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("Application", "The last session ended abnormally"),
        QCoreApplication.translate(
            "Application",
            "The program ended abnormally the last time it ran. Every change saved before that is in the "
            "database. A report was written to %1; please send that file to whoever supports the program.",
        ).replace("%1", str(error_log_path())),
    )
