"""Many activities at once by a few Core statements (insert, update), each batch audited as one entry."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, insert, select
from sqlalchemy.orm import Session

from lifelong_desktop.db.rawsql import lock_for_ids, sync_sequences
from lifelong_desktop.models import Activity, ActivityOrganisation, new_uuid, now, table_of
from lifelong_desktop.services import audit
from lifelong_desktop.services.planning.errors import EditConflict
from lifelong_desktop.services.planning.inputs import ROLES, SCALARS, ActivityInput, check, link_rows
from lifelong_desktop.services.planning.orm import CHUNK
from lifelong_desktop.services.planning.reads import check_versions, read_snapshots
from lifelong_desktop.services.planning.results import ActivitySnapshot, Updated

#: from this many activities on, deleting and restoring go by bulk statements (audited as one batch)
BULK = 200


def update_bulk(
    session: Session,
    items: Sequence[tuple[int, ActivityInput, int | None]],
    read: list[ActivitySnapshot] | None = None,
) -> list[Updated]:
    """Many updates by a few statements: versions checked first, each UPDATE guarded by its version,
    organiser links rewritten only where they changed; audited with the changed values."""
    current = {
        s.id: s for s in (read if read is not None else read_snapshots(session, [i for i, _, _ in items]))
    }
    check_versions(session, items, current)
    stamp = now()
    table = table_of(Activity)
    params = []
    for activity_id, data, _version in items:
        values = {name: getattr(data, name) for name in SCALARS}
        values.update(title=data.title.strip(), audiences=";".join(data.audiences))
        params.append(
            {"b_" + k: v for k, v in values.items()}
            | {"b_id": activity_id, "b_version": current[activity_id].version, "b_stamp": stamp}
        )
    stmt = (
        table.update()
        .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
        .values(
            {
                **{name: bindparam("b_" + name) for name in (*SCALARS, "audiences")},
                "updated_at": bindparam("b_stamp"),
                "version": table.c.version + 1,
            }
        )
    )
    result = cast(CursorResult[Any], session.execute(stmt, params))  # an UPDATE gives a CursorResult
    if result.rowcount is not None and 0 <= result.rowcount < len(params):
        raise EditConflict(items[0][0], None)  # a writer we did not see; the transaction is rolled back
    _relink(session, items, current)
    _audit_updates(session, items, current)
    return [Updated(i, current[i].data, data, _bumped(current[i].version)) for i, data, _v in items]


def _relink(
    session: Session,
    items: Sequence[tuple[int, ActivityInput, int | None]],
    current: dict[int, ActivitySnapshot],
) -> None:
    """Rewrite the organiser links of the activities whose organisers changed (the others keep theirs)."""
    relink = [
        (i, data)
        for i, data, _v in items
        if any(data.organiser_ids(r) != current[i].data.organiser_ids(r) for r in ROLES)
    ]
    ids = [i for i, _ in relink]
    for c in range(0, len(ids), CHUNK):
        session.execute(
            table_of(ActivityOrganisation)
            .delete()
            .where(ActivityOrganisation.activity_id.in_(ids[c : c + CHUNK]))
        )
    links = link_rows(relink)
    if links:
        session.execute(insert(ActivityOrganisation), links)


def _audit_updates(
    session: Session,
    items: Sequence[tuple[int, ActivityInput, int | None]],
    current: dict[int, ActivitySnapshot],
) -> None:
    """One audit entry per programme, with each activity's changed fields before and after."""
    changes = []
    for activity_id, data, _version in items:
        before = current[activity_id].data
        changed = [
            f.name
            for f in dataclasses.fields(ActivityInput)
            if getattr(before, f.name) != getattr(data, f.name)
        ]
        changes.append(
            (
                activity_id,
                current[activity_id].uid,
                {k: _plain(getattr(before, k)) for k in changed},
                {k: _plain(getattr(data, k)) for k in changed},
            )
        )
    for pid in {current[i].programme_id for i, _, _ in items}:
        audit.record(
            session,
            "update",
            "activity",
            [c for c in changes if current[c[0]].programme_id == pid],
            programme_id=pid,
        )


def _bumped(version: int | None) -> int:
    assert version is not None  # the UPDATE matched every row "WHERE version = ?", so none was NULL
    return version + 1


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _records(
    programme_id: int, inputs: Sequence[ActivityInput], identities: Sequence[ActivitySnapshot] | None
) -> list[dict]:
    """The activity rows to insert; restored ones keep their id (if still free), uid, creation time and source."""
    stamp = now()
    records = []
    for n, data in enumerate(inputs):
        if identities is None:
            check(data)
        rec = {name: getattr(data, name) for name in SCALARS}
        rec.update(
            uid=new_uuid(),
            programme_id=programme_id,
            audiences=";".join(data.audiences),
            title=data.title.strip(),
            created_at=stamp,
            updated_at=stamp,
            version=1,
        )
        if identities is not None:
            snap = identities[n]
            rec.update(
                id=snap.id,
                uid=snap.uid,
                created_at=snap.created_at or stamp,
                source_submission_id=snap.source_submission_id,
            )
        records.append(rec)
    return records


def _assign_ids(session: Session, records: list[dict]) -> None:
    """Ids for the rows without one, and for restored rows whose id was taken meanwhile, after the largest."""
    lock_for_ids(session.connection(), "activity")
    wanted = [rec["id"] for rec in records if rec.get("id") is not None]
    taken = {
        i
        for c in range(0, len(wanted), CHUNK)
        for i in session.scalars(select(Activity.id).where(Activity.id.in_(wanted[c : c + CHUNK])))
    }
    start = (session.scalar(select(Activity.id).order_by(Activity.id.desc()).limit(1)) or 0) + 1
    for rec in records:
        if rec.get("id") is None or rec["id"] in taken:
            rec["id"] = start
            start += 1


def bulk_insert(
    session: Session,
    programme_id: int,
    inputs: Sequence[ActivityInput],
    summary: str,
    *,
    identities: Sequence[ActivitySnapshot] | None = None,
) -> list[int]:
    """Insert many activities with their organiser links in a few statements; audited as one batch.

    With `identities` (restoring deleted activities) each keeps its id where still free, uid, creation
    time and source; its values are put back as they were, without checking them again."""
    if not inputs:
        return []
    records = _records(programme_id, inputs, identities)
    _assign_ids(session, records)
    session.execute(insert(Activity), records)
    sync_sequences(session.connection(), ["activity"])  # the ids were given here, not by a server sequence
    links = link_rows((rec["id"], data) for rec, data in zip(records, inputs, strict=True))
    if links:
        session.execute(insert(ActivityOrganisation), links)
    audit.record(
        session,
        "create",
        "activity",
        [
            (rec["id"], rec["uid"], None, {"title": rec["title"], "start_date": rec["start_date"]})
            for rec in records
        ],
        programme_id=programme_id,
        summary=summary,
    )
    return [rec["id"] for rec in records]
