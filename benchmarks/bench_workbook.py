"""Benchmark: `lifelong export` of 20,000 activities and `lifelong merge` of 31 x 2,000, against baselines.

Run: `.venv/bin/python benchmarks/bench_workbook.py [--runs 3] [--activities 20000] [--skip-merge]`.
Targets (ratios measured in the same run, medians over --runs):
- export, the whole process, at most 1.3x a fresh Python process that dumps the same 活动 cell values
  with openpyxl write_only;
- merge of 31 provincial workbooks of 2,000 activities: faster than pandas read_excel (default engine) +
  concat + to_excel of the same files, with a peak memory (maxrss of the child) under 500 MB.
The database comes from services.demo.make_demo_database when present, else from bulk inserts here.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time as clock
import uuid
from datetime import date, datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
TYPES = [
    "lecture",
    "training",
    "forum",
    "open_day",
    "study_visit",
    "reading",
    "exhibition",
    "performance",
    "other",
]
TOPICS = [
    "社区老年人智能手机",
    "职工技能提升",
    "家庭教育",
    "非遗传承",
    "全民阅读",
    "乡村振兴",
    "数字素养",
    "健康生活",
]
KINDS = ["讲座", "培训班", "读书会", "开放日", "展览", "论坛"]

BASELINE_EXPORT = """
import pickle, sys
from openpyxl import Workbook
with open(sys.argv[1], "rb") as fh:
    rows = pickle.load(fh)
wb = Workbook(write_only=True)
ws = wb.create_sheet("活动")
for row in rows:
    ws.append(row)
wb.save(sys.argv[2])
"""

BASELINE_MERGE = """
import sys, warnings
import pandas as pd
warnings.simplefilter("ignore")
frames = [pd.read_excel(f, sheet_name="活动", header=[0]) for f in sys.argv[2:]]
pd.concat(frames, ignore_index=True).to_excel(sys.argv[1], sheet_name="活动", index=False)
"""


def bulk_database(path: Path, n: int, seed: int = 1) -> None:
    """A Liaoning 2024 programme of n activities with organisers and venues, by bulk inserts."""
    from sqlalchemy import insert, select

    from lifelong_desktop.db import open_database
    from lifelong_desktop.models import (
        ROLE_RANK,
        Activity,
        ActivityOrganisation,
        Organisation,
        Venue,
        normalise_name,
    )
    from lifelong_desktop.services.programmes import create_programme
    from lifelong_desktop.services.regions import regions

    rnd = random.Random(seed)
    reg = regions()
    cities = [r.code for r in reg.cities_of("210000")]
    db = open_database(path)
    with db.transaction("benchmark data") as s:
        p = create_programme(
            s,
            region_code="210000",
            year=2024,
            theme="终身学习 技能成才 美好生活",
            submitting_unit="辽宁省教育厅",
            contact_name="王老师",
            contact_phone="024-86891234",
            window_start=date(2024, 4, 1),
            window_end=date(2024, 12, 5),
        )
        s.execute(
            insert(Venue),
            [
                {
                    "name": f"{reg.name(c)}第{i + 1}学习中心",
                    "name_key": normalise_name(f"{reg.name(c)}第{i + 1}学习中心"),
                    "city_code": c,
                    "address": f"{reg.name(c)}人民路{i + 1}号",
                    "capacity": rnd.choice([100, 300, 800]),
                    "venue_type": "community_centre",
                }
                for c in cities
                for i in range(max(4, n // 400))
            ],
        )
        s.execute(
            insert(Organisation),
            [
                {
                    "name": f"辽宁省第{i + 1}社区学院",
                    "name_key": normalise_name(f"辽宁省第{i + 1}社区学院"),
                    "org_type": "school",
                }
                for i in range(max(40, n // 50))
            ],
        )
        venues = s.execute(select(Venue.id, Venue.city_code)).all()
        orgs = list(s.scalars(select(Organisation.id)))
        acts = []
        for i in range(n):
            vid, city = rnd.choice(venues)
            day = date(2024, 4, 1) + timedelta(days=rnd.randrange(240))
            hour = rnd.choice([None, 9, 14, 19])
            mode = rnd.choice(["offline"] * 6 + ["online", "hybrid"])
            acts.append(
                {
                    "uid": str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                    "programme_id": p.id,
                    "title": f"{rnd.choice(TOPICS)}{rnd.choice(KINDS)}（{reg.name(city)}第{i + 1}场）",
                    "activity_type": rnd.choice(TYPES),
                    "level": rnd.choice(["municipal", "county", "community"]),
                    "start_date": day,
                    "end_date": day,
                    "start_time": None if hour is None else time(hour),
                    "end_time": None if hour is None else time(hour + 2),
                    "mode": mode,
                    "city_code": city,
                    "venue_id": None if mode == "online" else vid,
                    "online_url": "" if mode == "offline" else "https://live.example.cn/llw",
                    "audiences": rnd.choice(["public", "public;elderly", "workers", "youth;community"]),
                    "expected_participants": rnd.choice([50, 80, 100, 200]),
                    "status": "confirmed",
                    "contact_name": "李老师",
                    "contact_phone": "024-2345678",
                    "description": "围绕终身学习主题，组织市民参与学习交流。" * rnd.randint(1, 3),
                    "created_at": datetime(2024, 3, 1),
                    "updated_at": datetime(2024, 3, 1),
                    "version": 1,
                }
            )
        s.execute(insert(Activity), acts)
        ids = list(s.scalars(select(Activity.id).where(Activity.programme_id == p.id)))
        links = []
        for aid in ids:
            chosen = rnd.sample(orgs, 4)
            for role, members in (
                ("host", chosen[:2]),
                ("undertaker", chosen[2:3]),
                ("co_organiser", chosen[3:]),
            ):
                links.extend(
                    {
                        "activity_id": aid,
                        "role": role,
                        "position": k,
                        "organisation_id": o,
                        "role_rank": ROLE_RANK[role],
                    }
                    for k, o in enumerate(members)
                )
        s.execute(insert(ActivityOrganisation), links)
    db.close()


def make_database(path: Path, n: int) -> str:
    try:
        from lifelong_desktop.services.demo.create import make_demo_database
    except ImportError:
        bulk_database(path, n)
        return "bulk inserts (services.demo not present)"
    make_demo_database(path, activities=n)
    return "services.demo.make_demo_database"


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of one child process; fails loudly if it fails."""
    start = clock.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = clock.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0,):
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd[:4])} ...\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def activity_values(path: Path) -> list[list]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    rows = [list(r) for r in wb["活动"].iter_rows(values_only=True)]
    wb.close()
    return rows


