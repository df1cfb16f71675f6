"""Calendar occurrences per day (multi-day activities daily) and a venue's bookings with clashes."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

import pytest

from lifelong_desktop.services.calendar import CalendarIndex, calendar_rows, venue_bookings
from lifelong_desktop.services.occurrences import occurrences
from lifelong_desktop.services.rows import ActivityRow, activity_rows
from tests.helpers.plan_data import make_plan

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


def row(i: int, start: date, days: int, venue: int | None = None, **kw) -> ActivityRow:
    base = dict(
        id=i,
        uid=str(i),
        programme_id=1,
        title=f"活动{i}",
        activity_type="lecture",
        level=None,
        parent_id=None,
        parent_uid=None,
        start_date=start,
        start_time=time(9),
        end_date=start + timedelta(days - 1),
        end_time=time(11),
        mode="offline",
        city_code="210100",
        city_name="沈阳市",
        county_code=None,
        county_name="",
        venue_id=venue,
        venue_name="",
        venue_capacity=None,
        address="",
        online_url="",
        hosts=(),
        undertakers=(),
        co_organisers=(),
        host_ids=(),
        undertaker_ids=(),
        co_organiser_ids=(),
        audiences=(),
        expected_participants=None,
        actual_participants=None,
        online_participants=None,
        status="planned",
        featured=False,
        contact_name="",
        contact_phone="",
        description="",
        source_submission_id=None,
        updated_at=None,
        version=1,
    )
    base.update(kw)
    return ActivityRow(**base)


def test_multi_day_activity_runs_every_day(db):
    ids = make_plan(db)
    with db.read() as s:
        light = calendar_rows(s, ids["programme"])
        index = CalendarIndex(light)
        assert len(calendar_rows(s, ids["programme"], venue_id=ids["dl"])) == 3
    assert {r.id: r.venue_name for r in light}[ids["expo"]] == "大连市文化馆"
    days = index.between(date(2024, 10, 26), date(2024, 11, 1))
    expo = [d for d, es in days.items() if any(e.activity_id == ids["expo"] for e in es)]
    assert expo == [date(2024, 10, 27) + timedelta(n) for n in range(4)]
    oct28 = days[date(2024, 10, 28)]
    assert [e.index for e in oct28 if e.activity_id == ids["expo"]] == [2]
    assert [e.title for e in oct28] == ["学习成果展", "读书会", "取消的讲座"]  # by start time
    assert days[date(2024, 11, 1)] == []
    assert index.first_day == date(2024, 10, 26) and index.last_day == date(2024, 11, 4)


def test_index_agrees_with_brute_force_including_long_activities():
    rnd = random.Random(7)
    first = date(2024, 4, 1)
    rows = [
        row(i, first + timedelta(rnd.randrange(200)), rnd.choice([1, 1, 2, 5, 20, 90])) for i in range(2000)
    ]
    index = CalendarIndex(rows)
    for _ in range(20):
        a = first + timedelta(rnd.randrange(220))
        b = a + timedelta(rnd.randrange(40))
        got = {d: sorted(e.activity_id for e in es) for d, es in index.between(a, b).items()}
        want = {a + timedelta(n): [] for n in range((b - a).days + 1)}
        for r in rows:
            for occ in occurrences(r, a, b):
                want[occ.day].append(r.id)
        assert got == {d: sorted(v) for d, v in want.items()}


def test_venue_bookings_mark_same_time_clashes_only(db):
    ids = make_plan(db)
    with db.read() as s:
        rows = activity_rows(s, ids["programme"])
    bookings = venue_bookings(rows, ids["dl"])
    assert [(b.entry.day.day, b.entry.activity_id) for b in bookings] == [
        (27, ids["expo"]),
        (28, ids["expo"]),
        (28, ids["reading"]),
        (28, ids["cancelled"]),
        (29, ids["expo"]),
        (30, ids["expo"]),
    ]
    clash = {(b.entry.day.day, b.entry.activity_id): b.clashes_with for b in bookings}
    assert clash[(28, ids["expo"])] == (ids["reading"],)  # 9-17 against 14-16
    assert clash[(28, ids["reading"])] == (ids["expo"],)
    assert clash[(28, ids["cancelled"])] == ()  # a cancelled activity holds no room
    assert clash[(27, ids["expo"])] == ()
    touching = [
        row(1, date(2024, 5, 1), 1, venue=9),
        row(2, date(2024, 5, 1), 1, venue=9, start_time=time(11), end_time=time(12)),
    ]
    assert not any(b.clash for b in venue_bookings(touching, 9))
