"""Reading speed: `lifelong validate` and `lifelong import` of a 20,000-activity workbook, as whole processes,
against a fresh Python process making a bare openpyxl read_only pass over the same workbook's cells.

Run: `.venv/bin/python benchmarks/bench_reader.py [--activities N] [--runs R]` (medians over R >= 3 runs;
the ratios compare medians measured in the same run). The workbook is the demo programme padded to N
activities and exported by `lifelong export`.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
OPENPYXL_PASS = """
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += len(row)
print(n)
"""


def _lifelong(*args: str) -> list[str]:
    return [PY, "-m", "lifelong_desktop.cli", *args]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child process)."""
    cpu, start = _cpu(), time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0,):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[:500]}")
    return elapsed, _cpu() - cpu


def make_workbook(folder: Path, activities: int) -> Path:
    db, out = folder / "demo.sqlite", folder / f"demo{activities}.xlsx"
    subprocess.run(
        _lifelong("demo", "--db", str(db), "--activities", str(activities)), check=True, capture_output=True
    )
    subprocess.run(_lifelong("export", "--db", str(db), "--out", str(out)), check=True, capture_output=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = max(3, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = make_workbook(folder, args.activities)
        times: dict[str, list[tuple[float, float]]] = {
            "openpyxl read_only pass": [],
            "lifelong validate": [],
            "lifelong import": [],
        }
        for i in range(runs):  # interleaved, so that load on the machine hits all three alike
            times["openpyxl read_only pass"].append(_timed([PY, "-c", OPENPYXL_PASS, str(book)]))
            times["lifelong validate"].append(_timed(_lifelong("validate", str(book))))
            target = folder / f"import{i}.sqlite"
            times["lifelong import"].append(_timed(_lifelong("import", "--db", str(target), str(book))))
        wall = {k: statistics.median(t[0] for t in v) for k, v in times.items()}
        cpu = {k: statistics.median(t[1] for t in v) for k, v in times.items()}
        base, base_cpu = wall["openpyxl read_only pass"], cpu["openpyxl read_only pass"]
        print(
            f"workbook: {args.activities} activities, {book.stat().st_size / 2**20:.1f} MiB; medians of {runs} runs"
        )
        for name in times:
            print(
                f"  {name:26} wall {wall[name]:6.2f} s (ratio {wall[name] / base:4.2f})   "
                f"cpu {cpu[name]:6.2f} s (ratio {cpu[name] / base_cpu:4.2f})"
            )
        slow = [k for k, v in wall.items() if k != "openpyxl read_only pass" and v >= base]
        if slow:
            print("SLOWER than the openpyxl pass: " + ", ".join(slow))
            sys.exit(1)


if __name__ == "__main__":
    main()
