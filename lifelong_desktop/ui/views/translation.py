"""The translations of the views and register dialogs (resources/i18n/views_<lang>.qm), beside the app's own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from lifelong_desktop.paths import resource

_installed: list[QTranslator] = []


def install_views_translator(app: QCoreApplication | None = None, language: str | None = None) -> bool:
    """Install the views' translator (English: plural forms only); the language defaults to the default locale's."""
    app = app or QCoreApplication.instance()
    if app is None:
        return False
    if language is None:
        language = "en" if QLocale().language() == QLocale.Language.English else "zh_CN"
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    tr = QTranslator(app)
    if not tr.load(f"views_{language}", str(resource("i18n"))):
        return False
    app.installTranslator(tr)
    _installed.append(tr)
    return True
