"""A small Liaoning programme for register, summary and calendar tests (organisations, venues, activities)."""

from __future__ import annotations

from datetime import date, datetime, time

from lifelong_desktop.models import Submission
from lifelong_desktop.services.planning import ActivityInput, create_activity
from lifelong_desktop.services.programmes import create_programme
from lifelong_desktop.services.registers import create_organisation, create_venue

SHENYANG, DALIAN, ANSHAN = "210100", "210200", "210300"


def make_plan(db) -> dict:
    """Programme 2024 of Liaoning with 4 organisations, 3 venues and 6 activities; returns the ids by name."""
    with db.transaction("test plan") as s:
        p = create_programme(
            s,
            region_code="210000",
            year=2024,
            theme="终身学习",
            window_start=date(2024, 4, 1),
            window_end=date(2024, 12, 10),
            week_start=date(2024, 10, 26),
            week_end=date(2024, 11, 1),
        )
        ids: dict = {"programme": p.id}
        for key, name, kind in (
            ("edu", "辽宁省教育厅", "government"),
            ("union", "辽宁省总工会", "union"),
            ("ou", "辽宁开放大学", "open_university"),
            ("ou2", "辽宁 开放大学（沈阳）", "other"),
        ):
            ids[key] = create_organisation(s, {"name": name, "org_type": kind}).id
        for key, name, city, cap in (
            ("hall", "沈阳市图书馆", SHENYANG, 300),
            ("hall2", "沈阳图书馆", SHENYANG, None),
            ("dl", "大连市文化馆", DALIAN, 100),
        ):
            ids[key] = create_venue(s, {"name": name, "city_code": city, "capacity": cap}).id

        def act(key, title, start, end, city, kind, **kw):
            data = ActivityInput(
                title=title,
                start_date=start,
                end_date=end,
                city_code=city,
                activity_type=kind,
                level="provincial",
                audiences=("public",),
                **kw,
            )
            ids[key] = create_activity(s, p.id, data)

        act(
            "opening",
            "开幕式",
            date(2024, 10, 26),
            date(2024, 10, 26),
            SHENYANG,
            "opening_ceremony",
            start_time=time(9),
            end_time=time(11),
            venue_id=ids["hall"],
            expected_participants=500,
            actual_participants=480,
            host_ids=(ids["edu"],),
            undertaker_ids=(ids["ou2"], ids["ou"]),
            co_organiser_ids=(ids["union"], ids["ou2"]),
            status="held",
        )
        act(
            "lecture",
            "终身学习讲座",
            date(2024, 10, 26),
            date(2024, 10, 26),
            SHENYANG,
            "lecture",
            start_time=time(10),
            end_time=time(12),
            venue_id=ids["hall2"],
            expected_participants=80,
            host_ids=(ids["ou2"],),
        )
        act(
            "expo",
            "学习成果展",
            date(2024, 10, 27),
            date(2024, 10, 30),
            DALIAN,
            "exhibition",
            start_time=time(9),
            end_time=time(17),
            venue_id=ids["dl"],
            expected_participants=1000,
            online_participants=200,
            host_ids=(ids["edu"],),
            undertaker_ids=(ids["union"],),
        )
        act(
            "reading",
            "读书会",
            date(2024, 10, 28),
            date(2024, 10, 28),
            DALIAN,
            "reading",
            start_time=time(14),
            end_time=time(16),
            venue_id=ids["dl"],
            expected_participants=40,
            host_ids=(ids["ou"],),
        )
        act(
            "online",
            "线上课程",
            date(2024, 11, 4),
            date(2024, 11, 4),
            ANSHAN,
            "online_course",
            mode="online",
            online_url="https://example.cn",
            online_participants=3000,
            host_ids=(ids["ou"],),
        )
        act(
            "cancelled",
            "取消的讲座",
            date(2024, 10, 28),
            date(2024, 10, 28),
            DALIAN,
            "lecture",
            start_time=time(15),
            end_time=time(17),
            venue_id=ids["dl"],
            expected_participants=30,
            status="cancelled",
            host_ids=(ids["edu"],),
        )
        s.add(
            Submission(
                programme_id=p.id,
                submission_uid="u-dl",
                scope="city",
                region_code=DALIAN,
                region_name="大连市",
                seq=1,
                submitting_unit="大连市教育局",
                count_new=3,
            )
        )
        s.add(
            Submission(
                programme_id=p.id,
                submission_uid="u-dl",
                scope="city",
                region_code=DALIAN,
                region_name="大连市",
                seq=2,
                submitting_unit="大连市教育局",
                count_updated=3,
                imported_at=datetime(2099, 1, 1),
            )
        )
    return ids


import pytest  # noqa: E402


@pytest.fixture(name="plan")
def plan_fixture(db):
    """The ids of the small test plan (see make_plan)."""
    return make_plan(db)


@pytest.fixture(name="ctx")
def ctx_fixture(db, plan, qtbot, qapp):
    """An AppContext on the test plan, as the main window makes one.

    The window's words stay the English source (the English translator, plural forms only) and domain
    sentences Chinese (the default locale), whatever other tests left installed."""
    from PySide6.QtCore import QLocale

    from lifelong_desktop.ui.common.context import AppContext
    from lifelong_desktop.ui.shell.i18n import install_translators

    previous = QLocale()
    install_translators(qapp, "en")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield AppContext(db, plan["programme"])
    QLocale.setDefault(previous)
