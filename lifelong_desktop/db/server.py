"""A programme database on a PostgreSQL server: the engine (psycopg 3), its errors as codes, its revision,
migrations for a role allowed to run them, and who the server says we are."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, inspect
from sqlalchemy.exc import DBAPIError

from lifelong_desktop.db.database import Database
from lifelong_desktop.db.engine import OpenOptions
from lifelong_desktop.db.location import engine_url, label, safe_url, stand_in_path
from lifelong_desktop.db.problems import DatabaseNotice, DatabaseProblem, first_line
from lifelong_desktop.db.revisions import _alembic_config, head_revision, known_revisions
from lifelong_desktop.db.server_errors import server_code

#: seconds to wait for the server before saying it cannot be reached
CONNECT_TIMEOUT_S = 5
#: how long a statement waits for another planner's row lock before giving up (ms)
LOCK_TIMEOUT_MS = 5000


def make_server_engine(url: str, *, application: str = "lifelong-desktop") -> Engine:
    """A SQLAlchemy engine on a PostgreSQL database (psycopg 3), READ COMMITTED, with a short connect timeout
    and lock timeout; a connection dropped by a server restart is replaced on its next use (pre-ping)."""
    return create_engine(
        engine_url(url),
        pool_size=5,
        max_overflow=10,
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": application,
            "options": f"-c lock_timeout={LOCK_TIMEOUT_MS}",
        },
    )


def problem(exc: BaseException, name: Path | str) -> DatabaseProblem:
    """A DatabaseProblem for a server error (its code from server_code, else server_error)."""
    if isinstance(exc, DatabaseProblem):
        return exc
    orig = getattr(exc, "orig", None) or exc
    return DatabaseProblem(server_code(orig) or "server_error", name, first_line(orig))


def revision_of_connection(conn: Connection) -> str | None:
    """The Alembic revision of a server database: None when it has no tables, "" when they are another
    program's."""
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        return "" if tables else None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return row[0] if row else None


def who_am_i(conn: Connection) -> str:
    """The database user of this connection (current_user), as the audit log records it."""
    return str(conn.exec_driver_sql("SELECT current_user").scalar())


def may_migrate(conn: Connection) -> bool:
    """Whether this role may change the schema: it owns the tables already there, or (an empty database)
    may create in the schema; lifelong_admin members own nothing but may, as the owner granted them."""
    owner = conn.exec_driver_sql(
        "SELECT tableowner FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
        "AND tablename = 'alembic_version'"
    ).scalar()
    if owner is None:
        return bool(conn.exec_driver_sql("SELECT has_schema_privilege(current_schema(), 'CREATE')").scalar())
    return bool(conn.exec_driver_sql("SELECT pg_has_role(%s, 'USAGE')", (owner,)).scalar())


def migrate_server(engine: Engine, name: Path | str, current: str | None) -> None:
    """Bring a server database to the newest schema in one transaction (DDL is transactional on PostgreSQL);
    only for a role allowed to (else DatabaseProblem migration_not_allowed, and nothing changes)."""
    from alembic import command

    try:
        with engine.connect() as conn:
            if not may_migrate(conn):
                raise DatabaseProblem("migration_not_allowed", name, current or "")
            conn.rollback()
            with conn.begin():
                command.upgrade(_alembic_config(conn), "head")
    except DBAPIError as exc:
        raise problem(exc, name) from exc


def open_server(url: str, *, create: bool = True) -> Database:
    """Open a programme database on a PostgreSQL server, migrating it when this role may (an empty database
    is given the schema when `create`); raises DatabaseProblem with a server code, never a driver error."""
    shown = safe_url(url)
    path = Path(label(url))
    engine = make_server_engine(url)
    try:
        with engine.connect() as conn:
            current = revision_of_connection(conn)
            user = who_am_i(conn)
        if current == "":
            raise DatabaseProblem("server_not_ours", path)
        if current is not None and current not in known_revisions():
            raise DatabaseProblem("newer_version", path, current)
        if current is None and not create:
            raise DatabaseProblem("server_empty", path)
        if current != head_revision():
            migrate_server(engine, path, current)
    except DBAPIError as exc:
        engine.dispose()
        raise problem(exc, path) from exc
    except DatabaseProblem:
        engine.dispose()
        raise
    db = Database(stand_in_path(url), engine, OpenOptions(), url=shown)
    db.user = user
    if db.role() != "administrator":  # the window's banner says what this role may do
        db.notices.append(DatabaseNotice(f"server_role_{db.role()}", db.where))
    return db
