"""Where the shipped resources and the user's data folder are."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from platformdirs import user_data_path

from lifelong_desktop import APP_AUTHOR, APP_NAME

_PACKAGE = Path(__file__).resolve().parent


def bundle_dir() -> Path | None:
    """The folder holding a frozen bundle's files (PyInstaller's sys._MEIPASS), or None when not frozen."""
    folder = getattr(sys, "_MEIPASS", None)
    return Path(folder) if getattr(sys, "frozen", False) and folder else None


def _package_dir() -> Path:
    """The package's own folder: lifelong_desktop/ inside a bundle, else where this module was loaded from."""
    bundle = bundle_dir()
    return bundle / "lifelong_desktop" if bundle is not None else _PACKAGE


@cache
def resources_dir() -> Path:
    """The resources folder: inside a bundle or the installed wheel, or at the top of a source checkout."""
    package = _package_dir()
    for candidate in (package / "resources", package.parent / "resources"):
        if (candidate / "submission").is_dir():
            return candidate
    raise FileNotFoundError("lifelong-desktop resources folder not found")


def resource(*parts: str) -> Path:
    """A path inside the resources folder."""
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    """The Alembic script folder, shipped inside the package (a bundle carries its sources as data)."""
    return _package_dir() / "migrations"


def font_files() -> list[Path]:
    """Fonts shipped with the app (resources/fonts/*.ttf, .ttc, .otf: a bundle carries one), sorted by name."""
    folder = resource("fonts")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".ttf", ".ttc", ".otf"} and p.is_file())


def user_data_dir() -> Path:
    """The per-user data folder (created on demand); LIFELONG_DATA_DIR overrides it (tests)."""
    override = os.environ.get("LIFELONG_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, APP_AUTHOR, roaming=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    """The database used when no path is given: lifelong.sqlite in the user data folder."""
    return user_data_dir() / "lifelong.sqlite"


def help_page(lang: str = "zh") -> Path:
    """The user guide's first page (resources/help/<lang>/index.html); the Chinese guide when there is none
    in that language."""
    for code in dict.fromkeys((lang, "zh")):
        page = resource("help", code, "index.html")
        if page.is_file():
            return page
    raise FileNotFoundError("lifelong-desktop user guide not found")
