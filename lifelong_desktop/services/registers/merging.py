"""Merging two register entries that are the same body or place: links and activities move, blanks filled."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, ActivityOrganisation, Organisation, Venue, now
from lifelong_desktop.services import audit
from lifelong_desktop.services.bulk_rows import link_row
from lifelong_desktop.services.registers.changes import EntriesMerged, EntryUpdated, Link, RegisterError
from lifelong_desktop.services.registers.edits import _delete, _get
from lifelong_desktop.services.registers.rules import BLANK_FILLABLE


def _pairs(result: Any) -> dict[Any, Any]:
    return {a: b for a, b in result}


def merge_organisations(session: Session, keep_id: int, drop_id: int) -> EntriesMerged:
    """`drop` is the same body as `keep`: its links move to `keep` (order kept, no duplicate role), it goes."""
    keep, drop = _pair(session, "organisation", keep_id, drop_id)
    moved = tuple(
        session.scalars(
            select(ActivityOrganisation.activity_id)
            .where(ActivityOrganisation.organisation_id == drop_id)
            .distinct()
            .order_by(ActivityOrganisation.activity_id)
        )
    )
    before = _links_of(session, moved)
    after, removed = _repointed(before, keep_id, drop_id)
    _replace_links(session, moved, after)
    kept = _fill_blanks(session, "organisation", keep, drop)
    dropped = _delete(session, "organisation", drop)
    return EntriesMerged("organisation", keep_id, dropped, kept, moved, before, after, removed)


def merge_venues(session: Session, keep_id: int, drop_id: int) -> EntriesMerged:
    """`drop` is the same place as `keep` (same city): its activities move to `keep`, it goes."""
    keep, drop = _pair(session, "venue", keep_id, drop_id)
    if keep.city_code != drop.city_code:
        raise RegisterError("venue_cities_differ")
    moved = tuple(
        session.scalars(select(Activity.id).where(Activity.venue_id == drop_id).order_by(Activity.id))
    )
    _set_venue(session, moved, keep_id)
    kept = _fill_blanks(session, "venue", keep, drop)
    dropped = _delete(session, "venue", drop)
    return EntriesMerged("venue", keep_id, dropped, kept, moved)


def _pair(session: Session, entity: str, keep_id: int, drop_id: int) -> tuple[Any, Any]:
    """The two entries of a merge; RegisterError when they are one and the same."""
    if keep_id == drop_id:
        raise RegisterError("same_entry")
    return _get(session, entity, keep_id), _get(session, entity, drop_id)


def _links_of(session: Session, activity_ids: tuple[int, ...]) -> tuple[Link, ...]:
    if not activity_ids:
        return ()
    AO = ActivityOrganisation
    rows = session.execute(
        select(AO.activity_id, AO.role, AO.position, AO.organisation_id)
        .where(AO.activity_id.in_(activity_ids))
        .order_by(AO.activity_id, AO.role_rank, AO.position)
    )
    return tuple(Link(*r) for r in rows)


def _repointed(links: tuple[Link, ...], keep_id: int, drop_id: int) -> tuple[tuple[Link, ...], int]:
    """The links with `drop` replaced by `keep`; a second `keep` in one role is dropped and that role renumbered."""
    groups: dict[tuple[int, str], list[Link]] = {}
    for link in links:
        groups.setdefault((link.activity_id, link.role), []).append(link)
    out: list[Link] = []
    removed = 0
    for (act, role), group in groups.items():
        seen: set[int] = set()
        kept: list[Link] = []
        for link in group:
            org = keep_id if link.organisation_id == drop_id else link.organisation_id
            if org in seen:
                removed += 1
                continue
            seen.add(org)
            kept.append(Link(act, role, link.position, org))
        if len(kept) != len(group):
            kept = [Link(act, role, i, k.organisation_id) for i, k in enumerate(kept)]
        out.extend(kept)
    return tuple(out), removed


def _replace_links(session: Session, activity_ids: tuple[int, ...], links: tuple[Link, ...]) -> None:
    """Replace every organiser link of these activities (one bulk delete and insert, audited)."""
    if not activity_ids:
        return
    AO = ActivityOrganisation
    old = _links_of(session, activity_ids)
    session.execute(delete(AO).where(AO.activity_id.in_(activity_ids)))
    if links:
        session.execute(
            insert(AO), [link_row(k.activity_id, k.role, k.position, k.organisation_id) for k in links]
        )
    _touch(session, activity_ids)

    def as_map(items: tuple[Link, ...], act: int) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for k in items:
            if k.activity_id == act:
                out.setdefault(k.role, []).append(k.organisation_id)
        return out

    uids = _pairs(session.execute(select(Activity.id, Activity.uid).where(Activity.id.in_(activity_ids))))
    audit.record(
        session,
        "update",
        "activity_organisation",
        [(a, uids.get(a), as_map(old, a), as_map(links, a)) for a in activity_ids],
    )


def _set_venue(session: Session, activity_ids: tuple[int, ...], venue_id: int) -> None:
    if not activity_ids:
        return
    old = _pairs(session.execute(select(Activity.id, Activity.venue_id).where(Activity.id.in_(activity_ids))))
    uids = _pairs(session.execute(select(Activity.id, Activity.uid).where(Activity.id.in_(activity_ids))))
    session.execute(
        update(Activity)
        .where(Activity.id.in_(activity_ids))
        .values(venue_id=venue_id)
        .execution_options(synchronize_session=False)
    )
    _touch(session, activity_ids)
    audit.record(
        session,
        "update",
        "activity",
        [(a, uids.get(a), {"venue_id": old.get(a)}, {"venue_id": venue_id}) for a in activity_ids],
    )


def _touch(session: Session, activity_ids: tuple[int, ...]) -> None:
    """Mark activities as changed now (their version and time), so editors and imports see the change."""
    session.execute(
        update(Activity)
        .where(Activity.id.in_(activity_ids))
        .values(version=Activity.version + 1, updated_at=now())
        .execution_options(synchronize_session=False)
    )
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Activity) and obj.id in activity_ids:
            session.expire(obj)


def _fill_blanks(
    session: Session, entity: str, keep: Organisation | Venue, drop: Organisation | Venue
) -> EntryUpdated:
    """Blank fields of the kept entry take the dropped entry's values (an `other` type too)."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for k in BLANK_FILLABLE[entity]:
        mine, theirs = getattr(keep, k), getattr(drop, k)
        blank = mine in (None, "") or (k == "org_type" and mine == "other")
        if blank and theirs not in (None, "") and theirs != mine:
            before[k], after[k] = mine, theirs
            setattr(keep, k, theirs)
    session.flush()
    return EntryUpdated(entity, keep.id, before, after)
