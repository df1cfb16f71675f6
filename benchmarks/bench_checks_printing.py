"""Benchmark: planning checks over 50,000 activities (target 2 s) and a 2,000-activity by-date PDF (10 s).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_checks_printing.py [--runs 3]`.
Uses the demo generator (services/demo.py) when present, else a synthetic plan built here.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time as clock
from datetime import date, datetime, time, timedelta
from pathlib import Path

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

TYPES = ["lecture", "training", "forum", "open_day", "study_visit", "reading", "exhibition", "performance"]
WORDS = ["社区老年人智能手机", "职工技能提升", "家庭教育", "非遗传承", "全民阅读", "乡村振兴", "数字素养", "健康生活"]
KINDS = ["讲座", "培训班", "读书会", "开放日", "展览", "论坛"]


def synthetic(path: Path, n: int, seed: int = 0) -> None:
    """A Liaoning 2024 plan of n activities across the province's cities, written by bulk inserts."""
    rnd = random.Random(seed)
    db = open_database(path)
    cities = [r.code for r in regions().cities_of("210000")]
    with db.transaction("benchmark data") as s:
        p = create_programme(s, region_code="210000", year=2024, theme="终身学习 技能成才 美好生活",
                             window_start=date(2024, 4, 1), window_end=date(2024, 12, 5))
        venues = [dict(name=f"{regions().name(c)}第{i + 1}学习中心", name_key=normalise_name(f"{regions().name(c)}第{i + 1}学习中心"),
                       city_code=c, address=f"{regions().name(c)}人民路{i + 1}号", capacity=rnd.choice([100, 150, 300, 800]))
                  for c in cities for i in range(max(4, n // 400))]
        s.execute(insert(Venue), venues)
        orgs = [dict(name=f"辽宁省第{i + 1}社区学院", name_key=normalise_name(f"辽宁省第{i + 1}社区学院"), org_type="school")
                for i in range(max(3 * len(cities), n // 100))]
        s.execute(insert(Organisation), orgs)
        venue_rows = s.execute(select(Venue.id, Venue.city_code)).all()
        org_ids = list(s.scalars(select(Organisation.id)))
        city_orgs = {c: org_ids[i::len(cities)] for i, c in enumerate(cities)}
        used: set[tuple[int, date, int]] = set()
        acts = []
        for i in range(n):
            for _attempt in range(20):  # a free (venue, day, slot): real plans rarely double-book
                vid, city = rnd.choice(venue_rows)
                day = date(2024, 4, 1) + timedelta(days=rnd.randrange(240) if rnd.random() < 0.6 else 42 + rnd.randrange(7))
                slot = rnd.choice([0, 1, 1, 2, 2, 3])
                if (vid, day, slot) not in used:
                    break
            used.add((vid, day, slot))
            hour = (None, 9, 14, 19)[slot]
            length = rnd.choice([0] * 12 + [1, 2])
            mode = rnd.choice(["offline"] * 6 + ["online", "hybrid"])
            past = day + timedelta(days=length) < date(2024, 6, 1)
            status = rnd.choice(["held"] * 19 + ["confirmed"]) if past else rnd.choice(["planned", "confirmed"])
            acts.append(dict(
                uid=f"00000000-0000-4000-8000-{i:012d}", programme_id=p.id,
                title=f"{rnd.choice(WORDS)}{rnd.choice(KINDS)}（{regions().name(city)}第{i + 1}场）",
                activity_type=rnd.choice(TYPES), level=rnd.choice(["municipal", "county", "community"]),
                start_date=day, end_date=day + timedelta(days=length), start_time=None if hour is None else time(hour),
                end_time=None if hour is None else time(hour + 2), mode=mode, city_code=city,
                venue_id=None if mode == "online" else vid, online_url="" if mode == "offline" else "https://live.example.cn/x",
                audiences="public;elderly", expected_participants=rnd.choice([50, 80, 100, 120]),
                actual_participants=rnd.randrange(30, 120) if status == "held" else None,
                status=status, created_at=datetime(2024, 3, 1), updated_at=datetime(2024, 3, 1), version=1,
            ))
        s.execute(insert(Activity), acts)
        ids_cities = s.execute(select(Activity.id, Activity.city_code).where(Activity.programme_id == p.id)).all()
        links = []
        for aid, city in ids_cities:
            picked = [rnd.choice(org_ids[:3]), *rnd.sample(city_orgs[city], 2)]
            for role, oid in zip(("host", "undertaker", "co_organiser"), picked, strict=True):
                links.append(dict(activity_id=aid, role=role, position=0, organisation_id=oid, role_rank=ROLE_RANK[role]))
        s.execute(insert(ActivityOrganisation), links)
    db.close()


def make_plan(path: Path, n: int) -> None:
    try:
        from lifelong_desktop.services.demo import make_demo_database
    except ImportError:
        synthetic(path, n)
    else:
        make_demo_database(path, activities=n, seed=0)


def median_of(fn, runs: int) -> tuple[float, list[float]]:
    """Median wall time over runs (and the CPU time of each run in median_of.cpu, for busy machines)."""
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = clock.perf_counter(), clock.process_time()
        fn()
        times.append(clock.perf_counter() - t0)
        cpu.append(clock.process_time() - c0)
    median_of.cpu = statistics.median(cpu)
    return statistics.median(times), times


def bench_checks(folder: Path, runs: int) -> float:
    from lifelong_desktop.services.checks import run_checks
    from lifelong_desktop.services.programmes import get_programme

    path = folder / "checks50k.sqlite"
    if not path.exists():
        make_plan(path, 50_000)
    db = open_database(path)
    result = {}

    def once():
        with db.read() as s:
            result["findings"] = run_checks(s, get_programme(s).id, today=date(2024, 6, 1))

    med, times = median_of(once, runs)
    db.close()
    print(f"checks, 50,000 activities: median {med:.2f} s over {runs} runs {[round(t, 2) for t in times]}; "
          f"CPU median {median_of.cpu:.2f} s; {len(result['findings'])} findings (target <= 2 s)")
    return med


def bench_pdf(folder: Path, runs: int) -> float:
    from lifelong_desktop.printing.schedule import ScheduleOptions, build_schedule

    from lifelong_desktop.services.programmes import get_programme

    path = folder / "print2k.sqlite"
    if not path.exists():
        make_plan(path, 2_000)
    db = open_database(path)
    out = folder / "schedule.pdf"

    def once():
        with db.read() as s:
            doc = build_schedule(s, get_programme(s).id, ScheduleOptions(by="date"))
        doc.write_pdf(out)
        once.pages = doc.page_count

    med, times = median_of(once, runs)
    db.close()
    print(f"by-date schedule PDF, 2,000 activities: median {med:.2f} s over {runs} runs "
          f"{[round(t, 2) for t in times]}; CPU median {median_of.cpu:.2f} s; {once.pages} pages, {out.stat().st_size // 1024} KiB (target <= 10 s)")
    return med


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["checks", "pdf"])
    parser.add_argument("--keep", type=Path, help="keep the generated databases and PDF in this folder")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores" if hasattr(os, "getloadavg") else "")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        ok = True
        if args.only in (None, "checks"):
            ok &= bench_checks(folder, args.runs) <= 2.0
        if args.only in (None, "pdf"):
            ok &= bench_pdf(folder, args.runs) <= 10.0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
