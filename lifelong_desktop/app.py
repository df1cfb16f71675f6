"""GUI entry point wiring: QApplication, translators, settings and the main window."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from lifelong_desktop import messages


def no_display() -> bool:
    """True on Linux/BSD with no X11 or Wayland display and no explicit Qt platform (e.g. over ssh)."""
    if sys.platform.startswith(("win", "darwin")):
        return False
    return not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )


def main(argv: Sequence[str] | None = None) -> int:
    """`lifelong-desktop [DB]`: open the window on a database (the last one, or the default)."""
    argv = list(sys.argv if argv is None else argv)
    if no_display():
        print(messages.render("cli.no_display"), file=sys.stderr)
        return 1
    # The start builds a million objects meant to live (modules, classes, the table's rows) and almost no
    # garbage: the cyclic collector's passes over them only cost time. run() freezes what the start built
    # (never scanned again; freed as usual when dropped) and turns the collector back on.
    gc.disable()
    try:
        from lifelong_desktop.db.location import is_url
        from lifelong_desktop.services import rows_ahead

        given = argv[1] if len(argv) > 1 and not argv[1].startswith("-") else None
        db = given if is_url(given) else Path(given) if given else None
        # before Qt loads (one thread, a small process): a child reads rows meanwhile
        rows_ahead.start(db if isinstance(db, Path) else None if db else _last_database())
        from lifelong_desktop.ui.shell.application import run

        return run(argv, db)
    finally:
        gc.enable()


def _last_database() -> Path | None:
    """The file the window will open when none is given, as far as settings.ini tells without Qt (a guess:
    the window reads its settings through Qt, and rows_ahead uses the rows only for the file it opens)."""
    import configparser

    from lifelong_desktop.paths import default_database_path, user_data_dir

    parser = configparser.RawConfigParser()
    try:
        parser.read(user_data_dir() / "settings.ini", encoding="utf-8")
        last = parser.get("files", "last_database", fallback="").strip().strip('"')
    except (configparser.Error, OSError, UnicodeError):
        return None
    if "://" in last:  # a server: its rows are read there
        return None
    return Path(last) if last and Path(last).is_file() else default_database_path()
