"""The window's language, held in one place: code labels, domain sentences and dialogs all read it here.

`zh_CN` (the default) or `en`. The application sets it once at start from the settings (a change takes
effect at the next start); Qt's translators follow it (shell.i18n), and so do the sentences the core renders
(messages.render takes `message_language()`).
"""

from __future__ import annotations

from collections.abc import Iterable

LANGUAGES = ("zh_CN", "en")
_current = ["zh_CN"]


def window_language() -> str:
    """The window's language: `zh_CN` or `en`."""
    return _current[0]


def set_window_language(language: str) -> str:
    """Make `language` the window's (anything but `en` is Chinese); returns the one set."""
    _current[0] = "en" if language == "en" else "zh_CN"
    return _current[0]


def message_language(language: str | None = None) -> str:
    """The messages.render language (`zh` or `en`) of a window language, by default the current one."""
    return "en" if (language or _current[0]) == "en" else "zh"


def joined(items: Iterable[str]) -> str:
    """Items as a list in the window's language: 甲、乙、丙 in Chinese, "a, b, c" in English."""
    return ("、" if message_language() == "zh" else ", ").join(items)
