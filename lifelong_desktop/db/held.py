"""The SQLite files this process has open through a Database, so nothing else in the process opens them
with a plain open(): on POSIX, closing any descriptor of a file drops every fcntl lock the process holds on
it, SQLite's included; a sqlite3 reader in another process may then think it is the last user and delete
the WAL the app still writes into (docs/reliability.md, "A WAL removed under the app")."""

from __future__ import annotations

import os
import threading
from pathlib import Path

_HELD: dict[tuple[int, int], int] = {}
_LOCK = threading.Lock()


def identity_of(path: Path | str) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`; None when missing or the file system has no inode numbers."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


def hold(identity: tuple[int, int] | None) -> None:
    """Note that a Database of this process has the file open."""
    if identity is not None:
        with _LOCK:
            _HELD[identity] = _HELD.get(identity, 0) + 1


def release(identity: tuple[int, int] | None) -> None:
    """Note that one Database of this process closed the file."""
    if identity is not None:
        with _LOCK:
            left = _HELD.get(identity, 0) - 1
            if left > 0:
                _HELD[identity] = left
            else:
                _HELD.pop(identity, None)


def is_held(path: Path | str) -> bool:
    """Whether this process has the file at `path` open through a Database (then: no plain open() of it)."""
    identity = identity_of(path)
    with _LOCK:
        return identity is not None and identity in _HELD
