"""The automatic audit log: every ORM insert, update and delete of the planning tables, with who and when."""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from lifelong_desktop.db.rawsql import driver_sql
from lifelong_desktop.models import AuditEntry, new_uuid, now, table_of
from lifelong_desktop.models.base import plain

AUDITED = {
    "activity",
    "organisation",
    "venue",
    "programme",
    "activity_organisation",
    "submission",
    "attachment",
}
_SKIP_AUDIT_COLUMNS = {"updated_at", "created_at", "version"}


def current_user() -> str:
    """The OS account, recorded in the audit log."""
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


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


def _identity(obj: Any) -> tuple[str, Any, Any, Any]:
    """(table, id, uid, committed version) of an ORM object, for telling which edit went stale."""
    table = getattr(obj, "__tablename__", type(obj).__name__)
    state = inspect(obj)
    version = None
    if "version" in state.attrs:
        hist = state.attrs["version"].history
        version = (hist.deleted or hist.unchanged or [None])[0]
    return table, getattr(obj, "id", None), getattr(obj, "uid", None), version


def audit_before_flush(session: Session, _ctx: object, _instances: object) -> None:
    """Remember what is about to change: the audit entries to write and the versioned rows touched."""
    changed = [o for o in session.dirty if session.is_modified(o, include_collections=False)]
    session.info["_flushing"] = [_identity(o) for o in [*changed, *session.deleted]]
    if session.info.get("audit_off"):
        return
    batch = session.info.setdefault("batch", new_uuid())
    who = session.info.get("who") or current_user()
    pending: list[tuple[str, Any]] = (
        [("create", o) for o in session.new]
        + [("update", o) for o in changed]
        + [("delete", o) for o in session.deleted]
        + [("delete", o) for o in _orphans(session)]
    )
    session.info.setdefault("_audit_pending", []).extend(
        (
            action,
            obj,
            who,
            batch,
            None if action == "create" else _row_state(obj, committed=True),
            None if action in ("delete", "create") else _row_state(obj, committed=False),
            _owner(session, obj) if obj.__tablename__ == "activity_organisation" else None,
        )
        for action, obj in pending
        if getattr(obj, "__tablename__", "") in AUDITED
    )


def _orphans(session: Session) -> list[Any]:
    """Rows removed from a delete-orphan collection (an organiser taken off an activity): the flush deletes
    them, but they are not in session.deleted yet."""
    found: dict[int, Any] = {}
    for parent in session.dirty:
        state = inspect(parent)
        for rel in state.mapper.relationships:
            if not rel.cascade.delete_orphan or not rel.uselist:
                continue
            for child in state.attrs[rel.key].history.deleted or ():
                child_state = inspect(child)
                if child_state.persistent and child not in session.deleted:
                    found[id(child)] = child
    return list(found.values())


def _owner(session: Session, link: Any) -> Any:
    """The activity an organiser link belongs (or belonged) to, found before the flush: the object, or
    (uid, programme id) read from the database."""
    activity = link.activity
    if activity is None:  # unlinked from its activity (a delete-orphan): find it by the stored id
        hist = inspect(link).attrs["activity_id"].history
        activity_id = (hist.deleted or hist.unchanged or hist.added or [None])[0]
        if activity_id is None:
            return None
        from lifelong_desktop.models import Activity

        activity = session.identity_map.get(session.identity_key(Activity, activity_id))
        if activity is None:
            conn = session.connection()
            sql = driver_sql(conn, "SELECT uid, programme_id FROM activity WHERE id = ?")
            row = conn.exec_driver_sql(sql, (activity_id,)).first()
            return (row[0], row[1]) if row else None
    return activity


def audit_after_flush(session: Session, _ctx: object) -> None:
    """Write the audit entries of the flush just made, in the same transaction."""
    pending = session.info.pop("_audit_pending", [])
    if not pending:
        return
    rows = []
    for action, obj, who, batch, before, after, owner in pending:
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
        entity_id = (
            getattr(obj, "id", None)
            if table != "activity_organisation"
            else getattr(obj, "activity_id", None)
        )
        uid = getattr(obj, "uid", None)
        programme_id = getattr(obj, "programme_id", None)
        if table == "activity_organisation":
            if owner is not None and not isinstance(owner, tuple):
                owner = (owner.uid, owner.programme_id)  # a new activity has its uid only after the flush
            uid, programme_id = owner or (None, None)
            if entity_id is None and before:
                entity_id = before.get("activity_id")
        elif table == "programme":
            programme_id = getattr(obj, "id", None)
        rows.append(
            {
                "at": now(),
                "who": who,
                "action": action,
                "entity": table,
                "entity_id": entity_id,
                "entity_uid": uid,
                "programme_id": programme_id,
                "batch": batch,
                "summary": session.info.get("summary", "")[:200],
                "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
                "after": json.dumps(after, ensure_ascii=False) if after is not None else None,
            }
        )
    if rows:
        session.connection().execute(table_of(AuditEntry).insert(), rows)
        announce(session)


#: the channel on which a PostgreSQL database tells the other windows that the audit log grew
CHANNEL = "lifelong_changes"


def announce(session: Session) -> None:
    """On PostgreSQL, NOTIFY the other windows (sent when this transaction commits, never if it rolls back;
    one per transaction however often it is called). SQLite needs nothing: the windows poll data_version."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection().exec_driver_sql(f"NOTIFY {CHANNEL}")
