"""Summaries by city, type and ISO week equal direct counts; city returns show the latest one or none."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from lifelong_desktop.models import Activity
from lifelong_desktop.services.returns import lower_regions
from lifelong_desktop.services.summary import iso_week, summarise
from tests.helpers.plan_data import ANSHAN, DALIAN, SHENYANG, make_plan

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


def test_summary_equals_direct_counts(db):
    ids = make_plan(db)
    with db.read() as s:
        summary = summarise(s, ids["programme"])
        direct = {
            c: (n, e)
            for c, n, e in s.execute(
                select(
                    Activity.city_code,
                    func.count(),
                    func.coalesce(func.sum(Activity.expected_participants), 0),
                ).group_by(Activity.city_code)
            )
        }
    cities = {r.key: r for r in summary.by_city}
    assert len(summary.by_city) == 14  # every city of Liaoning, with or without activities
    for code, (n, expected) in direct.items():
        assert (cities[code].activities, cities[code].expected) == (n, expected)
    assert cities["210400"].activities == 0 and cities[SHENYANG].label == "沈阳市"
    assert cities[DALIAN].online == 200 and cities[ANSHAN].online == 3000
    assert cities[SHENYANG].actual == 480
    types = {r.key: r.activities for r in summary.by_type}
    assert types == {"lecture": 2, "opening_ceremony": 1, "exhibition": 1, "reading": 1, "online_course": 1}
    assert summary.by_type[0].key == "lecture"
    assert summary.total.activities == 6 and summary.total.expected == 500 + 80 + 1000 + 40 + 30
    assert sum(r.activities for r in summary.by_week) == 6


def test_weeks_are_iso_weeks_with_their_days(db):
    ids = make_plan(db)
    with db.read() as s:
        weeks = summarise(s, ids["programme"]).by_week
    assert [w.key for w in weeks] == ["2024-W43", "2024-W44", "2024-W45"]
    assert [w.activities for w in weeks] == [3, 2, 1]  # by start date: Sat 26th, Sun 27th in W43
    assert weeks[0].first_day == date(2024, 10, 21) and weeks[0].last_day == date(2024, 10, 27)
    assert iso_week(date(2024, 12, 30)) == ("2025-W01", date(2024, 12, 30))


def test_excluding_cancelled(db):
    ids = make_plan(db)
    with db.read() as s:
        summary = summarise(s, ids["programme"], exclude_cancelled=True)
    assert summary.total.activities == 5


def test_lower_regions_of_the_programme_are_the_rows_of_the_city_summary(db):
    ids = make_plan(db)
    with db.read() as s:
        summary = summarise(s, ids["programme"])
    assert [r.key for r in summary.by_city] == [c for c, _ in lower_regions("210000")]
