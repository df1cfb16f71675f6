"""The Liaoning 2024 demo: the national opening as published, a complete and valid programme, padding, the CLI."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter
from datetime import date, time

import pytest
from sqlalchemy import select, text

from lifelong_desktop import messages
from lifelong_desktop.cli import main
from lifelong_desktop.db import list_backups, open_database
from lifelong_desktop.models import Activity, AuditEntry, Organisation, Programme, Venue
from lifelong_desktop.services.demo.create import DemoProgrammeExists, create_demo, make_demo_database
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.rows import activity_rows, venue_rows
from lifelong_desktop.submission.format import load_format
from tests.helpers.stores import STORES, new_db_path

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)

WINDOW = (date(2024, 4, 1), date(2024, 12, 6))
CEREMONY = "2024年全民终身学习活动周全国总开幕式"
HOSTS = (
    "教育部",
    "中共中央宣传部",
    "民政部（全国老龄工作委员会办公室）",
    "文化和旅游部",
    "中华全国总工会",
    "中国联合国教科文组织全国委员会",
    "中国成人教育协会",
)
UNDERTAKERS = ("辽宁省人民政府", "国家电力投资集团有限公司")
CO_ORGANISERS = ("国家开放大学", "辽宁省教育厅", "国家电投集团东北电力有限公司")
PHONE = re.compile(r"^[0-9+\-() ]{5,20}$")


def _load(path):
    db = open_database(path)
    try:
        with db.read() as s:
            programme = s.scalars(select(Programme)).one()
            rows = activity_rows(s, programme.id)
            venues = {v.id: v for v in venue_rows(s)}
            orgs = {o.name: o.org_type for o in s.scalars(select(Organisation))}
        return programme, rows, venues, orgs
    finally:
        db.close()


@pytest.fixture(scope="module", params=STORES)
def base_db(request):
    """The demo, once per store (a SQLite file, a PostgreSQL database)."""
    path = new_db_path(request.param, request, "demo.sqlite")
    return make_demo_database(path), path


@pytest.fixture(scope="module")
def base(base_db):
    summary, path = base_db
    return (summary, *_load(path))


@pytest.fixture(scope="module", params=STORES)
def padded(request):
    """The demo padded to 2,000 activities, once per store."""
    path = new_db_path(request.param, request, "padded.sqlite")
    summary = make_demo_database(path, activities=2000, seed=7)
    return (summary, path, *_load(path))


def problems(row, venues) -> list[str]:
    """Every way an activity row breaks the submission format's rules (an empty list when it is complete)."""
    fmt, reg = load_format(), regions()
    codes = {name: {item.key for item in items} for name, items in fmt.code_lists.items()}
    out = []
    for column, code_list in (
        ("activity_type", "activity_type"),
        ("level", "level"),
        ("mode", "mode"),
        ("status", "status"),
    ):
        if getattr(row, column) not in codes[code_list]:
            out.append(f"{column} {getattr(row, column)!r}")
    if not 1 <= len(row.title) <= 100:
        out.append("title length")
    if not (WINDOW[0] <= row.start_date <= row.end_date <= WINDOW[1]):
        out.append("dates outside the window or out of order")
    if (row.start_time is None) != (row.end_time is None):
        out.append("only one of the times")
    if row.start_time and row.end_time and row.end_time <= row.start_time:
        out.append("end time not after start time")  # also for multi-day: the daily hours must make sense
    city = reg.get(row.city_code)
    if city is None or not (
        row.city_code == "210000" or (city.level == "prefecture" and city.parent == "210000")
    ):
        out.append(f"city {row.city_code}")
    if row.county_code and (
        reg.get(row.county_code) is None or reg.get(row.county_code).parent != row.city_code
    ):
        out.append(f"county {row.county_code} outside {row.city_code}")
    if row.mode != "online":
        venue = venues.get(row.venue_id)
        if venue is None:
            out.append("no venue")
        elif venue.city_code != row.city_code or (row.county_code and venue.county_code != row.county_code):
            out.append("venue in another place")
        elif row.expected_participants > venue.capacity:
            out.append("expected over capacity")
        if not row.address:
            out.append("no address")
    if row.mode != "offline" and not row.online_url:
        out.append("no online_url")
    if not row.hosts:
        out.append("no host")
    if not row.audiences or set(row.audiences) - codes["audience"]:
        out.append(f"audiences {row.audiences}")
    if row.expected_participants is None or row.expected_participants < 0:
        out.append("expected participants")
    if (row.actual_participants is not None) != (row.status == "held"):
        out.append("actual participants only and always when held")
    if row.status != "held" and row.online_participants is not None:
        out.append("online participants when not held")
    if len(row.address) > 200 or len(row.description) > 500:
        out.append("too long")
    if not row.contact_name or not PHONE.match(row.contact_phone):
        out.append("contact")
    if row.parent_id is not None and row.parent_uid is None:
        out.append("unknown parent")
    return out


