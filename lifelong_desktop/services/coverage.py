"""Where the plan reaches: activities planned and held, participants and target groups per city and county.

For a province the areas are its cities and their counties; for a city, the city and its counties; for the
nation, the provinces and their cities. An activity counts for its city, and for its county when it names
one (an activity of the city as a whole, 市本级, counts for the city only). Cancelled activities are counted
apart: `planned` is every activity that is not cancelled, `held` those reported held. The figures add up:
the cities' `planned` sum to the programme's (with an "unplaced" area for activities whose city lies outside
the programme's region or is missing), and a city's counties plus its city-level activities give the city's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, Programme
from lifelong_desktop.services.regions import NATIONAL, Region, regions

UNPLACED = ""  # the area code of activities whose city is not one of the programme's areas


@dataclass(slots=True)
class AreaCoverage:
    """One city or county (or the unplaced area): its counts, participants and the target groups reached."""

    code: str
    name: str
    parent: str  # the city of a county; "" for a city
    planned: int = 0  # activities not cancelled
    held: int = 0
    cancelled: int = 0
    expected: int = 0
    actual: int = 0
    online: int = 0
    audiences: set[str] = field(
        default_factory=set
    )  # keys of code list `audience`, of activities not cancelled
    counties: list[AreaCoverage] = field(default_factory=list)  # a city's, in code order

    def add(
        self,
        status: str,
        audiences: list[str],
        n: int,
        expected: int | None,
        actual: int | None,
        online: int | None,
    ) -> None:
        """Count `n` activities of one status and audience list, with their participant sums."""
        if status == "cancelled":
            self.cancelled += n
            return
        self.planned += n
        self.held += n if status == "held" else 0
        self.expected += expected or 0
        self.actual += actual or 0
        self.online += online or 0
        self.audiences.update(audiences)

    def as_dict(self) -> dict:
        out = {
            "code": self.code,
            "name": self.name,
            "planned": self.planned,
            "held": self.held,
            "cancelled": self.cancelled,
            "expected_participants": self.expected,
            "actual_participants": self.actual,
            "online_participants": self.online,
            "audiences": sorted(self.audiences),
        }
        if not self.parent:
            out["counties"] = [c.as_dict() for c in self.counties]
        return out


@dataclass(slots=True)
class Coverage:
    """A programme's coverage: its areas (cities with their counties), the gaps first, and the totals."""

    region_code: str
    region_name: str
    year: int
    cities: list[AreaCoverage]
    total: AreaCoverage
    unplaced: AreaCoverage  # activities whose city is not one of the areas (or is missing)
    audience_keys: tuple[str, ...]  # the format's code list, in its order

    @property
    def counties_without_activity(self) -> list[AreaCoverage]:
        return [c for city in self.cities for c in city.counties if not c.planned]

    @property
    def cities_without_activity(self) -> list[AreaCoverage]:
        return [c for c in self.cities if not c.planned]

    @property
    def audiences_not_served(self) -> list[str]:
        """Target groups that no activity (not cancelled) is meant for, in the format's order (其他 is no group)."""
        return [k for k in self.audience_keys if k not in self.total.audiences and k != "other"]

    def audiences_missing_in(self, area: AreaCoverage) -> list[str]:
        return [k for k in self.audience_keys if k not in area.audiences]

    def as_dict(self) -> dict:
        return {
            "region_code": self.region_code,
            "region_name": self.region_name,
            "year": self.year,
            "gaps": {
                "cities_without_activity": [
                    {"code": c.code, "name": c.name} for c in self.cities_without_activity
                ],
                "counties_without_activity": [
                    {"code": c.code, "name": c.name, "city_code": c.parent}
                    for c in self.counties_without_activity
                ],
                "audiences_not_served": self.audiences_not_served,
            },
            "totals": self.total.as_dict() | {"counties": None},
            "cities": [c.as_dict() for c in self.cities],
            "unplaced": self.unplaced.as_dict() | {"counties": None},
        }


def _areas(region_code: str) -> list[tuple[Region, list[Region]]]:
    """The areas of a programme's region: (area, its sub-areas), both levels in code order."""
    reg = regions()
    if region_code == NATIONAL:
        top = [r for r in reg.children(NATIONAL) if r.level == "province"]
        below = "prefecture"
    else:
        region = reg.get(region_code)
        if region is None:
            return []
        top = reg.cities_of(region_code) if region.level == "province" else [region]
        below = "county"
    return [
        (area, sorted(reg.descendants(area.code, below), key=lambda r: r.code))
        for area in sorted(top, key=lambda r: r.code)
    ]


def coverage(session: Session, programme_id: int, audience_keys: tuple[str, ...]) -> Coverage:
    """The coverage of one programme (one grouped query over its activities)."""
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise LookupError(programme_id)
    reg = regions()
    national = programme.region_code == NATIONAL
    cities: dict[str, AreaCoverage] = {}
    places: dict[str, AreaCoverage] = {}  # every sub-area by code
    for area, subs in _areas(programme.region_code):
        top_area = cities[area.code] = AreaCoverage(area.code, area.name, "")
        for sub in subs:
            sub_area = places[sub.code] = AreaCoverage(
                sub.code, reg.full_name(sub.code) if not national else sub.name, area.code
            )
            top_area.counties.append(sub_area)
    total = AreaCoverage("", programme.region_name or reg.name(programme.region_code), "")
    unplaced = AreaCoverage(UNPLACED, "", "")
    # grouped in SQL: a few thousand groups instead of 50,000 rows
    stmt = (
        select(
            Activity.city_code,
            Activity.county_code,
            Activity.status,
            Activity.audiences,
            func.count(),
            func.sum(Activity.expected_participants),
            func.sum(Activity.actual_participants),
            func.sum(Activity.online_participants),
        )
        .where(Activity.programme_id == programme_id)
        .group_by(Activity.city_code, Activity.county_code, Activity.status, Activity.audiences)
    )
    for city_code, county_code, status, audiences, n, expected, actual, online in session.execute(stmt):
        keys = [a for a in (audiences or "").split(";") if a]
        if national:  # the nation's areas are provinces: an activity's city is a sub-area
            county_code, city_code = city_code, reg.province_of(city_code or "") or city_code
        values = (status, keys, n, expected, actual, online)
        total.add(*values)
        city = cities.get(city_code or "")
        (city or unplaced).add(*values)
        county = places.get(county_code or "") if city is not None else None
        if county is not None and county.parent == city_code:
            county.add(*values)
    return Coverage(
        programme.region_code,
        total.name,
        programme.year,
        list(cities.values()),
        total,
        unplaced,
        audience_keys,
    )
