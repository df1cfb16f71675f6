"""Writing a workbook file safely: the app's safe output (lifelong_desktop.files) for `.xlsx` targets."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lifelong_desktop.files import OutputProblem, lock_files, safe_output
from lifelong_desktop.files import check_target as check_any_target

#: the workbook writers' name for the one output failure (an OSError whose str() is the sentence)
WriteProblem = OutputProblem

__all__ = ["WriteProblem", "atomic_file", "check_target", "lock_files"]


def check_target(path: Path | str, *, database: Path | str | None = None) -> Path:
    """The absolute target, or a WriteProblem when it cannot be (re)written as an .xlsx workbook."""
    return check_any_target(path, database=database, suffix=".xlsx")


@contextmanager
def atomic_file(path: Path | str, *, database: Path | str | None = None) -> Iterator[Path]:
    """Yield a temporary path to write; on success it is fsynced and replaces the target, on failure removed."""
    with safe_output(path, database=database, suffix=".xlsx") as tmp:
        yield tmp
