"""The safety scan on the second core while the cell reader works, with the same verdict as scanning first.

`start(path)` forks a child process that first runs the quick check below and sends its answer, then runs
`safety.inspect_workbook(path)` and hands its SafetyReport back through a pipe; `result()` waits for it. Both lxml's parse and python-calamine keep
the GIL, so a thread would not run them side by side: a process does (on Linux; where there is no fork,
`start` returns None and the caller scans first, as before).

The cell reader must never see a file that could hurt it before the verdict: a sheet whose cells reach far
(the reader allocates a dense grid: a cell at XFD1048576 aborts the process), a part that inflates beyond its
declared size, more XML than the scan parses. `harmless_to_read(path)` checks just that, in one pass of the
cheap patterns (about half of the scan's work, which the scan then skips); the reader waits for its answer
and, when it is unsure, for the verdict. Whatever it says, the verdict is the child's full scan, so findings are those of scanning
first. If the child fails (killed, out of memory), the scan runs again in this process.
"""

from __future__ import annotations

import os
import pickle
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.reading import safety
from lifelong_desktop.submission.reading.sheet_scan import (
    _NOT_NEAR_CELL,
    _ODD_ROW,
    _PREFIXED,
    _SHEET_DATA_END,
    CHUNK,
    MAX_CELLS,
)

# Smaller files are scanned first, as before: a fork costs more than their whole scan.
MIN_BYTES = 1 << 20
# A worksheet this big (inflated) is likely to reach row 100,000, where the quick check cannot vouch for the
# cells (the fast patterns stop at row 99,999): the reader would wait for the verdict anyway and the quick
# check would only add its work (the 142,853-activity export at the limit: 9.2-9.7 s scanned first, 9.7-11 s
# forked). Such a workbook is scanned first, as before.
MAX_QUICK_SHEET_BYTES = 64 << 20


@dataclass
class Forked:
    """A call running in a child process; `result()` waits for its return value."""

    pid: int
    fd: int
    kind: type
    again: Callable[[], Any]  # the same work in this process, when the child gives no answer

    def early(self) -> bytes:
        """The one byte the child sends before its return value (b"" if it died first)."""
        return os.read(self.fd, 1)

    def result(self) -> Any:
        """The child's return value (the work runs here instead if the child gave none)."""
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self.pid, 0)
        try:
            value = pickle.loads(data)  # written by our own child just now
        except Exception:  # the child died before it finished (killed, out of memory) or raised
            return self.again()
        return value if isinstance(value, self.kind) else self.again()


def fork_call(call: Callable[[Callable[[bytes], None]], Any], kind: type, again: Callable[[], Any]) -> Forked:
    """Run `call(send)` in a forked child that hands its return value (of type `kind`) back through a pipe;
    `send(b)` passes one early byte first. For a single-threaded caller: the child leaves without running
    the parent's exit handlers."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        code = 1
        try:
            os.close(read_end)
            value = call(lambda byte: _write_all(write_end, byte))
            _write_all(write_end, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return Forked(pid, read_end, kind, again)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def start(path: Path) -> Forked | None:
    """The scan of a workbook of at least MIN_BYTES forked; None where there is no fork, for a small file, or
    when no core is spare. The child first sends b"1" when the cell reader may read the workbook before the
    verdict (harmless_to_read), else b"0"; `result()` is then the SafetyReport of the full scan."""
    if not hasattr(os, "fork"):
        return None
    try:
        if path.stat().st_size < MIN_BYTES:
            return None
    except OSError:
        return None
    if not spare_core() or _big_sheet(path):
        return None
    return fork_call(
        lambda send: _scan(path, send), safety.SafetyReport, lambda: safety.inspect_workbook(path)
    )


def _scan(path: Path, send: Callable[[bytes], None]) -> safety.SafetyReport:
    """The child's work: the quick check, its answer sent at once, then the scan (the same report as
    inspect_workbook(path); the cell patterns the quick check ran are not run twice)."""
    checked = harmless_to_read(path)
    send(b"1" if checked else b"0")
    return safety.inspect_workbook(path, cells_checked=checked)


def _big_sheet(path: Path) -> bool:
    """Whether a worksheet inflates beyond MAX_QUICK_SHEET_BYTES, by the zip's directory (a file that is no
    readable zip is left to the child's scan, which says what is wrong)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return any(
                i.filename.startswith("xl/worksheets/") and i.file_size > MAX_QUICK_SHEET_BYTES
                for i in zf.infolist()
            )
    except Exception:  # not a zip, a damaged directory: the scan refuses it either way
        return False


def spare_core() -> bool:
    """Whether a second core is likely idle: at least two cores for this process and a load average (last
    minute) below all but half a core of them. On a busy machine the child would only wait for a core and
    add the quick check's work to the reader's, so the scan runs first, as on one core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2:
        return False
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average on this system: assume the cores are free
        return True
    return load < cores - 0.5


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
    carry, cells, done, first = b"", 0, not sheet, True
    with zf.open(info) as part:
        while True:
            chunk = part.read(CHUNK)
            if done:
                if not chunk:
                    return True
                continue
            if first and chunk[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):
                return False  # UTF-16: the patterns do not apply
            first = False
            piece = carry + chunk
            cut = piece.rfind(b"<") if chunk else len(piece)
            if chunk and (cut <= 0 or len(piece) - cut > 2 * CHUNK):
                return False  # no tag boundary to cut at: the scan looks at such a sheet closely
            whole, carry = piece[:cut], piece[cut:]
            end = _SHEET_DATA_END.search(whole) if b"sheetData" in whole else None
            if end is not None:
                whole, done = whole[: end.start()], True
            if _NOT_NEAR_CELL.search(whole) or _ODD_ROW.search(whole) or _PREFIXED.search(whole):
                return False
            cells += whole.count(b"<c")
            if cells > MAX_CELLS:
                return False
            if not chunk:
                return True
