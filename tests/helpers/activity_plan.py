"""The Activities tests' programme: a Liaoning 2024 programme with registers and `n` activities in five cities."""

from __future__ import annotations

from datetime import date, time

from lifelong_desktop.models import Organisation, Venue
from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import ActivityInput
from lifelong_desktop.services.programmes import create_programme

CITIES = {"210100": "沈阳市", "210200": "大连市", "210300": "鞍山市", "210500": "本溪市", "211300": "朝阳市"}


def make_plan(db, n: int = 10) -> dict:
    """A Liaoning 2024 programme with organisations, venues and `n` activities across five cities."""
    with db.transaction("setup") as s:
        prog = create_programme(
            s,
            region_code="210000",
            year=2024,
            week_start=date(2024, 10, 26),
            week_end=date(2024, 11, 1),
            submitting_unit="辽宁省教育厅",
            contact_name="王老师",
            contact_phone="024-86891234",
        )
        orgs = [
            Organisation(name=name, org_type="government")
            for name in ("辽宁省教育厅", "沈阳开放大学", "大连市图书馆", "鞍山市总工会")
        ]
        venues = [
            Venue(name=f"{city}图书馆", city_code=code, address=f"{city}中山路1号")
            for code, city in CITIES.items()
        ]
        s.add_all([*orgs, *venues])
        s.flush()
        ids = []
        codes = list(CITIES)
        types = ["lecture", "reading", "open_day", "training"]
        statuses = ["planned", "confirmed", "held", "cancelled"]
        for i in range(n):
            code = codes[i % len(codes)]
            data = ActivityInput(
                title=f"{CITIES[code]}终身学习活动{i:03d}",
                start_date=date(2024, 10, 20 + i % 10),
                end_date=date(2024, 10, 20 + i % 10),
                start_time=time(9, 0),
                end_time=time(11, 0),
                activity_type=types[i % 4],
                level="municipal",
                mode="offline",
                city_code=code,
                venue_id=venues[i % len(venues)].id,
                host_ids=(orgs[i % 4].id,),
                undertaker_ids=(orgs[(i + 1) % 4].id,),
                status=statuses[i % 4],
                expected_participants=100 + i,
                audiences=("public",),
            )
            ids.append(planning.create_activity(s, prog.id, data))
        return {
            "programme": prog.id,
            "orgs": [o.id for o in orgs],
            "venues": [v.id for v in venues],
            "ids": ids,
        }