def _overlaps(a, b) -> bool:
    if (
        a.venue_id is None
        or a.venue_id != b.venue_id
        or a.end_date < b.start_date
        or b.end_date < a.start_date
    ):
        return False
    if a.start_time is None or b.start_time is None:
        return True
    return a.start_time < b.end_time and b.start_time < a.end_time


def test_opening_ceremony_has_its_twelve_bodies_in_three_roles_in_order(base):
    _summary, _programme, rows, _venues, orgs = base
    [ceremony] = [r for r in rows if r.title == CEREMONY]
    assert (ceremony.activity_type, ceremony.level, ceremony.status) == (
        "opening_ceremony",
        "national",
        "held",
    )
    assert (ceremony.start_date, ceremony.city_code) == (date(2024, 4, 26), "210100")
    assert ceremony.actual_participants and ceremony.actual_participants > 0
    assert (
        ceremony.hosts == HOSTS
        and ceremony.undertakers == UNDERTAKERS
        and ceremony.co_organisers == CO_ORGANISERS
    )
    assert [
        orgs[n]
        for n in (
            "教育部",
            "中共中央宣传部",
            "中华全国总工会",
            "中国成人教育协会",
            "辽宁省人民政府",
            "国家电力投资集团有限公司",
            "国家开放大学",
            "国家电投集团东北电力有限公司",
        )
    ] == [
        "government",
        "party",
        "union",
        "social_org",
        "government",
        "enterprise",
        "open_university",
        "enterprise",
    ]
    assert ceremony.featured and ceremony.venue_name


def test_programme_header_is_liaoning_2024(base):
    _summary, programme, _rows, _venues, _orgs = base
    assert (programme.region_code, programme.region_name, programme.year) == ("210000", "辽宁省", 2024)
    assert programme.theme == "让学习成为一种生活方式"
    assert (programme.window_start, programme.window_end) == WINDOW
    assert programme.week_start <= date(2024, 4, 26) <= programme.week_end
    assert programme.submitting_unit == "辽宁省教育厅" and programme.contact_name
    assert PHONE.match(programme.contact_phone)


def _clashes(rows) -> list[tuple[str, str]]:
    by_venue: dict[int, list] = {}
    for r in rows:
        if r.venue_id:
            by_venue.setdefault(r.venue_id, []).append(r)
    return [
        (a.title, b.title)
        for group in by_venue.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if _overlaps(a, b)
    ]


def test_base_programme_is_complete_valid_and_never_double_books_a_venue(base):
    summary, _programme, rows, venues, _orgs = base
    assert 120 <= len(rows) <= 200 and summary.activities == len(rows) == summary.base_activities
    bad = {r.title: problems(r, venues) for r in rows if problems(r, venues)}
    assert bad == {}
    assert _clashes(rows) == []


def test_every_city_of_liaoning_takes_part(base):
    _summary, _programme, rows, _venues, _orgs = base
    cities = {r.code for r in regions().cities_of("210000")}
    assert len(cities) == 14
    per_city = Counter(r.city_code for r in rows)
    assert cities <= set(per_city) and min(per_city[c] for c in cities) >= 8
    counties = {r.county_code for r in rows if r.county_code}
    assert len(counties) >= 30


def test_statuses_are_those_of_a_programme_already_held(base):
    _summary, _programme, rows, _venues, _orgs = base
    status = Counter(r.status for r in rows)
    assert status["held"] / len(rows) >= 0.85
    assert status["planned"] + status["confirmed"] >= 2  # a few left unreported after their date
    assert status["cancelled"] >= 1 and status["postponed"] >= 1
    held = [r for r in rows if r.status == "held"]
    near = [
        r
        for r in held
        if r.expected_participants and 0.8 <= r.actual_participants / r.expected_participants <= 1.3
    ]
    assert len(near) >= 0.9 * len(held)


def test_sub_venues_hang_under_the_opening_ceremony(base):
    _summary, _programme, rows, _venues, _orgs = base
    [ceremony] = [r for r in rows if r.title == CEREMONY]
    subs = [r for r in rows if r.parent_id == ceremony.id]
    assert len(subs) == 13 and {r.parent_uid for r in subs} == {ceremony.uid}
    assert all(r.start_date == ceremony.start_date and r.mode != "offline" for r in subs)
    assert len({r.city_code for r in subs}) == 13 and "210100" not in {r.city_code for r in subs}


