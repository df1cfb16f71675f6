"""Writing a workbook file safely: a temporary file beside the target, renamed into place; locked targets refused."""

from __future__ import annotations

import errno
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lifelong_desktop import messages

RENAME_ATTEMPTS = 5 if os.name == "nt" else 1  # Windows: scanners and indexers hold files briefly


class WriteProblem(OSError):
    """The workbook could not be written where asked; `code` says why (resources/i18n/messages/export.json).

    An OSError, so callers that catch OSError around a write catch this too; str() is the sentence.
    """

    def __init__(self, code: str, path: Path | str, lock: str = "", detail: str = "") -> None:
        super().__init__(f"{code}: {path} {detail}".strip())
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


def check_target(path: Path | str) -> Path:
    """The absolute target, or a WriteProblem when it cannot be (re)written as an .xlsx workbook."""
    target = Path(path).expanduser().absolute()
    if target.suffix.lower() != ".xlsx":
        raise WriteProblem("not_xlsx", target)
    if target.is_dir():
        raise WriteProblem("is_folder", target)
    if not target.parent.is_dir():
        raise WriteProblem("no_folder", target)
    for lock in lock_files(target):
        if lock.exists():
            raise WriteProblem("target_open", target, lock=lock.name)
    if target.exists() and not os.access(target, os.W_OK):
        raise WriteProblem("permission_denied", target)  # a read-only file, not one held open
    return target


def _problem(exc: OSError, target: Path) -> WriteProblem:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return WriteProblem("disk_full", target, detail=str(exc))
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return WriteProblem("permission_denied", target, detail=str(exc))
    return WriteProblem("write_failed", target, detail=str(exc))


def _temp_beside(target: Path) -> Path:
    """A new empty file in the target's folder (mode as for any new file), whose name no `*.xlsx` pattern matches."""
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise WriteProblem("write_failed", target, detail="no temporary name")


def replace_into(tmp: Path, target: Path) -> None:
    """Rename the finished file over the target; a target held open (Windows refuses) keeps the old file.

    On Windows a virus scanner or the search indexer may hold either file for a moment: retry briefly.
    """
    attempts = RENAME_ATTEMPTS
    for attempt in range(attempts):
        try:
            os.replace(tmp, target)
            return
        except PermissionError as exc:
            if attempt + 1 < attempts:
                time.sleep(0.1 * (attempt + 1))
                continue
            held = target.exists()
            raise WriteProblem(
                "target_open" if held else "permission_denied", target, detail=str(exc)
            ) from exc
        except OSError as exc:
            raise _problem(exc, target) from exc


@contextmanager
def atomic_file(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces the target, on any failure it is removed."""
    target = check_target(path)
    try:
        tmp = _temp_beside(target)
    except WriteProblem:
        raise
    except OSError as exc:
        raise _problem(exc, target) from exc
    try:
        try:
            yield tmp
        except WriteProblem:
            raise
        except OSError as exc:
            raise _problem(exc, target) from exc
        replace_into(tmp, target)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
