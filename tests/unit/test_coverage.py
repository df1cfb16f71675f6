"""Coverage per city and county: counts that add up, the gaps found, the command's text and JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest

from lifelong_desktop.cli import main
from lifelong_desktop.commands.coverage import audience_keys
from lifelong_desktop.db import open_database
from lifelong_desktop.services.coverage import coverage
from lifelong_desktop.services.planning import ActivityInput, create_activity
from lifelong_desktop.services.programmes import create_programme
from lifelong_desktop.services.registers import create_organisation

NANJING, WUXI = "320100", "320200"


pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.fixture
def jiangsu(db_path):
    """Jiangsu 2025 with five activities: Nanjing city-level, two in 玄武区 (one cancelled), one in Wuxi's 锡山区
    held, one in a city outside the province."""
    db = open_database(db_path, create=True)
    with db.transaction("test") as s:
        p = create_programme(s, region_code="320000", year=2025, theme="学习")
        host = create_organisation(s, {"name": "江苏省教育厅", "org_type": "government"}).id

        def act(title, city, county=None, status="planned", audiences=("public",), actual=None, online=None):
            create_activity(
                s,
                p.id,
                ActivityInput(
                    title=title,
                    start_date=date(2025, 5, 12),
                    end_date=date(2025, 5, 12),
                    city_code=city,
                    county_code=county,
                    activity_type="lecture",
                    level="municipal",
                    status=status,
                    audiences=audiences,
                    actual_participants=actual,
                    online_participants=online,
                    host_ids=(host,),
                ),
            )

        act("南京市读书节", NANJING, audiences=("public", "youth"))
        act("玄武区老年讲座", NANJING, "320102", audiences=("elderly",), actual=80)
        act("玄武区取消的活动", NANJING, "320102", status="cancelled", audiences=("farmers",))
        act("锡山区职工培训", WUXI, "320205", status="held", audiences=("workers",), actual=120, online=300)
        act("外省活动", "210100")
        programme_id = p.id
    yield db, programme_id
    db.close()


def test_counts_add_up_and_the_gaps_are_found(jiangsu):
    db, programme_id = jiangsu
    with db.read() as s:
        cov = coverage(s, programme_id, audience_keys())
    cities = {c.code: c for c in cov.cities}
    assert len(cities) == 13  # every city of Jiangsu, those without activity too
    nanjing, wuxi = cities[NANJING], cities[WUXI]
    assert (nanjing.planned, nanjing.held, nanjing.cancelled, nanjing.actual) == (2, 0, 1, 80)
    assert (wuxi.planned, wuxi.held, wuxi.actual, wuxi.online) == (1, 1, 120, 300)
    xuanwu = next(c for c in nanjing.counties if c.code == "320102")
    assert (xuanwu.planned, xuanwu.cancelled, xuanwu.audiences) == (1, 1, {"elderly"})
    assert nanjing.audiences == {"public", "youth", "elderly"}  # a cancelled activity reaches nobody
    assert (cov.unplaced.planned, cov.total.planned, cov.total.cancelled) == (1, 4, 1)
    assert sum(c.planned for c in cov.cities) + cov.unplaced.planned == cov.total.planned
    for city in cov.cities:  # a city's counties never count more than the city
        assert sum(c.planned for c in city.counties) <= city.planned
    gaps = {c.code for c in cov.counties_without_activity}
    assert "320102" not in gaps and "320205" not in gaps and "320111" in gaps
    assert {c.code for c in cov.cities_without_activity} == set(cities) - {NANJING, WUXI}
    assert "farmers" in cov.audiences_not_served and "workers" not in cov.audiences_not_served
    assert "other" not in cov.audiences_not_served  # 其他 is no group to serve


def test_the_command_lists_the_gaps_first_and_its_json_adds_up(jiangsu, capsys):
    db, _ = jiangsu
    path = str(db.url or db.path)
    assert main(["coverage", "--db", path]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "江苏省2025年全民终身学习活动周覆盖情况"
    assert lines[1].startswith("没有任何活动的地区：")
    first_area_line = next(i for i, line in enumerate(lines) if line.startswith("320100 南京市："))
    assert lines.index("  320111 南京市浦口区") < first_area_line
    assert "320102 南京市玄武区：计划活动 1 项，已举办 0 项，现场参与 80 人次" in "\n".join(lines)
    assert main(["coverage", "--db", path, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (
        data["totals"]["planned"] == sum(c["planned"] for c in data["cities"]) + data["unplaced"]["planned"]
    )
    assert {"code": "320111", "name": "南京市浦口区", "city_code": NANJING} in data["gaps"][
        "counties_without_activity"
    ]
    assert "farmers" in data["gaps"]["audiences_not_served"]


def test_the_demo_covers_every_city_of_liaoning_and_adds_up(db_path, capsys):
    path = str(db_path)
    assert main(["demo", "--db", path]) == 0
    capsys.readouterr()
    assert main(["coverage", "--db", path, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["cities"]) == 14 and all(c["planned"] > 0 for c in data["cities"])
    total = data["totals"]
    assert total["planned"] + total["cancelled"] == 178
    assert total["planned"] == sum(c["planned"] for c in data["cities"]) + data["unplaced"]["planned"]
    for city in data["cities"]:
        assert sum(c["planned"] for c in city["counties"]) <= city["planned"]
