"""The window's programme settings: asked for in New Programme, edited in 计划设置…, needed by Export."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from lifelong_desktop.models import Programme
from lifelong_desktop.services.programme_settings import ProgrammeSettings
from lifelong_desktop.services.programmes import create_programme
from lifelong_desktop.ui.common.actions import ActionId
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.programme.new_programme import NewProgrammeDialog, create_from_dialog
from lifelong_desktop.ui.programme.settings_dialog import ProgrammeSettingsDialog
from lifelong_desktop.ui.reports.checks_view import ChecksView
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.main_window import MainWindow
from tests.helpers.activity_plan import make_plan


def _window(qtbot, db, programme_id):
    w = MainWindow(AppContext(db, programme_id), S.Settings())
    qtbot.addWidget(w)
    w.told = []
    w.activities.inform = lambda title, text: w.told.append(text)
    w.shown = []
    return w


def _answer(window, role):
    """Answer every box shown with the button of `role` (None: close it unanswered)."""

    def run(dialog):
        window.shown.append(dialog)
        if isinstance(dialog, QMessageBox):
            for button in dialog.buttons():
                if role is not None and dialog.buttonRole(button) == role:
                    button.click()
                    return False
            return False
        return False

    window.ctx.run_dialog = run


def test_new_programme_asks_for_the_settings_and_keeps_them(qtbot, db):
    dialog = NewProgrammeDialog(offer_demo=False)
    qtbot.addWidget(dialog)
    dialog.province.setCurrentIndex(dialog.province.findData("320000"))
    dialog.year.setValue(2025)
    form = dialog.settings
    assert form.unit.placeholderText().endswith("江苏省教育厅")
    assert form.window_start.date().toPython() == date(2025, 4, 1) and not form.week_known.isChecked()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.note.text()  # unit and contact may wait, and it says so
    form.unit.setText("江苏省教育厅")
    form.contact.setText("李明")
    form.phone.setText("024+8689 1234")
    assert not ok.isEnabled() and "+" in dialog.note.text()
    form.phone.setText("025-8335 1234")
    form.week_known.setChecked(True)
    form.week_start.setDate(date(2025, 5, 12))
    form.week_end.setDate(date(2025, 5, 18))
    assert ok.isEnabled() and dialog.note.text() == ""
    dialog.year.setValue(2024)  # another year: its dates start again (2024's official week is known)
    assert form.week_known.isChecked() and form.week_start.date().toPython() == date(2024, 4, 26)
    dialog.year.setValue(2025)
    form.week_known.setChecked(True)
    form.week_start.setDate(date(2025, 5, 12))
    form.week_end.setDate(date(2025, 5, 18))
    ctx = AppContext(db, None)
    said = []
    pid = create_from_dialog(ctx, dialog, said.append)
    assert pid is not None and said == []
    with db.read() as s:
        assert ProgrammeSettings.of(s.get(Programme, pid)) == ProgrammeSettings(
            "江苏省教育厅",
            "李明",
            "025-8335 1234",
            "",
            "",
            date(2025, 4, 1),
            date(2025, 12, 31),
            date(2025, 5, 12),
            date(2025, 5, 18),
        )


def test_export_of_an_incomplete_programme_is_refused_with_the_list(qtbot, db, tmp_path):
    with db.transaction("p") as s:
        pid = create_programme(s, region_code="320000", year=2025).id
    window = _window(qtbot, db, pid)
    _answer(window, None)
    out = tmp_path / "江苏.xlsx"
    assert window.files.export_workbook(str(out)) is None
    assert not out.exists() and not list(tmp_path.glob("*.xlsx*"))
    box = window.shown[0]
    assert "填报单位" in box.informativeText() and "联系人" in box.informativeText()
    with db.read() as s:
        assert s.get(Programme, pid).submission_seq == 0


def test_the_refusal_leads_to_the_settings_and_then_the_export_works(qtbot, db, tmp_path):
    with db.transaction("p") as s:
        pid = create_programme(s, region_code="320000", year=2025).id
    window = _window(qtbot, db, pid)

    def run(dialog):
        window.shown.append(dialog)
        if isinstance(dialog, QMessageBox):
            next(
                b for b in dialog.buttons() if dialog.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
            ).click()
            return False
        assert isinstance(dialog, ProgrammeSettingsDialog)
        dialog.form.unit.setText("江苏省教育厅")
        dialog.form.contact.setText("李明")
        return True

    window.ctx.run_dialog = run
    out = tmp_path / "a.xlsx"
    assert window.files.export_workbook(str(out)) == out and out.exists()  # filled in, the export goes on
    assert [type(d) for d in window.shown] == [QMessageBox, ProgrammeSettingsDialog]
    with db.read() as s:
        assert s.get(Programme, pid).submitting_unit == "江苏省教育厅"
    window.ctx.undo_stack.undo()
    with db.read() as s:
        assert s.get(Programme, pid).submitting_unit == ""
    window.shown.clear()
    window.ctx.run_dialog = lambda dialog: window.shown.append(dialog) or False  # refused, then closed
    assert (
        window.files.export_workbook(str(tmp_path / "b.xlsx")) is None and not (tmp_path / "b.xlsx").exists()
    )
    window.ctx.undo_stack.redo()
    window.ctx.run_dialog = run
    assert window.files.export_workbook(str(tmp_path / "b.xlsx")) == tmp_path / "b.xlsx"


@pytest.fixture
def with_check_errors(qtbot, db):
    plan = make_plan(db)
    with db.transaction(
        "older data"
    ) as s:  # as an older version could leave it: activities outside the window
        p = s.get(Programme, plan["programme"])
        p.window_start, p.window_end = date(2024, 4, 1), date(2024, 10, 22)
    return _window(qtbot, db, plan["programme"])


def test_check_errors_offer_to_view_them_instead(with_check_errors, tmp_path):
    window = with_check_errors
    _answer(window, QMessageBox.ButtonRole.RejectRole)
    out = tmp_path / "x.xlsx"
    assert window.files.export_workbook(str(out)) is None and not out.exists()
    assert "错误" in window.shown[0].text() or "error" in window.shown[0].text()
    assert isinstance(window.tabs.currentWidget(), ChecksView)


def test_check_errors_can_be_exported_anyway(with_check_errors, tmp_path):
    window = with_check_errors
    _answer(window, QMessageBox.ButtonRole.AcceptRole)
    out = tmp_path / "x.xlsx"
    assert window.files.export_workbook(str(out)) == out and out.exists()


def test_programme_settings_is_in_the_file_menu_with_a_mnemonic(qtbot, db):
    plan = make_plan(db)
    window = _window(qtbot, db, plan["programme"])
    action = window.registry[ActionId.PROGRAMME_SETTINGS]
    assert action.isEnabled() and "&" in action.text()
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    dialog = ProgrammeSettingsDialog(2024, "210000", ProgrammeSettings(), window)
    labels = [w.text() for w in dialog.findChildren(type(dialog.note)) if "&" in w.text()]
    labels.append(dialog.form.week_known.text())
    mnemonics = [t[t.index("&") + 1].lower() for t in labels]
    assert len(mnemonics) == 10 and len(set(mnemonics)) == len(mnemonics), labels


def test_problems_name_the_field_without_its_mnemonic(qtbot):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from lifelong_desktop.paths import resource

    translator = QTranslator()
    assert translator.load(str(resource("i18n", "lifelong_zh_CN.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = ProgrammeSettingsDialog(2025, "320000", ProgrammeSettings(), None)
        qtbot.addWidget(dialog)
        dialog.form.phone.setText("024+8689 1234")
        assert dialog.note.text().startswith("联系电话：只能含数字")
    finally:
        QCoreApplication.removeTranslator(translator)
