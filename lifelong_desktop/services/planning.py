"""Planning use cases behind the window's edits (create, edit, delete, bulk, copy, series, paste); no Qt."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from lifelong_desktop.models import (
    ROLE_ORDER,
    ROLE_RANK,
    Activity,
    ActivityOrganisation,
    Organisation,
    Programme,
    Venue,
    new_uuid,
    normalise_name,
    now,
)
from lifelong_desktop.services.rows import ActivityRow, activity_rows

ROLES = tuple(r.value for r in ROLE_ORDER)  # host, undertaker, co_organiser
#: last year's activities move forward 52 weeks, so each keeps its weekday
YEAR_SHIFT_DAYS = 364


class PlanningError(ValueError):
    """An edit the domain refuses; `code` is a stable key the UI turns into a sentence."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


class EditConflict(Exception):
    """The activity was changed (or deleted) elsewhere since it was read; `current` is the other side's row."""

    def __init__(self, activity_id: int, current: ActivityRow | None) -> None:
        self.activity_id = activity_id
        self.current = current
        super().__init__(f"activity {activity_id} changed elsewhere")

    @property
    def deleted(self) -> bool:
        return self.current is None


@dataclass(frozen=True, slots=True)
class ActivityInput:
    """Every value of an activity the user can edit, organisers as ids per role in printing order."""

    title: str
    start_date: date
    end_date: date
    activity_type: str | None = None
    level: str | None = None
    parent_id: int | None = None
    start_time: time | None = None
    end_time: time | None = None
    mode: str | None = "offline"
    city_code: str | None = None
    county_code: str | None = None
    venue_id: int | None = None
    address: str = ""
    online_url: str = ""
    host_ids: tuple[int, ...] = ()
    undertaker_ids: tuple[int, ...] = ()
    co_organiser_ids: tuple[int, ...] = ()
    audiences: tuple[str, ...] = ()
    expected_participants: int | None = None
    actual_participants: int | None = None
    online_participants: int | None = None
    status: str = "planned"
    featured: bool = False
    contact_name: str = ""
    contact_phone: str = ""
    description: str = ""

    @classmethod
    def from_row(cls, row: ActivityRow) -> ActivityInput:
        return cls(**{f.name: getattr(row, f.name) for f in dataclasses.fields(cls)})

    def organiser_ids(self, role: str) -> tuple[int, ...]:
        return {"host": self.host_ids, "undertaker": self.undertaker_ids, "co_organiser": self.co_organiser_ids}[role]

    def replace(self, **changes: object) -> ActivityInput:
        return dataclasses.replace(self, **changes)


_SCALARS = tuple(
    f.name for f in dataclasses.fields(ActivityInput) if f.name not in ("host_ids", "undertaker_ids", "co_organiser_ids", "audiences")
)


@dataclass(frozen=True, slots=True)
class ActivitySnapshot:
    """A deleted activity, complete enough to put it back exactly: same id, uid, links and sub-venues."""

    id: int
    uid: str
    programme_id: int
    data: ActivityInput
    source_submission_id: int | None
    created_at: datetime | None
    child_ids: tuple[int, ...] = ()
    version: int | None = None


@dataclass(frozen=True, slots=True)
class Updated:
    """What one update changed: the activity, its values before, and the version it now has."""

    id: int
    before: ActivityInput
    after: ActivityInput
    version: int


@dataclass(frozen=True, slots=True)
class BulkChange:
    """One bulk edit of selected activities; None / 0 leaves a value as it is."""

    status: str | None = None
    shift_days: int = 0
    venue_id: int | None = None
    add_organisation: tuple[str, int] | None = None  # (role, organisation id), appended at the end


@dataclass(frozen=True, slots=True)
class PastedActivity:
    """An activity read from pasted spreadsheet rows: organisers and venue by name."""

    data: ActivityInput
    hosts: tuple[str, ...] = ()
    undertakers: tuple[str, ...] = ()
    co_organisers: tuple[str, ...] = ()
    venue_name: str = ""


@dataclass(slots=True)
class Created:
    """What a creating action added: activities, and register entries made on the way."""

    activity_ids: list[int] = field(default_factory=list)
    organisation_ids: list[int] = field(default_factory=list)
    venue_ids: list[int] = field(default_factory=list)


# ---------------------------------------------------------------- single activities


def validate(data: ActivityInput) -> list[str]:
    """Codes of what is wrong with the values (empty when they can be saved)."""
    problems = []
    if not data.title.strip():
        problems.append("title_required")
    if len(data.title) > 100:
        problems.append("title_too_long")
    if data.end_date < data.start_date:
        problems.append("end_before_start")
    if data.start_date == data.end_date and data.start_time and data.end_time and data.end_time <= data.start_time:
        problems.append("end_time_not_after_start")
    for name in ("expected_participants", "actual_participants", "online_participants"):
        value = getattr(data, name)
        if value is not None and value < 0:
            problems.append("negative_" + name)
    if not data.host_ids:
        problems.append("host_required")
    return problems


