"""Running one fuzz input: a crash is any exception but the expected ones, a hang is a run past its limit."""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


class Hang(Exception):
    """The target ran past its time limit."""


@dataclass(frozen=True)
class Failure:
    """One input that crashed or hung a target."""

    target: str
    kind: str  # crash or hang
    error: str
    where: str
    payload: Any

    @property
    def key(self) -> tuple[str, str, str]:
        return self.target, self.kind, self.where


@contextmanager
def time_limit(seconds: float):
    """Raise Hang in the running code when it takes longer than `seconds` (POSIX; elsewhere no limit)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def _alarm(_sig: int, _frame: object) -> None:
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _where(exc: BaseException) -> str:
    """file:line of the innermost frame of our own code (to tell distinct bugs apart)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "lifelong_desktop" in f.filename]
    frame = (frames or traceback.extract_tb(exc.__traceback__) or [None])[-1]
    return f"{frame.filename.rsplit('lifelong_desktop', 1)[-1]}:{frame.lineno}" if frame else "?"


def run_guarded(
    target: str,
    call: Callable[[], Any],
    payload: Any,
    *,
    expected: tuple[type[BaseException], ...],
    limit: float,
) -> tuple[Any, Failure | None]:
    """Call one input; return (result, None) or (None, Failure) for a crash or a hang."""
    try:
        with time_limit(limit):
            return call(), None
    except expected:
        return None, None
    except Hang as exc:
        return None, Failure(target, "hang", str(exc), "-", payload)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        return None, Failure(target, "crash", f"{type(exc).__name__}: {exc}"[:300], _where(exc), payload)


def eprint(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)
