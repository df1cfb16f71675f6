"""Writing an import plan in the caller's transaction: bulk inserts and updates, with audit entries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from lifelong_desktop.db.rawsql import lock_for_ids
from lifelong_desktop.models import (
    ROLE_FIELDS,
    ROLE_RANK,
    Activity,
    ActivityOrganisation,
    Organisation,
    Programme,
    Submission,
    Venue,
    new_uuid,
    now,
    table_of,
)
from lifelong_desktop.services import audit
from lifelong_desktop.services.programmes import create_programme
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.submission.importing.bulk import (
    fast_delete,
    fast_insert,
    fast_update,
    insert_columns,
    insert_tuples,
)
from lifelong_desktop.submission.importing.match import (
    absent_fields,
    activity_columns,
    activity_values,
    differences,
    ids_memo,
)
from lifelong_desktop.submission.importing.plan import ImportOutcome, ImportPlan
from lifelong_desktop.submission.importing.registers import Registers, venue_key
from lifelong_desktop.submission.importing.writer import Writer

_ACT = table_of(Activity)
_LINK = table_of(ActivityOrganisation)


def _next_id(session: Session, column: Any) -> int:
    lock_for_ids(session.connection(), column.table.name)
    return (session.scalar(select(func.max(column))) or 0) + 1


def _programme(session: Session, plan: ImportPlan) -> Programme:
    h = plan.result.data.header
    if plan.kind != "new_programme":
        return session.get_one(Programme, plan.programme_id)
    p = create_programme(
        session,
        region_code=h["region_code"],
        year=h["year"],
        theme=h.get("theme") or "",
        window_start=h.get("window_start"),
        window_end=h.get("window_end"),
        submitting_unit=h.get("submitting_unit") or "",
        contact_name=h.get("contact_name") or "",
        contact_phone=h.get("contact_phone") or "",
        submission_uid=h["submission_id"],
        submission_seq=h["submission_seq"],
    )
    if h.get("region_name"):
        p.region_name = h["region_name"]
    plan.programme_id = p.id
    return p


def _submission(session: Session, plan: ImportPlan, programme: Programme, stamp: datetime) -> Submission:
    h = plan.result.data.header
    sub = Submission(
        programme_id=programme.id,
        submission_uid=h["submission_id"],
        scope=h.get("scope") or "",
        region_code=h["region_code"],
        region_name=h.get("region_name") or regions().name(h["region_code"]),
        seq=h["submission_seq"],
        data_as_of=h.get("data_as_of"),
        submitting_unit=h.get("submitting_unit") or "",
        contact_name=h.get("contact_name") or "",
        contact_phone=h.get("contact_phone") or "",
        file_name=plan.file_name[:260],
        content_hash=plan.hash,
        imported_at=stamp,
        count_new=len(plan.new),
        count_updated=len(plan.updated),
        count_unchanged=len(plan.unchanged) + len(plan.kept),
        count_missing=len(plan.missing),
    )
    session.add(sub)
    session.flush()
    return sub


def _registers(session: Session, plan: ImportPlan, programme_id: int, stamp: datetime) -> None:
    """Create the missing organisations and venues, fill in the fields the plan says; ids into the plan."""
    reg = plan.registers
    assert reg is not None
    for model, new, of, updates, entity in (
        (Organisation, reg.new_orgs, reg.org_of, reg.org_updates, "organisation"),
        (Venue, reg.new_venues, reg.venue_of, reg.venue_updates, "venue"),
    ):
        next_id = _next_id(session, model.id)
        rows = []
        for ident, values in new.items():
            rows.append({"id": next_id, **values, "created_at": stamp, "updated_at": stamp, "version": 1})
            of[ident] = next_id  # type: ignore[index]  # mypy cannot pair each register's keys with its map
            next_id += 1
        if rows:
            audit.record(
                session,
                "create",
                entity,
                [(r["id"], None, None, _plain(r)) for r in rows],
                programme_id=programme_id,
            )
            fast_insert(session, table_of(model), rows)
        for oid, _before, after in updates:
            session.execute(
                update(model)
                .where(model.id == oid)
                .values(**after, updated_at=stamp, version=model.version + 1)
            )
        if updates:
            audit.record(
                session,
                "update",
                entity,
                [(oid, None, b, a) for oid, b, a in updates],
                programme_id=programme_id,
            )


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("created_at", "updated_at", "version")}


_ROLES = [(role.value, key, ROLE_RANK[role.value]) for role, key in ROLE_FIELDS.items()]


_LINK_COLUMNS = ("activity_id", "role", "position", "organisation_id", "role_rank")


def _links(
    batch: _Batch, activity_id: int, row: dict[str, Any], kept: dict[str, tuple[int, ...]] | None = None
) -> list[tuple[Any, ...]]:
    """Organiser links of one activity (tuples of _LINK_COLUMNS); a role in `kept` (its column is absent)
    keeps its stored ids."""
    kept = kept or {}
    ids_of = batch.ids_of
    return [
        (activity_id, role, position, oid, rank)
        for role, key, rank in _ROLES
        for position, oid in enumerate(kept[key] if key in kept else ids_of(row.get(key)))
    ]


def _kept_roles(absent: frozenset[str], db: ActivityRow) -> dict[str, tuple[int, ...]]:
    return {key: getattr(db, f"{role}_ids") for role, key, _rank in _ROLES if key in absent}


@dataclass
class _Batch:
    """The rows an import writes, gathered before the bulk statements."""

    stamp: Any
    programme_id: int
    source_id: int | None
    id_of_uid: dict[str, int]
    ids_of: Callable[[Any], tuple[int | None, ...]]  # organisation_ids of the plan, memoised
    new_ids: list[int] = field(default_factory=list)  # of the activities inserted, in plan.new order
    inserts: dict[str, list[Any]] = field(default_factory=dict)  # their columns: name -> values
    updates: list[dict[str, Any]] = field(default_factory=list)
    links: list[tuple[Any, ...]] = field(default_factory=list)
    changed: list[tuple[int, str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def execute(session: Session, plan: ImportPlan, outcome: ImportOutcome, *, prune: bool = False) -> None:
    """Apply the plan: programme, submission record, registers, activities, organiser links, audit."""
    stamp = now()
    programme = _programme(session, plan)
    outcome.programme_id = programme.id
    source_id = None
    if plan.kind == "return":
        source_id = _submission(session, plan, programme, stamp).id
        outcome.submission_id = source_id
    _registers(session, plan, programme.id, stamp)
    batch = _Batch(
        stamp, programme.id, source_id, {r.uid: r.id for r in plan.db_rows.values()}, ids_memo(plan)
    )
    absent = absent_fields(plan)
    rows = _new_rows(session, plan, batch)
    with Writer(session.connection()) as writer:  # the statements run in its thread while the next are made
        insert_columns(session, _ACT, batch.inserts, writer)
        _new_links(batch, rows)
        _updated_rows(plan, batch, absent)
        fast_update(session, _ACT, batch.updates, writer=writer)
        fast_delete(session, _LINK, "activity_id", [u["id"] for u in batch.updates], writer)
        fast_update(session, _ACT, _parents(plan, batch, absent), writer=writer)
        insert_tuples(session, _LINK, _LINK_COLUMNS, batch.links, writer)
    if prune and plan.missing:
        outcome.pruned = _prune(session, plan, programme.id)
    _audit(session, plan, batch)


def _new_rows(session: Session, plan: ImportPlan, batch: _Batch) -> list[dict[str, Any]]:
    """Insert columns (ids after the largest) of the workbook's new activities; their rows."""
    reg = plan.registers
    assert reg is not None
    acts = plan.result.data.activities
    rows = [acts[change.index] for change in plan.new]  # type: ignore[index]
    if not rows:
        return rows
    first = _next_id(session, Activity.id)
    ids = list(range(first, first + len(rows)))
    uids = [row.get("activity_id") or new_uuid() for row in rows]
    n = len(rows)
    batch.inserts = activity_columns(rows)
    batch.inserts.update(
        id=ids,
        uid=uids,
        programme_id=[batch.programme_id] * n,
        parent_id=[None] * n,
        venue_id=_venue_ids(reg, rows),
        source_submission_id=[batch.source_id] * n,
        created_at=[batch.stamp] * n,
        updated_at=[batch.stamp] * n,
        version=[1] * n,
    )
    batch.new_ids = ids
    batch.id_of_uid.update(zip(uids, ids, strict=True))
    return rows