def _check(data: ActivityInput) -> None:
    problems = validate(data)
    if problems:
        raise PlanningError(problems[0])


def _apply(act: Activity, data: ActivityInput) -> list[ActivityOrganisation]:
    """Write the values of `data` into the ORM object. Returns the organiser links still to add when the
    old ones had to go (links are keyed by role and position): add them after a flush has removed those."""
    act.updated_at = now()  # any change, links included, bumps the version (once)
    for name in _SCALARS:
        setattr(act, name, getattr(data, name))
    act.audiences = ";".join(data.audiences)
    act.title = data.title.strip()
    links = sorted(act.organisers, key=lambda link: (link.role_rank, link.position))
    have = {role: [link.organisation_id for link in links if link.role == role] for role in ROLES}
    wanted = {role: list(data.organiser_ids(role)) for role in ROLES}
    if have == wanted:
        return []
    if all(wanted[r] == have[r][: len(wanted[r])] for r in ROLES):
        for link in links:  # only removed from the end (undo of an "add organisation"): drop just those
            if link.position >= _nth_position(links, link.role, len(wanted[link.role])):
                act.organisers.remove(link)
        return []
    if all(have[r] == wanted[r][: len(have[r])] for r in ROLES):
        for role in ROLES:  # only added at the end (a new activity, a bulk "add organisation"): no rewrite
            start = max((link.position for link in links if link.role == role), default=-1) + 1
            act.organisers.extend(ActivityOrganisation(role=role, position=start + i, organisation_id=oid)
                                  for i, oid in enumerate(wanted[role][len(have[role]):]))
        return []
    act.organisers.clear()
    return [ActivityOrganisation(role=role, position=pos, organisation_id=oid)
            for role in ROLES for pos, oid in enumerate(wanted[role])]


def _nth_position(links: list[ActivityOrganisation], role: str, n: int) -> int:
    """The position of a role's n-th link (in order); beyond the last one when there are fewer."""
    positions = [link.position for link in links if link.role == role]
    return positions[n] if n < len(positions) else (positions[-1] + 1 if positions else 0)


def _apply_all(session: Session, pairs: Iterable[tuple[Activity, ActivityInput]]) -> None:
    """_apply for many activities with two flushes in all: old links out, then the new ones in."""
    later = [(act, links) for act, data in pairs if (links := _apply(act, data))]
    if later:
        session.flush()
        for act, links in later:
            act.organisers.extend(links)
    session.flush()


_CHUNK = 5000  # ids per IN (...): SQLite allows 32,766 variables


def _load(session: Session, ids: Sequence[int]) -> dict[int, Activity]:
    """Activities by id with their organiser links, in a few queries whatever the number."""
    out: dict[int, Activity] = {}
    for i in range(0, len(ids), _CHUNK):
        stmt = select(Activity).where(Activity.id.in_(ids[i:i + _CHUNK])).options(selectinload(Activity.organisers))
        out.update((a.id, a) for a in session.scalars(stmt))
    return out


def create_activity(session: Session, programme_id: int, data: ActivityInput, *, uid: str | None = None) -> int:
    """A new activity of the programme; returns its id."""
    _check(data)
    act = Activity(programme_id=programme_id, uid=uid or new_uuid(), title="")
    session.add(act)
    _apply_all(session, [(act, data)])
    return act.id


def _current_row(session: Session, activity_id: int) -> ActivityRow | None:
    programme_id = session.scalar(select(Activity.programme_id).where(Activity.id == activity_id))
    if programme_id is None:
        return None
    rows = activity_rows(session, programme_id, [activity_id])
    return rows[0] if rows else None


def update_activity(session: Session, activity_id: int, data: ActivityInput, expected_version: int | None) -> Updated:
    """Save new values over the version the user edited; raises EditConflict when it changed meanwhile."""
    return update_activities(session, [(activity_id, data, expected_version)])[0]


