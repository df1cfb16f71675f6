"""Printed pages as a reader sees them (pdftotext, pdfinfo on real PDFs): rows whole, multi-day activities
once in full, the day counter on one line, the document's Title, Subject and Author."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, time

import pytest

from lifelong_desktop.models import Activity, Organisation, Venue
from lifelong_desktop.printing.paging import Atom, paginate
from lifelong_desktop.printing.schedule import ScheduleOptions, build_schedule
from lifelong_desktop.services.programmes import create_programme, get_programme

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="poppler-utils not installed"
)
DAY = date(2025, 5, 12)


def pdf_pages(path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8").split("\f")[:-1]


def pdf_info(path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, check=True)
    lines = out.stdout.decode("utf-8").splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


@pytest.fixture
def busy_db(db):
    """Jiangsu 2025: one day of 36 activities with three bodies in each role, and a seven-day exhibition."""
    with db.transaction("t") as s:
        p = create_programme(s, region_code="320000", year=2025, theme="终身学习 点亮人生")
        p.submitting_unit = "江苏省教育厅"
        hall = Venue(name="南京图书馆", city_code="320100", address="南京市玄武区中山东路189号")
        s.add(hall)

        def org(name: str) -> Organisation:
            o = Organisation(name=name)
            s.add(o)
            return o

        for n in range(36):
            a = Activity(
                programme_id=p.id,
                title=f"社区学习活动第{n:02d}场",
                activity_type="lecture",
                level="city",
                mode="offline",
                city_code="320100",
                venue=hall,
                status="confirmed",
                start_date=DAY,
                end_date=DAY,
                start_time=time(8 + n % 10),
                end_time=time(9 + n % 10),
            )
            a.set_organisations("host", [org(f"南京市第{n:02d}主办单位"), org(f"玄武区第{n:02d}教育局")])
            a.set_organisations("undertaker", [org(f"第{n:02d}号承办机构")])
            a.set_organisations(
                "co_organiser", [org(f"甲{n:02d}协会"), org(f"乙{n:02d}学会"), org(f"丙{n:02d}末位机构")]
            )
            s.add(a)
        show = Activity(
            programme_id=p.id,
            title="江苏终身学习成果展",
            activity_type="exhibition",
            level="provincial",
            mode="offline",
            city_code="320100",
            venue=hall,
            status="confirmed",
            start_date=date(2025, 5, 13),
            end_date=date(2025, 5, 19),
        )
        show.set_organisations("host", [org("成果展唯一主办方")])
        s.add(show)
    return db


def write(db, path, **kw) -> str:
    with db.read() as s:
        doc = build_schedule(s, get_programme(s).id, ScheduleOptions(**kw))
    doc.write_pdf(path)
    return str(path)


def test_no_activity_row_is_split_across_pages(busy_db, tmp_path):
    pages = pdf_pages(write(busy_db, tmp_path / "day.pdf"))
    assert len(pages) >= 3  # the day needs several pages, so rows meet page ends
    for n in range(36):  # each activity's title and its last co-organiser on one page
        [title_page] = [i for i, text in enumerate(pages) if f"社区学习活动第{n:02d}场" in text]
        assert f"丙{n:02d}末位机构" in pages[title_page], n
    for text in pages[1:]:  # below the page header and the repeated day and column titles comes a row
        body = [line.strip() for line in text.splitlines() if line.strip()][2:]
        assert re.match(r"2025年5月1\d日", body[0]) and body[1].startswith("时间"), body[:3]
        assert not body[2].startswith(("主办", "承办", "协办")), body[:3]


def test_a_multi_day_activity_is_printed_in_full_once(busy_db, tmp_path):
    text = "\n".join(pdf_pages(write(busy_db, tmp_path / "week.pdf", date_from=date(2025, 5, 13))))
    assert text.count("江苏终身学习成果展") == 7
    assert text.count("成果展唯一主办方") == 1  # the organisers once, on the first day
    assert text.count("（续，详见5月13日）") == 6
    for day in range(1, 8):  # the day counter whole on its own line, never wrapped mid-phrase
        assert re.search(rf"（第{day}天/共7天）", text), day


def test_a_schedule_starting_mid_activity_prints_it_in_full_on_its_first_printed_day(busy_db, tmp_path):
    text = "\n".join(pdf_pages(write(busy_db, tmp_path / "late.pdf", date_from=date(2025, 5, 16))))
    assert text.count("成果展唯一主办方") == 1 and text.count("（续，详见5月16日）") == 3


def test_each_city_and_each_venue_week_prints_its_activity_in_full(busy_db, tmp_path):
    venue = "\n".join(
        pdf_pages(write(busy_db, tmp_path / "venue.pdf", by="venue", date_from=date(2025, 5, 13)))
    )
    # 13-18 May is one week, 19 May the next: the door sign of each week has it in full
    assert venue.count("成果展唯一主办方") == 2


def test_the_pdf_says_its_title_subject_and_author(busy_db, tmp_path):
    info = pdf_info(write(busy_db, tmp_path / "meta.pdf", by="city"))
    assert info["Title"] == "江苏省2025年全民终身学习活动周 活动日程（按地市）"
    assert info["Subject"] == "主题：终身学习 点亮人生"
    assert info["Author"] == "江苏省教育厅"
    assert int(info["Pages"]) >= 3  # still a whole, readable PDF after the Info update


def test_paginate_keeps_atoms_whole_and_repeats_the_header():
    header = (0.0, 20.0)
    atoms = [Atom(0, 0, 50)] + [Atom(50 + 30 * i, 50 + 30 * i, 80 + 30 * i, header=header) for i in range(5)]
    pages = paginate(atoms, 100)
    assert len(pages) == 3
    assert [(b.src_top, b.src_bottom, b.dst_top) for b in pages[1]] == [(0, 20, 0), (80, 140, 20)]
    for page in pages:
        assert sum(b.src_bottom - b.src_top for b in page) <= 100
    assert paginate([Atom(0, 0, 250)], 100)[-1][-1].src_bottom == 250  # taller than a page: cut, not lost
    assert len(paginate([Atom(0, 0, 10), Atom(10, 12, 20, break_before=True)], 100)) == 2


def test_lifelong_schedule_prints_the_same_pages(busy_db, db_path, tmp_path, capsys):
    from lifelong_desktop.cli import main

    out = tmp_path / "日程.pdf"
    assert main(["schedule", "--db", str(db_path), "--out", str(out)]) == 0
    pages = pdf_pages(out)
    for n in range(36):
        [title_page] = [i for i, text in enumerate(pages) if f"社区学习活动第{n:02d}场" in text]
        assert f"丙{n:02d}末位机构" in pages[title_page], n
    text = "\n".join(pages)
    assert text.count("成果展唯一主办方") == 1 and text.count("（续，详见5月13日）") == 6
    info = pdf_info(out)
    assert info["Subject"] == "主题：终身学习 点亮人生" and info["Author"] == "江苏省教育厅"
