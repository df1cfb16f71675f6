"""A SQLAlchemy engine on one SQLite file with the app's pragmas and explicit BEGIN handling."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lifelong_desktop.db.location import sqlite_uri

if TYPE_CHECKING:  # SQLAlchemy is loaded by make_engine: the sqlite3 helpers here serve light readers too
    from sqlalchemy import Connection, Engine

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


@dataclass
class OpenOptions:
    """How a database file is opened: WAL normally, rollback journal with exclusive locking on network shares."""

    journal_mode: str = "wal"
    exclusive: bool = False
    read_only: bool = False
    busy_timeout_ms: int = BUSY_TIMEOUT_MS
    #: read-only media (a read-only folder or mount): SQLite may not even create its lock files there
    immutable: bool = False


def network_options(read_only: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> OpenOptions:
    """Options for a file on a network share: no WAL (needs shared memory), one exclusive user."""
    return OpenOptions(
        journal_mode="delete", exclusive=True, read_only=read_only, busy_timeout_ms=busy_timeout_ms
    )


def connect_raw(
    path: Path, *, read_only: bool = False, timeout_ms: int = BUSY_TIMEOUT_MS, immutable: bool = False
) -> sqlite3.Connection:
    """A plain sqlite3 connection in autocommit mode (we issue BEGIN ourselves)."""
    if read_only:
        query = "mode=ro&immutable=1" if immutable else "mode=ro"
        con = sqlite3.connect(
            sqlite_uri(path, query),
            uri=True,
            timeout=timeout_ms / 1000,
            check_same_thread=False,
        )
    else:
        con = sqlite3.connect(str(path), timeout=timeout_ms / 1000, check_same_thread=False)
    con.isolation_level = None
    return con


def set_pragmas(con: sqlite3.Connection, options: OpenOptions) -> None:
    """The app's settings on a new connection: busy timeout, foreign keys, journal mode, full sync."""
    con.isolation_level = None  # we issue BEGIN ourselves
    cur = con.cursor()
    cur.execute(f"PRAGMA busy_timeout={int(options.busy_timeout_ms)}")
    cur.execute("PRAGMA foreign_keys=ON")
    if not options.read_only:
        if options.exclusive:
            cur.execute("PRAGMA locking_mode=EXCLUSIVE")
        cur.execute(f"PRAGMA journal_mode={options.journal_mode}")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def sqlite_connection(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy connection (the engine is always pysqlite)."""
    raw = conn.connection.driver_connection
    if raw is None:  # only a closed or invalidated connection has none
        raise sqlite3.ProgrammingError("the connection has no open sqlite3 connection")
    return raw


def make_engine(path: Path, options: OpenOptions | None = None) -> Engine:
    """A SQLAlchemy engine on one file with the app's pragmas and explicit BEGIN / BEGIN IMMEDIATE."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    options = options or OpenOptions()

    def connect() -> sqlite3.Connection:
        return connect_raw(
            path, read_only=options.read_only, timeout_ms=options.busy_timeout_ms, immutable=options.immutable
        )

    # exclusive locking holds the file lock for the connection's life: only one connection may exist
    pool: dict[str, Any] = (
        {"pool_size": 1, "max_overflow": 0, "pool_timeout": max(options.busy_timeout_ms / 1000, 1)}
        if options.exclusive
        else {"pool_size": 5, "max_overflow": 10}
    )
    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool, **pool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        set_pragmas(dbapi_conn, options)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
