"""Launch as a user feels it: each figure a fresh process, medians, against a peer measured in the same run.

- `lifelong-desktop DB` until the Activities table has first been painted with its rows (the app's
  LIFELONG_STARTUP_PROBE reports that moment and quits), under Xvfb: the 178-activity demo (target 1.0 s)
  and 50,000 activities (1.5 s), the first launch of the day (no backup yet) and a second one; the peer is a
  bare PySide6 window with an empty 14-column table, painted the same way.
- peak memory of the window at 50,000 activities after opening every tab once (target 250 MB), and the same
  on a first run: a fresh user data folder, no pinyin-keys.json (the keys are computed then).
- `lifelong --version` (0.2 s; peer: a bare `python -c pass`) and `lifelong check` at 50,000 (0.5 s; peer:
  a bare sqlite3 read of every activity row).
- where a second launch goes (the probe's marks): the interpreter and the window's modules, the database's
  open, the window built with its rows, the first paint; and what SQLAlchemy with the models take of the modules.

Run: `.venv/bin/python benchmarks/bench_launch.py [--runs 5] [--against REV]`; `--against main` (any git
revision) measures that tree too, alternately with this one (before and after under the same load).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from support import PY, Contestant, Sample, contestants, lifelong, load_line, report, start_xvfb, timed

PEER_WINDOW = """
import json, resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
window = QMainWindow()
table = QTableView(window)
table.setModel(QStandardItemModel(0, 14, table))
window.setCentralWidget(table)
window.resize(1280, 800)
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        use = resource.getrusage(resource.RUSAGE_SELF)
        print(json.dumps({"shown": time.time(), "rows": 0, "cpu": use.ru_utime + use.ru_stime,
                          "peak_mb": use.ru_maxrss / 1024}), flush=True)
        app.quit()
probe = Probe()
table.viewport().installEventFilter(probe)
window.show()
app.exec()
"""
# SQLAlchemy and the models imported as the launch imports them: after Qt, the collector off; prints seconds
PEER_ORM = """
import gc, time
gc.disable()
import PySide6.QtWidgets, lifelong_desktop.ui
start = time.perf_counter()
import sqlalchemy.orm, lifelong_desktop.models
print(time.perf_counter() - start)
"""
PEER_SQLITE = "import sqlite3, sys; print(len(sqlite3.connect(sys.argv[1]).execute('SELECT * FROM activity').fetchall()))"


def launch(cmd: list[str], env: dict[str, str]) -> tuple[Sample, dict]:
    """Start a window and wait for its probe's line: seconds from the start to the first paint of the table."""
    start = time.time()
    sample, out = timed(cmd, env)
    probe = {**json.loads(out.strip().splitlines()[-1]), "started": start}
    return Sample(probe["shown"] - start, probe["cpu"], probe["peak_mb"]), probe


def prepare(work: Path, people: list[Contestant], activities: int) -> None:
    """The demo and the big programme, made by each contestant's own tree (an older tree refuses a database
    of a newer schema; the padding is deterministic, so the content is the same)."""
    for c in people:
        folder = work / c.data_dir.name.replace("data-", "db-")
        folder.mkdir()
        timed(lifelong("demo", "--db", str(folder / "demo.sqlite")), c.env())
        timed(lifelong("demo", "--db", str(folder / "big.sqlite"), "--activities", str(activities)), c.env())


def one_round(work: Path, c: Contestant, display: str, activities: int) -> None:
    folder = work / c.data_dir.name.replace("data-", "db-")
    gui = c.env(DISPLAY=display, QT_QPA_PLATFORM="xcb", LIFELONG_STARTUP_PROBE="1")
    for name, key in (("demo.sqlite", "demo"), ("big.sqlite", "big")):
        shutil.rmtree(folder / "backups", ignore_errors=True)  # the first launch of the day takes a backup
        sample, probe = launch([PY, "-m", "lifelong_desktop", str(folder / name)], gui)
        assert probe["rows"] == (activities if key == "big" else 178), probe
        c.add(f"{key} first", sample)
        sample, probe = launch([PY, "-m", "lifelong_desktop", str(folder / name)], gui)
        c.add(f"{key} second", sample)
        phases(c, key, probe)
    _, probe = launch(
        [PY, "-m", "lifelong_desktop", str(folder / "big.sqlite")], {**gui, "LIFELONG_STARTUP_PROBE": "tabs"}
    )
    c.add("tabs", Sample(probe["tabs_peak_mb"], 0, probe["tabs_peak_mb"]))
    fresh = work / f"fresh-{c.data_dir.name}"  # a first run: no settings, no pinyin-keys.json
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    _, probe = launch(
        [PY, "-m", "lifelong_desktop", str(folder / "big.sqlite")],
        {**gui, "LIFELONG_STARTUP_PROBE": "tabs", "LIFELONG_DATA_DIR": str(fresh)},
    )
    c.add("tabs fresh", Sample(probe["tabs_peak_mb"], 0, probe["tabs_peak_mb"]))
    c.add("version", timed(lifelong("--version"), c.env())[0])
    c.add("check", timed(lifelong("check", "--db", str(folder / "big.sqlite")), c.env(), ok=(0, 1))[0])
    c.add("peer window", launch([PY, "-c", PEER_WINDOW], gui)[0])
    c.add("peer python", timed([PY, "-c", "pass"], c.env())[0])
    c.add("peer sqlite", timed([PY, "-c", PEER_SQLITE, str(folder / "big.sqlite")], c.env())[0])
    c.add("peer orm", Sample(float(timed([PY, "-c", PEER_ORM], c.env())[1]), 0, 0))


