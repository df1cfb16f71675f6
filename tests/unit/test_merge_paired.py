"""A merge's inputs read two at a time (merging/paired): the same results, findings and order as reading them one
after another, when the child reads its share, dies, hangs, or this process is interrupted; no child left behind."""

from __future__ import annotations

import os
import time
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from lifelong_desktop import forking
from lifelong_desktop.submission.merging import paired
from lifelong_desktop.submission.merging.merge import merge_files
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.reading.reader import ReadResult, read_workbook
from lifelong_desktop.submission.writing.writer import write_workbook
from tests.helpers.hostile import mh

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")

NOW = datetime(2024, 6, 30, 17, 5, 9)
PROVINCES = ("110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000")


def province(code: str, *, sid: str | None = None, seq: int = 1, city: str | None = None) -> WorkbookData:
    """A province's return of three activities (the first city's code given by `city`, to make an error)."""
    cities = [city or code[:2] + "0100", code, code]
    acts = [
        {
            "activity_id": str(uuid.uuid4()),
            "title": f"{code}讲座{i}",
            "activity_type": "lecture",
            "level": "provincial",
            "start_date": date(2024, 5, 10 + i),
            "end_date": date(2024, 5, 10 + i),
            "mode": "online",
            "online_url": "https://example.cn/llw",
            "city_code": cities[i],
            "hosts": (f"{code}教育厅",),
            "status": "planned",
        }
        for i in range(3)
    ]
    return WorkbookData(
        header={
            "format": "LLW-SUBMISSION",
            "format_version": "1.0",
            "scope": "province",
            "region_code": code,
            "year": 2024,
            "submitting_unit": f"{code}教育厅",
            "contact_name": "张老师",
            "contact_phone": "010-66096114",
            "submission_id": sid or str(uuid.uuid4()),
            "submission_seq": seq,
        },
        activities=acts,
        organisations=[{"name": f"{code}教育厅", "org_type": "government"}],
    )


@pytest.fixture
def returns(tmp_path: Path) -> list[Path]:
    """Good returns, one return twice (seq 1 and 2), and files that cannot be read: the order matters."""
    folder = tmp_path / "in"
    folder.mkdir()
    paths = [write_workbook(province(code), folder / f"{code}.xlsx") for code in PROVINCES]
    sid = str(uuid.uuid4())
    paths.insert(2, write_workbook(province("310000", sid=sid, seq=1), folder / "310000_v1.xlsx"))
    paths.append(write_workbook(province("310000", sid=sid, seq=2), folder / "310000_v2.xlsx"))
    paths.insert(5, mh.truncated(paths[0], folder / "damaged.xlsx"))
    paths.insert(7, mh.ole2(folder / "加密.xlsx", encrypted=True))
    text = folder / "notes.xlsx"
    text.write_text("这不是工作簿", encoding="utf-8")
    paths.insert(1, text)
    return paths


@pytest.fixture
def good(returns: list[Path]) -> list[Path]:
    """The returns that merge into a workbook (a return superseded by a later seq among them)."""
    return [p for p in returns if p.name not in ("damaged.xlsx", "加密.xlsx", "notes.xlsx")]


class Reader:
    """read_workbook with a log of which process read which file; `act(here, name)` runs first in the child
    (die, hang), and this process waits on its first read until the child has started one (so both read)."""

    def __init__(self, log: Path, act=None) -> None:
        self.log, self.act, self.here, self.waited = log, act, os.getpid(), False

    def __call__(self, path: Path) -> ReadResult:
        with self.log.open("a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {path.name}\n")
        if os.getpid() != self.here and self.act is not None:
            self.act(path.name)
        if os.getpid() == self.here and not self.waited:
            self.waited = True
            deadline = time.monotonic() + 30
            while not self.readers() - {self.here} and time.monotonic() < deadline:
                time.sleep(0.01)
        return read_workbook(path)

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def readers(self) -> set[int]:
        return {int(line.split()[0]) for line in self.lines()}

    def reads(self) -> list[str]:
        return [line.split(maxsplit=1)[1] for line in self.lines()]


def no_child_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_both_processes_read_and_the_results_are_those_of_reading_one_after_another(returns, tmp_path):
    serial = [read_workbook(p) for p in returns]
    reader = Reader(tmp_path / "log")
    both = paired.read_paired(returns, reader, ReadResult)
    assert len(reader.readers()) == 2  # the child read its share
    assert sorted(reader.reads()) == sorted(p.name for p in returns)  # each file once
    assert [r.path for r in both] == returns
    assert [r.findings for r in both] == [r.findings for r in serial]
    assert both == serial  # data, cells, columns and exit codes too
    assert {f.code for r in both for f in r.findings} >= {"damaged", "encrypted", "not_a_workbook"}
    assert no_child_left()


