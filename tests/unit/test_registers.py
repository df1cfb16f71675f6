"""The organisation and venue registers: validation, delete refused while used, merge and undo."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from lifelong_desktop.models import Activity, ActivityOrganisation, AuditEntry, Organisation, Venue
from lifelong_desktop.services import collation as C
from lifelong_desktop.services import registers as R
from lifelong_desktop.services.rows import activity_rows
from tests.helpers.plan_data import make_plan

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


def links(session, activity_id):
    AO = ActivityOrganisation
    return [
        (r, p, o)
        for r, p, o in session.execute(
            select(AO.role, AO.position, AO.organisation_id)
            .where(AO.activity_id == activity_id)
            .order_by(AO.role_rank, AO.position)
        )
    ]


def test_credit_code_check_character():
    # published codes of two companies validate; one changed character does not
    assert R.credit_code_valid("91110000802100433B")
    assert R.credit_code_valid("91440300708461136t")
    assert not R.credit_code_valid("91110000802100433C")
    assert not R.credit_code_valid("9111000080210043IB")  # I is not in the alphabet
    assert not R.credit_code_valid("short")


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"name": " "}, "name_required"),
        ({"name": "甲" * 101}, "name_too_long"),
        ({"name": "甲", "email": "not-mail"}, "invalid_email"),
        ({"name": "甲", "contact_phone": "abc"}, "invalid_phone"),
        ({"name": "甲", "credit_code": "123"}, "invalid_credit_code"),
        ({"name": "甲", "region_code": "999999"}, "unknown_region"),
        ({"name": "辽宁省教育厅 "}, "duplicate_organisation"),
    ],
)
def test_organisation_problems_are_codes_with_sentences(db, values, code):
    make_plan(db)
    with pytest.raises(R.RegisterError) as err, db.transaction() as s:
        R.create_organisation(s, values)
    assert err.value.code == code
    assert err.value.message("zh") != "registers." + code and err.value.message("en")


def test_create_update_and_undo_redo_keep_the_id(db):
    with db.transaction() as s:
        made = R.create_organisation(
            s, {"name": "沈阳市总工会", "org_type": "union", "contact_phone": "024-1234567"}
        )
    with db.transaction() as s:
        R.undo_change(s, made)
    with db.read() as s:
        assert s.get(Organisation, made.id) is None
    with db.transaction() as s:
        again = R.redo_change(s, made)
    assert again.id == made.id
    with db.transaction() as s:
        upd = R.update_organisation(
            s, made.id, {"name": "沈阳市总工会", "email": "a@b.cn"}, expected_version=1
        )
    assert upd.before == {"email": ""} and upd.after == {"email": "a@b.cn"}
    with db.transaction() as s:
        R.undo_change(s, upd)
    with db.read() as s:
        assert s.get(Organisation, made.id).email == ""
    with pytest.raises(R.RegisterError) as err, db.transaction() as s:
        R.update_organisation(s, made.id, {"email": "x@y.cn"}, expected_version=1)
    assert err.value.code == "changed_elsewhere"


def test_delete_refused_while_used_then_allowed_and_undone(db):
    ids = make_plan(db)
    with pytest.raises(R.RegisterError) as err, db.transaction() as s:
        R.delete_organisation(s, ids["edu"])
    assert err.value.code == "organisation_in_use" and err.value.params["count"] == 3
    assert "3" in err.value.message("zh")
    with db.transaction() as s:
        free = R.create_organisation(s, {"name": "空闲单位"})
    with db.transaction() as s:
        gone = R.delete_organisation(s, free.id)
    with db.transaction() as s:
        R.undo_change(s, gone)
    with db.read() as s:
        assert s.get(Organisation, free.id).name == "空闲单位"
    with pytest.raises(R.RegisterError) as err, db.transaction() as s:
        R.delete_venue(s, ids["dl"])
    assert err.value.code == "venue_in_use"


def test_merge_organisations_repoints_links_without_duplicates_and_undoes(db):
    ids = make_plan(db)
    with db.read() as s:
        before_opening = links(s, ids["opening"])
        before_lecture = links(s, ids["lecture"])
        version = s.get(Activity, ids["opening"]).version
    with db.transaction() as s:
        merged = R.merge_organisations(s, ids["ou"], ids["ou2"])
    assert set(merged.activity_ids) == {ids["opening"], ids["lecture"]}
    assert merged.duplicates_removed == 1  # the opening had both as undertakers
    with db.read() as s:
        assert s.get(Organisation, ids["ou2"]) is None
        # undertakers were [ou2, ou]: ou2 becomes ou at position 0, the second ou goes
        assert links(s, ids["opening"]) == [
            ("host", 0, ids["edu"]),
            ("undertaker", 0, ids["ou"]),
            ("co_organiser", 0, ids["union"]),
            ("co_organiser", 1, ids["ou"]),
        ]
        assert links(s, ids["lecture"]) == [("host", 0, ids["ou"])]
        assert s.get(Activity, ids["opening"]).version == version + 1
        kept = s.get(Organisation, ids["ou"])
        assert kept.org_type == "open_university"  # not overwritten: it was not blank
        rows = {r.id: r for r in activity_rows(s, ids["programme"])}
        assert rows[ids["opening"]].undertakers == ("辽宁开放大学",)
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.entity == "activity_organisation")) is not None
    with db.transaction() as s:
        R.undo_change(s, merged)
    with db.read() as s:
        assert s.get(Organisation, ids["ou2"]).name == "辽宁 开放大学（沈阳）"
        assert links(s, ids["opening"]) == before_opening
        assert links(s, ids["lecture"]) == before_lecture
    with db.transaction() as s:
        again = R.redo_change(s, merged)
    assert again.activity_ids == merged.activity_ids


def test_merge_fills_blank_fields_of_the_kept_one(db):
    with db.transaction() as s:
        a = R.create_organisation(s, {"name": "甲单位"})
        b = R.create_organisation(s, {"name": "甲单位（旧名）", "org_type": "union", "email": "x@y.cn"})
    with db.transaction() as s:
        m = R.merge_organisations(s, a.id, b.id)
    assert m.kept.after == {"org_type": "union", "email": "x@y.cn"}
    with db.transaction() as s:
        R.undo_change(s, m)
    with db.read() as s:
        assert s.get(Organisation, a.id).org_type == "other" and s.get(Organisation, a.id).email == ""


def test_merge_venues_moves_activities_same_city_only(db):
    ids = make_plan(db)
    with pytest.raises(R.RegisterError) as err, db.transaction() as s:
        R.merge_venues(s, ids["hall"], ids["dl"])
    assert err.value.code == "venue_cities_differ"
    with pytest.raises(R.RegisterError), db.transaction() as s:
        R.merge_venues(s, ids["hall"], ids["hall"])
    with db.transaction() as s:
        m = R.merge_venues(s, ids["hall"], ids["hall2"])
    assert m.activity_ids == (ids["lecture"],)
    with db.read() as s:
        assert s.get(Activity, ids["lecture"]).venue_id == ids["hall"]
        assert s.get(Venue, ids["hall2"]) is None
    with db.transaction() as s:
        R.undo_change(s, m)
    with db.read() as s:
        assert s.get(Activity, ids["lecture"]).venue_id == ids["hall2"]
        assert s.get(Venue, ids["hall2"]).capacity is None


def test_venue_validation(db):
    ids = make_plan(db)
    for values, code in (
        ({"name": "x"}, "city_required"),
        ({"name": "x", "city_code": "999999"}, "city_required"),
        ({"name": "x", "city_code": "210100", "county_code": "210202"}, "county_outside_city"),
        ({"name": "x", "city_code": "210100", "capacity": -1}, "invalid_capacity"),
        ({"name": "沈阳市图书馆", "city_code": "210100"}, "duplicate_venue"),
    ):
        with pytest.raises(R.RegisterError) as err, db.transaction() as s:
            R.create_venue(s, values)
        assert err.value.code == code
    with db.transaction() as s:  # the same name in another city is another venue
        R.create_venue(s, {"name": "沈阳市图书馆", "city_code": "210200"})
    with db.transaction() as s:
        upd = R.update_venue(s, ids["hall"], {"capacity": 400, "county_code": "210102"})
    assert upd.after == {"capacity": 400, "county_code": "210102"}


def test_register_queries_and_pinyin(db):
    ids = make_plan(db)
    with db.read() as s:
        part = R.organisation_activities(s, ids["programme"], ids["ou2"])
        counts = R.organisation_counts(s, ids["programme"])
        vcounts = R.venue_counts(s, ids["programme"])
    assert [(p.activity_id, p.role, p.position) for p in part] == [
        (ids["opening"], "undertaker", 0),
        (ids["opening"], "co_organiser", 1),
        (ids["lecture"], "host", 0),
    ]
    assert counts[ids["edu"]] == 3 and counts[ids["ou2"]] == 2
    assert vcounts == {ids["hall"]: 1, ids["hall2"]: 1, ids["dl"]: 3}
    names = ["沈阳市", "鞍山市", "大连市", "Zeta"]
    assert sorted(names, key=C.pinyin_key) == ["鞍山市", "大连市", "沈阳市", "Zeta"]
    assert C.matches("沈阳市图书馆", "sy") and C.matches("沈阳市图书馆", "shenyang")
    assert C.matches("沈阳市图书馆", "图书") and not C.matches("沈阳市图书馆", "dl")
