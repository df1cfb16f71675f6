"""Importing workbooks (format section 11a): one transaction, all or nothing; returns, seq rules, own workbook."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from lifelong_desktop.cli import main
from lifelong_desktop.models import Activity, AuditEntry, Organisation, Programme, Submission, Venue
from lifelong_desktop.services.returns import programme_returns
from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.submission.importing.importer import apply_import, plan_import
from lifelong_desktop.submission.values import credit_check_char
from tests.helpers.hostile import mh
from tests.helpers.stores import STORES, new_db_path

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)

DALIAN_ID = "aaaaaaaa-3f4a-4c1b-9d1e-0a2b3c4d5e6f"


def counts(db):
    with db.read() as s:
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m))
            for m in (Programme, Activity, Organisation, Venue, Submission, AuditEntry)
        }


def dalian(tmp_path, name="dalian.xlsx", seq=1, activities=None, **header):
    h = mh.sample_header(
        scope="city",
        region_code="210200",
        region_name="大连市",
        submission_id=DALIAN_ID,
        submission_seq=seq,
        submitting_unit="大连市教育局",
        **header,
    )
    acts = (
        activities
        if activities is not None
        else [
            mh.sample_activity(
                activity_id=None, title="大连市民讲座", city_code="210200", venue="大连图书馆"
            ),
            mh.sample_activity(
                activity_id=None,
                title="大连开放日",
                city_code="210200",
                venue="大连图书馆",
                start_date="2024-10-27",
                end_date="2024-10-27",
            ),
        ]
    )
    venues = [{"name": "大连图书馆", "city_code": "210200", "venue_type": "图书馆", "capacity": 300}]
    return mh.build_workbook(tmp_path / name, header=h, activities=acts, venues=venues)


@pytest.fixture
def province(db, tmp_path):
    """A database holding the Liaoning programme, imported from its own workbook (two activities)."""
    acts = mh.main_and_branch(hosts="新单位甲；教育部", venue="沈阳市图书馆")
    path = mh.build_workbook(tmp_path / "own.xlsx", activities=acts)
    outcome = apply_import(db, path)
    assert outcome.applied and outcome.counts == {"new": 2, "updated": 0, "unchanged": 0, "missing": 0}
    return path


def test_import_into_an_empty_database_creates_the_programme(db, province):
    with db.read() as s:
        p = s.scalars(select(Programme)).one()
        assert (p.region_code, p.year, p.submission_uid, p.submission_seq) == (
            "210000",
            2024,
            mh.SUBMISSION_ID,
            3,
        )
        assert (p.theme, p.submitting_unit, p.contact_name) == ("终身学习 全民共享", "辽宁省教育厅", "王老师")
        rows = {r.uid: r for r in activity_rows(s, p.id)}
        sub = rows[mh.ACT_2]
        assert sub.parent_uid == mh.ACT_1
        assert sub.hosts == ("新单位甲", "教育部") and sub.undertakers == ("辽宁省教育厅",)
        assert sub.venue_name == "沈阳市图书馆"
        assert s.scalar(select(Organisation.org_type).where(Organisation.name == "新单位甲")) == "other"
        assert (
            s.scalar(select(Organisation.org_type).where(Organisation.name == "辽宁开放大学"))
            == "open_university"
        )
        assert s.scalar(select(Venue.capacity).where(Venue.name == "辽宁省图书馆")) == 800
        assert s.scalar(select(func.count()).select_from(Submission)) == 0  # the own workbook is no return
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import")) == 1
        )


def test_reimporting_the_own_workbook_changes_nothing(db, province):
    before = counts(db)
    outcome = apply_import(db, province)
    assert outcome.applied and outcome.counts == {"new": 0, "updated": 0, "unchanged": 2, "missing": 0}
    after = counts(db)
    assert {k: v for k, v in after.items() if k != "audit_entry"} == {
        k: v for k, v in before.items() if k != "audit_entry"
    }


def test_own_workbook_edited_in_excel_updates_but_keeps_newer_local_edits(db, tmp_path, province):
    with db.transaction("local edit") as s:  # changed here after the workbook's data_as_of
        s.execute(
            update(Activity)
            .where(Activity.uid == mh.ACT_2)
            .values(description="本地修改", updated_at=datetime(2024, 6, 1))
        )
        s.execute(update(Activity).where(Activity.uid == mh.ACT_1).values(updated_at=datetime(2024, 4, 1)))
    acts = [
        mh.sample_activity(title="开幕式（修改）"),
        mh.sample_activity(activity_id=mh.ACT_2, title="分会场（修改）", parent_id=mh.ACT_1),
    ]
    edited = mh.build_workbook(tmp_path / "edited.xlsx", activities=acts)
    outcome = apply_import(db, edited)
    assert outcome.counts == {"new": 0, "updated": 1, "unchanged": 1, "missing": 0}
    assert [f.code for f in outcome.findings if f.code == "local_edit_newer"] == ["local_edit_newer"]
    with db.read() as s:
        titles = dict(s.execute(select(Activity.uid, Activity.title)).all())
    assert titles == {mh.ACT_1: "开幕式（修改）", mh.ACT_2: "分会场"}


def test_a_city_return_is_recorded_with_its_hash(db, tmp_path, province):
    outcome = apply_import(db, dalian(tmp_path))
    assert outcome.applied and outcome.counts["new"] == 2
    with db.read() as s:
        sub = s.scalars(select(Submission)).one()
        assert (sub.region_code, sub.seq, sub.count_new, sub.file_name) == ("210200", 1, 2, "dalian.xlsx")
        assert len(sub.content_hash) == 64 and sub.data_as_of == datetime(2024, 5, 1, 9, 30)
        assert (
            s.scalar(
                select(func.count()).select_from(Activity).where(Activity.source_submission_id == sub.id)
            )
            == 2
        )
        rows = {r.region_code: r for r in programme_returns(s, s.scalars(select(Programme)).one())}
    assert rows["210200"].returned and rows["210200"].seq == 1 and rows["210200"].activities == 2
    assert not rows["210100"].returned and len(rows) == 14


def test_same_seq_same_content_is_a_no_op(db, tmp_path, province):
    apply_import(db, dalian(tmp_path))
    before = counts(db)
    outcome = apply_import(db, dalian(tmp_path, "again.xlsx"))
    assert outcome.exit_code == 0 and outcome.counts == {"new": 0, "updated": 0, "unchanged": 2, "missing": 0}
    assert counts(db) == before


@pytest.mark.parametrize("seq", [1, 0])
def test_stale_returns_are_refused_and_say_to_raise_the_seq(db, tmp_path, province, seq):
    apply_import(db, dalian(tmp_path, seq=1))
    before = counts(db)
    changed = [
        mh.sample_activity(
            activity_id=None, title="大连市民讲座", city_code="210200", venue="大连图书馆", description="改过"
        )
    ]
    path = dalian(tmp_path, "stale.xlsx", seq=max(seq, 1), activities=changed)
    if seq == 0:  # a lower seq than imported: build seq 2 first, then send seq 1 again
        apply_import(db, dalian(tmp_path, "two.xlsx", seq=2, activities=changed))
        before = counts(db)
        path = dalian(tmp_path, "one.xlsx", seq=1)
    outcome = apply_import(db, path)
    assert not outcome.applied and outcome.exit_code == 1
    stale = [f for f in outcome.findings if f.code == "stale_submission"]
    assert stale and stale[0].sheet == "填报信息" and stale[0].key == "submission_seq"
    assert "填报版本号" in stale[0].message("zh") and "填报版本号" in stale[0].message("en")
    assert counts(db) == before


def test_resubmission_matches_blank_ids_and_keeps_missing_unless_pruned(db, tmp_path, province):
    apply_import(db, dalian(tmp_path))
    acts = [
        mh.sample_activity(
            activity_id=None,
            title="大连 市民讲座 ",
            city_code="210200",
            venue="大连图书馆",
            description="更新后的简介",
        ),
        mh.sample_activity(activity_id=None, title="新活动", city_code="210200", venue="大连图书馆"),
    ]
    second = dalian(tmp_path, "second.xlsx", seq=2, activities=acts)
    dry = apply_import(db, second, dry_run=True)
    assert not dry.applied and dry.counts == {"new": 1, "updated": 1, "unchanged": 0, "missing": 1}
    before = counts(db)
    outcome = apply_import(db, second)
    assert outcome.applied and outcome.counts == dry.counts
    assert [f.code for f in outcome.findings if f.severity == "warning"].count("missing_in_resubmission") == 1
    assert counts(db)["activity"] == before["activity"] + 1  # missing one kept
    third = dalian(tmp_path, "third.xlsx", seq=3, activities=acts[:1])
    outcome = apply_import(db, third, prune=True)
    assert outcome.pruned == 2  # 新活动, and 大连开放日 kept from the first return
    with db.read() as s:
        titles = sorted(s.scalars(select(Activity.title).where(Activity.source_submission_id.is_not(None))))
        assert titles == ["大连 市民讲座"]  # matched by normalised title, then updated to the new spelling
        assert (
            s.scalar(select(Activity.description).where(Activity.title == "大连 市民讲座")) == "更新后的简介"
        )
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "delete", AuditEntry.entity == "activity")
            )
            == 2
        )


def test_dry_run_computes_the_same_and_writes_nothing(db, tmp_path, province):
    before = counts(db)
    dry = apply_import(db, dalian(tmp_path), dry_run=True)
    assert counts(db) == before and not dry.applied
    real = apply_import(db, dalian(tmp_path))
    assert real.counts == dry.counts and [f.code for f in real.findings] == [f.code for f in dry.findings]


def test_workbook_with_errors_writes_nothing(db, tmp_path, province):
    before = counts(db)
    bad = dalian(
        tmp_path,
        "bad.xlsx",
        activities=[mh.sample_activity(activity_id=None, city_code="210200", level="xx", venue="大连图书馆")],
    )
    outcome = apply_import(db, bad)
    assert not outcome.applied and outcome.exit_code == 1 and counts(db) == before


def test_workbook_outside_the_programme_region_is_refused(db, tmp_path, province):
    h = mh.sample_header(
        scope="province",
        region_code="220000",
        region_name="吉林省",
        submission_id="bbbbbbbb-3f4a-4c1b-9d1e-0a2b3c4d5e6f",
    )
    jilin = mh.build_workbook(
        tmp_path / "jilin.xlsx",
        header=h,
        activities=[mh.sample_activity(activity_id=None, city_code="220100", venue="长春馆")],
        venues=[],
    )
    before = counts(db)
    outcome = apply_import(db, jilin)
    assert [(f.code, f.sheet, f.key) for f in outcome.findings if f.severity == "error"] == [
        ("region_outside_scope", "填报信息", "region_code")
    ]
    assert counts(db) == before


def test_an_activity_id_of_another_submission_is_a_duplicate(db, tmp_path, province):
    acts = [mh.sample_activity(activity_id=mh.ACT_1, city_code="210200", venue="大连图书馆")]
    outcome = apply_import(db, dalian(tmp_path, activities=acts))
    assert [f.code for f in outcome.findings if f.severity == "error"] == ["duplicate_id"]


def test_colleague_copy_of_the_same_region_is_recorded_as_a_submission(db, tmp_path, province):
    h = mh.sample_header(submission_id="cccccccc-3f4a-4c1b-9d1e-0a2b3c4d5e6f", submission_seq=1)
    acts = [mh.sample_activity(activity_id=None, title="同事的活动")]
    outcome = apply_import(db, mh.build_workbook(tmp_path / "copy.xlsx", header=h, activities=acts))
    assert outcome.applied and outcome.submission_id is not None


def test_organisations_match_by_credit_code_then_name(db, tmp_path, province):
    body = "91210000100000000"
    code = body + credit_check_char(body)
    with db.transaction("credit code") as s:
        s.execute(update(Organisation).where(Organisation.name == "辽宁开放大学").values(credit_code=code))
    orgs = mh.sample_organisations()
    orgs[3] = {
        "name": "辽宁开放大学（辽宁广播电视大学）",
        "org_type": "开放大学",
        "credit_code": code,
        "contact_name": "赵老师",
    }
    acts = [
        mh.sample_activity(
            activity_id=None,
            title="开大讲座",
            city_code="210200",
            venue="大连图书馆",
            co_organisers="辽宁开放大学（辽宁广播电视大学）",
        )
    ]
    before = counts(db)
    path = mh.build_workbook(
        tmp_path / "orgs.xlsx",
        header=mh.sample_header(
            scope="city", region_code="210200", submission_id=DALIAN_ID, submission_seq=1
        ),
        activities=acts,
        organisations=orgs,
        venues=[],
    )
    outcome = apply_import(db, path)
    assert outcome.applied
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Organisation)) == before["organisation"]
        assert s.scalar(select(Organisation.contact_name).where(Organisation.credit_code == code)) == "赵老师"
        row = next(r for r in activity_rows(s, 1) if r.title == "开大讲座")
        assert row.co_organisers == ("辽宁开放大学",)


def test_year_option_must_match_the_workbook(db, tmp_path, province):
    with db.read() as s:
        plan = plan_import(s, province, year=2025)
    assert [f.code for f in plan.findings if f.severity == "error"] == ["year_mismatch"] and not plan.ok


def test_plan_lists_titles_for_the_preview(db, tmp_path, province):
    with db.read() as s:
        plan = plan_import(s, dalian(tmp_path))
    assert plan.kind == "return" and plan.ok
    assert sorted(c.title for c in plan.new) == ["大连市民讲座", "大连开放日"]
    assert plan.counts == {"new": 2, "updated": 0, "unchanged": 0, "missing": 0}


# ---------------------------------------------------------------- command line


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_import_json_and_exit_codes(db_path, tmp_path, capsys):
    path = mh.build_workbook(tmp_path / "own.xlsx")
    code, out, _ = run(capsys, "import", "--db", db_path, "--json", path)
    data = json.loads(out)
    assert code == 0 and set(data) == {"findings", "applied", "counts"} and data["applied"] is True
    assert data["counts"] == {"new": 1, "updated": 0, "unchanged": 0, "missing": 0}
    code, out, _ = run(capsys, "import", "--db", db_path, "--dry-run", path)
    assert code == 0 and "未变 1" in out
    bad = mh.build_workbook(tmp_path / "bad.xlsx", activities=[mh.sample_activity(level="xx")])
    code, out, err = run(capsys, "import", "--db", db_path, bad)
    assert code == 1 and "活动!D3 error invalid_code" in out and "数据库未作任何改动" in err
    bomb = mh.zip_bomb(path, tmp_path / "bomb.xlsx")
    code, out, _ = run(capsys, "import", "--db", db_path, "--json", bomb)
    assert code == 2 and json.loads(out)["applied"] is False


def test_cli_validate_several_files(tmp_path, capsys):
    good = mh.build_workbook(tmp_path / "good.xlsx")
    bad = mh.build_workbook(tmp_path / "bad.xlsx", activities=[mh.sample_activity(level="xx")])
    code, out, _ = run(capsys, "validate", good, bad)
    assert code == 1 and "bad.xlsx: 活动!D3 error invalid_code" in out
    code, out, _ = run(capsys, "validate", "--json", good, bad, mh.ods(tmp_path / "s.ods"))
    data = json.loads(out)
    assert code == 2 and [d["exit_code"] for d in data] == [0, 1, 2]
    assert set(data[1]) == {"file", "exit_code", "findings"} and data[1]["findings"][0]["cell"] == "D3"


def test_cli_returns(db_path, tmp_path, capsys):
    run(capsys, "import", "--db", db_path, mh.build_workbook(tmp_path / "own.xlsx"))
    run(capsys, "import", "--db", db_path, dalian(tmp_path))
    code, out, _ = run(capsys, "returns", "--db", db_path)
    assert (
        code == 0
        and "已报 1 / 14" in out
        and "210200 大连市：第 1 版" in out
        and "210100 沈阳市：尚未报送" in out
    )
    code, out, _ = run(capsys, "--lang", "en", "returns", "--db", db_path, "--json")
    rows = json.loads(out)
    assert (
        code == 0
        and rows[1]["region_code"] == "210200"
        and rows[1]["seq"] == 1
        and rows[0]["returned"] is False
    )
    datetime.fromisoformat(rows[1]["imported_at"])  # ISO 8601, as JSON readers expect
    assert "T" in rows[1]["imported_at"]


def test_cli_locked_or_damaged_database_is_exit_3(tmp_path, capsys):
    db_file = tmp_path / "bad.sqlite"
    db_file.write_bytes(b"not a database at all" * 10)
    code, _, err = run(capsys, "import", "--db", db_file, mh.build_workbook(tmp_path / "own.xlsx"))
    assert code == 3 and err.strip() and "Traceback" not in err


def test_old_exports_data_as_of_protects_local_edits_only_when_newer(db, tmp_path, province):
    with db.read() as s:
        stamp = s.scalar(select(Activity.updated_at).where(Activity.uid == mh.ACT_1))
    edited = mh.build_workbook(
        tmp_path / "e.xlsx",
        header=mh.sample_header(data_as_of=stamp + timedelta(hours=1)),
        activities=[mh.sample_activity(title="新标题")],
    )
    outcome = apply_import(db, edited)
    assert outcome.counts["updated"] == 1 and not [
        f for f in outcome.findings if f.code == "local_edit_newer"
    ]


# ---------------------------------------------------------------- round trip with the writer


def _export(db_file, out):
    from lifelong_desktop.db import open_database
    from lifelong_desktop.services.programmes import get_programme
    from lifelong_desktop.submission.writing.export import export_programme

    database = open_database(db_file)
    try:
        with database.transaction("export") as s:
            export_programme(s, get_programme(s), out)
    finally:
        database.close()
    return out


def _comparable(path):
    from lifelong_desktop.submission.reading.reader import read_workbook

    result = read_workbook(path)
    assert result.exit_code == 0, [f.as_text() for f in result.errors]
    acts = [{k: v for k, v in a.items() if k != "updated_at"} for a in result.data.activities]
    return acts, result.data.organisations, result.data.venues


def test_round_trip_export_import_export(db_path, other_db_path, tmp_path):
    from lifelong_desktop.db import open_database
    from lifelong_desktop.services.demo.create import make_demo_database

    make_demo_database(db_path)
    first = _export(db_path, tmp_path / "first.xlsx")
    target = open_database(other_db_path)
    try:
        outcome = apply_import(target, first)
        assert outcome.applied and outcome.counts["new"] == len(_comparable(first)[0])
    finally:
        target.close()
    second = _export(other_db_path, tmp_path / "second.xlsx")
    a_acts, a_orgs, a_venues = _comparable(first)
    b_acts, b_orgs, b_venues = _comparable(second)
    assert b_acts == a_acts  # every field, organisations by role in order, parents, venues by name
    assert b_orgs == a_orgs
    assert b_venues == a_venues


# ---------------------------------------------------------------- property: what reads clean, imports


@pytest.mark.parametrize("store", STORES)
def test_any_workbook_that_reads_without_errors_imports(store, request, tmp_path):
    """Random cell values: the reader never raises, and an error-free workbook never breaks a database rule
    (each clean one imported into a fresh empty database of the store)."""
    import shutil

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from lifelong_desktop.db import open_database
    from lifelong_desktop.submission.reading.reader import read_workbook

    empty = tmp_path / "empty.sqlite"
    open_database(empty).close()
    text = st.text(
        st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=12
    )

    def mostly(valid, *noise):  # a valid value about eleven times in twelve
        return st.integers(0, 11).flatmap(lambda i: valid if i else st.sampled_from(list(noise)))

    number = mostly(st.integers(0, 300000), -5, 12.5, "1,200", "abc", None)
    row = st.fixed_dictionaries(
        {
            "title": text,
            "activity_type": mostly(st.sampled_from(["讲座", "lecture", "培训"]), "x"),
            "level": st.sampled_from(["市级", "县级", "COUNTY"]),
            "mode": st.sampled_from(["线下", "线上", "hybrid"]),
            "status": st.sampled_from(["已举办", "计划中", "cancelled"]),
            "city_code": mostly(st.sampled_from(["210100", "210200", 210300, "沈阳市"]), "110100"),
            "county_code": mostly(st.none(), "210102", "210202 中山区", "和平区"),
            "start_date": st.dates(date(2024, 4, 1), date(2024, 12, 1)),
            "days": mostly(st.integers(0, 3), -1),
            "start_time": mostly(st.sampled_from([None, "9:00-11:30", "14:00", "9点半"]), "25:00"),
            "end_time": mostly(st.none(), "16:00", "8:00"),
            "venue": text,
            "online_url": text,
            "hosts": mostly(text, "教育部；辽宁省人民政府", "甲\n乙；甲", "ＡＢＣ;abc"),
            "undertakers": mostly(st.none(), "ＡＢＣ", "教育部"),
            "audiences": mostly(st.sampled_from([None, "老年人、职工", "public;youth"]), "外星人"),
            "expected_participants": number,
            "actual_participants": mostly(st.none(), 12, "7"),
            "featured": mostly(st.sampled_from([None, "是", "N", 1]), "也许"),
            "contact_phone": mostly(st.sampled_from([None, "024-1234567", "+86 (24) 1234 5678"]), "12"),
        }
    )
    runs = iter(range(10**6))

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(st.lists(row, min_size=1, max_size=3))
    def check(rows):
        n = next(runs)
        acts = []
        for r in rows:
            days = r.pop("days")
            acts.append(
                mh.sample_activity(
                    activity_id=None, co_organisers=None, end_date=r["start_date"] + timedelta(days=days), **r
                )
            )
        book = mh.build_workbook(tmp_path / f"p{n}.xlsx", activities=acts)
        result = read_workbook(book)
        assert result.exit_code in (0, 1)
        if result.exit_code == 0:
            if store == "sqlite":
                db_file = tmp_path / f"p{n}.sqlite"
                shutil.copy(empty, db_file)
            else:
                db_file = new_db_path(store, request, "")
            database = open_database(db_file)
            try:
                outcome = apply_import(database, result)
                assert outcome.applied and outcome.counts["new"] == len(result.data.activities)
                imported.append(n)
            finally:
                database.close()

    imported: list[int] = []
    check()
    assert imported, "no example read clean: the strategy tests nothing"


def test_a_blank_id_row_never_takes_an_activity_another_row_names(db, tmp_path, province):
    apply_import(db, dalian(tmp_path))
    with db.read() as s:
        uid = s.scalar(select(Activity.uid).where(Activity.title == "大连市民讲座"))
    acts = [
        mh.sample_activity(
            activity_id=None,
            title="大连市民讲座",
            city_code="210200",
            venue="大连图书馆",
            description="另一场同名活动",
        ),
        mh.sample_activity(
            activity_id=uid,
            title="大连市民讲座",
            city_code="210200",
            venue="大连图书馆",
            description="原活动的新简介",
        ),
    ]
    outcome = apply_import(db, dalian(tmp_path, "second.xlsx", seq=2, activities=acts))
    assert outcome.counts == {"new": 1, "updated": 1, "unchanged": 0, "missing": 1}
    with db.read() as s:
        assert s.scalar(select(Activity.description).where(Activity.uid == uid)) == "原活动的新简介"


def test_cli_validate_expands_patterns_itself_and_speaks_english(tmp_path, capsys, monkeypatch):
    mh.build_workbook(tmp_path / "a.xlsx")
    mh.build_workbook(tmp_path / "b.xlsx", activities=[mh.sample_activity(level="xx")])
    code, out, _ = run(capsys, "--lang", "en", "validate", tmp_path / "*.xlsx")
    assert code == 1
    assert 'b.xlsx: 活动!D3 error invalid_code: "xx" is not a valid value' in out
    assert "a.xlsx: no errors" in out


def test_lower_regions_of_each_level():
    from lifelong_desktop.services.returns import lower_regions

    assert [c for c, _ in lower_regions("000000")][:3] == ["110000", "120000", "130000"]
    assert len(lower_regions("000000")) >= 31
    assert [c for c, _ in lower_regions("210000")] == [f"21{i:02d}00" for i in range(1, 15)]
    assert ("210102", "和平区") in lower_regions("210100")
    assert lower_regions("210102") == []


def test_a_county_return_into_a_city_programme(db, tmp_path):
    city = mh.sample_header(scope="city", region_code="210100", region_name="沈阳市", submission_seq=1)
    apply_import(
        db, mh.build_workbook(tmp_path / "city.xlsx", header=city, activities=[mh.sample_activity()])
    )
    county = mh.sample_header(
        scope="county",
        region_code="210102",
        region_name="和平区",
        submission_seq=1,
        submission_id="dddddddd-3f4a-4c1b-9d1e-0a2b3c4d5e6f",
    )
    acts = [
        mh.sample_activity(activity_id=None, title="和平区讲座", city_code="210100", county_code="210102")
    ]
    outcome = apply_import(db, mh.build_workbook(tmp_path / "county.xlsx", header=county, activities=acts))
    assert outcome.applied and outcome.counts["new"] == 1
    with db.read() as s:
        rows = {r.region_code: r for r in programme_returns(s, s.scalars(select(Programme)).one())}
    assert rows["210102"].returned and rows["210102"].activities == 1 and not rows["210103"].returned


def test_cli_dry_run_with_prune_does_not_claim_deletions(db_path, tmp_path, capsys):
    run(capsys, "import", "--db", db_path, mh.build_workbook(tmp_path / "own.xlsx"))
    run(capsys, "import", "--db", db_path, dalian(tmp_path))
    second = dalian(
        tmp_path,
        "second.xlsx",
        seq=2,
        activities=[
            mh.sample_activity(activity_id=None, title="大连市民讲座", city_code="210200", venue="大连图书馆")
        ],
    )
    code, out, _ = run(capsys, "import", "--db", db_path, "--dry-run", "--prune", second)
    assert code == 0 and "已删除" not in out and "将删除" in out and "本次未删除" in out
    assert "已保留" not in out and "按 --prune 的要求删除" in out  # the warning agrees with --prune
    code, out, _ = run(capsys, "import", "--db", db_path, "--prune", second)
    assert code == 0 and "已删除报送中不再有的活动 1 个" in out and "已保留" not in out


def test_a_national_workbook_reimports_into_the_national_programme_it_created(db, tmp_path):
    header = mh.sample_header(
        scope="national", region_code="000000", region_name="全国", submitting_unit="", contact_name=""
    )
    path = mh.build_workbook(tmp_path / "national.xlsx", header=header)
    first = apply_import(db, path)
    assert first.applied and first.counts["new"] == 1
    again = apply_import(db, path)
    assert [f.code for f in again.findings] == [] and again.applied
    assert again.counts == {"new": 0, "updated": 0, "unchanged": 1, "missing": 0}


def test_own_workbook_with_blank_ids_reimports_without_duplicates(db, tmp_path):
    """A merged workbook (ids blank) that became the programme's own, imported again: nothing doubles."""
    acts = [mh.sample_activity(activity_id=None), mh.sample_activity(activity_id=None, title="第二项")]
    path = mh.build_workbook(tmp_path / "merged.xlsx", activities=acts)
    assert apply_import(db, path).counts["new"] == 2
    again = apply_import(db, path)
    assert again.counts == {"new": 0, "updated": 0, "unchanged": 2, "missing": 0}
    assert counts(db)["activity"] == 2


