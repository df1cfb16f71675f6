"""Which activities the checks need to read in full: those a rule may report, and those it compares them with.

Reading every activity of a large programme in full (its uid, title, venue, organisers ...) and running each
rule over all of them costs most of `lifelong check`. Most rules look at one activity at a time and are
asked of the database directly (standard SQL that SQLite and PostgreSQL both run); the rules that compare
activities (holidays by date range, duplicates, venue double bookings) go over a narrow read of the live
activities. The rules themselves then run, unchanged, over the activities found here: each is given every
activity that any finding names and every activity it compares them with, so the findings are exactly
those of all activities (tests/unit/test_checks_narrowing.py compares them on both stores).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from typing import Any, NamedTuple

from lifelong_desktop.services.checks.finding import PlanWindow
from lifelong_desktop.services.checks.holidays import holiday_year, special_days
from lifelong_desktop.services.checks.rules import comparable_title
from lifelong_desktop.services.occurrences import overlapping_pairs

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
WHERE +a.programme_id = ? AND (({missing}) OR ({capacity}) OR ({results}){window})
"""
_SUB_VENUES = """
SELECT a.id, p.id FROM activity a JOIN activity p ON p.id = a.parent_id
WHERE +a.programme_id = ? AND p.programme_id = ? AND a.status <> 'cancelled'
  AND (a.start_date < p.start_date OR a.end_date > p.end_date)
"""
# the undertakers of every programme (a join to this programme's activities costs more than it saves)
_UNDERTAKERS = "SELECT activity_id, organisation_id FROM activity_organisation WHERE role = 'undertaker'"
# the live activities, narrow, for the rules that compare them
_LIVE = """
SELECT id, title, start_date, end_date, start_time, end_time, venue_id, city_code, mode
FROM activity WHERE +programme_id = ? AND status <> 'cancelled'
"""


class Span(NamedTuple):
    """When an activity runs (what occurrences.overlaps reads)."""

    id: int
    start_date: date
    start_time: time | None
    end_date: date
    end_time: time | None


def candidate_ids(cursor: Any, programme_id: int, window: PlanWindow, today: date) -> set[int] | None:
    """The ids of the activities the checks must read in full for the findings of all of them; None when
    that is most of them (reading them all is then quicker than picking them)."""
    found = set(_single_ids(cursor, programme_id, window, today))
    for child, parent in cursor.execute(_SUB_VENUES, (programme_id, programme_id)).fetchall():
        found.add(child)
        found.add(parent)
    live = cursor.execute(_LIVE, (programme_id,)).fetchall()
    found.update(_undertaker_ids(live, cursor.execute(_UNDERTAKERS).fetchall()))
    spans = _spans(live)
    found.update(_holiday_ids(spans))
    found.update(_duplicate_ids(live, spans))
    found.update(_venue_ids(live, spans))
    return found if len(found) <= len(live) // 2 else None


def _single_ids(cursor: Any, programme_id: int, window: PlanWindow, today: date) -> Iterable[int]:
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
    sql = _SINGLE.format(missing=missing, capacity=_CAPACITY, results=_RESULTS, window=outside)
    return [r[0] for r in cursor.execute(sql, params).fetchall()]


def _undertaker_ids(live: list[tuple], links: list[tuple[int, int]]) -> list[int]:
    """Live, not online activities of an organisation that undertakes such activities in more than one city
    (conflicts.check_undertakers compares only those organisations' activities)."""
    city = {r[0]: r[7] for r in live if r[8] != "online"}
    cities: dict[int, set[str | None]] = {}
    undertaken: dict[int, list[int]] = {}
    for act_id, org_id in links:
        if act_id in city:
            cities.setdefault(org_id, set()).add(city[act_id])
            undertaken.setdefault(org_id, []).append(act_id)
    return [i for org_id, ids in undertaken.items() if len(cities[org_id]) > 1 for i in ids]


def _spans(live: list[tuple]) -> list[Span]:
    """The live activities' dates and times (each distinct text parsed once), in the order read."""
    dates: dict[str, date] = {}
    times: dict[str | None, time | None] = {None: None}
    out = []
    for aid, _title, first, last, start, end, *_rest in live:
        if first not in dates:
            dates[first] = date.fromisoformat(first[:10])
        if last not in dates:
            dates[last] = date.fromisoformat(last[:10])
        if start not in times:
            times[start] = time.fromisoformat(start)
        if end not in times:
            times[end] = time.fromisoformat(end)
        out.append(Span(aid, dates[first], times[start], dates[last], times[end]))
    return out


def _holiday_ids(spans: list[Span]) -> list[int]:
    """Live activities on a special day, or in a year without published arrangements (rules.check_holidays)."""
    flagged: dict[tuple[date, date], bool] = {}
    out = []
    for s in spans:
        key = (s.start_date, s.end_date)
        hit = flagged.get(key)
        if hit is None:
            years = range(s.start_date.year, s.end_date.year + 1)
            unknown = any(not holiday_year(y).published for y in years)
            hit = flagged[key] = unknown or bool(special_days(*key))
        if hit:
            out.append(s.id)
    return out


def _duplicate_ids(live: list[tuple], spans: list[Span]) -> list[int]:
    """Live activities sharing a comparable title, start date and city with another (rules.check_duplicates)."""
    comparable: dict[str, str] = {}
    groups: dict[tuple[str, date, str], list[int]] = {}
    for r, s in zip(live, spans, strict=True):
        title = r[1] or ""
        key = comparable.get(title)
        if key is None:
            key = comparable[title] = comparable_title(title)
        if key:
            groups.setdefault((key, s.start_date, r[7] or ""), []).append(s.id)
    return [i for ids in groups.values() if len(ids) > 1 for i in ids]


def _venue_ids(live: list[tuple], spans: list[Span]) -> set[int]:
    """Live, not online activities at one venue whose times overlap another's (conflicts.check_venues)."""
    by_venue: dict[int, list[Span]] = {}
    for r, s in zip(live, spans, strict=True):
        if r[6] is not None and r[8] != "online":
            by_venue.setdefault(r[6], []).append(s)
    out: set[int] = set()
    for group in by_venue.values():
        if len(group) > 1:
            for a, b in overlapping_pairs(group):
                out.add(a.id)
                out.add(b.id)
    return out
