"""One SQLite file per database: engine, pragmas, sessions, audit, migrations and backups."""

from __future__ import annotations

import getpass
import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from lifelong_desktop import messages
from lifelong_desktop.models import AuditEntry, Base, new_uuid, now
from lifelong_desktop.models.base import plain
from lifelong_desktop.paths import default_database_path, migrations_dir

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
AUDITED = {"activity", "organisation", "venue", "programme", "activity_organisation", "submission"}
_SKIP_AUDIT_COLUMNS = {"updated_at", "created_at", "version"}


class DatabaseProblem(Exception):
    """A database the app cannot use as asked; `code` says why (see resources/i18n/messages/db.json)."""

    def __init__(self, code: str, path: Path | str, detail: str = "") -> None:
        self.code = code
        self.path = Path(path)
        self.detail = detail
        super().__init__(f"{code}: {path} {detail}".strip())

    def message(self, lang: str | None = None) -> str:
        """One sentence in the user's language saying what is wrong and what to do."""
        return messages.render("db." + self.code, lang, path=str(self.path), name=self.path.name, detail=self.detail)


def classify(exc: BaseException, path: Path | str) -> DatabaseProblem:
    """Turn a sqlite3/SQLAlchemy error into a DatabaseProblem with a stable code."""
    if isinstance(exc, DatabaseProblem):
        return exc
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "locked" in text or "busy" in text:
        code = "locked"
    elif "readonly" in text or "read-only" in text or "read only" in text:
        code = "read_only"
    elif "not a database" in text or "file is encrypted" in text:
        code = "not_a_database"
    elif "malformed" in text or "corrupt" in text or "disk i/o" in text:
        code = "damaged"
    elif "full" in text:
        code = "disk_full"
    elif "unable to open" in text:
        code = "cannot_open"
    else:
        code = "damaged"
    return DatabaseProblem(code, path, str(getattr(exc, "orig", None) or exc))


def current_user() -> str:
    """The OS account, recorded in the audit log."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no account name available on this OS
        return "unknown"


def _check_header(path: Path) -> None:
    """Refuse a non-empty file that is not SQLite before SQLite touches it."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseProblem("not_a_database", path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except PermissionError as exc:
        raise DatabaseProblem("cannot_open", path, str(exc)) from exc
    except OSError as exc:
        raise DatabaseProblem("cannot_open", path, str(exc)) from exc
    if head and head != SQLITE_HEADER:
        raise DatabaseProblem("not_a_database", path)


@dataclass
class OpenOptions:
    """How a database file is opened: WAL normally, rollback journal with exclusive locking on network shares."""

    journal_mode: str = "wal"
    exclusive: bool = False
    read_only: bool = False


def make_engine(path: Path, options: OpenOptions | None = None) -> Engine:
    """A SQLAlchemy engine on one file with the app's pragmas and explicit BEGIN handling."""
    options = options or OpenOptions()
    def connect() -> sqlite3.Connection:
        if options.read_only:
            return sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                   check_same_thread=False)
        return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    engine = create_engine("sqlite+pysqlite://", creator=connect)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        if not options.read_only:
            cur.execute(f"PRAGMA journal_mode={options.journal_mode}")
            if options.exclusive:
                cur.execute("PRAGMA locking_mode=EXCLUSIVE")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _row_state(obj: Any, *, committed: bool) -> dict[str, Any]:
    """Column values of an ORM object, before (committed) or after the pending change."""
    state = inspect(obj)
    out: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIP_AUDIT_COLUMNS:
            continue
        hist = state.attrs[key].history
        if committed:
            value = hist.deleted[0] if hist.deleted else (hist.unchanged[0] if hist.unchanged else None)
            if not hist.deleted and not hist.unchanged and hist.added:
                value = None
        else:
            value = hist.added[0] if hist.added else (hist.unchanged[0] if hist.unchanged else None)
        out[key] = plain(value)
    return out


def _audit_before_flush(session: Session, _ctx: object, _instances: object) -> None:
    """Write an audit entry for every ORM insert, update and delete of the audited tables."""
    if session.info.get("audit_off"):
        return
    batch = session.info.setdefault("batch", new_uuid())
    who = session.info.get("who") or current_user()
    pending: list[tuple[str, Any]] = (
        [("create", o) for o in session.new]
        + [("update", o) for o in session.dirty if session.is_modified(o, include_collections=False)]
        + [("delete", o) for o in session.deleted]
    )
    session.info.setdefault("_audit_pending", []).extend(
        (action, obj, who, batch,
         None if action == "create" else _row_state(obj, committed=True),
         None if action in ("delete", "create") else _row_state(obj, committed=False))
        for action, obj in pending
        if getattr(obj, "__tablename__", "") in AUDITED
    )


