"""The demo's organisation and venue registers: named bodies plus a generated per-city and per-county set."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cache

from lifelong_desktop.services.demo.content import CitySpec, cities, place_names, programme_content
from lifelong_desktop.services.regions import regions

COUNTY_ROADS = (
    "人民路",
    "文化路",
    "建设大街",
    "解放路",
    "中心街",
    "新华路",
    "站前街",
    "胜利街",
    "府前路",
    "振兴大街",
)
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任"
)
GIVEN = (
    "丽",
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "霞",
    "平",
    "刚",
    "桂英",
    "建华",
    "文博",
    "晓燕",
    "海燕",
    "春梅",
    "志刚",
    "红",
    "鑫",
    "宏伟",
    "玉兰",
    "立新",
    "雪",
)
# Bodies every city has (name suffix after the city name, org type), by what they do in the programme.
CITY_BODIES = (
    ("教育局", "government"),
    ("总工会", "union"),
    ("民政局", "government"),
    ("文化旅游和广播电视局", "government"),
    ("农业农村局", "government"),
    ("人力资源和社会保障局", "government"),
    ("妇女联合会", "party"),
    ("残疾人联合会", "social_org"),
    ("退役军人事务局", "government"),
    ("融媒体中心", "media"),
    ("老年教育协会", "social_org"),
    ("社区教育指导中心", "other"),
)


@dataclass(frozen=True, slots=True)
class VenueSpec:
    """A venue of the register with what the generator needs: its level, tag and owning organisation."""

    name: str
    city: str
    county: str
    address: str
    venue_type: str
    capacity: int
    accessible: bool
    contact_name: str
    contact_phone: str
    tag: str  # library, museum, culture, ou, elderly, hall, square, enterprise, university, county_*, community
    owner: str | None  # name of the organisation running it
    level: str  # provincial, municipal, county, community


@dataclass
class Registers:
    """All organisations (name -> (org_type, region, contact, phone)) and venues of the demo, in creation order."""

    organisations: dict[str, tuple[str, str | None, str, str]] = field(default_factory=dict)
    venues: list[VenueSpec] = field(default_factory=list)
    by_city: dict[str, list[VenueSpec]] = field(default_factory=dict)
    by_tag: dict[tuple[str, str], list[VenueSpec]] = field(default_factory=dict)
    city_ou: dict[str, str] = field(default_factory=dict)
    enterprises: dict[str, list[str]] = field(default_factory=dict)

    def add_org(
        self, name: str, org_type: str, region: str | None, rng: random.Random, area: str = "024"
    ) -> str:
        if name not in self.organisations:
            self.organisations[name] = (org_type, region, person(rng), phone(rng, area))
        return name

    def add_venue(self, v: VenueSpec) -> None:
        self.venues.append(v)
        self.by_city.setdefault(v.city, []).append(v)
        self.by_tag.setdefault((v.city, v.tag), []).append(v)

    def venue(self, city: str, tags: str) -> VenueSpec | None:
        """The first venue of a city with one of the tags (`enterprise|ou`), the city's own before the province's."""
        for tag in tags.split("|"):
            found = self.by_tag.get((city, tag), [])
            own = [v for v in found if v.level != "provincial"]
            if own or found:
                return (own or found)[0]
        return None


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def phone(rng: random.Random, area: str) -> str:
    return f"{area}-{rng.randint(22000000, 89999999)}"


@cache
def county_label(code: str) -> str:
    """How a county-level body is named: districts with their city (沈阳市和平区), counties and cities alone."""
    reg = regions()
    name = reg.name(code)
    return reg.full_name(code) if name.endswith("区") else name


def _city_venues(reg: Registers, city: CitySpec, rng: random.Random) -> None:
    for ent_name, county in city.enterprises:
        kind = "social_org" if ent_name.endswith(("协会", "联合社")) else "enterprise"
        reg.add_org(ent_name, kind, county, rng, city.area)
        reg.enterprises.setdefault(city.code, []).append(ent_name)
    for v in city.venues:
        owner = v.get("owner")
        if v.get("org_type"):
            owner = reg.add_org(
                v["name"],
                v["org_type"],
                city.code if not v["name"].startswith("辽宁") else "210000",
                rng,
                city.area,
            )
        level = "provincial" if v["name"].startswith("辽宁") or v["tag"] == "ceremony" else "municipal"
        county_name = regions().name(v["county"])
        accessible = v["type"] in ("library", "museum", "cultural_centre", "government") or rng.random() < 0.5
        reg.add_venue(
            VenueSpec(
                v["name"],
                city.code,
                v["county"],
                f"{city.name}{county_name}{v['street']}",
                v["type"],
                v["capacity"],
                accessible,
                person(rng),
                phone(rng, city.area),
                v["tag"],
                owner,
                level,
            )
        )
        if v["tag"] == "ou" and level == "municipal":
            reg.city_ou[city.code] = v["name"]


def _county_venues(reg: Registers, city: CitySpec, county: str, rng: random.Random) -> None:
    label = county_label(county)
    raw = regions().name(county)
    district = raw.endswith("区")
    area = city.area

    def address() -> str:
        return f"{city.name}{raw}{rng.choice(COUNTY_ROADS)}{rng.randint(1, 299)}号"

    def add(name: str, vtype: str, cap: int, tag: str, owner: str | None, level: str) -> None:
        reg.add_venue(
            VenueSpec(
                name,
                city.code,
                county,
                address(),
                vtype,
                cap,
                rng.random() < 0.6,
                person(rng),
                phone(rng, area),
                tag,
                owner,
                level,
            )
        )

    reg.add_org(f"{label}教育局", "government", county, rng, area)
    for suffix, vtype, org_type, lo, hi in (
        ("图书馆", "library", "cultural", 150, 500),
        ("文化馆", "cultural_centre", "cultural", 200, 600),
    ):
        owner = reg.add_org(label + suffix, org_type, county, rng, area)
        add(label + suffix, vtype, rng.randrange(lo, hi, 10), "county_" + vtype, owner, "county")
    school = label + ("社区教育学院" if district else "职业教育中心")
    add(
        reg.add_org(school, "school", county, rng, area),
        "school",
        rng.randrange(150, 400, 10) if district else rng.randrange(300, 800, 10),
        "county_school",
        school,
        "county",
    )
    add(f"{label}文化广场", "outdoor", rng.randrange(2000, 5000, 100), "county_outdoor", None, "county")
    _community_venues(reg, add, label, county, district, rng, area)


def _community_venues(
    reg: Registers, add, label: str, county: str, district: bool, rng: random.Random, area: str
) -> None:
    """Two community learning centres (districts) or township adult schools (counties), with their owners."""
    names = place_names()
    pool = names["district_streets"] if district else names["rural_towns"]
    for place in rng.sample(pool, 2):
        comm = rng.choice(names["community_names"])
        if district:
            owner = reg.add_org(f"{label}{place}街道{comm}社区居民委员会", "community", county, rng, area)
            add(
                f"{label}{place}街道社区学习中心",
                "community_centre",
                rng.randrange(60, 200, 10),
                "community",
                owner,
                "community",
            )
        else:
            owner = reg.add_org(f"{label}{place}镇人民政府", "government", county, rng, area)
            add(
                f"{label}{place}镇成人文化技术学校",
                "community_centre",
                rng.randrange(50, 160, 10),
                "community",
                owner,
                "community",
            )


def build_registers() -> Registers:
    """The registers, identical on every run (their own fixed random stream, independent of --seed)."""
    rng = random.Random("LLW-demo-registers")
    reg = Registers()
    for name, org_type, region in programme_content()["organisations"]:
        reg.add_org(name, org_type, region, rng)
    for city in cities():
        for suffix, org_type in CITY_BODIES:
            reg.add_org(city.name + suffix, org_type, city.code, rng, city.area)
        reg.add_org(f"共青团{city.name}委员会", "party", city.code, rng, city.area)
        _city_venues(reg, city, rng)
        for county in regions().children(city.code):
            _county_venues(reg, city, county.code, rng)
    return reg
