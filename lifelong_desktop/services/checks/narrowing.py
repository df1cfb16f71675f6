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
_COUNT = "SELECT COUNT(*) FROM activity WHERE programme_id = ?"
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
    that is many of them (reading them all is then quicker than picking them: a programme with problems
    everywhere costs no more than before), known as early as can be."""
    total = cursor.execute(_COUNT, (programme_id,)).fetchone()[0]
    found = set(_single_ids(cursor, programme_id, window, today, total // 3 + 1))
    if len(found) > total // 3:  # (the statement stops at that many)
        return None
    for child, parent in cursor.execute(_SUB_VENUES, (programme_id, programme_id)).fetchall():
        found.add(child)
        found.add(parent)
    live = cursor.execute(_LIVE, (programme_id,)).fetchall()
    found.update(_compared_ids(live, cursor.execute(_UNDERTAKERS).fetchall()))
    return found if len(found) * 2 <= total else None


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
    sql = _SINGLE.format(missing=missing, capacity=_CAPACITY, results=_RESULTS, window=outside)
    return [r[0] for r in cursor.execute(sql + " LIMIT ?", (*params, limit)).fetchall()]


def _compared_ids(live: list[tuple], links: list[tuple[int, int]]) -> set[int]:
    """In one pass over the live activities: those on a special day or in a year without published
    arrangements (rules.check_holidays), those sharing a comparable title, start date and city with another
    (rules.check_duplicates), and, below, the venues' and undertakers' double bookings."""
    dates: dict[str, date] = {}
    times: dict[str | None, time | None] = {None: None}
    flagged: dict[tuple[str, str], bool] = {}
    comparable: dict[str, str] = {}
    groups: dict[tuple[str, date, str], list[int]] = {}
    by_venue: dict[int, list[Span]] = {}
    city: dict[int, str | None] = {}
    found: set[int] = set()
    for aid, title, first, last, start, end, venue, city_code, mode in live:
        if first not in dates:
            dates[first] = date.fromisoformat(first[:10])
        if last not in dates:
            dates[last] = date.fromisoformat(last[:10])
        day = dates[first]
        hit = flagged.get((first, last))
        if hit is None:
            hit = flagged[first, last] = _special(day, dates[last])
        if hit:
            found.add(aid)
        title = title or ""
        key = comparable.get(title)
        if key is None:
            key = comparable[title] = comparable_title(title)
        if key:
            groups.setdefault((key, day, city_code or ""), []).append(aid)
        if mode != "online":
            city[aid] = city_code
            if venue is not None:
                if start not in times:
                    times[start] = time.fromisoformat(start)
                if end not in times:
                    times[end] = time.fromisoformat(end)
                by_venue.setdefault(venue, []).append(Span(aid, day, times[start], dates[last], times[end]))
    found.update(i for ids in groups.values() if len(ids) > 1 for i in ids)
    found.update(_overlapping(by_venue))
    found.update(_undertaken(city, links))
    return found


def _special(first: date, last: date) -> bool:
    """Whether rules.check_holidays reports an activity of these dates (or lists it under a year)."""
    if any(not holiday_year(y).published for y in range(first.year, last.year + 1)):
        return True
    return bool(special_days(first, last))


def _overlapping(by_venue: dict[int, list[Span]]) -> set[int]:
    """Live, not online activities at one venue whose times overlap another's (conflicts.check_venues)."""
    out: set[int] = set()
    for group in by_venue.values():
        if len(group) > 1:
            for a, b in overlapping_pairs(group):
                out.add(a.id)
                out.add(b.id)
    return out


def _undertaken(city: dict[int, str | None], links: list[tuple[int, int]]) -> list[int]:
    """Live, not online activities of an organisation that undertakes such activities in more than one city
    (conflicts.check_undertakers compares only those organisations' activities)."""
    cities: dict[int, set[str | None]] = {}
    undertaken: dict[int, list[int]] = {}
    for act_id, org_id in links:
        if act_id in city:
            cities.setdefault(org_id, set()).add(city[act_id])
            undertaken.setdefault(org_id, []).append(act_id)
    return [i for org_id, ids in undertaken.items() if len(cities[org_id]) > 1 for i in ids]
