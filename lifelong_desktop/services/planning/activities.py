"""Creating and updating single activities (or a few), each update guarded by the version the user saw."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from lifelong_desktop.models import Activity, new_uuid
from lifelong_desktop.services.planning.errors import EditConflict, PlanningError
from lifelong_desktop.services.planning.inputs import ActivityInput, check, input_of
from lifelong_desktop.services.planning.orm import apply_all, load
from lifelong_desktop.services.planning.reads import check_versions
from lifelong_desktop.services.planning.results import ActivitySnapshot, Updated
from lifelong_desktop.services.planning.statements import BULK, update_bulk


def create_activity(
    session: Session, programme_id: int, data: ActivityInput, *, uid: str | None = None
) -> int:
    """A new activity of the programme; returns its id."""
    check(data)
    act = Activity(programme_id=programme_id, uid=uid or new_uuid(), title="")
    session.add(act)
    apply_all(session, [(act, data)])
    return act.id


def update_activity(
    session: Session, activity_id: int, data: ActivityInput, expected_version: int | None
) -> Updated:
    """Save new values over the version the user edited; raises EditConflict when it changed meanwhile."""
    return update_activities(session, [(activity_id, data, expected_version)])[0]


def update_activities(
    session: Session,
    items: Sequence[tuple[int, ActivityInput, int | None]],
    _read: list[ActivitySnapshot] | None = None,
) -> list[Updated]:
    """Several updates in one flush, each over the version the user saw (None: whatever is stored);
    raises EditConflict for the first activity changed or deleted meanwhile (nothing is then written)."""
    for activity_id, data, _version in items:
        check(data)
        if data.parent_id == activity_id:
            raise PlanningError("own_parent")
    if len(items) >= BULK:
        return update_bulk(session, items, _read)
    acts = load(session, [i for i, _, _ in items])
    check_versions(session, items, acts)
    befores = []
    for activity_id, _data, version in items:
        act = acts[activity_id]
        if version is not None:
            # the UPDATE's "WHERE version = ?" then guards against a writer we did not see
            set_committed_value(act, "version", version)
        befores.append(input_of(act))
    try:
        apply_all(session, [(acts[i], data) for i, data, _v in items])
    except StaleDataError as exc:
        raise EditConflict(items[0][0], None) from exc
    return [
        Updated(i, before, data, acts[i].version)
        for (i, data, _v), before in zip(items, befores, strict=True)
    ]
