"""Pasting rows copied from Excel/WPS: tolerant reading, the preview, adding as one undoable edit."""

from __future__ import annotations

from datetime import date, time

import pytest

from lifelong_desktop.submission.reading.paste import split_cells
from lifelong_desktop.ui.activities.paste_preview import PastePreviewDialog, PastePreviewModel
from lifelong_desktop.ui.activities.paste_rows import parse_paste
from lifelong_desktop.ui.common.actions import ActionId
from tests.helpers.activity_plan import make_plan
from tests.helpers.desk import Desk

HEADER = "*活动名称\t*活动类型\t*活动级别\t*开始日期\t开始时间\t*举办形式\t*地市代码\t活动场地\t*主办单位\t承办单位\t面向群体\t预计参与人数"
GOOD = "社区书法课\t培训\t乡镇街道社区\t2024/10/28\t9:00-11:30\t线下\t沈阳市\t沈阳市图书馆\t辽宁省教育厅；新的单位\t沈阳开放大学\t老年人、社区居民\t1,200"
SECOND = "线上读书分享\treading\tmunicipal\t10月29日\t\t线上\t210200\t\t大连市图书馆\t\t社会公众\t"
BAD = "\t讲座\t省级\t2024-13-40\t\t线下\t不存在市\t\t\t\t\t-5"


@pytest.fixture
def desk(qtbot, db):
    return Desk(qtbot, db, make_plan(db))


def test_tolerant_values_with_header():
    result = parse_paste("\n".join([HEADER, GOOD, SECOND, BAD]), "210000", 2024)
    assert result.had_header and len(result.rows) == 3
    first, second, bad = result.rows
    assert first.ok and second.ok and not bad.ok
    a = first.activity
    assert a.data.start_date == date(2024, 10, 28)
    assert (a.data.start_time, a.data.end_time) == (time(9, 0), time(11, 30))
    assert a.data.city_code == "210100" and a.data.activity_type == "training" and a.data.level == "community"
    assert a.hosts == ("辽宁省教育厅", "新的单位") and a.undertakers == ("沈阳开放大学",)
    assert a.data.audiences == ("elderly", "community") and a.data.expected_participants == 1200
    assert second.activity.data.start_date == date(2024, 10, 29) and second.activity.data.mode == "online"
    text = " ".join(bad.problems)
    assert "开始日期" in text and "地市代码" in text and "预计参与人数" in text


def test_rows_without_header_use_the_workbook_column_order():
    cells = [
        "",
        "无表头活动",
        "讲座",
        "市级",
        "",
        "2024-10-30",
        "14:00",
        "",
        "16:00",
        "线下",
        "210100",
        "",
        "",
        "",
        "",
        "辽宁省教育厅",
    ]
    result = parse_paste("\t".join(cells), "210000", 2024)
    assert not result.had_header
    [row] = result.rows
    assert row.ok, row.problems
    assert row.activity.data.title == "无表头活动" and row.activity.data.end_date == date(2024, 10, 30)
    assert row.activity.data.end_time == time(16, 0)


def test_quoted_cells_with_line_breaks_stay_one_row():
    assert split_cells('a\t"第一行\n第二行"\tc\r\n\r\nd\te\tf\n') == [
        ["a", "第一行\n第二行", "c"],
        ["d", "e", "f"],
    ]


def test_preview_model_passes_qtmodeltester(qtmodeltester):
    model = PastePreviewModel()
    model.set_rows(parse_paste("\n".join([HEADER, GOOD, BAD]), "210000", 2024).rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_preview_dialog_adds_only_good_rows(qtbot):
    dialog = PastePreviewDialog(parse_paste("\n".join([HEADER, BAD]), "210000", 2024))
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_paste_through_the_view_then_undo(desk, qtbot):
    seen = []

    def preview(dialog):
        seen.append(dialog.model.rowCount())
        return True

    desk.script = preview
    with qtbot.waitSignal(desk.ctx.data_changed):
        desk.view.editing.paste_rows("\n".join([HEADER, GOOD, SECOND, BAD]))
    assert seen == [3]
    rows = desk.rows()
    assert rows["社区书法课"].hosts == ("辽宁省教育厅", "新的单位")
    assert rows["社区书法课"].venue_name == "沈阳市图书馆"
    assert len(desk.view.selected_ids()) == 2
    desk.ctx.undo_stack.undo()
    assert "社区书法课" not in desk.rows() and desk.view.model.total_count == 10


def test_paste_action_reads_the_clipboard(desk, qtbot):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("\n".join([HEADER, SECOND]))
    desk.script = lambda dialog: True
    desk.registry[ActionId.PASTE_ROWS].trigger()
    assert "线上读书分享" in desk.rows()
    QGuiApplication.clipboard().setText("")
    desk.registry[ActionId.PASTE_ROWS].trigger()
    assert len(desk.told) == 1  # "nothing to paste", no dialog


def test_preview_names_rows_that_could_not_be_read():
    model = PastePreviewModel()
    model.set_rows(parse_paste("\n".join([HEADER, "坏的活动\t讲座\t省级\t2024-13-40"]), "210000", 2024).rows)
    assert model.index(0, 1).data() == "坏的活动"
    assert "开始日期" in model.index(0, 5).data()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_an_unreadable_value_is_one_reason_not_also_required(qtbot, language):
    from PySide6.QtWidgets import QApplication

    from lifelong_desktop.ui.shell.i18n import install_translators

    app = QApplication.instance()
    install_translators(app, language)
    try:
        result = parse_paste("\n".join([HEADER, BAD]), "210000", 2024)
        [bad] = result.rows
        dialog = PastePreviewDialog(result)
        qtbot.addWidget(dialog)
        shown = dialog.model.index(0, 5).data()
    finally:
        install_translators(app, "en")
    about_start = [p for p in bad.problems if p.startswith(("开始日期", "*开始日期", "Start date"))]
    assert len(about_start) == 1, bad.problems  # "not a date", and not also "start date: required"
    assert shown.split("\n") == bad.problems  # each reason on its own line, wrapped, none cut off
    assert dialog.table.wordWrap() and dialog.table.rowHeight(0) > dialog.table.fontMetrics().height() * 2
