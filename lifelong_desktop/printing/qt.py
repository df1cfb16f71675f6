"""Qt for printing without widgets: a QGuiApplication (headless when there is no display) and CJK fonts."""

from __future__ import annotations

import ctypes
import os
import sys
import unicodedata
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from lifelong_desktop import paths

# Preferred families, first available and clean wins (see font_family): WenQuanYi, Windows' (YaHei, SimSun, SimHei),
# macOS's, then the CJK fonts of UOS/deepin and Kylin. Noto/Source Han CJK come last: their glyphs for ideographs
# such as 日 are shared with the Kangxi radicals (⽇), so a PDF's text layer extracts as radicals.
FONT_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "微软雅黑",
    "SimSun",
    "宋体",
    "SimHei",
    "黑体",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Zen Hei",
    "AR PL UMing CN",
    "AR PL UKai CN",
    "Droid Sans Fallback",
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Serif SC",
)
# The Kangxi radicals (U+2F00-U+2FD5) and the ideographs they stand for (日 for ⽇, ...).
_RADICALS = "".join(chr(c) for c in range(0x2F00, 0x2FD6))
_IDEOGRAPHS = unicodedata.normalize("NFKC", _RADICALS)
_SAMPLE = "全民终身学习活动周日程表辽宁省"


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


def quick_pyside_import_hook() -> None:
    """PySide6 (PYSIDE-2029) asks of every module imported after it whether its source says "PySide6", through
    `inspect.getsource` (a linecache read and a dozen path checks each): a tenth of a second over the
    window's imports. Same question, same answer, read as plain bytes from the module's .py file; modules
    without one keep PySide6's own answer. Nothing changes when PySide6 no longer has the hook."""
    feature = sys.modules.get("PySide6.support.feature") or sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quick", False):
        return

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as fh:
                    return b"PySide6" in fh.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


quick_pyside_import_hook()


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


def extracts_cleanly(family: str) -> bool:
    """True when the family draws Chinese and its PDF text reads back as the same characters: it has glyphs for
    common characters, and none of its ideographs shares a glyph with the Kangxi radical that looks the same
    (where they do, as in Noto Sans CJK, the PDF's text layer maps the glyph to the radical: 日 reads as ⽇)."""
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid() or 0 in raw.glyphIndexesForString(_SAMPLE):
        return False
    ideographs, radicals = raw.glyphIndexesForString(_IDEOGRAPHS), raw.glyphIndexesForString(_RADICALS)
    return not any(a == b != 0 for a, b in zip(ideographs, radicals, strict=True))


def bundled_families() -> list[str]:
    """The families of the fonts shipped with the app (paths.font_files), loaded into Qt's font database."""
    families: list[str] = []
    for path in paths.font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    return families


@cache
def font_family() -> str:
    """The family schedules are drawn with, chosen by what this machine has and by whether it extracts cleanly:
    the first clean installed family of FONT_FAMILIES, else a clean font shipped with the app (a bundle carries
    WenQuanYi Micro Hei), else any other clean installed Chinese family, else the first installed family of
    FONT_FAMILIES even if its text extracts as radicals, else the system's default family."""
    ensure_gui_app()
    installed = set(QFontDatabase.families())
    preferred = [f for f in FONT_FAMILIES if f in installed]
    for family in preferred:
        if extracts_cleanly(family):
            return family
    for family in bundled_families():
        if extracts_cleanly(family):
            return family
    for family in sorted(
        set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)) - set(preferred)
    ):
        if extracts_cleanly(family):
            return family
    return preferred[0] if preferred else QFont().defaultFamily()


def body_font(point_size: float = 10.0) -> QFont:
    font = QFont(font_family())
    font.setPointSizeF(point_size)
    return font