def _audit_after_flush(session: Session, _ctx: object) -> None:
    pending = session.info.pop("_audit_pending", [])
    if not pending:
        return
    rows = []
    for action, obj, who, batch, before, after in pending:
        if action == "create":
            after = {
                a.key: plain(getattr(obj, a.key, None))
                for a in inspect(obj).mapper.column_attrs
                if a.key not in _SKIP_AUDIT_COLUMNS
            }
        if before is not None and after is not None:
            changed = {k for k in after if before.get(k) != after.get(k)}
            if not changed:
                continue
            before = {k: before[k] for k in changed | {"id"} if k in before}
            after = {k: after[k] for k in changed | {"id"} if k in after}
        table = obj.__tablename__
        entity_id = getattr(obj, "id", None) if table != "activity_organisation" else getattr(obj, "activity_id", None)
        uid = getattr(obj, "uid", None)
        if table == "activity_organisation":
            act = getattr(obj, "activity", None)
            uid = getattr(act, "uid", None)
        rows.append(
            {
                "at": now(), "who": who, "action": action, "entity": table, "entity_id": entity_id,
                "entity_uid": uid, "programme_id": getattr(obj, "programme_id", None), "batch": batch,
                "summary": session.info.get("summary", ""),
                "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
                "after": json.dumps(after, ensure_ascii=False) if after is not None else None,
            }
        )
    if rows:
        session.connection().execute(AuditEntry.__table__.insert(), rows)


class Database:
    """An opened programme database: sessions for reading and for writing, one per user action."""

    def __init__(self, path: Path, engine: Engine, options: OpenOptions) -> None:
        self.path = path
        self.engine = engine
        self.options = options
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            bind=engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )
        for maker in (self._sessions, self._write_sessions):
            event.listen(maker, "before_flush", _audit_before_flush)
            event.listen(maker, "after_flush", _audit_after_flush)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (a deferred transaction, rolled back at the end)."""
        try:
            with self._sessions() as session:
                yield session
        except (OperationalError, SADatabaseError, sqlite3.DatabaseError) as exc:
            raise classify(exc, self.path) from exc

    @contextmanager
    def transaction(self, summary: str = "", who: str | None = None) -> Iterator[Session]:
        """One user action: a write transaction (BEGIN IMMEDIATE), committed on success, rolled back on error."""
        try:
            with self._write_sessions() as session, session.begin():
                session.info["summary"] = summary
                if who:
                    session.info["who"] = who
                yield session
        except (OperationalError, SADatabaseError, sqlite3.DatabaseError) as exc:
            if isinstance(exc, DBAPIError) and exc.connection_invalidated:
                raise classify(exc, self.path) from exc
            raise classify(exc, self.path) from exc

    def backup_to(self, dest: Path) -> Path:
        """A consistent copy of the whole database (SQLite backup API), written beside and renamed into place."""
        return backup_file(self.path, dest)

    def close(self) -> None:
        self.engine.dispose()


def backup_file(src: Path, dest: Path) -> Path:
    """Copy a SQLite file consistently with the backup API; the copy appears atomically."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    source = sqlite3.connect(f"file:{Path(src).as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    finally:
        source.close()
    tmp.replace(dest)
    return dest


def backups_dir_for(path: Path) -> Path:
    """Where the automatic copies of one database go: a `backups` folder beside it."""
    return Path(path).parent / "backups"


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    return ScriptDirectory.from_config(cfg).get_current_head() or ""


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def _current_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file (None for an empty database)."""
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return "" if tables - {"sqlite_sequence"} else None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def migrate(path: Path, engine: Engine) -> None:
    """Bring the file to the newest schema; take a backup first when it holds data of an older revision."""
    from alembic import command

    current = _current_revision(path) if path.exists() and path.stat().st_size > 0 else None
    head = head_revision()
    if current == head:
        return
    if current == "":
        raise DatabaseProblem("not_ours", path)
    if current is not None and current not in known_revisions():
        raise DatabaseProblem("newer_version", path, current)
    if current is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_file(path, backups_dir_for(path) / f"{path.stem}.before-migration-{current}-{stamp}.sqlite")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        command.upgrade(_alembic_config(conn), "head")
        conn.commit()
        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.commit()
    if problems:
        raise DatabaseProblem("damaged", path, f"foreign_key_check: {problems[:3]}")


def open_database(
    path: Path | str | None = None,
    *,
    create: bool = True,
    options: OpenOptions | None = None,
    check: bool = True,
) -> Database:
    """Open (or create) a programme database, migrating it to the newest schema; raises DatabaseProblem."""
    path = Path(path) if path else default_database_path()
    path = path.expanduser().absolute()
    _check_header(path)
    if not path.exists():
        if not create:
            raise DatabaseProblem("missing", path)
        if not path.parent.exists():
            raise DatabaseProblem("cannot_open", path, "folder does not exist")
    options = options or OpenOptions()
    engine = make_engine(path, options)
    try:
        with engine.connect() as conn:
            if check and path.exists() and path.stat().st_size > 0:
                result = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
                if [r[0] for r in result] != ["ok"]:
                    raise DatabaseProblem("damaged", path, "; ".join(str(r[0]) for r in result[:3]))
        if not options.read_only:
            migrate(path, engine)
        elif _current_revision(path) != head_revision():
            raise DatabaseProblem("read_only", path)
    except DatabaseProblem:
        engine.dispose()
        raise
    except (OperationalError, SADatabaseError, sqlite3.DatabaseError, OSError) as exc:
        engine.dispose()
        raise classify(exc, path) from exc
    return Database(path, engine, options)


def create_schema_directly(engine: Engine) -> None:
    """Create all tables from the models without Alembic (only for comparing against the migrations)."""
    Base.metadata.create_all(engine)


def remove_database_files(path: Path) -> None:
    """Delete a database file with its WAL and shared-memory companions (used by `demo --force`)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(str(path) + suffix)
        if p.exists():
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()
