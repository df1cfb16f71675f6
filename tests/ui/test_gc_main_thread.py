"""Garbage cycles are freed in the window's thread, never in one of its worker threads (ui/shell/collector.py):
Qt objects in such a cycle must be destroyed in the thread they belong to."""

from __future__ import annotations

import gc
import threading

import pytest

from lifelong_desktop.ui.shell.collector import MainThreadCollector


class _Marker:
    """Part of a reference cycle; says in which thread it was freed."""

    freed_in: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Marker.freed_in.append(threading.current_thread().name)


def _allocate_in_a_worker() -> list:
    """What a worker builds and keeps (a poll's rows, say): well past the youngest generation's threshold."""
    kept: list = []

    def work() -> None:
        kept.extend([i] for i in range(10 * gc.get_threshold()[0]))

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    worker.join()
    return kept


@pytest.fixture
def collector(qapp):
    was = gc.isenabled()
    made = MainThreadCollector(interval_ms=20)
    yield made
    made.stop()
    made.deleteLater()
    if not was:
        gc.disable()


def test_a_cycle_dropped_while_a_worker_allocates_is_freed_in_the_windows_thread(collector, qtbot):
    assert not gc.isenabled()
    _Marker.freed_in.clear()
    gc.collect()
    _Marker()  # unreachable at once, but only the cyclic collector frees it
    kept = _allocate_in_a_worker()
    assert _Marker.freed_in == []  # the worker's allocations did not set a collection off
    qtbot.waitUntil(lambda: _Marker.freed_in != [], timeout=5000)
    del kept
    assert _Marker.freed_in == [threading.main_thread().name]


def test_the_timer_collects_as_the_automatic_collector_would(collector):
    gc.collect()
    assert collector.collect_due() == 0  # nothing due: counts under the thresholds
    for _ in range(gc.get_threshold()[0] + 1):
        _Marker()
    assert collector.collect_due() >= gc.get_threshold()[0]  # each marker and its dict
    collector.stop()
    assert gc.isenabled()
