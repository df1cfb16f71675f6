"""Exporting a programme: header identity, seq raised on every (successful) export, order, referenced registers."""

from __future__ import annotations

from datetime import date, time

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from lifelong_desktop import files, messages
from lifelong_desktop.cli import main
from lifelong_desktop.models import Activity, Organisation, Programme, Venue
from lifelong_desktop.services.programmes import create_programme

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)

ACTIVITIES = [  # title, date, start, end, city
    ("沈阳讲座", date(2024, 4, 26), time(14, 0), time(16, 0), "210100"),
    ("大连全天展览", date(2024, 4, 26), None, None, "210200"),
    ("Beta 论坛", date(2024, 4, 26), time(9, 0), time(11, 0), "210100"),
    ("Alpha 论坛", date(2024, 4, 26), time(9, 0), time(11, 0), "210100"),
    ("鞍山早场", date(2024, 4, 26), time(9, 0), time(10, 0), "210300"),
    ("沈阳全天", date(2024, 4, 26), None, None, "210100"),
    ("前一天", date(2024, 4, 25), time(19, 0), time(20, 0), "211400"),
]
EXPECTED_ORDER = ["前一天", "沈阳全天", "大连全天展览", "Alpha 论坛", "Beta 论坛", "鞍山早场", "沈阳讲座"]


@pytest.fixture
def plan(db, db_path):
    with db.transaction("seed") as s:
        p = create_programme(
            s,
            region_code="210000",
            year=2024,
            theme="终身学习",
            submitting_unit="辽宁省教育厅",
            contact_name="王老师",
            contact_phone="024-86891234",
            window_start=date(2024, 4, 1),
            window_end=date(2024, 12, 5),
        )
        host = Organisation(name="辽宁省教育厅", org_type="government")
        under = Organisation(name="沈阳开放大学", org_type="open_university")
        unused = Organisation(name="未参与单位", org_type="other")
        venue = Venue(name="沈阳市图书馆", city_code="210100", capacity=300, venue_type="library")
        spare = Venue(name="闲置场地", city_code="210100")
        s.add_all([host, under, unused, venue, spare])
        s.flush()
        for title, day, start, end, city in ACTIVITIES:
            a = Activity(
                programme_id=p.id,
                title=title,
                activity_type="lecture",
                level="provincial",
                start_date=day,
                start_time=start,
                end_date=day,
                end_time=end,
                mode="offline" if city == "210100" else "online",
                online_url="" if city == "210100" else "https://live.example.cn/llw",
                city_code=city,
                venue_id=venue.id if city == "210100" else None,
                status="planned",
                audiences="public",
                expected_participants=100,
            )
            s.add(a)
            s.flush()
            a.set_organisations("host", [host])
            if city == "210100":
                a.set_organisations("undertaker", [under])
        uid = p.submission_uid
    return db_path, uid


def programme(db) -> Programme:
    with db.read() as s:
        return s.scalars(select(Programme)).one()


def test_export_writes_the_programme_and_raises_seq_every_time(db, plan, tmp_path, capsys):
    db_path, uid = plan
    out = tmp_path / "辽宁.xlsx"
    assert main(["export", "--db", str(db_path), "--out", str(out)]) == 0
    assert "辽宁.xlsx" in capsys.readouterr().out
    wb = load_workbook(out)
    h = {r[1]: r[2] for r in wb["填报信息"].iter_rows(values_only=True)}
    assert h["submission_id"] == uid and h["submission_seq"] == 1 and h["scope"] == "province"
    assert (
        h["region_code"] == "210000"
        and h["submitting_unit"] == "辽宁省教育厅"
        and h["data_as_of"] is not None
    )
    first = programme(db)
    assert first.submission_seq == 1 and first.last_exported_at is not None
    assert main(["export", "--db", str(db_path), "--out", str(out)]) == 0
    h = {r[1]: r[2] for r in load_workbook(out)["填报信息"].iter_rows(values_only=True)}
    assert h["submission_seq"] == 2 and h["submission_id"] == uid
    assert programme(db).submission_seq == 2


def test_activities_in_format_order_with_only_referenced_registers(plan, tmp_path):
    db_path, _ = plan
    out = tmp_path / "e.xlsx"
    assert main(["export", "--db", str(db_path), "--out", str(out)]) == 0
    wb = load_workbook(out)
    titles = [r[1] for r in wb["活动"].iter_rows(min_row=3, values_only=True)]
    assert titles == EXPECTED_ORDER
    assert sorted(r[0] for r in wb["单位"].iter_rows(min_row=3, values_only=True)) == [
        "沈阳开放大学",
        "辽宁省教育厅",
    ]
    assert [r[0] for r in wb["场地"].iter_rows(min_row=3, values_only=True)] == ["沈阳市图书馆"]
    row = next(r for r in wb["活动"].iter_rows(min_row=3, values_only=True) if r[1] == "沈阳讲座")
    keys = [c.value for c in wb["活动"][2]]
    value = dict(zip(keys, row, strict=True))
    assert (
        value["hosts"] == "辽宁省教育厅"
        and value["undertakers"] == "沈阳开放大学"
        and value["venue"] == "沈阳市图书馆"
    )
    assert value["activity_type"] == "讲座" and value["featured"] == "否"