def _new_links(batch: _Batch, rows: list[dict[str, Any]]) -> None:
    """The organiser links of the new activities (`rows`, ids in batch.new_ids)."""
    links = batch.links
    for activity_id, row in zip(batch.new_ids, rows, strict=True):
        links += _links(batch, activity_id, row)


def _venue_ids(reg: Registers, rows: list[dict[str, Any]]) -> list[int | None]:
    """Each row's venue id from the registers (None without a venue), each (name, city) looked up once."""
    memo: dict[tuple[Any, Any], int | None] = {}
    out: list[int | None] = []
    for row in rows:
        at = (row.get("venue"), row.get("city_code"))
        if at in memo:
            out.append(memo[at])
            continue
        vkey = venue_key(row)
        memo[at] = found = reg.venue_of.get(vkey) if vkey else None
        out.append(found)
    return out


def _updated_rows(plan: ImportPlan, batch: _Batch, absent: frozenset[str]) -> None:
    """Update rows (columns absent from the workbook kept as stored), their links and audit changes."""
    reg = plan.registers
    assert reg is not None
    acts = plan.result.data.activities
    for change in plan.updated:
        row, db = acts[change.index], plan.db_rows[change.db_id]  # type: ignore[index]
        diff = plan.diffs.get(db.id) or differences(plan, row, db, absent)
        values = activity_values(row, db, absent)
        vkey = venue_key(row)
        values.update(
            id=db.id,
            venue_id=db.venue_id if "venue" in absent else (reg.venue_of.get(vkey) if vkey else None),
            updated_at=batch.stamp,
            version=db.version + 1,
            source_submission_id=batch.source_id if batch.source_id is not None else db.source_submission_id,
        )
        batch.updates.append(values)
        batch.links += _links(batch, db.id, row, _kept_roles(absent, db))
        batch.changed.append(
            (db.id, db.uid, {k: v[0] for k, v in diff.items()}, {k: v[1] for k, v in diff.items()})
        )


