"""The scan ahead on a workbook of many pieces and its hostile copies: the cell reader reads only when the
child's quick check vouched for every part; whatever it says, the result is that of scanning first."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from lifelong_desktop.submission.reading import reader, safety, scan_ahead, sheet_scan
from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.submission.reading.sheet_scan import NearCells
from tests.helpers.hostile import mh
from tests.helpers.hostile_edits import read_outcome

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the concurrent scan needs fork")

CORPUS = Path(__file__).parents[1] / "data" / "fuzz_corpus" / "workbooks"
PIECE = 1 << 14  # pieces of 16 KiB in these tests: a workbook of a few hundred KiB is checked in many


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """A workbook of 1,500 activities and hostile copies of it: a far cell early in its activities sheet, one at
    its end, and a shared-strings part that is a zip bomb."""
    out = tmp_path_factory.mktemp("big")
    acts = [mh.sample_activity(activity_id=None, title=f"活动{i}") for i in range(1500)]
    big = mh.build_workbook(out / "big.xlsx", activities=acts)
    part = mh.sheet_part(big, "活动")
    with zipfile.ZipFile(big) as zf:
        xml = zf.read(part)
    far = b'<c r="XFD3" t="inlineStr"><is><t>far</t></is></c></row><row r="4"'
    assert xml.count(b'</row><row r="4"') == 1
    bomb = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>%s</t></si></sst>'
        % (b"A" * (24 << 20))
    )
    return {
        "big": big,
        "far_first": mh._rewrite(big, out / "far_first.xlsx", {part: xml.replace(b'</row><row r="4"', far)}),
        "far_last": mh.far_cell(big, out / "far_last.xlsx"),
        "strings_bomb": mh._rewrite(big, out / "strings_bomb.xlsx", {}, {"xl/sharedStrings.xml": bomb}),
        "part": Path(part),
    }


@pytest.fixture
def in_pieces(monkeypatch):
    """Every file through the child, checked in pieces of PIECE bytes."""
    monkeypatch.setattr(scan_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: True)
    monkeypatch.setattr(scan_ahead, "CHUNK", PIECE)


def _whole_count(path: Path, part: str) -> int:
    cells = NearCells()
    with zipfile.ZipFile(path) as zf, zf.open(part) as fh:
        while True:
            chunk = fh.read(PIECE)
            assert cells.feed(chunk)
            if not chunk:
                return cells.cells


def test_big_and_hostile_workbooks_read_the_same_through_the_child(files, in_pieces, tmp_path, monkeypatch):
    samples = mh.write_all(tmp_path / "hostile")
    samples += [files[k] for k in ("big", "far_first", "far_last", "strings_bomb")]
    samples += sorted(CORPUS.glob("*.xlsx"))
    sequential = {p: read_outcome(read_workbook(p)) for p in samples}
    forked = []
    start = scan_ahead.start
    monkeypatch.setattr(scan_ahead, "start", lambda path: forked.append(start(path)) or forked[-1])
    for p in samples:
        assert read_outcome(read_workbook(p, concurrent=True)) == sequential[p], p.name
    assert sum(f is not None for f in forked) >= 4  # the big ones at least
    assert sequential[files["big"]][1] == 0  # a clean read among them


@pytest.mark.parametrize("name", ["far_first", "far_last", "strings_bomb"])
def test_a_danger_early_late_or_in_another_part_waits_for_the_verdict(files, in_pieces, name, monkeypatch):
    path = files[name]
    forked = scan_ahead.start(path)
    assert forked is not None
    assert not forked.vouched()
    assert forked.result().findings  # refused
    opened = []
    monkeypatch.setattr(reader, "_open", lambda p: opened.append(p) or (None, []))
    result = read_workbook(path, concurrent=True)
    assert result.exit_code == 2 and not opened  # refused without the cell reader seeing it


def test_the_quick_check_counts_every_cell(files, in_pieces, monkeypatch):
    """One cell over the limit: not vouched (and the child's scan counts them)."""
    big, part = files["big"], files["part"].as_posix()
    whole = _whole_count(big, part)
    monkeypatch.setattr(sheet_scan, "MAX_CELLS", whole - 1)
    forked = scan_ahead.start(big)
    assert forked is not None
    assert not forked.vouched()
    assert forked.result() == safety.inspect_workbook(big)
    monkeypatch.setattr(sheet_scan, "MAX_CELLS", whole)
    forked = scan_ahead.start(big)
    assert forked is not None and forked.vouched()
    assert forked.result() == safety.inspect_workbook(big)


def test_a_child_whose_answer_is_never_read_still_scans(files, in_pieces):
    """result() without vouched(): the child gives the verdict of a full scan."""
    forked = scan_ahead.start(files["far_first"])
    assert forked is not None
    assert forked.result() == safety.inspect_workbook(files["far_first"])


def test_with_work_to_do_while_waiting_the_child_checks_alone(files, in_pieces, monkeypatch):
    """The caller's own work (the importer's modules) takes the wait, once, while the child checks."""
    big = files["big"]
    forked = []
    start = scan_ahead.start
    monkeypatch.setattr(scan_ahead, "start", lambda path: forked.append(start(path)) or forked[-1])
    work = []
    alone = read_outcome(read_workbook(big))
    assert read_outcome(read_workbook(big, concurrent=True, while_waiting=lambda: work.append(1))) == alone
    assert len(forked) == 1 and forked[0] is not None and work == [1]
    assert read_outcome(read_workbook(big, concurrent=True)) == alone


_FIRST_READ = """
import sys
import threading
from pathlib import Path
from lifelong_desktop.submission.reading import reader, scan_ahead
heavy = ("python_calamine", "lxml.etree", "lifelong_desktop.submission.reading.validate")
assert not [m for m in heavy if m in sys.modules], "loaded with the reader"
scan_ahead.MIN_BYTES, scan_ahead.CHUNK = 0, 1 << 14
scan_ahead.spare_core = lambda: True
starts, loads = [], []
start, load = scan_ahead.start, reader._load
scan_ahead.start = lambda path: starts.append(path.name) or start(path)
reader._load = lambda: loads.append(threading.current_thread().name) or load()
first = reader.read_workbook(Path(sys.argv[1]), concurrent=True)
again = reader.read_workbook(Path(sys.argv[1]), concurrent=True)
print(starts, loads, [m for m in heavy if m not in sys.modules])
print(repr(([f.as_json() for f in first.findings], first.exit_code, first.data)))
print(repr(([f.as_json() for f in again.findings], again.exit_code, again.data)))
"""


def test_the_first_read_of_a_process_loads_the_reader_after_the_vouch(files, in_pieces):
    """The cell reader and the validation load once the quick check has vouched for the file, once per process:
    the result is that of scanning first."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _FIRST_READ, str(files["big"])],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    ).stdout.splitlines()
    assert out[0] == "['big.xlsx', 'big.xlsx'] ['MainThread'] []"
    alone = read_workbook(files["big"])
    expected = repr(([f.as_json() for f in alone.findings], alone.exit_code, alone.data))
    assert out[1] == expected and out[2] == expected
