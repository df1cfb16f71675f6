"""Benchmark: `lifelong export` of 20,000 activities and `lifelong merge` of 31 x 2,000, against baselines.

Run: `.venv/bin/python benchmarks/bench_workbook.py [--runs 3] [--activities 20000] [--skip-merge]
[--against REV]` (or `scripts/bench workbook --against REV`). Targets (ratios measured in the same run, medians
over --runs):
- export, the whole process, at most 1.3x a fresh Python process that dumps the same 活动 cell values
  with openpyxl write_only;
- merge of 31 provincial workbooks of 2,000 activities: faster than pandas read_excel (default engine) +
  concat + to_excel of the same files, with a peak memory (maxrss of the child) under 500 MB.
`--against REV` runs that git revision's tree too, alternately with this one in each round ("nothing gets
slower": before and after under the same load). Each tree exports a database its own `lifelong demo` made.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import tempfile
import time as clock
import uuid
from datetime import date, datetime, time, timedelta
from pathlib import Path

from support import PY, Contestant, contestants, lifelong, load_line, report, timed

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


def activity_values(path: Path) -> list[list]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    rows = [list(r) for r in wb["活动"].iter_rows(values_only=True)]
    wb.close()
    return rows


def bench_export(work: Path, n: int, runs: int, people: list[Contestant]) -> None:
    dbs = {}
    for c in people:  # each tree's own database (an older tree refuses a newer schema)
        dbs[c.name] = work / f"export-{c.data_dir.name}.sqlite"
        timed(lifelong("demo", "--db", str(dbs[c.name]), "--activities", str(n)), c.env())
    out = work / "export.xlsx"

    def export(c: Contestant) -> list[str]:
        return lifelong("export", "--db", str(dbs[c.name]), "--out", str(out))

    for c in people:  # warm the file cache and take the daily backup-on-open outside the timings
        timed(export(c), c.env())
    values = activity_values(out)
    dump = work / "values.pickle"
    dump.write_bytes(pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL))
    script = work / "baseline_export.py"
    script.write_text(BASELINE_EXPORT, encoding="utf-8")
    print(f"export of {len(values) - 2} activities; {load_line()}")
    for i in range(runs):
        base = timed([PY, str(script), str(dump), str(work / "baseline.xlsx")], people[-1].env())[0]
        for c in people if i % 2 == 0 else people[::-1]:
            c.add("export", timed(export(c), c.env())[0])
            c.add("openpyxl", base)


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


def bench_merge(work: Path, per_file: int, runs: int, people: list[Contestant]) -> None:
    folder = work / "provinces"
    folder.mkdir()
    t0 = clock.perf_counter()
    files = province_workbooks(folder, per_file)
    print(
        f"{len(files)} provincial workbooks of {per_file} activities written in {clock.perf_counter() - t0:.1f} s"
    )
    out = work / "national.xlsx"
    merge = lifelong("merge", str(folder / "*.xlsx"), "--out", str(out))
    script = work / "baseline_merge.py"
    script.write_text(BASELINE_MERGE, encoding="utf-8")
    for i in range(runs):
        base = timed([PY, str(script), str(work / "pandas.xlsx"), *map(str, files)], people[-1].env())[0]
        for c in people if i % 2 == 0 else people[::-1]:
            c.add("merge", timed(merge, c.env())[0])
            c.add("pandas", base)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--activities", type=int, default=20000)
    parser.add_argument("--per-file", type=int, default=2000)
    parser.add_argument("--skip-merge", action="store_true")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--against", help="a git revision measured too, alternately (e.g. main)")
    args = parser.parse_args()
    runs = max(3, args.runs)
    with tempfile.TemporaryDirectory(prefix="bench-workbook-") as tmp:
        work = Path(tmp)
        people = contestants(work, args.against)
        rows = []
        if not args.skip_export:
            bench_export(work, args.activities, runs, people)
            rows += [
                ("peer: openpyxl write_only dump", "openpyxl", None, None, True),
                (f"lifelong export, {args.activities:,}", "export", "openpyxl", 1.3, True),
            ]
        if not args.skip_merge:
            bench_merge(work, args.per_file, runs, people)
            rows += [
                ("peer: pandas read+concat+write", "pandas", None, None, True),
                (f"lifelong merge, 31 x {args.per_file:,}", "merge", "pandas", 1.0, True),
            ]
        print(f"medians of {runs} rounds (wall, and CPU seconds of the process); {load_line()}")
        ok = report(people, rows)
        if not args.skip_merge:
            peak = max(s.peak_mb for s in people[-1].samples["merge"])
            print(
                f"lifelong merge, peak memory {peak:.0f} MB [target < 500 MB]{' OVER' if peak >= 500 else ''}"
            )
            ok &= peak < 500
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
