"""Several planners on one database: the three-way merge, the change feed and the conflict records (no Qt)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from lifelong_desktop.db import open_database
from lifelong_desktop.db.changes import ChangeFeed, last_audit_id
from lifelong_desktop.models import Organisation
from lifelong_desktop.services import planning, registers
from lifelong_desktop.services.merge_fields import merge_fields
from lifelong_desktop.services.planning.conflicts import activity_conflict, merged_input
from lifelong_desktop.services.planning.reads import read_snapshots
from lifelong_desktop.services.registers.conflicts import entry_conflict
from tests.helpers.plan_data import make_plan

pytestmark = pytest.mark.stores  # the tests with a database run on a SQLite file and on PostgreSQL

# ---------------------------------------------------------------- the merge


def test_a_field_changed_by_one_side_is_taken_from_that_side():
    base = {"title": "讲座", "expected": 100, "venue": 1, "status": "planned"}
    mine = {"title": "讲座（改期）", "expected": 100, "venue": 1, "status": "planned"}
    theirs = {"title": "讲座", "expected": 150, "venue": 1, "status": "held"}
    m = merge_fields(base, mine, theirs)
    assert m.clean
    assert m.merged == {"title": "讲座（改期）", "expected": 150, "venue": 1, "status": "held"}
    assert m.mine_only == ("title",) and m.theirs_only == ("expected", "status") and m.both == ()


def test_a_field_changed_by_both_is_left_for_the_user_and_keeps_theirs_until_picked():
    base = {"title": "讲座", "expected": 100, "phone": ""}
    mine = {"title": "我的标题", "expected": 120, "phone": "024-1234567"}
    theirs = {"title": "他的标题", "expected": 120, "phone": ""}
    m = merge_fields(base, mine, theirs)
    assert not m.clean
    assert m.both == ("title",) and m.same == ("expected",) and m.mine_only == ("phone",)
    assert m.merged["title"] == "他的标题"  # nothing of theirs overwritten without a choice
    assert m.resolved({})["title"] == "他的标题"
    assert m.resolved({"title": "mine"}) == {"title": "我的标题", "expected": 120, "phone": "024-1234567"}
    with pytest.raises(ValueError):
        m.resolved({"title": "both"})


def test_nothing_changed_on_either_side_merges_to_the_base():
    base = {"a": 1, "b": (1, 2)}
    m = merge_fields(base, dict(base), dict(base))
    assert m.merged == base and m.clean and not (m.mine_only or m.theirs_only or m.same)


def test_a_key_one_side_lacks_counts_as_unchanged_there():
    m = merge_fields({"a": 1}, {"a": 1, "b": 2}, {"a": 3})
    assert m.merged == {"a": 3, "b": 2} and m.mine_only == ("b",) and m.theirs_only == ("a",)


# ---------------------------------------------------------------- activities and registers


@pytest.fixture
def planned(db):
    return db, make_plan(db)


def _data(db, activity_id):
    with db.read() as s:
        return read_snapshots(s, [activity_id])[0]


def test_an_activity_conflict_names_who_changed_which_fields_and_merges_them(planned):
    db, ids = planned
    snap = _data(db, ids["opening"])
    with db.read() as s:
        since = last_audit_id(s)
    base = snap.data
    with db.transaction("李四改人数", who="李四") as s:
        planning.update_activity(s, ids["opening"], base.replace(expected_participants=800), snap.version)
    mine = base.replace(title="开幕式（全省）")
    with pytest.raises(planning.EditConflict), db.transaction(who="张三") as s:
        planning.update_activity(s, ids["opening"], mine, snap.version)
    with db.read() as s:
        conflict = activity_conflict(s, ids["opening"], base, mine, since)
    assert not conflict.deleted and conflict.who == ("李四",)
    assert conflict.last is not None and "expected_participants" in conflict.last.fields
    assert conflict.merge is not None and conflict.merge.clean
    assert conflict.merge.mine_only == ("title",) and conflict.merge.theirs_only == ("expected_participants",)
    merged = merged_input(conflict.merge.merged)
    with db.transaction(who="张三") as s:
        planning.update_activity(s, ids["opening"], merged, conflict.version)
    now = _data(db, ids["opening"]).data
    assert now.title == "开幕式（全省）" and now.expected_participants == 800  # both saves kept


def test_a_deleted_activity_is_a_conflict_without_merge_naming_who_deleted_it(planned):
    db, ids = planned
    snap = _data(db, ids["opening"])
    with db.read() as s:
        since = last_audit_id(s)
    with db.transaction("删除", who="王五") as s:
        planning.delete_activities(s, [ids["opening"]])
    with db.read() as s:
        conflict = activity_conflict(s, ids["opening"], snap.data, snap.data.replace(title="x"), since)
    assert conflict.deleted and conflict.who == ("王五",)
    assert conflict.last is not None and conflict.last.action == "delete"


def test_an_organisation_conflict_merges_the_form_fields(planned):
    db, ids = planned
    with db.read() as s:
        since = last_audit_id(s)
        org = s.get(Organisation, ids["edu"])
        base = {k: getattr(org, k) for k in registers.ORG_FIELDS}
        version = org.version
    base = {k: "" if v is None else v for k, v in base.items()}
    with db.transaction(who="李四") as s:
        registers.update_organisation(s, ids["edu"], {**base, "contact_name": "赵强"}, version)
    mine = {**base, "email": "edu@ln.gov.cn"}
    with pytest.raises(registers.RegisterError) as info, db.transaction(who="张三") as s:
        registers.update_organisation(s, ids["edu"], mine, version)
    assert info.value.code == "changed_elsewhere"
    with db.read() as s:
        conflict = entry_conflict(s, "organisation", ids["edu"], base, mine, since)
    assert conflict.who == ("李四",) and conflict.merge is not None and conflict.merge.clean
    assert (
        conflict.merge.merged["contact_name"] == "赵强" and conflict.merge.merged["email"] == "edu@ln.gov.cn"
    )


# ---------------------------------------------------------------- the feed


def test_the_feed_sees_a_change_saved_by_another_process(planned, db_path):
    db, ids = planned
    feed = ChangeFeed(db)
    assert feed.poll() is None  # nothing since it started
    script = textwrap.dedent(
        f"""
        from lifelong_desktop.db import open_database
        from lifelong_desktop.services import planning
        from lifelong_desktop.services.planning.reads import read_snapshots
        db = open_database({str(db_path)!r}, backup_on_open=False)
        with db.transaction("另一台电脑", who="李四") as s:
            snap = read_snapshots(s, [{ids["opening"]}])[0]
            planning.update_activity(s, snap.id, snap.data.replace(expected_participants=4321), snap.version)
        db.close()
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    batch = feed.poll()
    assert batch is not None and not batch.everything
    assert batch.kinds == {"activities"} and batch.ids_of("activities") == {ids["opening"]}
    entry = batch.about("activity", ids["opening"])[0]
    assert entry.who == "李四" and entry.action == "update" and "expected_participants" in entry.fields
    assert feed.poll() is None  # reported once
    feed.close()


