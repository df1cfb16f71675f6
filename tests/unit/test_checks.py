"""Planning checks: each code found on a programme built to contain it, and not on a clean one."""

from __future__ import annotations

import json
from datetime import date, time

import pytest

from lifelong_desktop.models import Activity, Organisation, Venue
from lifelong_desktop.services.checks.runner import run_checks
from lifelong_desktop.services.occurrences import daily_span, occurrences, overlapping_pairs, overlaps
from lifelong_desktop.services.programmes import create_programme
from lifelong_desktop.services.rows import activity_rows

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)

TODAY = date(2024, 5, 1)
SHENYANG, DALIAN = "210100", "210200"


class Plan:
    """A tiny programme built with the models directly: a clean base to add one problem to."""

    def __init__(self, session, window=True, year=2024, like=None):
        self.s = session
        self.p = create_programme(
            session,
            region_code="210000",
            year=year,
            theme="终身学习",
            window_start=date(year, 4, 1) if window else None,
            window_end=date(year, 12, 5) if window else None,
        )
        if like is not None:  # a second programme sharing the registers of the first
            self.hall, self.hall2, self.host, self.univ = like.hall, like.hall2, like.host, like.univ
            return
        self.hall = Venue(name="沈阳市图书馆报告厅", city_code=SHENYANG, address="沈阳市和平区", capacity=300)
        self.hall2 = Venue(name="大连市群众艺术馆", city_code=DALIAN, address="大连市中山区", capacity=500)
        self.host = Organisation(name="辽宁省教育厅", org_type="government")
        self.univ = Organisation(name="辽宁开放大学", org_type="open_university")
        session.add_all([self.hall, self.hall2, self.host, self.univ])

    def add(self, title="终身学习讲座", **kw):
        values = dict(
            title=title,
            activity_type="lecture",
            level="provincial",
            start_date=date(year_of(kw), 5, 13),
            end_date=date(year_of(kw), 5, 13),
            start_time=time(9),
            end_time=time(11),
            mode="offline",
            city_code=SHENYANG,
            venue=self.hall,
            status="confirmed",
            expected_participants=100,
        )
        values.update({k: v for k, v in kw.items() if k not in ("hosts", "undertakers", "year")})
        a = Activity(programme_id=self.p.id, **values)
        a.set_organisations("host", kw.get("hosts", [self.host]))
        a.set_organisations("undertaker", kw.get("undertakers", [self.univ]))
        self.s.add(a)
        self.s.flush()
        return a

    def codes(self, today=TODAY):
        return [f.code for f in run_checks(self.s, self.p.id, today=today)]


def year_of(kw):
    return kw.get("year", 2024)


@pytest.fixture
def plan(db):
    with db.transaction("test") as session:
        yield Plan(session)


def clean(plan, **common):
    plan.add("开幕式", activity_type="opening_ceremony", **common)
    plan.add("老年人智能手机培训", start_time=time(14), end_time=time(16), **common)
    plan.add("大连读书会", city_code=DALIAN, venue=plan.hall2, undertakers=[plan.host], **common)
    plan.add(
        "线上课程",
        mode="online",
        venue=None,
        online_url="https://example.org/live",
        start_date=date(2024, 5, 14),
        end_date=date(2024, 5, 14),
        **common,
    )


HELD = dict(status="held", actual_participants=90)


def test_clean_programme_has_no_findings(plan):
    clean(plan)
    assert plan.codes() == []


def test_venue_double_booked(plan):
    clean(plan)
    a = plan.add("重叠讲座", start_time=time(10), end_time=time(12))
    findings = run_checks(plan.s, plan.p.id, today=TODAY)
    hits = [f for f in findings if f.code == "venue_double_booked"]
    assert len(hits) == 1 and hits[0].severity == "error"
    assert a.uid in hits[0].activity_ids and a.id in hits[0].activity_db_ids
    assert hits[0].venue == "沈阳市图书馆报告厅"
    assert "沈阳市图书馆报告厅" in hits[0].message("zh") and "double-booked" in hits[0].message("en")


def test_venue_touching_times_and_cancelled_do_not_clash(plan):
    clean(plan)
    plan.add("紧接讲座", start_time=time(11), end_time=time(12))
    plan.add("已取消讲座", start_time=time(9), end_time=time(12), status="cancelled")
    assert "venue_double_booked" not in plan.codes()