def test_programme_has_its_themes(base):
    _summary, _programme, rows, _venues, _orgs = base
    digital = [r for r in rows if "数字赋能 圆梦学历" in r.title]
    assert len(digital) >= 14
    launch = next(r for r in digital if r.level == "national")
    assert "职工教育平台" in launch.online_url and "国家开放大学终身教育平台" in launch.online_url
    assert "中华全国总工会" in launch.hosts and "国家开放大学" in launch.undertakers
    featured = [r for r in rows if r.featured and "每周一品" in r.title]
    assert len({r.start_date.isocalendar()[1] for r in featured}) >= 30  # one in (nearly) every week
    audiences = Counter(a for r in rows for a in r.audiences)
    assert all(audiences[a] >= 10 for a in ("elderly", "workers", "farmers", "community"))
    assert any(r.end_date > r.start_date and r.activity_type == "exhibition" and r.start_time for r in rows)
    assert {r.mode for r in rows} == {"offline", "online", "hybrid"}


def test_venues_are_real_places_with_capacities(base):
    _summary, _programme, _rows, venues, _orgs = base
    names = {v.name for v in venues.values()}
    assert {"辽宁省图书馆", "沈阳市文化馆", "大连图书馆"} <= names
    kinds = Counter(v.venue_type for v in venues.values())
    for kind in (
        "library",
        "museum",
        "cultural_centre",
        "community_centre",
        "school",
        "enterprise",
        "government",
        "outdoor",
    ):
        assert kinds[kind] >= 1, kind
    assert all(v.capacity and v.capacity > 0 and v.address for v in venues.values())
    assert all(regions().get(v.county_code).parent == v.city_code for v in venues.values())
    assert 300 <= len(venues) <= 1000


def test_padding_gives_exactly_n_valid_activities(padded):
    summary, _path, _programme, rows, venues, _orgs = padded
    assert summary.activities == len(rows) == 2000
    assert summary.padded_activities == 2000 - summary.base_activities
    assert len({r.uid for r in rows}) == 2000
    bad = [(r.title, problems(r, venues)) for r in rows if problems(r, venues)]
    assert bad == []
    assert _clashes(rows) == []
    cities = {r.code for r in regions().cities_of("210000")}
    assert cities <= {r.city_code for r in rows} <= cities | {"210000"}
    assert len({r.county_code for r in rows if r.county_code}) >= 90
    held = sum(r.status == "held" for r in rows) / len(rows)
    assert 0.8 <= held <= 0.97
    in_week = sum(date(2024, 4, 19) <= r.start_date <= date(2024, 5, 10) for r in rows) / len(rows)
    assert in_week > 3 * 22 / 250  # far more around the official week than an even spread would give


def _content(path) -> str:
    """A digest of everything the demo wrote, apart from timestamps and the audit log (either store)."""
    db = open_database(path)
    try:
        con = db.engine.connect()
        digest = hashlib.sha256()
        for table, skip in (
            ("programme", {"created_at", "updated_at"}),
            ("organisation", {"created_at", "updated_at"}),
            ("venue", {"created_at", "updated_at"}),
            ("activity", {"created_at", "updated_at"}),
            ("activity_organisation", set()),
        ):
            cur = con.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2, 3"))
            names = list(cur.keys())
            for row in cur:
                digest.update(repr([v for n, v in zip(names, row, strict=True) if n not in skip]).encode())
        con.close()
        return digest.hexdigest()
    finally:
        db.close()


def _ceremony_uid(path) -> str:
    db = open_database(path)
    try:
        with db.read() as s:
            return s.scalars(select(Activity.uid).where(Activity.title == CEREMONY)).one()
    finally:
        db.close()


def test_same_seed_gives_the_same_database_and_another_seed_another(padded, request):
    _summary, path, *_ = padded
    store = "postgresql" if isinstance(path, str) else "sqlite"
    again, other = new_db_path(store, request, "again.sqlite"), new_db_path(store, request, "other.sqlite")
    make_demo_database(again, activities=2000, seed=7)
    make_demo_database(other, activities=2000, seed=8)
    assert _content(again) == _content(path)
    assert _content(other) != _content(path)
    assert _ceremony_uid(other) == _ceremony_uid(path)


