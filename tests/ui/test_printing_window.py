"""File ▸ Export PDF… in the window, and where the window's save dialogs start: the documents folder at
first, then the folder used last, remembered across sessions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from test_activities_model import make_plan

from lifelong_desktop.ui.common.actions import ActionId
from lifelong_desktop.ui.programme import export_checks, output_folder
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.main_window import MainWindow
from tests.helpers.desk import plan_window


@pytest.fixture
def documents(tmp_path, monkeypatch):
    folder = tmp_path / "我的文档"
    folder.mkdir()
    monkeypatch.setattr(output_folder, "documents_folder", lambda: folder)
    return folder


@pytest.fixture
def window(qtbot, db, documents):
    w = plan_window(qtbot, db, make_plan(db))
    w.ctx.run_dialog = lambda dialog: True  # the print options as they open: by date, every city
    return w


@pytest.fixture
def save_dialog(monkeypatch):
    """The save dialog as the user answers it: records where it started, answers with `answers` in turn."""
    seen: list[str] = []
    answers: list[str] = []

    def ask(parent, title, start, filter_):
        seen.append(start)
        return (answers.pop(0) if answers else "", filter_)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return seen, answers


def test_export_pdf_is_in_the_file_menu_and_enabled(window):
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("print_schedule") < names.index("export_pdf") < names.index("export_ics")
    assert window.registry[ActionId.EXPORT_PDF].isEnabled()


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils not installed")
def test_export_pdf_starts_in_documents_then_remembers_the_folder(window, documents, save_dialog, tmp_path):
    seen, answers = save_dialog
    elsewhere = tmp_path / "报送材料"
    elsewhere.mkdir()
    answers.append(str(elsewhere / "日程"))  # typed without .pdf
    written = window.files.export_pdf()
    assert written == elsewhere / "日程.pdf" and written.is_file()
    assert Path(seen[0]).parent == documents and seen[0].endswith("活动日程（按日期）.pdf")
    info = subprocess.run(["pdfinfo", str(written)], capture_output=True, text=True, check=True).stdout
    assert "辽宁省2024年全民终身学习活动周 活动日程（按日期）" in info and "辽宁省教育厅" in info
    assert "日程.pdf" in window.statusBar().currentMessage()
    window.files.export_workbook()  # the next save dialog, even for another kind of file, starts there
    assert Path(seen[1]).parent == elsewhere
    assert S.Settings().get(S.LAST_OUTPUT_FOLDER) == str(elsewhere)  # and so does the next session
    again = MainWindow(window.ctx, S.Settings())
    again.files.export_ics()
    assert Path(seen[2]).parent == elsewhere
    again.close()


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(window, documents, save_dialog):
    seen, _answers = save_dialog
    S.Settings().set(S.LAST_OUTPUT_FOLDER, "/no/such/folder/any/more")
    window.files.export_ics()
    assert Path(seen[0]).parent == documents


def test_export_pdf_into_a_missing_folder_is_one_sentence(window, tmp_path):
    assert window.files.export_pdf(str(tmp_path / "没有这个文件夹" / "日程.pdf")) is None
    [told] = window.told
    assert "Traceback" not in told and "Errno" not in told and "没有这个文件夹" in told


def test_a_pdf_of_a_plan_with_check_errors_is_written_and_the_status_bar_says_so(window, tmp_path):
    from lifelong_desktop.models import Activity, Organisation

    with window.ctx.db.transaction("clash") as s:  # the same venue, day and hours as an existing activity
        a = s.query(Activity).filter(Activity.venue_id.is_not(None), Activity.status != "cancelled").first()
        twin = Activity(
            programme_id=a.programme_id,
            title="同一场地同一时段的讲座",
            activity_type=a.activity_type,
            level=a.level,
            mode="offline",
            city_code=a.city_code,
            venue_id=a.venue_id,
            status="confirmed",
            start_date=a.start_date,
            end_date=a.end_date,
            start_time=a.start_time,
            end_time=a.end_time,
        )
        twin.set_organisations("host", [s.query(Organisation).first()])
        s.add(twin)
    assert export_checks.check_errors(window.ctx) > 0
    written = window.files.export_pdf(str(tmp_path / "日程.pdf"))
    assert written is not None and written.is_file()
    message = window.statusBar().currentMessage()
    assert "日程.pdf" in message and "Checks" in message
