"""Translators: ours (resources/i18n/lifelong_<lang>.qm) and Qt's own qtbase, so standard dialogs speak Chinese.

English is the source language, but it has a translation too, of plural messages only (lifelong_en.qm, made by
scripts/update-translations): Qt turns "%n activities" into "1 activity" only from a loaded translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from lifelong_desktop.paths import resource
from lifelong_desktop.ui.common.language import LANGUAGES

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace the installed translators by those of `language` (for English: its plural forms only)."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    language = language if language in LANGUAGES else "zh_CN"
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == "zh_CN"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = (f"lifelong_{language}", str(resource("i18n")))
    for name, folder in (ours,) if language == "en" else ((f"qtbase_{language}", qt_dir), ours):
        tr = QTranslator(app)
        if tr.load(name, folder):
            app.installTranslator(tr)
            _installed.append(tr)
    return list(_installed)
