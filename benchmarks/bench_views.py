"""Benchmark: the planner's desk views on a 50,000-activity programme (medians over several runs).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_views.py [--runs 5] [--activities 50000]`.
Targets: calendar data load under 1.5 s; a period of the grid built and painted under 0.2 s when its days
were seen before, under 0.35 s cold (its ~40,000 daily occurrences indexed first, at the busiest month);
the registers and the summary re-read under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time as clock
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS = {
    "calendar load": 1.5,
    "week cold": 0.35,
    "month cold": 0.35,
    "month by venue cold": 0.35,
    "week warm": 0.2,
    "month warm": 0.2,
    "month by venue warm": 0.2,
    "organisations reload": 1.0,
    "venues reload": 1.0,
    "summary reload": 1.0,
}


def median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = clock.perf_counter()
        fn()
        times.append(clock.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--activities", type=int, default=50_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from lifelong_desktop.db import open_database
    from lifelong_desktop.services.demo.create import make_demo_database
    from lifelong_desktop.services.programmes import get_programme
    from lifelong_desktop.ui.calendar.view import CalendarView
    from lifelong_desktop.ui.common.context import AppContext
    from lifelong_desktop.ui.registers.organisations_view import OrganisationsView
    from lifelong_desktop.ui.registers.venues_view import VenuesView
    from lifelong_desktop.ui.reports.summary_view import SummaryView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="bench-views-"))
    os.environ["LIFELONG_DATA_DIR"] = str(folder)
    t0 = clock.perf_counter()
    make_demo_database(folder / "big.sqlite", args.activities)
    print(f"demo of {args.activities} activities made in {clock.perf_counter() - t0:.1f} s")
    db = open_database(folder / "big.sqlite")
    with db.read() as s:
        ctx = AppContext(db, get_programme(s).id)

    cal = CalendarView(ctx)
    cal.resize(1440, 860)
    cal.show()
    results: dict[str, float] = {}
    results["calendar load"] = median(cal.refresh, args.runs)
    cal.go_to(cal.index.first_day)
    busiest = max(
        cal.index.between(cal.index.first_day, cal.index.last_day).items(), key=lambda kv: len(kv[1])
    )[0]

    def build_and_paint(mode: str, lanes: str, cold: bool) -> Callable[[], object]:
        def run() -> None:
            if cold:
                cal.index._days.clear()
            cal.lanes_combo.setCurrentIndex(cal.lanes_combo.findData(lanes))
            cal.mode = mode
            cal.go_to(busiest)
            cal.grid.viewport().grab()

        return run

    for mode, lanes in (("week", "city"), ("month", "city"), ("month", "venue")):
        # once, untimed: the names' pinyin keys for the lanes' order (the window has them cached on disk;
        # here the first lanes by venue would time pypinyin's import, not the grid)
        build_and_paint(mode, lanes, True)()
    for temperature in ("cold", "warm"):
        for name, mode, lanes in (
            ("week", "week", "city"),
            ("month", "month", "city"),
            ("month by venue", "month", "venue"),
        ):
            results[f"{name} {temperature}"] = median(
                build_and_paint(mode, lanes, temperature == "cold"), args.runs
            )
    print(
        f"busiest day {busiest}: {len(cal.index.on(busiest))} activities; venue lanes in that month: "
        f"{len(cal.grid.lanes)}"
    )
    for name, cls in (
        ("organisations reload", OrganisationsView),
        ("venues reload", VenuesView),
        ("summary reload", SummaryView),
    ):
        view = cls(ctx)
        view.resize(1440, 860)
        view.show()
        results[name] = median(view.refresh, args.runs)
    failed = False
    for name, seconds in results.items():
        ok = seconds <= TARGETS[name]
        failed |= not ok
        print(
            f"{name:24s} {seconds * 1000:8.1f} ms   target {TARGETS[name] * 1000:6.0f} ms   {'ok' if ok else 'SLOW'}"
        )
    db.close()
    app.processEvents()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
