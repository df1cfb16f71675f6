"""One pass of the checks in a forked child on the second core, with the same answer as in this process.

`Aside(work)` forks a child (lifelong_desktop.forking: where there is fork, with a core beside this one idle)
that runs `work()` over what this process has read already (its memory, copied on write: nothing is read
again) and hands the set of ids it returns back through a pipe; `result()` waits for it. Without fork
(Windows), on one core or a busy machine, or when the child gives no answer (killed, out of memory), the work
runs in this process when `result()` is asked: the same set either way. A core this process's own threads
keep busy (SQLite reading beside it) is no spare core: a child there costs more than it saves (the pages it
shares are copied as either process writes them). The child uses no database connection (those are this
process's).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from lifelong_desktop.forking import Child, fork_call, spare_core


class Aside:
    """`work()` run in a forked child, or here when result() is asked (see the module); not forked unless
    `worth_it` (a fork costs more than a small pass)."""

    def __init__(self, work: Callable[[], set[int]], worth_it: bool = True) -> None:
        self._work = work
        self._child: Child | None = None
        if worth_it and hasattr(os, "fork") and spare_core(own_threads=True):
            try:
                self._child = fork_call(lambda _send, _receive: work())
            except OSError:  # no process to be had now (a limit, no memory): the work is done here
                return
            self._child.tell(None)  # it is told nothing

    @property
    def forked(self) -> bool:
        return self._child is not None

    def result(self) -> set[int]:
        """The set `work()` returns, from the child when it answered, else computed here."""
        if self._child is None:
            return self._work()
        child, self._child = self._child, None
        value: set[int] = child.result(set, self._work)
        return value
