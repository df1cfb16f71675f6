"""A crash leaves a trace: a real segfault in a child process writes its stacks to error.log, and the next
start is told that the last session ended abnormally and where the log is; a normal end tells nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from lifelong_desktop.ui.shell import application, crash_trace

CRASH = textwrap.dedent(
    """
    import faulthandler
    from lifelong_desktop.ui.shell import crash_trace
    crash_trace.enable_fault_log()
    assert crash_trace.begin_session() is False
    faulthandler._sigsegv()  # what a segfault in libQt6Core does to the process
    """
)


def run_child(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], env=dict(os.environ), capture_output=True, text=True, timeout=120
    )


def test_a_segfault_is_written_to_error_log_and_reported_at_the_next_start(qtbot, monkeypatch):
    child = run_child(CRASH)
    assert child.returncode != 0
    log = crash_trace.error_log_path().read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in log and "started (pid" in log
    assert crash_trace.marker_path().exists()  # the crashed session never removed its marker

    assert crash_trace.begin_session() is True
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    application.tell_last_session_crashed(None)
    assert str(crash_trace.error_log_path()) in shown[0][1]
    assert any(w in shown[0][0] for w in ("abnormally", "异常"))
    crash_trace.end_session()
    assert not crash_trace.marker_path().exists()
    assert crash_trace.begin_session() is False  # a normal end is not reported
    crash_trace.end_session()


def test_a_window_still_running_is_not_taken_for_a_crash():
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        crash_trace.marker_path().write_text(str(other.pid), encoding="utf-8")
        assert crash_trace.begin_session() is False
    finally:
        other.kill()
        other.wait()
    crash_trace.end_session()


def test_error_log_is_in_the_user_data_folder():
    assert Path(os.environ["LIFELONG_DATA_DIR"]) == crash_trace.error_log_path().parent
    assert application.error_log_path() == crash_trace.error_log_path()
