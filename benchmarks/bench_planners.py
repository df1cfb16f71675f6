"""Benchmark: several planners on one database, each a process saving edits to the same few activities.

5 planners (processes) each save 10 edits a second for 60 s to 20 shared activities, as a form does: the
activity is read (the form opens), and its edit is saved 0.1 s later over the version read then, so others'
saves land in between. Every save must be applied or refused as a conflict (what the window turns into the
conflict dialog): none may be lost. Checked from the final state and the audit log: per activity, the applied
saves have consecutive versions (a version twice would be an overwritten save), the stored values are the
newest applied save's, and the log holds one update per applied save, with its values. Each planner also
polls the change feed once a second, as the window does, and times how long after a save by another planner
it sees it (target p95 <= 2 s). Prints p50/p95 save latency and visibility lag.

Run: .venv/bin/python benchmarks/bench_planners.py [--planners 5] [--rate 10] [--seconds 60] [--activities 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_LAG_S = 2.0


def _p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def worker(args: argparse.Namespace) -> int:
    """One planner: prepare an edit, save it a tick later over the version read; poll the feed each second."""
    from lifelong_desktop.db import ConcurrentEdit, DatabaseProblem, open_database
    from lifelong_desktop.db.changes import ChangeFeed
    from lifelong_desktop.services import planning
    from lifelong_desktop.services.planning.reads import read_snapshots

    db = open_database(args.db, backup_on_open=False)
    feed = ChangeFeed(db)
    me = f"planner{args.worker}"
    ids = [int(i) for i in args.ids.split(",")]
    rng = random.Random(args.worker)
    out = open(args.out, "w", encoding="utf-8")  # written line by line until the end
    period = 1.0 / args.rate
    start = time.perf_counter()
    next_poll = start + rng.random()  # the windows' timers are not in step
    pending = None
    seq = 0
    while time.perf_counter() - start < args.seconds:
        if pending is not None:
            aid, data, version, value = pending
            t0 = time.perf_counter()
            try:
                with db.transaction("bench", who=me) as s:  # --unsafe: last writer wins (must be caught)
                    done = planning.update_activity(s, aid, data, None if args.unsafe else version)
                outcome, after = "applied", done.version
            except (planning.EditConflict, ConcurrentEdit):
                outcome, after = "conflict", None
            except DatabaseProblem as exc:
                outcome, after = "error:" + exc.code, None
            latency = time.perf_counter() - t0
            out.write(
                json.dumps(
                    {
                        "save": outcome,
                        "id": aid,
                        "value": value,
                        "based": version,
                        "version": after,
                        "s": latency,
                    }
                )
                + "\n"
            )
        seq += 1
        aid = rng.choice(ids)
        with db.read() as s:
            snap = read_snapshots(s, [aid])[0]
        value = f"{me}#{seq}"
        pending = (aid, snap.data.replace(description=value, expected_participants=seq), snap.version, value)
        if time.perf_counter() >= next_poll:
            next_poll += 1.0
            batch = feed.poll()
            seen = datetime.now()
            for entry in batch.entries if batch else ():
                if entry.who != me and entry.at is not None and entry.entity == "activity":
                    out.write(json.dumps({"lag": (seen - entry.at).total_seconds()}) + "\n")
        sleep = start + seq * period - time.perf_counter()
        if sleep > 0:
            time.sleep(sleep)
    out.close()
    feed.close()
    db.close()
    return 0


def observer(args: argparse.Namespace) -> int:
    """A window that only watches: polls the change feed once a second, as the window's timer does."""
    from lifelong_desktop.db import open_database
    from lifelong_desktop.db.changes import ChangeFeed

    db = open_database(args.db, backup_on_open=False)
    feed = ChangeFeed(db)
    start = time.perf_counter()
    ticks = 0
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(json.dumps({"ready": True}) + "\n")
        out.flush()
        while not Path(args.stop).exists():  # until the planners are done (and 3 s more)
            ticks += 1
            batch = feed.poll()
            seen = datetime.now()
            for entry in batch.entries if batch else ():
                if entry.at is not None and entry.entity == "activity":
                    out.write(json.dumps({"window_lag": (seen - entry.at).total_seconds()}) + "\n")
            time.sleep(max(0.0, start + ticks * 1.0 - time.perf_counter()))
    feed.close()
    db.close()
    return 0


