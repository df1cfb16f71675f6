"""Which activities the checks need to read in full: those a rule may report, and those it compares them with.

Reading every activity of a large programme in full (its uid, title, venue, organisers ...) and running each
rule over all of them costs most of `lifelong check`. The rules that look at one activity at a time, holidays
included (the special days of the programme's years), are asked of the database directly (standard SQL that
SQLite and PostgreSQL both run); the rules that compare activities (duplicates, venue and undertaker double
bookings) go over a narrow read of the live activities (compared.py). The rules themselves then run, unchanged, over the activities found here: each is given every
activity that any finding names and every activity it compares them with, so the findings are exactly
those of all activities (tests/unit/test_checks_narrowing.py compares them on both stores).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from lifelong_desktop.services.checks.compared import COLUMNS, compared_ids
from lifelong_desktop.services.checks.finding import PlanWindow
from lifelong_desktop.services.checks.holidays import special_spans
from lifelong_desktop.services.checks.load import (
    UNDERTAKERS,
    CheckRow,
    by_id,
    check_rows_from,
    read_json,
    rows_from_json,
)
from lifelong_desktop.services.regions import regions

#: the rules (rules.all_rules, conflicts.all_conflicts) whose activities candidate_ids picks: a new rule needs
#: its condition or pass here too (a test compares this list with the rules the runner calls)
COVERED = (
    "check_missing",
    "check_capacity",
    "check_window",
    "check_holidays",
    "check_sub_venues",
    "check_results",
    "check_duplicates",
    "check_venues",
    "check_undertakers",
)

# Rules on one activity, asked of the database. Each condition is true for every activity its rule reports
# (missing fields: also for some it does not; the rule decides), see rules.py for the rules themselves.
_MISSING = """
    a.title IS NULL OR a.title = '' OR a.activity_type IS NULL OR a.activity_type = '' OR a.level IS NULL
    OR a.level = '' OR a.mode IS NULL OR a.mode = '' OR a.city_code IS NULL OR a.city_code = ''
    OR a.status = ''
    OR a.id NOT IN (SELECT h.activity_id FROM activity_organisation h WHERE h.role = 'host')
    OR (a.mode <> 'online' AND (v.name IS NULL OR v.name = ''))
    OR (a.mode <> 'offline' AND (a.online_url IS NULL OR a.online_url = ''
        OR SUBSTR(a.online_url, 1, 1) IN ({spaces})))
"""
#: the characters str.strip() takes away (str.isspace; none above U+3000): a link of only these starts with one
SPACES = tuple(chr(c) for c in range(0x3001) if chr(c).isspace())
_CAPACITY = """
    a.status <> 'cancelled' AND v.capacity IS NOT NULL AND a.expected_participants IS NOT NULL
    AND (a.mode IS NULL OR a.mode <> 'online') AND a.expected_participants > v.capacity
"""
_RESULTS = """
    (a.end_date < ? AND a.status NOT IN ('held', 'cancelled'))
    OR (a.status = 'held' AND a.actual_participants IS NULL)
"""
_SINGLE = """
SELECT a.id FROM activity a LEFT JOIN venue v ON v.id = a.venue_id
WHERE +a.programme_id = ? AND (({missing}) OR ({capacity}) OR ({results}){window}
    OR (a.status <> 'cancelled' AND ({holidays})))
"""
# The years whose holidays are asked of the database: the programme's, the one before and the one after; live
# activities beyond them are read in full (rules.check_holidays decides), see _holidays
_YEAR = "SELECT year FROM programme WHERE id = ?"
_SUB_VENUES = """
SELECT a.id, p.id FROM activity a JOIN activity p ON p.id = a.parent_id
WHERE +a.programme_id = ? AND p.programme_id = ? AND a.status <> 'cancelled'
  AND (a.start_date < p.start_date OR a.end_date > p.end_date)