def test_multi_day_daily_hours_clash_only_when_hours_meet(plan):
    plan.add(
        "三天展览上午",
        start_date=date(2024, 5, 12),
        end_date=date(2024, 5, 14),
        start_time=time(9),
        end_time=time(11),
    )
    plan.add(
        "第三天下午",
        start_date=date(2024, 5, 14),
        end_date=date(2024, 5, 14),
        start_time=time(14),
        end_time=time(16),
    )
    assert "venue_double_booked" not in plan.codes()
    plan.add(
        "第二天全天", start_date=date(2024, 5, 13), end_date=date(2024, 5, 13), start_time=None, end_time=None
    )
    assert plan.codes().count("venue_double_booked") == 1


def test_capacity_exceeded(plan):
    clean(plan)
    plan.add("大型讲座", start_date=date(2024, 5, 20), end_date=date(2024, 5, 20), expected_participants=301)
    assert plan.codes() == ["capacity_exceeded"]


def test_outside_window_only_with_a_window(plan):
    plan.add("三月活动", start_date=date(2024, 3, 30), end_date=date(2024, 3, 30), **HELD)
    assert plan.codes() == ["outside_window"]
    no_window = Plan(plan.s, window=False, year=2025, like=plan)
    no_window.add("三月活动", start_date=date(2025, 3, 31), end_date=date(2025, 3, 31), year=2025)
    assert "outside_window" not in no_window.codes()


def test_public_holiday_and_adjusted_workday(plan):
    plan.add(
        "劳动节活动",
        start_date=date(2024, 5, 1),
        end_date=date(2024, 5, 1),
        status="held",
        actual_participants=50,
    )
    plan.add(
        "调休日活动",
        start_date=date(2024, 4, 28),
        end_date=date(2024, 4, 28),
        status="held",
        actual_participants=50,
    )
    plan.add(
        "调休放假日活动",
        start_date=date(2024, 5, 2),
        end_date=date(2024, 5, 2),
        status="held",
        actual_participants=50,
        venue=plan.hall2,
        city_code=DALIAN,
    )
    plan.add("普通周六活动", start_date=date(2024, 5, 18), end_date=date(2024, 5, 18))
    plan.add(
        "跨越国庆的展览",
        start_date=date(2024, 9, 28),
        end_date=date(2024, 10, 8),
        start_time=None,
        end_time=None,
        venue=plan.hall2,
        city_code=DALIAN,
    )
    findings = {
        f.params["kind"]: f for f in run_checks(plan.s, plan.p.id, today=TODAY) if f.code == "public_holiday"
    }
    assert len(findings) == 3 and all(f.severity == "warning" for f in findings.values())
    assert "劳动节" in findings["holiday"].message("zh") and "public holiday" in findings["holiday"].message(
        "en"
    )
    assert findings["workday"].params["date"] in ("2024-04-28", "2024-09-29")
    assert "与 2024-04-28 对调" in findings["rest_day"].message("zh")
    long_one = [f for f in run_checks(plan.s, plan.p.id, today=TODAY) if f.params.get("date") == "2024-09-29"]
    assert long_one and long_one[0].params["more"] == 5  # 1-3 October, and the days off of 4 and 7 October


def test_holiday_data_missing_once_for_unpublished_year(db):
    with db.transaction("t") as s:
        plan = Plan(s, year=2031)
        plan.add("A", year=2031, start_date=date(2031, 5, 1), end_date=date(2031, 5, 1))
        plan.add(
            "B",
            year=2031,
            start_date=date(2031, 5, 2),
            end_date=date(2031, 5, 2),
            venue=plan.hall2,
            city_code=DALIAN,
        )
        codes = plan.codes(today=date(2031, 4, 1))
        assert codes.count("holiday_data_missing") == 1
        assert "public_holiday" not in codes


def test_organiser_double_booked_in_two_cities(plan):
    clean(plan)
    plan.add("大连同时段讲座", city_code=DALIAN, venue=plan.hall2)  # undertaker 辽宁开放大学 again, 9-11
    findings = [f for f in run_checks(plan.s, plan.p.id, today=TODAY) if f.code == "organiser_double_booked"]
    assert len(findings) == 1 and "辽宁开放大学" in findings[0].message("zh")


def test_main_and_sub_venues_may_share_an_undertaker(plan):
    main = plan.add("开幕式主会场", activity_type="opening_ceremony")
    plan.add("大连分会场", city_code=DALIAN, venue=plan.hall2, parent_id=main.id)
    plan.add(
        "另一分会场",
        city_code="210300",
        venue=None,
        mode="online",
        online_url="https://x.cn",
        parent_id=main.id,
    )
    assert "organiser_double_booked" not in plan.codes()


def test_sub_venue_mismatch(plan):
    clean(plan)
    main = plan.s.query(Activity).filter_by(title="开幕式").one()
    plan.add(
        "分会场",
        venue=plan.hall2,
        city_code=DALIAN,
        undertakers=[plan.host],
        parent_id=main.id,
        start_date=date(2024, 5, 13),
        end_date=date(2024, 5, 15),
        start_time=time(14),
        end_time=time(15),
    )
    assert plan.codes() == ["sub_venue_mismatch"]


