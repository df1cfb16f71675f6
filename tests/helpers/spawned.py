"""Children started by "spawn" in a test leave nothing behind in the test process."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


@contextlib.contextmanager
def no_tracker_left() -> Iterator[None]:
    """On POSIX, "spawn" starts multiprocessing's resource tracker, a child of this process that stays until
    it ends: stopped again here if it was started inside, so that tests which count this process's children
    (tests/unit/test_merge_paired.py) find none of another test's (the app itself spawns only the pinyin
    helper on Linux, and Windows has no such tracker)."""
    from multiprocessing import resource_tracker

    tracker = getattr(resource_tracker, "_resource_tracker", None)
    running = getattr(tracker, "_fd", None) is not None
    try:
        yield
    finally:
        if not running and getattr(tracker, "_fd", None) is not None and hasattr(tracker, "_stop"):
            tracker._stop()
