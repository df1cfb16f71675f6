"""The safety scan in a child process while the cells are read: the same result as scanning first, and no
file that could hurt the cell reader is read before the scan's verdict."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lifelong_desktop import forking
from lifelong_desktop.submission.reading import reader, safety, scan_ahead
from lifelong_desktop.submission.reading.reader import read_workbook
from tests.helpers.hostile import mh
from tests.helpers.hostile_edits import read_outcome, reading_samples

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the concurrent scan needs fork")


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> list[Path]:
    return reading_samples(tmp_path_factory.mktemp("ahead"))


def test_every_sample_reads_the_same_with_the_scan_ahead(samples, monkeypatch):
    sequential = {p.name: read_outcome(read_workbook(p)) for p in samples}
    monkeypatch.setattr(scan_ahead, "MIN_BYTES", 0)  # every file through the child, small ones too
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: True)  # whatever the machine's load
    forked = []
    start = scan_ahead.start
    monkeypatch.setattr(scan_ahead, "start", lambda path, **kw: forked.append(path) or start(path, **kw))
    for p in samples:
        assert read_outcome(read_workbook(p, concurrent=True)) == sequential[p.name], p.name
    assert len(forked) == len(samples)
    assert any(codes and codes[0] for codes, *_ in sequential.values())  # refusals among them
    assert any(exit_code == 0 for _f, exit_code, *_ in sequential.values())  # and clean reads


@pytest.mark.parametrize("name", ["far_cell.xlsx", "refless.xlsx", "bomb.xlsx", "huge_declared.xlsx"])
def test_files_that_would_hurt_the_reader_wait_for_the_verdict(samples, name, monkeypatch):
    path = next(p for p in samples if p.name == name)
    assert not scan_ahead.harmless_to_read(path)
    monkeypatch.setattr(scan_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: True)
    opened = []
    monkeypatch.setattr(reader, "_open", lambda p: opened.append(p) or (None, []))
    result = read_workbook(path, concurrent=True)
    assert result.exit_code == 2 and not opened  # refused without the cell reader seeing it


def test_plain_workbooks_are_read_ahead(samples):
    valid = next(p for p in samples if p.name == "valid.xlsx")
    formula = next(p for p in samples if p.name == "formula.xlsx")
    assert scan_ahead.harmless_to_read(valid) and scan_ahead.harmless_to_read(formula)


def test_a_child_that_dies_leaves_the_scan_to_this_process(samples, monkeypatch):
    path = next(p for p in samples if p.name == "formula.xlsx")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os._exit(1)  # a child killed before it wrote anything
    os.close(write_end)
    report = scan_ahead.Forked(
        forking.Child(pid, read_end), safety.SafetyReport, lambda: safety.inspect_workbook(path)
    ).result()
    assert report == safety.inspect_workbook(path) and report.formula_parts


def test_small_files_and_no_fork_scan_first(samples, monkeypatch):
    valid = next(p for p in samples if p.name == "valid.xlsx")
    assert scan_ahead.start(valid) is None  # far below MIN_BYTES
    monkeypatch.setattr(scan_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: False)
    assert scan_ahead.start(valid) is None  # a busy machine: the scan runs first
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: True)
    monkeypatch.setattr(scan_ahead, "MAX_QUICK_SHEET_BYTES", 1000)  # a sheet past row 99,999, say
    assert scan_ahead.start(valid) is None  # the quick check could not vouch for it: the scan runs first
    monkeypatch.delattr(os, "fork")
    assert scan_ahead.start(valid) is None


def test_the_scan_after_a_yes_of_the_quick_check_reports_the_same(samples, tmp_path):
    big = tmp_path / "big.xlsx"  # more rows than one piece of the scan (1 MiB), so pieces are cut
    mh.build_workbook(big, activities=[mh.sample_activity(activity_id=None) for _ in range(6000)])
    checked = 0
    for path in [*samples, big]:
        if scan_ahead.harmless_to_read(path):
            assert safety.inspect_workbook(path, cells_checked=True) == safety.inspect_workbook(path), path
            checked += 1
    assert checked >= 10
