"""The audit log: every edit with who, when and the values before and after; readable with `lifelong audit`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from lifelong_desktop.db import current_user
from lifelong_desktop.models import Activity, ActivityOrganisation, AuditEntry, Organisation
from lifelong_desktop.services import audit
from tests.helpers.reliability_data import ORGS, populate

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


def _cli(*args, lang="zh"):
    return subprocess.run(
        [sys.executable, "-m", "lifelong_desktop.cli", "--lang", lang, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def planned(db):
    populate(db, 3)
    with db.read() as s:
        first = s.scalars(select(Activity).order_by(Activity.id)).first()
    return db, first.id, first.uid


def _entries(db, **kw):
    with db.read() as s:
        return audit.history(s, **kw)


def test_an_edit_records_who_when_and_only_the_changed_fields(planned):
    db, aid, uid = planned
    started = datetime.now() - timedelta(seconds=1)
    with db.transaction("改标题和人数") as s:
        a = s.get(Activity, aid)
        a.title = "全民终身学习活动周开幕式"
        a.expected_participants = 1200
    [entry] = [e for e in _entries(db, activity_uid=uid) if e.summary == "改标题和人数"]
    assert entry.who == (db.user or current_user()) and entry.who  # on a server: the database user
    assert entry.at >= started and entry.action == "update" and entry.entity == "activity"
    assert entry.entity_id == aid and entry.programme_id is not None
    before, after = json.loads(entry.before), json.loads(entry.after)
    assert before == {"id": aid, "title": "社区学习讲座第1期", "expected_participants": 100}
    assert after == {"id": aid, "title": "全民终身学习活动周开幕式", "expected_participants": 1200}


def test_create_and_delete_with_organiser_links_are_logged_under_the_activity(planned):
    db, aid, uid = planned
    with db.transaction("新增活动", who="wangli") as s:
        a = s.get(Activity, aid)
        new = Activity(
            programme_id=a.programme_id,
            title="老年人智能手机培训",
            start_date=a.start_date,
            end_date=a.end_date,
        )
        new.set_organisations("host", [s.get(Organisation, 1)])
        s.add(new)
    with db.read() as s:
        new_uid = s.scalars(select(Activity.uid).where(Activity.title == "老年人智能手机培训")).one()
    created = _entries(db, activity_uid=new_uid)
    assert {(e.entity, e.action, e.who) for e in created} == {
        ("activity", "create", "wangli"),
        ("activity_organisation", "create", "wangli"),
    }
    assert (
        json.loads([e for e in created if e.entity == "activity"][0].after)["title"] == "老年人智能手机培训"
    )
    with db.transaction("删除活动") as s:
        s.delete(s.scalars(select(Activity).where(Activity.uid == new_uid)).one())
    deleted = [e for e in _entries(db, activity_uid=new_uid) if e.action == "delete"]
    assert {e.entity for e in deleted} == {"activity", "activity_organisation"}
    assert (
        json.loads([e for e in deleted if e.entity == "activity"][0].before)["title"] == "老年人智能手机培训"
    )


def test_a_rolled_back_action_leaves_no_audit_entry(planned):
    db, aid, _uid = planned
    with db.read() as s:
        count = len(s.scalars(select(AuditEntry.id)).all())
    with pytest.raises(KeyError), db.transaction("放弃") as s:
        s.get(Activity, aid).title = "不保存"
        s.flush()
        raise KeyError("cancel")
    with db.read() as s:
        assert len(s.scalars(select(AuditEntry.id)).all()) == count


def test_bulk_changes_are_recorded_with_record(planned):
    db, aid, uid = planned
    with db.transaction("导入 沈阳市.xlsx") as s:
        n = audit.record(
            s, "import", "activity", [(aid, uid, {"status": "planned"}, {"status": "held"})], programme_id=1
        )
    assert n == 1
    [entry] = [e for e in _entries(db, activity_uid=uid) if e.action == "import"]
    assert entry.summary == "导入 沈阳市.xlsx" and entry.who == (db.user or current_user())


def test_one_user_action_is_one_batch(planned):
    db, aid, _uid = planned
    with db.transaction("两处修改") as s:
        s.get(Activity, aid).title = "一"
        s.flush()
        s.get(Activity, aid + 1).title = "二"
    batches = {e.batch for e in _entries(db) if e.summary == "两处修改"}
    assert len(batches) == 1


def test_cli_audit_reads_in_chinese_with_before_and_after(planned):
    db, aid, uid = planned
    with db.transaction("改状态") as s:
        a = s.get(Activity, aid)
        a.status = "held"
        a.title = "开幕式"
    with db.transaction("删一个承办单位") as s:
        link = s.scalars(
            select(ActivityOrganisation).where(
                ActivityOrganisation.activity_id == aid, ActivityOrganisation.role == "undertaker"
            )
        ).one()
        s.delete(link)
    path = str(db.url or db.path)
    db.close()
    out = _cli("audit", "--db", path, "--activity", uid)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "修改" in text and "活动「开幕式」" in text and "（改状态）" in text
    assert "活动名称：社区学习讲座第1期 → 开幕式" in text
    assert "状态：计划中 → 已举办" in text  # codes shown by their labels
    assert "删除" in text and "角色：承办" in text
    assert (db.user or current_user()) in text
    assert "社区学习讲座第2期" not in text  # only the asked activity


def test_cli_audit_json_limit_and_english(planned):
    db, aid, _uid = planned
    for i in range(5):
        with db.transaction(f"第{i}次") as s:
            s.get(Activity, aid).expected_participants = 200 + i
    path = str(db.url or db.path)
    db.close()
    out = _cli("audit", "--db", path, "--json", "--limit", "3")
    entries = json.loads(out.stdout)
    assert len(entries) == 3 and entries[0]["summary"] == "第4次"
    assert entries[0]["changes"] == [
        {"field": "expected_participants", "label": "预计参与人数", "before": 203, "after": 204}
    ]
    english = _cli("audit", "--db", path, "--limit", "1", lang="en")
    assert "changed" in english.stdout and "203 -> 204" in english.stdout


def test_cli_audit_on_a_missing_database_is_a_sentence(tmp_path):
    out = _cli("audit", "--db", str(tmp_path / "none.sqlite"))
    assert out.returncode == 3 and "不存在" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_organisers_taken_off_an_activity_are_logged_as_deletions_under_it(planned):
    db, aid, uid = planned
    with db.transaction("只留主办") as s:
        a = s.get(Activity, aid)
        assert len(a.organisers) == 3
        a.organisers = a.organisers[:1]
    gone = [e for e in _entries(db, activity_uid=uid) if e.summary == "只留主办"]
    assert sorted(json.loads(e.before)["role"] for e in gone) == ["co_organiser", "undertaker"]
    assert all(e.action == "delete" and e.entity_id == aid for e in gone)
    path = str(db.url or db.path)
    db.close()
    out = _cli("audit", "--db", path, "--activity", uid, "--limit", "2").stdout
    shown = re.findall(r"单位：(\S+)（#\d+）", out)
    assert len(shown) == 2 and set(shown) <= set(ORGS), out


def test_cli_audit_of_an_unknown_activity_id_says_so(planned):
    db, _aid, _uid = planned
    path = str(db.url or db.path)
    db.close()
    out = _cli("audit", "--db", path, "--activity", "no-such-id")
    assert (
        out.returncode == 0
        and "没有编号为 no-such-id 的活动" in out.stdout
        and "还没有记录" not in out.stdout
    )


def test_a_returns_level_reads_as_a_word():
    from lifelong_desktop.commands import _audit_text as text

    assert text.show_value("submission", "scope", "city", "zh") == "地市级"
    assert text.show_value("submission", "scope", "province", "en") == "provincial"
    assert text.show_value("submission", "scope", "odd", "zh") == "odd"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_audited_field_and_record_kind_reads_as_words(lang):
    """`lifelong audit` names each field it shows in the user's language, never by its column name (the
    results' note and the attachments' columns came later than the labels)."""
    from lifelong_desktop import messages
    from lifelong_desktop.commands import _audit_text as text
    from lifelong_desktop.db.auditing import _SKIP_AUDIT_COLUMNS, AUDITED
    from lifelong_desktop.messages import has
    from lifelong_desktop.models import Base

    unnamed = []
    for table in Base.metadata.sorted_tables:
        if table.name not in AUDITED:
            continue
        if not has(f"db.entity.{table.name}"):
            unnamed.append(table.name)
        for column in table.columns:
            if column.name in _SKIP_AUDIT_COLUMNS or column.name == "id":
                continue
            label = text.field_label(table.name, column.name, lang)
            if label == column.name and not has(f"audit.field.{column.name}"):
                unnamed.append(f"{table.name}.{column.name}")
    assert unnamed == []
    # an organiser of any role (主办, 承办 or 协办) is not called an undertaker
    assert messages.render("db.entity.activity_organisation", "zh") == "活动参与单位"
