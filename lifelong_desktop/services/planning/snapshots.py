"""Deleting activities into snapshots and restoring them exactly (same id, uid, links, sub-venues, version)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, ActivityOrganisation, table_of
from lifelong_desktop.services import audit
from lifelong_desktop.services.planning.inputs import input_of
from lifelong_desktop.services.planning.orm import CHUNK, apply, load
from lifelong_desktop.services.planning.reads import children_of, put_back_versions, read_snapshots
from lifelong_desktop.services.planning.results import ActivitySnapshot
from lifelong_desktop.services.planning.statements import BULK, bulk_insert


def delete_activities(session: Session, ids: Iterable[int]) -> list[ActivitySnapshot]:
    """Delete activities; the snapshots returned put them back exactly (restore_activities)."""
    ids = list(dict.fromkeys(ids))
    if len(ids) >= BULK:
        return _delete_bulk(session, ids)
    loaded = load(session, ids)
    acts = [loaded[i] for i in ids if i in loaded]
    children = children_of(session, ids)
    snaps = [
        ActivitySnapshot(
            a.id,
            a.uid,
            a.programme_id,
            input_of(a),
            a.source_submission_id,
            a.created_at,
            tuple(sorted(children.get(a.id, ()))),
            a.version,
        )
        for a in acts
    ]
    for a in acts:
        session.delete(a)
    session.flush()
    return snaps


def _delete_bulk(session: Session, ids: list[int]) -> list[ActivitySnapshot]:
    """Many activities at once: snapshots read by plain selects, then a few DELETE statements."""
    snaps = read_snapshots(session, ids)
    for c in range(0, len(ids), CHUNK):
        chunk = ids[c : c + CHUNK]
        session.execute(
            table_of(ActivityOrganisation).delete().where(ActivityOrganisation.activity_id.in_(chunk))
        )
        session.execute(
            table_of(Activity).update().where(Activity.parent_id.in_(chunk)).values(parent_id=None)
        )
        session.execute(table_of(Activity).delete().where(Activity.id.in_(chunk)))
    for pid in {s.programme_id for s in snaps}:
        audit.record(
            session,
            "delete",
            "activity",
            [
                (s.id, s.uid, {"title": s.data.title, "start_date": s.data.start_date}, None)
                for s in snaps
                if s.programme_id == pid
            ],
            programme_id=pid,
        )
    return snaps


def restore_activities(session: Session, snapshots: Sequence[ActivitySnapshot]) -> list[int]:
    """Re-create deleted activities with their id, uid, organisers and sub-venue links."""
    if len(snapshots) >= BULK:
        return _restore_bulk(session, snapshots)
    restored = []
    for snap in snapshots:
        act = Activity(programme_id=snap.programme_id, uid=snap.uid, title="")
        if session.get(Activity, snap.id) is None:
            act.id = snap.id
        session.add(act)
        apply(act, snap.data.replace(parent_id=None))  # a new object: links only added; parents below
        act.source_submission_id = snap.source_submission_id
        if snap.created_at:
            act.created_at = snap.created_at
        restored.append((snap, act))
    session.flush()
    id_map = {snap.id: act.id for snap, act in restored}
    for snap, act in restored:
        parent = snap.data.parent_id
        if parent is not None:
            act.parent_id = id_map.get(parent, parent if session.get(Activity, parent) is not None else None)
    session.flush()
    table = table_of(Activity)
    for snap, act in restored:
        # sub-venues outside the restored set get their main venue back as the delete took it (ON DELETE
        # SET NULL): without a new version, so earlier edits of theirs can still be undone
        outside = [c for c in snap.child_ids if c not in id_map]
        if outside:
            session.execute(
                table.update()
                .where(table.c.id.in_(outside), table.c.parent_id.is_(None))
                .values(parent_id=act.id)
            )
    put_back_versions(session, [(act.id, snap.version) for snap, act in restored])
    return [act.id for _, act in restored]


def _restore_bulk(session: Session, snapshots: Sequence[ActivitySnapshot]) -> list[int]:
    new_id: dict[int, int] = {}
    for pid in dict.fromkeys(s.programme_id for s in snapshots):
        group = [s for s in snapshots if s.programme_id == pid]
        made = bulk_insert(
            session, pid, [s.data.replace(parent_id=None) for s in group], "restore", identities=group
        )
        new_id.update(zip((s.id for s in group), made, strict=True))
    ids = list(new_id.values())
    existing = {
        i
        for c in range(0, len(ids), CHUNK)
        for i in session.scalars(select(Activity.id).where(Activity.id.in_(ids[c : c + CHUNK])))
    }
    table = table_of(Activity)
    for snap in snapshots:
        parent = snap.data.parent_id
        if parent is not None:
            parent = new_id.get(parent, parent)
            if parent in existing or session.get(Activity, parent) is not None:
                session.execute(table.update().where(table.c.id == new_id[snap.id]).values(parent_id=parent))
        for child in snap.child_ids:
            session.execute(
                table.update()
                .where(table.c.id == new_id.get(child, child), table.c.parent_id.is_(None))
                .values(parent_id=new_id[snap.id])
            )
    put_back_versions(session, [(new_id[s.id], s.version) for s in snapshots])
    return [new_id[s.id] for s in snapshots]
