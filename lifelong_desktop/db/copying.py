"""Copying a whole programme database between stores (SQLite file <-> PostgreSQL server, any pair): every table
with its ids, the audit log and submissions included, read in one consistent snapshot, written in one
transaction on the target, sequences set after, verified by row counts and a content hash per table."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, LargeBinary, Table, bindparam, delete, select, update
from sqlalchemy.exc import DBAPIError

from lifelong_desktop import files
from lifelong_desktop.db.database import Database
from lifelong_desktop.db.problems import DatabaseProblem, classify
from lifelong_desktop.db.rawsql import sync_sequences
from lifelong_desktop.models import Base

_CHUNK = 2000
_FILE_ROWS = 4  # rows of attachment_content (up to 50 MB each) read, hashed and written at a time


class TargetNotEmpty(Exception):
    """The target database already holds data (copy refused unless told to replace it)."""

    def __init__(self, rows: int) -> None:
        super().__init__(f"the target holds {rows} rows")
        self.rows = rows


class CopyMismatch(Exception):
    """The copy did not come out the same as its source (nothing of it was kept)."""

    def __init__(self, table: str, source: tuple[int, str], target: tuple[int, str]) -> None:
        super().__init__(f"{table}: source {source} != target {target}")
        self.table = table


@dataclass(frozen=True)
class TableCopy:
    """One table copied: its name, the rows on both sides and the content hash both sides share."""

    table: str
    rows: int
    digest: str


def tables() -> list[Table]:
    """The app's tables, parents before children (the order rows can be inserted in)."""
    return list(Base.metadata.sorted_tables)


