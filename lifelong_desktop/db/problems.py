"""Why a database cannot be used as asked (DatabaseProblem), and edits that lost a race (ConcurrentEdit)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import Any

from lifelong_desktop import messages
from lifelong_desktop.db.server_errors import is_server_error, server_code


class DatabaseProblem(Exception):
    """A database the app cannot use as asked; `code` says why (see resources/i18n/messages/db.json)."""

    def __init__(self, code: str, path: Path | str, detail: str = "") -> None:
        self.code = code
        self.path = Path(path)
        self.detail = detail
        super().__init__(f"{code}: {path} {detail}".strip())

    def message(self, lang: str | None = None) -> str:
        """One sentence in the user's language saying what is wrong and what to do."""
        return messages.render(
            "db." + self.code, lang, path=str(self.path), name=self.path.name, detail=self.detail
        )


class DatabaseNotice:
    """Something the user should know about an opened database (e.g. a network share); not an error."""

    def __init__(self, code: str, path: Path | str, detail: str = "") -> None:
        self.code = code
        self.path = Path(path)
        self.detail = detail

    def message(self, lang: str | None = None) -> str:
        return messages.render(
            "db." + self.code, lang, path=str(self.path), name=self.path.name, detail=self.detail
        )

    def __str__(self) -> str:
        return self.message()

    def __repr__(self) -> str:
        return f"<DatabaseNotice {self.code} {self.path}>"


class ConcurrentEdit(Exception):
    """Someone else (another window or program) changed or deleted this record since it was read.

    Nothing of the failed transaction was written; reload the record and apply the edit again.
    """

    def __init__(self, entity: str, entity_id: Any = None, uid: str | None = None, detail: str = "") -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.uid = uid
        self.detail = detail
        super().__init__(f"concurrent edit of {entity} {entity_id if uid is None else uid}: {detail}".strip())

    @property
    def code(self) -> str:
        return "concurrent_edit"

    def message(self, lang: str | None = None) -> str:
        entity = messages.render("db.entity." + self.entity, lang)
        return messages.render("db.concurrent_edit", lang, entity=entity)


def expect_version(obj: Any, seen_version: int | None) -> None:
    """Raise ConcurrentEdit when a record's version is no longer the one the user saw (edit forms use it)."""
    if seen_version is not None and getattr(obj, "version", None) != seen_version:
        raise ConcurrentEdit(
            getattr(obj, "__tablename__", type(obj).__name__),
            getattr(obj, "id", None),
            getattr(obj, "uid", None),
            f"version {seen_version} -> {getattr(obj, 'version', None)}",
        )


_OS_CODES = {
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.ENOSPC: "disk_full",
    errno.ENOENT: "cannot_open",
    errno.EIO: "io_error",
}
if hasattr(errno, "EDQUOT"):
    _OS_CODES[errno.EDQUOT] = "disk_full"


_NOT_THE_FILE = (
    sqlite3.IntegrityError,
    sqlite3.ProgrammingError,
    sqlite3.InterfaceError,
    sqlite3.DataError,
    sqlite3.NotSupportedError,
)


def is_file_problem(exc: BaseException) -> bool:
    """Is this error about the file (locked, full, read-only, damaged) rather than about the statement?"""
    orig = getattr(exc, "orig", None) or exc
    if is_server_error(orig):
        return True
    return isinstance(orig, sqlite3.DatabaseError | OSError) and not isinstance(orig, _NOT_THE_FILE)


def classify(exc: BaseException, path: Path | str) -> DatabaseProblem:
    """Turn a sqlite3/SQLAlchemy/OS error into a DatabaseProblem with a stable code."""
    if isinstance(exc, DatabaseProblem):
        return exc
    if is_server_error(exc):
        orig = getattr(exc, "orig", None) or exc
        return DatabaseProblem(server_code(orig) or "server_error", path, first_line(orig))
    if isinstance(exc, OSError) and exc.errno in _OS_CODES:
        return DatabaseProblem(_OS_CODES[exc.errno], path, str(exc))
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "locked" in text or "busy" in text:
        code = "locked"
    elif "readonly" in text or "read-only" in text or "read only" in text:
        code = "read_only"
    elif "not a database" in text or "file is encrypted" in text:
        code = "not_a_database"
    elif "full" in text:
        code = "disk_full"
    elif "disk i/o" in text:
        code = "io_error"  # a removed USB stick, a dropped network share, a failing disk
    elif "malformed" in text or "corrupt" in text:
        code = "damaged"
    elif "unable to open" in text:
        code = "cannot_open"
    else:
        code = "damaged"
    return DatabaseProblem(code, path, str(getattr(exc, "orig", None) or exc))


def first_line(exc: BaseException) -> str:
    """The first line of an error's message (the driver's DETAIL and HINT lines left out)."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
