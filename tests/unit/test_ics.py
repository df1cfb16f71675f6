"""Calendar export: RFC 5545 structure, daily meaning of multi-day activities, Outlook pitfalls."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import icalendar
import pytest
from sqlalchemy import select

from lifelong_desktop.cli import main
from lifelong_desktop.db import open_database
from lifelong_desktop.models import Activity, Organisation, Venue
from lifelong_desktop.printing.ics import event_uid, programme_calendar
from lifelong_desktop.services.programmes import create_programme

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.fixture
def plan_db(db_path):
    db = open_database(db_path)
    with db.transaction("t") as s:
        p = create_programme(s, region_code="210000", year=2024, theme="终身学习 技能成才")
        hall = Venue(name="沈阳市图书馆报告厅", city_code="210100", address="沈阳市和平区南京北街1号")
        orgs = [
            Organisation(name=n) for n in ("辽宁省教育厅", "沈阳市教育局", "辽宁开放大学", "沈阳市图书馆")
        ]
        s.add_all([hall, *orgs])

        def add(title, **kw):
            values = dict(
                title=title,
                activity_type="lecture",
                level="provincial",
                mode="offline",
                city_code="210100",
                venue=hall,
                status="confirmed",
                start_date=date(2024, 5, 13),
                end_date=date(2024, 5, 13),
            )
            values.update(kw)
            a = Activity(programme_id=p.id, **values)
            a.set_organisations("host", [orgs[0], orgs[1]])
            a.set_organisations("undertaker", [orgs[2]])
            a.set_organisations("co_organiser", [orgs[3]])
            s.add(a)
            return a

        add("开幕式", start_time=time(9, 30), end_time=time(11, 30))
        add(
            "三天展览",
            start_date=date(2024, 5, 13),
            end_date=date(2024, 5, 15),
            start_time=time(9),
            end_time=time(17),
            status="planned",
        )
        add("读书周", start_date=date(2024, 5, 13), end_date=date(2024, 5, 19))
        add("取消的讲座", status="cancelled", start_time=time(14), end_time=time(16))
        add(
            "线上课程",
            mode="online",
            venue=None,
            online_url="https://live.example.cn/a",
            start_time=time(19),
            end_time=time(20),
        )
    yield db
    db.close()


def events(db):
    with db.read() as s:
        cal, n = programme_calendar(s, 1, lang="zh")
    data = cal.to_ical()
    return data, {str(e["summary"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}, n


def test_one_event_per_activity_with_daily_meaning(plan_db):
    data, evs, n = events(plan_db)
    assert n == 5 and len(evs) == 5
    opening = evs["开幕式"]
    assert opening.decoded("dtstart") == datetime(
        2024, 5, 13, 9, 30, tzinfo=opening.decoded("dtstart").tzinfo
    )
    assert str(opening.decoded("dtstart").tzinfo) == "Asia/Shanghai"
    assert "rrule" not in opening
    expo = evs["三天展览"]
    assert expo.decoded("dtend") - expo.decoded("dtstart") == timedelta(hours=8)
    rule = expo["rrule"]
    assert rule["FREQ"] == ["DAILY"] and rule["UNTIL"][0] == datetime(
        2024, 5, 15, 1, 0, tzinfo=rule["UNTIL"][0].tzinfo
    )
    assert rule["UNTIL"][0].utcoffset() == timedelta(0)
    week = evs["读书周"]
    assert week.decoded("dtstart") == date(2024, 5, 13) and week.decoded("dtend") == date(2024, 5, 20)
    assert b"DTSTART;VALUE=DATE:20240513" in data


def test_status_location_description(plan_db):
    _, evs, _ = events(plan_db)
    assert str(evs["取消的讲座"]["status"]) == "CANCELLED"
    assert str(evs["三天展览"]["status"]) == "TENTATIVE"
    assert str(evs["开幕式"]["status"]) == "CONFIRMED"
    assert str(evs["开幕式"]["location"]) == "沈阳市图书馆报告厅，沈阳市和平区南京北街1号"
    assert str(evs["线上课程"]["location"]) == "https://live.example.cn/a"
    desc = str(evs["开幕式"]["description"])
    assert (
        desc.index("主办单位：辽宁省教育厅、沈阳市教育局")
        < desc.index("承办单位：辽宁开放大学")
        < desc.index("协办单位：沈阳市图书馆")
    )


def test_outlook_pitfalls_and_rfc_shape(plan_db):
    data, evs, _ = events(plan_db)
    text = data.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # CRLF only
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))  # folded
    for key in ("PRODID:", "VERSION:2.0", "X-WR-CALNAME:辽宁省2024年全民终身学习活动周"):
        assert key in text
    tzids = set(re.findall(r";TZID=([^:;]+)", text))
    assert tzids == {"Asia/Shanghai"}
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai" in text
    body = text[text.index("BEGIN:VEVENT") :]  # (inside VTIMEZONE, local DTSTARTs are what RFC 5545 asks)
    for line in body.split("\r\n"):  # no floating times: every date-time has a TZID or is UTC
        if (
            re.match(r"(DTSTART|DTEND|RECURRENCE-ID)[;:]", line)
            and "VALUE=DATE" not in line
            and "TZID=" not in line
        ):
            assert line.endswith("Z"), line
    for ev in evs.values():
        assert "dtstamp" in ev and str(ev["uid"]).endswith("@lifelong-desktop.cn")


def test_uid_stable_and_sequence_raised_on_change(plan_db):
    _, before, _ = events(plan_db)
    with plan_db.transaction("edit") as s:
        a = s.scalars(select(Activity).where(Activity.title == "开幕式")).one()
        uid = a.uid
        a.end_time = time(12)
    _, after, _ = events(plan_db)
    assert str(after["开幕式"]["uid"]) == str(before["开幕式"]["uid"]) == event_uid(uid)
    assert int(after["开幕式"]["sequence"]) == int(before["开幕式"]["sequence"]) + 1


def test_cli_ics(plan_db, db_path, tmp_path, capsys):
    out = tmp_path / "活动周.ics"
    assert main(["ics", "--db", str(db_path), "--out", str(out)]) == 0
    assert "5" in capsys.readouterr().out
    assert len(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 5
    assert main(["ics", "--db", str(db_path), "--out", str(tmp_path / "x.txt")]) == 2
    assert "ics" in capsys.readouterr().err
