"""`lifelong validate` reads the cells in a forked child while this process scans (reading/read_aside): the same
result as scanning first, for every hostile sample and the fuzz corpus; a file the scan refuses is never opened
by this process; a child that dies, hits its memory cap or answers wrongly leaves the read to this process."""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

import pytest

from lifelong_desktop import forking
from lifelong_desktop.submission.reading import read_aside, reader, safety, scan_ahead
from lifelong_desktop.submission.reading.reader import read_workbook
from tests.helpers.hostile_edits import read_outcome, reading_samples

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the read in a child needs fork")


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> list[Path]:
    return reading_samples(tmp_path_factory.mktemp("aside"))


@pytest.fixture
def forced(monkeypatch) -> list[read_aside.ReadAside]:
    """Every file read in a child, small ones too and whatever the machine's load; the reads started."""
    monkeypatch.setattr(scan_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: True)
    started: list[read_aside.ReadAside] = []
    start = read_aside.start

    def counted(*args, **kw):
        aside = start(*args, **kw)
        if aside is not None:
            started.append(aside)
        return aside

    monkeypatch.setattr(read_aside, "start", counted)
    return started


def _sample(samples: list[Path], name: str) -> Path:
    return next(p for p in samples if p.name == name)


def test_every_sample_reads_the_same_in_the_child(samples, forced):
    sequential = {p.name: read_outcome(read_workbook(p, findings_only=True)) for p in samples}
    for p in samples:
        assert read_outcome(read_workbook(p, concurrent=True, findings_only=True)) == sequential[p.name], (
            p.name
        )
    assert len(forced) == len(samples)
    assert any(codes and codes[0] for codes, *_ in sequential.values())  # refusals among them
    assert any(exit_code == 0 for _f, exit_code, *_ in sequential.values())  # and clean reads
    formula = sequential["formula.xlsx"][0]  # the child's later steps used the scan's report
    assert any(f["code"] == "formula_not_allowed" for f in formula)


@pytest.mark.parametrize("name", ["far_cell.xlsx", "refless.xlsx", "bomb.xlsx", "huge_declared.xlsx"])
def test_files_the_scan_refuses_are_never_opened_here_and_the_child_says_nothing(
    samples, name, forced, monkeypatch, capfd
):
    """The child opens them (it may die of them: far cells would take more memory than it may have); this
    process only scans, and nothing the child printed reaches the command's output."""
    path = _sample(samples, name)
    expected = read_outcome(read_workbook(path, findings_only=True))
    capfd.readouterr()
    here = os.getpid()
    opened: list[int] = []
    real_open = reader._open

    def watched(p):
        if os.getpid() == here:
            opened.append(here)
        return real_open(p)

    monkeypatch.setattr(reader, "_open", watched)
    assert read_outcome(read_workbook(path, concurrent=True, findings_only=True)) == expected
    assert expected[1] == 2 and forced and not opened
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    with pytest.raises(ChildProcessError):
        os.waitpid(forced[0].child.pid, os.WNOHANG)  # stopped and reaped


@pytest.mark.parametrize(
    "child",
    [
        lambda read, receive: os._exit(1),  # killed before it answered
        lambda read, receive: "not a result",  # an answer of the wrong kind
        lambda read, receive: time.sleep(30),  # hangs past forking's patience
    ],
    ids=["dies", "wrong-kind", "hangs"],
)
def test_a_child_without_an_answer_leaves_the_read_to_this_process(samples, forced, monkeypatch, child):
    monkeypatch.setattr(forking, "PATIENCE", 1.0)
    monkeypatch.setattr(forking, "PATIENCE_FACTOR", 1.0)
    path = _sample(samples, "formula.xlsx")
    expected = read_outcome(read_workbook(path, findings_only=True))
    monkeypatch.setattr(read_aside, "_in_child", child)
    here = os.getpid()
    opened: list[int] = []
    real_open = reader._open
    monkeypatch.setattr(
        reader, "_open", lambda p: (opened.append(1) if os.getpid() == here else None) or real_open(p)
    )
    assert read_outcome(read_workbook(path, concurrent=True, findings_only=True)) == expected
    assert forced and opened == [1]  # read here after the scan


def test_ctrl_c_during_the_scan_stops_the_child(samples, forced, monkeypatch):
    path = _sample(samples, "valid.xlsx")

    def interrupted(_path, **_kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(safety, "inspect_workbook", interrupted)
    with pytest.raises(KeyboardInterrupt):
        read_workbook(path, concurrent=True, findings_only=True)
    with pytest.raises(ChildProcessError):
        os.waitpid(forced[0].child.pid, os.WNOHANG)


def test_ctrl_c_while_waiting_for_the_child_stops_it(samples, forced, monkeypatch):
    path = _sample(samples, "valid.xlsx")

    def interrupted(self, kind, again, patience=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(forking.Child, "result", interrupted)
    with pytest.raises(KeyboardInterrupt):
        read_workbook(path, concurrent=True, findings_only=True)
    with pytest.raises(ChildProcessError):
        os.waitpid(forced[0].child.pid, os.WNOHANG)


def test_the_child_may_not_take_more_memory_than_its_headroom():
    def grows(_send, _receive):
        read_aside._cap_memory()
        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
        try:
            bytearray(read_aside.MEMORY_HEADROOM + (256 << 20))
        except MemoryError:
            return {"capped": soft}
        return {"grew": soft}

    answer = forking.fork_call(grows).result(dict, dict)
    assert "capped" in answer and answer["capped"] != resource.RLIM_INFINITY
    assert resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY  # this process is not capped


def test_small_files_a_busy_machine_other_callers_and_no_fork_read_as_before(samples, monkeypatch):
    valid = _sample(samples, "valid.xlsx")
    asked: list[Path] = []
    start = read_aside.start
    monkeypatch.setattr(read_aside, "start", lambda path, *a: asked.append(path) or start(path, *a))
    assert read_aside.start(valid, lambda verdict: None, reader.ReadResult) is None  # below MIN_BYTES
    monkeypatch.setattr(scan_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: False)
    assert read_aside.start(valid, lambda verdict: None, reader.ReadResult) is None  # no spare core
    asked.clear()
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: True)
    read_workbook(valid, concurrent=True)  # rows wanted: the scan goes aside, not the read
    read_workbook(valid, concurrent=True, findings_only=True, while_waiting=lambda: None)
    read_workbook(valid, findings_only=True)  # not concurrent: the window
    assert asked == []
    monkeypatch.delattr(os, "fork")
    assert read_aside.start(valid, lambda verdict: None, reader.ReadResult) is None


def test_an_exports_check_of_its_file_finds_the_errors_of_a_full_read(samples, forced):
    """`lifelong export` checks the file it wrote with errors_in(concurrent=True): the error findings of a full
    read in this process (rows and all), for every sample, each read in a child."""
    from lifelong_desktop.submission.reading.errors import errors_in

    for p in samples:
        full = [f for f in read_workbook(p).findings if f.severity == "error"]
        assert errors_in(p, concurrent=True) == full, p.name
        assert errors_in(p) == full, p.name
    assert len(forced) == len(samples)
    assert any(errors_in(p) for p in samples) and not all(errors_in(p) for p in samples)
