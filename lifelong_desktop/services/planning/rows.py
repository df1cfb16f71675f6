"""The planner's table rows (same as services.rows.activity_rows) read fast through the DB-API cursor."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Sequence
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from lifelong_desktop.services.rows import ActivityRow

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