def cells(path: Path) -> dict[str, list[list[object]]]:
    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}


@pytest.mark.parametrize("which", ["good", "returns"])
def test_a_merge_with_the_reads_paired_finds_and_writes_what_the_serial_merge_does(
    which, request, tmp_path, monkeypatch
):
    paths = request.getfixturevalue(which)
    serial = merge_files(paths, tmp_path / "serial.xlsx", unit="教育部", contact="王老师", now=NOW)
    monkeypatch.setattr(paired, "spare_core", lambda: True)
    reader = Reader(tmp_path / "log")
    monkeypatch.setattr("lifelong_desktop.submission.reading.reader.read_workbook", reader)
    both = merge_files(
        paths, tmp_path / "paired.xlsx", unit="教育部", contact="王老师", now=NOW, concurrent=True
    )
    assert len(reader.readers()) == 2
    assert both.findings == serial.findings and both.kept == serial.kept and both.written == serial.written
    if which == "good":
        assert [f.code for f in both.findings] == ["superseded"]
        assert cells(tmp_path / "paired.xlsx") == cells(tmp_path / "serial.xlsx")
    else:
        assert not both.written and not (tmp_path / "paired.xlsx").exists()


def die(_name: str) -> None:
    os._exit(3)


def hang(_name: str) -> None:
    time.sleep(3600)


class DieOnSecond:
    """The child reads its first file, then dies on its second: what it had read is lost with it."""

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, _name: str) -> None:
        self.seen += 1
        if self.seen == 2:
            os._exit(3)


@pytest.mark.parametrize("act", [die, DieOnSecond(), hang], ids=["dies", "dies_later", "hangs"])
def test_a_child_that_dies_or_hangs_leaves_its_files_to_this_process(act, returns, tmp_path, monkeypatch):
    monkeypatch.setattr(forking, "PATIENCE", 0.5)  # how long a hung child is waited for, at least
    monkeypatch.setattr(forking, "PATIENCE_FACTOR", 1.0)  # and at most as long as it had run
    reader = Reader(tmp_path / "log", act)
    both = paired.read_paired(returns, reader, ReadResult)
    assert len(reader.readers()) == 2
    assert both == [read_workbook(p) for p in returns]
    assert no_child_left()


def test_ctrl_c_stops_the_child_and_writes_nothing(good, tmp_path, monkeypatch):
    here = os.getpid()
    monkeypatch.setattr(paired, "spare_core", lambda: True)
    reader = Reader(tmp_path / "log")

    def interrupted(path: Path) -> ReadResult:
        if os.getpid() == here and len(reader.reads()) >= 3:
            raise KeyboardInterrupt
        return reader(path)

    monkeypatch.setattr("lifelong_desktop.submission.reading.reader.read_workbook", interrupted)
    target = tmp_path / "out.xlsx"
    with pytest.raises(KeyboardInterrupt):
        merge_files(good, target, unit="教育部", contact="王老师", now=NOW, concurrent=True)
    assert no_child_left()
    assert not target.exists() and list(tmp_path.glob("*.xlsx")) == []


def test_more_files_than_the_queue_holds_are_all_read_in_order():
    paths = [Path(f"{i}.xlsx") for i in range(20_000)]  # more than a 64 KiB pipe holds as 4-byte numbers
    assert paired.read_paired(paths, lambda p: p.stem, str) == [p.stem for p in paths]
    assert no_child_left()


@pytest.mark.parametrize("case", ["not_concurrent", "one_input", "no_spare_core", "no_fork"])
def test_where_pairing_does_not_pay_or_cannot_be_the_files_are_read_here(case, good, monkeypatch):
    def no_fork(_call):
        raise AssertionError("forked")

    monkeypatch.setattr(paired, "fork_call", no_fork)
    monkeypatch.setattr(paired, "spare_core", lambda: case != "no_spare_core")
    if case == "no_fork":
        monkeypatch.delattr(os, "fork")
    paths = good[:1] if case == "one_input" else good
    got = paired.read_inputs(paths, read_workbook, ReadResult, concurrent=case != "not_concurrent")
    assert got == [read_workbook(p) for p in paths]


def test_no_process_to_be_had_means_the_files_are_read_here(good, monkeypatch):
    def refused(_call):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(paired, "fork_call", refused)
    assert paired.read_paired(good, read_workbook, ReadResult) == [read_workbook(p) for p in good]
