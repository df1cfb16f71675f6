"""Matching a workbook's organisations and venues to the shared registers (credit code, normalised name, city).

Planning only: which database rows the names refer to, which rows an import would create (organisations
with type `other` when 单位 lacks them) and which register fields it would fill in (a lower level's return
fills blanks only; the programme's own workbook overwrites what it states).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.models import ROLE_FIELDS, Organisation, Venue
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.values import normalised

ORG_FIELDS = ("org_type", "credit_code", "region_code", "contact_name", "contact_phone", "email")
VENUE_FIELDS = (
    "county_code",
    "address",
    "venue_type",
    "capacity",
    "accessible",
    "contact_name",
    "contact_phone",
)
_TEXT_DEFAULT = {"contact_name": "", "contact_phone": "", "email": "", "address": ""}


@dataclass
class Registers:
    """Workbook names resolved against the database (None = to be created)."""

    org_of: dict[str, int | None] = field(default_factory=dict)  # name_key -> organisation id
    new_orgs: dict[str, dict[str, Any]] = field(default_factory=dict)  # name_key -> values
    org_updates: list[tuple[int, dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    venue_of: dict[tuple[str, str], int | None] = field(default_factory=dict)  # (name_key, city) -> venue id
    new_venues: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    venue_updates: list[tuple[int, dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def _blank(value: Any) -> bool:
    return value is None or value == ""


def _changes(
    db: dict[str, Any],
    wb: dict[str, Any],
    fields: tuple[str, ...],
    own: bool,
    default_type: str | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Fields to write: the own workbook overwrites what it states; a return fills blanks only."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key in fields:
        new = wb.get(key)
        if _blank(new) or new == db.get(key):
            continue
        if (
            own
            or _blank(db.get(key))
            or (default_type is not None and key == "org_type" and db.get(key) == default_type)
        ):
            before[key], after[key] = db.get(key), new
    return before, after


def _org_values(row: dict[str, Any], name: str) -> dict[str, Any]:
    values = {"name": name, "name_key": normalised(name), "org_type": row.get("org_type") or "other"}
    for key in ORG_FIELDS[1:]:
        values[key] = row.get(key) if row.get(key) is not None else _TEXT_DEFAULT.get(key)
    return values


def _resolve_orgs(session: Session, data: WorkbookData, own: bool, reg: Registers) -> None:
    cols = [Organisation.id, Organisation.name_key, *(getattr(Organisation, f) for f in ORG_FIELDS)]
    by_key: dict[str, int] = {}
    by_credit: dict[str, int] = {}
    state: dict[int, dict[str, Any]] = {}
    for stored in session.execute(select(*cols)):
        oid, key = stored[0], stored[1]
        by_key[key] = oid
        state[oid] = dict(zip(ORG_FIELDS, stored[2:], strict=True))
        if stored[3]:
            by_credit.setdefault(stored[3], oid)
    touched: set[int] = set()
    for row in data.organisations:
        if not row.get("name"):
            continue
        key = normalised(row["name"])
        oid = by_credit.get(row.get("credit_code") or "") or by_key.get(key)
        reg.org_of[key] = oid
        if oid is None:
            reg.new_orgs[key] = _org_values(row, row["name"])
        elif oid not in touched:
            touched.add(oid)
            before, after = _changes(state[oid], row, ORG_FIELDS, own, default_type="other")
            if after:
                reg.org_updates.append((oid, before, after))
    _organisers_named(data, by_key, reg)


def _organisers_named(data: WorkbookData, by_key: dict[str, int], reg: Registers) -> None:
    """Organisers the activities name that the 单位 sheet does not list: found by name, or new ones (each
    distinct name normalised once: 20,000 activities name a few hundred organisations some 60,000 times)."""
    keys: dict[str, str] = {}
    for act in data.activities:
        for role_field in ROLE_FIELDS.values():
            for name in act.get(role_field) or ():
                key = keys.get(name)
                if key is None:
                    key = keys[name] = normalised(name)
                if key not in reg.org_of:
                    oid = by_key.get(key)
                    reg.org_of[key] = oid
                    if oid is None:
                        reg.new_orgs[key] = _org_values({}, name)


def _venue_values(row: dict[str, Any], name: str, city: str) -> dict[str, Any]:
    values: dict[str, Any] = {"name": name, "name_key": normalised(name), "city_code": city}
    for key in VENUE_FIELDS:
        values[key] = row.get(key) if row.get(key) is not None else _TEXT_DEFAULT.get(key)
    return values


def _resolve_venues(session: Session, data: WorkbookData, own: bool, reg: Registers) -> None:
    cols = [Venue.id, Venue.name_key, Venue.city_code, *(getattr(Venue, f) for f in VENUE_FIELDS)]
    by_key: dict[tuple[str, str], int] = {}
    state: dict[int, dict[str, Any]] = {}
    for stored in session.execute(select(*cols)):
        by_key[(stored[1], stored[2])] = stored[0]
        state[stored[0]] = dict(zip(VENUE_FIELDS, stored[3:], strict=True))
    for row in data.venues:
        if not row.get("name") or not row.get("city_code"):
            continue
        ident = (normalised(row["name"]), row["city_code"])
        if ident in reg.venue_of:
            continue
        vid = by_key.get(ident)
        reg.venue_of[ident] = vid
        if vid is None:
            reg.new_venues[ident] = _venue_values(row, row["name"], row["city_code"])
        else:
            before, after = _changes(state[vid], row, VENUE_FIELDS, own)
            if after:
                reg.venue_updates.append((vid, before, after))
    idents: dict[tuple[str, str], tuple[str, str]] = {}  # (name, city) as written -> normalised, once each
    for act in data.activities:
        name, city = act.get("venue"), act.get("city_code")
        if not name or not city:
            continue
        found = idents.get((name, city))
        if found is None:
            found = idents[(name, city)] = (normalised(name), city)
        if found not in reg.venue_of:
            vid = by_key.get(found)
            reg.venue_of[found] = vid
            if vid is None:
                reg.new_venues[found] = _venue_values(
                    {"county_code": act.get("county_code"), "address": act.get("address")}, name, city
                )


def resolve_registers(session: Session, data: WorkbookData, *, own: bool) -> Registers:
    """Resolve every organisation and venue the workbook lists or names (no writes)."""
    reg = Registers()
    _resolve_orgs(session, data, own, reg)
    _resolve_venues(session, data, own, reg)
    return reg


def venue_key(activity: dict[str, Any]) -> tuple[str, str] | None:
    name, city = activity.get("venue"), activity.get("city_code")
    return (normalised(name), city) if name and city else None