def test_fewer_activities_than_the_base_keeps_the_whole_base(db):
    with db.transaction("demo") as s:
        summary = create_demo(s, activities=10)
    assert summary.activities == summary.base_activities > 10 and summary.padded_activities == 0


def test_demo_twice_in_one_database_is_refused_and_changes_nothing(db):
    with db.transaction("demo") as s:
        first = create_demo(s)
    with pytest.raises(DemoProgrammeExists), db.transaction("demo") as s:
        create_demo(s)
    with db.read() as s:
        assert len(s.scalars(select(Programme)).all()) == 1
        assert len(s.scalars(select(Activity.id)).all()) == first.activities


def test_bulk_creation_is_audited_once_per_table(db):
    with db.transaction("创建示例计划") as s:
        summary = create_demo(s, activities=500, seed=3)
    with db.read() as s:
        entries = s.scalars(select(AuditEntry)).all()
        orgs, venues = len(s.scalars(select(Organisation.id)).all()), len(s.scalars(select(Venue.id)).all())
    by_entity = Counter(e.entity for e in entries)
    assert by_entity == {
        "programme": 1,
        "organisation": 1,
        "venue": 1,
        "activity": 1,
        "activity_organisation": 1,
    }
    after = {e.entity: json.loads(e.after) for e in entries}
    assert after["activity"]["count"] == summary.activities == 500
    assert after["organisation"]["count"] == orgs and after["venue"]["count"] == venues
    assert after["activity_organisation"]["count"] == summary.links
    assert len({e.batch for e in entries}) == 1


