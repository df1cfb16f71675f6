"""The 总结 pack: an ODT LibreOffice turns into a PDF with the Chinese intact, whose figures are the 汇总 sheet's."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from lifelong_desktop.cli import main
from lifelong_desktop.commands.coverage import audience_keys
from lifelong_desktop.db import open_database
from lifelong_desktop.services.week_report import week_report
from tests.helpers.stores import STORES, new_db_path

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module", params=STORES)
def demo(request):
    """The demo programme, once per store: a SQLite file and a PostgreSQL database."""
    path = new_db_path(request.param, request, "demo.sqlite")
    assert main(["demo", "--db", str(path)]) == 0
    return path


def _summary_sheet(path) -> dict[str, list[int]]:
    """{name: [activities, expected, actual, online]} of the 汇总 sheet's data rows (both tables)."""
    sheet = load_workbook(path, read_only=False)["汇总"]
    out = {}
    for row in sheet.iter_rows(values_only=True):
        if row and isinstance(row[2], int) and row[1]:
            out.setdefault(str(row[1]), list(row[2:6]))
    return out


def test_the_report_figures_are_those_of_the_exported_summary_sheet(demo, tmp_path):
    out = tmp_path / "e.xlsx"
    assert main(["export", "--db", str(demo), "--out", str(out)]) == 0
    sheet = _summary_sheet(out)
    db = open_database(demo)
    try:
        with db.read() as s:
            report = week_report(s, 1, audience_keys())
    finally:
        db.close()
    from lifelong_desktop.printing.week_report import tables

    by_city, by_type, _groups = tables(report)
    for name, tally in by_city.rows + by_type.rows:
        assert sheet[name] == tally.values, name
    total = report.summary.total
    assert sheet["合计"] == [total.activities, total.expected, total.actual, total.online]
    assert report.summary.total.activities == 178


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_turns_the_report_into_a_pdf_with_the_chinese_intact(demo, tmp_path, capsys):
    out = tmp_path / "总结.odt"
    assert main(["summary-report", "--db", str(demo), "--out", str(out)]) == 0
    assert "已写入总结" in capsys.readouterr().out
    stats = tmp_path / "总结-统计表.xlsx"
    assert out.is_file() and stats.is_file()
    with zipfile.ZipFile(out) as z:
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert sum(n.startswith("Pictures/") for n in z.namelist()) == 2, (
            "the two charts are embedded as images"
        )
    plain = tmp_path / "report.odt"  # LibreOffice's command line is happier with an ASCII name
    shutil.copy(out, plain)
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(plain)],
        env=env,
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "辽宁省2024年全民终身学习活动周总结" in text.replace(" ", "")
    assert "全省14个市" in text.replace(" ", "") and "共安排活动178项" in text.replace(" ", "")
    assert "⽇" not in text  # no Kangxi radicals: the text layer is real Chinese
    book = load_workbook(stats)
    assert book.sheetnames == ["按地区", "按类型", "按群体"]
    rows = list(book["按地区"].iter_rows(values_only=True))
    assert rows[-1][0] == "合计" and rows[-1][1] == 178


def test_a_report_that_is_not_odt_is_refused_in_one_sentence(demo, tmp_path, capsys):
    assert main(["summary-report", "--db", str(demo), "--out", str(tmp_path / "r.docx")]) == 2
    err = capsys.readouterr().err
    assert ".odt" in err and "Traceback" not in err
