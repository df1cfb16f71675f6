"""The checks read in full only the activities a finding may name (services/checks/narrowing.py): their
findings are those of every activity, on both stores; `lifelong check` of a file loads no SQLAlchemy."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from lifelong_desktop.models import Organisation, Venue
from lifelong_desktop.services.checks import narrowing
from lifelong_desktop.services.checks.load import check_rows_of
from lifelong_desktop.services.checks.runner import PlanWindow, check_rows, run_checks
from tests.unit.test_checks import DALIAN, SHENYANG, Plan

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)

TODAY = date(2024, 5, 1)
DATA = Path(__file__).parents[1] / "data"


def _problem(plan: Plan, rnd: random.Random, i: int, made: list) -> None:
    """One activity with one of the problems the checks find (or one that looks like it and is none)."""
    day = date(2024, 5, 13) + timedelta(days=rnd.randrange(19))
    kind = rnd.randrange(16)
    kw: dict = {"start_date": day, "end_date": day, "venue": rnd.choice(plan.venues)}
    if kind == 0:  # at the venue and time of another
        other = rnd.choice(made)
        kw.update(venue=other.venue, start_date=other.start_date, end_date=other.end_date)
        kw.update(start_time=time(10), end_time=time(12))
    elif kind == 1:
        kw[rnd.choice(["activity_type", "level", "city_code"])] = rnd.choice([None, ""])
    elif kind == 2:
        kw["hosts"] = []
    elif kind == 3:
        kw.update(
            mode=rnd.choice(["online", "hybrid"]), online_url=rnd.choice(["", " ", "\u3000", "直播", "x"])
        )
    elif kind == 4:
        kw["expected_participants"] = rnd.choice([299, 301, 100000])
    elif kind == 5:
        kw["start_date"] = kw["end_date"] = rnd.choice([date(2024, 3, 30), date(2024, 12, 6)])
    elif kind == 6:
        kw["start_date"] = kw["end_date"] = rnd.choice(
            [date(2024, 5, 1), date(2024, 5, 11), date(2031, 5, 6)]
        )
    elif kind == 7:
        kw["end_date"] = day + timedelta(days=rnd.randrange(1, 30))
    elif kind == 8:
        kw["parent_id"] = rnd.choice(made).id
    elif kind == 9:
        kw.update(
            status=rnd.choice(["held", "cancelled", "postponed"]), actual_participants=rnd.choice([None, 5])
        )
    elif kind == 10:
        other = rnd.choice(made)
        kw.update(start_date=other.start_date, end_date=other.end_date, city_code=other.city_code)
        kw["title"] = rnd.choice([f"《{other.title}》", other.title + "—", other.title.upper(), "！！"])
    elif kind == 11:
        kw.update(undertakers=[plan.univ], city_code=DALIAN, venue=plan.hall2)
    elif kind == 12:
        kw.update(mode="online", venue=None, online_url="https://example.org/live", status="cancelled")
    elif kind == 13:
        kw.update(start_time=rnd.choice([None, time(9, 0, 30)]), end_time=rnd.choice([None, time(9, 0, 50)]))
    elif kind == 14:  # two undertakers, in another city
        kw.update(city_code=DALIAN, venue=plan.hall2, undertakers=[plan.univ, plan.host])
    made.append(plan.add(kw.pop("title", f"讲座{i}"), **kw))


def _programme(session, seed: int, problems: float) -> Plan:
    """A programme of 160 activities, each its own venue and day unless it is one with a problem."""
    rnd = random.Random(seed)
    plan = Plan(session)
    plan.venues = [
        Venue(name=f"场馆{n}", city_code=SHENYANG, address="沈阳", capacity=300) for n in range(30)
    ]
    session.add_all(plan.venues)
    college = Organisation(name="沈阳社区学院", org_type="university")  # undertakes the clean ones
    session.add(college)
    made: list = []
    for i in range(160):
        if made and rnd.random() < problems:
            _problem(plan, rnd, i, made)
            continue
        day = date(2024, 5, 13) + timedelta(days=i % 19)
        venue = plan.venues[i // 19]
        made.append(plan.add(f"讲座{i}", start_date=day, end_date=day, venue=venue, undertakers=[college]))
    return plan


@pytest.mark.parametrize("seed, problems", [(1, 0.1), (2, 0.2), (3, 0.9)])
def test_findings_are_those_of_every_activity(db, seed, problems):
    """run_checks (narrowed) finds exactly what the rules find over every activity, in the same order."""
    with db.transaction("t") as s:
        plan = _programme(s, seed, problems)
        window = PlanWindow(plan.p.window_start, plan.p.window_end)
        every = check_rows(check_rows_of(s, plan.p.id), window, today=TODAY)
        assert run_checks(s, plan.p.id, today=TODAY) == every
        assert [f.as_dict("en") for f in run_checks(s, plan.p.id, today=TODAY)] == [
            f.as_dict("en") for f in every
        ]
        from lifelong_desktop.db.rawsql import raw_cursor

        picked = narrowing.candidate_ids(raw_cursor(s.connection()), plan.p.id, window, TODAY)
        codes = {f.code for f in every}
    if problems < 0.5:  # most activities are clean: only some are read in full
        assert picked is not None and 0 < len(picked) < 80
        assert len(codes) >= 4, codes
    else:  # most have a problem: all are read
        assert picked is None
        assert len(codes) >= 8


def test_comparable_title_is_the_normalised_name_without_non_word_characters():
    """rules.comparable_title skips the white space removal and, for titles of word characters only, the
    non-word removal of its definition (names.normalise_name, then every non-word character removed): the
    same keys, for every character and for tricky titles."""
    import re

    from lifelong_desktop.names import normalise_name
    from lifelong_desktop.services.checks.rules import comparable_title

    def defined(title: str) -> str:
        return re.sub(r"[\W_]+", "", normalise_name(title))

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    assert spaces and all(re.fullmatch(r"[\W_]+", c.casefold()) for c in spaces)  # non-word, folded too
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert every.casefold() == "".join(c.casefold() for c in every)  # folding goes character by character
    chunks = [every[i : i + 997] for i in range(0, len(every), 997)]
    tricky = [
        "",
        "İstanbul讲座",
        "i̇stanbul讲座",
        "STRASSE",
        "straße",
        "ＡＢＣ",
        "《读书》",
        " a_b ",
        "\u3000",
        "ﬁ",
        "Σίσυφος",
        "ǅ",
        "㈠讲座",
        "⼦曰",
        "！！",
        "a\u0307",
        "讲座\u200b",
        "①②",
        "x\u0345",
        "ΐ",
    ]
    for title in [*chunks, *tricky, *(chr(c) for c in range(0x3000))]:
        assert comparable_title(title) == defined(title), repr(title)


def test_spaces_are_every_character_strip_takes_away():
    every = tuple(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert narrowing.SPACES == every


@pytest.mark.sqlite_only
def test_check_of_a_file_loads_no_sqlalchemy_and_older_files_still_open(db_path, tmp_path):
    """`lifelong check` of an ordinary file reads it with sqlite3 alone, on the day's first open too (the copy is
    made meanwhile: test_check_daily_copy.py); a file of an older revision (which needs a migration) goes
    through the full open as before and is checked too."""
    probe = (
        "import sys\n"
        "from lifelong_desktop import cli\n"
        "code = cli.main(sys.argv[1:])\n"
        "loaded = sorted(m for m in sys.modules if m == 'sqlalchemy' or m.startswith('lifelong_desktop.models'))\n"
        "print('LOADED', loaded, code)\n"
    )
    env = {**os.environ, "LIFELONG_DATA_DIR": str(tmp_path / "data"), "LIFELONG_LANG": "en"}

    def check(path: Path) -> str:
        run = subprocess.run(
            [sys.executable, "-c", probe, "check", "--db", str(path)], capture_output=True, text=True, env=env
        )
        return run.stdout + run.stderr

    demo = subprocess.run(
        [sys.executable, "-m", "lifelong_desktop.cli", "demo", "--db", str(db_path)],
        env=env,
        capture_output=True,
    )
    assert demo.returncode == 0, demo.stderr
    first = check(
        db_path
    )  # the first open of the day: its copy is made beside the checks (sqlite3 alone too)
    assert "LOADED [] " in first, first
    second = check(db_path)
    assert "LOADED [] " in second, second
    assert second.split("LOADED")[0] == first.split("LOADED")[0]
    older = tmp_path / "older.sqlite"
    shutil.copy(DATA / "schema" / "0004.sqlite", older)
    out = check(older)
    assert "'sqlalchemy'" in out and "Traceback" not in out, out


def test_saved_holidays_are_the_librarys():
    """resources/holidays/china.json holds what the installed `holidays` says of each saved year (after an
    upgrade of the library: `python -c "from lifelong_desktop.services.checks.holidays import save_snapshot;
    save_snapshot()"`), and the checks read the years from it."""
    import json

    from lifelong_desktop.services.checks import holidays

    assert json.loads(holidays.saved_file().read_text(encoding="utf-8")) == holidays.snapshot()
    assert holidays._saved()  # the installed version's: read from the file
    for year in (2000, 2024, 2025, 2031, 2040):
        assert holidays.holiday_year(year) == holidays.library_year(year)
    assert holidays.holiday_year(2041) == holidays.library_year(2041)  # beyond the file: the library


@pytest.mark.sqlite_only
def test_check_of_a_damaged_file_reports_it_and_nothing_else(db_path, tmp_path):
    """The plain open reads while quick_check runs beside it: a damaged file gives the damaged sentence (exit
    3), no findings, and is left unchanged, as through the full open."""
    import hashlib

    from tests.unit.test_faults import _corrupt_middle

    env = {**os.environ, "LIFELONG_DATA_DIR": str(tmp_path / "data"), "LIFELONG_LANG": "en"}
    cli = [sys.executable, "-m", "lifelong_desktop.cli"]
    subprocess.run([*cli, "demo", "--db", str(db_path), "--activities", "3000"], env=env, check=True)
    subprocess.run([*cli, "check", "--db", str(db_path)], env=env, capture_output=True)  # the daily backup
    _corrupt_middle(Path(db_path))
    digest = hashlib.sha256(Path(db_path).read_bytes()).hexdigest()
    run = subprocess.run([*cli, "check", "--db", str(db_path)], env=env, capture_output=True, text=True)
    assert run.returncode == 3 and run.stdout == "", run.stdout + run.stderr
    assert "is damaged" in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert hashlib.sha256(Path(db_path).read_bytes()).hexdigest() == digest


def test_every_rule_the_runner_calls_is_narrowed():
    """A rule added to all_rules or all_conflicts without its condition in narrowing.py would lose findings
    on the command line: the list of rules narrowing covers is the list the runner calls."""
    import ast
    import inspect

    from lifelong_desktop.services.checks import conflicts, rules

    called = []
    for fn in (rules.all_rules, conflicts.all_conflicts):
        tree = ast.parse(inspect.getsource(fn))
        called += [
            n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
        ]
    assert sorted(c for c in called if c.startswith("check_")) == sorted(narrowing.COVERED)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("seed, problems", [(1, 0.1), (3, 0.9)])
def test_a_second_connection_reads_the_same_state_and_finds_the_same(db, db_path, seed, problems):
    """db.preflight.PlainFile.begin gives a second connection reading exactly the state of the first (a save
    in between is seen by neither); the checks that ask part of their work of it in a thread find what the
    checks through the session find. While someone is saving, there is no second connection and the checks
    run in one."""
    import sqlite3

    from lifelong_desktop.db import open_database
    from lifelong_desktop.db.preflight import open_plain
    from lifelong_desktop.services.checks.runner import run_checks_on

    with db.transaction("t") as s:
        plan = _programme(s, seed, problems)
        pid, window = plan.p.id, PlanWindow(plan.p.window_start, plan.p.window_end)
    with db.read() as s:
        expected = run_checks(s, pid, today=TODAY)
    db.close()
    open_database(db_path).close()  # the day's backup, taken on the first open with data
    opened = open_plain(Path(db_path))
    assert opened is not None and opened.sound()
    try:
        twin = opened.begin()
        assert twin is not None
        other = sqlite3.connect(db_path)
        other.execute("UPDATE activity SET title = 'x' WHERE id = (SELECT MIN(id) FROM activity)")
        other.commit()
        count = "SELECT COUNT(*) FROM activity WHERE title = 'x'"
        assert opened.connection.execute(count).fetchone() == twin.execute(count).fetchone() == (0,)
        found = run_checks_on(opened.connection.cursor(), pid, window, today=TODAY, beside=twin.cursor())
        assert [f.as_dict("en") for f in found] == [f.as_dict("en") for f in expected]
        twin.close()
        opened.connection.execute("ROLLBACK")
        other.execute("BEGIN IMMEDIATE")  # someone saving: no second connection, the first one begun
        assert opened.begin() is None and opened.connection.in_transaction
        other.execute("ROLLBACK")
        other.close()
    finally:
        opened.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here: the work always runs in this process")
def test_work_aside_gives_what_it_gives_here(monkeypatch):
    """services/checks/aside.Aside: the set a forked child computes is the one computed here; a child that
    fails (its work raises there) leaves the work to this process, with the same set."""
    from lifelong_desktop.services.checks import aside

    monkeypatch.setattr(aside, "spare_core", lambda **_: True)
    values = set(range(0, 30_000, 7))
    forked = aside.Aside(lambda: {v for v in values if v % 3})
    assert forked.forked and forked.result() == {v for v in values if v % 3}
    here = os.getpid()

    def fails_in_the_child() -> set[int]:
        if os.getpid() != here:
            raise RuntimeError("the child's work fails")
        return {1, 2}

    failing = aside.Aside(fails_in_the_child)
    assert failing.forked and failing.result() == {1, 2}
    assert not aside.Aside(lambda: {3}, worth_it=False).forked
