"""Plain DB-API cursors for the fast readers and writers, the same on SQLite and PostgreSQL: `?` parameters,
dates, times and timestamps returned as ISO text (as SQLite stores them), so one parser serves both."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, inspect

from lifelong_desktop.db.engine import sqlite_connection

_TEXT_TYPES = ("date", "time", "timestamp", "timestamptz")
#: the app's tables without an id column (no sequence to move)
_NO_ID = {"activity_organisation", "alembic_version", "attachment_content"}  # tables keyed otherwise


def is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def marker(conn: Connection) -> str:
    """The DB-API parameter marker of the connection's driver: `?` (sqlite3) or `%s` (psycopg)."""
    return "?" if is_sqlite(conn) else "%s"


def driver_sql(conn: Connection, sql: str) -> str:
    """A statement written with `?` markers, for the connection's driver (psycopg wants `%s`, `%%`)."""
    return sql if is_sqlite(conn) else sql.replace("%", "%%").replace("?", "%s")


class _TextCursor:
    """A psycopg cursor taking `?` markers and returning dates and times as text (SQLite's form)."""

    def __init__(self, raw: Any) -> None:
        from psycopg.types.string import TextLoader

        self._cur = raw.cursor()
        for name in _TEXT_TYPES:
            self._cur.adapters.register_loader(name, TextLoader)

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self._cur.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(args))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._cur.executemany(sql.replace("%", "%%").replace("?", "%s"), rows)

    def fetchall(self) -> list[tuple]:
        return self._cur.fetchall()

    def close(self) -> None:
        self._cur.close()


def raw_cursor(conn: Connection) -> Any:
    """A DB-API cursor on the connection's own driver connection (inside its transaction): sqlite3's, or a
    psycopg one that takes `?` and gives dates and times as text."""
    if is_sqlite(conn):
        return sqlite_connection(conn).cursor()
    raw = conn.connection.driver_connection
    return _TextCursor(raw)


def sync_sequences(conn: Connection, tables: Iterable[str] | None = None) -> None:
    """Move each table's id sequence past the largest id (rows inserted with explicit ids: a copy, the demo,
    an import, a restore), so the next row the ORM adds gets a fresh id. PostgreSQL only; a no-op elsewhere."""
    if conn.dialect.name != "postgresql":
        return
    names = list(tables) if tables is not None else inspect(conn).get_table_names()
    for table in names:
        if table in _NO_ID:
            continue
        seq = conn.exec_driver_sql("SELECT pg_get_serial_sequence(%s, 'id')", (table,)).scalar()
        if seq:
            conn.exec_driver_sql(
                f'SELECT setval(%s, COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)', (seq,)
            )


def lock_for_ids(conn: Connection, table: str) -> None:
    """Before giving rows ids of our own (the largest + 1) on a server: hold the table against other writers
    until the transaction ends (readers go on), so two planners' bulk inserts never pick the same ids and no
    sequence hands one out meanwhile. A waiting writer gives up after the lock timeout (server_busy).
    A no-op on SQLite, whose write transactions are one at a time already."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f'LOCK TABLE "{table}" IN SHARE ROW EXCLUSIVE MODE')
