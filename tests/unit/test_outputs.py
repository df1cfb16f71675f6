"""Every output (workbook, template, merge, PDF, ODT, iCalendar, backup) appears whole or not at all.

Real faults: a small tmpfs filled to the last byte (or nearly), SIGKILL during an export, targets that are the
database itself (by name, hard link or symbolic link). Commands run as subprocesses, as a user runs them, so
anything printed at interpreter exit (a ZipFile.__del__ traceback) is seen too.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from lifelong_desktop import files
from lifelong_desktop.db import open_database
from lifelong_desktop.submission.writing.writer import write_workbook
from tests.helpers.mounts import tmpfs
from tests.helpers.reliability_data import file_digest, populate
from tests.unit.test_merge import city_return

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)

RUN = "import sys; from lifelong_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
OLD = b"the old file, which must survive\n"


def lifelong(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIFELONG_LANG="zh")
    return subprocess.run(
        [sys.executable, "-c", RUN, *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def _valid_codes(path: Path) -> None:
    """populate() writes a few codes the format does not know (level city, type skills); an export refuses them."""
    con = sqlite3.connect(path)
    con.execute("UPDATE activity SET level = 'municipal' WHERE level = 'city'")
    con.execute("UPDATE activity SET activity_type = 'training' WHERE activity_type = 'skills'")
    con.commit()
    con.close()


def _database(folder: Path, activities: int) -> Path:
    path = folder / "计划.sqlite"
    db = open_database(path, backup_on_open=False)
    populate(db, activities)
    db.close()
    _valid_codes(path)
    return path


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    return _database(tmp_path_factory.mktemp("outputs"), 60)


@pytest.fixture(scope="module")
def big_database(tmp_path_factory) -> Path:
    """Big enough that an export takes a while, so kills land while the workbook is being written."""
    return _database(tmp_path_factory.mktemp("big"), 400)


@pytest.fixture(scope="module")
def returns(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("returns")
    return [
        write_workbook(city_return("210100", "沈阳市", titles=("讲座",) * 15), folder / "沈阳.xlsx"),
        write_workbook(city_return("210200", "大连市", titles=("展览",) * 15), folder / "大连.xlsx"),
    ]


def _fill(mnt: Path, leave: int) -> None:
    """Fill the file system to the last byte, then free `leave` bytes (a write then starts and fails)."""
    filler = mnt / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))


def _command(kind: str, database: Path, returns: list[Path], out: Path) -> list[str]:
    db = ["--db", str(database)]
    return {
        "export": ["export", *db, "--out", str(out)],
        "template": ["template", "--out", str(out), "--region", "210100", "--year", "2024"],
        "merge": [
            "merge",
            *map(str, returns),
            "--out",
            str(out),
            "--unit",
            "辽宁省教育厅",
            "--contact",
            "王老师",
        ],
        "pdf": ["schedule", *db, "--out", str(out)],
        "odt": ["schedule", *db, "--out", str(out)],
        "ics": ["ics", *db, "--out", str(out)],
        "backup": ["backup", *db, "--out", str(out)],
    }[kind]


SUFFIX = {"export": ".xlsx", "template": ".xlsx", "merge": ".xlsx", "pdf": ".pdf", "odt": ".odt"}
SUFFIX |= {"ics": ".ics", "backup": ".sqlite"}


@pytest.mark.parametrize("leave", [0, 4096], ids=["no-byte-free", "4KiB-free"])
@pytest.mark.parametrize("kind", list(SUFFIX))
def test_an_output_on_a_full_disk_is_one_sentence_and_the_old_file_stays(
    tmp_path, database, returns, kind, leave
):
    with tmpfs(tmp_path / "mnt", "256k") as mnt:
        out = mnt / f"输出{SUFFIX[kind]}"
        out.write_bytes(OLD)
        _fill(mnt, leave)
        before_db = file_digest(database)
        result = lifelong(*_command(kind, database, returns, out))
        assert result.returncode == 2, result.stdout + result.stderr
        err = result.stderr.strip()
        assert len(err.splitlines()) == 1, err  # one sentence, no traceback, nothing "ignored" at exit
        assert "磁盘" in err and "Traceback" not in err and "Exception" not in err
        assert not result.stdout.strip().startswith(
            "已"
        )  # never "Wrote ..." / "已生成 ..." for a file not there
        assert out.read_bytes() == OLD
        assert sorted(p.name for p in mnt.iterdir()) == ["filler", out.name]  # no temporary file left
        if kind == "export":
            assert file_digest(database) == before_db  # the seq was not raised for a file never written


def test_outputs_with_room_are_whole_and_replace_the_old_file(tmp_path, database, returns):
    for kind, suffix in SUFFIX.items():
        out = tmp_path / f"输出-{kind}{suffix}"
        out.write_bytes(OLD)
        result = lifelong(*_command(kind, database, returns, out))
        assert result.returncode == 0, result.stderr
        data = out.read_bytes()
        assert data != OLD and len(data) > 1000
        if suffix in (".xlsx", ".odt"):
            assert zipfile.ZipFile(out).testzip() is None
        if suffix == ".pdf":
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert not [p for p in tmp_path.iterdir() if files.TEMP_NAME.match(p.name)]


@pytest.mark.parametrize("kind", ["export", "pdf", "ics", "backup"])
def test_the_database_itself_is_never_an_output(tmp_path, kind):
    suffix = SUFFIX[kind]
    path = tmp_path / f"计划{suffix}"  # a database whose name has the output's suffix
    db = open_database(path, backup_on_open=False)
    populate(db, 5)
    db.close()
    _valid_codes(path)
    hard, soft = tmp_path / f"硬链接{suffix}", tmp_path / f"软链接{suffix}"
    os.link(path, hard)
    soft.symlink_to(path)
    digest = file_digest(path)
    for out in (path, hard, soft):
        result = lifelong(*_command(kind, path, [], out))
        assert result.returncode == 2, result.stdout + result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "数据库" in result.stderr, result.stderr
        assert file_digest(path) == digest
    assert soft.is_symlink() and os.path.samefile(hard, path)


def test_safe_output_keeps_the_old_file_when_the_writer_fails(tmp_path):
    target = tmp_path / "日程.ics"
    target.write_bytes(OLD)
    with pytest.raises(files.OutputProblem) as exc, files.safe_output(target) as tmp:
        tmp.write_bytes(b"half")
        raise OSError(28, "No space left on device")
    assert exc.value.code == "disk_full" and exc.value.errno == 28
    assert target.read_bytes() == OLD and [p.name for p in tmp_path.iterdir()] == [target.name]
    with pytest.raises(files.OutputProblem) as exc, files.safe_output(target):
        pass  # a writer that wrote nothing (Qt's writers fail so) never replaces a file with 0 bytes
    assert exc.value.code == "write_failed" and target.read_bytes() == OLD


def test_stale_temporary_files_are_removed_by_the_next_write_and_live_ones_kept(tmp_path):
    stale, live = files.temp_name(tmp_path / "a.xlsx"), files.temp_name(tmp_path / "b.pdf")
    other = tmp_path / ".notes.part"  # not ours: never touched
    for p in (stale, live, other):
        p.write_bytes(b"x")
    old = time.time() - files.STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    files.write_bytes(tmp_path / "c.ics", b"BEGIN:VCALENDAR")
    assert not stale.exists() and live.exists() and other.exists()


def _killed_export_leftovers(tmp_path: Path, database: Path, out: Path, delay: float) -> list[Path]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN, "export", "--db", str(database), "--out", str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(files.TEMP_NAME.match(p.name) for p in tmp_path.iterdir()):
        if proc.poll() is not None:
            break
        time.sleep(0.002)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return [p for p in tmp_path.iterdir() if files.TEMP_NAME.match(p.name)]


@pytest.mark.slow
def test_sigkill_during_an_export_never_leaves_a_partial_workbook(tmp_path, big_database):
    database = big_database
    out = tmp_path / "填报.xlsx"
    out.write_bytes(OLD)
    mid = 0
    for delay in (0.0, 0.01, 0.03, 0.06, 0.1, 0.2):
        leftovers = _killed_export_leftovers(tmp_path, database, out, delay)
        mid += bool(leftovers)
        data = out.read_bytes()  # the old file, or a whole new workbook: never a cut one
        assert data == OLD or zipfile.ZipFile(out).testzip() is None
    assert mid > 0, "no kill landed while the workbook was being written"
    old = time.time() - files.STALE_AFTER_S - 60
    for p in tmp_path.iterdir():
        if files.TEMP_NAME.match(p.name):
            os.utime(p, (old, old))
    assert lifelong("export", "--db", str(database), "--out", str(out)).returncode == 0
    assert [p.name for p in tmp_path.iterdir() if files.TEMP_NAME.match(p.name)] == []
    assert zipfile.ZipFile(out).testzip() is None
