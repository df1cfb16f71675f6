"""The organiser pickers of the activity dialog, used by keyboard: Enter adds and never closes the dialog, the
picker empties after adding, a name not in the register becomes a new organisation (register rules applied),
one body in two roles is warned about, Ctrl+Up/Down reorder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from test_activities_model import make_plan

from lifelong_desktop.services.rows import activity_rows, organisation_rows
from lifelong_desktop.ui.activities.choices import load_choices
from lifelong_desktop.ui.activities.form import ActivityForm
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.registers.new_organisation import organisation_creator


def type_text(widget, text: str) -> None:
    """Chinese arrives as text key events, as from an input method."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def setup(db, qtbot):
    plan = make_plan(db)
    ctx = AppContext(db, plan["programme"])
    with db.read() as s:
        rows = activity_rows(s, plan["programme"])
    choices = load_choices(ctx)
    form = ActivityForm(choices, rows[0], rows, create_organisation=organisation_creator(ctx))
    qtbot.addWidget(form)
    form.confirm_discard = lambda: True  # closed at the end of each test
    form.show()
    qtbot.waitExposed(form)
    form.tabs.setCurrentIndex(2)
    return ctx, choices, form


def names_of(lst, choices):
    known = lst.names()
    return [known[i] for i in lst.ids()]