@pytest.mark.sqlite_only
def test_the_feed_reports_everything_after_a_large_change_and_after_losing_the_file(planned, tmp_path):
    db, ids = planned
    feed = ChangeFeed(db)
    other = open_database(db.path, backup_on_open=False)  # another window on the same file
    with other.transaction() as s:
        planning.duplicate_activities(s, [ids["opening"]] * 1)
    other.close()
    batch = feed.poll()
    assert batch is not None and batch.ids_of("activities")
    moved = tmp_path / "moved.sqlite"
    db.path.rename(moved)  # the share vanished
    from lifelong_desktop.db import DatabaseProblem

    with pytest.raises(DatabaseProblem):
        feed.poll()
    moved.rename(db.path)  # back again
    again = feed.poll()
    assert again is not None and again.everything and again.ids_of("activities") is None
    feed.close()


def test_the_feed_is_off_where_nobody_else_can_write(tmp_path):
    from lifelong_desktop.db.engine import network_options

    path = tmp_path / "share.sqlite"
    open_database(path).close()
    db = open_database(path, options=network_options())
    try:
        feed = ChangeFeed(db)
        assert not feed.enabled and feed.poll() is None
    finally:
        db.close()


def test_a_server_out_of_reach_is_named_as_the_window_names_it(pg_cluster):
    """The banner and the refusals name a lost server database `db@host`, as the title bar does, not the
    stand-in folder name of its local files (`db@127_0_0_1`)."""
    from lifelong_desktop.db import DatabaseProblem

    url = pg_cluster.new_database()
    db = open_database(url, backup_on_open=False)
    feed = ChangeFeed(db)
    try:
        feed.poll()  # starts listening
        pg_cluster.drop(url)  # the server ends every connection to it: out of reach
        with pytest.raises(DatabaseProblem) as caught:
            for _ in range(6):  # a quiet look may not notice; every fifth asks the server
                feed.poll()
        name = url.rsplit("/", 1)[1] + "@127.0.0.1"
        assert caught.value.path.name == db.name == name
        assert f"“{name}”" in caught.value.message("zh")
    finally:
        feed.close()
        db.close()


def test_the_feed_leaves_out_what_this_database_saved_itself(planned, db_path):
    """The window has shown its own saves: echoed back a second later they re-read rows and closed the
    results mode's cell editor under the user's typing (seen in the window). Another connection's are said."""
    db, ids = planned
    feed = ChangeFeed(db)
    with db.transaction("本窗口") as s:
        snap = read_snapshots(s, [ids["opening"]])[0]
        planning.update_activity(s, snap.id, snap.data.replace(expected_participants=11), snap.version)
    assert feed.poll() is None
    other = open_database(db_path, backup_on_open=False)
    try:
        with other.transaction("另一窗口", who="李四") as s:
            snap = read_snapshots(s, [ids["opening"]])[0]
            planning.update_activity(s, snap.id, snap.data.replace(expected_participants=22), snap.version)
    finally:
        other.close()
    with db.transaction("本窗口") as s:  # own again, after the other's: only the other's is said
        snap = read_snapshots(s, [ids["opening"]])[0]
        planning.update_activity(s, snap.id, snap.data.replace(expected_participants=33), snap.version)
    batch = feed.poll()
    assert batch is not None and [e.who for e in batch.entries] == ["李四"]
    assert feed.poll() is None
    feed.close()
