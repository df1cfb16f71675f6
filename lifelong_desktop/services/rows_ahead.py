"""Most of the Activities table's rows built in a child process while the window starts.

At 50,000 activities the table's rows are most of the window's start (0.6-1.0 s of 1.3-1.8 here). Where a core
is spare and the file is large, `start(path)`, called before Qt loads, starts a child: forked where there is
fork (Linux, UOS, Kylin), else a fresh interpreter (Windows; see _Spawned). Here, at 50,000 activities, the
window was shown in 1.26-1.39 s with a forked child, 1.45-1.61 s with a spawned one and 1.75-1.86 s with none
(two runs of 11 alternating rounds). The child reads, on its own read-only connection, the rows of the
activities above a split (by id, CHILD_SHARE of them) of the programme the window opens (the latest), while
this process loads Qt and builds the window; the window then reads the rows up to the split itself and takes
the child's (`take`). The child loads services/activity_table alone (no SQLAlchemy, no models: a third of a
second before its first row otherwise). They are used only if they are the rows the window would have read
itself:
- the same file and programme (the child says which programme, and where it split);
- the same state: a read-only connection opened here before the child starts reads `PRAGMA data_version`,
  and reads it again once both shares are in. It moves when any other connection commits (the window's own
  open included), so an unchanged value means that nothing was committed between the child's start and the
  window's read;
- a file the full open takes as it is (the app's journal mode and schema revision; else it would migrate it).
Anything else (a small file, a busy machine, a child that died, was late or answered otherwise) and the window
reads all its rows itself, as before. Nothing is written by either connection.
"""

from __future__ import annotations

import os
import select
import sqlite3
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lifelong_desktop.db.location import sqlite_uri

MIN_BYTES = 8 << 20  # about 15,000 activities: below, a child costs more than the share it reads
# the child starts at once, the window only once Qt and the window are built: here the child's 80 % were done
# at 0.78-1.04 s; the window asked at 0.93-1.20 s and had read its own 20 % by 1.10-1.41 s
CHILD_SHARE = 0.8
# How long the window waits for the child (seconds), for its programme and split, then for its rows once the
# window has read its own share: a child held up (a lock, a slow disk) leaves the rows to the window.
PATIENCE = 10.0
HEAD_PATIENCE = 1.0  # a spawned child's programme and split (see _Spawned)
METHOD = "fork" if hasattr(os, "fork") else "spawn"
_HEAD = struct.Struct("<qq")  # programme id and split, sent by the child before its rows (0, 0: none)

OwnShare = Callable[[int | None, int | None], list]  # (after, upto) -> the window's rows of those ids


class RowsAhead:
    """A child reading the table's rows beside the window's start (see the module)."""

    def __init__(self, path: Path, con: sqlite3.Connection, version: int, child: Any) -> None:
        self.path, self.con, self.version, self.child = path, con, version, child

    def take(self, path: Path | None, programme_id: int, own_share: OwnShare) -> list | None:
        """Every row of the programme, sorted as programme_rows sorts them: `own_share(None, split)` read
        by the caller now, the rest from the child; None when they would not be the caller's own rows."""
        try:
            if path is None or not _same_file(path, self.path):
                return None
            head = self.child.head()
            if head is None or len(head) != _HEAD.size:
                return None
            child_programme, split = _HEAD.unpack(head)
            if child_programme != programme_id:
                return None
            own = own_share(None, split)
            theirs = self.child.rows()
            if theirs is None or self._data_version() != self.version:
                return None
            from lifelong_desktop.services.activity_table import ActivityRow, sort_key

            new = tuple.__new__
            rows = own + [new(ActivityRow, values) for values in theirs]
            rows.sort(key=sort_key)  # two sorted runs: one merging pass
            return rows
        finally:
            self.close()

    def _data_version(self) -> int | None:
        try:
            return self.con.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None

    def close(self) -> None:
        """Stop the child if it still runs; close the connection."""
        if self.child is not None:
            self.child.stop()  # nothing happens to a child reaped already
            self.child = None
        self.con.close()


class _Forked:
    """The child where there is fork (Linux, UOS, Kylin): forking.fork_call, a copy of this process."""

    def __init__(self, path: Path) -> None:
        from lifelong_desktop.forking import fork_call

        self.child = fork_call(lambda send, _receive: _share(path, send))
        self.child.tell(None)  # it is told nothing
        self.pid = self.child.pid

    @staticmethod
    def ready() -> bool:
        return True

    def head(self) -> bytes | None:
        if not select.select([self.child.from_child], [], [], PATIENCE)[0]:
            return None
        return self.child.read(_HEAD.size)

    def rows(self) -> list | None:
        return self.child.result(list, lambda: None, patience=PATIENCE)

    def stop(self) -> None:
        self.child.stop()  # nothing happens to a child reaped already