def test_failed_export_keeps_old_file_and_seq(db, plan, tmp_path, monkeypatch, capsys):
    db_path, _ = plan
    out = tmp_path / "e.xlsx"
    assert main(["export", "--db", str(db_path), "--out", str(out)]) == 0
    before = out.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "in use")

    monkeypatch.setattr(files.os, "replace", refuse)
    capsys.readouterr()
    assert main(["export", "--db", str(db_path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "e.xlsx" in err and "Traceback" not in err
    assert out.read_bytes() == before
    assert programme(db).submission_seq == 1
    assert sorted(p.name for p in tmp_path.iterdir() if ".xlsx" in p.name) == ["e.xlsx"]  # no temporary left
    monkeypatch.undo()
    (tmp_path / "~$e.xlsx").write_bytes(b"")
    assert main(["export", "--db", str(db_path), "--out", str(out)]) == 2
    assert out.read_bytes() == before and programme(db).submission_seq == 1


def test_export_with_check_errors_still_succeeds_and_warns(db, plan, tmp_path, capsys):
    pytest.importorskip("lifelong_desktop.services.checks.runner")
    db_path, _ = plan
    with db.transaction("outside window") as s:
        a = s.scalars(select(Activity).where(Activity.title == "前一天")).one()
        a.start_date = a.end_date = date(2024, 1, 5)  # before the window: an error-level check
    assert main(["export", "--db", str(db_path), "--out", str(tmp_path / "e.xlsx")]) == 0
    err = capsys.readouterr().err
    assert err.strip() and (tmp_path / "e.xlsx").exists()
    assert err.strip().startswith(messages.render("export.check_errors", count=0).split("0")[0])


def test_missing_database_and_no_programme(tmp_path, db, capsys):
    assert main(["export", "--db", str(tmp_path / "none.sqlite"), "--out", str(tmp_path / "e.xlsx")]) == 3
    assert main(["export", "--db", str(db.url or db.path), "--out", str(tmp_path / "e.xlsx")]) == 3
    assert not (tmp_path / "e.xlsx").exists()
    assert "Traceback" not in capsys.readouterr().err


def test_exported_workbook_reads_back_without_errors(plan, tmp_path):
    reader = pytest.importorskip("lifelong_desktop.submission.reading.reader")
    db_path, _ = plan
    out = tmp_path / "e.xlsx"
    assert main(["export", "--db", str(db_path), "--out", str(out)]) == 0
    result = reader.read_workbook(out)
    assert not [f for f in result.findings if f.severity == "error"], [f.as_text() for f in result.findings]
    assert [a["title"] for a in result.data.activities] == EXPECTED_ORDER


def test_sub_venue_names_its_main_venue_activity(db, plan, tmp_path):
    db_path, _ = plan
    with db.transaction("sub-venue") as s:
        main_act = s.scalars(select(Activity).where(Activity.title == "沈阳讲座")).one()
        sub = s.scalars(select(Activity).where(Activity.title == "Alpha 论坛")).one()
        sub.parent_id = main_act.id
        main_uid = main_act.uid
    out = tmp_path / "e.xlsx"
    assert main(["export", "--db", str(db_path), "--out", str(out)]) == 0
    ws = load_workbook(out)["活动"]
    keys = [c.value for c in ws[2]]
    rows = {r[1]: dict(zip(keys, r, strict=True)) for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows["Alpha 论坛"]["parent_id"] == main_uid and rows["沈阳讲座"]["parent_id"] is None


def test_demo_export_is_conformant_and_opens_cleanly_everywhere(db_path, tmp_path):
    """The demo programme exported by the CLI: conformant parts; openpyxl (normal mode) warns of nothing."""
    import warnings

    from python_calamine import CalamineWorkbook

    from tests.helpers.xlsx_package import check_package

    out = tmp_path / "演示.xlsx"
    assert main(["demo", "--db", str(db_path)]) == 0
    assert main(["export", "--db", str(db_path), "--out", str(out)]) == 0
    facts = check_package(out)
    assert facts["selected"] == [facts["active"]] == [0] and facts["states"][-1] == "hidden"
    assert all(v.startswith("'代码表'!") for v in facts["worksheets"]["活动"]["validations"].values())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        wb = load_workbook(out)
    acts = wb["活动"]
    assert acts.freeze_panes == "A3" and acts.auto_filter.ref == facts["worksheets"]["活动"]["filter"]
    assert wb["代码表"].sheet_state == "hidden" and wb.active.title == "填报说明"
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == wb.sheetnames
    assert len(book.get_sheet_by_name("活动").to_python()) == acts.max_row
