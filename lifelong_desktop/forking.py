"""Work on the second core: a forked child process whose answer comes back through a pipe; no Qt, no SQLAlchemy.

Python runs one thread at a time, and neither lxml's parse nor the checks' passes let go of it (python-calamine
does only while it parses a sheet; its cells made into rows hold it again), so work beside this process's own
needs a process. `fork` (Linux, UOS, Kylin) gives the child what this process has read, copied only on write.
Where there is no fork (Windows), on one core, or when the other cores are busy now, callers do the work
themselves: the answer is the same either way, only later.

Used by the workbook reader (its safety scan in submission/reading/scan_ahead, its cells in read_aside),
merge's reading (submission/merging/paired), `lifelong check` (services/checks/aside) and the Activities
table's rows while the window starts (services/rows_ahead). Only for a single-threaded caller's own process,
never a window that runs (rows_ahead forks before Qt loads): the child leaves with os._exit, without running
this process's exit handlers.

A child started by "spawn" instead (multiprocessing: a fresh interpreter, as the pinyin helper and, where
there is no fork, rows_ahead start) runs, in a frozen app, the app's own executable again: its entry script
calls freeze_support first, and spawn_ready says whether it did.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Send = Callable[[bytes], None]
Receive = Callable[[int], bytes]

# How long result() waits for a child before it stops it and does the work here (the same answer, later): at
# least PATIENCE seconds, and PATIENCE_FACTOR times as long as the child has run when it is asked. A child
# forked while this process's other threads hold a lock it then needs would otherwise hang the command.
PATIENCE = 60.0
PATIENCE_FACTOR = 10.0
_frozen_ready = False  # freeze_support ran (a frozen app's entry script)


@dataclass
class Child:
    """A forked child running a call: `read` takes what it sends early, `tell` sends it something, and
    `result` waits for its return value."""

    pid: int
    from_child: int
    to_child: int | None = None
    started: float = field(default_factory=time.monotonic)

    def read(self, size: int) -> bytes:
        """Up to `size` bytes the child sent before its return value (fewer if it died first)."""
        return read_exact(self.from_child, size)

    def tell(self, message: bytes | None) -> None:
        """Send the child a message (None: close the pipe, the child then reads nothing more)."""
        if self.to_child is None:
            return
        try:
            if message is not None:
                write_all(self.to_child, message)
                return
        except OSError:  # the child is gone: result() does its work here
            pass
        os.close(self.to_child)
        self.to_child = None

    def result(self, kind: type, again: Callable[[], Any], patience: float | None = None) -> Any:
        """The child's return value, of type `kind`; `again()` (the same work here) when it gave none, or none
        within `patience` seconds (by default PATIENCE, or PATIENCE_FACTOR times its run so far if longer).
        Interrupted while it waits, it stops the child first."""
        self.tell(None)  # a child waiting for a message is told there is none before it is waited for
        if patience is None:
            patience = max(PATIENCE, PATIENCE_FACTOR * (time.monotonic() - self.started))
        try:
            data = _read_until(self.from_child, time.monotonic() + patience)
        except BaseException:  # Ctrl+C while waiting: the child is stopped, not left working
            self.stop()
            raise
        if data is None:  # no answer in time: the child is stopped, the work done here
            self.stop()
            return again()
        os.close(self.from_child)
        self.from_child = -1
        os.waitpid(self.pid, 0)
        try:
            value = pickle.loads(data)  # written by our own child just now
        except Exception:  # the child died before it finished (killed, out of memory) or its work raised
            return again()
        return value if isinstance(value, kind) else again()

    def stop(self) -> None:
        """Stop the child now (its answer is not wanted) and reap it, its pipes closed; nothing happens to a
        child reaped already (by result() or a stop before: its number may be another process's by now)."""
        self.tell(None)
        if self.from_child >= 0:
            os.close(self.from_child)
            self.from_child = -1
        try:
            ended, _status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:  # reaped already
            return
        if ended:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:  # it ended meanwhile
            pass
        os.waitpid(self.pid, 0)


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything a pipe gives until its end, or None if it has not ended by `deadline` (time.monotonic)."""
    parts: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        more = os.read(fd, 1 << 16)
        if not more:
            return b"".join(parts)
        parts.append(more)


def fork_call(call: Callable[[Send, Receive], Any]) -> Child:
    """Run `call(send, receive)` in a forked child that hands its return value back through a pipe (call
    hasattr(os, "fork") first): `send(b)` passes early bytes first (Child.read), `receive(n)` reads up to n
    bytes this process tells it (Child.tell)."""
    read_end, write_end = os.pipe()
    down_read, down_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no process to be had (a limit, no memory): the caller does the work itself
        for fd in (read_end, write_end, down_read, down_write):
            os.close(fd)
        raise
    if pid == 0:  # the child
        code = 1
        try:
            os.close(read_end)
            os.close(down_write)
            value = call(lambda data: write_all(write_end, data), lambda size: read_exact(down_read, size))
            write_all(write_end, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    os.close(down_read)
    return Child(pid, read_end, down_write)


def read_exact(fd: int, size: int) -> bytes:
    """Up to `size` bytes from a pipe (fewer only at its end)."""
    data = b""
    while len(data) < size:
        more = os.read(fd, size - len(data))
        if not more:
            break
        data += more
    return data


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def spare_core(own_threads: bool = False, ours: int = 0) -> bool:
    """Whether a core beside this process's own is idle now: at least two cores for this process, and fewer
    threads of other processes ready to run than the other cores. On a busy machine a child would only wait
    for a core and add its share of the work to this process's, so callers do it themselves. With
    `own_threads`, this process's other threads running now count as well (a caller whose threads keep a
    core busy beside it: a child would only share that core with them). `ours`: how many of the processes
    running elsewhere are this process's own children (a scan soon done), not counted as load."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2:
        return False
    elsewhere = running_elsewhere()
    if elsewhere is not None:
        elsewhere = max(0, elsewhere - ours)
        if own_threads:
            elsewhere += max(0, _own_running() - 1)
        return elsewhere < cores - 1
    try:  # no such count here: the load average of the last minute, below all but half a core
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average either: assume the cores are free
        return True
    return load < cores - 0.5


def running_elsewhere() -> int | None:
    """How many threads of other processes are running or ready to run at this moment (Linux's
    /proc/loadavg, less this process's own running threads); None where the system does not say.

    The count now rather than the load average: the average of the last minute still counts processes that
    have ended (a command run just after another would find the machine busy for a minute)."""
    try:
        with open("/proc/loadavg", "rb") as fh:
            running = int(fh.read().split()[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        return None
    return max(0, running - max(1, _own_running()))


def _own_running() -> int:
    """This process's threads running or ready to run (state R in /proc/self/task/*/stat)."""
    own = 0
    try:
        for task in os.listdir("/proc/self/task"):
            try:
                with open(f"/proc/self/task/{task}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:  # the thread ended meanwhile
                continue
            end = stat.rfind(b")")  # the name in brackets may hold spaces and brackets itself
            own += stat[end + 2 : end + 3] == b"R"
    except OSError:
        return 1
    return own


def freeze_support() -> None:
    """First thing in a frozen app's entry script: a child started by "spawn" (the pinyin helper, rows_ahead
    where there is no fork) runs its work there and exits; without this call a frozen app never starts one (it
    would start the app again)."""
    global _frozen_ready
    import multiprocessing

    multiprocessing.freeze_support()
    _frozen_ready = True


def spawn_ready() -> bool:
    """Whether this process may start a child by "spawn": always, except in a frozen app whose entry script
    has not called freeze_support."""
    return not getattr(sys, "frozen", False) or _frozen_ready
