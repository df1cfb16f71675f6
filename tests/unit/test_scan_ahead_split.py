"""The quick check of a big worksheet in two shares at once (scan_ahead.Split): the reader's process checks the
first share while the child checks the rest, and the cell reader reads only when both shares, and every other
part, were vouched for; whatever they say, the result is that of scanning first."""

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
PIECE = 1 << 14  # pieces of 16 KiB in these tests: a workbook of a few hundred KiB is split in many


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """A workbook of 1,500 activities and hostile copies of it: a far cell early in its activities sheet (in
    the first share), one at its end (in the second), and a shared-strings part that is a zip bomb."""
    out = tmp_path_factory.mktemp("split")
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
def split_all(monkeypatch):
    """Every file through the child with its largest worksheet split, in pieces of PIECE bytes."""
    monkeypatch.setattr(scan_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: True)
    monkeypatch.setattr(scan_ahead, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(scan_ahead, "CHUNK", PIECE)


def _whole_count(path: Path, part: str) -> int:
    cells = NearCells()
    with zipfile.ZipFile(path) as zf, zf.open(part) as fh:
        while True:
            chunk = fh.read(PIECE)
            assert cells.feed(chunk)
            if not chunk:
                return cells.cells


def test_the_two_shares_check_every_cell_once(files, split_all):
    big, part = files["big"], files["part"].as_posix()
    whole = _whole_count(big, part)
    with zipfile.ZipFile(big) as zf:
        info = zf.getinfo(part)
        last = (info.file_size - 1) // PIECE
        assert last >= 8
        for pieces in (1, 2, last // 2, last - 1, last):
            split = scan_ahead.Split(part, pieces)
            first, second = scan_ahead.head_harmless(big, split), scan_ahead._tail_harmless(zf, info, split)
            assert first[0] and second[0], pieces
            assert first[1] > 0 and second[1] > 0 and first[1] + second[1] == whole, pieces


def test_the_largest_sheet_is_split_and_reads_the_same(files, split_all, tmp_path, monkeypatch):
    samples = mh.write_all(tmp_path / "hostile")
    samples += [files[k] for k in ("big", "far_first", "far_last", "strings_bomb")]
    samples += sorted(CORPUS.glob("*.xlsx"))
    sequential = {p: read_outcome(read_workbook(p)) for p in samples}
    splits = []
    start = scan_ahead.start

    def noted(path, **kw):
        forked = start(path, **kw)
        splits.append(forked is not None and forked.split is not None)
        return forked

    monkeypatch.setattr(scan_ahead, "start", noted)
    for p in samples:
        assert read_outcome(read_workbook(p, concurrent=True)) == sequential[p], p.name
    assert sum(splits) >= 4  # the big ones at least (a sheet of one piece is not split)
    assert sequential[files["big"]][1] == 0  # a clean read among them


@pytest.mark.parametrize("name", ["far_first", "far_last", "strings_bomb"])
def test_a_danger_in_either_share_or_another_part_waits_for_the_verdict(files, split_all, name, monkeypatch):
    path = files[name]
    forked = scan_ahead.start(path)
    assert forked is not None and forked.split is not None and forked.split.part == files["part"].as_posix()
    assert not forked.vouched()
    assert forked.result().findings  # refused
    opened = []
    monkeypatch.setattr(reader, "_open", lambda p: opened.append(p) or (None, []))
    result = read_workbook(path, concurrent=True)
    assert result.exit_code == 2 and not opened  # refused without the cell reader seeing it


def test_the_shares_cells_are_counted_together(files, split_all, monkeypatch):
    """Each share within the limit, both together over it: not vouched (and the child's scan counts them)."""
    big, part = files["big"], files["part"].as_posix()
    whole = _whole_count(big, part)
    monkeypatch.setattr(scan_ahead, "MAX_CELLS", whole - 1)
    forked = scan_ahead.start(big)
    assert forked is not None and forked.split is not None
    assert not forked.vouched()
    assert forked.result() == safety.inspect_workbook(big)
    monkeypatch.setattr(scan_ahead, "MAX_CELLS", whole)
    forked = scan_ahead.start(big)
    assert forked is not None and forked.vouched()
    assert forked.result() == safety.inspect_workbook(big)


def test_a_child_whose_parent_never_checks_its_share_still_scans(files, split_all):
    """result() without vouched(): the child is told no and gives the verdict of a full scan."""
    forked = scan_ahead.start(files["far_first"])
    assert forked is not None and forked.split is not None
    assert forked.result() == safety.inspect_workbook(files["far_first"])


def test_a_share_that_is_not_plain_is_unsure(files, tmp_path, monkeypatch):
    """A first share cut where its piece has no tag at all, and a piece past the end, are unsure answers."""
    monkeypatch.setattr(scan_ahead, "CHUNK", PIECE)
    part = files["part"].as_posix()
    with zipfile.ZipFile(files["big"]) as zf:
        xml = zf.read(part)
    at = xml.find(b"<v>", 3 * PIECE + PIECE // 2) + 3
    assert 4 * PIECE - PIECE // 2 < at < 4 * PIECE
    blank = xml[:at] + b" " * (2 * PIECE) + xml[at:]  # piece 4 falls in white space: it has no `<`
    odd = mh._rewrite(files["big"], tmp_path / "odd.xlsx", {part: blank})
    assert not scan_ahead.head_harmless(odd, scan_ahead.Split(part, 4))[0]
    with zipfile.ZipFile(odd) as zf:
        assert not scan_ahead._tail_harmless(zf, zf.getinfo(part), scan_ahead.Split(part, 4))[0]
        beyond = scan_ahead.Split(part, zf.getinfo(part).file_size // PIECE + 1)
        assert not scan_ahead._tail_harmless(zf, zf.getinfo(part), beyond)[0]
    assert not scan_ahead.head_harmless(odd, scan_ahead.Split("xl/worksheets/none.xml", 1))[0]
    assert sheet_scan.MAX_CELLS == scan_ahead.MAX_CELLS  # one limit for the shares and the scan


def test_with_work_to_do_while_waiting_the_child_checks_alone(files, split_all, monkeypatch):
    """The caller's own work (the importer's modules) takes the wait: no share of the check is added to it."""
    big = files["big"]
    shares = []
    start = scan_ahead.start
    monkeypatch.setattr(scan_ahead, "start", lambda path, **kw: shares.append(kw) or start(path, **kw))
    heads = []
    head = scan_ahead.head_harmless
    monkeypatch.setattr(scan_ahead, "head_harmless", lambda *a: heads.append(a) or head(*a))
    work = []
    alone = read_outcome(read_workbook(big))
    assert read_outcome(read_workbook(big, concurrent=True, while_waiting=lambda: work.append(1))) == alone
    assert [kw["split"] for kw in shares] == [False] and work == [1] and not heads
    assert read_outcome(read_workbook(big, concurrent=True)) == alone
    assert shares[-1]["split"] is True and len(heads) == 1


_FIRST_READ = """
import sys
import threading
from pathlib import Path
from lifelong_desktop.submission.reading import reader, scan_ahead
heavy = ("python_calamine", "lxml.etree", "lifelong_desktop.submission.reading.validate")
assert not [m for m in heavy if m in sys.modules], "loaded with the reader"
scan_ahead.MIN_BYTES, scan_ahead.SPLIT_MIN_BYTES, scan_ahead.CHUNK = 0, 0, 1 << 14
scan_ahead.spare_core = lambda: True
starts, loads = [], []
start, load = scan_ahead.start, reader._load
scan_ahead.start = lambda path, **kw: starts.append(kw) or start(path, **kw)
reader._load = lambda: loads.append(threading.current_thread().name) or load()
first = reader.read_workbook(Path(sys.argv[1]), concurrent=True)
again = reader.read_workbook(Path(sys.argv[1]), concurrent=True)
print(starts, loads, [m for m in heavy if m not in sys.modules])
print(repr(([f.as_json() for f in first.findings], first.exit_code, first.data)))
print(repr(([f.as_json() for f in again.findings], again.exit_code, again.data)))
"""


def test_the_first_read_of_a_process_loads_the_reader_after_the_vouch(files, split_all):
    """The cell reader and the validation load once the quick check has vouched for the file (which gets this
    process's full share of the check), once per process: the result is that of scanning first."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _FIRST_READ, str(files["big"])],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    ).stdout.splitlines()
    assert out[0] == "[{'split': True}, {'split': True}] ['MainThread'] []"
    alone = read_workbook(files["big"])
    expected = repr(([f.as_json() for f in alone.findings], alone.exit_code, alone.data))
    assert out[1] == expected and out[2] == expected
