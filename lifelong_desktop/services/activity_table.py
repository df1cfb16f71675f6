"""The Activities table's rows, read through a plain DB-API cursor: no SQLAlchemy and no models here.

The table loads 50,000 of them at every start, partly in a child forked before Qt loads (services/rows_ahead),
which imports this module alone: SQLAlchemy and the models would cost that child a third of a second."""

from __future__ import annotations

import gc
from datetime import date, datetime, time
from typing import Any, NamedTuple

from lifelong_desktop.services.regions import regions


class ActivityRow(NamedTuple):
    """Everything one activity shows, with names resolved (organisers by role, in order).

    A named tuple, not a dataclass (the registers' rows below are): the Activities table builds 50,000 of
    them at every start, and a tuple is made in one step where a frozen dataclass sets forty attributes one
    by one (a fifth of the table's load). Immutable all the same; `_replace` makes a changed copy."""

    id: int
    uid: str
    programme_id: int
    title: str
    activity_type: str | None
    level: str | None
    parent_id: int | None
    parent_uid: str | None
    start_date: date
    start_time: time | None
    end_date: date
    end_time: time | None
    mode: str | None
    city_code: str | None
    city_name: str
    county_code: str | None
    county_name: str
    venue_id: int | None
    venue_name: str
    venue_capacity: int | None
    address: str
    online_url: str
    hosts: tuple[str, ...]
    undertakers: tuple[str, ...]
    co_organisers: tuple[str, ...]
    host_ids: tuple[int, ...]
    undertaker_ids: tuple[int, ...]
    co_organiser_ids: tuple[int, ...]
    audiences: tuple[str, ...]
    expected_participants: int | None
    actual_participants: int | None
    online_participants: int | None
    status: str
    featured: bool
    contact_name: str
    contact_phone: str
    description: str
    source_submission_id: int | None
    updated_at: datetime | None
    version: int
    result_note: str = ""  # how it went (结果说明), entered after the week

    @property
    def all_day(self) -> bool:
        return self.start_time is None and self.end_time is None

    @property
    def organisation_ids(self) -> frozenset[int]:
        return frozenset(self.host_ids + self.undertaker_ids + self.co_organiser_ids)


_TABLE_SQL = """
SELECT a.id, a.uid, a.programme_id, a.title, a.activity_type, a.level, a.parent_id, p.uid, a.start_date,
       a.start_time, a.end_date, a.end_time, a.mode, a.city_code, a.county_code, a.venue_id, v.name, v.capacity,
       a.address, a.online_url, a.audiences, a.expected_participants, a.actual_participants,
       a.online_participants, a.status, a.featured, a.contact_name, a.contact_phone, a.description,
       a.source_submission_id, a.updated_at, a.version, a.result_note
FROM activity a LEFT JOIN venue v ON v.id = a.venue_id LEFT JOIN activity p ON p.id = a.parent_id
WHERE +a.programme_id = ?
"""
# `+a.programme_id`: a scan in page order, a quarter quicker for a whole programme than a walk of the
# (programme, start) index fetching each row by rowid. The links of a whole programme are read for every
# programme (each row looks up its own): quicker than selecting them through the programme's activities.
_TABLE_LINKS = "SELECT ao.activity_id, ao.role_rank, ao.organisation_id FROM activity_organisation ao"
# each role's list read in order; the order of the primary key (SQLite walks it, no sort), roles apart
_LINKS_ORDER = " ORDER BY ao.activity_id, ao.role, ao.position"


_EMPTY: tuple = ()
_MIDNIGHT = time(0)


def programme_query(year: int | None = None, columns: str = "id") -> tuple[str, tuple]:
    """Plain SQL and its parameters for the programme services.programmes.get_programme picks: that of `year`,
    else the latest (years are unique). For readers without SQLAlchemy: `lifelong check`'s plain read and the
    rows read ahead for the window or an import."""
    if year is None:
        return f"SELECT {columns} FROM programme ORDER BY year DESC LIMIT 1", ()
    return f"SELECT {columns} FROM programme WHERE year = ? LIMIT 1", (year,)


def programme_rows(cursor: Any, programme_id: int) -> list[ActivityRow]:
    """Every activity of a programme as rows, in the format's sort order, through a DB-API cursor with `?`
    markers (the session's raw cursor, or a plain sqlite3 cursor of another thread's connection)."""
    return rows_between(cursor, programme_id, None, None)


def _link_rows(
    cursor: Any, only_links: str, args: tuple
) -> dict[int, tuple[list[int], list[int], list[int]]]:
    """The organiser links of the activities read: per activity, the organisation ids of each role (host,
    undertaker, co-organiser: the role's rank) in their order."""
    links: dict[int, tuple[list[int], list[int], list[int]]] = {}
    known = links.get
    for act_id, rank, org_id in cursor.execute(_TABLE_LINKS + only_links + _LINKS_ORDER, args):
        roles = known(act_id)
        if roles is None:
            roles = links[act_id] = ([], [], [])
        roles[rank].append(org_id)
    return links


def _organisers_of(shared: dict, org_names: dict[int, str]) -> tuple[dict, Any]:
    """Per distinct list of organisation ids (of one role): that list and its names, each one shared object;
    the dict (`.get` it first) and what adds a list to it."""
    one = shared.setdefault
    known: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[str, ...]]] = {_EMPTY: (_EMPTY, _EMPTY)}

    def add(ids: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[str, ...]]:
        found = tuple(map(org_names.__getitem__, ids))
        known[ids] = got = (ids, one(found, found))
        return got

    return known, add


