"""Writing ActivityInput values into ORM activities (organiser links kept where they can be) and loading them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from lifelong_desktop.models import Activity, ActivityOrganisation, now
from lifelong_desktop.services.planning.inputs import ROLES, SCALARS, ActivityInput

CHUNK = 5000  # ids per IN (...): SQLite allows 32,766 variables


def apply(act: Activity, data: ActivityInput) -> list[ActivityOrganisation]:
    """Write the values of `data` into the ORM object. Returns the organiser links still to add when the
    old ones had to go (links are keyed by role and position): add them after a flush has removed those."""
    act.updated_at = now()  # any change, links included, bumps the version (once)
    for name in SCALARS:
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
            act.organisers.extend(
                ActivityOrganisation(role=role, position=start + i, organisation_id=oid)
                for i, oid in enumerate(wanted[role][len(have[role]) :])
            )
        return []
    act.organisers.clear()
    return [
        ActivityOrganisation(role=role, position=pos, organisation_id=oid)
        for role in ROLES
        for pos, oid in enumerate(wanted[role])
    ]


def _nth_position(links: list[ActivityOrganisation], role: str, n: int) -> int:
    """The position of a role's n-th link (in order); beyond the last one when there are fewer."""
    positions = [link.position for link in links if link.role == role]
    return positions[n] if n < len(positions) else (positions[-1] + 1 if positions else 0)


def apply_all(session: Session, pairs: Iterable[tuple[Activity, ActivityInput]]) -> None:
    """apply for many activities with two flushes in all: old links out, then the new ones in."""
    later = [(act, links) for act, data in pairs if (links := apply(act, data))]
    if later:
        session.flush()
        for act, links in later:
            act.organisers.extend(links)
    session.flush()


def load(session: Session, ids: Sequence[int]) -> dict[int, Activity]:
    """Activities by id with their organiser links, in a few queries whatever the number."""
    out: dict[int, Activity] = {}
    for i in range(0, len(ids), CHUNK):
        stmt = (
            select(Activity)
            .where(Activity.id.in_(ids[i : i + CHUNK]))
            .options(selectinload(Activity.organisers))
        )
        out.update((a.id, a) for a in session.scalars(stmt))
    return out
