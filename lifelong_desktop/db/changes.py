"""The change feed: what other planners (other windows, programs, computers) saved since we last looked.

Every stored change is in the audit log, so the feed reads the audit entries after the last one it has seen.
Looking is cheap: on SQLite one `PRAGMA data_version` on the feed's own connection (it only moves when some
other connection committed); elsewhere the audit log's largest id. Qt-free: the window polls it on a timer.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from lifelong_desktop.db.auditing import CHANNEL
from lifelong_desktop.db.database import Database
from lifelong_desktop.db.engine import connect_raw
from lifelong_desktop.db.problems import DatabaseProblem

#: which views an audited table feeds ("kinds" of AppContext.notify)
KIND_OF = {
    "activity": "activities",
    "activity_organisation": "activities",
    "organisation": "organisations",
    "venue": "venues",
    "programme": "programme",
    "submission": "submissions",
    "attachment": "attachments",
}
#: more entries than this in one look: everything is read again rather than row by row (an import, say)
MAX_ENTRIES = 2000


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    """One audited change: who made it, when, to which record, and the fields it changed."""

    id: int
    at: datetime | None
    who: str
    action: str
    entity: str
    entity_id: int | None
    entity_uid: str | None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChangeBatch:
    """What changed since the feed last looked. `everything` means: read it all again (too many entries, or
    the file was put back from a copy, whose audit log is older than what we had seen)."""

    entries: tuple[ChangeEntry, ...] = ()
    everything: bool = False

    @property
    def kinds(self) -> set[str]:
        if self.everything:
            return {"activities", "organisations", "venues", "programme", "submissions", "attachments"}
        return {KIND_OF[e.entity] for e in self.entries if e.entity in KIND_OF}

    def ids_of(self, kind: str) -> frozenset[int] | None:
        """The ids of the records of one kind that changed (None: all of them may have)."""
        if self.everything:
            return None
        return frozenset(
            e.entity_id for e in self.entries if KIND_OF.get(e.entity) == kind and e.entity_id is not None
        )

    def about(self, entity: str, entity_id: int) -> list[ChangeEntry]:
        """The entries about one record (an activity's organiser links count as the activity's)."""
        entities = {entity, "activity_organisation"} if entity == "activity" else {entity}
        return [e for e in self.entries if e.entity in entities and e.entity_id == entity_id]


def _fields(before: str | None, after: str | None) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for blob in (before, after):
        try:
            values = json.loads(blob) if blob else {}
        except ValueError:
            values = {}
        if isinstance(values, dict):
            names.update(dict.fromkeys(k for k in values if k != "id"))
    return tuple(names)


def _at(value: Any) -> datetime | None:
    if isinstance(value, datetime) or value is None:
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def entries_of(rows: Iterable[Any]) -> tuple[ChangeEntry, ...]:
    """ChangeEntry from audit rows (id, at, who, action, entity, entity_id, entity_uid, before, after)."""
    return tuple(
        ChangeEntry(int(r[0]), _at(r[1]), r[2] or "", r[3], r[4], r[5], r[6], _fields(r[7], r[8]))
        for r in rows
    )


_ENTRIES = (
    "SELECT id, at, who, action, entity, entity_id, entity_uid, before, after, batch FROM audit_entry "
    "WHERE id > :after ORDER BY id LIMIT :limit"
)


class ChangeFeed:
    """Polled by the window (about once a second). `poll()` returns None when nothing changed, else a batch.

    Raises DatabaseProblem when the database cannot be reached (the file or its share is gone); the next
    successful poll after that reports everything, since changes may have been missed meanwhile."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._sqlite = db.engine.dialect.name == "sqlite"
        self._conn: sqlite3.Connection | None = None
        self._data_version: int | None = None
        self._listener: Any = None  # PostgreSQL: a pooled connection that LISTENs on the audit channel
        self._quiet_polls = 0
        self.last_id = self._max_id()
        self._lost = False

    @property
    def enabled(self) -> bool:
        """False where nobody else can write: a network-share file opened for one user, read-only media."""
        return not (self.db.options.exclusive or self.db.options.immutable)

    def poll(self) -> ChangeBatch | None:
        """Look for changes made by other connections since the last look."""
        if not self.enabled:
            return None
        try:
            if not self._moved():
                return None
            newest = self._max_id()
            if newest < self.last_id:  # a copy put back: its audit log ends before what we saw
                self.last_id = newest
                return ChangeBatch(everything=True)
            entries, read, last_read = self._entries()
        except Exception as exc:
            if not self._unreachable(exc):
                raise
            self.close()
            self._lost = True
            raise self._problem(exc) from exc
        lost, self._lost = self._lost, False
        if read > MAX_ENTRIES or lost:
            self.last_id = newest
            return ChangeBatch(entries[:MAX_ENTRIES], everything=True)
        self.last_id = max(self.last_id, last_read)
        if not entries:
            return None
        return ChangeBatch(entries)

    def _moved(self) -> bool:
        """Cheap: did anything commit since the last look? (SQLite: data_version; else the largest audit id)."""
        if not self._sqlite:
            return self._notified()
        os.stat(self.db.path)  # the file (or the share it is on) is still there
        if self._conn is None:
            self._conn = connect_raw(self.db.path, read_only=True, timeout_ms=self.db.options.busy_timeout_ms)
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        moved = version != self._data_version
        self._data_version = version
        return moved

    def _max_id(self) -> int:
        with self.db.engine.connect() as conn:
            return int(conn.execute(text("SELECT max(id) FROM audit_entry")).scalar() or 0)

    def _entries(self) -> tuple[tuple[ChangeEntry, ...], int, int]:
        """Others' entries after the last look, how many entries were read, the id of the last one read.
        This Database's own transactions are left out: the window showed them when it made them (and a
        refresh a second later would close the results mode's cell editor under the user's typing)."""
        with self.db.engine.connect() as conn:
            rows = conn.execute(text(_ENTRIES), {"after": self.last_id, "limit": MAX_ENTRIES + 1}).all()
        others = [r for r in rows if r[9] not in self.db.own_batches]
        return entries_of(others), len(rows), int(rows[-1][0]) if rows else self.last_id

    def _notified(self) -> bool:
        """PostgreSQL: did a NOTIFY arrive (read without blocking)? Every fifth quiet look also asks the
        server for the newest audit id: a server gone is noticed, and nothing is missed if a NOTIFY was."""
        if self._listener is None:
            self._listener = self.db.engine.raw_connection()
            driver = self._listener.driver_connection
            driver.autocommit = True
            driver.execute(f"LISTEN {CHANNEL}")
            return True
        pg = self._listener.driver_connection.pgconn
        pg.consume_input()  # raises when the server has gone
        arrived = False
        while pg.notifies() is not None:
            arrived = True
        if arrived:
            self._quiet_polls = 0
            return True
        self._quiet_polls += 1
        if self._quiet_polls % 5 == 0:
            return self._max_id() != self.last_id
        return False

    def _unreachable(self, exc: Exception) -> bool:
        """An error that says the database is out of reach (not a bug to let through)."""
        if isinstance(exc, OSError | sqlite3.Error | DBAPIError | DatabaseProblem):
            return True
        return type(exc).__module__.startswith("psycopg")

    def _problem(self, exc: Exception) -> DatabaseProblem:
        if isinstance(exc, DatabaseProblem):
            return exc
        if not self._sqlite:
            from lifelong_desktop.db.server import problem

            return problem(exc, self.db.where)  # `db@host`, as the window names it
        return DatabaseProblem("io_error", self.db.path, str(exc))

    def close(self) -> None:
        if self._listener is not None:
            try:
                self._listener.invalidate()  # not back into the pool while it LISTENs
            except Exception:  # a connection already broken by the server going away
                pass
            self._listener = None
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
            self._data_version = None


def last_audit_id(session: Any) -> int:
    """The newest audit entry's id (a form remembers it when it opens: later entries are others' changes)."""
    return int(session.execute(text("SELECT max(id) FROM audit_entry")).scalar() or 0)


def changes_to(session: Any, entity: str, entity_id: int, after_id: int) -> tuple[ChangeEntry, ...]:
    """The audit entries about one record after `after_id`, oldest first (an activity's organiser links count)."""
    entities = ["activity", "activity_organisation"] if entity == "activity" else [entity]
    marks = ", ".join(f":e{i}" for i in range(len(entities)))
    rows = session.execute(
        text(
            "SELECT id, at, who, action, entity, entity_id, entity_uid, before, after FROM audit_entry "
            f"WHERE entity IN ({marks}) AND entity_id = :id AND id > :after ORDER BY id"
        ),
        {"id": entity_id, "after": after_id, **{f"e{i}": e for i, e in enumerate(entities)}},
    ).all()
    return entries_of(rows)
