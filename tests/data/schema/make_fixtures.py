"""Build the fixture database of a schema revision, with realistic data, for the upgrade tests.

    python tests/data/schema/make_fixtures.py            # every revision that has a populate function
    python tests/data/schema/make_fixtures.py 0001       # one revision

Each fixture is made by migrating an empty file to exactly that revision with the app's own Alembic
scripts, then filling it with plain SQL written for that revision's tables (never the current models,
which follow the newest schema). When a migration is added, add populate_<revision> here for the
revision it replaces, run this script BEFORE changing the models, and commit the new fixture: the test
tests/unit/test_migrations_upgrade.py then upgrades every fixture to head and checks every row survived.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

CITIES = {
    "210100": "沈阳市",
    "210200": "大连市",
    "210300": "鞍山市",
    "210400": "抚顺市",
    "210500": "本溪市",
    "210600": "丹东市",
    "210700": "锦州市",
    "210800": "营口市",
    "210900": "阜新市",
    "211000": "辽阳市",
    "211100": "盘锦市",
    "211200": "铁岭市",
    "211300": "朝阳市",
    "211400": "葫芦岛市",
}
ORGANISATIONS = [
    ("辽宁省教育厅", "government", "11210000001234567X"),
    ("辽宁省总工会", "mass_organisation", None),
    ("辽宁开放大学", "university", "12210000MB0123456P"),
    ("沈阳市教育局", "government", None),
    ("大连市教育局", "government", None),
    ("辽宁省图书馆", "library", None),
    ("沈阳市社区教育学院", "school", None),
    ("鞍山市老年大学", "school", None),
    ("辽宁省妇女联合会", "mass_organisation", None),
    ("中国移动通信集团辽宁有限公司", "enterprise", None),
    ("抚顺市文化馆", "cultural_venue", None),
    ("本溪市图书馆", "library", None),
]
TYPES = ["opening", "lecture", "open_day", "reading", "skills", "exhibition", "competition"]
AUDIENCES = ["elderly", "workers", "rural", "community", "youth", "women"]
STAMP = datetime(2024, 3, 15, 9, 30)


def _dt(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def populate_0001(con: sqlite3.Connection) -> None:
    """Liaoning 2024 and 2023: 12 organisations in three roles, venues in 14 cities, 80 activities with
    sub-venues, a city return recorded as a submission, and audit entries."""
    from lifelong_desktop.names import normalise_name

    rng = random.Random(2024)
    ins = con.execute
    for pid, year in ((1, 2024), (2, 2023)):
        ins(
            "INSERT INTO programme (id, region_code, region_name, year, theme, window_start, window_end, week_start,"
            " week_end, submitting_unit, contact_name, contact_phone, submission_uid, submission_seq,"
            " last_exported_at, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                "210000",
                "辽宁省",
                year,
                "学习成就梦想 技能创造未来" if year == 2024 else "全民终身学习 共建学习型社会",
                f"{year}-04-01",
                f"{year}-12-05",
                f"{year}-11-01",
                f"{year}-11-07",
                "辽宁省教育厅职业教育与成人教育处",
                "王丽",
                "024-86891234",
                _uid(rng),
                3 if year == 2024 else 5,
                _dt(STAMP) if year == 2024 else None,
                _dt(STAMP - timedelta(days=400 * (2024 - year))),
                _dt(STAMP),
                4,
            ),
        )
    for oid, (name, kind, code) in enumerate(ORGANISATIONS, 1):
        ins(
            "INSERT INTO organisation (id, name, name_key, org_type, credit_code, region_code, contact_name,"
            " contact_phone, email, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                oid,
                name,
                normalise_name(name),
                kind,
                code,
                "210000" if oid < 4 else None,
                "联系人" + str(oid),
                f"024-2{oid:03d}0000",
                f"office{oid}@example.cn" if oid % 3 == 0 else "",
                _dt(STAMP),
                _dt(STAMP),
                1,
            ),
        )
    for vid, (code, city) in enumerate(CITIES.items(), 1):
        name = f"{city}市民终身学习中心"
        ins(
            "INSERT INTO venue (id, name, name_key, city_code, county_code, address, venue_type, capacity,"
            " accessible, contact_name, contact_phone, created_at, updated_at, version) VALUES"
            " (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                vid,
                name,
                normalise_name(name),
                code,
                None,
                f"{city}人民路{vid * 11}号",
                "learning_centre",
                200 + vid * 25,
                vid % 2,
                "",
                "",
                _dt(STAMP),
                _dt(STAMP),
                2 if vid == 1 else 1,
            ),
        )
    ins(
        "INSERT INTO submission (id, programme_id, submission_uid, scope, region_code, region_name, seq, data_as_of,"
        " submitting_unit, contact_name, contact_phone, file_name, content_hash, imported_at, count_new,"
        " count_updated, count_unchanged, count_missing) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            1,
            1,
            _uid(rng),
            "city",
            "210100",
            "沈阳市",
            2,
            _dt(STAMP),
            "沈阳市教育局",
            "刘洋",
            "024-22720000",
            "沈阳市2024年活动周计划.xlsx",
            "ab" * 32,
            _dt(STAMP + timedelta(days=3)),
            12,
            2,
            0,
            0,
        ),
    )
    codes = list(CITIES)
    for aid in range(1, 81):
        pid = 1 if aid <= 64 else 2
        year = 2024 if pid == 1 else 2023
        day = date(year, 4, 1) + timedelta(days=(aid * 7) % 240)
        city = codes[aid % len(codes)]
        parent = 1 if 2 <= aid <= 5 else None  # the opening ceremony's sub-venues
        online = aid % 4 == 0
        ins(
            "INSERT INTO activity (id, uid, programme_id, title, activity_type, level, parent_id, start_date,"
            " start_time, end_date, end_time, mode, city_code, county_code, venue_id, address, online_url, audiences,"
            " expected_participants, actual_participants, online_participants, status, featured, contact_name,"
            " contact_phone, description, source_submission_id, created_at, updated_at, version) VALUES"
            " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                aid,
                _uid(rng),
                pid,
                "全民终身学习活动周辽宁省开幕式" if aid == 1 else f"{CITIES[city]}社区学习讲座第{aid}期",
                "opening" if aid == 1 else TYPES[aid % len(TYPES)],
                "province" if aid == 1 else "city",
                parent,
                day.isoformat(),
                "09:00:00.000000" if aid % 5 else None,
                (day + timedelta(days=aid % 3)).isoformat(),
                "11:30:00.000000" if aid % 5 else None,
                "hybrid" if online else "offline",
                city,
                None,
                codes.index(city) + 1,
                "",
                f"https://live.example.cn/a{aid}" if online else "",
                ";".join(AUDIENCES[(aid + k) % len(AUDIENCES)] for k in range(1 + aid % 3)),
                100 + aid * 10,
                (80 + aid * 9) if year == 2023 else None,
                500 if online else None,
                "held" if year == 2023 else ("confirmed" if aid % 3 else "planned"),
                int(aid % 10 == 1),
                "李明",
                f"1380000{aid:04d}",
                "面向社区居民的终身学习活动，含“双减”家长课堂。",
                1 if 10 <= aid <= 21 else None,
                _dt(STAMP),
                _dt(STAMP + timedelta(hours=aid)),
                1 + aid % 4,
            ),
        )
        roles = [("host", 0, 0), ("undertaker", 1, 0), ("co_organiser", 2, 0)]
        if aid % 3 == 0:
            roles.append(("co_organiser", 2, 1))
        if aid == 1:
            roles += [("host", 0, 1), ("undertaker", 1, 1)]
        for role, rank, position in roles:
            org = (aid + rank * 4 + position * 7) % len(ORGANISATIONS) + 1
            ins(
                "INSERT INTO activity_organisation (activity_id, role, position, organisation_id, role_rank)"
                " VALUES (?,?,?,?,?)",
                (aid, role, position, org, rank),
            )
    for eid in range(1, 41):
        ins(
            "INSERT INTO audit_entry (id, at, who, action, entity, entity_id, entity_uid, programme_id, batch,"
            " summary, before, after) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                eid,
                _dt(STAMP + timedelta(minutes=eid)),
                "wangli",
                "update" if eid % 4 else "import",
                "activity",
                eid,
                None,
                1,
                _uid(rng),
                "改时间" if eid % 4 else "导入 沈阳市2024年活动周计划.xlsx",
                '{"start_time": "08:30:00"}',
                '{"start_time": "09:00:00"}',
            ),
        )


def populate_0002(con: sqlite3.Connection) -> None:
    """Revision 0002 added the contact's e-mail to the programme: the 0001 data, with an address filled in."""
    populate_0001(con)
    con.execute("UPDATE programme SET contact_email = 'zsxx@jyt.example.cn'")


