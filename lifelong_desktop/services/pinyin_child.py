"""A short-lived child process that computes for the window what needs pypinyin's large tables.

pypinyin loads its phrase table (some 50 MB resident) as soon as any of its modules is imported; the window
asks this child instead (multiprocessing, "spawn": a fresh interpreter, on every system and in a frozen bundle
whose entry script calls `forking.freeze_support`). `Helper.ask` sends one request and waits for the answer;
the child answers with the handler it was given (a module-level function, pickled by name) and exits after a
few idle seconds, and a later request starts a new one. Whatever goes wrong (it could not start, was killed,
ran out of memory, raised) `ask` returns None, and the caller computes in its own process as before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # multiprocessing is imported when a child is first needed, not at start
    from multiprocessing.connection import Connection

IDLE_SECONDS = 5.0  # the child exits after this long without a request
REPLY_SECONDS = 120.0  # a child that neither answers nor dies within this long is given up


def serve(conn: Connection, handler: Callable[[Any], Any], idle: float) -> None:
    """The child's loop: answer requests with `handler` until the parent leaves or `idle` seconds pass."""
    while conn.poll(idle):
        try:
            request = conn.recv()
        except EOFError:
            return
        try:
            reply: tuple[str, Any] = ("ok", handler(request))
        except Exception as exc:  # the parent falls back to its own process
            reply = ("error", repr(exc))
        conn.send(reply)
    conn.close()


class _Gone(Exception):
    """The child died or stopped answering."""


class Helper:
    """The parent's end: one child at a time, requests one after another (thread-safe)."""

    def __init__(self, handler: Callable[[Any], Any], idle: float = IDLE_SECONDS) -> None:
        from lifelong_desktop.forking import spawn_ready  # (loaded when the window first needs a child)

        self.handler, self.idle = handler, idle
        self.failed = not spawn_ready()
        self.started = 0  # children started so far (for tests)
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Connection | None = None

    def ask(self, request: Any) -> Any | None:
        """The handler's answer to `request`, computed in the child; None when the child cannot give it
        (a child found gone is replaced once, for it may just have timed out idle)."""
        with self._lock:
            for _attempt in range(2):
                if self.failed:
                    return None
                try:
                    if self._proc is None or not self._proc.is_alive():
                        self._start()
                    assert self._conn is not None
                    self._conn.send(request)
                    status, value = self._receive()
                except (_Gone, OSError, EOFError, ValueError):
                    self._stop()
                    continue
                except Exception:  # e.g. it could not be started at all
                    self._stop()
                    self.failed = True
                    return None
                if status == "ok":
                    return value
                self.failed = True  # the handler itself raised: the child would again
                return None
            self.failed = True
            return None

    def close(self) -> None:
        """End the child now (it ends by itself after idle seconds anyway)."""
        with self._lock:
            self._stop()

    def _start(self) -> None:
        import multiprocessing

        self._stop()
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(
            target=serve, args=(child, self.handler, self.idle), name="pinyin-keys", daemon=True
        )
        proc.start()
        child.close()
        threading.Thread(target=proc.join, name="pinyin-keys-reaper", daemon=True).start()  # no zombie
        self._proc, self._conn = proc, parent
        self.started += 1

    def _receive(self) -> tuple[str, Any]:
        assert self._conn is not None and self._proc is not None
        deadline = time.monotonic() + REPLY_SECONDS
        while not self._conn.poll(0.2):
            if not self._proc.is_alive() and not self._conn.poll(0):
                raise _Gone
            if time.monotonic() > deadline:
                raise _Gone
        reply = self._conn.recv()
        if not (isinstance(reply, tuple) and len(reply) == 2):
            raise _Gone
        return reply

    def _stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.terminate()
            self._proc.join(5)
        self._proc = self._conn = None
