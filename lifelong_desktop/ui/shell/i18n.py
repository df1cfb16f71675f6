"""Translators: ours (resources/i18n/lifelong_<lang>.qm) and Qt's own qtbase, so standard dialogs speak Chinese.

English is the source language, but it has a translation too, of plural messages only (lifelong_en.qm, made by
scripts/update-translations): Qt turns "%n activities" into "1 activity" only from a loaded translation.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

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


TIME_LOCALES = {"zh_CN": "zh_CN.UTF-8", "en": "en_GB.UTF-8"}


def align_time_locale(language: str, environ: MutableMapping[str, str] = os.environ) -> str | None:
    """Before the QApplication exists: where the system names no locale for dates (C or POSIX, as on a bare
    Linux session), Qt's own dialogs write dates as "6 12 2026"; give them the window language's (2026/12/6).
    A real system locale (zh_CN.UTF-8 on UOS, say) is left alone. Returns the LC_TIME set, if any."""
    current = environ.get("LC_ALL") or environ.get("LC_TIME") or environ.get("LANG") or ""
    if current.split(".")[0] not in ("", "C", "POSIX"):
        return None
    if environ.get("LC_ALL"):
        return None  # an explicit C for everything is the user's choice
    value = TIME_LOCALES.get(language if language in TIME_LOCALES else "zh_CN")
    environ["LC_TIME"] = value
    return value
