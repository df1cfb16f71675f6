"""Printed schedules: layouts, paging, filters, the daily meaning, and Chinese text that PDF readers extract."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date, time

import pytest

from lifelong_desktop.db import open_database
from lifelong_desktop.models import Activity, Organisation, Venue
from lifelong_desktop.printing.qt import font_family
from lifelong_desktop.printing.schedule import ScheduleOptions, activity_sheet, build_schedule
from lifelong_desktop.services.programmes import create_programme, get_programme

HAVE_PDFTOTEXT = shutil.which("pdftotext") is not None
needs_pdftotext = pytest.mark.skipif(not HAVE_PDFTOTEXT, reason="pdftotext (poppler-utils) not installed")
AS_OF = ScheduleOptions().as_of


def pdf_pages(path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return out.split("\f")[:-1]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from lifelong_desktop.services.demo.create import make_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    make_demo_database(path)
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture
def small_db(db):
    """Two venues in two cities, a three-day exhibition, activities over two weeks."""
    with db.transaction("t") as s:
        p = create_programme(s, region_code="210000", year=2024, theme="学习让生活更美好")
        hall = Venue(name="沈阳市图书馆", city_code="210100", address="沈阳市皇姑区黄河南大街102号")
        museum = Venue(name="大连市博物馆", city_code="210200", address="大连市沙河口区会展路10号")
        host, under, co = (Organisation(name=n) for n in ("辽宁省教育厅", "辽宁开放大学", "沈阳市图书馆学会"))
        s.add_all([hall, museum, host, under, co])

        def add(title, venue, city, day, days=1, **kw):
            a = Activity(
                programme_id=p.id,
                title=title,
                activity_type="lecture",
                level="provincial",
                mode="offline",
                city_code=city,
                venue=venue,
                status="confirmed",
                start_date=day,
                end_date=date.fromordinal(day.toordinal() + days - 1),
                **kw,
            )
            a.set_organisations("host", [host])
            a.set_organisations("undertaker", [under])
            a.set_organisations("co_organiser", [co])
            s.add(a)

        add(
            "非遗剪纸展览", museum, "210200", date(2024, 5, 12), days=3, start_time=time(9), end_time=time(17)
        )
        add("老年人智能手机讲座", hall, "210100", date(2024, 5, 13), start_time=time(14), end_time=time(16))
        add("家庭教育公益课", hall, "210100", date(2024, 5, 20), start_time=time(9), end_time=time(11))
    return db


def build(db, **kw):
    with db.read() as s:
        return build_schedule(s, get_programme(s).id, ScheduleOptions(**kw))


def test_font_is_an_embeddable_chinese_family():
    family = font_family()
    if sys.platform.startswith("linux") and shutil.which("fc-list"):
        installed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
        if "WenQuanYi Micro Hei" in installed:
            assert family == "WenQuanYi Micro Hei"
    assert "Noto" not in family or "WenQuanYi" not in family


def test_multi_day_activity_appears_on_each_day(small_db):
    doc = build(small_db)
    assert doc.entry_count == 5  # 3 days of the exhibition + 2 single-day activities
    assert doc.html.count("非遗剪纸展览") == 3 and "第2天/共3天" in doc.html
    assert doc.html.index("主办") < doc.html.index("承办") < doc.html.index("协办")


def test_filters_by_dates_and_city(small_db):
    only_13 = build(small_db, date_from=date(2024, 5, 13), date_to=date(2024, 5, 13))
    assert only_13.entry_count == 2 and "家庭教育公益课" not in only_13.html
    shenyang = build(small_db, city="210100")
    assert shenyang.entry_count == 2 and "非遗剪纸展览" not in shenyang.html


@needs_pdftotext
def test_by_date_pdf_text_header_footer(small_db, tmp_path):
    doc = build(small_db)
    out = tmp_path / "按日期.pdf"
    pages = doc.write_pdf(out)
    texts = pdf_pages(out)
    assert len(texts) == pages >= 1
    for i, text in enumerate(texts, 1):
        assert "辽宁省2024年全民终身学习活动周" in text and "主题：学习让生活更美好" in text
        assert f"第{i}页/共{pages}页" in text.replace(" ", "") and "数据截至" in text
    whole = "".join(texts)
    for words in (
        "老年人智能手机讲座",
        "沈阳市图书馆",
        "沈阳市皇姑区黄河南大街102号",
        "主办：辽宁省教育厅",
        "承办：辽宁开放大学",
        "协办：沈阳市图书馆学会",
        "2024年5月13日",
        "讲座",
    ):
        assert words in whole, words
    if shutil.which("pdffonts"):  # every font embedded, with a Unicode map (selectable, searchable)
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:]]
        assert rows and all(r[-5] == "yes" and r[-3] == "yes" for r in rows), fonts


@needs_pdftotext
def test_by_venue_one_page_per_venue_per_week(small_db, tmp_path):
    doc = build(small_db, by="venue")
    out = tmp_path / "venue.pdf"
    # venues by city code: the library in the weeks of 13 and 20 May, the museum in those of 6 May
    # (Sunday 12) and 13 May (13, 14)
    assert doc.write_pdf(out) == 4
    texts = pdf_pages(out)
    assert (
        "沈阳市图书馆" in texts[0] and "老年人智能手机讲座" in texts[0] and "家庭教育公益课" not in texts[0]
    )
    assert "家庭教育公益课" in texts[1] and "5月20日 至 5月26日" in texts[1]
    assert "大连市博物馆" in texts[2] and "5月6日 至 5月12日" in texts[2] and "5月13日" not in texts[2]
    assert "大连市博物馆" in texts[3] and "5月13日 至 5月19日" in texts[3] and "5月14日" in texts[3]


@needs_pdftotext
def test_demo_by_city_each_city_on_a_new_page(demo_db, tmp_path):
    doc = build(demo_db, by="city")
    out = tmp_path / "city.pdf"
    doc.write_pdf(out)
    texts = pdf_pages(out)
    starts = [t for t in texts if "活动日程（按地市） · 共" in t]
    assert len(starts) >= 14  # Liaoning's 14 cities (and province-wide activities)
    for text in starts:  # the city heading is the first thing below the page header
        body = text.split("\n", 3)[-1]
        assert body.find("活动日程（按地市） · 共") < body.find("时间")


@needs_pdftotext
def test_demo_schedules_extract_chinese_intact(demo_db, tmp_path):
    with demo_db.read() as s:
        titles = [t for (t,) in s.query(Activity.title).filter(Activity.status != "cancelled").limit(30)]
    doc = build(demo_db)
    out = tmp_path / "date.pdf"
    doc.write_pdf(out)
    whole = "".join(pdf_pages(out)).replace(" ", "")
    short = [t for t in titles if len(t) <= 16]  # long titles wrap across lines
    assert short and all(t.replace(" ", "") in whole for t in short)
    assert "⼀" not in whole and "⽂" not in whole  # no Kangxi radicals in the text layer


def test_page_sizes_and_printer(small_db, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    a4 = build(small_db, by="city")
    a3 = build(small_db, by="city", page_size="A3", orientation="landscape")
    n4 = a4.write_pdf(tmp_path / "a4.pdf")
    n3 = a3.write_pdf(tmp_path / "a3.pdf")
    assert n4 == n3 == 2  # a city per page
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    a4.configure(printer)
    assert a4.print_to(printer, use_device_layout=True) == 2
    assert (tmp_path / "printer.pdf").stat().st_size > 1000


def test_activity_sheet_and_odt(small_db, tmp_path):
    with small_db.read() as s:
        uid = s.query(Activity.uid).filter(Activity.title == "非遗剪纸展览").scalar()
        sheet = activity_sheet(s, uid)
    assert "每日 09:00–17:00" in sheet.html and "主办单位" in sheet.html
    assert sheet.html.index("主办单位") < sheet.html.index("承办单位") < sheet.html.index("协办单位")
    sheet.write_odt(tmp_path / "sheet.odt")
    with zipfile.ZipFile(tmp_path / "sheet.odt") as z:
        content = z.read("content.xml").decode("utf-8")
    assert "非遗剪纸展览" in content and "辽宁开放大学" in content
    with small_db.read() as s, pytest.raises(LookupError):
        activity_sheet(s, "no-such-uid")


def test_cli_schedule_headless(small_db, db_path, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "日程.pdf"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "lifelong_desktop.cli",
            "schedule",
            "--db",
            str(db_path),
            "--out",
            str(out),
            "--by",
            "city",
            "--page",
            "a3",
            "--landscape",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert out.exists() and "2 页" in run.stdout
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "lifelong_desktop.cli",
            "schedule",
            "--db",
            str(db_path),
            "--out",
            str(tmp_path / "x.docx"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2 and ".pdf" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_schedule_warns_on_check_errors(small_db, db_path, tmp_path, capsys):
    from lifelong_desktop.cli import main

    with small_db.transaction("clash") as s:  # a second activity in the museum at the same hours
        a = s.query(Activity).filter(Activity.title == "非遗剪纸展览").one()
        clash = Activity(
            programme_id=a.programme_id,
            title="同时段讲座",
            activity_type="lecture",
            level="county",
            mode="offline",
            city_code="210200",
            venue_id=a.venue_id,
            status="confirmed",
            start_date=date(2024, 5, 13),
            end_date=date(2024, 5, 13),
            start_time=time(10),
            end_time=time(11),
        )
        clash.set_organisations("host", [s.query(Organisation).first()])
        s.add(clash)
    assert main(["schedule", "--db", str(db_path), "--out", str(tmp_path / "s.odt")]) == 0
    captured = capsys.readouterr()
    assert "lifelong check" in captured.err and (tmp_path / "s.odt").exists()
    assert main(["ics", "--db", str(db_path), "--out", str(tmp_path / "s.ics")]) == 0
    err = capsys.readouterr().err
    assert "日历文件仍已生成" in err and "日程" not in err  # the calendar, not a schedule


def test_cli_schedule_unwritable_output_is_one_sentence(small_db, db_path, tmp_path, capsys):
    from lifelong_desktop.cli import main

    target = tmp_path / "没有这个文件夹" / "日程.pdf"
    assert main(["schedule", "--db", str(db_path), "--out", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"无法写入 {target}：文件夹不存在"
    assert (
        main(["schedule", "--db", str(db_path), "--out", str(tmp_path / "x.pdf"), "--activity", "nope"]) == 2
    )
    assert "nope" in capsys.readouterr().err


def test_printer_layout_does_not_leak_into_the_pdf(small_db, tmp_path):
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter

    doc = build(small_db)  # A4 portrait
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "landscape.pdf"))
    doc.configure(printer)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)  # as a user would in the preview
    doc.print_to(printer, use_device_layout=True)
    doc.write_pdf(tmp_path / "own.pdf")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(tmp_path / "own.pdf")], capture_output=True, text=True).stdout
        width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
        assert width < height  # still portrait
        info = subprocess.run(
            ["pdfinfo", str(tmp_path / "landscape.pdf")], capture_output=True, text=True
        ).stdout
        width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
        assert width > height


def test_cli_schedule_refuses_filters_that_can_only_give_an_empty_schedule(
    small_db, db_path, tmp_path, capsys
):
    from lifelong_desktop.cli import main

    out = tmp_path / "s.pdf"
    base = ["schedule", "--db", str(db_path), "--out", str(out)]
    assert main([*base, "--from", "2024-05-31", "--to", "2024-05-01"]) == 2
    assert "晚于截止日期" in capsys.readouterr().err
    assert main([*base, "--city", "110000"]) == 2  # Beijing, outside this Liaoning programme
    assert "不在本计划的地区" in capsys.readouterr().err
    assert main([*base, "--city", "210102"]) == 2  # a county: activities are filed by prefecture
    assert "地市代码无效" in capsys.readouterr().err
    assert not out.exists()
    assert (
        main([*base, "--city", "210000"]) == 0 and main([*base, "--city", "210100"]) == 0
    )  # province-wide, a city
    assert main([*base, "--city", "２１０１００"]) == 0 and main([*base, "--city", "沈阳市"]) == 0  # as typed


def test_cli_output_that_is_a_folder_is_one_sentence_in_the_users_language(
    small_db, db_path, tmp_path, capsys
):
    from lifelong_desktop.cli import main

    (tmp_path / "日程.pdf").mkdir()
    (tmp_path / "日历.ics").mkdir()
    assert main(["schedule", "--db", str(db_path), "--out", str(tmp_path / "日程.pdf")]) == 2
    assert capsys.readouterr().err.strip().endswith("这是一个文件夹，请给出文件名")
    assert main(["--lang", "en", "ics", "--db", str(db_path), "--out", str(tmp_path / "日历.ics")]) == 2
    assert capsys.readouterr().err.strip().endswith("it is a folder: give a file name")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []  # no temporary left
