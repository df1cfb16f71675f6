"""The Activities table's rows: organisers by role in their stored order, whatever order the links are read in;
repeated values (descriptions, titles, organiser lists) one shared object each."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from lifelong_desktop.services.rows import activity_rows
from tests.helpers.plan_data import plan_fixture  # noqa: F401 - fixture

pytestmark = pytest.mark.stores

ROLES = {"host": "host_ids", "undertaker": "undertaker_ids", "co_organiser": "co_organiser_ids"}


def _links(session, activity_id: int) -> list[tuple[str, int, int]]:
    query = "SELECT role, position, organisation_id FROM activity_organisation WHERE activity_id = :a"
    return [tuple(r) for r in session.execute(text(query), {"a": activity_id})]


def test_organisers_come_in_their_positions_even_when_stored_the_other_way_round(db, plan):
    opening = plan["opening"]
    with db.transaction("test: links stored last position first") as s:
        links = _links(s, opening)
        assert len(links) == 5  # a host, two undertakers, two co-organisers
        s.execute(text("DELETE FROM activity_organisation WHERE activity_id = :a"), {"a": opening})
        rank = {"host": 0, "undertaker": 1, "co_organiser": 2}
        for role, position, org in sorted(links, key=lambda link: -link[1]):  # position 1 first
            s.execute(
                text(
                    "INSERT INTO activity_organisation (activity_id, role, position, organisation_id, role_rank)"
                    " VALUES (:a, :role, :position, :org, :rank)"
                ),
                {"a": opening, "role": role, "position": position, "org": org, "rank": rank[role]},
            )
    with db.read() as s:
        for row in [*activity_rows(s, plan["programme"]), *activity_rows(s, plan["programme"], [opening])]:
            if row.id != opening:
                continue
            for role, field in ROLES.items():
                assert getattr(row, field) == tuple(
                    o for r, _, o in sorted(links, key=lambda k: k[1]) if r == role
                )
            assert row.undertaker_ids == (plan["ou2"], plan["ou"])
            assert row.undertakers == ("辽宁 开放大学（沈阳）", "辽宁开放大学")


def test_repeated_values_are_one_object(db, plan):
    with db.transaction("test: one description twice") as s:
        s.execute(text("UPDATE activity SET description = :d"), {"d": "面向全体市民的终身学习活动"})
    with db.read() as s:
        rows = activity_rows(s, plan["programme"])
    assert len(rows) == 6 and len({id(r.description) for r in rows}) == 1
    by_hosts: dict[tuple, set[int]] = {}
    for r in rows:
        by_hosts.setdefault(r.host_ids, set()).add(id(r.host_ids))
    assert sum(r.host_ids == (plan["edu"],) for r in rows) >= 2  # the same hosts on several activities
    assert all(len(ids) == 1 for ids in by_hosts.values())