class _Spawned:
    """The child where there is no fork (Windows): a fresh interpreter (multiprocessing, "spawn"), which
    imports services/activity_table and little else; in a frozen app only once its entry script has called
    freeze_support (forking.spawn_ready). Its programme and split must be there within HEAD_PATIENCE of
    the window asking: a child held up while it starts (a scan of the program) costs the window no more."""

    def __init__(self, path: Path) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.conn, theirs = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_spawned_share, args=(theirs, str(path)), name="rows-ahead", daemon=True
        )
        try:
            self.process.start()
        except BaseException:
            self.conn.close()
            raise
        finally:
            theirs.close()
        self.pid = self.process.pid

    @staticmethod
    def ready() -> bool:
        from lifelong_desktop.forking import spawn_ready

        return spawn_ready()

    def head(self) -> bytes | None:
        return self._message(HEAD_PATIENCE)

    def rows(self) -> list | None:
        import pickle

        data = self._message(PATIENCE)
        try:
            value = pickle.loads(data) if data is not None else None  # from our own child, just now
        except Exception:  # cut short: the child died or was killed while it sent them
            return None
        return value if isinstance(value, list) else None

    def _message(self, patience: float) -> bytes | None:
        try:
            return self.conn.recv_bytes() if self.conn.poll(patience) else None
        except (EOFError, OSError):  # the child ended without sending it
            return None

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


def _spawned_share(conn: Any, path: str) -> None:
    """In a spawned child: _share's programme and split, then its rows pickled, each one message. The child
    then ends at once, as a forked one does: freeing its rows first would keep the window waiting for it."""
    import pickle

    code = 1
    try:
        rows = _share(Path(path), conn.send_bytes)
        conn.send_bytes(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    except Exception:  # nothing to report: the window finds no rows from it and reads them itself
        pass
    finally:
        conn.close()
        os._exit(code)


_pending: RowsAhead | None = None


def start(path: Path | None) -> None:
    """Start the child for the window about to open `path`, where that is worth it (see the module)."""
    global _pending
    discard()
    try:
        if path is None or path.stat().st_size < MIN_BYTES:  # (a small file's start loads nothing more)
            return
        from lifelong_desktop.forking import spare_core

        kind = _Forked if METHOD == "fork" else _Spawned
        if not spare_core() or not kind.ready():
            return
        con = sqlite3.connect(sqlite_uri(path), uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error):
        return
    try:
        version = con.execute("PRAGMA data_version").fetchone()[0]
        child = kind(path)
    except Exception:  # no child to be had, whatever the reason (a limit, a frozen app's missing module): the
        con.close()  # window must start all the same, and reads its rows itself
        return
    _pending = RowsAhead(path, con, version, child)


def take(path: Path | None, programme_id: int, own_share: OwnShare) -> list | None:
    """The rows read ahead for the window's first load (once; see RowsAhead.take), or None."""
    global _pending
    pending, _pending = _pending, None
    return pending.take(path, programme_id, own_share) if pending is not None else None


def discard() -> None:
    """Stop a child whose rows were not asked for (the window opened another file, or none)."""
    global _pending
    pending, _pending = _pending, None
    if pending is not None:
        pending.close()


def _share(path: Path, send: Callable[[bytes], None]) -> list[tuple] | None:
    """In the child: the programme and split first, then the rows above the split as plain tuples."""
    from lifelong_desktop.db.engine import connect_raw
    from lifelong_desktop.db.revisions import taken_as_is
    from lifelong_desktop.services.activity_table import programme_query, rows_between

    con = connect_raw(path, read_only=True)
    if not taken_as_is(con):
        send(_HEAD.pack(0, 0))  # the full open migrates or opens it otherwise
        return None
    con.execute("BEGIN")
    found = con.execute(*programme_query()).fetchone()  # the latest, as the window opens it
    count = 0
    if found is not None:
        count = con.execute("SELECT count(*) FROM activity WHERE programme_id = ?", (found[0],)).fetchone()[0]
    if not count:
        send(_HEAD.pack(0, 0))
        return None
    split = con.execute(
        "SELECT id FROM activity WHERE programme_id = ? ORDER BY id LIMIT 1 OFFSET ?",
        (found[0], int(count * (1 - CHILD_SHARE))),
    ).fetchone()[0]
    send(_HEAD.pack(found[0], split))
    return [tuple(row) for row in rows_between(con.cursor(), found[0], split, None)]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
