"""An import's bulk statements run by a thread on the transaction's connection (importing/writer): in order,
one transaction, and a failure of a later statement leaves nothing of the earlier ones written."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from lifelong_desktop.cli import main
from lifelong_desktop.db import open_database
from lifelong_desktop.submission.importing import apply, importer
from lifelong_desktop.submission.importing.writer import Writer
from tests.helpers.hostile import mh

pytestmark = pytest.mark.sqlite_only  # the thread is SQLite's; a server runs the statements at once


def _dump(path) -> list:
    con = sqlite3.connect(path)
    try:
        return [
            (t, con.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall())
            for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
    finally:
        con.close()


def test_statements_run_in_order_in_another_thread(tmp_path):
    db = open_database(tmp_path / "w.sqlite")
    seen: list[str] = []
    try:
        with db.transaction() as session:
            conn = session.connection()
            conn.exec_driver_sql("CREATE TEMP TABLE t (n INTEGER)")
            run = conn.exec_driver_sql

            def spy(sql, rows=None):
                if not sql.startswith("PRAGMA"):  # its cache size is set and given back by this thread
                    seen.append(threading.current_thread().name)
                return run(sql, rows)

            conn.exec_driver_sql = spy  # type: ignore[method-assign]
            with Writer(conn) as writer:
                writer.run("INSERT INTO t VALUES (?)", [(1,), (2,)])
                writer.run("UPDATE t SET n = n * 10 WHERE n = ?", [(2,)])
                writer.run("INSERT INTO t VALUES (?)", [(3,)])
            del conn.exec_driver_sql
            got = [r[0] for r in conn.exec_driver_sql("SELECT n FROM t ORDER BY rowid")]
            cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    finally:
        db.close()
    assert got == [1, 20, 3]
    assert cache == -2000  # SQLite's own again
    assert seen == ["import-writer"] * 3


def test_a_failed_statement_stops_the_rest_and_is_raised_by_finish(tmp_path):
    db = open_database(tmp_path / "w.sqlite")
    try:
        with pytest.raises(IntegrityError), db.transaction() as session:
            conn = session.connection()
            conn.exec_driver_sql("CREATE TABLE t (n INTEGER PRIMARY KEY)")
            with Writer(conn) as writer:
                writer.run("INSERT INTO t VALUES (?)", [(1,), (2,)])
                writer.run("INSERT INTO t VALUES (?)", [(3,), (1,)])  # a duplicate key: fails
                writer.run("INSERT INTO t VALUES (?)", [(4,)])  # not run
        with db.read() as session:
            tables = session.execute(text("SELECT name FROM sqlite_master WHERE name = 't'")).all()
    finally:
        db.close()
    assert tables == []  # the whole transaction rolled back, the table too


def test_the_callers_error_waits_for_the_thread_and_wins(tmp_path):
    db = open_database(tmp_path / "w.sqlite")
    try:
        with pytest.raises(KeyError), db.transaction() as session:
            conn = session.connection()
            conn.exec_driver_sql("CREATE TABLE t (n INTEGER PRIMARY KEY)")
            writer = Writer(conn)
            with writer:
                writer.run("INSERT INTO t VALUES (?)", [(1,), (1,)])  # fails in the thread too
                raise KeyError("the caller's")
        assert writer._thread is None  # joined before the error left the block
    finally:
        db.close()


@pytest.fixture
def stored(tmp_path):
    """A database holding the sample activity, and a workbook adding its branch (a second batch of links)."""
    path = tmp_path / "plan.sqlite"
    first = mh.build_workbook(tmp_path / "first.xlsx", activities=[mh.sample_activity()])
    assert main(["import", "--db", str(path), str(first)]) == 0
    both = mh.build_workbook(
        tmp_path / "both.xlsx",
        activities=[mh.sample_activity(title="开幕式（改）"), *mh.main_and_branch()[1:]],
        header=mh.sample_header(submission_seq="4"),
    )
    return path, both


def _failing_links(monkeypatch) -> None:
    """The links' statement (after the activities' insert and update) breaks a foreign key."""
    links = apply._links

    def broken(batch, activity_id, row, kept=None):
        return [(activity_id, "host", 0, 999_999, 0), *links(batch, activity_id, row, kept)[1:]]

    monkeypatch.setattr(apply, "_links", broken)


def test_the_second_batch_failing_leaves_nothing_written(stored, monkeypatch):
    path, both = stored
    before = _dump(path)
    _failing_links(monkeypatch)
    db = open_database(path)
    try:
        with pytest.raises(IntegrityError):
            importer.apply_import(db, both)
    finally:
        db.close()
    assert _dump(path) == before


def test_a_new_file_is_not_left_behind_when_the_second_batch_fails(tmp_path, monkeypatch, capsys):
    target = tmp_path / "new.sqlite"
    book = mh.build_workbook(tmp_path / "both.xlsx", activities=mh.main_and_branch())
    _failing_links(monkeypatch)
    assert main(["import", "--db", str(target), str(book)]) != 0
    assert "Traceback" not in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize("count", [0, 1, 49, 50, 51, 123])
def test_rows_several_to_a_statement_are_stored_as_one_each(tmp_path, count):
    from sqlalchemy import Column, Integer, MetaData, String, Table

    from lifelong_desktop.submission.importing import bulk

    table = Table("t", MetaData(), Column("a", Integer), Column("b", String), Column("c", Integer))
    rows = [(i, f"r{i % 7}", None if i % 5 else i * 3) for i in range(count)]
    db = open_database(tmp_path / "w.sqlite")
    try:
        with db.transaction() as session:
            conn = session.connection()
            conn.exec_driver_sql("CREATE TEMP TABLE t (a INTEGER, b TEXT, c INTEGER)")
            with Writer(conn) as writer:
                bulk.insert_tuples(session, table, ["a", "b", "c"], rows, writer)
            got = conn.exec_driver_sql("SELECT a, b, c FROM t ORDER BY rowid").all()
    finally:
        db.close()
    assert [tuple(r) for r in got] == rows
