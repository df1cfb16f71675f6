"""Bulk statements of an import: executemany of plain tuples, each column through its SQLAlchemy bind processor
(the same storage as `session.execute(insert(table), rows)` without its per-row parameter work); with a
`writer`, run by its thread while the caller goes on (only `session.connection()`'s Python object and the
dialect are used meanwhile, never its database connection)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy.orm import Session

from lifelong_desktop.db.rawsql import driver_sql, sync_sequences
from lifelong_desktop.submission.importing.writer import Writer


def _processor(session: Session, table: Any, name: str) -> Any:
    """The column's bind processor (dates, times, booleans), None when values go to the driver as they are."""
    dialect = session.connection().dialect
    return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)


def _converted(proc: Any, values: Sequence[Any]) -> list[Any]:
    """`values` through `proc`, each distinct value converted once (dates, times and the import's time stamp
    repeat; True and 1 stay apart); None stays None."""
    done: dict[Any, Any] = {}
    out: list[Any] = []
    add = out.append
    for value in values:
        if value is None:
            add(None)
            continue
        key = (value.__class__, value)
        hit = done.get(key)
        if hit is None:
            hit = done[key] = proc(value)
        add(hit)
    return out


def _processed(session: Session, table: Any, rows: list[dict[str, Any]], names: list[str]) -> list[tuple]:
    """Rows as plain tuples in `names` order, each column through its own SQLAlchemy bind processor (in place)."""
    for name in names:  # only the columns whose type needs it (dates, times, booleans) are converted
        proc = _processor(session, table, name)
        if proc is not None:
            for r, value in zip(rows, _converted(proc, [r[name] for r in rows]), strict=True):
                r[name] = value
    return list(map(itemgetter(*names), rows)) if len(names) > 1 else [(r[names[0]],) for r in rows]


def _quote(session: Session, name: str) -> str:
    return session.connection().dialect.identifier_preparer.quote(name)


def _run(session: Session, sql: str, rows: Any, writer: Writer | None) -> None:
    """executemany now, or by the writer's thread (in the order handed over)."""
    conn = session.connection()
    if writer is None:
        conn.exec_driver_sql(driver_sql(conn, sql), rows)
    else:
        writer.run(driver_sql(conn, sql), rows)


def _insert(
    session: Session, table: Any, names: Sequence[str], rows: Any, writer: Writer | None = None, per: int = 1
) -> None:
    """executemany of an INSERT of `per` rows a statement (each of `rows` holds the values of `per` rows)."""
    one = f"({', '.join('?' * len(names))})"
    sql = (
        f"INSERT INTO {_quote(session, table.name)} ({', '.join(_quote(session, n) for n in names)}) "
        f"VALUES {', '.join([one] * per)}"
    )
    _run(session, sql, rows, writer)
    if "id" in names:
        sync_sequences(session.connection(), [table.name])  # on a server, where the writer runs at once


def fast_insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """executemany of plain tuples from rows of the same columns (converted in place)."""
    if rows:
        names = list(rows[0])
        _insert(session, table, names, _processed(session, table, rows, names))


def insert_columns(
    session: Session, table: Any, columns: Mapping[str, Sequence[Any]], writer: Writer | None = None
) -> None:
    """executemany of the rows made of `columns` (name -> every row's value, all of one length), each column
    converted once as a whole."""
    if not columns or not len(next(iter(columns.values()))):
        return
    converted = []
    for name, values in columns.items():
        proc = _processor(session, table, name)
        converted.append(values if proc is None else _converted(proc, values))
    _insert(session, table, list(columns), list(zip(*converted, strict=True)), writer)


_MAX_MARKERS = 32766  # SQLite's limit of `?` in one statement (PostgreSQL's is 65535)
# Rows of a few small columns (the organiser links) go PER_STATEMENT to one INSERT ... VALUES (...), (...): the
# same rows in the same order, a tenth less of SQLite's work per row than one statement each.
PER_STATEMENT = 50


def insert_tuples(
    session: Session, table: Any, names: Sequence[str], rows: list[tuple], writer: Writer | None = None
) -> None:
    """executemany of rows already in driver form: columns whose type has no bind processor (ids, text),
    PER_STATEMENT rows to a statement (the rest one each)."""
    assert all(_processor(session, table, n) is None for n in names), "a column needs conversion"
    if not rows:
        return
    per = max(1, min(PER_STATEMENT, _MAX_MARKERS // len(names)))
    whole = len(rows) // per * per if per > 1 else 0
    if whole:
        flat = list(chain.from_iterable(rows[:whole]))
        width = per * len(names)
        _insert(
            session,
            table,
            names,
            [tuple(flat[i : i + width]) for i in range(0, len(flat), width)],
            writer,
            per,
        )
    if whole < len(rows):
        _insert(session, table, names, rows[whole:], writer)


def fast_update(
    session: Session, table: Any, rows: list[dict[str, Any]], key: str = "id", writer: Writer | None = None
) -> None:
    """executemany UPDATE ... WHERE key = ? of plain tuples (rows hold the same columns; converted in place)."""
    if not rows:
        return
    names = [n for n in rows[0] if n != key] + [key]
    sets = ", ".join(f"{_quote(session, n)} = ?" for n in names[:-1])
    sql = f"UPDATE {_quote(session, table.name)} SET {sets} WHERE {_quote(session, key)} = ?"
    _run(session, sql, _processed(session, table, rows, names), writer)


def fast_delete(
    session: Session, table: Any, column: str, ids: list[int], writer: Writer | None = None
) -> None:
    if ids:
        sql = f"DELETE FROM {_quote(session, table.name)} WHERE {_quote(session, column)} = ?"
        _run(session, sql, [(i,) for i in ids], writer)
