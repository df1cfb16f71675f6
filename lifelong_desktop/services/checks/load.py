"""The lean activity rows the planning checks read: one SQL pass, only the columns checks need (fast)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from datetime import date, time
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from lifelong_desktop.services.activity_table import RegionNames, StoredDates, StoredTimes

if TYPE_CHECKING:  # `lifelong check` on a file reads through sqlite3 alone (see check_rows_from)
    from sqlalchemy.orm import Session

_FIELDS = (
    "a.id, a.uid, a.title, a.activity_type, a.level, a.parent_id, a.start_date, a.start_time, a.end_date,"
    " a.end_time, a.mode, a.city_code, a.venue_id, v.name, v.capacity, a.online_url, a.expected_participants,"
    " a.actual_participants, a.status"
).split(", ")
# `+a.programme_id`: a scan of the table in page order, not a walk of the (programme, start) index that
# fetches each row by its rowid (a third slower for a whole programme).
_OF_PROGRAMME = "FROM activity a LEFT JOIN venue v ON v.id = a.venue_id WHERE +a.programme_id = ?"
_ACTIVITIES = f"SELECT {', '.join(_FIELDS)} {_OF_PROGRAMME}"
# Some activities (ids in a JSON array) as one JSON array per column: those of _ACTIVITIES, whether it has a
# host (1 or 0), its undertakers' ids (an array, by id). SQLite makes them in one step, without the interpreter.
_HOSTED_ONE = "EXISTS (SELECT 1 FROM activity_organisation h WHERE h.activity_id = a.id AND h.role = 'host')"
_UNDERTAKERS_ONE = (
    "json((SELECT json_group_array(organisation_id) FROM (SELECT u.organisation_id FROM activity_organisation u"
    " WHERE u.activity_id = a.id AND u.role = 'undertaker' ORDER BY u.organisation_id)))"
)
# JSON holds every value exactly but a REAL (15 digits): one in a column of whole numbers (only ever stored
# by hand) is said by the last column, and the rows are then read as rows
_REAL = (
    "max(typeof(a.parent_id) = 'real' OR typeof(a.venue_id) = 'real' OR typeof(v.capacity) = 'real'"
    " OR typeof(a.expected_participants) = 'real' OR typeof(a.actual_participants) = 'real')"
)
_AS_JSON = (
    f"SELECT {', '.join(f'json_group_array({c})' for c in (*_FIELDS, _HOSTED_ONE, _UNDERTAKERS_ONE))},"
    f" {_REAL} {_OF_PROGRAMME} AND a.id IN (SELECT value FROM json_each(?))"
)
# the links of every programme, by role: cheaper than joining each to its activity for this programme's
# (five times, for a whole programme); the rows below only look up their own
_HOSTED = "SELECT DISTINCT activity_id FROM activity_organisation WHERE role = 'host'"
UNDERTAKERS = "SELECT activity_id, organisation_id FROM activity_organisation WHERE role = 'undertaker'"
_BY_ORGANISATION = " ORDER BY activity_id, organisation_id"  # SQLite's order (its index), on a server too
_NAMES = "SELECT id, name FROM organisation"
_CHUNK = 500  # ids per statement when only some activities are read


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
    # not empty when the activity has a host (the checks only ask whether there is one)
    hosts: tuple[int, ...]
    undertakers: tuple[str, ...]
    undertaker_ids: tuple[int, ...]


def check_rows_of(session: Session, programme_id: int) -> list[CheckRow]:
    """All activities of a programme as CheckRows (by id), read through the DB-API cursor of the session's
    own connection (SQLAlchemy's row objects would triple the time on 50,000 rows)."""
    from lifelong_desktop.db.rawsql import raw_cursor

    return check_rows_from(raw_cursor(session.connection()), programme_id)


def check_rows_from(cursor: Any, programme_id: int, ids: Collection[int] | None = None) -> list[CheckRow]:
    """The activities of a programme (all, or those of `ids`) as CheckRows (by id), through a DB-API cursor
    taking `?` markers and giving dates and times as ISO text (sqlite3's, or db.rawsql's on a server); the
    cursor is closed."""
    try:
        if ids is None:
            hosted = {r[0] for r in cursor.execute(_HOSTED)}
            links = cursor.execute(UNDERTAKERS + _BY_ORGANISATION).fetchall()
            org_names = dict(cursor.execute(_NAMES).fetchall())
            raw = cursor.execute(_ACTIVITIES, (programme_id,)).fetchall()
        else:
            hosted, links, raw = set(), [], []
            ordered = sorted(ids)
            for i in range(0, len(ordered), _CHUNK):
                chunk = ordered[i : i + _CHUNK]
                among = f" AND activity_id IN ({','.join('?' * len(chunk))})"
                hosted.update(r[0] for r in cursor.execute(_HOSTED + among, chunk))
                links.extend(cursor.execute(UNDERTAKERS + among + _BY_ORGANISATION, chunk).fetchall())
                raw.extend(
                    cursor.execute(_ACTIVITIES + among.replace("activity_id", "a.id"), (programme_id, *chunk))
                )
            org_names = dict(cursor.execute(_NAMES).fetchall())
    finally:
        cursor.close()
    return _check_rows(raw, hosted, links, org_names)


def read_json(cursor: sqlite3.Cursor, programme_id: int, ids: Collection[int]) -> tuple[str, ...] | None:
    """The activities of `ids` as JSON text (see _AS_JSON) for rows_from_json, from SQLite in one step that
    lets go of the interpreter (a thread reads them while another works); None when JSON cannot hold their
    values exactly (see _REAL): read them with check_rows_from then."""
    try:
        *texts, real = cursor.execute(_AS_JSON, (programme_id, json.dumps(sorted(ids)))).fetchone()
    except sqlite3.OperationalError:  # a BLOB
        return None
    return None if real else tuple(texts)


def rows_from_json(cursor: Any, texts: tuple[str, ...]) -> list[CheckRow]:
    """The CheckRows (by id) of what read_json gave; `cursor` reads the organisations' names."""
    *fields, hosts, undertakers = map(json.loads, texts)
    hosted = set(compress(fields[0], hosts))
    links = [(a, org) for a, orgs in zip(fields[0], undertakers, strict=True) for org in orgs]
    return _check_rows(
        list(zip(*fields, strict=True)), hosted, links, dict(cursor.execute(_NAMES).fetchall())
    )


def _check_rows(raw: list, hosted: set[int], links: list, org_names: dict[int, str]) -> list[CheckRow]:
    under_ids: dict[int, list[int]] = {}
    for act_id, org_id in links:
        under_ids.setdefault(act_id, []).append(org_id)
    city_names, dates, times = RegionNames(), StoredDates(), StoredTimes()
    names: dict[tuple, tuple] = {(): ()}  # one tuple per distinct list of undertakers
    out: list[CheckRow] = []
    append, new, none, yes = out.append, tuple.__new__, (), (0,)
    for r in raw:
        aid = r[0]
        city, first, last, start, end = r[11], r[6], r[8], r[7], r[9]
        if aid in under_ids:
            ids = tuple(under_ids[aid])
            found = tuple(map(org_names.__getitem__, ids))
            found = names.setdefault(found, found)
        else:
            ids = found = none
        # fmt: off
        append(new(CheckRow, (
            aid, r[1], r[2] or "", r[3], r[4], r[5], dates[first], times[start], dates[last], times[end],
            r[10], city, city_names[city], r[12], r[13] or "", r[14], r[15] or "", r[16], r[17], r[18] or "",
            yes if aid in hosted else none, found, ids,
        )))
        # fmt: on
    out.sort(key=by_id)  # already so on SQLite (rowid order); a server's table order is its own
    return out


#: The order the checks read rows in. Findings that list several activities are the same for rows by id and
#: rows by start date, then id (the programme index's order, which the checks read before).
by_id = attrgetter("id")


def in_check_order(row: CheckRow) -> tuple:
    """The order findings list activities in (start date, then id), whichever way the rows were read."""
    return (row.start_date, row.id)