def window(args: argparse.Namespace) -> int:
    """A real main window (offscreen) on the database: its change watch on its 1 s timer; a save counts as
    seen once the Activities table shows it (others_changed is emitted after the views updated in place)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from lifelong_desktop.db import open_database
    from lifelong_desktop.services.programmes import list_programmes
    from lifelong_desktop.ui.common.context import AppContext
    from lifelong_desktop.ui.shell import settings as S
    from lifelong_desktop.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    db = open_database(args.db, backup_on_open=False)
    with db.read() as s:
        programme = list_programmes(s)[0].id
    ctx = AppContext(db, programme)
    win = MainWindow(ctx, S.Settings())
    win.show()
    out = open(args.out, "w", encoding="utf-8")  # written as changes are seen

    def seen(batch) -> None:
        now = datetime.now()
        model = win.activities.model
        for entry in batch.entries:
            if entry.at is None or entry.entity != "activity" or entry.entity_id is None:
                continue
            if model.row_of_id(entry.entity_id) is None:  # the table must hold the activity by now
                out.write(json.dumps({"window_gui_missing": entry.entity_id}) + "\n")
                continue
            out.write(json.dumps({"window_gui_lag": (now - entry.at).total_seconds()}) + "\n")

    ctx.others_changed.connect(seen)
    QTimer.singleShot(0, lambda: (out.write(json.dumps({"ready": True}) + "\n"), out.flush()))
    stopper = QTimer(app)
    stopper.timeout.connect(lambda: Path(args.stop).exists() and app.quit())
    stopper.start(200)
    app.exec()
    out.close()
    win.close()
    db.close()
    return 0


def _prepare(path: Path | str, n: int) -> list[int]:
    from sqlalchemy import select

    from lifelong_desktop.db import open_database
    from lifelong_desktop.models import Activity
    from lifelong_desktop.services.demo.create import create_demo

    db = open_database(path, backup_on_open=False)
    try:
        with db.transaction("demo") as s:
            create_demo(s)
        with db.read() as s:
            return list(s.scalars(select(Activity.id).order_by(Activity.id).limit(n)))
    finally:
        db.close()


def _verify(path: Path | str, ids: list[int], saves: list[dict], versions: dict[int, int]) -> list[str]:
    """Problems found: a save lost, versions out of step, the log disagreeing with the saves."""
    from sqlalchemy import select

    from lifelong_desktop.db import open_database
    from lifelong_desktop.models import Activity, AuditEntry

    problems = []
    db = open_database(path, backup_on_open=False)
    with db.read() as s:
        stored = {a.id: a for a in s.scalars(select(Activity).where(Activity.id.in_(ids)))}
        logged = [
            json.loads(e.after or "{}").get("description")
            for e in s.scalars(
                select(AuditEntry).where(AuditEntry.entity == "activity", AuditEntry.who.like("planner%"))
            )
        ]
    db.close()
    applied = [x for x in saves if x["save"] == "applied"]
    for aid in ids:
        mine = sorted((x for x in applied if x["id"] == aid), key=lambda x: x["version"])
        got = [x["version"] for x in mine]
        want = list(range(versions[aid] + 1, versions[aid] + 1 + len(mine)))
        if got != want:
            problems.append(f"activity {aid}: versions {got[:8]}... not consecutive from {versions[aid] + 1}")
        blind = [x["value"] for x in mine if x["based"] != x["version"] - 1]
        if blind:  # applied over a save it never read: that save's values were overwritten unseen
            problems.append(f"activity {aid}: {len(blind)} saves overwrote a newer version, e.g. {blind[0]}")
        act = stored[aid]
        if act.version != versions[aid] + len(mine):
            problems.append(f"activity {aid}: version {act.version}, {len(mine)} saves applied")
        if mine and act.description != mine[-1]["value"]:
            problems.append(
                f"activity {aid}: holds {act.description!r}, the newest save was {mine[-1]['value']!r}"
            )
    if sorted(logged) != sorted(x["value"] for x in applied):
        problems.append(f"audit log: {len(logged)} updates logged, {len(applied)} saves applied")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--planners", type=int, default=5)
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--activities", type=int, default=20)
    parser.add_argument("--runs", type=int, default=1)  # scripts/bench passes it to every benchmark
    parser.add_argument("--windows", type=int, default=2, help="watching windows (feed polled every 1 s)")
    parser.add_argument("--unsafe", action="store_true", help="save without the version check: must fail")
    parser.add_argument("--store", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--worker", type=int)
    parser.add_argument("--observer", action="store_true")
    parser.add_argument("--gui", action="store_true", help="(a child) a real main window watching")
    parser.add_argument("--stop", help="(a child) watch until this file exists")
    parser.add_argument("--db")
    parser.add_argument("--ids")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.gui:
        return window(args)
    if args.observer:
        return observer(args)
    if args.worker is not None:
        return worker(args)
    failed = 0
    for store in ("sqlite", "postgresql") if args.store == "both" else (args.store,):
        failed |= _run_on(store, args)
    return failed


def _run_on(store: str, args: argparse.Namespace) -> int:
    """The whole run on one store: a SQLite file, or a database on a throwaway local PostgreSQL server."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LIFELONG_DATA_DIR"] = str(Path(tmp) / "userdata")
        cluster = None
        if store == "postgresql":
            from tests.helpers.pg import Cluster, binaries

            if binaries() is None:
                print("postgresql: skipped (no server binaries; Debian package postgresql)")
                return 0
            cluster = Cluster()
        try:
            where: Path | str = cluster.new_database() if cluster else Path(tmp) / "office.sqlite"
            result = _measure(store, where, Path(tmp), args)
        finally:
            if cluster is not None:
                cluster.stop()
    return result


