"""The errors the app's own reader finds in a workbook: what an export checks of the file it just wrote."""

from __future__ import annotations

from pathlib import Path

from lifelong_desktop.submission.findings import ERROR, Finding
from lifelong_desktop.submission.reading.reader import read_workbook


def errors_in(path: Path) -> list[Finding]:
    """Every error-level finding of the workbook at `path` (empty when the reader accepts it)."""
    return [f for f in read_workbook(path).findings if f.severity == ERROR]