def _parents(plan: ImportPlan, batch: _Batch, absent: frozenset[str]) -> list[dict[str, Any]]:
    """Each written activity's main venue activity, by uid now that every new one has its id."""
    acts = plan.result.data.activities
    parents = []
    own_ids = batch.new_ids + [u["id"] for u in batch.updates]
    for change, own_id in zip(plan.new + plan.updated, own_ids, strict=True):
        parent = acts[change.index].get("parent_id")  # type: ignore[index]
        if change.db_id is not None and "parent_id" in absent:
            parent = plan.db_rows[change.db_id].parent_uid
        if parent or change.db_id is not None:
            parents.append({"parent_id": batch.id_of_uid.get(parent) if parent else None, "id": own_id})
    return parents


def _prune(session: Session, plan: ImportPlan, programme_id: int) -> int:
    """Delete the activities missing from a resubmission (--prune), audited; returns how many."""
    ids = [m.db_id for m in plan.missing if m.db_id is not None]  # a missing activity is in the database
    fast_delete(session, _ACT, "id", ids)
    audit.record(
        session,
        "delete",
        "activity",
        [(m.db_id, m.uid, {"title": m.title}, None) for m in plan.missing],
        programme_id=programme_id,
    )
    return len(ids)


def _audit(session: Session, plan: ImportPlan, batch: _Batch) -> None:
    """One summary entry for the activities created (one per row would double the import's time), one per
    updated activity with its changed fields."""
    if batch.new_ids:
        after = {
            "count": len(batch.new_ids),
            "first_id": batch.new_ids[0],
            "last_id": batch.new_ids[-1],
            "links": len(batch.links),
            "file": plan.file_name,
            "submission_id": batch.source_id,
        }
        audit.record(
            session,
            "import",
            "activity",
            [(None, None, None, after)],
            programme_id=batch.programme_id,
            summary=f"导入 {plan.file_name}：新增活动 {len(batch.new_ids)} 项",
        )
    audit.record(session, "update", "activity", batch.changed, programme_id=batch.programme_id)
