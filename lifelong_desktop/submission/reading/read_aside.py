"""The cells read in a forked child while this process runs the safety scan, with the same result as scanning
first: for `lifelong validate` and `lifelong export`'s check of the file it wrote, which want the findings only.

scan_ahead puts the scan in a child, but the cell reader still waits for the quick check's vouch (0.1 s of a
20,000-activity export on two cores) before it may see the file. Here the roles swap. The child reads the cells
at once, not yet vouched for, in a process that may die of it without harm: its address space is capped
(MEMORY_HEADROOM above what it was forked with), so a grid of far cells that would take the PC's memory makes
it fail instead. This process meanwhile runs the full scan (safety.inspect_workbook) and then:
- the scan refuses the file: the child is stopped, the answer is the scan's findings, as when scanning first;
- the scan finds nothing wrong: the child is sent the scan's report, which the reader's later steps need
  (which parts hold formulas or error values), and its answer is what the reader gives after that report;
- the child gives no answer (it died, hit its cap, hung past forking's patience, answered wrongly): `finish`
  says so and the caller reads the file in its own process, the scan having vouched for it.

Only where a child can read beside this process (scan_ahead.worth_forking: fork, a spare core, a file of at
least MIN_BYTES) and for a caller that wants no rows back (they would cost more to hand over than to read
here); elsewhere the caller reads as before. The child writes nothing: its output goes nowhere (a reader that fails to allocate
says so on stderr as it aborts), its answer comes back through forking's pipe.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lifelong_desktop.forking import Child, Receive, fork_call
from lifelong_desktop.submission.reading.safety import SafetyReport
from lifelong_desktop.submission.reading.scan_ahead import worth_forking

# What the child may take beyond the address space it was forked with. The child reads before the scan has
# vouched for the file, so this is also what a file the scan then refuses can cost: a column filled down a
# million rows made a child of 1 GiB headroom reach 944 MB (the worst cases' limit is 500 MB), and 139 MB with
# this one. 99,990 activity rows of 28 cells (2.8 million cells, 300 MB in all) still read in the child. A child
# that needs more (a file near the format's 4,000,000 cells) answers nothing, and the file is read in this
# process after the scan's verdict (which refuses a sheet whose cells reach far): the same result, later.
MEMORY_HEADROOM = 384 << 20
_LENGTH = 8  # bytes of the length of the report sent to the child (big-endian)

Verdict = Callable[[], SafetyReport]


class ReadAside:
    """A read running in a child (`start`); `finish(report)` gives its answer once the scan is done."""

    def __init__(self, child: Child, kind: type) -> None:
        self.child, self.kind = child, kind

    def finish(self, report: SafetyReport) -> Any | None:
        """The child's answer, of type `kind`, after the scan's `report`; None when the report refuses the file
        (the child is stopped: the scan's findings are the answer) or when the child gives no answer (the
        caller then reads the file itself)."""
        if report.findings:
            self.child.stop()
            return None
        try:
            data = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
            self.child.tell(len(data).to_bytes(_LENGTH, "big") + data)
            return self.child.result(self.kind, lambda: None)
        except BaseException:  # Ctrl+C while telling it, or any failure here: the child is not left reading
            self.child.stop()
            raise

    def stop(self) -> None:
        """Stop the child (its answer is not wanted)."""
        self.child.stop()


def start(path: Path, read: Callable[[Verdict], Any], kind: type) -> ReadAside | None:
    """`read(verdict)` started in a forked child, where `verdict()` waits for the report this process's scan
    sends (`ReadAside.finish`); None where there is no fork, for a small file, when no core is spare now, or
    when no process is to be had (the caller then scans first, as before)."""
    if not worth_forking(path):
        return None
    try:
        child = fork_call(lambda _send, receive: _in_child(read, receive))
    except OSError:  # a process limit, no memory: the caller scans first
        return None
    return ReadAside(child, kind)


def _in_child(read: Callable[[Verdict], Any], receive: Receive) -> Any:
    _quiet()
    _cap_memory()
    return read(lambda: _verdict(receive))


def _verdict(receive: Receive) -> SafetyReport:
    """The scan's report, sent once the scan found nothing wrong; raises when none comes (the parent stopped
    listening: this child then ends without an answer)."""
    size = int.from_bytes(receive(_LENGTH), "big")
    report = pickle.loads(receive(size))  # written by our own parent just now; b"" raises
    if not isinstance(report, SafetyReport):
        raise TypeError("no report")
    return report


def _quiet() -> None:
    """The child's output goes nowhere: it answers through the pipe, and a cell reader that dies of its cap
    must not print into the command's output, nor report a crash (faulthandler) where it was asked to."""
    import faulthandler

    faulthandler.disable()
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    for fd in (1, 2):
        os.dup2(null, fd)
    os.close(null)


def _cap_memory() -> None:
    """Cap this child's address space at its size now plus MEMORY_HEADROOM, and let it leave no core file;
    where the system does not say its size (no /proc) or refuses the limit, the child runs uncapped."""
    try:
        import resource

        with open("/proc/self/statm", "rb") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + MEMORY_HEADROOM
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        if soft == resource.RLIM_INFINITY or soft > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    except (ImportError, OSError, ValueError, IndexError):
        return
