"""The safety scan on the second core while the cell reader works, with the same verdict as scanning first.

`start(path)` forks a child process that first runs the quick check below and sends its answer, then runs
`safety.inspect_workbook(path)` and hands its SafetyReport back through a pipe; `result()` waits for it.
lxml's parse keeps the GIL (python-calamine lets go of it only while it parses), so a thread would not run the
scan beside the reader's work: a process does (on Linux; where there is no fork, `start` returns None and the
caller scans first, as before). `lifelong validate` swaps the roles (read_aside: the cells read in a child).

The cell reader must never see a file that could hurt it before the verdict: a sheet whose cells reach far
(the reader allocates a dense grid: a cell at XFD1048576 aborts the process), a part that inflates beyond its
declared size, more XML than the scan parses. `harmless_to_read(path)` checks just that, in one pass of the
cheap patterns (about half of the scan's work, which the scan then skips); the reader waits for its answer
and, when it is unsure, for the verdict. Whatever it says, the verdict is the child's full scan, so findings are those of scanning
first. If the child fails (killed, out of memory), the scan runs again in this process.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lifelong_desktop.forking import Child, Send, fork_call, spare_core
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.reading import safety
from lifelong_desktop.submission.reading.sheet_scan import CHUNK, NearCells

# Smaller files are scanned first, as before: a fork costs more than their whole scan.
MIN_BYTES = 1 << 20
# A worksheet this big (inflated) is likely to reach row 100,000, where the quick check cannot vouch for the
# cells (the fast patterns stop at row 99,999): the reader would wait for the verdict anyway and the quick
# check would only add its work (the 142,853-activity export at the limit: 9.2-9.7 s scanned first, 9.7-11 s
# forked). Such a workbook is scanned first, as before.
MAX_QUICK_SHEET_BYTES = 64 << 20

_ANSWER = 1  # byte of the quick check's answer: b"1" (harmless) or b"0"


@dataclass
class Forked:
    """The scan running in a child process (forking.Child); `result()` waits for its report."""

    child: Child
    kind: type
    again: Callable[[], Any]  # the same work in this process, when the child gives no answer

    def vouched(self, while_waiting: Callable[[], object] | None = None) -> bool:
        """Whether the cell reader may read the workbook before the verdict: the child's answer to the quick
        check, read after `while_waiting` (the caller's work meanwhile); False when it died first."""
        self.child.tell(None)
        if while_waiting is not None:
            while_waiting()
        return self.early() == b"1"

    def early(self) -> bytes:
        """The child's answer to the quick check, sent before its return value (empty if it died first)."""
        return self.child.read(_ANSWER)

    def result(self) -> Any:
        """The child's return value (the work runs here instead if the child gave none)."""
        return self.child.result(self.kind, self.again)


def start(path: Path) -> Forked | None:
    """The scan of a workbook of at least MIN_BYTES forked; None where there is no fork, for a small file, when
    no core is spare, or for a worksheet past MAX_QUICK_SHEET_BYTES. `vouched()` then says whether the cell
    reader may read the workbook before the verdict (the quick check, harmless_to_read, by the child);
    `result()` is the SafetyReport of the full scan."""
    if not worth_forking(path) or _big_sheet(path):
        return None
    try:
        child = fork_call(lambda send, _receive: _scan(path, send))
    except OSError:  # no process to be had now (a limit, no memory): the caller scans first, as without fork
        return None
    return Forked(child, safety.SafetyReport, lambda: safety.inspect_workbook(path))


def worth_forking(path: Path) -> bool:
    """Whether a child may work on this workbook beside this process: there is fork, a core is spare now, and
    the file is at least MIN_BYTES (a fork costs more than a smaller file's whole scan)."""
    if not hasattr(os, "fork"):
        return False
    try:
        if path.stat().st_size < MIN_BYTES:
            return False
    except OSError:
        return False
    return spare_core()


def _scan(path: Path, send: Send) -> safety.SafetyReport:
    """The child's work: the quick check, its answer sent at once, then the scan (the same report as
    inspect_workbook(path); the cell patterns the quick check ran are not run twice)."""
    checked = harmless_to_read(path)
    send(b"1" if checked else b"0")
    return safety.inspect_workbook(path, cells_checked=checked)


def _big_sheet(path: Path) -> bool:
    """By the zip's directory: whether a worksheet inflates beyond MAX_QUICK_SHEET_BYTES (a file that is no
    readable zip is left to the child's scan, which says what is wrong)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return any(
                i.filename.startswith("xl/worksheets/") and i.file_size > MAX_QUICK_SHEET_BYTES
                for i in zf.infolist()
            )
    except Exception:  # not a zip, a damaged directory: the scan refuses it either way
        return False


def harmless_to_read(path: Path) -> bool:
    """True when the cell reader may read the workbook before the scan's verdict: every part inflates to
    its declared size, the XML is within the scan's work limit, and every worksheet's cells are near ones
    with plain references (the fast check of the scan). False when unsure, never an exception."""
    try:
        return _harmless(path)
    except Exception:  # anything odd: wait for the verdict
        return False


def _harmless(path: Path) -> bool:
    limits = load_format().limits
    size = path.stat().st_size
    if size > limits["max_file_bytes"]:
        return False
    with path.open("rb") as fh:
        if not fh.read(8).startswith(safety.ZIP_MAGICS):
            return False
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        safety._check_directory(zf, infos, limits)  # raises Refused: unsure
        parsed = 0
        for info in infos:
            if info.is_dir():
                continue
            sheet = info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            parsed += info.file_size if safety._is_parsed(info.filename) else 0
            if parsed > safety.MAX_PARSED_XML_BYTES or not _part_harmless(zf, info, sheet):
                return False
    return True


def _part_harmless(zf: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: bool) -> bool:
    """Inflate one part (zipfile stops at its declared size and checks the CRC); a worksheet's cells checked."""
    cells = NearCells() if sheet else None
    with zf.open(info) as part:
        while True:
            chunk = part.read(CHUNK)
            if cells is not None and not cells.feed(chunk):
                return False
            if not chunk:
                return True
