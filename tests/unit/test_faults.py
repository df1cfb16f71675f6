"""Faults a PC really has: damaged or foreign files, read-only places, full disks, locks, newer versions.

Each one must give one clear sentence (a DatabaseProblem code with zh and en text) and lose nothing.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from lifelong_desktop import messages
from lifelong_desktop.db import DatabaseProblem, OpenOptions, newest_good_backup, open_database
from lifelong_desktop.models import Activity, Programme
from tests.helpers.mounts import remount, tmpfs
from tests.helpers.reliability_data import add_activities, counts, file_digest, populate, sound, table_dump

SENTENCE_CODES = [
    "damaged",
    "not_a_database",
    "not_ours",
    "read_only",
    "disk_full",
    "locked",
    "newer_version",
    "cannot_open",
    "missing",
    "network_share",
    "backup_failed",
    "migration_failed",
    "io_error",
    "backup_damaged",
    "read_only_view",
    "replaced",
]


def _problem(path: Path, **kw) -> DatabaseProblem:
    with pytest.raises(DatabaseProblem) as info:
        open_database(path, **kw).close()
    return info.value


def _sentence_ok(problem: DatabaseProblem) -> None:
    zh, en = problem.message("zh"), problem.message("en")
    assert zh != "db." + problem.code and en != "db." + problem.code
    assert "Traceback" not in zh and "{" not in zh and "{" not in en
    assert zh.endswith("。") and en.rstrip().endswith(".")


@pytest.mark.parametrize("code", SENTENCE_CODES)
def test_every_problem_code_has_a_sentence_in_both_languages(code):
    assert messages.has("db." + code)
    _sentence_ok(DatabaseProblem(code, Path("/data/省计划.sqlite"), "detail"))


def _database_with_data(path: Path, n: int = 300) -> dict[str, int]:
    db = open_database(path)
    populate(db, n)
    result = counts(db)
    db.close()
    return result


def _corrupt_middle(path: Path, seed: int = 7) -> None:
    """Overwrite a run of pages in the middle of the file with random bytes (a bad disk sector or a bad copy)."""
    page = 4096
    pages = path.stat().st_size // page
    rng = random.Random(seed)
    with path.open("r+b") as fh:
        for n in range(pages // 3, pages // 3 + max(3, pages // 6)):
            fh.seek(n * page)
            fh.write(rng.randbytes(page))


def test_damaged_database_is_refused_unchanged_and_the_newest_good_backup_has_the_data(tmp_path):
    path = tmp_path / "辽宁2024.sqlite"
    before = _database_with_data(path)
    open_database(path).close()  # the daily backup is taken when a database with data is opened
    _corrupt_middle(path)
    digest = file_digest(path)
    problem = _problem(path)
    assert problem.code == "damaged"
    _sentence_ok(problem)
    assert "lifelong restore" in problem.message("zh")
    assert file_digest(path) == digest  # nothing wrote to it, not even a journal mode switch
    good = newest_good_backup(path)
    assert good is not None
    restored = open_database(good, backup_on_open=False)
    assert counts(restored) == before
    restored.close()


@pytest.mark.parametrize(
    "content", [b"PK\x03\x04" + bytes(200), "活动名称,日期\n讲座,2024-05-01\n".encode(), b"\x00" * 10]
)
def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path, content):
    path = tmp_path / "计划.sqlite"
    path.write_bytes(content)
    problem = _problem(path)
    assert problem.code == "not_a_database"
    _sentence_ok(problem)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["计划.sqlite"]


def test_another_programs_sqlite_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customers (name) VALUES ('x')")
    con.commit()
    con.close()
    digest = file_digest(path)
    assert _problem(path).code == "not_ours"
    assert file_digest(path) == digest


def test_a_database_from_a_newer_app_version_is_refused_byte_for_byte_unchanged(tmp_path):
    path = tmp_path / "newer.sqlite"
    _database_with_data(path, 20)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    con.commit()
    con.close()
    digest = file_digest(path)
    problem = _problem(path)
    assert problem.code == "newer_version"
    _sentence_ok(problem)
    assert file_digest(path) == digest
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_read_only_mount_gives_a_sentence_and_read_only_opening_still_shows_the_data(tmp_path):
    with tmpfs(tmp_path / "mnt", "2m") as mnt:
        path = mnt / "只读.sqlite"
        before = _database_with_data(path, 50)
        dump = table_dump(path)
        remount(mnt, "ro")
        try:
            with pytest.raises(OSError):
                (mnt / "probe").write_text("x")  # root really cannot write here
            problem = _problem(path)
            assert problem.code == "read_only"
            _sentence_ok(problem)
            viewer = open_database(path, options=OpenOptions(read_only=True))
            assert viewer.notice is not None and viewer.notice.code == "read_only_view"
            assert counts(viewer) == before
            with pytest.raises(DatabaseProblem) as info, viewer.transaction("改标题") as s:
                s.execute(update(Activity).values(title="改"))
            assert info.value.code == "read_only"
            viewer.close()
        finally:
            remount(mnt, "rw")
        assert table_dump(path) == dump


def test_read_only_bind_mounted_folder_refuses_new_and_existing_files(tmp_path):
    src, ro = tmp_path / "src", tmp_path / "ro"
    src.mkdir()
    ro.mkdir()
    _database_with_data(src / "a.sqlite", 10)
    if subprocess.run(["mount", "--bind", str(src), str(ro)], capture_output=True).returncode != 0:
        pytest.skip("bind mounts are not allowed here")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)], capture_output=True).returncode != 0:
            pytest.skip("read-only bind remount is not allowed here")
        assert _problem(ro / "a.sqlite").code == "read_only"
        assert _problem(ro / "new.sqlite").code == "read_only"
        assert not (src / "new.sqlite").exists()
    finally:
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)


def test_read_only_file_for_an_ordinary_account(tmp_path):
    """As an unprivileged account (setpriv), a file without write permission is refused with read_only."""
    setpriv = "/usr/bin/setpriv"
    if os.geteuid() != 0 or not Path(setpriv).exists():
        pytest.skip("needs root and setpriv to switch to an ordinary account")
    shared = Path("/tmp") / f"lifelong-ro-{os.getpid()}"
    shared.mkdir(mode=0o777, exist_ok=True)
    os.chmod(shared, 0o777)
    path = shared / "a.sqlite"
    try:
        _database_with_data(path, 10)
        os.chmod(path, 0o444)
        digest = file_digest(path)
        code = textwrap.dedent(f"""
            import os, sys
            os.environ["LIFELONG_DATA_DIR"] = {str(shared / "ud")!r}
            from lifelong_desktop.db import DatabaseProblem, open_database
            try:
                open_database({str(path)!r})
            except DatabaseProblem as exc:
                print(exc.code)
        """)
        result = subprocess.run(
            [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd="/",
            timeout=60,
        )
        if "Permission denied" in result.stderr and "python" in result.stderr.lower():
            pytest.skip("the ordinary account cannot run this interpreter")
        assert result.stdout.strip() == "read_only", result.stderr
        assert file_digest(path) == digest
    finally:
        subprocess.run(["rm", "-rf", str(shared)])


def test_full_disk_fails_the_transaction_cleanly_and_keeps_the_previous_state(tmp_path):
    with tmpfs(tmp_path / "mnt", "600k") as mnt:
        path = mnt / "满.sqlite"
        db = open_database(path)
        populate(db, 20)
        committed = counts(db)
        problem = None
        with db.read() as s:
            org_ids, venue_ids = [1, 2, 3], [1, 2]
            assert s.get(Programme, 1) is not None
        for k in range(200):
            try:
                with db.transaction("批量新增") as s:
                    add_activities(s, 1, 400, org_ids, venue_ids, start=1000 * k, tag=f"批{k}")
            except DatabaseProblem as exc:
                problem = exc
                break
            committed = counts(db)
        assert problem is not None and problem.code == "disk_full"
        _sentence_ok(problem)
        assert counts(db) == committed  # the failed transaction left nothing behind
        db.close()
        sound(path)
        again = open_database(path, backup_on_open=False)
        assert counts(again) == committed
        again.close()


def test_page_limit_as_a_full_disk(db):
    """SQLite's own limit (PRAGMA max_page_count) reports the same code, with no partial write."""
    populate(db, 10)
    before = counts(db)
    with pytest.raises(DatabaseProblem) as info, db.transaction("太多") as s:
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
        s.connection().exec_driver_sql(f"PRAGMA max_page_count={pages + 2}")
        add_activities(s, 1, 3000, [1, 2, 3], [1, 2], start=5000, tag="大")
    assert info.value.code == "disk_full"
    with db.transaction() as s:
        s.connection().exec_driver_sql("PRAGMA max_page_count=1073741823")
    assert counts(db) == before