def test_duplicate_suspect(plan):
    clean(plan)
    plan.add(
        "《老年人智能手机培训》",
        venue=plan.hall2,
        start_time=time(18),
        end_time=time(19),
        undertakers=[plan.host],
    )
    assert plan.codes() == ["duplicate_suspect"]


@pytest.mark.parametrize(
    "change, field",
    [
        (dict(activity_type=None), "activity_type"),
        (dict(level=None), "level"),
        (dict(mode=None), "mode"),
        (dict(city_code=None), "city_code"),
        (dict(hosts=[]), "hosts"),
        (dict(title=""), "title"),
        (dict(venue=None), "venue"),
        (dict(mode="hybrid"), "online_url"),
    ],
)
def test_missing_for_submission(plan, change, field):
    plan.add(**{"title": "活动", "start_date": date(2024, 6, 3), "end_date": date(2024, 6, 3), **change})
    findings = [f for f in run_checks(plan.s, plan.p.id, today=TODAY) if f.code == "missing_for_submission"]
    assert len(findings) == 1 and findings[0].params["fields"] == [field]
    assert findings[0].severity == "error"


def test_unreported_result(plan):
    plan.add("已结束未更新", start_date=date(2024, 4, 20), end_date=date(2024, 4, 20))
    plan.add(
        "已举办无人数",
        start_date=date(2024, 4, 21),
        end_date=date(2024, 4, 21),
        status="held",
        start_time=time(14),
        end_time=time(15),
    )
    plan.add(
        "已举办有人数",
        start_date=date(2024, 4, 22),
        end_date=date(2024, 4, 22),
        status="held",
        actual_participants=80,
    )
    findings = [f for f in run_checks(plan.s, plan.p.id, today=TODAY) if f.code == "unreported_result"]
    assert sorted(f.params["reason"] for f in findings) == ["no_participants", "not_reported"]


def test_occurrences_and_overlap_meaning(plan):
    a = plan.add(
        "三天",
        start_date=date(2024, 5, 12),
        end_date=date(2024, 5, 14),
        start_time=time(9),
        end_time=time(11),
    )
    row = activity_rows(plan.s, plan.p.id)[0]
    days = list(occurrences(row))
    assert [o.day.day for o in days] == [12, 13, 14] and days[1].index == 2 and days[1].days == 3
    assert [o.day.day for o in occurrences(row, date(2024, 5, 13), date(2024, 5, 20))] == [13, 14]
    assert daily_span(row) == (540, 660)
    assert a.uid == row.uid
    assert overlaps(row, row)


def test_sweep_finds_the_same_pairs_as_all_pairs():
    import random
    from types import SimpleNamespace

    rnd = random.Random(4)
    items = []
    for _ in range(300):
        d = date(2024, 5, 1).toordinal() + rnd.randrange(20)
        length = rnd.choice([0, 0, 0, 1, 3])
        t = rnd.choice([None, time(9), time(14)])
        items.append(
            SimpleNamespace(
                start_date=date.fromordinal(d),
                end_date=date.fromordinal(d + length),
                start_time=t,
                end_time=None if t is None else time(t.hour + 2),
            )
        )
    swept = {frozenset((id(a), id(b))) for a, b in overlapping_pairs(items)}
    brute = {frozenset((id(a), id(b))) for i, a in enumerate(items) for b in items[i + 1 :] if overlaps(a, b)}
    assert swept == brute and swept


