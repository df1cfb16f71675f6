"""The organisation and venue registers: create, edit, delete and merge, each returning what changed.

Every change returns a frozen record that holds what is needed to undo it (`undo_change`), so the
UI's undo commands stay one line. Problems a user can cause raise RegisterError(code) whose sentence
is in resources/i18n/messages/registers.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from pypinyin import Style, lazy_pinyin
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from lifelong_desktop import messages
from lifelong_desktop.models import (
    Activity,
    ActivityOrganisation,
    Organisation,
    Venue,
    normalise_name,
    now,
)
from lifelong_desktop.services import audit
from lifelong_desktop.services.bulk_rows import link_row
from lifelong_desktop.services.regions import regions

ORG_FIELDS = ("name", "org_type", "credit_code", "region_code", "contact_name", "contact_phone", "email")
VENUE_FIELDS = (
    "name",
    "city_code",
    "county_code",
    "address",
    "venue_type",
    "capacity",
    "accessible",
    "contact_name",
    "contact_phone",
)
_BLANK_FILLABLE = {"organisation": ORG_FIELDS[1:], "venue": VENUE_FIELDS[2:]}
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, ... (GB 32100-2015)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+\-() ]{5,20}$")


class RegisterError(ValueError):
    """A register change the user asked for that cannot be made; `code` says why, `field` where."""

    def __init__(self, code: str, field: str = "", **params: Any) -> None:
        self.code = code
        self.field = field
        self.params = params
        super().__init__(code)

    def message(self, lang: str | None = None) -> str:
        return messages.render("registers." + self.code, lang, **self.params)

    def __str__(self) -> str:  # a failed undo/redo is shown through str(): the sentence, not the code
        return self.message()


# ---------------------------------------------------------------- change records


@dataclass(frozen=True, slots=True)
class _Entry:
    """A register entry with all its values: the record of creating or deleting it."""

    entity: str  # organisation or venue
    id: int
    values: dict[str, Any] = field(hash=False)


@dataclass(frozen=True, slots=True)
class Created(_Entry):
    """An entry made (undo deletes it)."""


@dataclass(frozen=True, slots=True)
class Updated:
    """An entry's changed values, before and after."""

    entity: str
    id: int
    before: dict[str, Any] = field(hash=False)
    after: dict[str, Any] = field(hash=False)


@dataclass(frozen=True, slots=True)
class Deleted(_Entry):
    """An entry removed (undo puts it back with the same id)."""


@dataclass(frozen=True, slots=True)
class Link:
    """One organiser link: organisation `organisation_id` in `role` at `position` of an activity."""

    activity_id: int
    role: str
    position: int
    organisation_id: int


@dataclass(frozen=True, slots=True)
class Merged:
    """Two register entries that are the same body made one: `drop` removed, its activities on `keep`."""

    entity: str
    keep_id: int
    dropped: Deleted
    kept: Updated  # blank fields of the kept entry filled from the dropped one (may change nothing)
    activity_ids: tuple[int, ...]  # activities that moved
    links_before: tuple[Link, ...] = ()  # organisations: every link of the moved activities before
    links_after: tuple[Link, ...] = ()
    duplicates_removed: int = 0  # links dropped because the activity already had `keep` in that role


Change = Created | Updated | Deleted | Merged


# ---------------------------------------------------------------- validation


def credit_code_valid(code: str) -> bool:
    """GB 32100-2015: 18 characters of the code alphabet whose last one is the check character."""
    code = code.upper()
    if len(code) != 18 or any(c not in _CREDIT_CHARS for c in code):
        return False
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31] == code[17]


