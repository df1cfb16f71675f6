"""Qt for printing without widgets: a QGuiApplication (headless when there is no display) and CJK fonts."""

from __future__ import annotations

import ctypes
import os
import sys
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

# First available family wins. Noto/Source Han CJK come last: their PDF text layer extracts as Kangxi radicals.
FONT_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "微软雅黑",
    "SimSun",
    "宋体",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Zen Hei",
    "AR PL UMing CN",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
)


def keep_none_alive() -> None:
    """Work around shiboken6 6.12 on CPython 3.11: many void Qt methods (QPainter.save, translate, setFont,
    drawLine, ...) release one reference to None per call without taking it, so a long print job drives
    None's count to zero and the interpreter aborts ("none_dealloc"). CPython 3.12 made None immortal;
    here we give it a reference count no process can exhaust. Harmless: None is never meant to be freed."""
    if sys.implementation.name == "cpython" and sys.version_info < (3, 12):
        count = ctypes.c_ssize_t.from_address(id(None))
        if count.value < 1 << 40:
            count.value += 1 << 40


keep_none_alive()


def headless() -> bool:
    """True on Linux without a display server (X11 or Wayland)."""
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def ensure_gui_app() -> QGuiApplication:
    """The running Q(Gui)Application, or a new QGuiApplication (offscreen when headless)."""
    app = QGuiApplication.instance()
    if app is None:
        if headless():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1] or ["lifelong"])
    return app  # type: ignore[return-value]


@cache
def font_family() -> str:
    """The first installed family of FONT_FAMILIES, else the system's default family."""
    ensure_gui_app()
    installed = set(QFontDatabase.families())
    for family in FONT_FAMILIES:
        if family in installed:
            return family
    return QFont().defaultFamily()


def body_font(point_size: float = 10.0) -> QFont:
    font = QFont(font_family())
    font.setPointSizeF(point_size)
    return font
