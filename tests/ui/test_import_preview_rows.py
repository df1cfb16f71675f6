"""The import preview row by row: every activity with its outcome, the fields an update changes, each error
at its row and cell with the good rows still listed, the rows a prune deletes; the status bar follows undo."""

from __future__ import annotations

import time

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_activities_model import make_plan

from lifelong_desktop.submission.importing.importer import plan_import
from lifelong_desktop.submission.importing.plan import plan_rows
from lifelong_desktop.ui.common import undo as base
from lifelong_desktop.ui.programme.import_preview import ImportPreviewDialog, run_import
from lifelong_desktop.ui.programme.import_rows import COL_DETAIL, COL_OUTCOME, ImportRowsModel
from tests.helpers.desk import plan_window

FIRST = 3  # the first activity's row in the 活动 sheet (labels in row 1, keys in row 2)


@pytest.fixture
def window(qtbot, db):
    w = plan_window(qtbot, db, make_plan(db))
    return w


@pytest.fixture
def own(window, tmp_path):
    time.sleep(
        1.1
    )  # data_as_of has whole seconds: the activities must be older, or they count as edited here
    path = window.files.export_workbook(str(tmp_path / "own.xlsx"))
    assert path is not None
    return path


def edited(source, target, **cells):
    """A copy of a workbook with cells of the 活动 sheet changed, e.g. T3="200人"; delete_row=N drops a row."""
    wb = openpyxl.load_workbook(source)
    ws = wb["活动"]
    drop = cells.pop("delete_row", None)
    for ref, value in cells.items():
        ws[ref] = value
    if drop:
        ws.delete_rows(drop)
    wb.save(target)
    return target


def preview(qtbot, window, path) -> ImportPreviewDialog:
    with window.ctx.db.read() as s:
        plan = plan_import(s, path)
    dialog = ImportPreviewDialog(plan, path.name)
    qtbot.addWidget(dialog)
    return dialog


def test_one_bad_number_cell_is_shown_at_its_row_and_the_good_rows_stay_listed(qtbot, window, own, tmp_path):
    bad = edited(own, tmp_path / "bad.xlsx", T3="200人")
    dialog = preview(qtbot, window, bad)
    assert not dialog.apply_button.isEnabled()
    rows = dialog.rows.all_rows()
    assert len(rows) == 10  # every row of the workbook, though the file is refused
    [wrong] = [r for r in rows if r.outcome == "error"]
    assert wrong.sheet_row == FIRST and [f.cell for f in wrong.findings] == ["T3"]
    detail = dialog.rows.detail(wrong)
    assert detail.startswith("T3：") and "200人" in detail and "预计参与人数" in detail
    assert "年度" not in detail and "填报版本号" not in detail  # no hints about other fields
    assert {r.outcome for r in rows if r is not wrong} == {"valid"}
    assert (
        "10" in dialog.summary.text()
        and "9" in dialog.summary.text()
        and "New: 0" not in dialog.summary.text()
    )
    assert dialog.show_only.currentData() == "error" and dialog.rows.rowCount() == 1  # errors shown first
    assert dialog.row_detail.text() == detail  # the selected row's problem in full below the table
    dialog.show_only.setCurrentIndex(dialog.show_only.findData(""))
    assert dialog.rows.rowCount() == 10
    assert not dialog.table.isVisibleTo(dialog)  # no finding outside the rows: no second list


def test_updated_rows_say_which_fields_change_from_what_to_what(qtbot, window, own, tmp_path):
    changed = edited(own, tmp_path / "changed.xlsx", B4="改过的标题", T5=321)
    dialog = preview(qtbot, window, changed)
    assert dialog.apply_button.isEnabled()
    updated = {r.sheet_row: dialog.rows.detail(r) for r in dialog.rows.all_rows() if r.outcome == "updated"}
    assert set(updated) == {FIRST + 1, FIRST + 2}
    assert "活动名称：" in updated[FIRST + 1] and "→ 改过的标题" in updated[FIRST + 1]
    assert "预计参与人数：" in updated[FIRST + 2] and "→ 321" in updated[FIRST + 2]
    unchanged = [r for r in dialog.rows.all_rows() if r.outcome == "unchanged"]
    assert len(unchanged) == 8 and all(dialog.rows.detail(r) == "" for r in unchanged)