def populate_0003(con: sqlite3.Connection) -> None:
    """Revision 0003 added attachments: the 0002 data with photos and a scan kept with some activities of
    both years (the files themselves are not part of the fixture: the rows must survive either way)."""
    populate_0002(con)
    rows = con.execute("SELECT id, uid FROM activity WHERE id IN (1, 6, 66, 70) ORDER BY id").fetchall()
    for n, (aid, uid) in enumerate(rows, 1):
        for k, name in enumerate(("开幕式现场.jpg", "签到表扫描.pdf")[: 1 + aid % 2]):
            con.execute(
                "INSERT INTO attachment (activity_id, file_name, stored_name, size, sha256, created_at)"
                " VALUES (?,?,?,?,?,?)",
                (aid, name, f"{uid}/{name}", 1024 * (n * 300 + k), f"{n:02d}{k:02d}" * 16, _dt(STAMP)),
            )


def populate_0004(con: sqlite3.Connection) -> None:
    """Revision 0004 added the result note (结果说明): the 0003 data with notes on the held 2023 activities."""
    populate_0003(con)
    con.execute(
        "UPDATE activity SET result_note = '到场' || actual_participants || '人，反响良好' WHERE status = 'held'"
    )


POPULATE: dict[str, Callable[[sqlite3.Connection], None]] = {
    "0001": populate_0001,
    "0002": populate_0002,
    "0003": populate_0003,
    "0004": populate_0004,
}


def build(revision: str, out: Path | None = None) -> Path:
    """Make tests/data/schema/<revision>.sqlite: schema by the app's migrations, data by populate_<rev>."""
    from alembic import command
    from sqlalchemy import create_engine

    from lifelong_desktop.db.migrations import _alembic_config

    out = out or HERE / f"{revision}.sqlite"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{out.as_posix()}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)
    engine.dispose()
    con = sqlite3.connect(out)
    try:
        with con:
            POPULATE[revision](con)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("VACUUM")
    finally:
        con.close()
    return out


if __name__ == "__main__":
    for rev in sys.argv[1:] or list(POPULATE):
        print(build(rev))
