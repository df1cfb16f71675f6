"""Planning checks over a programme: run_checks() returns findings with codes, never sentences.

Codes and severities: venue_double_booked (error), capacity_exceeded (warning), outside_window (error),
public_holiday (warning), holiday_data_missing (info), organiser_double_booked (warning),
sub_venue_mismatch (warning), duplicate_suspect (warning), missing_for_submission (error),
unreported_result (warning). Sentences come from resources/i18n/messages/checks.json.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from lifelong_desktop.services.checks import conflicts as checks_conflicts
from lifelong_desktop.services.checks import rules as checks_rules
from lifelong_desktop.services.checks.finding import SEVERITIES, SEVERITY_RANK, CheckFinding, PlanWindow
from lifelong_desktop.services.checks.load import by_id
from lifelong_desktop.services.checks.narrowing import candidate_rows

if TYPE_CHECKING:  # `lifelong check` on a file runs through run_checks_on, without SQLAlchemy
    from sqlalchemy.orm import Session

__all__ = [
    "SEVERITIES",
    "CheckFinding",
    "PlanWindow",
    "check_loaded_rows",
    "check_rows",
    "count_by_severity",
    "run_checks",
    "run_checks_on",
]


def run_checks(session: Session, programme_id: int, *, today: date | None = None) -> list[CheckFinding]:
    """All planning checks of one programme, errors first, then by first activity date."""
    from lifelong_desktop.db.rawsql import raw_cursor

    window = _window(session, programme_id)
    cursor = raw_cursor(session.connection())
    return run_checks_on(cursor, programme_id, window, today=today or date.today())


def run_checks_on(
    cursor: Any, programme_id: int, window: PlanWindow, *, today: date, beside: Any = None
) -> list[CheckFinding]:
    """run_checks through a DB-API cursor (see load.check_rows_from) inside the caller's transaction: the
    same findings, for a reader that opened the file with sqlite3 alone. Only the few activities that
    narrowing.candidate_ids picks (all when many) are read in full; `beside`, a cursor reading the same
    state, lets it ask part of that in a thread meanwhile."""
    enabled = gc.isenabled()
    gc.disable()  # tens of thousands of small tuples: the cyclic collector would rescan them repeatedly
    try:
        return check_rows(candidate_rows(cursor, programme_id, window, today, beside), window, today=today)
    finally:
        if enabled:
            gc.enable()


def check_loaded_rows(
    session: Session, programme_id: int, rows: Sequence, *, today: date | None = None
) -> list[CheckFinding]:
    """run_checks over the programme's activities already in memory (the window's ActivityRows, all of
    them, current): the same findings, without reading the activities again."""
    window = _window(session, programme_id)
    return check_rows(sorted(rows, key=by_id), window, today=today or date.today())


def _window(session: Session, programme_id: int) -> PlanWindow:
    from sqlalchemy import select

    from lifelong_desktop.models import Programme

    prog = session.execute(
        select(Programme.window_start, Programme.window_end).where(Programme.id == programme_id)
    ).one()
    return PlanWindow(prog[0], prog[1])


def check_rows(rows: list, window: PlanWindow, *, today: date, rules: tuple = ()) -> list[CheckFinding]:
    """Run the given rule families over rows already loaded (CheckRows or ActivityRows), sorted."""
    out: list[CheckFinding] = []
    for rule in rules or (checks_rules.all_rules, checks_conflicts.all_conflicts):
        out.extend(rule(rows, window, today))
    first_date = {r.uid: r.start_date for r in rows}

    def order(f: CheckFinding) -> tuple:
        """Severity, then the first date of the activities named (most findings name one), code, uids."""
        uids = f.activity_ids
        first = (
            first_date[uids[0]]
            if len(uids) == 1
            else min(map(first_date.__getitem__, uids), default=date.min)
        )
        return (SEVERITY_RANK[f.severity], first, f.code, uids)

    out.sort(key=order)
    return out


def count_by_severity(findings: list[CheckFinding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        counts[f.severity] += 1
    return counts