def bench_export(work: Path, n: int, runs: int, env: dict[str, str]) -> float:
    db = work / "bench.sqlite"
    t0 = clock.perf_counter()
    how = make_database(db, n)
    print(f"database of {n} activities by {how}: {clock.perf_counter() - t0:.1f} s")
    out = work / "export.xlsx"
    cli = [PY, "-m", "lifelong_desktop.cli", "export", "--db", str(db), "--out", str(out)]
    timed(cli, env)  # warm the file cache and take the daily backup-on-open outside the timings
    values = activity_values(out)
    dump = work / "values.pickle"
    dump.write_bytes(pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL))
    script = work / "baseline_export.py"
    script.write_text(BASELINE_EXPORT, encoding="utf-8")
    ours, base = [], []
    for _ in range(runs):
        ours.append(timed(cli, env)[0])
        base.append(timed([PY, str(script), str(dump), str(work / "baseline.xlsx")], env)[0])
    mo, mb = statistics.median(ours), statistics.median(base)
    ratio = mo / mb
    print(
        f"export {len(values) - 2} activities: lifelong export {mo:.2f} s, openpyxl write_only dump {mb:.2f} s, "
        f"ratio {ratio:.2f} (target <= 1.3) {'OK' if ratio <= 1.3 else 'MISSED'}"
    )
    return ratio


