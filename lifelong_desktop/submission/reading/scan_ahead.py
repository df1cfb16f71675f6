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

from lifelong_desktop.forking import Child, Receive, Send, fork_call, spare_core
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.reading import safety
from lifelong_desktop.submission.reading.sheet_scan import CHUNK, MAX_CELLS, NearCells

# Smaller files are scanned first, as before: a fork costs more than their whole scan.
MIN_BYTES = 1 << 20
# A worksheet this big (inflated) is likely to reach row 100,000, where the quick check cannot vouch for the
# cells (the fast patterns stop at row 99,999): the reader would wait for the verdict anyway and the quick
# check would only add its work (the 142,853-activity export at the limit: 9.2-9.7 s scanned first, 9.7-11 s
# forked). Such a workbook is scanned first, as before.
MAX_QUICK_SHEET_BYTES = 64 << 20


# The largest worksheet, from this size (inflated) on, has its cells checked in two shares at once: the first
# PARENT_SHARE of its bytes by the reader's process, which would only wait meanwhile, and the rest by the child,
# which inflates the whole part anyway (CRC and size) and checks every other part too.
SPLIT_MIN_BYTES = 4 << 20
PARENT_SHARE = 0.6
_ANSWER = 9  # bytes of a share's answer: b"1" (harmless) or b"0", then its `<c` count (8 bytes, big-endian)


@dataclass(frozen=True)
class Split:
    """A worksheet checked in two shares: the parent's ends before the first `<` of piece `pieces` (of CHUNK
    inflated bytes each; zipfile's read(CHUNK) returns whole pieces), the child's starts there."""

    part: str
    pieces: int


@dataclass
class Forked:
    """The scan running in a child process (forking.Child); `result()` waits for its report."""

    child: Child
    kind: type
    again: Callable[[], Any]  # the same work in this process, when the child gives no answer
    path: Path | None = None
    split: Split | None = None

    def vouched(self, while_waiting: Callable[[], object] | None = None) -> bool:
        """Whether the cell reader may read the workbook before the verdict: this process checks its share of a
        split worksheet, tells the child, calls `while_waiting` (the caller's work meanwhile), and reads the
        child's answer (both then agree on it)."""
        mine, cells = True, 0
        if self.split is not None and self.path is not None:
            mine, cells = head_harmless(self.path, self.split)
            self.child.tell(_answer(mine, cells))
        self.child.tell(None)
        if while_waiting is not None:
            while_waiting()
        theirs = self.early()
        if len(theirs) < _ANSWER:
            return False  # the child died first
        return mine and theirs[:1] == b"1" and int.from_bytes(theirs[1:], "big") + cells <= MAX_CELLS

    def early(self) -> bytes:
        """The child's answer to the quick check, sent before its return value (short if it died first)."""
        return self.child.read(_ANSWER)

    def result(self) -> Any:
        """The child's return value (the work runs here instead if the child gave none)."""
        return self.child.result(self.kind, self.again)


def _answer(harmless: bool, cells: int) -> bytes:
    return (b"1" if harmless else b"0") + min(cells, (1 << 63) - 1).to_bytes(8, "big")


def start(path: Path, *, split: bool = True) -> Forked | None:
    """The scan of a workbook of at least MIN_BYTES forked; None where there is no fork, for a small file, or
    when no core is spare. `vouched()` then says whether the cell reader may read the workbook before the
    verdict (the quick check, harmless_to_read, in two shares when `split` and a worksheet is big enough, else
    by the child alone); `result()` is the SafetyReport of the full scan."""
    if not worth_forking(path):
        return None
    big, shares = _plan(path)
    if big:
        return None
    shares = shares if split else None
    try:
        child = fork_call(lambda send, receive: _scan(path, send, receive, shares))
    except OSError:  # no process to be had now (a limit, no memory): the caller scans first, as without fork
        return None
    return Forked(child, safety.SafetyReport, lambda: safety.inspect_workbook(path), path, shares)


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


def _scan(path: Path, send: Send, receive: Receive, split: Split | None) -> safety.SafetyReport:
    """The child's work: the quick check (its share of it), its answer sent at once, then the scan (the same
    report as inspect_workbook(path); the cell patterns the quick check ran are not run twice)."""
    checked, cells = _quick(path, split)
    send(_answer(checked, cells))
    if split is not None:  # the parent's share: both must be harmless, their cells within the limit
        theirs = receive(_ANSWER)
        checked = checked and theirs[:1] == b"1" and int.from_bytes(theirs[1:], "big") + cells <= MAX_CELLS
    return safety.inspect_workbook(path, cells_checked=checked)


