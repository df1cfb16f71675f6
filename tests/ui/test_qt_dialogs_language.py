"""Qt's own dialogs speak the window's language: qtbase's translations are found in the PySide6 wheel and
loaded, and their dates follow the language where the system names no locale (not "6 12 2026")."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QWidget

from lifelong_desktop.ui.shell.i18n import align_time_locale, install_translators
from lifelong_desktop.ui.shell.qt_strings import QT_DIALOG_LABELS

SHOW_DATE = (
    "from lifelong_desktop.ui.shell.i18n import align_time_locale\n"
    "import sys; align_time_locale(sys.argv[1])\n"
    "from PySide6.QtCore import QCoreApplication, QDate, QLocale\n"
    "app = QCoreApplication([])\n"
    "print(QLocale.system().toString(QDate(2026, 12, 6), QLocale.FormatType.ShortFormat))\n"
)


def test_qtbase_translations_ship_in_the_wheel_and_load(qapp):
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert os.path.exists(os.path.join(folder, "qtbase_zh_CN.qm"))
    try:
        loaded = install_translators(qapp, "zh_CN")
        assert any(t.filePath().endswith("qtbase_zh_CN.qm") for t in loaded)
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    finally:
        install_translators(qapp, "en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"


def test_a_bare_session_gets_the_window_languages_date_format():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    for language, expected in (("zh_CN", "2026/12/6"), ("en", "06/12/2026")):
        out = subprocess.run(
            [sys.executable, "-c", SHOW_DATE, language], env=env, capture_output=True, text=True, timeout=60
        )
        assert out.stdout.strip() == expected, out.stderr


def test_a_real_system_locale_is_left_alone():
    env = {"LANG": "zh_TW.UTF-8"}
    assert align_time_locale("zh_CN", env) is None and "LC_TIME" not in env
    env = {"LANG": "C.UTF-8"}
    assert align_time_locale("zh_CN", env) == "zh_CN.UTF-8" == env["LC_TIME"]
    env = {"LC_ALL": "C"}
    assert align_time_locale("zh_CN", env) is None


LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _english_labels(dialog: QWidget) -> list[str]:
    """Texts of the dialog's labels, buttons and actions that hold an English word (not paths or filters)."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        found.append(widget.toolTip())
    found += [a.text() for a in dialog.findChildren(QAction)]
    return sorted({t for t in found if LATIN_WORD.search(t)})


def test_qt_dialogs_the_window_uses_have_no_english_label_left(qapp, tmp_path):
    """Qt 6's labels `&Look in:` and `Files of &type:` are not in Qt's own Chinese catalogue (it has the
    Qt 5 texts): ours supplies them (ui/shell/qt_strings.py), and so for the print dialog's `Page &Set:`."""
    try:
        install_translators(qapp, "zh_CN")
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            dialog = QFileDialog(None, "", str(tmp_path), "Excel (*.xlsx)")
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setAcceptMode(mode)
            assert _english_labels(dialog) == []
            dialog.deleteLater()
        if sys.platform.startswith("linux"):  # Qt's own print dialog (Windows and macOS show the system's)
            printing = QPrintDialog(QPrinter())
            assert _english_labels(printing) == []
            printing.deleteLater()
        for label in QT_DIALOG_LABELS:
            context = "QPrintSettingsOutput" if label == "Page &Set:" else "QFileDialog"
            assert QCoreApplication.translate(context, label) != label
    finally:
        install_translators(qapp, "en")