def test_cli_creates_refuses_an_existing_file_and_replaces_it_with_force(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    _programme, rows, _venues, _orgs = _load(path)
    assert out.count("\n") == 1 and f"活动 {len(rows)} 项" in out and str(path) in out
    before = path.read_bytes()
    assert main(["demo", "--db", str(path), "--activities", "300"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == messages.render("db.exists", path=str(path))
    assert path.read_bytes() == before
    assert main(["demo", "--db", str(path), "--activities", "300", "--seed", "5", "--force"]) == 0
    assert "活动 300 项" in capsys.readouterr().out
    kept = [b for b in list_backups(path) if b.reason in ("demo", "manual")]
    assert len(kept) == 1  # the replaced database was kept, whole
    con = sqlite3.connect(kept[0].path)
    assert con.execute("SELECT count(*) FROM activity").fetchone()[0] == len(rows)
    con.close()
    _programme, padded_rows, _venues, _orgs = _load(path)
    assert len(padded_rows) == 300


def test_cli_never_replaces_a_file_that_is_not_its_database(tmp_path, capsys):
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database")
    assert main(["demo", "--db", str(path), "--force"]) == 2
    assert "report.xlsx" in capsys.readouterr().err
    assert path.read_bytes() == b"PK\x03\x04 not a database"
    assert not list(tmp_path.glob("*.demo-part*"))


@pytest.mark.parametrize("count", ["-1", "600000"])
def test_cli_refuses_a_bad_count(tmp_path, capsys, count):
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--activities", count]) == 2
    assert "--activities" in capsys.readouterr().err and not path.exists()


def test_cli_missing_folder_is_a_database_problem(tmp_path, capsys):
    assert main(["demo", "--db", str(tmp_path / "no" / "such" / "demo.sqlite")]) == 3
    assert capsys.readouterr().err.strip()


def test_cli_default_path_is_the_user_data_folder(capsys):
    from lifelong_desktop.paths import default_database_path

    assert main(["demo", "--activities", "0"]) == 0
    assert default_database_path().exists() and str(default_database_path()) in capsys.readouterr().out


def test_times_of_multi_day_activities_are_daily_hours(base):
    _summary, _programme, rows, _venues, _orgs = base
    multi = [r for r in rows if r.end_date > r.start_date]
    assert multi and all(r.start_time is not None and r.start_time < r.end_time for r in multi)
    assert any(r.start_time == time(9) and r.end_time == time(16, 30) for r in multi)


def test_cli_force_leaves_a_database_in_use_alone(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--activities", "0"]) == 0
    capsys.readouterr()
    other_window = sqlite3.connect(path)
    try:
        assert other_window.execute("SELECT count(*) FROM activity").fetchone()[0] > 0
        assert main(["demo", "--db", str(path), "--activities", "300", "--force"]) == 3
        assert capsys.readouterr().err.strip() == messages.render("db.locked", name=path.name)
        assert other_window.execute("SELECT count(*) FROM activity").fetchone()[0] < 300
    finally:
        other_window.close()
    assert not list(tmp_path.glob("*.demo-part*"))


def test_cli_force_replaces_a_damaged_database_and_keeps_its_bytes(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    damaged = b"SQLite format 3\x00" + b"\xff" * 5000
    path.write_bytes(damaged)
    assert main(["demo", "--db", str(path), "--activities", "0", "--force"]) == 0
    capsys.readouterr()
    kept = [b.path for b in list_backups(path) if b.reason in ("demo", "manual")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    with open_database(path) as db, db.read() as s:
        assert s.scalars(select(Programme.year)).one() == 2024


def test_a_crowded_city_never_pushes_an_activity_out_of_the_window():
    from datetime import timedelta

    from lifelong_desktop.services.demo.content import cities
    from lifelong_desktop.services.demo.padding import Composer
    from lifelong_desktop.services.demo.registers import build_registers
    from lifelong_desktop.services.demo.schedule import Booking

    reg = build_registers()
    city = cities()[1]
    museum = next(v for v in reg.by_city[city.code] if v.venue_type == "museum")
    for crowded in ([museum], reg.by_city[city.code]):  # the museum, then every venue of Dalian, taken
        booking = Booking()
        for venue in crowded:
            booking.book(venue, WINDOW[1] - timedelta(days=20), WINDOW[1], 7)
        composer = Composer(reg, booking, seed=0)
        venue, start = composer._fallback(city, museum, WINDOW[1] - timedelta(days=2), 10, 3, "exhibition")
        assert start + timedelta(days=9) <= WINDOW[1]
        assert venue is None or booking.free(venue, start, start + timedelta(days=9), 3)
        assert venue is None or venue.venue_type in ("museum", "library", "cultural_centre")


def _checked(path) -> Counter:
    """The planning checks' codes on the demo at `path`, after asserting none is an error."""
    from lifelong_desktop.services.checks.runner import run_checks

    with open_database(path) as db, db.read() as s:
        programme = s.scalars(select(Programme)).one()
        findings = run_checks(s, programme.id, today=date(2025, 1, 15))
    assert [f for f in findings if f.severity == "error"] == []
    codes = Counter(f.code for f in findings)
    assert codes["unreported_result"] >= 1  # the few left unreported are noticed
    return codes


def test_planning_checks_find_no_error_in_the_demo(base_db):
    """The demo is a well-made plan: the planning checks raise warnings a held programme has, never an error."""
    assert sum(_checked(base_db[1]).values()) <= 20


def test_planning_checks_find_no_error_in_the_padded_demo(padded):
    _checked(padded[1])


_DIGEST = """
import hashlib
from lifelong_desktop.services.demo.create import build_specs
reg, specs, base, moved = build_specs(600, 11)
text = repr([(s.uid, s.title, s.start_date, s.start_time, s.end_date, s.venue and s.venue.name, s.hosts,
              s.undertakers, s.co_organisers, s.expected, s.actual, s.status) for s in specs])
print(hashlib.sha256((text + repr(list(reg.organisations.items()))).encode()).hexdigest())
"""


def test_generation_does_not_depend_on_the_process(tmp_path):
    """Same seed, same content in another interpreter with another string-hash seed."""
    import os
    import subprocess
    import sys

    runs = [
        subprocess.run(
            [sys.executable, "-c", _DIGEST],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "4242")
    ]
    assert runs[0] == runs[1] and len(runs[0].strip()) == 64


def test_cli_never_replaces_another_programs_sqlite_file(tmp_path, capsys):
    folder = tmp_path / "活动周 #2?"
    folder.mkdir()
    path = folder / "账目%20.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount INTEGER)")
    con.execute("INSERT INTO invoices (amount) VALUES (42)")
    con.commit()
    con.close()
    before = path.read_bytes()
    assert main(["demo", "--db", str(path), "--force"]) == 2
    assert capsys.readouterr().err.strip() == messages.render("demo.not_replaced", name=path.name)
    assert path.read_bytes() == before


def test_cli_force_keeps_the_old_file_when_no_copy_can_be_made(tmp_path, capsys, monkeypatch):
    import errno

    import lifelong_desktop.commands.demo as command

    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--activities", "0"]) == 0
    capsys.readouterr()
    before = _content(path)

    def disk_full(*_args, **_kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(command, "take_backup", disk_full)
    assert main(["demo", "--db", str(path), "--activities", "300", "--force"]) == 3
    assert capsys.readouterr().err.strip() == messages.render("db.disk_full")
    assert _content(path) == before and not list(tmp_path.glob("*.demo-part*"))