def _plain(value: Any) -> Any:
    """A value in the one form both stores agree on (dates as ISO text, booleans as 0/1, bytes as hex)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return value


def _sorted_rows(conn: Connection, table: Table) -> list[tuple]:
    """Every row of a table in primary-key order, sorted here (the stores' text collations differ)."""
    rows = [tuple(r) for r in conn.execute(select(table))]
    pk = [list(table.columns).index(c) for c in table.primary_key.columns]
    rows.sort(key=lambda r: tuple((r[i] is None, _plain(r[i])) for i in pk))
    return rows


def _has_files(table: Table) -> bool:
    """A table of file contents (attachment_content): read a few rows at a time, never whole."""
    return any(isinstance(c.type, LargeBinary) for c in table.columns)


def _row_batches(conn: Connection, table: Table) -> Iterator[list[tuple]]:
    """A table's rows in primary-key order: all at once, or, for a table of file contents, _FILE_ROWS at a
    time (its keys sorted here, then its rows fetched by key), so memory holds a few files, not all."""
    if not _has_files(table):
        rows = _sorted_rows(conn, table)
        if rows:
            yield rows
        return
    (key,) = table.primary_key.columns
    keys = sorted(conn.execute(select(key)).scalars(), key=_plain)
    at = list(table.columns).index(key)
    for start in range(0, len(keys), _FILE_ROWS):
        chunk = keys[start : start + _FILE_ROWS]
        found = {r[at]: tuple(r) for r in conn.execute(select(table).where(key.in_(chunk)))}
        yield [found[k] for k in chunk]


class _Digest:
    """SHA-256 over rows in primary-key order, each as canonical JSON of its plain values; and their count."""

    def __init__(self) -> None:
        self.sha, self.rows = hashlib.sha256(), 0

    def add(self, rows: list[tuple]) -> None:
        for row in rows:
            self.sha.update(json.dumps([_plain(v) for v in row], ensure_ascii=False).encode("utf-8"))
            self.sha.update(b"\n")
        self.rows += len(rows)

    def result(self) -> tuple[int, str]:
        return self.rows, self.sha.hexdigest()


def content_hash(rows: list[tuple]) -> str:
    """SHA-256 over the rows in primary-key order, each as canonical JSON of its plain values."""
    digest = _Digest()
    digest.add(rows)
    return digest.result()[1]


def measure(conn: Connection) -> dict[str, tuple[int, str]]:
    """(row count, content hash) per table, read on one connection (inside its transaction)."""
    out = {}
    for table in tables():
        digest = _Digest()
        for batch in _row_batches(conn, table):
            digest.add(batch)
        out[table.name] = digest.result()
    return out


@contextmanager
def snapshot(db: Database) -> Iterator[Connection]:
    """A connection reading one consistent state of the whole database: REPEATABLE READ on a server, one
    read transaction on SQLite (WAL readers see the state of their first read)."""
    with db.engine.connect() as conn:
        if db.is_server:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin() as tx:
            yield conn
            tx.rollback()


def _self_refs(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _insert(conn: Connection, table: Table, rows: list[tuple]) -> None:
    """Insert rows with their ids; a column pointing into its own table is set after all rows are in (the
    columns an UPDATE would stamp, such as updated_at, are given their own values back)."""
    names = [c.name for c in table.columns]
    self_refs = _self_refs(table)
    kept = self_refs + [c.name for c in table.columns if c.onupdate is not None]
    dicts = [dict(zip(names, r, strict=True)) for r in rows]
    later = [
        {"_id": d["id"], **{c: d[c] for c in kept}} for d in dicts if any(d[c] is not None for c in self_refs)
    ]
    for d in dicts:
        for c in self_refs:
            d[c] = None
    for start in range(0, len(dicts), _CHUNK):
        conn.execute(table.insert(), dicts[start : start + _CHUNK])
    if later:
        stmt = update(table).where(table.c.id == bindparam("_id")).values({c: bindparam(c) for c in kept})
        conn.execute(stmt, later)


def _row_total(conn: Connection) -> int:
    from sqlalchemy import func

    return sum(conn.execute(select(func.count()).select_from(t)).scalar() or 0 for t in tables())


def row_total(db: Database) -> int:
    """How many rows the app's tables of a database hold."""
    with db.engine.connect() as conn:
        return _row_total(conn)


def copy_into(source: Connection, target: Connection, *, replace: bool = False) -> list[TableCopy]:
    """Copy every table from `source` into `target` (in the target's open transaction), then check that
    each table's count and content hash came out the same; raises TargetNotEmpty or CopyMismatch."""
    held = _row_total(target)
    if held and not replace:
        raise TargetNotEmpty(held)
    if held:
        for table in reversed(tables()):
            target.execute(delete(table))
    wanted = {}
    for table in tables():
        digest = _Digest()
        for batch in _row_batches(source, table):
            digest.add(batch)
            _insert(target, table, batch)
        wanted[table.name] = digest.result()
    sync_sequences(target, [t.name for t in tables()])
    got = measure(target)
    for name, expected in wanted.items():
        if got[name] != expected:
            raise CopyMismatch(name, expected, got[name])
    return [TableCopy(name, count, digest) for name, (count, digest) in wanted.items()]


def copy_database(
    source: Database,
    target: Database,
    *,
    replace: bool = False,
    then: Callable[[Connection], object] | None = None,
) -> list[TableCopy]:
    """The whole of `source` into `target` in one transaction on the target (nothing kept on any failure);
    `then` runs in that transaction after the copy is verified (attachments' bytes brought in from the
    source file's folder: services.attachment_content.fill_from_folder)."""
    if source.engine.url == target.engine.url and source.path == target.path:
        raise DatabaseProblem("copy_onto_itself", source.where)
    try:
        with snapshot(source) as src, target.engine.connect() as dst, dst.begin():
            copied = copy_into(src, dst, replace=replace)
            if then is not None:
                then(dst)
            return copied
    except DBAPIError as exc:
        raise classify(exc, target.where) from exc


def snapshot_to_file(db: Database, dest: Path) -> Path:
    """A consistent SQLite copy of a database (a server's, read in one REPEATABLE READ transaction), written
    through files.safe_output: checked, then renamed into place; `restore` and `db copy` bring it back."""
    from lifelong_desktop.db.opening import open_database

    dest = Path(dest)
    with files.safe_output(dest, database=None if db.is_server else db.path) as tmp:
        Path(tmp).unlink(missing_ok=True)
        copy = open_database(Path(tmp), backup_on_open=False)
        try:
            copy_database(db, copy)
        finally:
            copy.close()
    return dest.absolute()