def _measure(store: str, where: Path | str, tmp: Path, args: argparse.Namespace) -> int:
    ids = _prepare(where, args.activities)
    versions = _versions(where, ids)
    outs = [tmp / f"planner{i}.jsonl" for i in range(args.planners)]
    common = ["--db", str(where), "--ids", ",".join(map(str, ids)), "--rate", str(args.rate)]
    common += ["--seconds", str(args.seconds)] + (["--unsafe"] if args.unsafe else [])
    watching = [tmp / f"window{i}.jsonl" for i in range(args.windows)]
    stop = tmp / "stop"
    watch = [*common, "--stop", str(stop)]
    procs = [
        subprocess.Popen([sys.executable, __file__, "--observer", "--out", str(out), *watch])
        for out in watching
    ]
    gui = tmp / "gui.jsonl"
    procs.append(subprocess.Popen([sys.executable, __file__, "--gui", "--out", str(gui), *watch]))
    watching.append(gui)
    deadline = time.monotonic() + 60  # the planners start once every window watches (a window takes seconds)
    while time.monotonic() < deadline and not all(w.exists() and w.stat().st_size for w in watching):
        time.sleep(0.2)
    planners = [
        subprocess.Popen([sys.executable, __file__, "--worker", str(i), "--out", str(out), *common])
        for i, out in enumerate(outs)
    ]
    failed = [p.wait() for p in planners]
    time.sleep(3)  # the windows' last looks
    stop.touch()
    failed += [p.wait() for p in procs]
    if any(failed):
        print(f"{store}: a planner or window process failed", file=sys.stderr)
        return 1
    lines = [
        json.loads(line) for out in outs + watching for line in out.read_text(encoding="utf-8").splitlines()
    ]
    saves = [x for x in lines if "save" in x]
    lags = {key: [x[key] for x in lines if key in x] for key in ("lag", "window_lag", "window_gui_lag")}
    problems = _verify(where, ids, saves, versions)
    print(f"== {store}")
    return _report(args, saves, lags, problems)


def _versions(path: Path | str, ids: list[int]) -> dict[int, int]:
    from sqlalchemy import select

    from lifelong_desktop.db import open_database
    from lifelong_desktop.models import Activity

    db = open_database(path, backup_on_open=False)
    with db.read() as s:
        rows = s.execute(select(Activity.id, Activity.version).where(Activity.id.in_(ids))).all()
        found = {i: v for i, v in rows}
    db.close()
    return found


def _report(
    args: argparse.Namespace, saves: list[dict], lags: dict[str, list[float]], problems: list[str]
) -> int:
    applied = sum(x["save"] == "applied" for x in saves)
    conflicts = sum(x["save"] == "conflict" for x in saves)
    errors = [x["save"] for x in saves if x["save"].startswith("error")]
    latency = [x["s"] * 1000 for x in saves]
    print(
        f"{args.planners} planners x {args.rate:g} edits/s x {args.seconds:g} s on {args.activities} activities: "
        f"{len(saves)} saves, {applied} applied, {conflicts} refused as conflicts, {len(errors)} errors"
    )
    print(f"lost updates: {len(problems)} problems {'(none)' if not problems else problems[:5]}")
    print(
        f"save latency ms: median {statistics.median(latency):.1f}, p95 {_p(latency, 0.95):.1f}, "
        f"max {max(latency):.1f}"
    )
    for key, who in (
        ("window_gui_lag", "a real window's Activities table"),
        ("window_lag", "watching windows' feeds"),
        ("lag", "the other planners (between their saves)"),
    ):
        got = lags[key] or [float("nan")]
        print(
            f"a save seen by {who}, feed polled every 1 s, after s: median {statistics.median(got):.2f}, "
            f"p95 {_p(got, 0.95):.2f} (target {TARGET_LAG_S:.1f}), {len(lags[key])} sightings"
        )
    ok = (
        not problems
        and not errors
        and max(_p(lags[k], 0.95) for k in ("window_lag", "window_gui_lag")) <= TARGET_LAG_S
    )
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
