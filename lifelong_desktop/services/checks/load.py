"""The lean activity rows the planning checks read: one SQL pass, only the columns checks need (fast)."""

from __future__ import annotations

from datetime import date, time
from typing import NamedTuple

from sqlalchemy.orm import Session

from lifelong_desktop.db.rawsql import raw_cursor
from lifelong_desktop.services.regions import regions

_ACTIVITIES = """
SELECT a.id, a.uid, a.title, a.activity_type, a.level, a.parent_id, a.start_date, a.start_time, a.end_date,
       a.end_time, a.mode, a.city_code, a.venue_id, v.name, v.capacity, a.online_url, a.expected_participants,
       a.actual_participants, a.status
FROM activity a LEFT JOIN venue v ON v.id = a.venue_id
WHERE a.programme_id = ?
"""
_LINKS = """
SELECT ao.activity_id, ao.role, ao.organisation_id
FROM activity_organisation ao JOIN activity a ON a.id = ao.activity_id
WHERE a.programme_id = ? AND ao.role IN ('host', 'undertaker')
"""
_UNDERTAKER_NAMES = """
SELECT o.id, o.name FROM organisation o
WHERE o.id IN (SELECT organisation_id FROM activity_organisation WHERE role = 'undertaker')
"""


class CheckRow(NamedTuple):
    """What the checks need of an activity (a subset of ActivityRow, with the same attribute names)."""

    id: int
    uid: str
    title: str
    activity_type: str | None
    level: str | None
    parent_id: int | None
    start_date: date
    start_time: time | None
    end_date: date
    end_time: time | None
    mode: str | None
    city_code: str | None
    city_name: str
    venue_id: int | None
    venue_name: str
    venue_capacity: int | None
    online_url: str
    expected_participants: int | None
    actual_participants: int | None
    status: str
    hosts: tuple[int, ...]  # organisation ids (the checks only ask whether there is one)
    undertakers: tuple[str, ...]
    undertaker_ids: tuple[int, ...]


def _date(text: str) -> date:  # start_date and end_date are NOT NULL
    return date.fromisoformat(text[:10])


def _time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _organisers(links: list, org_names: dict[int, str]) -> tuple[dict, dict, dict]:
    """Per activity: its hosts' ids, its undertakers' ids and their names, each in printing order."""
    hosts: dict[int, list[int]] = {}
    unders: dict[int, list[int]] = {}
    for act_id, role, org_id in links:
        (hosts if role == "host" else unders).setdefault(act_id, []).append(org_id)
    under_ids = {k: tuple(v) for k, v in unders.items()}
    under_names = {k: tuple(org_names.get(i, "") for i in v) for k, v in under_ids.items()}
    return {k: tuple(v) for k, v in hosts.items()}, under_ids, under_names


def check_rows_of(session: Session, programme_id: int) -> list[CheckRow]:
    """All activities of a programme as CheckRows (order of the database), read through the DB-API cursor
    of the session's own connection (SQLAlchemy's row objects would triple the time on 50,000 rows)."""
    cursor = raw_cursor(session.connection())
    try:
        links = cursor.execute(_LINKS, (programme_id,)).fetchall()
        raw = cursor.execute(_ACTIVITIES, (programme_id,)).fetchall()
        org_names = dict(cursor.execute(_UNDERTAKER_NAMES).fetchall())
    finally:
        cursor.close()
    host_ids, under_ids, under_names = _organisers(links, org_names)
    reg = regions()
    city_names: dict[str | None, str] = {}
    dates: dict[str, date] = {}
    times: dict[str | None, time | None] = {None: None}
    out: list[CheckRow] = []
    none: tuple = ()
    for r in raw:
        city, aid = r[11], r[0]
        if city not in city_names:
            city_names[city] = reg.name(city) if city else ""
        for text in (r[6], r[8]):
            if text not in dates:
                dates[text] = _date(text)
        for text in (r[7], r[9]):
            if text not in times:
                times[text] = _time(text)
        out.append(
            CheckRow(
                aid,
                r[1],
                r[2] or "",
                r[3],
                r[4],
                r[5],
                dates[r[6]],
                times[r[7]],
                dates[r[8]],
                times[r[9]],
                r[10],
                city,
                city_names[city],
                r[12],
                r[13] or "",
                r[14],
                r[15] or "",
                r[16],
                r[17],
                r[18] or "",
                host_ids.get(aid, none),
                under_names.get(aid, none),
                under_ids.get(aid, none),
            )
        )
    return out