def _plan(path: Path, share: float = PARENT_SHARE) -> tuple[bool, Split | None]:
    """By the zip's directory: whether a worksheet inflates beyond MAX_QUICK_SHEET_BYTES, and the largest
    worksheet's split when it is big enough to share (a file that is no readable zip is left to the child's
    scan, which says what is wrong)."""
    try:
        with zipfile.ZipFile(path) as zf:
            sheets = [i for i in zf.infolist() if i.filename.startswith("xl/worksheets/")]
    except Exception:  # not a zip, a damaged directory: the scan refuses it either way
        return False, None
    if any(i.file_size > MAX_QUICK_SHEET_BYTES for i in sheets):
        return True, None
    largest = max(sheets, key=lambda i: i.file_size, default=None)
    if largest is None or largest.file_size < SPLIT_MIN_BYTES or not largest.filename.endswith(".xml"):
        return False, None
    if sum(i.filename == largest.filename for i in sheets) > 1:
        return False, None  # one name twice in the directory: not split
    pieces = min(int(largest.file_size * share) // CHUNK, (largest.file_size - 1) // CHUNK)
    return False, Split(largest.filename, pieces) if pieces > 0 else None


def harmless_to_read(path: Path) -> bool:
    """True when the cell reader may read the workbook before the scan's verdict: every part inflates to
    its declared size, the XML is within the scan's work limit, and every worksheet's cells are near ones
    with plain references (the fast check of the scan). False when unsure, never an exception."""
    return _quick(path, None)[0]


def _quick(path: Path, split: Split | None) -> tuple[bool, int]:
    """harmless_to_read, all but the parent's share of a split worksheet, and the `<c` count of the child's
    share of it; (False, 0) when unsure, never an exception."""
    try:
        return _harmless(path, split)
    except Exception:  # anything odd: wait for the verdict
        return False, 0


def _harmless(path: Path, split: Split | None) -> tuple[bool, int]:
    limits = load_format().limits
    size = path.stat().st_size
    if size > limits["max_file_bytes"]:
        return False, 0
    with path.open("rb") as fh:
        if not fh.read(8).startswith(safety.ZIP_MAGICS):
            return False, 0
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        safety._check_directory(zf, infos, limits)  # raises Refused: unsure
        parsed, cells = 0, 0
        for info in infos:
            if info.is_dir():
                continue
            sheet = info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            parsed += info.file_size if safety._is_parsed(info.filename) else 0
            if parsed > safety.MAX_PARSED_XML_BYTES:
                return False, 0
            if split is not None and info.filename == split.part:
                harmless, cells = _tail_harmless(zf, info, split)
            else:
                harmless = _part_harmless(zf, info, sheet)
            if not harmless:
                return False, 0
    return True, cells


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


def _tail_harmless(zf: zipfile.ZipFile, info: zipfile.ZipInfo, split: Split) -> tuple[bool, int]:
    """The child's share of a split worksheet: the whole part inflated, the cells checked from the first `<`
    of piece `split.pieces` on; and their `<c` count."""
    cells = NearCells(start=False)
    with zf.open(info) as part:
        for _ in range(split.pieces):
            part.read(CHUNK)
        chunk = part.read(CHUNK)
        at = chunk.find(b"<")
        if at < 0:
            return False, 0
        chunk = chunk[at:]
        while True:
            if not cells.feed(chunk):
                return False, 0
            if not chunk:
                return True, cells.cells
            chunk = part.read(CHUNK)


def head_harmless(path: Path, split: Split) -> tuple[bool, int]:
    """The parent's share of a split worksheet: its cells up to the first `<` of piece `split.pieces`, and
    their `<c` count; (False, 0) when unsure, never an exception."""
    try:
        with zipfile.ZipFile(path) as zf, zf.open(split.part) as part:
            cells = NearCells()
            for _ in range(split.pieces):
                if not cells.feed(part.read(CHUNK)):
                    return False, 0
            chunk = part.read(CHUNK)
            at = chunk.find(b"<")
            if at < 0 or not cells.feed(chunk[:at], end=True):
                return False, 0
            return True, cells.cells
    except Exception:  # anything odd: wait for the verdict
        return False, 0
