"""Crashes leave a trace: faulthandler writes a fatal error (a segfault in Qt) to error.log, and a session
marker left behind by a session that never ended tells the next start that the last one ended abnormally."""

from __future__ import annotations

import faulthandler
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from lifelong_desktop import __version__
from lifelong_desktop.paths import user_data_dir

_log: TextIO | None = None


def error_log_path() -> Path:
    return user_data_dir() / "error.log"


def marker_path() -> Path:
    return user_data_dir() / "session.running"


def enable_fault_log() -> Path:
    """Send Python's fatal-error report (every thread's stack) to error.log, kept open for the session."""
    global _log
    path = error_log_path()
    try:
        if _log is None or _log.closed:
            _log = path.open("a", encoding="utf-8")
            _log.write(
                f"--- {datetime.now().isoformat(timespec='seconds')} lifelong-desktop {__version__} started "
                f"(pid {os.getpid()})\n"
            )
            _log.flush()
        faulthandler.enable(file=_log, all_threads=True)
    except OSError:  # an unwritable data folder: the report still goes to stderr
        faulthandler.enable(file=sys.stderr, all_threads=True)
    return path


def _alive(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return False
    if sys.platform.startswith("win"):
        return False  # a second window on Windows is rare; treat the marker as left behind
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def begin_session() -> bool:
    """Write this session's marker; True when the previous session's marker was left behind by a process
    that is gone (it crashed or was killed), not when another window of the app is still running."""
    marker = marker_path()
    crashed = False
    try:
        if marker.exists():
            text = marker.read_text(encoding="utf-8").strip()
            crashed = not _alive(int(text)) if text.isdigit() else True
        marker.write_text(str(os.getpid()), encoding="utf-8")
    except OSError:
        return crashed
    return crashed


def end_session() -> None:
    """The session ended normally: remove its marker (only this process's own)."""
    marker = marker_path()
    try:
        if marker.read_text(encoding="utf-8").strip() == str(os.getpid()):
            marker.unlink()
    except OSError:
        pass
    if _log is not None and not _log.closed:
        faulthandler.disable()
        _log.close()
