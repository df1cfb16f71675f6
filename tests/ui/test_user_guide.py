"""The user guide: shipped as offline HTML, opened by F1 at the part about the tab in use; every link, picture
and menu name in it is real."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from test_activities_model import make_plan

from lifelong_desktop.paths import help_page, resource
from lifelong_desktop.ui.common.actions import SPECS, ActionId, button_text
from lifelong_desktop.ui.help.guide import SECTIONS, GuideWindow
from tests.helpers.desk import plan_window

GUIDE = help_page("zh").read_text(encoding="utf-8")


@pytest.fixture
def window(qtbot, db):
    w = plan_window(qtbot, db, make_plan(db))
    w.show()
    return w


def test_the_chinese_guide_is_shipped_and_other_languages_fall_back_to_it():
    assert help_page("zh") == resource("help", "zh", "index.html")
    assert help_page("en").is_file()  # the English guide, or else the Chinese one
    for part in (
        "新建本年度活动周计划",
        "单位和场地名录",
        "录入和修改活动",
        "收取报送",
        "检查",
        "打印日程",
        "导出国家填报工作簿",
        "备份和恢复",
    ):
        assert part in GUIDE, part


def test_every_link_goes_somewhere_and_every_picture_exists():
    anchors = set(re.findall(r'<a name="([^"]+)"', GUIDE))
    links = re.findall(r'<a href="#([^"]+)"', GUIDE)
    assert links and set(links) <= anchors
    assert set(SECTIONS.values()) <= anchors  # F1 from every tab lands on a section
    pictures = re.findall(r'<img src="([^"]+)"', GUIDE)
    assert len(pictures) >= 4
    for src in pictures:
        assert (help_page("zh").parent / src).resolve().is_file(), src


def zh_menu_words() -> set[str]:
    """The Chinese texts of the window's actions and menus, as a clerk sees them (no mnemonic, no …)."""
    root = ET.parse(resource("i18n", "lifelong_zh_CN.ts")).getroot()
    untranslated = {SPECS[a].text for a in (ActionId.LANGUAGE_ZH, ActionId.LANGUAGE_EN)}  # 中文, English
    return {button_text(t.text or "") for t in root.iter("translation") if t.text} | untranslated


def test_the_menu_paths_in_the_guide_are_the_windows_own():
    words = zh_menu_words()
    paths = re.findall(r"<b>((?:文件|编辑|视图|活动|帮助) ▸ [^<]+)</b>", GUIDE)
    assert len(paths) >= 8
    for path in paths:
        for step in html.unescape(path).split(" ▸ "):
            assert button_text(step) in words, path


def test_f1_opens_the_guide_at_the_part_about_the_tab_in_use(qtbot, window):
    tabs = window.tabs
    names = [type(tabs.widget(i)).__name__ for i in range(tabs.count())]
    tabs.setCurrentIndex(names.index("OrganisationsView"))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(GuideWindow)
    assert guide is not None and guide.isVisible()
    assert guide.browser.source().fragment() == "registers"
    assert "单位和场地名录" in guide.browser.toPlainText()
    tabs.setCurrentIndex(names.index("ChecksView"))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.findChildren(GuideWindow) == [guide]  # the same window, brought forward
    assert guide.browser.source().fragment() == "checks"


def test_f1_in_the_import_preview_and_the_print_options_opens_their_part_of_the_guide(qtbot, db, tmp_path):
    from lifelong_desktop.submission.importing.importer import plan_import
    from lifelong_desktop.ui.programme.import_preview import ImportPreviewDialog
    from lifelong_desktop.ui.programme.print_options import PrintOptionsDialog

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    with db.read() as s:
        preview = ImportPreviewDialog(plan_import(s, bad), bad.name)
    options = PrintOptionsDialog([])
    for dialog, section in ((preview, "returns"), (options, "printing")):
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        qtbot.keyClick(dialog, Qt.Key.Key_F1)
        guide = dialog.findChild(GuideWindow)  # the dialog's own: a modal dialog does not block it
        assert guide is not None and guide.isVisible(), section
        assert guide.browser.source().fragment() == section
        dialog.close()


def test_the_main_windows_f1_defers_to_the_dialog_in_front(qtbot, window, monkeypatch):
    from lifelong_desktop.ui.help import guide as guide_module
    from lifelong_desktop.ui.programme.print_options import PrintOptionsDialog

    options = PrintOptionsDialog([], window)
    qtbot.addWidget(options)
    options.show()
    monkeypatch.setattr(guide_module.QApplication, "activeWindow", staticmethod(lambda: options))
    window.registry[ActionId.USER_GUIDE].trigger()
    guide = options.findChild(GuideWindow)
    assert guide is not None and guide.browser.source().fragment() == "printing"
    monkeypatch.setattr(guide_module.QApplication, "activeWindow", staticmethod(lambda: window))
    window.registry[ActionId.USER_GUIDE].trigger()  # the main window in front: the tab's section
    [own] = [g for g in window.findChildren(GuideWindow) if g.parent() is window]
    assert own.browser.source().fragment() == "activities"
