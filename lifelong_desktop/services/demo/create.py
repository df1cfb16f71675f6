"""The Liaoning 2024 demo programme: create it (optionally padded to N activities) in one session, in bulk.

Audit: the programme row is created through the ORM and so gets its ordinary audit entry; the bulk rows
(organisations, venues, activities, organiser links) get one summary entry per table (action `create`,
`after` = {"count", "seed", "first_id", "last_id"}), because one entry per row would double the work for
50,000 activities without telling anyone more than "the demo made these".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from lifelong_desktop.db.rawsql import lock_for_ids, sync_sequences
from lifelong_desktop.models import (
    Activity,
    ActivityOrganisation,
    Organisation,
    Programme,
    Venue,
    now,
    table_of,
)
from lifelong_desktop.names import normalise_name
from lifelong_desktop.services import audit
from lifelong_desktop.services.bulk_rows import link_row
from lifelong_desktop.services.demo.content import parse_date, programme_content
from lifelong_desktop.services.demo.padding import pad
from lifelong_desktop.services.demo.programme import build_base
from lifelong_desktop.services.demo.registers import Registers, build_registers
from lifelong_desktop.services.demo.schedule import Booking, Spec, demo_uuid
from lifelong_desktop.services.programmes import create_programme

MAX_ACTIVITIES = 500_000


class DemoProgrammeExists(ValueError):
    """The database already holds a programme of the demo's year; `code` names the sentence."""

    code = "demo.programme_exists"

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(f"a {year} programme already exists")


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What create_demo made."""

    programme_id: int
    year: int
    activities: int
    base_activities: int
    padded_activities: int
    organisations: int  # newly created (existing ones of the same name are reused)
    venues: int
    links: int
    seed: int
    moved_online: int  # padded activities held online because no venue of their city was free near their date


def _next_id(session: Session, column: Any) -> int:
    lock_for_ids(session.connection(), column.table.name)
    return (session.scalar(select(func.max(column))) or 0) + 1


def _insert_organisations(session: Session, reg: Registers, stamp: Any) -> tuple[dict[str, int], list[int]]:
    ids = {k: i for k, i in session.execute(select(Organisation.name_key, Organisation.id))}
    next_id, rows, by_name = _next_id(session, Organisation.id), [], {}
    for name, (org_type, region, contact, phone) in reg.organisations.items():
        key = normalise_name(name)
        if key not in ids:
            ids[key] = next_id
            rows.append(
                {
                    "id": next_id,
                    "name": name,
                    "name_key": key,
                    "org_type": org_type,
                    "credit_code": None,
                    "region_code": region,
                    "contact_name": contact,
                    "contact_phone": phone,
                    "email": "",
                    "created_at": stamp,
                    "updated_at": stamp,
                    "version": 1,
                }
            )
            next_id += 1
        by_name[name] = ids[key]
    if rows:
        session.execute(insert(table_of(Organisation)), rows)
    return by_name, [r["id"] for r in rows]


def _insert_venues(
    session: Session, reg: Registers, stamp: Any
) -> tuple[dict[tuple[str, str], int], list[int]]:
    ids = {(k, c): i for k, c, i in session.execute(select(Venue.name_key, Venue.city_code, Venue.id))}
    next_id, rows, by_name = _next_id(session, Venue.id), [], {}
    for v in reg.venues:
        key = (normalise_name(v.name), v.city)
        if key not in ids:
            ids[key] = next_id
            rows.append(
                {
                    "id": next_id,
                    "name": v.name,
                    "name_key": key[0],
                    "city_code": v.city,
                    "county_code": v.county,
                    "address": v.address,
                    "venue_type": v.venue_type,
                    "capacity": v.capacity,
                    "accessible": v.accessible,
                    "contact_name": v.contact_name,
                    "contact_phone": v.contact_phone,
                    "created_at": stamp,
                    "updated_at": stamp,
                    "version": 1,
                }
            )
            next_id += 1
        by_name[(v.name, v.city)] = ids[key]
    if rows:
        session.execute(insert(table_of(Venue)), rows)
    return by_name, [r["id"] for r in rows]


def _activity_rows(
    specs: list[Spec],
    programme_id: int,
    first_id: int,
    org_ids: dict[str, int],
    venue_ids: dict[tuple[str, str], int],
    stamp: Any,
) -> tuple[list[dict], list[dict]]:
    id_of = {s.key: first_id + i for i, s in enumerate(specs)}
    rows, links = [], []
    for s in specs:
        aid = id_of[s.key]
        rows.append(
            {
                "id": aid,
                "uid": s.uid,
                "programme_id": programme_id,
                "title": s.title,
                "activity_type": s.activity_type,
                "level": s.level,
                "parent_id": id_of[s.parent_key] if s.parent_key else None,
                "start_date": s.start_date,
                "start_time": s.start_time,
                "end_date": s.end_date,
                "end_time": s.end_time,
                "mode": s.mode,
                "city_code": s.city_code,
                "county_code": s.county_code,
                "venue_id": venue_ids[(s.venue.name, s.venue.city)] if s.venue else None,
                "address": s.venue.address if s.venue else "",
                "online_url": s.online_url,
                "audiences": ";".join(s.audiences),
                "expected_participants": s.expected,
                "actual_participants": s.actual,
                "online_participants": s.online,
                "status": s.status,
                "featured": s.featured,
                "contact_name": s.contact_name,
                "contact_phone": s.contact_phone,
                "description": s.description,
                "source_submission_id": None,
                "created_at": stamp,
                "updated_at": stamp,
                "version": 1,
            }
        )
        for role, names in (
            ("host", s.hosts),
            ("undertaker", s.undertakers),
            ("co_organiser", s.co_organisers),
        ):
            seen: set[int] = set()
            for name in names:
                oid = org_ids[name]
                if oid not in seen:
                    links.append(link_row(aid, role, len(seen), oid))
                    seen.add(oid)
    return rows, links


def build_specs(activities: int | None = None, seed: int = 0) -> tuple[Registers, list[Spec], int, int]:
    """Registers, all activity specs, the base count and how many padded ones went online (no database)."""
    reg, booking = build_registers(), Booking()
    specs = build_base(reg, booking)
    base = len(specs)
    moved = 0
    if activities is not None and activities > base:
        padded, moved = pad(reg, booking, activities - base, seed)
        specs += padded
    return reg, specs, base, moved


def create_demo(session: Session, activities: int | None = None, seed: int = 0) -> DemoSummary:
    """Create the Liaoning 2024 programme, padded to `activities` (a smaller N keeps the whole base programme)."""
    if activities is not None and not 0 <= activities <= MAX_ACTIVITIES:
        raise ValueError(f"activities must be between 0 and {MAX_ACTIVITIES}")
    head = programme_content()["programme"]
    if session.scalar(select(Programme.id).where(Programme.year == head["year"])) is not None:
        raise DemoProgrammeExists(head["year"])
    reg, specs, base, moved = build_specs(activities, seed)
    programme = _demo_programme(session, head)
    stamp = now()
    org_ids, new_orgs = _insert_organisations(session, reg, stamp)
    venue_ids, new_venues = _insert_venues(session, reg, stamp)
    first = _next_id(session, Activity.id)
    rows, links = _activity_rows(specs, programme.id, first, org_ids, venue_ids, stamp)
    _insert_activities(session, rows, links)
    sync_sequences(session.connection(), ["organisation", "venue", "activity"])
    _audit_created(session, programme.id, seed, new_orgs, new_venues, rows, links)
    return DemoSummary(
        programme.id,
        head["year"],
        len(rows),
        base,
        len(rows) - base,
        len(new_orgs),
        len(new_venues),
        len(links),
        seed,
        moved,
    )


def _demo_programme(session: Session, head: dict) -> Programme:
    """The demo's Programme row from its content (resources/demo)."""
    return create_programme(
        session,
        region_code=head["region_code"],
        year=head["year"],
        theme=head["theme"],
        window_start=parse_date(head["window_start"]),
        window_end=parse_date(head["window_end"]),
        week_start=parse_date(head["week_start"]),
        week_end=parse_date(head["week_end"]),
        submitting_unit=head["submitting_unit"],
        contact_name=head["contact_name"],
        contact_phone=head["contact_phone"],
        submission_uid=demo_uuid("submission"),
    )


