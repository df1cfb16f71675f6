"""Worksheets and shared strings deflated by a thread while the writer makes the next rows (xlsx/pump.py):
the same package as writing them in the caller's thread, errors raised where they were, no thread left."""

from __future__ import annotations

import threading
import time
import zipfile

import pytest

from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.submission.writing.output import WriteProblem
from lifelong_desktop.submission.writing.writer import write_workbook
from lifelong_desktop.submission.xlsx import pump, writer
from lifelong_desktop.submission.xlsx.pump import EntryPump
from tests.helpers.mounts import tmpfs
from tests.unit.test_writer import activity, sample


class _InCallersThread:
    """What the writer did before the pump: every chunk written at once, by the caller."""

    def __init__(self, out) -> None:
        self.out = out

    def write(self, data: bytes) -> None:
        self.out.write(data)

    def close(self) -> None:
        pass

    def stop(self) -> None:
        pass


def _pumps() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "xlsx-deflate"]


def _big(n: int = 3_000):
    """Enough activities (and distinct texts) that their sheet and the shared strings go through a pump."""
    data = sample()
    data.activities += [activity(f"活动{i}", description=f"说明 {i} " * 3) for i in range(n)]
    return data


def test_the_package_is_the_one_written_in_the_callers_thread(tmp_path, monkeypatch):
    data = _big()
    started = []
    real = EntryPump

    def counted(out):
        started.append(out)
        return real(out)

    monkeypatch.setattr(writer, "EntryPump", counted)
    pumped = write_workbook(data, tmp_path / "pumped.xlsx")
    assert len(started) == 2  # the activities sheet and the shared strings; the small sheets are not pumped
    monkeypatch.setattr(writer, "EntryPump", _InCallersThread)
    plain = write_workbook(data, tmp_path / "plain.xlsx")
    with zipfile.ZipFile(pumped) as a, zipfile.ZipFile(plain) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if not name.startswith("docProps/"):  # core.xml holds the time of writing
                assert a.read(name) == b.read(name), name
    result = read_workbook(pumped)
    assert result.ok and len(result.data.activities) == len(data.activities)
    assert not _pumps()


def test_chunks_arrive_in_order_and_the_caller_waits_beyond_a_few(monkeypatch):
    written: list[bytes] = []
    gate = threading.Event()

    class Slow:
        def write(self, data: bytes) -> None:
            gate.wait()
            written.append(data)

    p = EntryPump(Slow())
    handed = []

    def hand_over() -> None:
        for i in range(pump.WAITING + 3):
            p.write(b"%d;" % i)
            handed.append(i)

    caller = threading.Thread(target=hand_over)
    caller.start()
    deadline = time.monotonic() + 5
    while len(handed) < pump.WAITING and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)
    # the thread holds one chunk in its write, WAITING more wait in the queue: the caller waits for room
    assert len(handed) == pump.WAITING + 1
    gate.set()
    caller.join(5)
    p.close()
    assert b"".join(written) == b"".join(b"%d;" % i for i in range(pump.WAITING + 3))
    assert not _pumps()


def test_an_error_in_the_thread_is_raised_to_the_caller_and_the_rest_is_not_written():
    written: list[bytes] = []

    class Failing:
        def write(self, data: bytes) -> None:
            if data == b"2":
                raise OSError(28, "No space left on device")
            written.append(data)

    p = EntryPump(Failing())
    with pytest.raises(OSError) as exc:
        for chunk in (b"1", b"2", b"3", b"4", b"5", b"6", b"7", b"8", b"9"):
            p.write(chunk)
        p.close()
    assert exc.value.errno == 28
    p.stop()
    assert written == [b"1"] and not _pumps()


def test_a_full_disk_while_the_pump_writes_is_the_writers_sentence_and_leaves_nothing(tmp_path):
    data = _big(6_000)
    with tmpfs(tmp_path / "mnt", "160k") as mnt:
        target = mnt / "满.xlsx"
        with pytest.raises(WriteProblem) as exc:
            write_workbook(data, target)
        assert exc.value.code == "disk_full"
        assert list(mnt.iterdir()) == []  # no partial file, no temporary
    assert not _pumps()
