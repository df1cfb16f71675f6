"""Reading a merge's inputs two at a time: a forked child and this process take the files from one queue.

A national office merges 31 provincial returns on a two-core PC, and each read keeps one core busy (the safety
scan, the cells made into rows and the checks all hold the GIL), so a forked child (lifelong_desktop.forking) reads
beside this process. Before the fork a pipe is filled with the files' numbers; each side takes the next number
from it (the kernel hands each 4-byte number to one reader), so the side that gets less of the machine takes
fewer files. The child hands back what it read, pickled, when the queue is empty. Every result is kept under
the number of the file it was read from, and every file no side answered for (the child died, was killed,
answered nothing in time) is read here afterwards: the results, in the inputs' order, are those of reading one
file after another, only sooner.

Without fork (Windows), for a single input, when no core is spare now, or unless the caller is a single-threaded
process of its own (`concurrent`: the command line, never the window), the files are read one after another.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lifelong_desktop.forking import Child, fork_call, spare_core

Read = Callable[[Path], Any]

_NUMBER = 4  # bytes of a file's number in the queue (big-endian)


def read_inputs(paths: Sequence[Path], read: Read, kind: type, *, concurrent: bool = False) -> list[Any]:
    """`[read(p) for p in paths]`, two at a time where a forked child can read beside this process (see the
    module); `kind` is the type of what `read` returns (the child's answers are checked against it)."""
    if not concurrent or len(paths) < 2 or not hasattr(os, "fork") or not spare_core():
        return [read(p) for p in paths]
    return read_paired(paths, read, kind)


def read_paired(paths: Sequence[Path], read: Read, kind: type) -> list[Any]:
    """The results of `read` for every path, in order: read by this process and a forked child from one
    queue, and here afterwards for any file the child took but gave no answer for."""
    queue, fill = os.pipe()
    try:
        _fill(fill, len(paths))
    finally:
        os.close(fill)
    try:
        try:
            child = fork_call(lambda _send, _receive: _take(queue, paths, read))
        except OSError:  # no process to be had now (a limit, no memory): every file is read here
            return [read(path) for path in paths]
        child.tell(None)  # it is told nothing
        try:
            mine = _take(queue, paths, read)
        except BaseException:  # Ctrl+C, or this process failed: the child is stopped, not left reading
            child.stop()
            raise
    finally:
        os.close(queue)
    theirs = _answer(child, len(paths), kind)
    done = {**theirs, **mine}
    return [done[i] if i in done else read(path) for i, path in enumerate(paths)]


def _fill(fd: int, count: int) -> None:
    """Put the numbers 0 .. count-1 in the queue, as many as the pipe holds without waiting (64 KiB, 16,384
    files, on Linux): the files beyond are read here afterwards."""
    os.set_blocking(fd, False)
    data = b"".join(i.to_bytes(_NUMBER, "big") for i in range(count))
    try:
        os.write(fd, data)
    except BlockingIOError:  # nothing fitted: every file is read here afterwards
        pass


def _take(queue: int, paths: Sequence[Path], read: Read) -> dict[int, Any]:
    """Read the files whose numbers this side takes from the queue, until it is empty: number -> result."""
    done: dict[int, Any] = {}
    while True:
        number = os.read(queue, _NUMBER)
        if len(number) < _NUMBER:  # the queue is empty (a torn number too: what is left is read afterwards)
            return done
        i = int.from_bytes(number, "big")
        if i < len(paths) and i not in done:
            done[i] = read(paths[i])


def _answer(child: Child, count: int, kind: type) -> dict[int, Any]:
    """What the child read (nothing when it died or gave no answer in time: forking.Child.result)."""
    value = child.result(dict, dict)
    return {i: r for i, r in value.items() if isinstance(i, int) and 0 <= i < count and isinstance(r, kind)}