def _insert_activities(session: Session, rows: list[dict], links: list[dict]) -> None:
    # Core inserts on the tables: one executemany each (the ORM bulk path splits rows by their None columns),
    # with a larger page cache while the indexes grow (about 15% faster at 50,000), then the usual one again.
    if session.connection().dialect.name != "sqlite":
        session.execute(insert(table_of(Activity)), rows)
        session.execute(insert(table_of(ActivityOrganisation)), links)
        return
    cache = session.execute(text("PRAGMA cache_size")).scalar_one()
    session.execute(text("PRAGMA cache_size=-65536"))
    try:
        session.execute(insert(table_of(Activity)), rows)
        session.execute(insert(table_of(ActivityOrganisation)), links)
    finally:
        session.execute(text(f"PRAGMA cache_size={int(cache)}"))


def _audit_created(
    session: Session, programme_id: int, seed: int, new_orgs: list, new_venues: list, rows: list, links: list
) -> None:
    """One summary audit entry per table the demo filled in bulk."""
    for entity, ids in (
        ("organisation", new_orgs),
        ("venue", new_venues),
        ("activity", [r["id"] for r in rows]),
        ("activity_organisation", [r["activity_id"] for r in links]),
    ):
        if ids:
            after = {"count": len(ids), "seed": seed, "first_id": ids[0], "last_id": ids[-1]}
            audit.record(
                session,
                "create",
                entity,
                [(None, None, None, after)],
                programme_id=programme_id,
                summary=f"示例计划：批量创建 {len(ids)} 条",
            )


def make_demo_database(path: Path | str, activities: int | None = None, seed: int = 0) -> DemoSummary:
    """Open (or create) the database file and create the demo in it in one transaction."""
    from lifelong_desktop.db import open_database

    db = open_database(path)
    try:
        with db.transaction("创建示例计划") as session:
            return create_demo(session, activities, seed)
    finally:
        db.close()
