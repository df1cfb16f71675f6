"""文件 ▸ 生成活动周总结… in the window: the same pack as `lifelong summary-report`, progress shown, errors in one
sentence, the folder offered; English when the window is English."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook

from lifelong_desktop.ui.common.actions import ActionId
from lifelong_desktop.ui.common.language import set_window_language
from tests.helpers.activity_plan import make_plan
from tests.helpers.desk import plan_window

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def window(qtbot, db):
    w = plan_window(qtbot, db, make_plan(db))
    w.offered = []
    w.opened = []
    w.files.report.offer_folder = lambda parent, text: w.offered.append(text) or True
    w.files.report.open_folder = w.opened.append
    return w


def _content(path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("content.xml").decode("utf-8")


def test_the_menu_writes_the_pack_and_offers_the_folder(window, tmp_path):
    action = window.registry[ActionId.SUMMARY_REPORT]
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions() and action.isEnabled()
    out = tmp_path / "辽宁省总结"  # the suffix is added
    assert window.files.summary_report(str(out)) == tmp_path / "辽宁省总结.odt"
    assert "全民终身学习活动周总结" in _content(tmp_path / "辽宁省总结.odt")
    book = load_workbook(tmp_path / "辽宁省总结-统计表.xlsx")
    assert book.sheetnames == ["按地区", "按类型", "按群体"]
    assert list(book["按地区"].iter_rows(values_only=True))[-1][:2] == ("合计", 10)
    assert len(window.offered) == 1 and "辽宁省总结.odt" in window.offered[0]
    assert window.opened == [tmp_path]
    assert window.told == []


def test_a_folder_that_is_not_there_is_said_in_one_sentence(window, tmp_path):
    target = tmp_path / "没有这个文件夹" / "总结.odt"
    assert window.files.summary_report(str(target)) is None
    assert len(window.told) == 1 and "Traceback" not in window.told[0]
    assert "总结.odt" in window.told[0] or "没有这个文件夹" in window.told[0]
    assert window.offered == [] and not target.exists()


def test_english_when_the_window_is_english(window, tmp_path):
    set_window_language("en")
    try:
        assert window.files.summary_report(str(tmp_path / "summary.odt"))
    finally:
        set_window_language("zh_CN")
    text = _content(tmp_path / "summary.odt")
    assert "Summary Report" in text and "活动数" not in text
    assert load_workbook(tmp_path / "summary-statistics.xlsx").sheetnames == [
        "By area",
        "By type",
        "By group",
    ]
