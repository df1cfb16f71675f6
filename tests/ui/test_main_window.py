"""The main window: menus and shortcuts, undo from the keyboard, status bar, remembered layout, start-up."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from lifelong_desktop.db import DatabaseProblem, open_database
from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.ui.activities.filtering import ActivityFilter
from lifelong_desktop.ui.common.actions import SPECS, ActionId
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.main_window import MainWindow
from tests.helpers.activity_plan import make_plan
from tests.helpers.desk import plan_window


@pytest.fixture
def window(qtbot, db):
    return plan_window(qtbot, db, make_plan(db))


def test_menus_hold_every_action_with_keyboard_access(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Activities", "&Help"]
    in_menus = set()
    for top in window.menuBar().actions():
        for a in top.menu().actions():
            in_menus.add(a.objectName())
            if a.menu():
                in_menus |= {b.objectName() for b in a.menu().actions()}
    for aid, spec in SPECS.items():
        assert aid.name.lower() in in_menus, aid
        assert "&" in spec.text or aid in (ActionId.LANGUAGE_ZH, ActionId.LANGUAGE_EN)
    assert window.registry[ActionId.UNDO].shortcut().toString() == "Ctrl+Z"
    assert window.registry[ActionId.REDO].shortcut().toString() == "Ctrl+Y"
    assert window.registry[ActionId.NEW_ACTIVITY].shortcut().toString() == "Ctrl+N"


def test_views_follow_activities(window):
    from lifelong_desktop.ui.shell.views import VIEWS

    assert window.tabs.count() == 1 + len(VIEWS)
    assert window.tabs.widget(0) is window.activities


def test_undo_and_redo_from_the_edit_menu(window, qtbot):
    view = window.activities
    view.select_ids([view.model.row_at(0).id])
    undo, redo = window.registry[ActionId.UNDO], window.registry[ActionId.REDO]
    assert not undo.isEnabled()
    with qtbot.waitSignal(window.ctx.data_changed):
        window.registry[ActionId.DELETE_ACTIVITY].trigger()
    assert undo.isEnabled() and view.model.total_count == 9
    assert "Delete" in undo.text()
    undo.trigger()
    assert view.model.total_count == 10 and redo.isEnabled()
    redo.trigger()
    assert view.model.total_count == 9


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_menu_keys_are_unique_and_toolbar_buttons_show_plain_words(qtbot, db, language):
    import re
    from collections import Counter

    from PySide6.QtWidgets import QApplication

    from lifelong_desktop.ui.shell.i18n import install_translators

    app = QApplication.instance()
    install_translators(app, language)
    try:
        plan = make_plan(db)
        w = MainWindow(AppContext(db, plan["programme"]), S.Settings())
        qtbot.addWidget(w)
        menus = [w.menuBar().actions()] + [top.menu().actions() for top in w.menuBar().actions()]
        for actions in menus:
            keys = Counter(m.group(1).upper() for a in actions if (m := re.search(r"&([^&])", a.text())))
            assert [k for k, n in keys.items() if n > 1] == [], [a.text() for a in actions]
        for a in w.toolbar.actions():
            assert "&" not in a.iconText() and "(" not in a.iconText() and "…" not in a.iconText(), (
                a.iconText()
            )
        view = w.activities
        view.select_ids([view.model.row_at(0).id])
        w.registry[ActionId.DELETE_ACTIVITY].trigger()
        undo = w.registry[ActionId.UNDO]
        assert undo.iconText() in ("Undo", "撤销")  # the button stays short; its tip says what it undoes
        assert (
            undo.toolTip().startswith(undo.iconText() + " ")
            and len(undo.toolTip()) > len(undo.iconText()) + 1
        )
        w.ctx.undo_stack.undo()
        w.ctx.undo_stack.clear()
        assert "Ctrl+Z" in undo.toolTip()
    finally:
        install_translators(app, "en")


def test_status_bar_shows_programme_and_counts(window):
    assert "2024" in window.programme_label.text()
    assert "10 of 10" in window.count_label.text()
    window.activities.filter_bar.search.setText("沈阳市")
    assert "2 of 10" in window.count_label.text()


def test_layout_filters_and_sort_are_remembered(window, qtbot, db):
    window.activities.filter_bar.set_value(ActivityFilter(text="大连", status="confirmed"))
    window.activities.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    window.close()
    again = MainWindow(window.ctx, S.Settings())
    qtbot.addWidget(again)
    assert again.activities.filter_bar.value() == ActivityFilter(text="大连", status="confirmed")
    assert again.activities.model.sort_state == (5, Qt.SortOrder.DescendingOrder)
    assert S.Settings().get(S.ACTIVITY_FILTERS)["text"] == "大连"


def test_language_choice_is_stored(window):
    window.registry[ActionId.LANGUAGE_EN].trigger()
    assert S.Settings().get(S.LANGUAGE) == "en"
    assert (
        window.registry[ActionId.LANGUAGE_EN].isChecked()
        and not window.registry[ActionId.LANGUAGE_ZH].isChecked()
    )


def test_new_programme_from_last_year(window, qtbot, db):
    with qtbot.waitSignal(window.ctx.programme_changed):
        pid = window.files.new_programme_from_last_year(copy_activities=True)
    assert window.ctx.programme_id == pid
    assert window.activities.model.total_count == 10
    assert all(
        r.start_date.year == 2025 and r.status == "planned" for r in window.activities.model.all_rows()
    )
    assert window.programme_combo.count() == 2 and "2025" in window.programme_label.text()
    window.programme_combo.setCurrentIndex(window.programme_combo.findData(1))
    window.programme_combo.activated.emit(window.programme_combo.currentIndex())
    assert window.ctx.programme_id == 1
    assert window.files.new_programme_from_last_year(copy_activities=False) is None  # 2025 exists
    assert window.told and "2025" in window.told[-1]


def test_export_workbook_and_template(window, tmp_path):
    out = window.files.export_workbook(str(tmp_path / "out.xlsx"))
    assert out is not None and out.exists() and out.stat().st_size > 0
    tpl = window.files.blank_template(str(tmp_path / "tpl.xlsx"), "210100", 2025)
    assert tpl is not None and tpl.exists()


def test_settings_are_typed_with_defaults(tmp_path):
    s = S.Settings(tmp_path / "s.ini")
    assert s.get(S.LANGUAGE) == "zh_CN" and s.get(S.RECENT_FILES) == [] and s.get(S.ACTIVITY_FILTERS) == {}
    s.get(S.RECENT_FILES).append("x")
    assert s.get(S.RECENT_FILES) == []  # the default is never shared
    for i in range(12):
        s.add_recent(tmp_path / f"{i}.sqlite")
    s.set(S.WINDOW_GEOMETRY, b"\x00\x01binary")
    s.sync()
    again = S.Settings(tmp_path / "s.ini")
    assert len(again.get(S.RECENT_FILES)) == S.MAX_RECENT
    assert again.get(S.RECENT_FILES)[0].endswith("11.sqlite") and again.get(S.LAST_DATABASE).endswith(
        "11.sqlite"
    )
    assert again.get(S.WINDOW_GEOMETRY) == b"\x00\x01binary"
    (tmp_path / "bad.ini").write_text(
        "[activities]\nfilters=not json\n[window]\nview=abc\n", encoding="utf-8"
    )
    bad = S.Settings(tmp_path / "bad.ini")
    assert bad.get(S.ACTIVITY_FILTERS) == {} and bad.get(S.CURRENT_VIEW) == 0


def test_start_up_opens_the_given_database_and_remembers_it(qtbot, db_path, monkeypatch):
    from lifelong_desktop.ui.shell.application import Application

    db = open_database(db_path)
    make_plan(db, 3)
    db.close()
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    app = Application(qtbot_app(), S.Settings())
    assert app.open_first(db_path)
    qtbot.addWidget(app.window)
    assert app.window.activities.model.total_count == 3
    assert S.Settings().get(S.LAST_DATABASE) == str(db_path)
    again = Application(qtbot_app(), S.Settings())
    assert again.open_first(None) and again.window.ctx.path == db_path
    qtbot.addWidget(again.window)
    again.window.close()
    app.db.close()


def test_a_database_problem_is_one_sentence_and_offers_another_file(qtbot, tmp_path, monkeypatch):
    from lifelong_desktop.ui.shell.application import Application

    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    asked: list[DatabaseProblem] = []
    app = Application(qtbot_app(), S.Settings())
    good = tmp_path / "good.sqlite"
    monkeypatch.setattr(app, "ask_other_file", lambda exc, parent: (asked.append(exc), good)[1])
    monkeypatch.setattr(
        "lifelong_desktop.ui.programme.file_actions.FileActions.new_programme", lambda self: None
    )
    assert app.open(bad)
    qtbot.addWidget(app.window)
    assert asked[0].code == "not_a_database" and "notes.sqlite" in asked[0].message("zh")
    assert app.window.ctx.path == good and app.window.ctx.programme_id is None
    app.window.close()
    app.db.close()


def test_unexpected_errors_are_logged_and_shown_in_one_sentence(qtbot, monkeypatch):
    from lifelong_desktop.ui.shell import application

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    old = sys.excepthook
    try:
        application.install_excepthook(lambda: None)
        try:
            raise RuntimeError("boom inside a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    log = Path(application.error_log_path()).read_text(encoding="utf-8")
    assert "RuntimeError: boom inside a slot" in log and "Traceback" in log
    assert len(shown) == 1 and "Traceback" not in shown[0] and "error.log" in shown[0]


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


def test_rows_are_really_in_the_file(window, db):
    with db.read() as s:
        assert len(activity_rows(s, window.ctx.programme_id)) == window.activities.model.total_count


def test_chinese_translation_is_complete_and_qt_dialogs_speak_chinese(qtbot):
    import xml.etree.ElementTree as ET

    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from lifelong_desktop.paths import resource
    from lifelong_desktop.ui.common.actions import ActionRegistry
    from lifelong_desktop.ui.shell.i18n import install_translators

    app = QApplication.instance()
    installed = install_translators(app, "zh_CN")
    try:
        assert len(installed) == 2  # Qt's own qtbase and ours
        actions = ActionRegistry(app)
        assert actions[ActionId.UNDO].text() == "撤销(&U)"
        assert actions[ActionId.OPEN_DATABASE].text() == "打开数据库(&O)…"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text().startswith("取消")
    finally:
        install_translators(app, "en")
    root = ET.parse(resource("i18n", "lifelong_zh_CN.ts")).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 300
    for msg in messages:  # every string of the window is translated
        tr = msg.find("translation")
        assert tr.get("type") is None and "".join(tr.itertext()).strip(), msg.findtext("source")


def test_print_preview_paints_the_schedule(window, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    painted = []

    def fake_exec(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "preview.pdf"))
        dialog.paintRequested.emit(printer)
        painted.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    chosen = []

    def by_city(dialog):
        dialog.by.setCurrentIndex(dialog.by.findData("city"))
        dialog.landscape.setChecked(True)
        chosen.append(dialog.options("zh"))
        return True

    window.ctx.run_dialog = by_city
    window.files.print_preview()
    assert len(painted) == 1 and (tmp_path / "preview.pdf").stat().st_size > 1000
    assert chosen[0].by == "city" and chosen[0].orientation == "landscape"
    window.ctx.run_dialog = lambda dialog: False  # cancelled: no preview
    window.files.print_preview()
    assert len(painted) == 1


def test_export_icalendar(window, tmp_path):
    out = window.files.export_ics(str(tmp_path / "plan.ics"))
    text = out.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 10
    assert "ics" in window.statusBar().currentMessage()


def test_blank_template_for_a_city_of_the_programme(window, tmp_path):
    chosen = []

    def pick(dialog):
        dialog.region.setCurrentIndex(dialog.region.findData("210200"))
        dialog.year.setValue(2025)
        chosen.append(dialog.values())
        return True

    window.ctx.run_dialog = pick
    out = window.files.blank_template(str(tmp_path / "dalian.xlsx"))
    assert chosen == [("210200", 2025)] and out.exists()
    from lifelong_desktop.submission.reading.reader import read_workbook

    header = read_workbook(out).data.header
    assert header["region_code"] == "210200" and header["scope"] == "city" and int(header["year"]) == 2025


def test_an_empty_database_offers_a_programme_or_the_demo(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from lifelong_desktop.ui.programme.new_programme import NewProgrammeDialog
    from lifelong_desktop.ui.shell.application import Application

    def choose_demo(dialog):
        dialog.demo_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewProgrammeDialog, "exec", choose_demo)
    app = Application(qtbot_app(), S.Settings())
    assert app.open(tmp_path / "new.sqlite")
    qtbot.addWidget(app.window)
    assert app.window.ctx.programme_id is not None
    assert app.window.activities.model.total_count > 100 and "2024" in app.window.programme_label.text()

    def choose_region(dialog):
        dialog.province.setCurrentIndex(dialog.province.findData("330000"))
        dialog.city.setCurrentIndex(dialog.city.findData("330100"))
        dialog.year.setValue(2026)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewProgrammeDialog, "exec", choose_region)
    app.window.files.new_programme()
    assert "杭州市" in app.window.programme_label.text() and "2026" in app.window.programme_label.text()
    assert app.window.activities.model.total_count == 0
    app.window.close()
    app.db.close()


def test_other_views_open_an_activity_in_the_form(window):
    target = next(r for r in window.activities.model.all_rows() if r.city_name == "大连市")
    window.activities.filter_bar.search.setText("沈阳市")  # filters it out
    assert window.activities.model.row_of_id(target.id) is None
    opened = []
    window.ctx.run_dialog = lambda form: (opened.append(form.title.text()), False)[1]
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    asking = window.tabs.currentWidget()
    window.ctx.activity_requested.emit(target.id)
    assert opened == [target.title]
    assert window.tabs.currentWidget() is asking  # the form opens over the view that asked; the user stays
    assert window.activities.selected_ids() == [target.id]


def test_enter_on_a_calendar_entry_opens_its_form_and_stays_on_the_calendar(window, qtbot):
    from lifelong_desktop.ui.calendar.view import CalendarView

    cal = next(v for v in window.views if isinstance(v, CalendarView))
    window.tabs.setCurrentWidget(cal)
    cal.refresh()
    target = window.activities.model.all_rows()[0]
    cal.go_to(target.start_date)
    assert cal.grid.select_activity(target.id, target.start_date)
    opened = []
    window.ctx.run_dialog = lambda form: (opened.append(form.title.text()), False)[1]
    qtbot.keyClick(cal.grid, Qt.Key.Key_Return)
    assert opened == [target.title]
    assert window.tabs.currentWidget() is cal


def test_every_translatable_string_of_the_window_reaches_the_translation_file():
    """lupdate silently skips some calls (a count given as `len(x)`, say); such strings stayed English."""
    import ast
    import xml.etree.ElementTree as ET

    from lifelong_desktop.paths import resource

    root = Path(__file__).resolve().parents[2] / "lifelong_desktop" / "ui"
    in_ts = {
        m.findtext("source")
        for m in ET.parse(resource("i18n", "lifelong_zh_CN.ts")).getroot().iter("message")
    }
    missing = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            position = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in in_ts:
                missing.append(f"{path.name}:{node.lineno} {arg.value}")
    assert missing == []


def test_undo_texts_speak_chinese(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from lifelong_desktop.ui.activities import commands as cmd
    from lifelong_desktop.ui.shell.i18n import install_translators

    app = QApplication.instance()
    install_translators(app, "zh_CN")
    try:
        ctx = window.ctx
        texts = [
            cmd.DuplicateActivities(ctx, [1, 2]).text(),
            cmd.DeleteActivities(ctx, [1]).text(),
            cmd.BulkEdit(ctx, [1, 2, 3], planning_change()).text(),
        ]
    finally:
        install_translators(app, "en")
    assert texts == ["复制 2 项活动", "删除 1 项活动", "批量修改 3 项活动"]


def planning_change():
    from lifelong_desktop.services.planning import BulkChange

    return BulkChange(status="held")


def test_files_that_cannot_be_written_are_said_in_the_windows_language(window, tmp_path):
    from PySide6.QtWidgets import QApplication

    from lifelong_desktop.ui.common.language import set_window_language
    from lifelong_desktop.ui.shell.i18n import install_translators

    said = []
    window.files._say = lambda text, title="": said.append(text)
    missing = tmp_path / "不存在的文件夹"
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    set_window_language("zh_CN")
    try:
        assert window.files.export_ics(str(missing / "活动周.ics")) is None
        assert window.files.blank_template(str(missing / "模板.xlsx"), "210000", 2024) is None
        assert window.files.export_workbook(str(missing / "填报.xlsx")) is None
        install_translators(app, "en")
        set_window_language("en")
        assert window.files.export_ics(str(missing / "x.ics")) is None
    finally:
        install_translators(app, "en")
        set_window_language("zh_CN")
    assert len(said) == 4 and "does not exist" in said[-1]
    for text in said[:3]:
        assert "不存在" in text and "Errno" not in text and "No such file" not in text, text


def test_window_language_follows_the_choice_then_lifelong_lang(tmp_path, monkeypatch):
    import os

    from lifelong_desktop.ui.shell.application import window_language

    monkeypatch.setenv("LIFELONG_LANG", "en")
    settings = S.Settings(tmp_path / "fresh.ini")
    assert window_language(settings) == "en" and os.environ["LIFELONG_LANG"] == "en"
    settings.set(S.LANGUAGE, "zh_CN")  # chosen in Edit > Language: wins, and sentences follow it
    assert window_language(settings) == "zh_CN" and os.environ["LIFELONG_LANG"] == "zh"
    monkeypatch.delenv("LIFELONG_LANG")
    assert window_language(S.Settings(tmp_path / "other.ini")) == "zh_CN"


def test_new_programme_from_last_year_is_one_undoable_edit(window, qtbot, db):
    """Undo puts last year's programme back on screen and the new one out of the database; redo restores it
    with the same ids, so edits made in it afterwards stay redoable."""
    from sqlalchemy import select

    from lifelong_desktop.models import Activity, Programme

    pid = window.files.new_programme_from_last_year(copy_activities=True)
    stack = window.ctx.undo_stack
    assert stack.canUndo() and window.ctx.programme_id == pid
    with qtbot.waitSignal(window.ctx.programme_changed):
        stack.undo()
    assert window.ctx.programme_id == 1
    with db.read() as session:
        assert session.scalars(select(Programme.year)).all() == [2024]
    assert window.activities.model.total_count == 10 and window.programme_combo.count() == 1
    with qtbot.waitSignal(window.ctx.programme_changed):
        stack.redo()
    assert window.ctx.programme_id == pid
    with db.read() as session:
        years = sorted(session.scalars(select(Programme.year)))
        copied = session.scalars(select(Activity.id).where(Activity.programme_id == pid)).all()
    assert years == [2024, 2025] and len(copied) == 10
    assert window.activities.model.total_count == 10 and window.programme_combo.count() == 2
