"""Import with preview from the File menu: Cancel changes nothing, Apply is one undoable edit."""

from __future__ import annotations

import pytest

from lifelong_desktop.db import open_database
from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import ActivityInput
from lifelong_desktop.ui.common import undo as base
from lifelong_desktop.ui.programme.import_preview import FindingsModel, ImportPreviewDialog, run_import
from tests.helpers.activity_plan import make_plan
from tests.helpers.desk import plan_window

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.fixture
def window(qtbot, db):
    w = plan_window(qtbot, db, make_plan(db))
    return w


@pytest.fixture
def exported(window, tmp_path):
    path = window.files.export_workbook(str(tmp_path / "own.xlsx"))
    assert path is not None
    view = window.activities
    view.select_ids([view.model.row_at(0).id, view.model.row_at(1).id])
    view.editing.delete_selected()
    window.ctx.undo_stack.clear()
    assert view.model.total_count == 8
    return path


def test_preview_then_cancel_changes_nothing(window, exported):
    seen = []

    def cancel(dialog):
        seen.append((dialog.plan.counts, dialog.apply_button.isEnabled()))
        return False

    window.ctx.run_dialog = cancel
    assert not run_import(window, exported)
    assert seen == [({"new": 2, "updated": 0, "unchanged": 8, "missing": 0}, True)]
    assert window.activities.model.total_count == 8 and window.ctx.undo_stack.count() == 0


def test_apply_is_undone_and_redone(window, exported, qtbot):
    window.ctx.run_dialog = lambda dialog: True
    with qtbot.waitSignal(window.ctx.data_changed):
        assert run_import(window, exported)
    assert window.activities.model.total_count == 10
    assert "own.xlsx" in window.ctx.undo_stack.undoText()
    window.ctx.undo_stack.undo()
    assert window.activities.model.total_count == 8
    window.ctx.undo_stack.redo()
    assert window.activities.model.total_count == 10
    with window.ctx.db.read() as s:
        from lifelong_desktop.services.rows import activity_rows

        assert len(activity_rows(s, window.ctx.programme_id)) == 10


def test_undo_is_refused_when_another_window_changed_the_database(window, exported, db_path):
    window.ctx.run_dialog = lambda dialog: True
    assert run_import(window, exported)
    row = window.activities.model.row_at(0)
    other = open_database(db_path)
    try:
        with other.transaction("other window") as s:
            planning.update_activity(
                s, row.id, ActivityInput.from_row(row).replace(title="别处的修改"), row.version
            )
    finally:
        other.close()
    window.ctx.undo_stack.undo()
    assert len(window.told) == 1 and window.ctx.undo_stack.count() == 0
    titles = {r.title for r in window.activities.model.all_rows()}
    assert "别处的修改" in titles and len(titles) == 10


def test_a_workbook_with_errors_cannot_be_applied(qtbot, window, tmp_path):
    from lifelong_desktop.submission.importing.importer import plan_import

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook at all")
    with window.ctx.db.read() as s:
        plan = plan_import(s, bad)
    dialog = ImportPreviewDialog(plan, bad.name)
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled() and dialog.model.rowCount() >= 1
    assert "Traceback" not in dialog.model.index(0, 2).data()


def test_findings_model_passes_qtmodeltester(qtmodeltester, window, exported):
    from lifelong_desktop.submission.findings import Finding

    model = FindingsModel()
    model.set_rows(
        [
            Finding("warning", "unknown_column", sheet="活动", cell="AC2", key="x"),
            Finding("error", "required", sheet="活动", cell="B3", key="title"),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Error"


def teardown_module():
    base.error_handler.clear()


def test_a_missing_file_is_said_to_be_missing_not_unreadable(window, tmp_path):
    shown = []
    window.ctx.run_dialog = lambda dialog: shown.append(dialog) or False
    assert not run_import(window, tmp_path / "搬走了.xlsx")
    assert shown == [] and len(window.told) == 1
    assert "not found" in window.told[0] and "搬走了.xlsx" in window.told[0]


def test_findings_are_shown_whole(qtbot, window, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    shown = []
    window.ctx.run_dialog = lambda dialog: shown.append(dialog) or False
    run_import(window, bad)
    [dialog] = shown
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    dialog.resize(760, 440)  # narrow enough for the sentence to need two lines
    dialog.show()
    qtbot.wait(10)
    table = dialog.table
    text = dialog.model.index(0, 2).data()
    assert table.fontMetrics().horizontalAdvance(text) > table.columnWidth(2)  # a long sentence...
    needed = table.sizeHintForRow(0)  # ...wrapped at the column's shown width
    assert needed >= 2 * table.fontMetrics().lineSpacing()
    assert needed <= table.rowHeight(0) <= needed + 4  # all of it shown, not cut with "…"; no blank lines


def test_reading_importing_and_exporting_say_so_with_the_wait_cursor(window, exported, monkeypatch, tmp_path):
    """The window cannot paint while it reads or writes a workbook: the status bar says what it does and the
    pointer waits, both painted before the work starts and taken back after it, also when it fails."""
    from PySide6.QtWidgets import QApplication

    from lifelong_desktop.submission.importing import importer
    from lifelong_desktop.submission.writing import export

    seen = []

    def watching(name, real):
        def work(*args, **kwargs):
            cursor = QApplication.overrideCursor()
            seen.append((name, window.statusBar().currentMessage(), cursor and cursor.shape().name))
            return real(*args, **kwargs)

        return work

    monkeypatch.setattr(importer, "plan_import", watching("plan", importer.plan_import))
    monkeypatch.setattr(importer, "apply_import", watching("apply", importer.apply_import))
    monkeypatch.setattr(export, "export_programme", watching("export", export.export_programme))
    window.ctx.run_dialog = lambda dialog: True
    assert run_import(window, exported)
    assert window.files.export_workbook(str(tmp_path / "again.xlsx")) is not None
    assert seen == [
        ("plan", "Reading “own.xlsx”…", "WaitCursor"),
        ("apply", "Importing “own.xlsx”…", "WaitCursor"),
        ("plan", "Importing “own.xlsx”…", "WaitCursor"),  # planned again in the import's transaction
        ("export", "Writing “again.xlsx”…", "WaitCursor"),
    ]
    assert QApplication.overrideCursor() is None

    def failing(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "export_programme", failing)
    told = []
    monkeypatch.setattr(window.files, "_say", lambda text: told.append((text, QApplication.overrideCursor())))
    assert window.files.export_workbook(str(tmp_path / "full.xlsx")) is None
    assert len(told) == 1 and told[0][1] is None  # the sentence is shown with the ordinary pointer
    assert not window.statusBar().currentMessage().startswith("Writing")
