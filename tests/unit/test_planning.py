"""services.planning: create, edit, conflicts, delete and restore, bulk edits, copies, series, paste."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from lifelong_desktop.db import open_database
from lifelong_desktop.models import Activity, AuditEntry, Organisation, Programme, Venue
from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import (
    ActivityInput,
    BulkChange,
    EditConflict,
    PastedActivity,
    PlanningError,
)
from lifelong_desktop.services.programmes import create_programme
from lifelong_desktop.services.rows import activity_rows

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.fixture
def plan(db):
    with db.transaction("setup") as s:
        prog = create_programme(
            s, region_code="210000", year=2024, week_start=date(2024, 10, 26), week_end=date(2024, 11, 1)
        )
        orgs = [
            Organisation(name=n, org_type="government") for n in ("辽宁省教育厅", "沈阳开放大学", "省图书馆")
        ]
        venue = Venue(name="辽宁省图书馆", city_code="210100")
        s.add_all([*orgs, venue])
        s.flush()
        return {"programme": prog.id, "orgs": [o.id for o in orgs], "venue": venue.id}


def _input(plan, **kw) -> ActivityInput:
    base = dict(
        title="终身学习讲座",
        start_date=date(2024, 10, 26),
        end_date=date(2024, 10, 26),
        start_time=time(9, 0),
        end_time=time(11, 30),
        activity_type="lecture",
        level="provincial",
        mode="offline",
        city_code="210100",
        venue_id=plan["venue"],
        host_ids=(plan["orgs"][0],),
        undertaker_ids=(plan["orgs"][2], plan["orgs"][1]),
        audiences=("elderly", "public"),
    )
    base.update(kw)
    return ActivityInput(**base)


def _rows(db, plan):
    with db.read() as s:
        return activity_rows(s, plan["programme"])


def test_create_keeps_organiser_order_and_values(db, plan):
    with db.transaction("create") as s:
        act_id = planning.create_activity(s, plan["programme"], _input(plan))
    [row] = _rows(db, plan)
    assert row.id == act_id
    assert row.hosts == ("辽宁省教育厅",)
    assert row.undertakers == ("省图书馆", "沈阳开放大学")
    assert row.audiences == ("elderly", "public")
    assert ActivityInput.from_row(row) == _input(plan)


def test_invalid_values_are_refused_with_a_code(db, plan):
    with pytest.raises(PlanningError) as err, db.transaction("bad") as s:
        planning.create_activity(s, plan["programme"], _input(plan, end_date=date(2024, 10, 25)))
    assert err.value.code == "end_before_start"
    assert planning.validate(_input(plan, title=" ", host_ids=())) == ["title_required", "host_required"]
    assert _rows(db, plan) == []


def test_update_reorders_organisers_and_bumps_version(db, plan):
    with db.transaction("create") as s:
        act_id = planning.create_activity(s, plan["programme"], _input(plan))
    [row] = _rows(db, plan)
    new = ActivityInput.from_row(row).replace(
        undertaker_ids=(plan["orgs"][1], plan["orgs"][2]), title="新标题"
    )
    with db.transaction("edit") as s:
        upd = planning.update_activity(s, act_id, new, row.version)
    [after] = _rows(db, plan)
    assert after.undertakers == ("沈阳开放大学", "省图书馆")
    assert after.title == "新标题"
    assert after.version == upd.version > row.version
    assert upd.before == ActivityInput.from_row(row)


def test_stale_edit_is_a_conflict_with_the_other_sides_values(db, plan):
    with db.transaction("create") as s:
        act_id = planning.create_activity(s, plan["programme"], _input(plan))
    [seen] = _rows(db, plan)
    other = open_database(db.url or db.path)
    try:
        with other.transaction("other window") as s:
            planning.update_activity(
                s, act_id, ActivityInput.from_row(seen).replace(title="另一窗口"), seen.version
            )
    finally:
        other.close()
    with pytest.raises(EditConflict) as err, db.transaction("mine") as s:
        planning.update_activity(s, act_id, ActivityInput.from_row(seen).replace(title="我的"), seen.version)
    assert err.value.current is not None and err.value.current.title == "另一窗口"
    assert _rows(db, plan)[0].title == "另一窗口"


def test_editing_a_deleted_activity_is_a_conflict(db, plan):
    with db.transaction("create") as s:
        act_id = planning.create_activity(s, plan["programme"], _input(plan))
    [seen] = _rows(db, plan)
    with db.transaction("delete") as s:
        planning.delete_activities(s, [act_id])
    with pytest.raises(EditConflict) as err, db.transaction("edit") as s:
        planning.update_activity(s, act_id, ActivityInput.from_row(seen), seen.version)
    assert err.value.deleted


def test_delete_and_restore_gives_back_the_same_activity(db, plan):
    with db.transaction("create") as s:
        main = planning.create_activity(s, plan["programme"], _input(plan, title="主会场"))
        sub = planning.create_activity(s, plan["programme"], _input(plan, title="分会场", parent_id=main))
    before = {r.uid: r for r in _rows(db, plan)}
    with db.transaction("delete") as s:
        snaps = planning.delete_activities(s, [main])
    assert [r.title for r in _rows(db, plan)] == ["分会场"]
    assert _rows(db, plan)[0].parent_id is None
    with db.transaction("undo delete") as s:
        assert planning.restore_activities(s, snaps) == [main]
    after = {r.uid: r for r in _rows(db, plan)}
    assert set(after) == set(before)
    for uid, row in before.items():
        assert ActivityInput.from_row(after[uid]) == ActivityInput.from_row(row)
        assert after[uid].id == row.id
    assert after[before_uid(before, "分会场")].parent_id == main
    assert sub in {r.id for r in after.values()}


def before_uid(rows, title):
    return next(uid for uid, r in rows.items() if r.title == title)


def test_bulk_edit_then_revert(db, plan):
    with db.transaction("create") as s:
        ids = [
            planning.create_activity(s, plan["programme"], _input(plan, title=f"活动{i}")) for i in range(3)
        ]
    change = BulkChange(status="confirmed", shift_days=7, add_organisation=("co_organiser", plan["orgs"][1]))
    with db.transaction("bulk") as s:
        updates = planning.bulk_edit(s, ids[:2], change)
    rows = {r.id: r for r in _rows(db, plan)}
    assert [rows[i].status for i in ids] == ["confirmed", "confirmed", "planned"]
    assert rows[ids[0]].start_date == date(2024, 11, 2)
    assert rows[ids[0]].co_organisers == ("沈阳开放大学",)
    with db.transaction("undo") as s:
        reverted = planning.revert_updates(s, updates)
    rows = {r.id: r for r in _rows(db, plan)}
    assert all(rows[i].status == "planned" and rows[i].start_date == date(2024, 10, 26) for i in ids)
    with db.transaction("redo") as s:
        planning.reapply_updates(s, updates, reverted)
    assert {r.status for r in _rows(db, plan)} == {"confirmed", "planned"}


def test_duplicate_and_weekly_series(db, plan):
    with db.transaction("create") as s:
        act_id = planning.create_activity(
            s, plan["programme"], _input(plan, status="held", actual_participants=80)
        )
    with db.transaction("dup") as s:
        [copy] = planning.duplicate_activities(s, [act_id])
    rows = {r.id: r for r in _rows(db, plan)}
    assert rows[copy].uid != rows[act_id].uid
    assert rows[copy].status == "planned" and rows[copy].actual_participants is None
    assert rows[copy].undertakers == rows[act_id].undertakers
    template = _input(plan, end_date=date(2024, 10, 27), start_time=None, end_time=None)
    with db.transaction("series") as s:
        ids = planning.weekly_series(s, plan["programme"], template, 2, date(2024, 10, 1), date(2024, 10, 31))
    made = [r for r in _rows(db, plan) if r.id in ids]
    assert [r.start_date for r in made] == [date(2024, 10, d) for d in (2, 9, 16, 23, 30)]
    assert all((r.end_date - r.start_date).days == 1 for r in made)
    with pytest.raises(PlanningError), db.transaction("empty") as s:
        planning.weekly_series(s, plan["programme"], template, 2, date(2024, 10, 3), date(2024, 10, 8))


def test_paste_creates_missing_registers_and_undo_removes_them(db, plan):
    pasted = [
        PastedActivity(
            _input(plan, host_ids=(), undertaker_ids=(), venue_id=None),
            hosts=("辽宁省教育厅 ", "新单位"),
            venue_name="新场地",
        ),
        PastedActivity(
            _input(plan, host_ids=(), undertaker_ids=(), venue_id=None, title="第二"),
            hosts=("新单位",),
            venue_name="辽宁省图书馆",
        ),
    ]
    with db.transaction("paste") as s:
        created = planning.paste_activities(s, plan["programme"], pasted)
    rows = _rows(db, plan)
    assert (
        len(created.activity_ids) == 2 and len(created.organisation_ids) == 1 and len(created.venue_ids) == 1
    )
    assert {r.title: r.hosts for r in rows} == {
        "终身学习讲座": ("辽宁省教育厅", "新单位"),
        "第二": ("新单位",),
    }
    assert {r.venue_name for r in rows} == {"新场地", "辽宁省图书馆"}
    with db.read() as s:
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.summary == "paste")) >= 2
        )
    with db.transaction("undo paste") as s:
        planning.remove_created(s, created)
    assert _rows(db, plan) == []
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Organisation)) == 3
        assert s.scalar(select(func.count()).select_from(Venue)) == 1


def test_new_programme_from_last_year(db, plan):
    with db.transaction("create") as s:
        main = planning.create_activity(
            s, plan["programme"], _input(plan, status="held", actual_participants=5)
        )
        planning.create_activity(s, plan["programme"], _input(plan, title="分会场", parent_id=main))
    with db.transaction("new year") as s:
        new_id, ids = planning.new_programme_from(s, plan["programme"], copy_activities=True)
    with db.read() as s:
        prog = s.get(Programme, new_id)
        assert prog.year == 2025 and prog.region_code == "210000"
        assert prog.week_start == date(2025, 10, 25)
        new_rows = activity_rows(s, new_id)
        old_uids = {r.uid for r in activity_rows(s, plan["programme"])}
    assert len(new_rows) == 2 and not old_uids & {r.uid for r in new_rows}
    assert all(r.start_date == date(2025, 10, 25) and r.start_date.weekday() == 5 for r in new_rows)
    assert all(r.status == "planned" and r.actual_participants is None for r in new_rows)
    sub = next(r for r in new_rows if r.title == "分会场")
    assert sub.parent_id in ids and sub.parent_id != main
    with pytest.raises(PlanningError) as err, db.transaction("again") as s:
        planning.new_programme_from(s, plan["programme"], copy_activities=False)
    assert err.value.code == "programme_exists"
    with db.transaction("undo") as s:
        planning.delete_programme(s, new_id)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Activity)) == 2


def test_series_dates():
    assert planning.series_dates(0, date(2024, 4, 1), date(2024, 4, 15)) == [
        date(2024, 4, 1),
        date(2024, 4, 8),
        date(2024, 4, 15),
    ]
    assert planning.series_dates(6, date(2024, 4, 1), date(2024, 4, 6)) == []


def _rows_through_the_orm(session, programme_id):
    """An independent reading of the same rows through ORM objects: the oracle for the fast cursor reader."""
    from lifelong_desktop.services.regions import regions
    from lifelong_desktop.services.rows import ActivityRow, sort_key

    reg = regions()
    rows = []
    for a in session.scalars(select(Activity).where(Activity.programme_id == programme_id)):
        by_role = {
            role: [link.organisation for link in a.organisers if link.role == role]
            for role in ("host", "undertaker", "co_organiser")
        }
        rows.append(
            ActivityRow(
                id=a.id,
                uid=a.uid,
                programme_id=a.programme_id,
                title=a.title,
                activity_type=a.activity_type,
                level=a.level,
                parent_id=a.parent_id,
                parent_uid=a.parent.uid if a.parent else None,
                start_date=a.start_date,
                start_time=a.start_time,
                end_date=a.end_date,
                end_time=a.end_time,
                mode=a.mode,
                city_code=a.city_code,
                city_name=reg.name(a.city_code) if a.city_code else "",
                county_code=a.county_code,
                county_name=reg.name(a.county_code) if a.county_code else "",
                venue_id=a.venue_id,
                venue_name=a.venue.name if a.venue else "",
                venue_capacity=a.venue.capacity if a.venue else None,
                address=a.address or "",
                online_url=a.online_url or "",
                hosts=tuple(o.name for o in by_role["host"]),
                undertakers=tuple(o.name for o in by_role["undertaker"]),
                co_organisers=tuple(o.name for o in by_role["co_organiser"]),
                host_ids=tuple(o.id for o in by_role["host"]),
                undertaker_ids=tuple(o.id for o in by_role["undertaker"]),
                co_organiser_ids=tuple(o.id for o in by_role["co_organiser"]),
                audiences=tuple(a.audience_keys),
                expected_participants=a.expected_participants,
                actual_participants=a.actual_participants,
                online_participants=a.online_participants,
                status=a.status,
                featured=bool(a.featured),
                contact_name=a.contact_name or "",
                contact_phone=a.contact_phone or "",
                description=a.description or "",
                source_submission_id=a.source_submission_id,
                updated_at=a.updated_at,
                version=a.version,
            )
        )
    return sorted(rows, key=sort_key)


def test_table_rows_equal_the_service_rows(db, plan, other_db_path):
    """The fast cursor reader (services.rows.activity_rows) gives exactly what the ORM objects hold."""
    from lifelong_desktop.services.demo.create import make_demo_database

    with db.transaction("more") as s:
        main = planning.create_activity(s, plan["programme"], _input(plan, start_time=None, end_time=None))
        planning.create_activity(
            s,
            plan["programme"],
            _input(
                plan, title="分会场", parent_id=main, status="held", featured=True, expected_participants=5
            ),
        )
    with db.read() as s:
        assert activity_rows(s, plan["programme"]) == _rows_through_the_orm(s, plan["programme"])
        some = [r.id for r in activity_rows(s, plan["programme"])][-2:]  # a sub-venue without its parent
        assert activity_rows(s, plan["programme"], some) == [
            r for r in _rows_through_the_orm(s, plan["programme"]) if r.id in some
        ]
    demo = make_demo_database(other_db_path)
    other = open_database(other_db_path)
    try:
        with other.read() as s:
            rows = activity_rows(s, demo.programme_id)
            assert len(rows) == demo.activities and rows == _rows_through_the_orm(s, demo.programme_id)
    finally:
        other.close()


def test_many_deleted_and_restored_by_bulk_statements_come_back_exactly(db, plan):
    pasted = [
        PastedActivity(
            _input(plan, title=f"批量{i:03d}", host_ids=(), undertaker_ids=()),
            hosts=("辽宁省教育厅",),
            undertakers=("省图书馆", "沈阳开放大学"),
        )
        for i in range(planning.BULK + 50)
    ]
    with db.transaction("paste") as s:
        created = planning.paste_activities(s, plan["programme"], pasted)
        main = created.activity_ids[0]
        planning.update_activity(
            s,
            created.activity_ids[1],
            ActivityInput.from_row(activity_rows(s, plan["programme"], [created.activity_ids[1]])[0]).replace(
                parent_id=main
            ),
            None,
        )
        outside = planning.create_activity(
            s, plan["programme"], _input(plan, title="分会场在外", parent_id=main)
        )
    before = {r.uid: r for r in _rows(db, plan)}
    with db.transaction("delete many") as s:
        snaps = planning.delete_activities(s, created.activity_ids)
    rows = _rows(db, plan)
    assert [r.title for r in rows] == ["分会场在外"] and rows[0].parent_id is None
    with db.read() as s:
        assert s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "delete")
        ) >= len(snaps)
    with db.transaction("undo") as s:
        assert planning.restore_activities(s, snaps) == created.activity_ids
    after = {r.uid: r for r in _rows(db, plan)}
    assert set(after) == set(before)
    for uid, row in before.items():
        assert after[uid].id == row.id
        assert ActivityInput.from_row(after[uid]) == ActivityInput.from_row(row)
    assert after[before_uid(before, "分会场在外")].parent_id == main
    assert outside in {r.id for r in after.values()}


def test_big_bulk_edit_by_statements_with_undo_and_conflicts(db, plan, db_path):
    pasted = [
        PastedActivity(
            _input(plan, title=f"大批{i:03d}", host_ids=(), undertaker_ids=()),
            hosts=("辽宁省教育厅",),
            undertakers=("省图书馆",),
        )
        for i in range(planning.BULK + 10)
    ]
    with db.transaction("paste") as s:
        ids = planning.paste_activities(s, plan["programme"], pasted).activity_ids
    change = BulkChange(status="held", shift_days=-1, add_organisation=("undertaker", plan["orgs"][1]))
    with db.transaction("bulk") as s:
        updates = planning.bulk_edit(s, ids, change)
    rows = {r.id: r for r in _rows(db, plan)}
    assert len(updates) == len(ids)
    assert all(rows[i].status == "held" and rows[i].start_date == date(2024, 10, 25) for i in ids)
    assert all(rows[i].undertakers == ("省图书馆", "沈阳开放大学") and rows[i].version == 2 for i in ids)
    with db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "update", AuditEntry.entity_id == ids[0])
        ).one()
        assert '"held"' in entry.after and '"planned"' in entry.before
    other = open_database(db_path)
    try:
        with other.transaction("elsewhere") as s:
            planning.update_activity(
                s, ids[5], ActivityInput.from_row(rows[ids[5]]).replace(title="别处"), None
            )
    finally:
        other.close()
    with pytest.raises(EditConflict) as err, db.transaction("undo") as s:
        planning.revert_updates(s, updates)
    assert err.value.activity_id == ids[5] and err.value.current.title == "别处"
    assert all(r.status == "held" for r in _rows(db, plan) if r.id in ids)  # nothing written
    fresh = [
        planning.Updated(u.id, u.before, u.after, u.version + (1 if u.id == ids[5] else 0)) for u in updates
    ]
    with db.transaction("undo") as s:
        planning.revert_updates(s, fresh)
    rows = {r.id: r for r in _rows(db, plan)}
    assert all(rows[i].status == "planned" and rows[i].undertakers == ("省图书馆",) for i in ids)


@pytest.mark.parametrize("many", [False, True])
def test_undo_across_delete_and_restore_keeps_versions(db, plan, many):
    n = planning.BULK if many else 1
    with db.transaction("create") as s:
        main = planning.create_activity(s, plan["programme"], _input(plan, title="主"))
        ids = [
            planning.create_activity(s, plan["programme"], _input(plan, title=f"活动{i}", parent_id=main))
            for i in range(n)
        ]
    rows = {r.id: r for r in _rows(db, plan)}
    with db.transaction("edit") as s:
        edits = [
            planning.update_activity(
                s, i, ActivityInput.from_row(rows[i]).replace(status="confirmed"), rows[i].version
            )
            for i in ids
        ]
        main_edit = planning.update_activity(
            s, main, ActivityInput.from_row(rows[main]).replace(title="主会场"), rows[main].version
        )
    with db.transaction("delete") as s:
        snaps = planning.delete_activities(s, [main, *ids[: max(1, n // 2)]])
    with db.transaction("undo delete") as s:
        planning.restore_activities(s, snaps)
    with db.transaction("undo edits") as s:  # no conflict: our own restore is not "someone else"
        planning.revert_updates(s, [main_edit, *edits])
    after = {r.id: r for r in _rows(db, plan)}
    assert after[main].title == "主" and all(
        after[i].status == "planned" and after[i].parent_id == main for i in ids
    )
