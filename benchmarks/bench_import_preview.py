"""The import preview on a big workbook: showing every row must cost little next to planning the import.

Builds the demo padded to N activities (default 20,000) in a temporary folder, exports it, changes one title
and puts "200人" into one number cell, then times, in the same run: `plan_import` (reading and matching, the
peer) and opening the preview dialog on that plan (row table, counts, first screen painted). Prints medians
over R runs and the ratio dialog / plan; the target is a ratio below 0.25 (the rows cost a quarter of the
reading at most).

Run: `.venv/bin/python benchmarks/bench_import_preview.py [--activities N] [--runs R]`
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TARGET_RATIO = 0.25


def build(folder: Path, activities: int) -> tuple[Path, Path]:
    import openpyxl

    from lifelong_desktop.db import open_database
    from lifelong_desktop.models import Programme
    from lifelong_desktop.services.demo.create import make_demo_database
    from lifelong_desktop.submission.writing.export import export_programme

    db_path, book = folder / "demo.sqlite", folder / "demo.xlsx"
    make_demo_database(db_path, activities)
    db = open_database(db_path)
    with db.transaction("export") as s:
        export_programme(s, s.query(Programme).one(), book)
    db.close()
    wb = openpyxl.load_workbook(book)
    ws = wb["活动"]
    ws["B10"] = "改过的标题"
    ws["T20"] = "200人"
    edited = folder / "edited.xlsx"
    wb.save(edited)
    return db_path, edited


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from lifelong_desktop.db import open_database
    from lifelong_desktop.submission.importing.importer import plan_import
    from lifelong_desktop.ui.programme.import_preview import ImportPreviewDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db_path, book = build(Path(tmp), args.activities)
        db = open_database(db_path)
        plans, dialogs = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            with db.read() as s:
                plan = plan_import(s, book)
            plans.append(time.perf_counter() - start)
            start = time.perf_counter()
            dialog = ImportPreviewDialog(plan, book.name)
            dialog.show_only.setCurrentIndex(0)  # all rows
            dialog.show()
            app.processEvents()
            dialogs.append(time.perf_counter() - start)
            rows = dialog.rows.rowCount()
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
        db.close()
    plan_s, dialog_s = statistics.median(plans), statistics.median(dialogs)
    ratio = dialog_s / plan_s
    print(f"rows shown: {rows}")
    print(f"plan_import: median {plan_s:.2f} s over {args.runs} runs")
    print(f"preview dialog: median {dialog_s:.2f} s  (ratio {ratio:.3f}, target < {TARGET_RATIO})")
    print("OK" if ratio < TARGET_RATIO else "SLOWER THAN TARGET")


if __name__ == "__main__":
    main()
