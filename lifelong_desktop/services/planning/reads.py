"""Plain-select reads behind planning edits: snapshots, sub-venues, current rows, version checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import Row, bindparam, select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, ActivityOrganisation, table_of
from lifelong_desktop.services.planning.errors import EditConflict
from lifelong_desktop.services.planning.inputs import SCALARS, ActivityInput
from lifelong_desktop.services.planning.orm import CHUNK
from lifelong_desktop.services.planning.results import ActivitySnapshot
from lifelong_desktop.services.rows import ActivityRow, activity_rows


class _Versioned(Protocol):
    @property
    def version(self) -> int | None: ...


def current_row(session: Session, activity_id: int) -> ActivityRow | None:
    """The activity's row as stored now (None when it is gone)."""
    programme_id = session.scalar(select(Activity.programme_id).where(Activity.id == activity_id))
    if programme_id is None:
        return None
    rows = activity_rows(session, programme_id, [activity_id])
    return rows[0] if rows else None


def check_versions(
    session: Session, items: Sequence[tuple[int, ActivityInput, int | None]], stored: Mapping[int, _Versioned]
) -> None:
    """Raise EditConflict for the first item whose activity is gone or has another version than expected."""
    for activity_id, _data, version in items:
        found = stored.get(activity_id)
        if found is None:
            raise EditConflict(activity_id, None)
        if version is not None and found.version != version:
            raise EditConflict(activity_id, current_row(session, activity_id))


def children_of(session: Session, ids: Sequence[int]) -> dict[int, list[int]]:
    """Sub-venue activity ids by the id of their main activity."""
    children: dict[int, list[int]] = {}
    for i in range(0, len(ids), CHUNK):
        for child_id, parent_id in session.execute(
            select(Activity.id, Activity.parent_id).where(Activity.parent_id.in_(ids[i : i + CHUNK]))
        ):
            assert parent_id is not None  # selected by parent_id IN (...)
            children.setdefault(parent_id, []).append(child_id)
    return children


_SNAP_COLUMNS = [getattr(Activity, name) for name in SCALARS] + [
    Activity.audiences,
    Activity.id,
    Activity.uid,
    Activity.programme_id,
    Activity.source_submission_id,
    Activity.created_at,
    Activity.version,
]


def read_snapshots(session: Session, ids: Sequence[int]) -> list[ActivitySnapshot]:
    """Activities as snapshots (values, organisers, identity, sub-venues) read by plain selects (fast)."""
    links: dict[int, dict[str, list[int]]] = {}
    rows: list[Row[Any]] = []
    for c in range(0, len(ids), CHUNK):
        chunk = ids[c : c + CHUNK]
        rows += session.execute(select(*_SNAP_COLUMNS).where(Activity.id.in_(chunk))).all()
        for act_id, role, org_id in session.execute(
            select(
                ActivityOrganisation.activity_id,
                ActivityOrganisation.role,
                ActivityOrganisation.organisation_id,
            )
            .where(ActivityOrganisation.activity_id.in_(chunk))
            .order_by(
                ActivityOrganisation.activity_id,
                ActivityOrganisation.role_rank,
                ActivityOrganisation.position,
            )
        ):
            links.setdefault(act_id, {}).setdefault(role, []).append(org_id)
    children = children_of(session, list(ids))
    n = len(SCALARS)
    place = {i: k for k, i in enumerate(ids)}
    rows.sort(
        key=lambda r: place.get(r[n + 1], len(place))
    )  # in the order asked (a server has no rowid order)
    snaps = []
    for r in rows:
        act_id = r[n + 1]
        org = links.get(act_id, {})
        data = ActivityInput(
            **dict(zip(SCALARS, r[:n], strict=True)),
            audiences=tuple(a for a in (r[n] or "").split(";") if a),
            host_ids=tuple(org.get("host", ())),
            undertaker_ids=tuple(org.get("undertaker", ())),
            co_organiser_ids=tuple(org.get("co_organiser", ())),
        )
        snaps.append(
            ActivitySnapshot(
                act_id,
                r[n + 2],
                r[n + 3],
                data,
                r[n + 4],
                r[n + 5],
                tuple(sorted(children.get(act_id, ()))),
                r[n + 6],
            )
        )
    return snaps


def put_back_versions(session: Session, pairs: list[tuple[int, int | None]]) -> None:
    """A restored activity has the version it had when deleted, so the edits before can still be undone."""
    table = table_of(Activity)
    params = [{"b_id": i, "b_v": v} for i, v in pairs if v is not None]
    if params:
        session.execute(
            table.update().where(table.c.id == bindparam("b_id")).values(version=bindparam("b_v")), params
        )
