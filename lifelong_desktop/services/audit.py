"""Audit entries for changes made by bulk statements (ORM changes are recorded by db/auditing.py automatically)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from lifelong_desktop.models import AuditEntry, new_uuid, now
from lifelong_desktop.models.base import plain


def _who(session: Session) -> str:
    from lifelong_desktop.db import current_user  # db sits below services only for this helper

    return session.info.get("who") or current_user()


def record(
    session: Session,
    action: str,
    entity: str,
    changes: Sequence[tuple[int | None, str | None, dict[str, Any] | None, dict[str, Any] | None]],
    *,
    programme_id: int | None = None,
    summary: str = "",
) -> int:
    """Write one audit entry per (entity id, uid, before, after) in one bulk insert; returns the count."""
    if not changes:
        return 0
    batch = session.info.setdefault("batch", new_uuid())
    who, at = _who(session), now()

    def dump(d: dict[str, Any] | None) -> str | None:
        return None if d is None else json.dumps({k: plain(v) for k, v in d.items()}, ensure_ascii=False)

    rows = [
        {
            "at": at,
            "who": who,
            "action": action,
            "entity": entity,
            "entity_id": eid,
            "entity_uid": uid,
            "programme_id": programme_id,
            "batch": batch,
            "summary": summary or session.info.get("summary", ""),
            "before": dump(before),
            "after": dump(after),
        }
        for eid, uid, before, after in changes
    ]
    session.execute(insert(AuditEntry), rows)
    from lifelong_desktop.db.auditing import announce

    announce(session)
    return len(rows)


def history(session: Session, *, activity_uid: str | None = None, limit: int = 1000) -> list[AuditEntry]:
    """Audit entries, newest first, optionally of one activity (its own row and its organiser links)."""
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if activity_uid:
        stmt = stmt.where(AuditEntry.entity_uid == activity_uid)
    return list(session.scalars(stmt))
