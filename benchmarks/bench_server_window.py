"""Benchmark: the window on the 50,000-activity demo on PostgreSQL opens within 1.5x the time of the same
programme in a SQLite file, measured in the same run (target: ratio of medians <= 1.5).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_server_window.py [--runs 5]`.
The demo is made once as a SQLite file and copied to a throwaway PostgreSQL server on a loopback port
(`lifelong db copy`); each run is a fresh process per store, the two alternated, timing open_database plus the
main window shown with its table filled. Figures are medians over the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5


def one_run(where: str) -> dict:
    """In this process: open the database and the window on it; seconds to the table shown, and its rows."""
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from lifelong_desktop.db import open_database
    from lifelong_desktop.services.programmes import get_programme
    from lifelong_desktop.ui.common.context import AppContext
    from lifelong_desktop.ui.shell.i18n import install_translators
    from lifelong_desktop.ui.shell.main_window import MainWindow
    from lifelong_desktop.ui.shell.settings import Settings

    install_translators(app, "zh_CN")
    t = clock.perf_counter()
    db = open_database(where, backup_on_open=False)
    with db.read() as session:
        programme_id = get_programme(session).id
    window = MainWindow(AppContext(db, programme_id), Settings())
    window.show()
    app.processEvents()
    opened = clock.perf_counter() - t
    rows = window.activities.model.rowCount()
    window.hide()
    db.close()
    return {"open": opened, "rows": rows}


def _child(where: str, env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", where], env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--activities", type=int, default=50_000)
    parser.add_argument("--child", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(one_run(args.child)))
        return 0
    sys.path.insert(0, str(ROOT))
    from tests.helpers.pg import Cluster

    work = Path(tempfile.mkdtemp(prefix="bench-server-window-"))
    env = dict(os.environ, LIFELONG_DATA_DIR=str(work / "userdata"), QT_QPA_PLATFORM="offscreen")
    lifelong = [sys.executable, "-m", "lifelong_desktop.cli"]
    path = work / "demo.sqlite"
    subprocess.run(
        [*lifelong, "demo", "--db", str(path), "--activities", str(args.activities)], env=env, check=True
    )
    cluster = Cluster()
    try:
        url = cluster.new_database()
        subprocess.run(
            [*lifelong, "db", "copy", "--from", str(path), "--to", url],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        times: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
        for _ in range(args.runs):  # alternated: both stores under the same load
            for store, where in (("sqlite", str(path)), ("postgresql", url)):
                result = _child(where, env)
                assert result["rows"] == args.activities, result
                times[store].append(result["open"])
    finally:
        cluster.stop()
    lite, server = statistics.median(times["sqlite"]), statistics.median(times["postgresql"])
    ratio = server / lite
    print(f"window open, {args.activities:,} activities, median of {args.runs} runs each:")
    print(f"  SQLite file       {lite:6.2f} s   ({', '.join(f'{t:.2f}' for t in times['sqlite'])})")
    print(f"  PostgreSQL server {server:6.2f} s   ({', '.join(f'{t:.2f}' for t in times['postgresql'])})")
    ok = ratio <= TARGET_RATIO
    print(f"  ratio {ratio:.2f} (target <= {TARGET_RATIO}) {'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
