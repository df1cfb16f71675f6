"""The benchmarks' startup probe (ui/shell/startup_probe.py): a real `lifelong-desktop DB` process reports its
first paint of the Activities table with the rows shown, and the marks of the way there in their order (the
window's modules, the database opened, the window built), from which benchmarks/bench_launch.py tells where a
launch goes. No timing is judged here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from lifelong_desktop.services.demo.create import make_demo_database


def test_the_probe_reports_the_first_paint_and_the_marks_on_the_way(tmp_path):
    path = tmp_path / "演示.sqlite"
    make_demo_database(path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LIFELONG_STARTUP_PROBE": "1",
        "LIFELONG_DATA_DIR": str(tmp_path / "data"),
    }
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "lifelong_desktop", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["rows"] == 178 and report["cpu"] > 0 and report["peak_mb"] > 0
    marks = report["marks"]
    assert list(marks) == ["modules", "database", "window"]  # reached in this order, each noted once
    assert started < marks["modules"] <= marks["database"] <= marks["window"] <= report["shown"]


def test_a_mark_is_noted_once_and_only_when_the_probe_is_asked_for(monkeypatch):
    from lifelong_desktop.ui.shell import startup_probe

    monkeypatch.setattr(startup_probe, "MARKS", {})
    monkeypatch.setattr(startup_probe, "_ON", False)
    startup_probe.mark("modules")
    assert startup_probe.MARKS == {}
    monkeypatch.setattr(startup_probe, "_ON", True)
    startup_probe.mark("database")
    first = startup_probe.MARKS["database"]
    startup_probe.mark("database")  # a later open (File > Open) keeps the first launch's mark
    assert startup_probe.MARKS == {"database": first}
