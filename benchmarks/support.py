"""What the whole-process benchmarks share: timing a child process, contestants (this tree, an older one), Xvfb.

A contestant is a source tree run with this virtual environment: "now" is the checkout itself; `--against REV`
adds the tree of a git revision (exported with `git archive`, put first on PYTHONPATH), so that before and
after are measured alternately in the same run, under the same load. Children run without
PYTHONDONTWRITEBYTECODE, as an installed app does (its modules compiled once, then read from __pycache__).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


@dataclass
class Sample:
    wall: float  # seconds, from the start of the process to its end (or to the moment it reported)
    cpu: float  # user + system seconds of the child
    peak_mb: float  # the child's peak resident memory


@dataclass
class Contestant:
    name: str
    tree: Path  # the source tree whose lifelong_desktop package runs
    data_dir: Path  # its own user data folder (settings, caches)
    samples: dict[str, list[Sample]] = field(default_factory=dict)

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["LIFELONG_DATA_DIR"] = str(self.data_dir)
        env.setdefault("LIFELONG_LANG", "zh")
        if self.tree != ROOT:
            env["PYTHONPATH"] = str(self.tree) + os.pathsep + env.get("PYTHONPATH", "")
        env.update(extra)
        return env

    def add(self, what: str, sample: Sample) -> None:
        self.samples.setdefault(what, []).append(sample)

    def median(self, what: str, attr: str = "wall") -> float:
        return statistics.median(getattr(s, attr) for s in self.samples[what])


def contestants(work: Path, against: str | None) -> list[Contestant]:
    """This checkout ("now"), preceded by the tree of git revision `against` ("before") when asked (or when
    scripts/bench was given --against: LIFELONG_BENCH_AGAINST)."""
    against = against or os.environ.get("LIFELONG_BENCH_AGAINST")
    now = Contestant("now", ROOT, work / "data-now")
    if not against:
        return [now]
    tree = work / "before"
    tree.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", against], check=True, capture_output=True
    ).stdout
    with tempfile.TemporaryFile() as fh:
        fh.write(archive)
        fh.seek(0)
        with tarfile.open(fileobj=fh) as tar:
            tar.extractall(tree, filter="data")
    return [Contestant(f"before ({against})", tree, work / "data-before"), now]


def timed(
    cmd: Sequence[str], env: dict[str, str], ok: Sequence[int] = (0,), timeout: float = 600
) -> tuple[Sample, str]:
    """Run one child process to its end: its wall time, its own CPU time and peak memory (os.wait4), stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        # not in the checkout: `python -m` puts the working folder first on sys.path, ahead of PYTHONPATH,
        # so a run from the checkout would measure this tree for every contestant
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err, cwd=tempfile.gettempdir())
        watchdog = threading.Timer(timeout, proc.kill)  # a window that never reports must not hang the run
        watchdog.start()
        _, status, usage = os.wait4(proc.pid, 0)
        watchdog.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, problem = out.read().decode(), err.read().decode()
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(map(str, cmd[:6]))} failed ({proc.returncode}): {problem[-800:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024), text


def start_xvfb() -> tuple[subprocess.Popen | None, str]:
    """A virtual X screen on a free display number (Xvfb -displayfd), unless DISPLAY is already set."""
    if os.environ.get("DISPLAY"):
        return None, os.environ["DISPLAY"]
    if not shutil.which("Xvfb"):
        raise SystemExit("bench: Xvfb is needed to time the window (apt-get install xvfb), or set DISPLAY")
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        number = fh.readline().strip()
    if not number:
        proc.kill()
        raise SystemExit("bench: Xvfb did not start")
    return proc, f":{number}"


def load_line() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


def lifelong(*args: str) -> list[str]:
    return [PY, "-m", "lifelong_desktop.cli", *args]


def report(people: list[Contestant], rows: list[tuple[str, str, str | None, float | None, bool]]) -> bool:
    """Print, per row, each contestant's median wall and CPU seconds and its ratio to the peer measured in the
    same run; False when "now" misses a target. Each row: (label, sample key, peer key or None, target,
    whether the target is a ratio to the peer rather than seconds)."""
    ok = True
    for label, key, peer, target, is_ratio in rows:
        parts = []
        for c in people:
            wall, cpu = c.median(key), c.median(key, "cpu")
            text = f"{c.name}: {wall:6.2f} s (cpu {cpu:5.2f})"
            ratio = wall / c.median(peer) if peer else None
            if ratio is not None:
                text += f" {ratio:5.2f}x peer"
            value = ratio if is_ratio else wall
            if c.name == "now" and target is not None and value is not None and value > target:
                ok = False
                text += " OVER"
            parts.append(text)
        goal = "" if target is None else f" [target <= {target}{'x' if is_ratio else ' s'}]"
        print(f"{label:34s} " + " | ".join(parts) + goal)
    return ok


def calamine_pass(rows: str = "to_python") -> str:
    """A bare python-calamine read of every sheet (the reader's peer), as a `python -c` script; `rows` is
    `to_python` (whole sheets, as the app reads) or `iter_rows` (streamed, for the worst cases' memory)."""
    return f"""
import sys
from python_calamine import CalamineWorkbook
wb = CalamineWorkbook.from_path(sys.argv[1])
n = 0
for name in wb.sheet_names:
    for row in wb.get_sheet_by_name(name).{rows}():
        n += len(row)
print(n)
"""
