"""Writing a workbook file safely: the app's safe output (lifelong_desktop.files) for `.xlsx` targets."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lifelong_desktop import messages
from lifelong_desktop.files import OutputProblem, lock_files, safe_output
from lifelong_desktop.files import check_target as check_any_target

#: the workbook writers' name for the one output failure (an OSError whose str() is the sentence)
WriteProblem = OutputProblem

__all__ = ["TooManyRows", "WriteProblem", "atomic_file", "check_target", "lock_files"]


class TooManyRows(WriteProblem):
    """A table has more rows than a workbook can hold and still be read back (the reader's cell limit):
    nothing is written, and the sentence says how many rows there are and how many fit."""

    def __init__(self, path: Path | str, sheet: str, count: int, limit: int) -> None:
        self.sheet, self.count, self.limit = sheet, count, limit  # before OSError's init renders the sentence
        super().__init__("too_many_rows", path)

    def message(self, lang: str | None = None) -> str:
        return messages.render(
            "write.too_many_rows",
            lang,
            name=self.path.name,
            sheet=self.sheet,
            count=f"{self.count:,}",
            limit=f"{self.limit:,}",
        )


def check_target(path: Path | str, *, database: Path | str | None = None) -> Path:
    """The absolute target, or a WriteProblem when it cannot be (re)written as an .xlsx workbook."""
    return check_any_target(path, database=database, suffix=".xlsx")


@contextmanager
def atomic_file(path: Path | str, *, database: Path | str | None = None) -> Iterator[Path]:
    """Yield a temporary path to write; on success it is fsynced and replaces the target, on failure removed."""
    with safe_output(path, database=database, suffix=".xlsx") as tmp:
        yield tmp
