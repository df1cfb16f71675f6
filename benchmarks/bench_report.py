"""Benchmark: coverage (target 1 s) and the 总结 report with its 统计表 (target 10 s) on a 50,000-activity programme.

Each is measured in-process after the database is open (the computation and the writing, not the interpreter),
as the median of --runs; the peer measured in the same run is the Summary tab's own tally of the same programme
(services.summary.summarise), which both build on, so the ratios show what coverage and the report add to it.

Run: .venv/bin/python benchmarks/bench_report.py [--activities N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"coverage": 1.0, "report": 10.0}


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LIFELONG_DATA_DIR"] = str(Path(tmp) / "userdata")
        from lifelong_desktop.commands.coverage import audience_keys
        from lifelong_desktop.db import open_database
        from lifelong_desktop.printing.week_report import write_report_odt, write_statistics
        from lifelong_desktop.services.coverage import coverage
        from lifelong_desktop.services.demo.create import make_demo_database
        from lifelong_desktop.services.summary import summarise
        from lifelong_desktop.services.week_report import week_report

        path = Path(tmp) / "bench.sqlite"
        make_demo_database(path, args.activities)
        db = open_database(path, backup_on_open=False)
        keys = audience_keys()

        def run_summary() -> None:
            with db.read() as s:
                summarise(s, 1)

        def run_coverage() -> None:
            with db.read() as s:
                coverage(s, 1, keys)

        def run_report() -> None:
            with db.read() as s:
                report = week_report(s, 1, keys)
            write_report_odt(report, Path(tmp) / "总结.odt")
            write_statistics(report, Path(tmp) / "总结-统计表.xlsx")

        peer = _median(run_summary, args.runs)
        results = {"coverage": _median(run_coverage, args.runs), "report": _median(run_report, args.runs)}
        db.close()
    failed = False
    print(f"{args.activities:,} activities; peer (Summary tab tally): {peer:.3f} s")
    for name, seconds in results.items():
        ok = seconds <= TARGETS[name]
        failed |= not ok
        print(
            f"{name:9s} {seconds:7.3f} s  (target {TARGETS[name]:.0f} s, {seconds / peer:.1f}x the peer)  {'ok' if ok else 'OVER'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
