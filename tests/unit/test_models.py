"""The models' constraints hold in the database itself, and ORM edits are versioned and audited."""

from __future__ import annotations

import json
from datetime import date, time

import pytest
from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from lifelong_desktop.models import (
    Activity,
    ActivityOrganisation,
    AuditEntry,
    Organisation,
    Programme,
    Role,
    Venue,
    normalise_name,
)

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.fixture
def sessions(db):
    """Plain sessions on the test database (constraint errors arrive as IntegrityError, unwrapped)."""
    return sessionmaker(bind=db.engine, expire_on_commit=False)


@pytest.fixture
def programme_id(sessions):
    with sessions.begin() as s:
        p = Programme(region_code="210000", region_name="辽宁省", year=2024)
        s.add(p)
        s.flush()
        return p.id


def _activity(programme_id: int, **kw) -> Activity:
    values = dict(
        programme_id=programme_id,
        title="社区教育讲座",
        activity_type="lecture",
        level="community",
        start_date=date(2024, 5, 1),
        end_date=date(2024, 5, 1),
        mode="offline",
        city_code="210100",
    )
    values.update(kw)
    return Activity(**values)


def _fails(sessions, *objects) -> None:
    with pytest.raises(IntegrityError), sessions.begin() as s:
        s.add_all(objects)
        s.flush()


def _ok(sessions, *objects) -> None:
    with sessions.begin() as s:
        s.add_all(objects)


def test_end_date_before_start_date_is_refused(sessions, programme_id):
    _fails(sessions, _activity(programme_id, start_date=date(2024, 5, 2), end_date=date(2024, 5, 1)))
    _ok(sessions, _activity(programme_id, start_date=date(2024, 5, 1), end_date=date(2024, 5, 3)))


def test_one_day_activity_must_end_after_it_starts(sessions, programme_id):
    _fails(sessions, _activity(programme_id, start_time=time(10), end_time=time(9, 30)))
    _fails(sessions, _activity(programme_id, start_time=time(10), end_time=time(10)))
    _ok(sessions, _activity(programme_id, start_time=time(9), end_time=time(11)))
    _ok(sessions, _activity(programme_id, start_time=time(9), end_time=None))  # open end is allowed


@pytest.mark.parametrize("column", ["expected_participants", "actual_participants", "online_participants"])
def test_negative_participants_are_refused(sessions, programme_id, column):
    _fails(sessions, _activity(programme_id, **{column: -1}))
    _ok(sessions, _activity(programme_id, **{column: 0}))


def test_unknown_role_is_refused_by_the_database(sessions, programme_id):
    with sessions.begin() as s:
        act = _activity(programme_id)
        org = Organisation(name="沈阳市教育局", org_type="government")
        s.add_all([act, org])
        s.flush()
        ids = act.id, org.id
    row = {"activity_id": ids[0], "organisation_id": ids[1], "position": 0, "role_rank": 0}
    with pytest.raises(IntegrityError), sessions.begin() as s:
        s.execute(insert(ActivityOrganisation.__table__), [{**row, "role": "sponsor"}])
    with sessions.begin() as s:
        s.execute(insert(ActivityOrganisation.__table__), [{**row, "role": "host"}])
        assert s.scalar(select(func.count()).select_from(ActivityOrganisation)) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("国家电投集团（东北）", "国家电投集团(东北)"),
        ("沈阳市 教育局", "沈阳市教育局"),
        ("ABC学院", "abc学院"),
        ("辽宁\u3000开放大学", "辽宁开放大学"),
    ],
)
def test_organisation_names_are_unique_after_normalisation(sessions, first, second):
    assert normalise_name(first) == normalise_name(second)
    _ok(sessions, Organisation(name=first, org_type="other"))
    with sessions() as s:
        assert s.scalars(select(Organisation.name_key)).one() == normalise_name(first)
    _fails(sessions, Organisation(name=second, org_type="other"))