def _clean(values: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in names:
        if k not in values:
            continue
        v = values[k]
        if isinstance(v, str):
            v = v.strip()
            if k in ("credit_code", "region_code", "county_code", "venue_type") and not v:
                v = None
            if k == "credit_code" and v:
                v = v.upper()
        out[k] = v
    return out


def _check_common(values: dict[str, Any]) -> None:
    if "name" in values:
        if not values["name"]:
            raise RegisterError("name_required", "name")
        if len(values["name"]) > 100:
            raise RegisterError("name_too_long", "name")
    phone = values.get("contact_phone")
    if phone and (not _PHONE.match(phone) or not any(c.isdigit() for c in phone)):
        raise RegisterError("invalid_phone", "contact_phone", phone=phone)


def check_organisation(session: Session, values: dict[str, Any], org_id: int | None = None) -> dict[str, Any]:
    """The cleaned values of an organisation, or RegisterError for the first problem."""
    values = _clean(values, ORG_FIELDS)
    _check_common(values)
    if values.get("credit_code") and not credit_code_valid(values["credit_code"]):
        raise RegisterError("invalid_credit_code", "credit_code", value=values["credit_code"])
    if values.get("email") and not _EMAIL.match(values["email"]):
        raise RegisterError("invalid_email", "email", email=values["email"])
    if values.get("region_code") and regions().get(values["region_code"]) is None:
        raise RegisterError("unknown_region", "region_code", value=values["region_code"])
    if "name" in values:
        other = session.scalar(
            select(Organisation.id).where(Organisation.name_key == normalise_name(values["name"]))
        )
        if other is not None and other != org_id:
            raise RegisterError("duplicate_organisation", "name", name=values["name"])
    return values


def check_venue(session: Session, values: dict[str, Any], venue_id: int | None = None) -> dict[str, Any]:
    """The cleaned values of a venue, or RegisterError for the first problem."""
    values = _clean(values, VENUE_FIELDS)
    _check_common(values)
    reg = regions()
    if "city_code" in values:
        city = reg.get(values["city_code"])
        if city is None or city.level not in ("prefecture", "province"):
            raise RegisterError("city_required", "city_code")
    county = values.get("county_code")
    if county:
        r = reg.get(county)
        if r is None or r.level != "county":
            raise RegisterError("unknown_region", "county_code", value=county)
        if values.get("city_code") and not reg.is_inside(county, values["city_code"]):
            raise RegisterError("county_outside_city", "county_code")
    cap = values.get("capacity")
    if cap is not None and (not isinstance(cap, int) or cap < 0):
        raise RegisterError("invalid_capacity", "capacity")
    if "name" in values or "city_code" in values:
        current = session.get(Venue, venue_id) if venue_id else None
        name = values.get("name", current.name if current else "")
        city_code = values.get("city_code", current.city_code if current else "")
        other = session.scalar(
            select(Venue.id).where(Venue.name_key == normalise_name(name), Venue.city_code == city_code)
        )
        if other is not None and other != venue_id:
            raise RegisterError("duplicate_venue", "name", name=name)
    return values


def _pairs(result: Any) -> dict[Any, Any]:
    return {a: b for a, b in result}


# ---------------------------------------------------------------- create / update / delete

_MODELS: dict[str, type[Organisation] | type[Venue]] = {"organisation": Organisation, "venue": Venue}
_FIELDS = {"organisation": ORG_FIELDS, "venue": VENUE_FIELDS}


def _snapshot(obj: Organisation | Venue, names: tuple[str, ...]) -> dict[str, Any]:
    return {"id": obj.id, **{k: getattr(obj, k) for k in names}, "created_at": obj.created_at}


def _get(session: Session, entity: str, obj_id: int) -> Organisation | Venue:
    obj = session.get(_MODELS[entity], obj_id)
    if obj is None:
        raise RegisterError("not_found")
    return obj


def create_organisation(session: Session, values: dict[str, Any], *, obj_id: int | None = None) -> Created:
    values = check_organisation(session, values)
    values.setdefault("org_type", "other")
    return _create(session, "organisation", values, obj_id)


def create_venue(session: Session, values: dict[str, Any], *, obj_id: int | None = None) -> Created:
    if "city_code" not in values:
        raise RegisterError("city_required", "city_code")
    return _create(session, "venue", check_venue(session, values), obj_id)


def _create(session: Session, entity: str, values: dict[str, Any], obj_id: int | None) -> Created:
    obj = _MODELS[entity](**values)
    if obj_id is not None:
        obj.id = obj_id
    session.add(obj)
    session.flush()
    return Created(entity, obj.id, _snapshot(obj, _FIELDS[entity]))


def update_organisation(
    session: Session, org_id: int, values: dict[str, Any], expected_version: int | None = None
) -> Updated:
    return _update(
        session, "organisation", org_id, check_organisation(session, values, org_id), expected_version
    )


def update_venue(
    session: Session, venue_id: int, values: dict[str, Any], expected_version: int | None = None
) -> Updated:
    return _update(session, "venue", venue_id, check_venue(session, values, venue_id), expected_version)


def _update(
    session: Session, entity: str, obj_id: int, values: dict[str, Any], expected: int | None
) -> Updated:
    obj = _get(session, entity, obj_id)
    if expected is not None and obj.version != expected:
        raise RegisterError("changed_elsewhere")
    before = {k: getattr(obj, k) for k in values if getattr(obj, k) != values[k]}
    after = {k: values[k] for k in before}
    for k, v in after.items():
        setattr(obj, k, v)
    session.flush()
    return Updated(entity, obj_id, before, after)


def organisation_use_count(session: Session, org_id: int) -> int:
    """How many activities (of any programme) name this organisation in some role."""
    return (
        session.scalar(
            select(func.count(func.distinct(ActivityOrganisation.activity_id))).where(
                ActivityOrganisation.organisation_id == org_id
            )
        )
        or 0
    )


def venue_use_count(session: Session, venue_id: int) -> int:
    return (
        session.scalar(select(func.count()).select_from(Activity).where(Activity.venue_id == venue_id)) or 0
    )


_USE_COUNT = {"organisation": organisation_use_count, "venue": venue_use_count}


def _unused(session: Session, entity: str, obj_id: int) -> Organisation | Venue:
    """The entry, or RegisterError `<entity>_in_use` when some activity still names it."""
    obj = _get(session, entity, obj_id)
    used = _USE_COUNT[entity](session, obj_id)
    if used:
        raise RegisterError(f"{entity}_in_use", name=obj.name, count=used)
    return obj


def delete_organisation(session: Session, org_id: int) -> Deleted:
    """Delete an organisation no activity names; refused (organisation_in_use) otherwise."""
    return _delete(session, "organisation", _unused(session, "organisation", org_id))


def delete_venue(session: Session, venue_id: int) -> Deleted:
    """Delete a venue no activity is held at; refused (venue_in_use) otherwise."""
    return _delete(session, "venue", _unused(session, "venue", venue_id))


def _delete(session: Session, entity: str, obj: Organisation | Venue) -> Deleted:
    snap = _snapshot(obj, _FIELDS[entity])
    session.delete(obj)
    session.flush()
    return Deleted(entity, snap["id"], snap)


def _restore(session: Session, entity: str, values: dict[str, Any]) -> None:
    if session.get(_MODELS[entity], values["id"]) is not None:
        raise RegisterError("not_found")
    obj = _MODELS[entity](**values)
    session.add(obj)
    session.flush()


# ---------------------------------------------------------------- merging


def merge_organisations(session: Session, keep_id: int, drop_id: int) -> Merged:
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
    return Merged("organisation", keep_id, dropped, kept, moved, before, after, removed)


def merge_venues(session: Session, keep_id: int, drop_id: int) -> Merged:
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
    return Merged("venue", keep_id, dropped, kept, moved)


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
) -> Updated:
    """Blank fields of the kept entry take the dropped entry's values (an `other` type too)."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for k in _BLANK_FILLABLE[entity]:
        mine, theirs = getattr(keep, k), getattr(drop, k)
        blank = mine in (None, "") or (k == "org_type" and mine == "other")
        if blank and theirs not in (None, "") and theirs != mine:
            before[k], after[k] = mine, theirs
            setattr(keep, k, theirs)
    session.flush()
    return Updated(entity, keep.id, before, after)


# ---------------------------------------------------------------- undo


def undo_change(session: Session, change: Change) -> None:
    """Put the registers back as they were before `change` (the inverse of the call that returned it)."""
    if isinstance(change, Created):
        _delete(session, change.entity, _unused(session, change.entity, change.id))
    elif isinstance(change, Updated):
        obj = _get(session, change.entity, change.id)
        if "name" in change.before or "city_code" in change.before:
            check = check_organisation if change.entity == "organisation" else check_venue
            check(session, {k: v for k, v in change.before.items() if k in ("name", "city_code")}, change.id)
        for k, v in change.before.items():
            setattr(obj, k, v)
        session.flush()
    elif isinstance(change, Deleted):
        _restore(session, change.entity, change.values)
    elif isinstance(change, Merged):
        _restore(session, change.entity, change.dropped.values)
        undo_change(session, change.kept)
        if change.entity == "organisation":
            _replace_links(session, change.activity_ids, change.links_before)
        else:
            _set_venue(session, change.activity_ids, change.dropped.id)


def redo_change(session: Session, change: Change) -> Change:
    """Make `change` again after it was undone; returns the new record (for the next undo)."""
    org = change.entity == "organisation"
    if isinstance(change, Created):
        values = {k: v for k, v in change.values.items() if k not in ("id", "created_at")}
        return (create_organisation if org else create_venue)(session, values, obj_id=change.id)
    if isinstance(change, Updated):
        return (update_organisation if org else update_venue)(session, change.id, change.after)
    if isinstance(change, Deleted):
        return (delete_organisation if org else delete_venue)(session, change.id)
    return (merge_organisations if org else merge_venues)(session, change.keep_id, change.dropped.id)


# ---------------------------------------------------------------- queries for the register views


@dataclass(frozen=True, slots=True)
class Participation:
    """One activity an organisation takes part in, and how."""

    activity_id: int
    title: str
    start_date: date
    end_date: date
    city_code: str | None
    city_name: str
    role: str
    position: int
    status: str


def organisation_activities(session: Session, programme_id: int, org_id: int) -> list[Participation]:
    """The activities of a programme that name an organisation, by date, with its role in each."""
    AO = ActivityOrganisation
    rows = session.execute(
        select(
            Activity.id,
            Activity.title,
            Activity.start_date,
            Activity.end_date,
            Activity.city_code,
            AO.role,
            AO.position,
            Activity.status,
        )
        .join(AO, AO.activity_id == Activity.id)
        .where(Activity.programme_id == programme_id, AO.organisation_id == org_id)
        .order_by(Activity.start_date, Activity.start_time, Activity.title, AO.role_rank)
    )
    reg = regions()
    return [Participation(a, t, s, e, c, reg.name(c), role, pos, st) for a, t, s, e, c, role, pos, st in rows]


def organisation_counts(session: Session, programme_id: int) -> dict[int, int]:
    """{organisation id: number of the programme's activities naming it}."""
    AO = ActivityOrganisation
    return _pairs(
        session.execute(
            select(AO.organisation_id, func.count(func.distinct(AO.activity_id)))
            .join(Activity, Activity.id == AO.activity_id)
            .where(Activity.programme_id == programme_id)
            .group_by(AO.organisation_id)
        )
    )


def venue_counts(session: Session, programme_id: int) -> dict[int, int]:
    """{venue id: number of the programme's activities held there}."""
    return _pairs(
        session.execute(
            select(Activity.venue_id, func.count())
            .where(Activity.programme_id == programme_id, Activity.venue_id.is_not(None))
            .group_by(Activity.venue_id)
        )
    )


@lru_cache(maxsize=65536)
def pinyin_key(name: str) -> tuple[str, str]:
    """Sort key of a Chinese name by Hanyu Pinyin (then by the name itself), cached per name."""
    return " ".join(lazy_pinyin(normalise_name(name), errors="default")), name


@lru_cache(maxsize=65536)
def pinyin_initials(name: str) -> str:
    """The first letters of the pinyin of each character (`沈阳` gives `sy`), for searching."""
    return "".join(lazy_pinyin(normalise_name(name), style=Style.FIRST_LETTER, errors="default"))


def matches(name: str, text: str) -> bool:
    """True when a search text finds a name: part of it, of its full pinyin or of its initials."""
    text = normalise_name(text)
    if not text:
        return True
    if text in normalise_name(name):
        return True
    if text.isascii():
        return text in pinyin_initials(name) or text in pinyin_key(name)[0].replace(" ", "")
    return False
