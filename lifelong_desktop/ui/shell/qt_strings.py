"""Labels of Qt's own dialogs that Qt's Chinese catalogue (qtbase_zh_CN) lacks for the Qt this app ships with.

Qt 6 renamed a few labels of its file and print dialogs (`Look in:` became `&Look in:`) and the community
catalogue still holds only the old text, so those labels showed in English in an otherwise Chinese dialog.
Listed here, they reach resources/i18n/lifelong_zh_CN.ts through scripts/update-translations under Qt's own
context names; our translator is installed after Qt's (i18n.install_translators) and is asked first.
tests/ui/test_qt_dialogs_language.py opens the dialogs in Chinese and fails on any English label left.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_DIALOG_LABELS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)