@pytest.mark.sqlite_only  # about the file a refused import must not leave behind
def test_cli_missing_file_is_named_as_missing_in_json_too(db_path, tmp_path, capsys):
    missing = tmp_path / "不存在.xlsx"
    code, out, _ = run(capsys, "validate", "--json", missing)
    finding = json.loads(out)[0]["findings"][0]
    assert code == 2 and finding["code"] == "not_a_workbook" and "找不到该文件" in finding["message"]
    code, out, _ = run(capsys, "--lang", "en", "import", "--db", db_path, "--json", missing)
    data = json.loads(out)
    assert code == 2 and data["applied"] is False and "cannot be found" in data["findings"][0]["message"]
    assert not db_path.exists()
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    code, out, _ = run(capsys, "--lang", "zh", "validate", "--json", empty)
    assert code == 2 and "不是 Excel 工作簿" in json.loads(out)[0]["findings"][0]["message"]


@pytest.mark.sqlite_only  # about the file a refused import must not leave behind
def test_cli_dry_run_or_refusal_into_a_new_database_leaves_no_file(db_path, tmp_path, capsys):
    path = dalian(tmp_path)
    code, out, _ = run(capsys, "import", "--db", db_path, "--dry-run", path)
    assert code == 0 and "正式导入时将" in out and "已按" not in out
    assert not db_path.exists() and not (tmp_path / "backups").exists()
    code, _, _ = run(capsys, "import", "--db", db_path, "--year", "2023", path)
    assert code == 1 and not db_path.exists() and not (tmp_path / "backups").exists()
    code, out, _ = run(capsys, "import", "--db", db_path, path)
    assert code == 0 and "已按该工作簿" in out and db_path.exists()


def test_cli_validate_skips_excel_lock_files_a_pattern_matches(tmp_path, capsys):
    mh.build_workbook(tmp_path / "a.xlsx")
    (tmp_path / "~$a.xlsx").write_bytes(b"\x00" * 165)  # Excel holds a.xlsx open
    code, out, _ = run(capsys, "validate", tmp_path / "*.xlsx")
    assert code == 0 and "~$a.xlsx: - warning lock_file_skipped" in out and "not_a_workbook" not in out
    code, out, _ = run(capsys, "validate", "--json", tmp_path / "*.xlsx")
    data = {Path(e["file"]).name: e for e in json.loads(out)}
    assert code == 0 and [f["code"] for f in data["~$a.xlsx"]["findings"]] == ["lock_file_skipped"]
    assert data["a.xlsx"]["exit_code"] == 0
    code, _, _ = run(capsys, "validate", tmp_path / "~$a.xlsx")  # named on purpose: read, and refused
    assert code == 2
