"""Where the shipped resources and the user's data folder are."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from platformdirs import user_data_path

from lifelong_desktop import APP_AUTHOR, APP_NAME

_PACKAGE = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    """The resources folder: inside the installed wheel, or at the top of a source checkout."""
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if (candidate / "submission").is_dir():
            return candidate
    raise FileNotFoundError("lifelong-desktop resources folder not found")


def resource(*parts: str) -> Path:
    """A path inside the resources folder."""
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    """The Alembic script folder, shipped inside the package."""
    return _PACKAGE / "migrations"


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
