"""The 总结 pack speaks the interface's language: Chinese by default, English with LIFELONG_LANG=en (the command
line) or lang="en" (the window in English): document text, table headings, prose figures and 统计表 sheets."""

from __future__ import annotations

import re
import zipfile

import pytest
from openpyxl import load_workbook

from lifelong_desktop.cli import main
from lifelong_desktop.commands.coverage import audience_keys
from lifelong_desktop.db import open_database
from lifelong_desktop.printing.week_report import figures_paragraph, tables, write_pack
from lifelong_desktop.services.week_report import week_report
from tests.helpers.stores import STORES, new_db_path

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module", params=STORES)
def demo(request):
    """The demo programme, once per store: a SQLite file and a PostgreSQL database."""
    path = new_db_path(request.param, request, "demo.sqlite")
    assert main(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def report(demo):
    db = open_database(demo)
    try:
        with db.read() as s:
            return week_report(s, 1, audience_keys())
    finally:
        db.close()


def _odt_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("content.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", " ", xml)


def test_the_command_line_writes_english_with_lifelong_lang_en(demo, tmp_path, monkeypatch, capsys, report):
    monkeypatch.setenv("LIFELONG_LANG", "en")
    out = tmp_path / "summary.odt"
    assert main(["summary-report", "--db", str(demo), "--out", str(out)]) == 0
    assert "Wrote the report" in capsys.readouterr().out
    text = _odt_text(out)
    assert "National Lifelong Learning Activity Week: Summary Report" in text
    assert "1. Activities by city" in text and "2. Activities by type" in text and "3. Target groups" in text
    assert "On-site participants" in text and "Online participants" in text
    assert f"planned {report.summary.total.activities:,} activities" in text
    assert "Lecture" in text or "Lectures" in text or "lecture" in text.lower()
    for chinese in ("活动数", "现场参与人次", "共安排活动", "各类型活动情况", "主办："):
        assert chinese not in text, chinese
    book = load_workbook(tmp_path / "summary-statistics.xlsx")
    assert book.sheetnames == ["By area", "By type", "By group"]
    rows = list(book["By area"].iter_rows(values_only=True))
    assert rows[0][1:] == (
        "Activities",
        "Expected participants",
        "On-site participants",
        "Online participants",
    )
    assert rows[-1][0] == "Total" and rows[-1][1] == report.summary.total.activities


def test_chinese_is_the_default(demo, tmp_path, capsys):
    out = tmp_path / "总结.odt"
    assert main(["summary-report", "--db", str(demo), "--out", str(out)]) == 0
    text = _odt_text(out)
    assert "全民终身学习活动周总结" in text and "活动数" in text and "Summary Report" not in text
    assert load_workbook(tmp_path / "总结-统计表.xlsx").sheetnames == ["按地区", "按类型", "按群体"]


def test_both_languages_state_the_same_figures(report):
    zh, en = figures_paragraph(report, "zh"), figures_paragraph(report, "en")
    numbers = lambda text: re.findall(r"\d[\d,]*", text)  # noqa: E731
    assert numbers(zh) == numbers(en)
    assert en.startswith("Across the province, ") and en.endswith(".") and " of them held" in en
    for zh_table, en_table in zip(tables(report, "zh"), tables(report, "en"), strict=True):
        assert [t for _, t in zh_table.rows] == [t for _, t in en_table.rows]
    assert tables(report, "en")[2].rows[0][0] == "General public"
    assert tables(report, "zh")[2].rows[0][0] != "General public"


def test_the_window_passes_its_language(report, tmp_path):
    steps = []
    stats = write_pack(report, tmp_path / "r.odt", lang="en", step=steps.append)
    assert steps == [1, 2] and stats == tmp_path / "r-statistics.xlsx"
    assert "Summary Report" in _odt_text(tmp_path / "r.odt")
    assert load_workbook(stats).sheetnames[0] == "By area"


def test_a_featured_activity_reads_as_english_words(report):
    """In English the organisers follow the date and city after a space, not glued to the bracket
    ("(9 May, 南京市)Hosts:" as seen in the PDF)."""
    from lifelong_desktop.printing.week_report import report_html

    assert report.featured
    text = re.sub(r"<[^>]+>", "", report_html(report, [], "en"))
    assert ")Hosts" not in text and re.search(r"\) Hosts: ", text)
    chinese = re.sub(r"<[^>]+>", "", report_html(report, [], "zh"))
    assert "）主办：" in chinese  # Chinese runs on without a space
