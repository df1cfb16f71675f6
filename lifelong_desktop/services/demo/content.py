"""The demo's static content (resources/demo/*.json) as typed values: programme, cities, title parts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from typing import Any

from lifelong_desktop.paths import resource

PROVINCE = "210000"
NAMESPACE = "LLW-demo:210000:2024"


@dataclass(frozen=True, slots=True)
class CitySpec:
    """One prefecture-level city of the demo: names, phone area code, roads, named venues, enterprises."""

    index: int
    code: str
    name: str  # 沈阳市
    short: str  # 沈阳
    area: str  # 024
    brand: str
    roads: tuple[str, ...]
    venues: tuple[dict[str, Any], ...]
    enterprises: tuple[tuple[str, str], ...]


@cache
def _load(name: str) -> dict[str, Any]:
    with resource("demo", name).open(encoding="utf-8") as fh:
        return json.load(fh)


def programme_content() -> dict[str, Any]:
    """The hand-written programme: header, national and provincial bodies, ceremony, activities, templates."""
    return _load("liaoning_2024.json")


def parts() -> dict[str, Any]:
    """Title parts, topics and weights from which padded activities are composed."""
    return _load("parts.json")


@cache
def cities() -> tuple[CitySpec, ...]:
    """The 14 cities in code order, checked against the shipped region list."""
    from lifelong_desktop.services.regions import regions

    reg = regions()
    data = _load("cities.json")["cities"]
    expected = [r.code for r in reg.cities_of(PROVINCE)]
    if [c["code"] for c in data] != expected:
        raise ValueError("resources/demo/cities.json does not list the cities of Liaoning in code order")
    return tuple(
        CitySpec(
            i,
            c["code"],
            reg.name(c["code"]),
            c["short"],
            c["area"],
            c["brand"],
            tuple(c["roads"]),
            tuple(c["venues"]),
            tuple((n, county) for n, county in c["enterprises"]),
        )
        for i, c in enumerate(data)
    )


def place_names() -> dict[str, tuple[str, ...]]:
    """Generic street, town and community name parts for generated venues and communities."""
    data = _load("cities.json")
    return {k: tuple(data[k]) for k in ("district_streets", "rural_towns", "community_names")}


def parse_date(text: str) -> date:
    return date.fromisoformat(text)


def parse_times(text: str | None) -> tuple[time | None, time | None]:
    """`09:30-11:00` as two times; None for an all-day activity."""
    if not text:
        return None, None
    start, end = text.split("-")
    return time.fromisoformat(start), time.fromisoformat(end)
