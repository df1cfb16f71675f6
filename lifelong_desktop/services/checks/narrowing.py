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
from datetime import date
from typing import Any

from lifelong_desktop.services.checks.compared import COLUMNS, compared_ids
from lifelong_desktop.services.checks.finding import PlanWindow

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
_LIVE = f"SELECT {COLUMNS} FROM activity WHERE +programme_id = ? AND status <> 'cancelled'"


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
    found.update(compared_ids(live, cursor.execute(_UNDERTAKERS).fetchall()))
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
