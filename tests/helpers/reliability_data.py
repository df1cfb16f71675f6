"""Realistic programme data for the reliability tests (Liaoning 2024: organisations, venues, activities)."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, time, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from lifelong_desktop.models import (
    Activity,
    ActivityOrganisation,
    Organisation,
    Programme,
    Venue,
    new_uuid,
    normalise_name,
)
from lifelong_desktop.services.bulk_rows import link_row

CITIES = ["210100", "210200", "210300", "210400", "210500", "210600", "210700", "210800"]
ORGS = [
    "辽宁省教育厅",
    "辽宁省总工会",
    "辽宁开放大学",
    "沈阳市教育局",
    "大连市教育局",
    "辽宁省图书馆",
    "沈阳市社区教育学院",
    "鞍山市老年大学",
    "辽宁省妇女联合会",
    "中国移动辽宁公司",
    "抚顺市文化馆",
    "本溪市图书馆",
]
TYPES = ["lecture", "open_day", "reading", "training", "exhibition"]  # keys of the format's activity_type list


def populate(db, activities: int = 40, *, year: int = 2024) -> int:
    """A programme with organisations in three roles, venues and activities; returns the programme id."""
    with db.transaction("测试数据") as s:
        p = Programme(
            region_code="210000",
            region_name="辽宁省",
            year=year,
            theme="学习成就梦想 技能创造未来",
            window_start=date(year, 4, 1),
            window_end=date(year, 12, 5),
            week_start=date(year, 11, 1),
            week_end=date(year, 11, 7),
            submitting_unit="辽宁省教育厅职业教育与成人教育处",
            contact_name="王丽",
            contact_phone="024-86891234",
        )
        s.add(p)
        s.flush()
        orgs = [Organisation(name=n, org_type="government" if "厅" in n else "other") for n in ORGS]
        venues = [
            Venue(name=f"{c}市民学习中心", city_code=c, capacity=300 + i * 50) for i, c in enumerate(CITIES)
        ]
        s.add_all(orgs + venues)
        s.flush()
        add_activities(s, p.id, activities, [o.id for o in orgs], [v.id for v in venues])
        return p.id


def add_activities(
    s, programme_id: int, n: int, org_ids: list[int], venue_ids: list[int], *, start: int = 0, tag: str = ""
) -> list[int]:
    """Bulk-insert n activities, each with a host, an undertaker and a co-organiser."""
    if n <= 0:
        return []
    rows = []
    for i in range(start, start + n):
        d = date(2024, 4, 1) + timedelta(days=i % 240)
        rows.append(
            {
                "uid": new_uuid(),
                "programme_id": programme_id,
                "title": f"{tag}社区学习讲座第{i + 1}期",
                "activity_type": TYPES[i % len(TYPES)],
                "level": "municipal",  # a level of the format's code list (export refuses others)
                "start_date": d,
                "end_date": d,
                "start_time": time(9, 0),
                "end_time": time(11, 30),
                "mode": "offline",
                "city_code": CITIES[i % len(CITIES)],
                "venue_id": venue_ids[i % len(venue_ids)],
                "address": "",
                "online_url": "",
                "audiences": "elderly;community",
                "expected_participants": 100 + i,
                "status": "planned",
                "featured": i % 10 == 0,
                "contact_name": "李明",
                "contact_phone": "13800000000",
                "description": "面向社区居民的终身学习活动。",
                "version": 1,
            }
        )
    s.execute(insert(Activity), rows)
    ids = list(
        s.scalars(
            select(Activity.id)
            .where(Activity.title.like(f"{tag}社区学习讲座%"))
            .order_by(Activity.id.desc())
            .limit(n)
        )
    )
    links = []
    for k, aid in enumerate(ids):
        for role, off in (("host", 0), ("undertaker", 1), ("co_organiser", 2)):
            links.append(link_row(aid, role, 0, org_ids[(k + off) % len(org_ids)]))
    s.execute(insert(ActivityOrganisation), links)
    return ids


def counts(db) -> dict[str, int]:
    with db.read() as s:
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m))
            for m in (Programme, Activity, ActivityOrganisation, Organisation, Venue)
        }


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def table_dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a SQLite file (read-only), for before/after comparisons."""
    con = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    try:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def sound(path: Path) -> None:
    """Assert the file passes integrity_check and foreign_key_check."""
    con = sqlite3.connect(str(path))
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


_ = normalise_name  # re-exported for tests that bulk-insert organisations