def update_activities(session: Session, items: Sequence[tuple[int, ActivityInput, int | None]],
                      _read: list[ActivitySnapshot] | None = None) -> list[Updated]:
    """Several updates in one flush, each over the version the user saw (None: whatever is stored);
    raises EditConflict for the first activity changed or deleted meanwhile (nothing is then written)."""
    for activity_id, data, _version in items:
        _check(data)
        if data.parent_id == activity_id:
            raise PlanningError("own_parent")
    if len(items) >= BULK:
        return _update_bulk(session, items, _read)
    acts = _load(session, [i for i, _, _ in items])
    for activity_id, _data, version in items:
        act = acts.get(activity_id)
        if act is None:
            raise EditConflict(activity_id, None)
        if version is not None and act.version != version:
            raise EditConflict(activity_id, _current_row(session, activity_id))
    befores = []
    for activity_id, _data, version in items:
        act = acts[activity_id]
        if version is not None:
            # the UPDATE's "WHERE version = ?" then guards against a writer we did not see
            set_committed_value(act, "version", version)
        befores.append(_input_of(act))
    try:
        _apply_all(session, [(acts[i], data) for i, data, _v in items])
    except StaleDataError as exc:
        raise EditConflict(items[0][0], None) from exc
    return [Updated(i, before, data, acts[i].version) for (i, data, _v), before in zip(items, befores, strict=True)]


def _input_of(act: Activity) -> ActivityInput:
    by_role: dict[str, list[int]] = {r: [] for r in ROLES}
    for link in sorted(act.organisers, key=lambda link: (link.role_rank, link.position)):
        by_role[link.role].append(link.organisation_id)
    values = {name: getattr(act, name) for name in _SCALARS}
    return ActivityInput(
        **values, audiences=tuple(act.audience_keys), host_ids=tuple(by_role["host"]),
        undertaker_ids=tuple(by_role["undertaker"]), co_organiser_ids=tuple(by_role["co_organiser"]),
    )


#: from this many activities on, deleting and restoring go by bulk statements (audited as one batch)
BULK = 200


def delete_activities(session: Session, ids: Iterable[int]) -> list[ActivitySnapshot]:
    """Delete activities; the snapshots returned put them back exactly (restore_activities)."""
    ids = list(dict.fromkeys(ids))
    if len(ids) >= BULK:
        return _delete_bulk(session, ids)
    loaded = _load(session, ids)
    acts = [loaded[i] for i in ids if i in loaded]
    children: dict[int, list[int]] = {}
    for i in range(0, len(ids), _CHUNK):
        for child_id, parent_id in session.execute(
            select(Activity.id, Activity.parent_id).where(Activity.parent_id.in_(ids[i:i + _CHUNK]))
        ):
            children.setdefault(parent_id, []).append(child_id)
    snaps = [
        ActivitySnapshot(a.id, a.uid, a.programme_id, _input_of(a), a.source_submission_id, a.created_at,
                         tuple(sorted(children.get(a.id, ()))), a.version)
        for a in acts
    ]
    for a in acts:
        session.delete(a)
    session.flush()
    return snaps


