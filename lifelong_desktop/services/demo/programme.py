"""The hand-shaped Liaoning 2024 programme: the national opening, provincial events, city templates, weekly brands."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from lifelong_desktop.services.demo.content import (
    CitySpec,
    cities,
    parse_date,
    parse_times,
    programme_content,
)
from lifelong_desktop.services.demo.registers import Registers, VenueSpec, county_label
from lifelong_desktop.services.demo.schedule import (
    WINDOW_END,
    Booking,
    Spec,
    demo_uuid,
    fit_expected,
    participants,
    slot_mask,
    touches_special,
)
from lifelong_desktop.services.regions import regions


class DemoContentError(ValueError):
    """The shipped demo content refers to something the registers do not hold (a packaging fault)."""


def _venue_named(reg: Registers, name: str, city: str) -> VenueSpec:
    for v in reg.by_city.get(city, []):
        if v.name == name:
            return v
    raise DemoContentError(f"demo venue {name} ({city}) is not in the register")


def _check_orgs(reg: Registers, spec: Spec) -> None:
    for name in spec.hosts + spec.undertakers + spec.co_organisers:
        if name not in reg.organisations:
            raise DemoContentError(f"demo organisation {name} of {spec.key} is not in the register")


def _contact(reg: Registers, spec: Spec) -> None:
    if spec.contact_name:
        return
    body = (spec.undertakers or spec.hosts)[0]
    _type, _region, spec.contact_name, spec.contact_phone = reg.organisations[body]


def _place(booking: Booking, spec: Spec, first: date, last: date) -> None:
    """Move a spec forward day by day (wrapping inside first..last) until its venue is free, then book it."""
    length = (spec.end_date - spec.start_date).days
    mask = slot_mask(spec.start_time, spec.end_time)
    span = max(1, (last - first).days + 1)
    offset = (spec.start_date - first).days
    for step in range(span):
        start = first + timedelta(days=(offset + step) % span)
        end = start + timedelta(days=length)
        if (
            end <= WINDOW_END
            and not touches_special(start, end)
            and booking.free(spec.venue, start, end, mask)
        ):
            spec.start_date, spec.end_date = start, start + timedelta(days=length)
            break
    booking.book(spec.venue, spec.start_date, spec.end_date, mask)


def _from_entry(reg: Registers, e: dict[str, Any]) -> Spec:
    """A hand-written activity (the ceremony or a provincial event) as a spec."""
    start_t, end_t = parse_times(e.get("time"))
    venue = _venue_named(reg, e["venue"], e["city"]) if e.get("venue") else None
    county = e.get("county") or (venue.county if venue else None)
    start = parse_date(e["date"])
    return Spec(
        key=e["key"],
        title=e["title"],
        activity_type=e["type"],
        level=e["level"],
        start_date=start,
        end_date=parse_date(e["end"]) if e.get("end") else start,
        start_time=start_t,
        end_time=end_t,
        mode=e["mode"],
        city_code=e["city"],
        county_code=county,
        venue=venue,
        online_url=e.get("url", ""),
        hosts=tuple(e["hosts"]),
        undertakers=tuple(e.get("undertakers", ())),
        co_organisers=tuple(e.get("co_organisers", ())),
        audiences=tuple(e["audiences"]),
        expected=e["expected"],
        status=e.get("status", "held"),
        actual=e.get("actual"),
        online=e.get("online"),
        featured=bool(e.get("featured")),
        description=e.get("description", ""),
        uid=demo_uuid("base:" + e["key"]),
        contact_name=(e.get("contact") or ["", ""])[0],
        contact_phone=(e.get("contact") or ["", ""])[1],
    )


def _template_venue(reg: Registers, city: CitySpec, tag: str) -> tuple[VenueSpec, str]:
    """The venue a city template uses, and the county it is in."""
    counties = regions().children(city.code)
    if tag in ("rural_school", "district_culture"):
        district = tag == "district_culture"
        pool = [c.code for c in counties if c.name.endswith("区") == district]
        county = pool[city.index % len(pool)]
        wanted = "county_school" if not district else "county_cultural_centre"
        school = next(v for v in reg.by_tag[(city.code, wanted)] if v.county == county)
        return school, county
    venue = reg.venue(city.code, tag)
    if venue is None:
        raise DemoContentError(f"no {tag} venue in {city.code}")
    return venue, venue.county


def _fill(text: str, values: dict[str, str]) -> str:
    for k, v in values.items():
        text = text.replace("{" + k + "}", v)
    return text


def _from_template(reg: Registers, booking: Booking, city: CitySpec, t: dict[str, Any], status: str) -> Spec:
    venue, county = _template_venue(reg, city, t["venue"])
    values = {
        "city": city.name,
        "short": city.short,
        "venue_name": venue.name,
        "venue_owner": venue.owner or "",
        "city_ou": reg.city_ou[city.code],
        "enterprise": reg.enterprises[city.code][0],
        "county": county_label(county),
        "county_org": county_label(county),
    }
    first = parse_date(t["from"])
    start = first + timedelta(days=(city.index * 5) % t["spread"])
    days = t.get("days", 1)
    start_t, end_t = parse_times(t["time"])
    names = [tuple(_fill(n, values) for n in t[role]) for role in ("hosts", "undertakers", "co_organisers")]
    spec = Spec(
        key=f"{t['key']}:{city.code}",
        title=_fill(t["title"], values),
        activity_type=t["type"],
        level=t["level"],
        start_date=start,
        end_date=start + timedelta(days=days - 1),
        start_time=start_t,
        end_time=end_t,
        mode=t["mode"],
        city_code=city.code,
        county_code=county,
        venue=venue,
        online_url=_fill(t.get("url", ""), values),
        hosts=names[0],
        undertakers=names[1],
        co_organisers=names[2],
        audiences=tuple(t["audiences"]),
        expected=fit_expected(t["expected"], venue, t["mode"]),
        status=status,
        description=_fill(t["description"], values),
        parent_key=t.get("parent"),
        uid=demo_uuid(f"base:{t['key']}:{city.code}"),
    )
    _place(booking, spec, first, first + timedelta(days=t["spread"] + 30))
    return spec


def _weekly(reg: Registers, booking: Booking, w: dict[str, Any]) -> list[Spec]:
    out = []
    day, last, n = parse_date(w["first"]), parse_date(w["last"]), 0
    start_t, end_t = parse_times(w["time"])
    all_cities = cities()
    while day <= last:
        city = all_cities[n % len(all_cities)]
        venue = reg.venue(city.code, "library" if (n // len(all_cities)) % 2 == 0 else "ou")
        assert venue is not None
        topic = w["topics"][n % len(w["topics"])]
        spec = Spec(
            key=f"weekly:{n + 1}",
            title=_fill(w["title"], {"brand": city.brand, "topic": topic}),
            activity_type="lecture",
            level="municipal",
            start_date=day,
            end_date=day,
            start_time=start_t,
            end_time=end_t,
            mode=w["mode"],
            city_code=city.code,
            county_code=venue.county,
            venue=venue,
            online_url=w["url"],
            hosts=(city.name + "教育局",),
            undertakers=(venue.owner or city.name + "教育局",),
            co_organisers=(city.name + "融媒体中心",),
            audiences=("public", "community"),
            expected=fit_expected(w["expected"], venue, w["mode"]),
            featured=True,
            description=_fill(w["description"], {"city": city.name}),
            uid=demo_uuid(f"base:weekly:{n + 1}"),
        )
        _place(booking, spec, day, day + timedelta(days=1))
        out.append(spec)
        day += timedelta(days=7)
        n += 1
    return out


def build_base(reg: Registers, booking: Booking) -> list[Spec]:
    """The hand-shaped programme (the same on every run): about 175 complete, valid activities."""
    content = programme_content()
    rng = random.Random("LLW-demo-base")
    specs = [_from_entry(reg, content["ceremony"])] + [_from_entry(reg, e) for e in content["activities"]]
    for s in specs:
        booking.book(s.venue, s.start_date, s.end_date, slot_mask(s.start_time, s.end_time))
    statuses = {(t, c): s for t, c, s in content["template_status"]}
    for t in content["city_templates"]:
        for city in cities():
            if city.code not in t.get("skip", ()):
                specs.append(
                    _from_template(reg, booking, city, t, statuses.get((t["key"], city.code), "held"))
                )
    specs += _weekly(reg, booking, content["weekly"])
    for s in specs:
        _check_orgs(reg, s)
        _contact(reg, s)
        participants(s, rng)
    return specs