"""
_COUNT = "SELECT COUNT(*) FROM activity WHERE programme_id = ?"
# the live activities, narrow, for the rules that compare them: from SQLite each column as one JSON array (made
# without the interpreter, in one step: an object per row and per value costs more than the reading)
_LIVE_OF = "FROM activity WHERE +programme_id = ? AND status <> 'cancelled'"
_LIVE = f"SELECT {', '.join(COLUMNS)} {_LIVE_OF}"
_LIVE_COLUMNS = (  # and whether a venue id is a REAL (stored by hand): JSON would keep 15 digits of it
    f"SELECT {', '.join(f'json_group_array({c})' for c in COLUMNS)}, max(typeof(venue_id) = 'real') {_LIVE_OF}"
)
_UNDERTAKER_COLUMNS = (
    "SELECT json_group_array(activity_id), json_group_array(organisation_id) FROM activity_organisation"
    " WHERE role = 'undertaker'"
)
_TITLES = COLUMNS.index("title")  # decoded where the duplicates are looked for (compared.compared_ids)
_PART = 8192  # live rows read at a time (between them, the reader may learn that it is all to be read)


def candidate_ids(
    cursor: Any, programme_id: int, window: PlanWindow, today: date, beside: Any = None
) -> set[int] | None:
    """The ids of the activities the checks must read in full for the findings of all of them; None when
    that is many of them (reading them all is then quicker than picking them: a programme with problems
    everywhere costs no more than before), known as early as can be. `beside`: a cursor reading the same
    state as `cursor` (db.preflight.PlainFile.begin) that asks the conditions on single activities in a
    thread meanwhile (SQLite lets go of the interpreter while it works), or None; with it (a command's own
    process, not the window), part of the narrow pass may run in a child process (compared.compared_ids)."""
    return _candidates(cursor, programme_id, window, today, beside)[0]


def candidate_rows(
    cursor: Any, programme_id: int, window: PlanWindow, today: date, beside: Any = None
) -> list[CheckRow]:
    """check_rows_from the activities of candidate_ids (all when None); the cursor is closed. With `beside`,
    those the conditions on single activities find are read in its thread too, while this one compares; the
    region list the rows name their cities from is loaded in a thread of its own, while SQLite reads."""
    if beside is not None:
        threading.Thread(target=_load_regions, daemon=True).start()
    ids, early = _candidates(cursor, programme_id, window, today, beside)
    if ids is None or early is None:
        return check_rows_from(cursor, programme_id, ids)
    found, texts = early
    rows = rows_from_json(cursor, texts) + check_rows_from(cursor, programme_id, ids - found)
    rows.sort(key=by_id)
    return rows


def _load_regions() -> None:
    """The region list loaded ahead (a failure is met again where the rows need it, and said there)."""
    with contextlib.suppress(Exception):
        regions()


def _candidates(
    cursor: Any, programme_id: int, window: PlanWindow, today: date, beside: Any
) -> tuple[set[int] | None, tuple[set[int], tuple[str, ...]] | None]:
    """candidate_ids, and those the single-activity conditions found as load.read_json read them beside."""
    total = cursor.execute(_COUNT, (programme_id,)).fetchone()[0]
    early = None
    if beside is None:
        single = _single(cursor, programme_id, window, today, total // 3 + 1)
        compared = None if single is None else _compared(cursor, programme_id, lambda: False, aside=False)
    else:
        asked = _Beside(_single_read, beside, programme_id, window, today, total // 3 + 1)
        compared = _compared(cursor, programme_id, asked.gave_up, aside=True)
        single, texts = asked.result() or (None, None)
        early = None if single is None or texts is None else (single, texts)
    if single is None or compared is None:
        return None, None
    found = single | compared
    return (found, early) if len(found) * 2 <= total else (None, None)


def _single_read(cursor: Any, programme_id: int, window: PlanWindow, today: date, limit: int) -> Any:
    """_single, and the activities it found as load.read_json reads them; None when _single gives None."""
    found = _single(cursor, programme_id, window, today, limit)
    return None if found is None else (found, read_json(cursor, programme_id, found))


def _single(cursor: Any, programme_id: int, window: PlanWindow, today: date, limit: int) -> set[int] | None:
    """The activities rules on one activity may report, and sub-venues outside their main venue's dates with
    that main venue; None when that is more than `limit` - 1 of them."""
    found = set(_single_ids(cursor, programme_id, window, today, limit))
    if len(found) >= limit:  # (the statement stops at that many)
        return None
    for child, parent in cursor.execute(_SUB_VENUES, (programme_id, programme_id)).fetchall():
        found.add(child)
        found.add(parent)
    return found


def _compared(cursor: Any, programme_id: int, gave_up: Callable[[], bool], aside: bool) -> set[int] | None:
    """compared.compared_ids of the programme's live activities (`aside`: part in a child process, see
    there); None as soon as gave_up() says so."""
    read = _read_json(cursor, programme_id) if isinstance(cursor, sqlite3.Cursor) else None
    if read is None:  # a server, or a value JSON cannot hold
        return _compared_rows(cursor, programme_id, gave_up, aside)
    if gave_up():
        return None
    live = [text if n == _TITLES else json.loads(text) for n, text in enumerate(read[0])]  # see compared_ids
    links = list(map(json.loads, read[1]))
    return None if gave_up() else compared_ids(live, links, aside)


def _read_json(cursor: sqlite3.Cursor, programme_id: int) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The text of the JSON arrays of _LIVE_COLUMNS and _UNDERTAKER_COLUMNS; None when JSON cannot hold their
    values exactly."""
    try:
        *live, real = cursor.execute(_LIVE_COLUMNS, (programme_id,)).fetchone()
        links = cursor.execute(_UNDERTAKER_COLUMNS).fetchone()
    except sqlite3.OperationalError:  # a BLOB
        return None
    return None if real else (tuple(live), tuple(links))


