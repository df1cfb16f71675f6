"""lifelong_desktop.forking: a child's answer comes back (or the work is done here), and whether a core is free
now is judged by what is running now, this process's own threads left out."""

from __future__ import annotations

import os
import sqlite3
import threading
import time

import pytest

from lifelong_desktop import forking

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
needs_proc = pytest.mark.skipif(not os.path.exists("/proc/loadavg"), reason="no /proc/loadavg here")


@needs_fork
def test_a_child_hands_back_its_value_its_early_bytes_and_reads_what_it_is_told():
    def call(send, receive):
        send(b"hi")
        return {"told": receive(5)}

    child = forking.fork_call(call)
    assert child.read(2) == b"hi"
    child.tell(b"12345")
    assert child.result(dict, lambda: {"told": b"here"}) == {"told": b"12345"}


@needs_fork
def test_a_child_that_fails_or_answers_wrongly_leaves_the_work_here():
    here = os.getpid()

    def fails(_send, _receive):
        if os.getpid() != here:
            raise RuntimeError("fails in the child")
        return {1}

    assert forking.fork_call(fails).result(set, lambda: {2}) == {2}
    assert forking.fork_call(lambda _s, _r: [1]).result(set, lambda: {3}) == {3}  # not of the kind asked


def test_a_spare_core_needs_two_cores_and_nothing_else_running(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    monkeypatch.setattr(forking, "running_elsewhere", lambda: 0)
    assert not forking.spare_core()
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert forking.spare_core()
    monkeypatch.setattr(forking, "running_elsewhere", lambda: 1)
    assert not forking.spare_core()
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)
    assert forking.spare_core()
    monkeypatch.setattr(forking, "running_elsewhere", lambda: 3)
    assert not forking.spare_core()


def test_with_own_threads_this_process_busy_threads_take_the_cores_too(monkeypatch):
    """`lifelong check` asks with own_threads: its SQLite threads already keep the second core busy."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setattr(forking, "running_elsewhere", lambda: 0)
    monkeypatch.setattr(forking, "_own_running", lambda: 2)  # the caller and one thread of its own
    assert forking.spare_core()
    assert not forking.spare_core(own_threads=True)
    monkeypatch.setattr(forking, "_own_running", lambda: 1)  # the caller alone
    assert forking.spare_core(own_threads=True)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(forking, "_own_running", lambda: 3)
    assert forking.spare_core(own_threads=True)  # two threads beside the caller, and a fourth core
    monkeypatch.setattr(forking, "running_elsewhere", lambda: 1)
    assert not forking.spare_core(own_threads=True)


def test_without_a_count_of_running_threads_the_load_average_decides(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setattr(forking, "running_elsewhere", lambda: None)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 1.0, 1.0))
    assert forking.spare_core()
    monkeypatch.setattr(os, "getloadavg", lambda: (1.6, 1.0, 1.0))
    assert not forking.spare_core()


@needs_proc
@needs_fork
def test_another_process_running_counts_and_this_process_threads_do_not():
    def spin() -> None:  # sqlite3 lets go of the interpreter: this thread runs beside the test
        con = sqlite3.connect(":memory:")
        con.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) "
            "SELECT COUNT(*) FROM n"
        ).fetchone()
        con.close()

    worker = threading.Thread(target=spin)
    worker.start()
    try:
        time.sleep(0.05)
        assert forking._own_running() >= 2  # the test's thread and the worker, each running or ready
    finally:
        worker.join()
    stop = time.monotonic() + 5
    pid = os.fork()
    if pid == 0:  # a child that only spins: always running or ready to run
        while time.monotonic() < stop:
            pass
        os._exit(0)
    try:
        time.sleep(0.05)
        assert forking.running_elsewhere() >= 1
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)


@needs_fork
def test_a_child_that_does_not_answer_in_time_is_stopped_and_the_work_done_here():
    def hangs(_send, _receive):
        time.sleep(600)
        return {1}

    child = forking.fork_call(hangs)
    started = time.monotonic()
    assert child.result(set, lambda: {2}, patience=0.3) == {2}
    assert time.monotonic() - started < 30
    with pytest.raises(ChildProcessError):  # stopped and reaped: no child left behind
        os.waitpid(child.pid, 0)


@needs_fork
def test_a_fork_refused_closes_its_pipes_and_the_callers_do_the_work_here(monkeypatch, tmp_path):
    """os.fork failing (a process limit, no memory): fork_call leaves no pipe open, and the check's aside
    work and the reader's scan fall back to doing the work in this process."""
    from lifelong_desktop.services.checks.aside import Aside
    from lifelong_desktop.submission.reading import scan_ahead

    def refused():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(forking.os, "fork", refused)
    before = set(os.listdir("/proc/self/fd"))
    with pytest.raises(OSError):
        forking.fork_call(lambda send, receive: 1)
    assert set(os.listdir("/proc/self/fd")) == before
    monkeypatch.setattr("lifelong_desktop.services.checks.aside.spare_core", lambda **_: True)
    aside = Aside(lambda: {1, 2})
    assert not aside.forked and aside.result() == {1, 2}
    book = tmp_path / "big.bin"
    book.write_bytes(b"PK\x03\x04" + b"\0" * (scan_ahead.MIN_BYTES + 10))
    monkeypatch.setattr(scan_ahead, "spare_core", lambda **_: True)
    assert scan_ahead.start(book) is None


@needs_fork
def test_ctrl_c_while_waiting_for_a_child_stops_it(monkeypatch):
    child = forking.fork_call(lambda _send, _receive: time.sleep(30) or {1})

    def interrupted(_fd, _deadline):
        raise KeyboardInterrupt

    monkeypatch.setattr(forking, "_read_until", interrupted)
    with pytest.raises(KeyboardInterrupt):
        child.result(set, set)
    with pytest.raises(ChildProcessError):  # stopped and reaped: no child left behind
        os.waitpid(child.pid, 0)


def test_children_of_its_own_are_not_counted_as_load(monkeypatch):
    """`lifelong import` asks with ours=1 while the workbook's scan, its own child, runs beside it."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setattr(forking, "running_elsewhere", lambda: 1)  # the scan
    assert not forking.spare_core()
    assert forking.spare_core(ours=1)
    monkeypatch.setattr(forking, "running_elsewhere", lambda: 2)  # the scan and another program
    assert not forking.spare_core(ours=1)
