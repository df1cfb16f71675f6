"""Worst-case workbooks: `lifelong validate` must give its verdict within 10 s and 500 MB on any of them.

Run: `.venv/bin/python benchmarks/bench_worst_cases.py [--runs R] [--only NAME] [--against REV]` (or
`scripts/bench worst_cases`). Each case is built here from the app's own blank template and validated R >= 3
times as a whole process, alternately with a peer in the same run: a fresh Python process reading every cell
of the same file with python-calamine (the cell reader underneath), and, with `--against REV`, that git
revision's tree. The medians of wall seconds, CPU seconds and peak resident MB are printed with the lines of
output and the ratio of CPU seconds to the peer's. The limits of the reader are counted in work (rows, cells,
findings), so the verdict and the output are the same on a fast or a slow machine; the seconds are not,
which is why CPU seconds and the ratio to the peer are shown beside the wall clock (on a busy machine the
wall clock is mostly waiting, and a shared core's CPU seconds grow too: the ratio much less).

Cases:
  wrong_cells    99,990 activity rows, every one of 28 cells wrong (the file that printed 2.2 million lines)
  styled_rows    1,000,000 styled empty rows (a whole-column format): no values, nothing to read
  value_rows     1,000,000 rows with a title and nothing else (a column filled down too far)
  wide_sheet     100,000 rows x 100 columns of text beyond the format's columns (unknown columns)
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from support import calamine_pass

PY = sys.executable
TARGET_S, TARGET_MB = 10.0, 500.0


def _letter(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _lifelong(*args: str) -> list[str]:
    return [PY, "-m", "lifelong_desktop.cli", *args]


def template(folder: Path) -> Path:
    out = folder / "template.xlsx"
    subprocess.run(
        _lifelong("template", "--out", str(out), "--region", "210000", "--year", "2024"),
        check=True,
        capture_output=True,
    )
    return out


def _activities_part(zf: zipfile.ZipFile) -> str:
    book = zf.read("xl/workbook.xml").decode("utf-8")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    rid = re.search(r'<sheet [^>]*name="活动"[^>]*r:id="([^"]+)"', book).group(1)
    target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels
    )
    return "xl/" + target.group(1).lstrip("/").removeprefix("xl/")


def with_rows(base: Path, dest: Path, rows: Callable[[], bytes]) -> Path:
    """The template with its data rows replaced by `rows()` in the 活动 sheet."""
    with zipfile.ZipFile(base) as zin:
        part = _activities_part(zin)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == part:
                    keep = re.sub(rb'<row r="(?:[3-9]|\d{2,})".*?</row>', b"", data, flags=re.S)
                    keep = re.sub(rb"<dimension [^>]*/>", b"", keep)
                    data = keep.replace(b"</sheetData>", rows() + b"</sheetData>", 1)
                zout.writestr(info.filename, data)
    dest.write_bytes(out.getvalue())
    return dest


def _text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def wrong_cells() -> bytes:
    out = []
    for r in range(3, 3 + 99_990):
        cells = "".join(_text(f"{_letter(c)}{r}", f"错{(r * 7 + c) % 13}") for c in range(28))
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out).encode("utf-8")


def styled_rows() -> bytes:
    return b"".join(
        b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/><c r="B%d" s="1"/></row>' % (r, r, r)
        for r in range(3, 3 + 1_000_000)
    )


def value_rows() -> bytes:
    return "".join(f'<row r="{r}">{_text(f"B{r}", "讲座")}</row>' for r in range(3, 3 + 1_000_000)).encode()


def wide_sheet() -> bytes:
    out = []
    for r in range(3, 3 + 100_000):
        out.append(
            f'<row r="{r}">' + "".join(_text(f"{_letter(c)}{r}", "x") for c in range(28, 128)) + "</row>"
        )
    return "".join(out).encode("utf-8")


CASES = {
    "wrong_cells": wrong_cells,
    "styled_rows": styled_rows,
    "value_rows": value_rows,
    "wide_sheet": wide_sheet,
}


CALAMINE_PASS = calamine_pass("iter_rows")


def measure(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, int, int]:
    """(wall s, CPU s, peak MB, exit code, output lines) of one whole process."""
    start = time.perf_counter()
    # not in the checkout: `python -m` puts the working folder first on sys.path, ahead of PYTHONPATH
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=tempfile.gettempdir()
    )
    out = proc.stdout.read() if proc.stdout else b""
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024  # KiB on Linux
    return wall, usage.ru_utime + usage.ru_stime, peak_mb, proc.returncode, out.count(b"\n")


def build(name: str, base: Path, dest: Path) -> Path:
    """Build one case in a process of its own: a child forked from a parent that held the file's bytes
    would count the parent's memory in its own peak."""
    subprocess.run([PY, __file__, "--build", name, str(base), str(dest)], check=True)
    return dest


def _line(label: str, results: list[tuple[float, float, float, int, int]], peer_cpu: float | None) -> bool:
    """Print one contestant's medians; True when within the targets."""
    wall, cpu, peak = (statistics.median(r[i] for r in results) for i in range(3))
    codes, lines = {r[3] for r in results}, {r[4] for r in results}
    ok = cpu <= TARGET_S and peak <= TARGET_MB
    ratio = f"  {cpu / peer_cpu:4.2f}x peer" if peer_cpu else ""
    print(
        f"    {label:22} wall {wall:6.2f} s  cpu {cpu:6.2f} s{ratio}  peak {peak:6.0f} MB  "
        f"exit {sorted(codes)}  lines {sorted(lines)}{'' if ok or peer_cpu is None else '   OVER TARGET'}",
        flush=True,
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=sorted(CASES), action="append")
    parser.add_argument("--against", help="a git revision measured too, alternately (e.g. main)")
    parser.add_argument("--build", nargs=3, metavar=("NAME", "BASE", "DEST"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        with_rows(Path(args.build[1]), Path(args.build[2]), CASES[args.build[0]])
        return 0
    from support import contestants, load_line

    runs = max(3, args.runs)
    over = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        people = contestants(folder, args.against)
        base = template(folder)
        for c in people:  # compile and cache each tree's modules first, as an installed app has them
            measure(_lifelong("validate", str(base)), c.env())
        print(
            f"medians of {runs} runs; targets: CPU <= {TARGET_S:.0f} s, peak <= {TARGET_MB:.0f} MB; {load_line()}"
        )
        for name in args.only or CASES:
            path = build(name, base, folder / f"{name}.xlsx")
            peer: list[tuple[float, float, float, int, int]] = []
            results: dict[str, list[tuple[float, float, float, int, int]]] = {c.name: [] for c in people}
            for i in range(runs):
                peer.append(measure([PY, "-c", CALAMINE_PASS, str(path)]))
                for c in people if i % 2 == 0 else people[::-1]:
                    results[c.name].append(measure(_lifelong("validate", str(path)), c.env()))
            print(f"  {name:12} {path.stat().st_size / 2**20:5.1f} MiB; {load_line()}")
            _line("peer: calamine read", peer, None)
            peer_cpu = statistics.median(r[1] for r in peer)
            for c in people:
                if not _line(c.name, results[c.name], peer_cpu) and c.name == "now":
                    over.append(name)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