def test_cli_check_json_and_exit_code(db_path, capsys):
    from lifelong_desktop.cli import main
    from lifelong_desktop.db import open_database

    db = open_database(db_path)
    with db.transaction("t") as s:
        p = Plan(s)
        clean(p, **HELD)
    db.close()
    assert main(["check", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "未发现问题" in out
    db = open_database(db_path)
    with db.transaction("t") as s:
        p.s = s
        p.p = s.merge(p.p)
        p.hall, p.univ, p.host = s.merge(p.hall), s.merge(p.univ), s.merge(p.host)
        p.add("重叠讲座", start_time=time(10), end_time=time(12), **HELD)
    db.close()
    assert main(["check", "--db", str(db_path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"severity", "code", "activity_ids", "venue", "message"} <= set(data[0])
    assert data[0]["code"] == "venue_double_booked"
    assert main(["--lang", "en", "check", "--db", str(db_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("error venue_double_booked:") and out[-1].startswith("1 finding: 1 error, ")


CODES = (
    "venue_double_booked",
    "capacity_exceeded",
    "outside_window",
    "public_holiday",
    "holiday_data_missing",
    "organiser_double_booked",
    "sub_venue_mismatch",
    "duplicate_suspect",
    "missing_for_submission",
    "unreported_result",
)


def test_every_code_has_both_sentences():
    import json

    from lifelong_desktop.paths import resource

    catalogue = json.loads(resource("i18n", "messages", "checks.json").read_text(encoding="utf-8"))
    for code in CODES:
        assert {"zh", "en"} <= set(catalogue[f"check.{code}"]), code


def test_required_fields_follow_the_format():
    from lifelong_desktop.services.checks.rules import REQUIRED_FIELDS
    from lifelong_desktop.submission.format import load_format

    required = {c.key for c in load_format().tables["activities"].columns if c.required is True}
    assert required == set(REQUIRED_FIELDS)


def test_check_rows_accepts_activity_rows(plan):
    from lifelong_desktop.services.checks.runner import PlanWindow, check_rows

    clean(plan)
    plan.add("重叠讲座", start_time=time(10), end_time=time(12))
    plan.add("大型讲座", start_date=date(2024, 5, 20), end_date=date(2024, 5, 20), expected_participants=301)
    window = PlanWindow(plan.p.window_start, plan.p.window_end)
    via_rows = check_rows(activity_rows(plan.s, plan.p.id), window, today=TODAY)
    assert via_rows == run_checks(plan.s, plan.p.id, today=TODAY)
    assert {f.code for f in via_rows} == {"venue_double_booked", "capacity_exceeded"}


def test_cli_check_missing_year_is_exit_3(db, db_path, capsys):
    from lifelong_desktop.cli import main

    with db.transaction("t") as s:
        create_programme(s, region_code="210000", year=2024)
    assert main(["check", "--db", str(db_path), "--year", "2099"]) == 3
    err = capsys.readouterr().err
    assert "2099" in err and "Traceback" not in err


def test_holiday_library_knows_the_2024_arrangement():
    from lifelong_desktop.services.checks.holidays import holiday_year

    hy = holiday_year(2024)  # 国务院办公厅关于2024年部分节假日安排的通知
    assert sorted(d.isoformat() for d in hy.workdays) == [
        "2024-02-04",
        "2024-02-18",
        "2024-04-07",
        "2024-04-28",
        "2024-05-11",
        "2024-09-14",
        "2024-09-29",
        "2024-10-12",
    ]
    assert date(2024, 5, 1) in hy.days_off and date(2024, 10, 7) in hy.days_off
    assert holiday_year(2024) is hy  # cached per year


def test_findings_do_not_depend_on_the_order_rows_are_read_in(db):
    """The command line reads CheckRows in table order, the window hands over its ActivityRows in the format's
    order: the findings, and the order of the activities each lists, are the same for any order of rows."""
    import random

    from lifelong_desktop.services.checks.load import check_rows_of
    from lifelong_desktop.services.checks.runner import PlanWindow, check_loaded_rows, check_rows

    with db.transaction("t") as s:
        plan = Plan(s, year=2031)
        other = Organisation(name="沈阳师范大学", org_type="university")
        s.add(other)
        both = [plan.univ, other]  # two undertakers of the same pair of activities: two findings, one pair
        for day in (3, 1, 2, 1, 3):  # unpublished holiday year: one finding listing every activity
            plan.add(f"讲座{day}", year=2031, start_date=date(2031, 5, day), end_date=date(2031, 5, day))
        plan.add("沈阳讲座", year=2031, undertakers=both, venue=plan.hall)
        plan.add("大连讲座", year=2031, undertakers=both, city_code=DALIAN, venue=plan.hall2)
        plan.add("大连讲座", year=2031, undertakers=both, city_code=DALIAN, venue=plan.hall2)
        today = date(2031, 4, 1)
        expected = run_checks(s, plan.p.id, today=today)
        codes = [f.code for f in expected]
        assert codes.count("organiser_double_booked") >= 4 and "holiday_data_missing" in codes
        assert "venue_double_booked" in codes and "duplicate_suspect" in codes
        window = PlanWindow(plan.p.window_start, plan.p.window_end)
        rows = check_rows_of(s, plan.p.id)
        assert [r.id for r in rows] == sorted(r.id for r in rows)
        by_start = sorted(rows, key=lambda r: (r.start_date, r.id))  # the order the checks read before
        assert by_start != rows
        assert check_rows(by_start, window, today=today) == expected
        for seed in range(8):
            loaded = activity_rows(s, plan.p.id)
            random.Random(seed).shuffle(loaded)
            assert check_loaded_rows(s, plan.p.id, loaded, today=today) == expected