def test_renaming_an_organisation_keeps_its_key(sessions):
    _ok(sessions, Organisation(name="沈阳市教育局", org_type="government"))
    with sessions.begin() as s:
        s.scalars(select(Organisation)).one().name = "沈阳市 教育局（新）"
    with sessions() as s:
        assert s.scalars(select(Organisation.name_key)).one() == "沈阳市教育局(新)"


def test_venue_is_unique_by_normalised_name_within_a_city(sessions):
    _ok(sessions, Venue(name="市图书馆", city_code="210100", capacity=300))
    _fails(sessions, Venue(name="市 图书馆", city_code="210100"))
    _ok(
        sessions, Venue(name="市图书馆", city_code="210200")
    )  # the same name in another city is another venue


def test_deleting_an_activity_deletes_its_organiser_links(sessions, programme_id):
    with sessions.begin() as s:
        orgs = [
            Organisation(name=n, org_type="government") for n in ("教育部", "辽宁省教育厅", "沈阳市教育局")
        ]
        first, second = _activity(programme_id), _activity(programme_id, title="第二项")
        first.set_organisations(Role.HOST, orgs[:2])
        first.set_organisations(Role.CO_ORGANISER, orgs[2:])
        second.set_organisations(Role.HOST, orgs[2:])
        s.add_all([first, second])
        s.flush()
        ids = first.id, second.id
    with sessions() as s:
        assert [
            (link.role, link.position, link.role_rank) for link in s.get(Activity, ids[0]).organisers
        ] == [("host", 0, 0), ("host", 1, 0), ("co_organiser", 0, 2)]
    with sessions.begin() as s:  # through the ORM
        s.delete(s.get(Activity, ids[0]))
    with sessions.begin() as s:  # and through the database's ON DELETE CASCADE alone
        assert s.scalar(select(func.count()).select_from(ActivityOrganisation)) == 1
        s.execute(delete(Activity.__table__).where(Activity.__table__.c.id == ids[1]))
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(ActivityOrganisation)) == 0
        assert s.scalar(select(func.count()).select_from(Organisation)) == 3  # organisations stay


def test_organisation_in_use_cannot_be_deleted(sessions, programme_id):
    with sessions.begin() as s:
        org = Organisation(name="教育部", org_type="government")
        act = _activity(programme_id)
        act.set_organisations(Role.HOST, [org])
        s.add(act)
    with pytest.raises(IntegrityError), sessions.begin() as s:
        s.execute(delete(Organisation.__table__))


def test_stale_update_raises_stale_data_error(sessions, programme_id):
    _ok(sessions, _activity(programme_id))
    with sessions() as s:
        stale = s.scalars(select(Activity)).one()  # loaded at version 1
        s.commit()
        with sessions.begin() as other:
            fresh = other.get(Activity, stale.id)
            fresh.title = "别人先改了"
        with sessions() as check:
            assert check.get(Activity, stale.id).version == 2
        stale.title = "我后改的"
        with pytest.raises(StaleDataError):
            s.flush()


def test_orm_edit_writes_an_audit_entry_with_before_and_after(db, programme_id):
    with db.transaction("新建活动") as s:
        act = _activity(programme_id, title="旧名称")
        s.add(act)
        s.flush()
        act_id, uid = act.id, act.uid
    with db.transaction("修改活动名称", who="tester") as s:
        s.get(Activity, act_id).title = "新名称"
    with db.read() as s:
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "activity").order_by(AuditEntry.id)
        ).all()
    assert [e.action for e in entries] == ["create", "update"]
    created, updated = entries
    assert json.loads(created.after)["title"] == "旧名称" and created.before is None
    assert updated.entity_id == act_id and updated.entity_uid == uid
    assert updated.who == "tester" and updated.summary == "修改活动名称"
    assert json.loads(updated.before) == {"id": act_id, "title": "旧名称"}
    assert json.loads(updated.after) == {"id": act_id, "title": "新名称"}
    assert created.batch != updated.batch  # one batch per user action