# Where a launch goes, from the probe's marks (a tree without them reports none): the interpreter and the
# window's modules (the database layer, SQLAlchemy and the models, among them), the database's open (its checks),
# the window built (its own modules, widgets and rows), and its first paint.
PHASES = (
    ("modules", "started", "modules"),
    ("open", "modules", "database"),
    ("window", "database", "window"),
    ("paint", "window", "shown"),
)


def phases(c: Contestant, key: str, probe: dict) -> None:
    marks = {**probe.get("marks", {}), "started": probe["started"], "shown": probe["shown"]}
    for name, since, until in PHASES:
        if until in marks and since in marks:
            took = marks[until] - marks[since]
            c.add(f"{key} {name}", Sample(took, 0, 0))


def print_phases(people: list[Contestant], n: str) -> None:
    for c in people:
        for key, label in (("demo", "demo"), ("big", n)):
            if f"{key} modules" not in c.samples:
                continue
            parts = ", ".join(f"{name} {c.median(f'{key} {name}'):.2f} s" for name, _, _ in PHASES)
            print(f"  where the second launch goes ({c.name}, {label}): {parts}")
        print(
            f"  of the modules, SQLAlchemy and the models, imported after Qt as the launch does ({c.name}): "
            f"{c.median('peer orm'):.2f} s"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--activities", type=int, default=50_000)
    parser.add_argument("--against", help="a git revision measured too, alternately (e.g. main)")
    args = parser.parse_args()
    xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-launch-") as tmp:
            work = Path(tmp)
            people = contestants(work, args.against)
            prepare(work, people, args.activities)
            print(f"{load_line()} before; {args.runs} rounds, contestants alternate")
            for c in people:  # compile and cache each tree's modules, as an installed app has them
                one_round(work, c, display, args.activities)
                c.samples.clear()
            for i in range(args.runs):
                for c in people if i % 2 == 0 else people[::-1]:
                    one_round(work, c, display, args.activities)
            print(f"{load_line()} after; medians of {args.runs} (wall, and CPU seconds of the process)")
            n = f"{args.activities:,}"
            ok = report(
                people,
                [
                    ("peer: bare PySide6 window", "peer window", None, None, False),
                    ("window, demo, first of the day", "demo first", "peer window", 1.0, False),
                    ("window, demo, second launch", "demo second", "peer window", 1.0, False),
                    (f"window, {n}, first of the day", "big first", "peer window", 1.5, False),
                    (f"window, {n}, second launch", "big second", "peer window", 1.5, False),
                    ("peer: python -c pass", "peer python", None, None, False),
                    ("lifelong --version", "version", "peer python", 0.2, False),
                    ("peer: sqlite3 read of activities", "peer sqlite", None, None, False),
                    (f"lifelong check, {n}", "check", "peer sqlite", 0.5, False),
                ],
            )
            print_phases(people, n)
            for c in people:
                peak = c.median("tabs")
                ok &= c.name != "now" or peak <= 250
                print(f"peak memory, every tab opened once ({c.name}): {peak:.0f} MB [target <= 250 MB]")
            for c in people:
                peak = c.median("tabs fresh")
                ok &= c.name != "now" or peak <= 250
                print(
                    f"peak memory, every tab opened once, first run, no pinyin cache ({c.name}): "
                    f"{peak:.0f} MB [target <= 250 MB]"
                )
    finally:
        if xvfb is not None:
            xvfb.terminate()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
