"""Benchmark: one result cell saved in the Activities table's results mode on a 50,000-activity programme
(target 1 s: the next cell is ready while the clerk reads the next line of the return).

Measured in-process, headless, after the window's table is loaded: the cell is set as the delegate sets it,
then the queued save runs (one undoable, audited transaction, the table refreshed). The peer measured in the
same run is the same change saved through the activity form's command (EditActivity, as OK in the form does),
so the ratio shows what the results mode adds to an ordinary edit.

Run: .venv/bin/python benchmarks/bench_results.py [--activities N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LIFELONG_DATA_DIR"] = str(Path(tmp) / "userdata")
        from PySide6.QtWidgets import QApplication

        from lifelong_desktop.db import open_database
        from lifelong_desktop.services.demo.create import make_demo_database
        from lifelong_desktop.services.planning import ActivityInput
        from lifelong_desktop.ui.activities import table_model as tm
        from lifelong_desktop.ui.activities.commands import EditActivity
        from lifelong_desktop.ui.activities.view import ActivitiesView
        from lifelong_desktop.ui.common.context import AppContext

        app = QApplication.instance() or QApplication([])
        path = Path(tmp) / "bench.sqlite"
        make_demo_database(path, args.activities)
        db = open_database(path, backup_on_open=False)
        ctx = AppContext(db, 1)
        view = ActivitiesView(ctx)
        view.inform = lambda title, text: print(text, file=sys.stderr)
        view.results.set_active(True)
        model = view.model

        def cell(i: int) -> float:
            start = time.perf_counter()
            model.setData(model.index(i, tm.COL_ACTUAL), 100 + i)
            view.results.flush()
            return time.perf_counter() - start

        def form(i: int) -> float:
            row = model.row_at(i)
            data = ActivityInput.from_row(row).replace(online_participants=7 + i)
            start = time.perf_counter()
            view.editing.execute(EditActivity(ctx, row.id, data, row.version))
            return time.perf_counter() - start

        peer = statistics.median(form(i) for i in range(args.runs))
        seconds = statistics.median(cell(i) for i in range(args.runs))
        view.deleteLater()
        app.processEvents()
        db.close()
    ok = seconds <= TARGET
    print(f"{args.activities:,} activities; peer (the same change through the form's command): {peer:.3f} s")
    print(
        f"result cell {seconds:7.3f} s  (target {TARGET:.0f} s, {seconds / peer:.2f}x the peer)  "
        f"{'ok' if ok else 'OVER'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
