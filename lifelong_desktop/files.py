"""Writing any output file safely: a temporary file beside the target, flushed, fsynced and renamed into place.

Every file the app writes for the user (workbooks, templates, merged returns, PDF and ODT schedules,
iCalendar files, database backups) goes through `safe_output` or `write_bytes`: the target appears whole or
not at all, an old file of that name stays as it was when anything fails, the temporary file is removed, and
the failure is one `OutputProblem` whose str() is a sentence in the user's language. Temporary files left by
a killed process (`.<name>.lifelong-<hex>.part`) are removed by the next write into the same folder once
nobody has written to them for `STALE_AFTER_S` seconds.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lifelong_desktop import messages

RENAME_ATTEMPTS = 5 if os.name == "nt" else 1  # Windows: scanners and indexers hold files briefly
STALE_AFTER_S = 600  # a writer touches its temporary file continuously; ten quiet minutes means it is dead
TEMP_NAME = re.compile(r"^\..+\.lifelong-[0-9a-f]{8}\.part(-journal)?$")
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")


class OutputProblem(OSError):
    """A file could not be written where asked; `code` says why (`write.*` in resources/i18n/messages).

    An OSError, so callers that catch OSError around a write catch this too; str() is the sentence.
    """

    def __init__(
        self, code: str, path: Path | str, lock: str = "", detail: str = "", os_errno: int | None = None
    ) -> None:
        super().__init__(f"{code}: {path} {detail}".strip())
        self.errno = os_errno  # the OS error behind it (ENOSPC ...), so database code can classify it
        self.code = code
        self.path = Path(path)
        self.lock = lock
        self.detail = detail
        self.strerror = self.message()

    def message(self, lang: str | None = None) -> str:
        """One sentence in the user's language: what went wrong, that the old file is intact, what to do."""
        return messages.render(
            "write." + self.code,
            lang,
            path=str(self.path),
            name=self.path.name,
            folder=str(self.path.parent),
            lock=self.lock,
        )

    def __str__(self) -> str:
        return self.message()


def lock_files(path: Path) -> list[Path]:
    """The lock files that Excel/WPS (`~$name.xlsx`) and LibreOffice (`.~lock.name.xlsx#`) keep beside an open file."""
    return [path.with_name("~$" + path.name), path.with_name(".~lock." + path.name + "#")]


def is_database_file(database: Path | str, out: Path | str) -> bool:
    """True when `out` is the database file itself, or its -wal, -shm or -journal companion (any spelling)."""
    db, target = Path(database).expanduser().absolute(), Path(out).expanduser().absolute()
    names = [db, *(db.with_name(db.name + s) for s in DATABASE_COMPANIONS)]
    for name in names:
        try:
            if target.exists() and name.exists() and os.path.samefile(name, target):
                return True
        except OSError:
            pass
    resolved = {n.resolve() for n in names}
    return target.resolve() in resolved or (os.name == "nt" and str(target).lower() in map(str, resolved))


def check_target(path: Path | str, *, database: Path | str | None = None, suffix: str | None = None) -> Path:
    """The absolute file to write (a symbolic link's target), or an OutputProblem saying why it cannot be.

    `database`: the open database, which an output may never replace; `suffix` (".xlsx"): the one allowed.
    """
    target = Path(path).expanduser().absolute()
    if target.is_symlink():
        target = target.resolve()  # replace the file the link names, not the link
    if database is not None and is_database_file(database, target):
        raise OutputProblem("is_database", target)
    if suffix and target.suffix.lower() != suffix:
        raise OutputProblem("not_" + suffix.lstrip("."), target)
    if target.is_dir():
        raise OutputProblem("is_folder", target)
    if not target.parent.is_dir():
        raise OutputProblem("no_folder", target)
    for lock in lock_files(target):
        if lock.exists():
            raise OutputProblem("target_open", target, lock=lock.name)
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputProblem("permission_denied", target)  # a read-only file, not one held open
    return target


def problem_of(exc: OSError, target: Path) -> OutputProblem:
    """The OutputProblem for an OS error met while writing `target`."""
    if isinstance(exc, OutputProblem):
        return exc
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        code = "disk_full"
    elif isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        code = "permission_denied"
    elif exc.errno == errno.ENOENT and not target.parent.is_dir():
        code = "no_folder"
    else:
        code = "write_failed"
    return OutputProblem(code, target, detail=str(exc), os_errno=exc.errno)


def temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.lifelong-{secrets.token_hex(4)}.part")


def _temp_beside(target: Path) -> Path:
    """A new empty file in the target's folder (mode as for any new file), named after TEMP_NAME."""
    for _ in range(100):
        tmp = temp_name(target)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise problem_of(exc, target) from exc
        os.close(fd)
        return tmp
    raise OutputProblem("write_failed", target, detail="no temporary name")


def clean_stale_temps(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove the temporary files of killed writers in `folder` (TEMP_NAME, untouched for STALE_AFTER_S)."""
    cutoff = (time.time() if now is None else now) - STALE_AFTER_S
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not TEMP_NAME.match(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            pass  # held open by a live writer on Windows, or gone meanwhile
    return removed


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_into(tmp: Path, target: Path) -> None:
    """Rename the finished file over the target; a target held open (Windows refuses) keeps the old file."""
    for attempt in range(RENAME_ATTEMPTS):
        try:
            os.replace(tmp, target)
            return
        except PermissionError as exc:
            if attempt + 1 < RENAME_ATTEMPTS:
                time.sleep(0.1 * (attempt + 1))
                continue
            code = "target_open" if target.exists() else "permission_denied"
            raise OutputProblem(code, target, detail=str(exc)) from exc
        except OSError as exc:
            raise problem_of(exc, target) from exc


def _remove(tmp: Path) -> None:
    for leftover in (tmp, Path(str(tmp) + "-journal")):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass


@contextmanager
def safe_output(
    path: Path | str, *, database: Path | str | None = None, suffix: str | None = None
) -> Iterator[Path]:
    """Yield a temporary path beside the target to write; then it is fsynced and renamed over the target.

    On any failure (an exception in the block, a full disk at fsync, a refused rename) the temporary file is
    removed, the old target is left as it was, and an OSError from the block becomes an OutputProblem.
    """
    target = check_target(path, database=database, suffix=suffix)
    clean_stale_temps(target.parent)
    tmp = _temp_beside(target)
    try:
        try:
            yield tmp
            if tmp.stat().st_size == 0:
                raise OutputProblem("write_failed", target, detail="nothing was written")
            fsync_file(tmp)
        except OSError as exc:
            raise problem_of(exc, target) from exc
        replace_into(tmp, target)
    except BaseException:
        _remove(tmp)
        raise
    fsync_dir(target.parent)


def write_bytes(
    path: Path | str, data: bytes, *, database: Path | str | None = None, suffix: str | None = None
) -> Path:
    """Write `data` to `path` through safe_output; returns the absolute target."""
    with safe_output(path, database=database, suffix=suffix) as tmp:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    return check_target_path(path)


def check_target_path(path: Path | str) -> Path:
    """The absolute path a write to `path` lands on (a symbolic link's target), without any check."""
    target = Path(path).expanduser().absolute()
    return target.resolve() if target.is_symlink() else target
