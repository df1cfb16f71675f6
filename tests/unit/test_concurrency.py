"""Two windows or processes on one database: no lost update, a stale edit is a ConcurrentEdit."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from lifelong_desktop.db import ConcurrentEdit, DatabaseProblem, expect_version, open_database
from lifelong_desktop.models import Activity, Organisation
from tests.helpers.reliability_data import populate


@pytest.fixture
def two(tmp_path):
    path = tmp_path / "shared.sqlite"
    first = open_database(path)
    populate(first, 5)
    second = open_database(path)
    yield first, second
    first.close()
    second.close()


def _activity(db, title="社区学习讲座第1期"):
    with db.read() as s:
        return s.scalars(select(Activity).where(Activity.title == title)).one()


def test_a_stale_update_is_a_concurrent_edit_and_the_other_window_keeps_its_change(two):
    a, b = two
    seen_by_a = _activity(a)  # window A shows the activity (detached, version 1)
    uid, aid = seen_by_a.uid, seen_by_a.id
    with b.transaction("B 改人数") as s:
        s.get(Activity, seen_by_a.id).expected_participants = 999
    with pytest.raises(ConcurrentEdit) as info, a.transaction("A 改标题") as s:
        s.add(seen_by_a)
        seen_by_a.title = "A 的标题"
    err = info.value
    assert err.entity == "activity" and err.uid == uid and err.entity_id == aid
    assert not isinstance(err, DatabaseProblem)
    assert "另一个窗口" in err.message("zh") and "activity" in err.message("en")
    fresh = _activity(b)
    assert fresh.expected_participants == 999 and fresh.title == "社区学习讲座第1期"
    assert fresh.version == 2


def test_a_stale_delete_is_a_concurrent_edit(two):
    a, b = two
    seen = _activity(a)
    aid = seen.id
    with b.transaction("B 删除") as s:
        s.delete(s.get(Activity, aid))
    with pytest.raises(ConcurrentEdit) as info, a.transaction("A 改") as s:
        s.add(seen)
        seen.title = "改"
    assert info.value.entity == "activity"
    with a.read() as s:
        assert s.get(Activity, aid) is None


def test_the_stale_record_is_named_among_several_edited(two):
    a, b = two
    with a.read() as s:
        orgs = list(s.scalars(select(Organisation).order_by(Organisation.id).limit(3)))
    ids = [o.id for o in orgs]
    with b.transaction() as s:
        s.get(Organisation, ids[2]).contact_name = "赵强"
    with pytest.raises(ConcurrentEdit) as info, a.transaction() as s:
        for org in orgs:
            s.add(org)
            org.email = "office@example.cn"
    assert info.value.entity == "organisation" and info.value.entity_id == ids[2]
    with a.read() as s:  # nothing of A's transaction was written, not even the two fresh rows
        assert [o.email for o in s.scalars(select(Organisation).where(Organisation.id.in_(ids)))] == [
            "",
            "",
            "",
        ]


def test_expect_version_for_forms_that_reload_before_saving(two):
    a, b = two
    seen_version = _activity(a).version
    with b.transaction() as s:
        s.scalars(select(Activity).where(Activity.title == "社区学习讲座第1期")).one().status = "cancelled"
    with pytest.raises(ConcurrentEdit), a.transaction() as s:
        obj = s.scalars(select(Activity).where(Activity.title == "社区学习讲座第1期")).one()
        expect_version(obj, seen_version)
        obj.status = "done"
    assert _activity(a).status == "cancelled"


def test_many_writers_lose_no_increment(tmp_path):
    """Four threads, each with its own Database, read-modify-write one counter; retry on ConcurrentEdit."""
    path = tmp_path / "counter.sqlite"
    setup = open_database(path)
    populate(setup, 1)
    setup.close()
    per_worker, workers, conflicts = 25, 4, []

    def work() -> None:
        db = open_database(path, backup_on_open=False)
        try:
            for _ in range(per_worker):
                while True:
                    seen = _activity(db)
                    try:
                        with db.transaction("加一") as s:
                            s.add(seen)
                            seen.expected_participants = (seen.expected_participants or 0) + 1
                        break
                    except ConcurrentEdit:
                        conflicts.append(1)
        finally:
            db.close()

    start = _activity(open_database(path, backup_on_open=False)).expected_participants
    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    db = open_database(path, backup_on_open=False)
    final = _activity(db)
    db.close()
    assert final.expected_participants == start + per_worker * workers
    assert final.version == 1 + per_worker * workers