def _compared_rows(
    cursor: Any, programme_id: int, gave_up: Callable[[], bool], aside: bool
) -> set[int] | None:
    """_compared through rows (a server's cursor)."""
    rows = cursor.execute(_LIVE, (programme_id,))
    read: list[tuple] = []
    while part := rows.fetchmany(_PART):
        read.extend(part)
        if gave_up():
            return None
    columns = list(zip(*read, strict=True)) or [()] * len(COLUMNS)
    links = list(zip(*cursor.execute(UNDERTAKERS).fetchall(), strict=True)) or [(), ()]
    return compared_ids(columns, links, aside)


class _Beside(threading.Thread):
    """A function of a cursor run in a thread of its own; result() waits for it and gives its value."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__(daemon=True)
        self._call = (fn, args)
        self._out: list[Any] = []
        self._error: list[BaseException] = []
        self.start()

    def run(self) -> None:
        fn, args = self._call
        try:
            self._out.append(fn(*args))
        except BaseException as exc:  # raised in the caller's thread by result()
            self._error.append(exc)

    def gave_up(self) -> bool:
        """Whether the function is done and found too many (None)."""
        return bool(self._out) and self._out[0] is None

    def result(self) -> Any:
        self.join()
        if self._error:
            raise self._error[0]
        return self._out[0]


def _single_ids(cursor: Any, programme_id: int, window: PlanWindow, today: date, limit: int) -> Iterable[int]:
    params: list[Any] = [programme_id, *SPACES, today.isoformat()]
    bounds = []
    if window.window_start is not None:
        bounds.append("a.start_date < ?")
        params.append(window.window_start.isoformat())
    if window.window_end is not None:
        bounds.append("a.end_date > ?")
        params.append(window.window_end.isoformat())
    outside = f" OR (a.status <> 'cancelled' AND ({' OR '.join(bounds)}))" if bounds else ""
    missing = _MISSING.format(spaces=",".join("?" * len(SPACES)))
    holidays, more = _holidays(cursor.execute(_YEAR, (programme_id,)).fetchone()[0])
    sql = _SINGLE.format(
        missing=missing, capacity=_CAPACITY, results=_RESULTS, window=outside, holidays=holidays
    )
    if isinstance(cursor, sqlite3.Cursor):  # one row: a thread of its own holds the interpreter only once
        (ids,) = cursor.execute(
            f"SELECT group_concat(id) FROM ({sql} LIMIT ?)", (*params, *more, limit)
        ).fetchone()
        return list(map(int, ids.split(","))) if ids else []
    return [r[0] for r in cursor.execute(sql + " LIMIT ?", (*params, *more, limit)).fetchall()]


def _holidays(year: int) -> tuple[str, list[str]]:
    """A condition true for the activities rules.check_holidays reports or lists under a year without
    published arrangements (and for those beyond the years asked), and its parameters: a one-day activity on
    a special day, a longer one meeting a span of them, any one in an unpublished year."""
    first, last = year - 1, year + 1
    days, runs, unknown = special_spans(first, last)
    terms = ["a.start_date < ? OR a.end_date > ?"]
    params = [date(first, 1, 1).isoformat(), date(last, 12, 31).isoformat()]
    if days:
        terms.append(f"a.start_date IN ({','.join('?' * len(days))})")
        params.extend(d.isoformat() for d in days)
    meets = "(a.start_date <= ? AND a.end_date >= ?)"
    for lo, hi in unknown:
        terms.append(meets)
        params.extend((hi.isoformat(), lo.isoformat()))
    if runs:
        terms.append(f"(a.end_date <> a.start_date AND ({' OR '.join([meets] * len(runs))}))")
        for lo, hi in runs:
            params.extend((hi.isoformat(), lo.isoformat()))
    return " OR ".join(terms), params