def _children_of(session: Session, ids: Sequence[int]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for i in range(0, len(ids), _CHUNK):
        for child_id, parent_id in session.execute(
            select(Activity.id, Activity.parent_id).where(Activity.parent_id.in_(ids[i:i + _CHUNK]))
        ):
            children.setdefault(parent_id, []).append(child_id)
    return children


_SNAP_COLUMNS = [getattr(Activity, name) for name in _SCALARS] + [
    Activity.audiences, Activity.id, Activity.uid, Activity.programme_id, Activity.source_submission_id,
    Activity.created_at, Activity.version]


def _read_snapshots(session: Session, ids: Sequence[int]) -> list[ActivitySnapshot]:
    """Activities as snapshots (values, organisers, identity, sub-venues) read by plain selects (fast)."""
    links: dict[int, dict[str, list[int]]] = {}
    rows = []
    for c in range(0, len(ids), _CHUNK):
        chunk = ids[c:c + _CHUNK]
        rows += session.execute(select(*_SNAP_COLUMNS).where(Activity.id.in_(chunk))).all()
        for act_id, role, org_id in session.execute(
            select(ActivityOrganisation.activity_id, ActivityOrganisation.role, ActivityOrganisation.organisation_id)
            .where(ActivityOrganisation.activity_id.in_(chunk))
            .order_by(ActivityOrganisation.activity_id, ActivityOrganisation.role_rank, ActivityOrganisation.position)
        ):
            links.setdefault(act_id, {}).setdefault(role, []).append(org_id)
    children = _children_of(session, list(ids))
    n = len(_SCALARS)
    snaps = []
    for r in rows:
        act_id = r[n + 1]
        org = links.get(act_id, {})
        data = ActivityInput(**dict(zip(_SCALARS, r[:n], strict=True)),
                             audiences=tuple(a for a in (r[n] or "").split(";") if a),
                             host_ids=tuple(org.get("host", ())), undertaker_ids=tuple(org.get("undertaker", ())),
                             co_organiser_ids=tuple(org.get("co_organiser", ())))
        snaps.append(ActivitySnapshot(act_id, r[n + 2], r[n + 3], data, r[n + 4], r[n + 5],
                                      tuple(sorted(children.get(act_id, ()))), r[n + 6]))
    return snaps


def _delete_bulk(session: Session, ids: list[int]) -> list[ActivitySnapshot]:
    """Many activities at once: snapshots read by plain selects, then a few DELETE statements."""
    from lifelong_desktop.services import audit

    snaps = _read_snapshots(session, ids)
    for c in range(0, len(ids), _CHUNK):
        chunk = ids[c:c + _CHUNK]
        session.execute(ActivityOrganisation.__table__.delete().where(ActivityOrganisation.activity_id.in_(chunk)))
        session.execute(Activity.__table__.update().where(Activity.parent_id.in_(chunk)).values(parent_id=None))
        session.execute(Activity.__table__.delete().where(Activity.id.in_(chunk)))
    for pid in {s.programme_id for s in snaps}:
        audit.record(session, "delete", "activity",
                     [(s.id, s.uid, {"title": s.data.title, "start_date": s.data.start_date}, None)
                      for s in snaps if s.programme_id == pid], programme_id=pid)
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
        _apply(act, snap.data.replace(parent_id=None))  # a new object: links only added; parents below
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
    table = Activity.__table__
    for snap, act in restored:
        # sub-venues outside the restored set get their main venue back as the delete took it (ON DELETE
        # SET NULL): without a new version, so earlier edits of theirs can still be undone
        outside = [c for c in snap.child_ids if c not in id_map]
        if outside:
            session.execute(table.update().where(table.c.id.in_(outside), table.c.parent_id.is_(None))
                            .values(parent_id=act.id))
    _put_back_versions(session, [(act.id, snap.version) for snap, act in restored])
    return [act.id for _, act in restored]


def _put_back_versions(session: Session, pairs: list[tuple[int, int | None]]) -> None:
    """A restored activity has the version it had when deleted, so the edits before can still be undone."""
    table = Activity.__table__
    params = [{"b_id": i, "b_v": v} for i, v in pairs if v is not None]
    if params:
        session.execute(table.update().where(table.c.id == bindparam("b_id")).values(version=bindparam("b_v")),
                        params)


def _restore_bulk(session: Session, snapshots: Sequence[ActivitySnapshot]) -> list[int]:
    new_id: dict[int, int] = {}
    for pid in dict.fromkeys(s.programme_id for s in snapshots):
        group = [s for s in snapshots if s.programme_id == pid]
        made = _bulk_insert(session, pid, [s.data.replace(parent_id=None) for s in group], "restore", identities=group)
        new_id.update(zip((s.id for s in group), made, strict=True))
    ids = list(new_id.values())
    existing = {i for c in range(0, len(ids), _CHUNK)
                for i in session.scalars(select(Activity.id).where(Activity.id.in_(ids[c:c + _CHUNK])))}
    table = Activity.__table__
    for snap in snapshots:
        parent = snap.data.parent_id
        if parent is not None:
            parent = new_id.get(parent, parent)
            if parent in existing or session.get(Activity, parent) is not None:
                session.execute(table.update().where(table.c.id == new_id[snap.id]).values(parent_id=parent))
        for child in snap.child_ids:
            session.execute(table.update().where(table.c.id == new_id.get(child, child), table.c.parent_id.is_(None))
                            .values(parent_id=new_id[snap.id]))
    _put_back_versions(session, [(new_id[s.id], s.version) for s in snapshots])
    return [new_id[s.id] for s in snapshots]


# ---------------------------------------------------------------- several activities


def _update_bulk(session: Session, items: Sequence[tuple[int, ActivityInput, int | None]],
                 read: list[ActivitySnapshot] | None = None) -> list[Updated]:
    """Many updates by a few statements: versions checked first, each UPDATE guarded by its version,
    organiser links rewritten only where they changed; audited with the changed values."""
    from lifelong_desktop.services import audit

    current = {s.id: s for s in (read if read is not None else _read_snapshots(session, [i for i, _, _ in items]))}
    for activity_id, _data, version in items:
        snap = current.get(activity_id)
        if snap is None:
            raise EditConflict(activity_id, None)
        if version is not None and snap.version != version:
            raise EditConflict(activity_id, _current_row(session, activity_id))
    stamp = now()
    table = Activity.__table__
    params = []
    for activity_id, data, _version in items:
        values = {name: getattr(data, name) for name in _SCALARS}
        values.update(title=data.title.strip(), audiences=";".join(data.audiences))
        params.append({"b_" + k: v for k, v in values.items()} | {"b_id": activity_id, "b_version":
                                                                   current[activity_id].version, "b_stamp": stamp})
    stmt = (table.update().where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
            .values({**{name: bindparam("b_" + name) for name in (*_SCALARS, "audiences")},
                     "updated_at": bindparam("b_stamp"), "version": table.c.version + 1}))
    result = session.execute(stmt, params)
    if result.rowcount is not None and 0 <= result.rowcount < len(params):
        raise EditConflict(items[0][0], None)  # a writer we did not see; the transaction is rolled back
    relink = [(i, data) for i, data, _v in items
              if any(data.organiser_ids(r) != current[i].data.organiser_ids(r) for r in ROLES)]
    ids = [i for i, _ in relink]
    for c in range(0, len(ids), _CHUNK):
        session.execute(ActivityOrganisation.__table__.delete().where(
            ActivityOrganisation.activity_id.in_(ids[c:c + _CHUNK])))
    links = [{"activity_id": i, "role": role, "position": pos, "organisation_id": oid, "role_rank": ROLE_RANK[role]}
             for i, data in relink for role in ROLES for pos, oid in enumerate(data.organiser_ids(role))]
    if links:
        session.execute(insert(ActivityOrganisation), links)
    changes = []
    for activity_id, data, _version in items:
        before = current[activity_id].data
        changed = [f.name for f in dataclasses.fields(ActivityInput) if getattr(before, f.name) != getattr(data, f.name)]
        changes.append((activity_id, current[activity_id].uid, {k: _plain(getattr(before, k)) for k in changed},
                        {k: _plain(getattr(data, k)) for k in changed}))
    for pid in {current[i].programme_id for i, _, _ in items}:
        audit.record(session, "update", "activity", [c for c in changes if current[c[0]].programme_id == pid],
                     programme_id=pid)
    return [Updated(i, current[i].data, data, current[i].version + 1) for i, data, _v in items]


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def bulk_edit(session: Session, ids: Iterable[int], change: BulkChange) -> list[Updated]:
    """Apply one change to every selected activity; returns what each was before (for undo)."""
    snaps = sorted(_read_snapshots(session, sorted(set(ids))), key=lambda snap: snap.id)
    items = []
    for snap in snaps:
        act_id = snap.id
        before = snap.data
        after = before
        if change.status:
            after = after.replace(status=change.status)
        if change.shift_days:
            delta = timedelta(days=change.shift_days)
            after = after.replace(start_date=after.start_date + delta, end_date=after.end_date + delta)
        if change.venue_id is not None:
            after = after.replace(venue_id=change.venue_id)
        if change.add_organisation:
            role, org_id = change.add_organisation
            current = after.organiser_ids(role)
            if org_id not in current:
                after = after.replace(**{_ROLE_FIELD[role]: current + (org_id,)})
        if after != before:
            items.append((act_id, after, snap.version))
    return update_activities(session, items, snaps) if items else []


_ROLE_FIELD = {"host": "host_ids", "undertaker": "undertaker_ids", "co_organiser": "co_organiser_ids"}


def revert_updates(session: Session, updates: Sequence[Updated]) -> list[Updated]:
    """Put back the values before some updates (undo); conflicts when an activity changed since."""
    return update_activities(session, [(u.id, u.before, u.version) for u in updates])


def reapply_updates(session: Session, updates: Sequence[Updated], reverted: Sequence[Updated]) -> list[Updated]:
    """Apply the updates again after a revert (redo), guarding each by the version the revert left."""
    version = {u.id: u.version for u in reverted}
    return update_activities(session, [(u.id, u.after, version.get(u.id)) for u in updates])


def _bulk_insert(session: Session, programme_id: int, inputs: Sequence[ActivityInput], summary: str, *,
                 identities: Sequence[ActivitySnapshot] | None = None) -> list[int]:
    """Insert many activities with their organiser links in a few statements; audited as one batch.

    With `identities` (restoring deleted activities) each keeps its id where still free, uid, creation
    time and source; its values are put back as they were, without checking them again."""
    from lifelong_desktop.services import audit

    if not inputs:
        return []
    stamp = now()
    records = []
    for n, data in enumerate(inputs):
        if identities is None:
            _check(data)
        rec = {name: getattr(data, name) for name in _SCALARS}
        rec.update(uid=new_uuid(), programme_id=programme_id, audiences=";".join(data.audiences),
                   title=data.title.strip(), created_at=stamp, updated_at=stamp, version=1)
        if identities is not None:
            snap = identities[n]
            rec.update(id=snap.id, uid=snap.uid, created_at=snap.created_at or stamp,
                       source_submission_id=snap.source_submission_id)
        records.append(rec)
    wanted = [rec["id"] for rec in records if rec.get("id") is not None]
    taken = {i for c in range(0, len(wanted), _CHUNK)
             for i in session.scalars(select(Activity.id).where(Activity.id.in_(wanted[c:c + _CHUNK])))}
    start = (session.scalar(select(Activity.id).order_by(Activity.id.desc()).limit(1)) or 0) + 1
    for rec in records:
        if rec.get("id") is None or rec["id"] in taken:
            rec["id"] = start
            start += 1
    session.execute(insert(Activity), records)
    links = [
        {"activity_id": rec["id"], "role": role, "position": pos, "organisation_id": oid, "role_rank": ROLE_RANK[role]}
        for rec, data in zip(records, inputs, strict=True)
        for role in ROLES
        for pos, oid in enumerate(data.organiser_ids(role))
    ]
    if links:
        session.execute(insert(ActivityOrganisation), links)
    audit.record(session, "create", "activity",
                 [(rec["id"], rec["uid"], None, {"title": rec["title"], "start_date": rec["start_date"]})
                  for rec in records], programme_id=programme_id, summary=summary)
    return [rec["id"] for rec in records]


def duplicate_activities(session: Session, ids: Iterable[int]) -> list[int]:
    """Copies of the activities (new uids, status planned, no actual figures); returns the new ids."""
    acts = _load(session, sorted(set(ids)))
    by_programme: dict[int, list[ActivityInput]] = {}
    for act_id in sorted(acts):
        act = acts[act_id]
        by_programme.setdefault(act.programme_id, []).append(
            _input_of(act).replace(status="planned", actual_participants=None))
    return [i for pid, inputs in by_programme.items() for i in _bulk_insert(session, pid, inputs, "duplicate")]


def series_dates(weekday: int, first: date, last: date) -> list[date]:
    """Every date from `first` to `last` that falls on `weekday` (Monday 0)."""
    d = first + timedelta(days=(weekday - first.weekday()) % 7)
    out = []
    while d <= last:
        out.append(d)
        d += timedelta(days=7)
    return out


def weekly_series(session: Session, programme_id: int, template: ActivityInput, weekday: int, first: date,
                  last: date) -> list[int]:
    """One activity per week on a weekday from `first` to `last`, each lasting as long as the template."""
    dates = series_dates(weekday, first, last)
    if not dates:
        raise PlanningError("series_empty")
    length = template.end_date - template.start_date
    return [create_activity(session, programme_id, template.replace(start_date=d, end_date=d + length)) for d in dates]


# ---------------------------------------------------------------- registers and copies


def organisation_ids_for(session: Session, names: Iterable[str], created: Created) -> dict[str, int]:
    """Ids of organisations by name (normalised match), creating unknown ones with type `other`."""
    out: dict[str, int] = {}
    for name in names:
        name = name.strip()
        if not name or name in out:
            continue
        key = normalise_name(name)
        org_id = session.scalar(select(Organisation.id).where(Organisation.name_key == key))
        if org_id is None:
            org = Organisation(name=name, org_type="other")
            session.add(org)
            session.flush()
            org_id = org.id
            created.organisation_ids.append(org_id)
        out[name] = org_id
    return out


def venue_id_for(session: Session, name: str, city_code: str | None, created: Created) -> int | None:
    """The venue of that name in the city, created when it is not in the register yet."""
    name = name.strip()
    if not name or not city_code:
        return None
    key = normalise_name(name)
    venue_id = session.scalar(select(Venue.id).where(Venue.name_key == key, Venue.city_code == city_code))
    if venue_id is None:
        venue = Venue(name=name, city_code=city_code)
        session.add(venue)
        session.flush()
        venue_id = venue.id
        created.venue_ids.append(venue_id)
    return venue_id


def paste_activities(session: Session, programme_id: int, pasted: Sequence[PastedActivity]) -> Created:
    """Add pasted activities, finding (or creating) their organisers and venues by name."""
    created = Created()
    inputs = []
    for p in pasted:
        ids = organisation_ids_for(session, (*p.hosts, *p.undertakers, *p.co_organisers), created)
        data = p.data.replace(
            host_ids=tuple(dict.fromkeys(ids[n.strip()] for n in p.hosts if n.strip())),
            undertaker_ids=tuple(dict.fromkeys(ids[n.strip()] for n in p.undertakers if n.strip())),
            co_organiser_ids=tuple(dict.fromkeys(ids[n.strip()] for n in p.co_organisers if n.strip())),
        )
        if p.venue_name and data.venue_id is None:
            data = data.replace(venue_id=venue_id_for(session, p.venue_name, data.city_code, created))
        inputs.append(data)
    created.activity_ids = _bulk_insert(session, programme_id, inputs, "paste")
    return created


def remove_created(session: Session, created: Created) -> list[ActivitySnapshot]:
    """Undo of a creating action: its activities, then the register entries it made and nothing uses now."""
    snaps = delete_activities(session, created.activity_ids)
    for org_id in created.organisation_ids:
        used = session.scalar(select(ActivityOrganisation.activity_id).where(
            ActivityOrganisation.organisation_id == org_id).limit(1))
        org = session.get(Organisation, org_id)
        if org is not None and used is None:
            session.delete(org)
    for venue_id in created.venue_ids:
        used = session.scalar(select(Activity.id).where(Activity.venue_id == venue_id).limit(1))
        venue = session.get(Venue, venue_id)
        if venue is not None and used is None:
            session.delete(venue)
    session.flush()
    return snaps


def _shift_year(d: date | None) -> date | None:
    if d is None:
        return None
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d + timedelta(days=365)


def new_programme_from(session: Session, source_id: int, *, copy_activities: bool) -> tuple[int, list[int]]:
    """A programme for the next year on the same region and registers, optionally with last year's
    activities moved 364 days on (same weekday), planned, with new uids; returns (programme id, activity ids)."""
    src = session.get(Programme, source_id)
    if src is None:
        raise PlanningError("programme_missing")
    year = src.year + 1
    if session.scalar(select(Programme.id).where(Programme.year == year)) is not None:
        raise PlanningError("programme_exists", year=year)
    new = Programme(
        region_code=src.region_code, region_name=src.region_name, year=year, theme="",
        window_start=_shift_year(src.window_start), window_end=_shift_year(src.window_end),
        week_start=src.week_start and src.week_start + timedelta(days=YEAR_SHIFT_DAYS),
        week_end=src.week_end and src.week_end + timedelta(days=YEAR_SHIFT_DAYS),
        submitting_unit=src.submitting_unit, contact_name=src.contact_name, contact_phone=src.contact_phone,
    )
    session.add(new)
    session.flush()
    if not copy_activities:
        return new.id, []
    rows = activity_rows(session, source_id)
    shift = timedelta(days=YEAR_SHIFT_DAYS)
    inputs = [
        ActivityInput.from_row(r).replace(
            start_date=r.start_date + shift, end_date=r.end_date + shift, status="planned", parent_id=None,
            actual_participants=None, online_participants=None if r.mode == "offline" else r.online_participants,
        )
        for r in rows
        if r.host_ids
    ]
    ids = _bulk_insert(session, new.id, inputs, "new programme from last year")
    kept = [r for r in rows if r.host_ids]
    new_of = {r.id: i for r, i in zip(kept, ids, strict=True)}
    relinks = [(new_of[r.id], new_of[r.parent_id]) for r in kept if r.parent_id in new_of]
    for child, parent in relinks:
        session.execute(
            Activity.__table__.update().where(Activity.id == child).values(parent_id=parent)
        )
    return new.id, ids


def delete_programme(session: Session, programme_id: int) -> None:
    """Remove a programme with its activities (undo of making one)."""
    prog = session.get(Programme, programme_id)
    if prog is None:
        return
    act_ids = list(session.scalars(select(Activity.id).where(Activity.programme_id == programme_id)))
    if act_ids:
        session.execute(ActivityOrganisation.__table__.delete().where(ActivityOrganisation.activity_id.in_(act_ids)))
        session.execute(Activity.__table__.delete().where(Activity.programme_id == programme_id))
    session.delete(prog)
    session.flush()


# ---------------------------------------------------------------- the planner's table, read fast

_TABLE_SQL = """
SELECT a.id, a.uid, a.programme_id, a.title, a.activity_type, a.level, a.parent_id, p.uid, a.start_date,
       a.start_time, a.end_date, a.end_time, a.mode, a.city_code, a.county_code, a.venue_id, v.name, v.capacity,
       a.address, a.online_url, a.audiences, a.expected_participants, a.actual_participants,
       a.online_participants, a.status, a.featured, a.contact_name, a.contact_phone, a.description,
       a.source_submission_id, a.updated_at, a.version
FROM activity a LEFT JOIN venue v ON v.id = a.venue_id LEFT JOIN activity p ON p.id = a.parent_id
WHERE a.programme_id = ?
"""
_TABLE_LINKS = """
SELECT ao.activity_id, ao.role_rank, ao.position, ao.organisation_id
FROM activity_organisation ao WHERE ao.activity_id IN (SELECT id FROM activity WHERE programme_id = ?)
"""


_EMPTY: tuple = ()
#: the positional order table_rows builds ActivityRow in; should the row change, table_rows falls back
_ROW_FIELDS = (
    "id", "uid", "programme_id", "title", "activity_type", "level", "parent_id", "parent_uid", "start_date",
    "start_time", "end_date", "end_time", "mode", "city_code", "city_name", "county_code", "county_name", "venue_id",
    "venue_name", "venue_capacity", "address", "online_url", "hosts", "undertakers", "co_organisers", "host_ids",
    "undertaker_ids", "co_organiser_ids", "audiences", "expected_participants", "actual_participants",
    "online_participants", "status", "featured", "contact_name", "contact_phone", "description",
    "source_submission_id", "updated_at", "version",
)


def table_rows(session: Session, programme_id: int, ids: Sequence[int] | None = None) -> list[ActivityRow]:
    """The same rows as services.rows.activity_rows (same order), read through the DB-API cursor: the
    Activities table loads 50,000 of them at every start, where SQLAlchemy's row objects cost seconds."""
    from lifelong_desktop.services.rows import activity_rows, sort_key

    if tuple(f.name for f in dataclasses.fields(ActivityRow)) != _ROW_FIELDS:
        return activity_rows(session, programme_id, None if ids is None else list(ids))
    if ids is not None:  # some of them (after an edit): in chunks below SQLite's variable limit
        ids = list(ids)
        rows = [r for c in range(0, len(ids), 900) for r in _table_rows(session, programme_id, ids[c:c + 900])]
        return sorted(rows, key=sort_key)
    paused = gc.isenabled()
    gc.disable()  # 50,000 new rows hold no cycles: the collector's passes would only cost time
    try:
        return _table_rows(session, programme_id, None)
    finally:
        if paused:
            gc.enable()


def _table_rows(session: Session, programme_id: int, ids: list[int] | None) -> list[ActivityRow]:
    from lifelong_desktop.services.regions import regions
    from lifelong_desktop.services.rows import sort_key

    only = "" if ids is None else f" AND a.id IN ({','.join('?' * len(ids))})"
    only_links = "" if ids is None else f" AND ao.activity_id IN ({','.join('?' * len(ids))})"
    args = (programme_id, *(ids or ()))
    shared: dict = {}  # one object per repeated value (codes, names, lists): a third less memory
    one = shared.setdefault
    cursor = session.connection().connection.dbapi_connection.cursor()
    links: dict[int, list[tuple[int, int, int]]] = {}
    try:
        org_names = {oid: one(name, name) for oid, name in cursor.execute("SELECT id, name FROM organisation")}
        for act_id, rank, position, org_id in cursor.execute(_TABLE_LINKS.strip() + only_links, args):
            links.setdefault(act_id, []).append((rank, position, org_id))
        raw = cursor.execute(_TABLE_SQL.strip() + only, args)
        name_of = org_names.__getitem__
        reg = regions()
        names: dict[str | None, str] = {None: ""}
        dates: dict[str, date] = {}
        times: dict[str | None, time | None] = {None: None}
        lists: dict[str | None, tuple[str, ...]] = {None: ()}
        out = []
        for r in raw:
            roles: tuple[list[int], list[int], list[int]] = ([], [], [])
            found = links.pop(r[0], None)
            if found:
                found.sort()
                for rank, _pos, org_id in found:
                    roles[rank].append(org_id)
            for code in (r[13], r[14]):
                if code not in names:
                    names[code] = reg.name(code)
            for text in (r[8], r[10]):
                if text not in dates:
                    dates[text] = date.fromisoformat(text[:10])
            for text in (r[9], r[11]):
                if text not in times:
                    times[text] = time.fromisoformat(text)
            if r[20] not in lists:
                lists[r[20]] = tuple(one(a, a) for a in r[20].split(";") if a)
            hosts, unders, cos = roles
            host_names = tuple(map(name_of, hosts)) if hosts else _EMPTY
            under_names = tuple(map(name_of, unders)) if unders else _EMPTY
            co_names = tuple(map(name_of, cos)) if cos else _EMPTY
            out.append(ActivityRow(
                r[0], r[1], r[2], r[3], one(r[4], r[4]), one(r[5], r[5]), r[6], r[7], dates[r[8]], times[r[9]],
                dates[r[10]], times[r[11]], one(r[12], r[12]), one(r[13], r[13]), names[r[13]], one(r[14], r[14]),
                names[r[14]], r[15], one(r[16], r[16]) or "", r[17], one(r[18], r[18]) or "", r[19] or "",
                one(host_names, host_names), one(under_names, under_names), one(co_names, co_names),
                tuple(hosts), tuple(unders), tuple(cos), lists[r[20]], r[21], r[22], r[23], one(r[24], r[24]),
                bool(r[25]), one(r[26], r[26]) or "", one(r[27], r[27]) or "", r[28] or "", r[29],
                datetime.fromisoformat(r[30]) if r[30] else None, r[31],
            ))
    finally:
        cursor.close()
    out.sort(key=sort_key)
    return out
