"""The Calendar, Checks and Summary tabs read the Activities table's rows (ctx.loaded_rows) instead of loading
their own: what they show is what they showed when they read the database, before and after edits and undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lifelong_desktop.db import open_database
from lifelong_desktop.services.calendar import CalendarIndex, calendar_rows
from lifelong_desktop.services.checks.runner import run_checks
from lifelong_desktop.services.demo.create import make_demo_database
from lifelong_desktop.services.programmes import get_programme
from lifelong_desktop.services.summary import summarise
from lifelong_desktop.ui.activities import commands as cmd
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.main_window import MainWindow

TODAY = date(2024, 12, 7)  # after the demo programme: results unreported, holidays, duplicates


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "demo.sqlite"
    make_demo_database(path, activities=600)
    db = open_database(path)
    with db.read() as session:
        programme_id = get_programme(session).id
    w = MainWindow(AppContext(db, programme_id), S.Settings())
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    yield w
    w.close()
    db.close()


def _view(window, name: str):
    return next(v for v in window.views if type(v).__name__ == name)


def _from_database(window) -> tuple[list, CalendarIndex]:
    with window.ctx.db.read() as session:
        findings = run_checks(session, window.ctx.programme_id, today=TODAY)
        index = CalendarIndex(calendar_rows(session, window.ctx.programme_id))
    return findings, index


def _entries(index: CalendarIndex, first: date, last: date) -> dict:
    return {d: [tuple(e) for e in entries] for d, entries in index.between(first, last).items()}


def _assert_same_as_database(window) -> None:
    checks, calendar = _view(window, "ChecksView"), _view(window, "CalendarView")
    checks._today = TODAY
    checks.refresh()
    calendar.refresh()
    findings, index = _from_database(window)
    assert checks.findings == findings
    summary, totals = _view(window, "SummaryView"), []
    for exclude in (False, True):
        summary.exclude_cancelled.setChecked(exclude)
        summary.refresh()
        with window.ctx.db.read() as session:
            assert summary.summary == summarise(session, window.ctx.programme_id, exclude_cancelled=exclude)
        totals.append(summary.summary.total.activities)
    assert totals[0] == window.activities.model.total_count > totals[1]  # the demo has cancelled ones
    summary.exclude_cancelled.setChecked(False)
    assert (calendar.index.count, calendar.index.first_day, calendar.index.last_day) == (
        index.count,
        index.first_day,
        index.last_day,
    )
    first = index.first_day
    assert first is not None and index.last_day is not None
    for start in (first, first + timedelta(days=40), index.last_day - timedelta(days=6)):
        assert _entries(calendar.index, start, start + timedelta(days=6)) == _entries(
            index, start, start + timedelta(days=6)
        )


def test_calendar_checks_and_summary_share_the_table_rows_and_show_what_the_database_holds(window):
    shared = window.ctx.loaded_rows
    assert shared is not None and len(shared()) == 600 == window.activities.model.total_count
    _assert_same_as_database(window)
    calendar = _view(window, "CalendarView")
    rows = {id(r) for r in shared()}
    assert all(id(r) in rows for r in calendar.index._short + calendar.index._long)  # the same objects


def test_after_an_edit_and_its_undo_the_shared_rows_are_current(window):
    checks = _view(window, "ChecksView")
    checks._today = TODAY
    checks.refresh()
    before = list(checks.findings)
    victims = [r.id for r in window.activities.model.all_rows()[:25]]
    cmd.DeleteActivities(window.ctx, victims).execute()
    assert window.activities.model.total_count == 575
    _assert_same_as_database(window)
    assert checks.findings != before
    window.ctx.undo_stack.undo()
    assert window.activities.model.total_count == 600
    _assert_same_as_database(window)
    assert checks.findings == before