def test_rows_missing_from_the_workbook_are_listed_and_a_prune_says_they_go(qtbot, window, tmp_path):
    time.sleep(
        1.1
    )  # data_as_of has whole seconds: the activities must be older than the export to be missing
    own = window.files.export_workbook(str(tmp_path / "own.xlsx"))
    shorter = edited(own, tmp_path / "shorter.xlsx", delete_row=FIRST)
    dialog = preview(qtbot, window, shorter)
    [gone] = [r for r in dialog.rows.all_rows() if r.outcome == "missing"]
    assert gone.sheet_row is None and gone.title.endswith("活动000")
    row = dialog.rows.row_of(lambda r: r is gone)
    assert dialog.rows.index(row, COL_OUTCOME).data() == "Not in the workbook"
    assert dialog.prune.isVisibleTo(dialog)
    dialog.prune.setChecked(True)
    assert dialog.rows.index(row, COL_OUTCOME).data() == "Deleted"
    assert "Deleted" in dialog.rows.index(row, COL_DETAIL).data()


def test_a_new_programme_lists_every_row_as_new(qtbot, db, window, own, tmp_path):
    from lifelong_desktop.db import open_database

    empty = open_database(tmp_path / "empty.sqlite")
    try:
        with empty.read() as s:
            rows = plan_rows(plan_import(s, own))
    finally:
        empty.close()
    assert [r.outcome for r in rows] == ["new"] * 10
    assert [r.sheet_row for r in rows] == list(range(FIRST, FIRST + 10))


def test_rows_model_passes_qtmodeltester(qtmodeltester, window, own, tmp_path):
    with window.ctx.db.read() as s:
        plan = plan_import(s, edited(own, tmp_path / "x.xlsx", T3="200人", B5="新标题"))
    model = ImportRowsModel(plan)
    qtmodeltester.check(model)
    model.sort(0)
    model.show_only("error")
    qtmodeltester.check(model)


def test_the_status_bar_follows_undo_and_redo_of_an_import(qtbot, window, own, tmp_path):
    changed = edited(own, tmp_path / "changed.xlsx", B4="改过的标题")
    window.ctx.run_dialog = lambda dialog: True
    assert run_import(window, changed)
    bar = window.statusBar()
    assert "Updated: 1" in bar.currentMessage()
    window.ctx.undo_stack.undo()
    assert "Updated" not in bar.currentMessage() and "changed.xlsx" in bar.currentMessage()
    window.ctx.undo_stack.redo()
    assert "Updated: 1" in bar.currentMessage()


def teardown_module():
    base.error_handler.clear()


def test_a_rows_error_comes_before_its_warnings(qtbot, window, own, tmp_path):
    bad = edited(own, tmp_path / "both.xlsx", M3="从未登记的新场地", T3="200人")
    dialog = preview(qtbot, window, bad)
    [wrong] = [r for r in dialog.rows.all_rows() if r.outcome == "error"]
    assert {f.severity for f in wrong.findings} == {"error", "warning"}
    lines = dialog.rows.detail(wrong).splitlines()
    assert lines[0].startswith("T3：") and any(line.startswith("M3：") for line in lines[1:])


def test_tab_from_the_rows_reaches_apply(qtbot, window, own, tmp_path):
    """By keyboard: Tab leaves the rows table (it does not walk its cells) and reaches Apply."""
    changed = edited(own, tmp_path / "changed.xlsx", B4="改过的标题")
    dialog = preview(qtbot, window, changed)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.rows_table.setFocus()
    qtbot.waitUntil(dialog.rows_table.hasFocus)
    seen = []
    for _ in range(12):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is dialog.apply_button:
            break
    assert dialog.apply_button in seen
    assert seen[0] is not dialog.rows_table  # the first Tab already left the table


def test_alt_a_applies(qtbot, window, own, tmp_path):
    """Apply has a key of its own in both languages (Qt's standard button has none: the keyboard had to Tab
    round to it)."""
    from lifelong_desktop.ui.shell.i18n import install_translators

    changed = edited(own, tmp_path / "changed.xlsx", B4="改过的标题")
    app = QApplication.instance()
    for language, text in (("zh_CN", "应用(&A)"), ("en", "&Apply")):
        install_translators(app, language)
        try:
            dialog = preview(qtbot, window, changed)
            assert dialog.apply_button.text() == text
            dialog.show()
            qtbot.waitExposed(dialog)
            dialog.activateWindow()
            dialog.rows_table.setFocus()
            qtbot.waitUntil(dialog.rows_table.hasFocus)
            with qtbot.waitSignal(dialog.accepted, timeout=2000):
                QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        finally:
            install_translators(app, "en")