def test_backup_on_open_that_cannot_be_written_is_a_notice_not_a_failure(tmp_path):
    with tmpfs(tmp_path / "mnt", "400k") as mnt:
        path = mnt / "a.sqlite"
        _database_with_data(path, 120)
        fd = os.open(mnt / "filler", os.O_WRONLY | os.O_CREAT)
        try:  # fill the disk to the last byte
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        db = open_database(path)
        assert db.notice is not None and db.notice.code == "backup_failed"
        assert "未能" in db.notice.message("zh")
        assert counts(db)["activity"] == 120
        db.close()
        leftovers = list((mnt / "backups").glob("*.part")) if (mnt / "backups").exists() else []
        assert leftovers == []


HOLD_LOCK = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
con.execute("ROLLBACK")
"""


def _hold_exclusive_lock(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_database_locked_by_another_process_times_out_with_a_sentence_and_no_partial_write(tmp_path):
    path = tmp_path / "a.sqlite"
    _database_with_data(path, 30)
    db = open_database(path, options=OpenOptions(busy_timeout_ms=300))
    holder = _hold_exclusive_lock(path)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseProblem) as info, db.transaction("改名") as s:
            s.execute(update(Activity).values(title="不应保存"))
        assert info.value.code == "locked"
        assert 0.25 <= time.monotonic() - started < 5
        _sentence_ok(info.value)
    finally:
        holder.communicate("\n", timeout=10)
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Activity.title == "不应保存")) == 0
    with db.transaction("改名") as s:  # once the other program lets go, work goes on
        s.execute(update(Activity).where(Activity.id == 1).values(title="已保存"))
    db.close()
    sound(path)


def test_locked_database_in_rollback_mode_is_refused_at_open(tmp_path):
    path = tmp_path / "a.sqlite"
    _database_with_data(path, 5)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    digest = file_digest(path)
    holder = _hold_exclusive_lock(path)
    try:
        problem = _problem(path, options=OpenOptions(journal_mode="delete", busy_timeout_ms=200))
        assert problem.code == "locked"
    finally:
        holder.communicate("\n", timeout=10)
    assert file_digest(path) == digest


def test_missing_folder_and_missing_file(tmp_path):
    assert _problem(tmp_path / "无此文件夹" / "a.sqlite").code == "cannot_open"
    assert _problem(tmp_path / "none.sqlite", create=False).code == "missing"
    assert not (tmp_path / "none.sqlite").exists()


def test_a_folder_named_like_a_database(tmp_path):
    (tmp_path / "dir.sqlite").mkdir()
    assert _problem(tmp_path / "dir.sqlite").code == "not_a_database"


def test_failed_write_inside_a_transaction_rolls_back_everything(db):
    """A broken constraint is the caller's error, never reported as a damaged database; nothing is kept."""
    populate(db, 10)
    before = table_dump(db.path)
    with pytest.raises(IntegrityError), db.transaction("违反约束") as s:
        s.execute(update(Activity).where(Activity.id == 1).values(title="先改这个"))
        s.execute(update(Activity).where(Activity.id == 2).values(expected_participants=-5))  # CHECK fails
    assert table_dump(db.path) == before


@pytest.mark.parametrize(
    "error, code",
    [
        (sqlite3.OperationalError("disk I/O error"), "io_error"),
        (OSError(5, "Input/output error"), "io_error"),
        (OSError(28, "No space left on device"), "disk_full"),
        (OSError(30, "Read-only file system"), "read_only"),
        (sqlite3.OperationalError("database is locked"), "locked"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read_only"),
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
        (sqlite3.DatabaseError("file is not a database"), "not_a_database"),
        (sqlite3.OperationalError("database or disk is full"), "disk_full"),
    ],
)
def test_errors_are_classified_into_codes(error, code):
    from lifelong_desktop.db import classify

    assert classify(error, Path("/x/a.sqlite")).code == code
