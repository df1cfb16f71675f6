"""The errors the app's own reader finds in a workbook: what an export checks of the file it just wrote."""

from __future__ import annotations

from pathlib import Path

from lifelong_desktop.submission.findings import ERROR, Finding
from lifelong_desktop.submission.reading.reader import read_workbook


def errors_in(path: Path, *, concurrent: bool = False) -> list[Finding]:
    """Every error-level finding of the workbook at `path` (empty when the reader accepts it): the findings
    of a full read, without building its rows. `concurrent` (a single-threaded caller, as the command line):
    the cells are read in a child beside this process's safety scan where that is worth it (read_aside)."""
    result = read_workbook(path, findings_only=True, concurrent=concurrent)
    return [f for f in result.findings if f.severity == ERROR]
