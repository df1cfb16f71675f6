"""One pass of the checks in a forked child on the second core, with the same answer as in this process.

`Aside(work)` forks a child (where there is fork, with a second core likely idle) that runs `work()` over what
this process has read already (its memory, copied on write: nothing is read again) and hands the set of ids
it returns back through a pipe; `result()` waits for it. Python runs one thread at a time, so a thread would
not run the pass beside this process's own: a process does. Without fork (Windows), on one core or a busy
machine, or when the child gives no answer (killed, out of memory), the work runs in this process when
`result()` is asked: the same set either way. The child uses no database connection (those are this
process's) and leaves without running this process's exit handlers.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable


class Aside:
    """`work()` run in a forked child, or here when result() is asked (see the module); not forked unless
    `worth_it` (a fork costs more than a small pass)."""

    def __init__(self, work: Callable[[], set[int]], worth_it: bool = True) -> None:
        self._work = work
        self._child: tuple[int, int] | None = None
        if worth_it and hasattr(os, "fork") and spare_core():
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child
                code = 1
                try:
                    os.close(read_end)
                    _write_all(write_end, pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
                    code = 0
                finally:
                    os._exit(code)
            os.close(write_end)
            self._child = (pid, read_end)

    @property
    def forked(self) -> bool:
        return self._child is not None

    def result(self) -> set[int]:
        """The set `work()` returns, from the child when it answered, else computed here."""
        if self._child is None:
            return self._work()
        pid, fd = self._child
        self._child = None
        with os.fdopen(fd, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        try:
            value = pickle.loads(data)  # written by our own child just now
        except Exception:  # the child died before it finished, or its work raised: do it here
            return self._work()
        return value if isinstance(value, set) else self._work()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def spare_core() -> bool:
    """Whether a second core is likely idle: at least two cores for this process and a load average (last
    minute) below all but half a core of them (on a busy machine the child would only wait for a core)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2:
        return False
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average on this system: assume the cores are free
        return True
    return load < cores - 0.5
