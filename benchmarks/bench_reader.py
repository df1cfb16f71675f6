"""Reading speed: `lifelong validate` and `lifelong import` of a 20,000-activity workbook, as whole processes,
against a fresh Python process making a bare python-calamine read of every cell of the same workbook.

Targets (ratios of medians measured in the same run): validate <= 1.5x the calamine read; import into an
empty database <= 2x; a resubmission of the same 20,000 activities (all unchanged) <= 2.5x. Beside them, the
floor under any import: the same rows written alone by plain sqlite3 in one transaction (PEER_WRITES).

Run: `.venv/bin/python benchmarks/bench_reader.py [--activities N] [--runs R] [--against REV]` (medians over
R >= 3 rounds, contestants alternating; `--against main` measures that git revision's tree too). The workbook
is the demo programme padded to N activities and exported by `lifelong export`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from support import PY, Contestant, Sample, calamine_pass, contestants, lifelong, load_line, report, timed

CALAMINE_PASS = calamine_pass()
# The import's writes alone, the floor under any import: the rows an import of the workbook stored (read from
# its database first, not timed) inserted again into an empty file of the same schema with plain sqlite3, the
# import's pragmas (WAL, synchronous=FULL, foreign keys, its 64 MiB page cache), 50 rows to a statement and one
# transaction; prints the seconds of the inserts and the commit.
PEER_WRITES = """
import sqlite3, sys, time
src = sqlite3.connect(sys.argv[1])
schema = [sql for (sql,) in src.execute(
    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
tables = ("programme", "organisation", "venue", "activity", "activity_organisation")
rows = {t: src.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
dst = sqlite3.connect(sys.argv[2], isolation_level=None)
for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "cache_size=-65536"):
    dst.execute("PRAGMA " + pragma)
for sql in schema:
    dst.execute(sql)
start = time.perf_counter()
dst.execute("BEGIN IMMEDIATE")
for t in tables:  # 50 rows to a statement (fewer when wide), as the import writes its links
    if not rows[t]:
        continue
    width = len(rows[t][0])
    per = max(1, min(50, 32766 // width))
    one = "(" + ",".join("?" * width) + ")"
    whole = len(rows[t]) // per * per
    flat = [v for row in rows[t][:whole] for v in row]
    dst.executemany(f"INSERT INTO {t} VALUES " + ",".join([one] * per),
                    [flat[i : i + per * width] for i in range(0, len(flat), per * width)])
    dst.executemany(f"INSERT INTO {t} VALUES {one}", rows[t][whole:])
dst.execute("COMMIT")
print(time.perf_counter() - start)
"""


def make_workbook(folder: Path, people: list[Contestant], activities: int) -> Path:
    env = people[-1].env()
    db, out = folder / "demo.sqlite", folder / f"demo{activities}.xlsx"
    timed(lifelong("demo", "--db", str(db), "--activities", str(activities)), env)
    timed(lifelong("export", "--db", str(db), "--out", str(out)), env)
    for (
        c
    ) in people:  # the first submission, stored by each tree itself (an older tree refuses a newer schema)
        timed(
            lifelong("import", "--db", str(folder / f"resubmit-{c.data_dir.name}.sqlite"), str(out)), c.env()
        )
    return out


def one_round(folder: Path, c: Contestant, book: Path, i: int) -> None:
    env = c.env()
    c.add("calamine", timed([PY, "-c", CALAMINE_PASS, str(book)], env)[0])
    c.add("validate", timed(lifelong("validate", str(book)), env)[0])
    target = folder / f"import-{c.data_dir.name}-{i}.sqlite"
    c.add("import", timed(lifelong("import", "--db", str(target), str(book)), env)[0])
    out = timed(
        [PY, "-c", PEER_WRITES, str(target), str(folder / f"writes-{c.data_dir.name}-{i}.sqlite")], env
    )[1]
    c.add("writes", Sample(float(out), 0, 0))
    again = folder / f"again-{c.data_dir.name}-{i}.sqlite"
    shutil.copy(folder / f"resubmit-{c.data_dir.name}.sqlite", again)
    c.add("resubmit", timed(lifelong("import", "--db", str(again), str(book)), env)[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", help="a git revision measured too, alternately (e.g. main)")
    args = parser.parse_args()
    runs = max(3, args.runs)
    with tempfile.TemporaryDirectory(prefix="bench-reader-") as tmp:
        folder = Path(tmp)
        people = contestants(folder, args.against)
        book = make_workbook(folder, people, args.activities)
        print(f"workbook: {args.activities} activities, {book.stat().st_size / 2**20:.1f} MiB; {load_line()}")
        for c in people:  # compile and cache each tree's modules first, as an installed app has them
            one_round(folder, c, book, -1)
            c.samples.clear()
        for i in range(runs):
            for c in people if i % 2 == 0 else people[::-1]:
                one_round(folder, c, book, i)
        print(f"medians of {runs} rounds (wall, and CPU seconds of the process); {load_line()}")
        ok = report(
            people,
            [
                ("peer: python-calamine read", "calamine", None, None, True),
                ("lifelong validate", "validate", "calamine", 1.5, True),
                ("lifelong import, empty database", "import", "calamine", 2.0, True),
                (f"lifelong import, {args.activities:,} unchanged", "resubmit", "calamine", 2.5, True),
            ],
        )
        for c in people:
            writes = c.median("writes")
            print(
                f"  peer: the import's SQLite writes alone ({c.name}; the same rows, plain sqlite3, one "
                f"transaction): {writes:.2f} s, {writes / c.median('calamine'):.2f}x the calamine read"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