def province_workbooks(folder: Path, per_file: int) -> list[Path]:
    """31 provincial workbooks of per_file activities each, written with the project's writer."""
    from lifelong_desktop.services.regions import regions
    from lifelong_desktop.submission.model import WorkbookData
    from lifelong_desktop.submission.writing.writer import write_workbook

    reg = regions()
    rnd = random.Random(7)
    paths = []
    for prov in sorted(r.code for r in reg.children("000000") if r.level == "province")[:31]:
        cities = [r.code for r in reg.cities_of(prov)] or [prov]
        orgs = [f"{reg.name(prov)}第{i + 1}社区学院" for i in range(40)]
        venues = [(f"{reg.name(c)}学习中心", c) for c in cities]
        acts = []
        for i in range(per_file):
            name, city = rnd.choice(venues)
            day = date(2024, 4, 1) + timedelta(days=rnd.randrange(240))
            hour = rnd.choice([None, 9, 14])
            acts.append(
                {
                    "activity_id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                    "title": f"{rnd.choice(TOPICS)}{rnd.choice(KINDS)}（第{i + 1}场）",
                    "activity_type": rnd.choice(TYPES),
                    "level": "municipal",
                    "start_date": day,
                    "start_time": None if hour is None else time(hour),
                    "end_date": day,
                    "end_time": None if hour is None else time(hour + 2),
                    "mode": "offline",
                    "city_code": city,
                    "venue": name,
                    "hosts": tuple(rnd.sample(orgs, 2)),
                    "undertakers": (rnd.choice(orgs),),
                    "audiences": ("public", "elderly"),
                    "expected_participants": rnd.choice([50, 100, 200]),
                    "status": "confirmed",
                    "featured": False,
                    "contact_name": "李老师",
                    "contact_phone": "010-12345678",
                    "description": "围绕终身学习主题，组织市民参与学习交流。",
                    "updated_at": datetime(2024, 3, 1, 9, 0),
                }
            )
        acts.sort(
            key=lambda a: (
                a["start_date"],
                a["start_time"] is not None,
                a["start_time"] or time(0),
                a["city_code"],
                a["title"],
            )
        )
        data = WorkbookData(
            header={
                "format": "LLW-SUBMISSION",
                "format_version": "1.0",
                "scope": "province",
                "region_code": prov,
                "region_name": reg.name(prov),
                "year": 2024,
                "submitting_unit": f"{reg.name(prov)}教育厅",
                "contact_name": "张老师",
                "contact_phone": "010-66096114",
                "submission_id": str(uuid.uuid4()),
                "submission_seq": 1,
                "data_as_of": datetime(2024, 6, 1, 12, 0),
            },
            activities=acts,
            organisations=[{"name": o, "org_type": "school"} for o in orgs],
            venues=[{"name": v, "city_code": c, "venue_type": "community_centre"} for v, c in venues],
        )
        path = folder / f"{prov}.xlsx"
        write_workbook(data, path)
        paths.append(path)
    return paths


def bench_merge(work: Path, per_file: int, runs: int, env: dict[str, str]) -> tuple[float, float]:
    folder = work / "provinces"
    folder.mkdir()
    t0 = clock.perf_counter()
    files = province_workbooks(folder, per_file)
    print(
        f"{len(files)} provincial workbooks of {per_file} activities written in {clock.perf_counter() - t0:.1f} s"
    )
    out = work / "national.xlsx"
    cli = [PY, "-m", "lifelong_desktop.cli", "merge", str(folder / "*.xlsx"), "--out", str(out)]
    script = work / "baseline_merge.py"
    script.write_text(BASELINE_MERGE, encoding="utf-8")
    ours, base, peak = [], [], []
    for _ in range(runs):
        t, rss = timed(cli, env)
        ours.append(t)
        peak.append(rss)
        base.append(timed([PY, str(script), str(work / "pandas.xlsx"), *map(str, files)], env)[0])
    mo, mb, mp = statistics.median(ours), statistics.median(base), max(peak)
    print(
        f"merge {len(files)} x {per_file}: lifelong merge {mo:.2f} s (peak {mp:.0f} MB), "
        f"pandas read_excel+concat+to_excel {mb:.2f} s, ratio {mo / mb:.2f} (target < 1, < 500 MB) "
        f"{'OK' if mo < mb and mp < 500 else 'MISSED'}"
    )
    return mo / mb, mp


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--activities", type=int, default=20000)
    parser.add_argument("--per-file", type=int, default=2000)
    parser.add_argument("--skip-merge", action="store_true")
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args()
    runs = max(3, args.runs)
    with tempfile.TemporaryDirectory(prefix="bench-workbook-") as tmp:
        work = Path(tmp)
        env = dict(
            os.environ,
            LIFELONG_DATA_DIR=str(work / "userdata"),
            LIFELONG_LANG="zh",
            PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        )
        ok = True
        if not args.skip_export:
            ok &= bench_export(work, args.activities, runs, env) <= 1.3
        if not args.skip_merge:
            ratio, peak = bench_merge(work, args.per_file, runs, env)
            ok &= ratio < 1 and peak < 500
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