def rows_between(cursor: Any, programme_id: int, after: int | None, upto: int | None) -> list[ActivityRow]:
    """programme_rows of the activities whose id is above `after` and at most `upto` (None: no bound there):
    a share of the table read in another process (services/rows_ahead)."""
    paused = gc.isenabled()
    gc.disable()  # 50,000 new rows hold no cycles: the collector's passes would only cost time
    try:
        return _rows_of(cursor, programme_id, None, (after, upto))
    finally:
        if paused:
            gc.enable()


def _rows_of(
    cursor: Any,
    programme_id: int,
    ids: list[int] | None,
    between: tuple[int | None, int | None] | None = None,
) -> list[ActivityRow]:
    only = "" if ids is None else f" AND a.id IN ({','.join('?' * len(ids))})"
    only_links = "" if ids is None else f" WHERE ao.activity_id IN ({','.join('?' * len(ids))})"
    args = (programme_id, *(ids or ()))
    link_args: tuple = tuple(ids or ())
    if between is not None:  # an id range: the rows (by rowid) and their links (by the key's first column)
        conditions = [
            (f"{{}} {op} ?", v) for op, v in zip((">", "<="), between, strict=True) if v is not None
        ]
        only = "".join(" AND " + c.format("a.id") for c, _ in conditions)
        only_links = (
            " WHERE " + " AND ".join(c.format("ao.activity_id") for c, _ in conditions) if conditions else ""
        )
        link_args = tuple(v for _, v in conditions)
        args = (programme_id, *link_args)
    shared: dict = {}  # one object per repeated value (codes, names, lists): a third less memory
    org_names = {
        oid: shared.setdefault(name, name)
        for oid, name in cursor.execute("SELECT id, name FROM organisation")
    }
    links = _link_rows(cursor, only_links, link_args)
    out = _build_rows(cursor.execute(_TABLE_SQL.strip() + only, args), links, org_names, shared)
    out.sort(key=sort_key)
    return out


class StoredDates(dict):
    """Stored date texts (a datetime's too) to dates, `memo[text]`, each distinct text parsed once: a hit is a
    plain dict lookup, in the hot loops that build 50,000 rows (here and services/checks/load)."""

    def __missing__(self, text: str) -> date:
        value = self[text] = date.fromisoformat(text[:10])
        return value


class StoredTimes(dict):
    """Stored time texts to times (None stays None), `memo[text]`, each distinct text parsed once."""

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, text: str) -> time:
        value = self[text] = time.fromisoformat(text)
        return value


class RegionNames(dict):
    """Region codes to their names (None to ''), `memo[code]`, each code looked up once."""

    def __init__(self) -> None:
        super().__init__({None: ""})
        self._name = regions().name

    def __missing__(self, code: str) -> str:
        value = self[code] = self._name(code)
        return value


def _build_rows(raw: Any, links: dict, org_names: dict[int, str], shared: dict) -> list[ActivityRow]:
    """ActivityRows from the table query's rows, each repeated value (code, name, title, description, number,
    date, list) one object: 50,000 activities share a few thousand descriptions and titles."""
    one = shared.setdefault
    ints: dict[int | None, int | None] = {}
    num = ints.setdefault  # ints past CPython's small-int cache (venue ids, head counts): one object each
    organisers, add_organisers = _organisers_of(shared, org_names)
    known = organisers.get
    names, dates, times = RegionNames(), StoredDates(), StoredTimes()
    lists: dict[str | None, tuple[str, ...]] = {None: ()}
    stamps: dict[str | None, datetime | None] = {}
    out = []
    new = tuple.__new__  # ActivityRow's fields in order, made in one step
    for r in raw:
        roles = links.pop(r[0], None)
        if roles:
            h, u, c = tuple(roles[0]), tuple(roles[1]), tuple(roles[2])
            hosts, host_names = known(h) or add_organisers(h)
            unders, under_names = known(u) or add_organisers(u)
            cos, co_names = known(c) or add_organisers(c)
        else:
            hosts = unders = cos = host_names = under_names = co_names = _EMPTY
        if r[20] not in lists:
            lists[r[20]] = tuple(one(a, a) for a in r[20].split(";") if a)
        if r[30] not in stamps:
            stamps[r[30]] = datetime.fromisoformat(r[30]) if r[30] else None
        # fmt: off
        out.append(new(ActivityRow, (
            r[0], r[1], r[2], one(r[3], r[3]), one(r[4], r[4]), one(r[5], r[5]), r[6], r[7], dates[r[8]],
            times[r[9]], dates[r[10]], times[r[11]], one(r[12], r[12]), one(r[13], r[13]), names[r[13]],
            one(r[14], r[14]), names[r[14]], num(r[15], r[15]), one(r[16], r[16]) or "", num(r[17], r[17]),
            one(r[18], r[18]) or "", one(r[19], r[19]) or "", host_names, under_names, co_names, hosts, unders,
            cos, lists[r[20]], num(r[21], r[21]), num(r[22], r[22]), num(r[23], r[23]), one(r[24], r[24]),
            bool(r[25]), one(r[26], r[26]) or "", one(r[27], r[27]) or "", one(r[28], r[28]) or "", r[29],
            stamps[r[30]], r[31], one(r[32], r[32]) or "",
        )))
        # fmt: on
    return out


def sort_key(row: ActivityRow) -> tuple:
    """Format section 9 order: start date, start time (all-day first), city code, title by code point."""
    return (
        row.start_date,
        row.start_time is not None,
        row.start_time or _MIDNIGHT,
        row.city_code or "",
        row.title,
    )