def test_enter_in_the_picker_adds_and_keeps_the_dialog_open(setup):
    _ctx, choices, form = setup
    co = form.co_organisers
    line = co.picker.lineEdit()
    line.setFocus()
    type_text(line, "沈阳开放大学")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert form.isVisible() and form.result() == 0  # not accepted, not closed
    assert names_of(co, choices) == ["沈阳开放大学"]
    assert co.picker.currentText() == "" and co.picker.currentIndex() == -1  # emptied after adding
    QTest.keyClick(line, Qt.Key.Key_Return)  # a second Enter adds nothing (not the register's first entry)
    assert names_of(co, choices) == ["沈阳开放大学"] and form.isVisible()
    type_text(line, "大连市图书馆")
    QTest.keyClick(line, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert names_of(co, choices) == ["沈阳开放大学", "大连市图书馆"]


def test_one_body_in_two_roles_is_warned_about(setup):
    _ctx, _choices, form = setup
    host = form.value().host_ids[0]
    host_name = form.hosts.names()[host]
    assert "two roles" not in form.problems.text() and "两种角色" not in form.problems.text()
    line = form.co_organisers.picker.lineEdit()
    type_text(line, host_name)
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert host_name in form.problems.text()
    assert form.ok_button.isEnabled()  # a warning: a body can rightly hold two roles, rarely
    form.co_organisers.remove_selected()
    assert host_name not in form.problems.text()


def test_a_name_not_in_the_register_becomes_a_new_organisation(setup, qtbot):
    ctx, _choices, form = setup
    seen = []
    form.co_organisers.confirm_create = lambda text: seen.append(text) or True

    def fill_and_accept(dialog: QDialog) -> bool:
        assert dialog.name.text() == "江苏开放大学"
        dialog.email.setText("bad-mail")  # the register's rules apply here too: refused, the form stays
        dialog.accept()
        assert not dialog.error.isHidden() and dialog.result() != QDialog.DialogCode.Accepted
        dialog.email.setText("office@jsou.edu.cn")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    ctx.run_dialog = fill_and_accept
    line = form.co_organisers.picker.lineEdit()
    type_text(line, "江苏开放大学")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert seen == ["江苏开放大学"]
    assert names_of(form.co_organisers, None) == ["江苏开放大学"]
    with ctx.db.read() as s:
        made = [o for o in organisation_rows(s) if o.name == "江苏开放大学"]
    assert len(made) == 1 and made[0].email == "office@jsou.edu.cn"
    assert form.undertakers.picker.findText("江苏开放大学") >= 0  # the other roles can pick it too
    assert ctx.undo_stack.count() == 1 and "江苏开放大学" in ctx.undo_stack.undoText()


def test_giving_up_on_a_new_organisation_keeps_the_typed_name(setup):
    ctx, _choices, form = setup
    form.co_organisers.confirm_create = lambda text: False
    line = form.co_organisers.picker.lineEdit()
    type_text(line, "不存在的单位")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert form.co_organisers.ids() == () and line.text() == "不存在的单位" and form.isVisible()
    with ctx.db.read() as s:
        assert "不存在的单位" not in [o.name for o in organisation_rows(s)]


def test_ctrl_up_and_down_reorder(setup):
    _ctx, choices, form = setup
    co = form.co_organisers
    ids = [o.id for o in choices.organisations][:3]
    for oid in ids:
        co.add(oid)
    co.list.setFocus()
    co.list.setCurrentRow(2)
    QTest.keyClick(co.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(co.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert co.ids() == (ids[2], ids[0], ids[1])
    QTest.keyClick(co.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert co.ids() == (ids[0], ids[2], ids[1]) and form.value().co_organiser_ids == co.ids()


def _press_enter_in_next_dialogs(qtbot, seen: list[str], count: int) -> None:
    """Press Enter (a real key event to the focused widget) in each of the next `count` modal dialogs."""
    from PySide6.QtCore import QTimer

    def press() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, press)
            return
        seen.append(type(modal).__name__)
        QTest.keyClick(modal.focusWidget() or modal, Qt.Key.Key_Return)
        if len(seen) < count:
            QTimer.singleShot(20, press)

    QTimer.singleShot(20, press)


@pytest.mark.parametrize("typed", ["葫芦岛市社区学院", "开放大学"], ids=["no-match", "completer-open"])
def test_enter_in_the_new_organisation_dialogs_never_saves_the_activity(setup, qtbot, typed):
    """Enter typed in the host picker (its completer list open or not), then Enter in 新建单位's question and
    in its form: each accepts only its own dialog; the activity form stays open, unsaved (its default button
    never fires)."""
    ctx, _choices, form = setup
    form.tabs.setCurrentIndex(2)
    accepted = []
    form.accepted.connect(lambda: accepted.append(True))
    line = form.hosts.picker.lineEdit()
    line.setFocus()
    type_text(line, typed)
    popup = form.hosts.picker.completer().popup()
    assert popup.isVisible() == (typed == "开放大学")
    seen: list[str] = []
    _press_enter_in_next_dialogs(qtbot, seen, 2)
    focused = QApplication.focusWidget()
    assert focused is form.hosts.picker  # a keyboard's Enter goes to the combo box, not its line edit
    QTest.keyClick(popup if popup.isVisible() else focused, Qt.Key.Key_Return)
    qtbot.wait(200)  # whatever the Enter would still reach is delivered by now
    assert seen == ["QMessageBox", "OrganisationDialog"]
    assert typed in names_of(form.hosts, None)
    with ctx.db.read() as s:
        assert [o.name for o in organisation_rows(s) if o.name == typed] == [typed]
    assert accepted == [] and form.isVisible() and form.result() == 0


def test_enter_on_a_known_name_adds_it_and_never_saves_the_activity(setup):
    """The register's name typed whole, its completer list closed, Enter from the keyboard (to the combo box):
    added, the form still open."""
    _ctx, _choices, form = setup
    accepted = []
    form.accepted.connect(lambda: accepted.append(True))
    line = form.undertakers.picker.lineEdit()
    line.setFocus()
    type_text(line, "沈阳开放大学")
    form.undertakers.picker.completer().popup().hide()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "沈阳开放大学" in names_of(form.undertakers, None)
    assert accepted == [] and form.isVisible() and form.result() == 0


def test_a_new_organisation_on_an_empty_register_is_not_put_in_the_other_roles(db, qtbot):
    """A new programme: the register is empty. The host made from the dialog is offered to the other roles,
    but their pickers stay empty: Add there adds nothing (Qt would make it their current item)."""
    from datetime import date

    from lifelong_desktop.services.programmes import create_programme

    with db.transaction("setup") as s:
        programme = create_programme(s, region_code="330000", year=2027, week_start=date(2027, 11, 6))
        s.flush()
        programme_id = programme.id
    ctx = AppContext(db, programme_id)
    ctx.run_dialog = lambda dialog: dialog.accept() or dialog.result() == QDialog.DialogCode.Accepted
    form = ActivityForm(load_choices(ctx), None, [], create_organisation=organisation_creator(ctx))
    qtbot.addWidget(form)
    form.confirm_discard = lambda: True
    form.hosts.confirm_create = lambda text: True
    line = form.hosts.picker.lineEdit()
    type_text(line, "杭州市教育局")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert names_of(form.hosts, None) == ["杭州市教育局"]
    for other in (form.undertakers, form.co_organisers):
        assert other.picker.findText("杭州市教育局") >= 0  # offered
        assert other.picker.currentIndex() == -1 and other.picker.currentText() == ""
        other.add_current()
        assert other.ids() == ()
