"""GUI entry point wiring: QApplication, translators, settings and the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    """`lifelong-desktop [DB]`: open the window on a database (the last one, or the default)."""
    argv = list(sys.argv if argv is None else argv)
    from lifelong_desktop.ui.application import run

    db = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("-") else None
    return run(argv, db)
