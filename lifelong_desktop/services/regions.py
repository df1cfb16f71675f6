"""The GB/T 2260 region list shipped in resources/regions: codes, names, levels and parents."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from lifelong_desktop.paths import resource

NATIONAL = "000000"
LEVELS = ("province", "prefecture", "county")
SCOPE_OF_LEVEL = {"province": "province", "prefecture": "city", "county": "county"}


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: str  # province, prefecture, county
    parent: str  # "" for provinces

    @property
    def label(self) -> str:
        """`code name`, as the template drop-downs show it."""
        return f"{self.code} {self.name}"


class RegionList:
    """Lookups over the shipped list: by code, children, ancestors, names inside a scope."""

    def __init__(self, regions: list[Region]) -> None:
        self.by_code = {r.code: r for r in regions}
        self._children: dict[str, list[Region]] = {}
        for r in regions:
            self._children.setdefault(r.parent or NATIONAL, []).append(r)

    def get(self, code: str | None) -> Region | None:
        return self.by_code.get(code or "")

    def name(self, code: str | None) -> str:
        if code == NATIONAL:
            return "全国"
        r = self.get(code)
        return r.name if r else ""

    def full_name(self, code: str | None) -> str:
        """The name with its prefecture for a county (`沈阳市和平区`), the plain name otherwise."""
        r = self.get(code)
        if r is None:
            return self.name(code)
        if r.level == "county":
            parent = self.get(r.parent)
            if parent and parent.name not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                return parent.name + r.name
        return r.name

    def children(self, code: str) -> list[Region]:
        return list(self._children.get(code, []))

    def ancestors(self, code: str) -> list[str]:
        """Codes of the parents of a region, nearest first."""
        out: list[str] = []
        r = self.get(code)
        while r is not None and r.parent:
            out.append(r.parent)
            r = self.get(r.parent)
        return out

    def province_of(self, code: str) -> str | None:
        r = self.get(code)
        while r is not None and r.parent:
            r = self.get(r.parent)
        return r.code if r else None

    def is_inside(self, code: str, scope_code: str) -> bool:
        """True when `code` is the scope's region itself or lies below it (any code lies inside 000000)."""
        if scope_code == NATIONAL:
            return code == NATIONAL or code in self.by_code
        return code == scope_code or scope_code in self.ancestors(code)

    def scope_of(self, code: str) -> str | None:
        """The submission scope that a region's level implies (210100 gives city)."""
        if code == NATIONAL:
            return "national"
        r = self.get(code)
        return SCOPE_OF_LEVEL.get(r.level) if r else None

    def descendants(self, code: str, level: str | None = None) -> list[Region]:
        out: list[Region] = []
        stack = list(reversed(self.children(code)))
        while stack:
            r = stack.pop()
            if level is None or r.level == level:
                out.append(r)
            stack.extend(reversed(self.children(r.code)))
        return out

    def cities_of(self, province_code: str) -> list[Region]:
        """The prefecture-level regions of a province, by code."""
        return sorted(self.descendants(province_code, "prefecture"), key=lambda r: r.code)

    def find_by_name(self, name: str, inside: str = NATIONAL, level: str | None = None) -> list[Region]:
        """Regions with that exact name (or full name) inside a scope."""
        name = name.strip()
        hits = [
            r
            for r in (self.descendants(inside) + ([self.by_code[inside]] if inside in self.by_code else []))
            if (r.name == name or self.full_name(r.code) == name) and (level is None or r.level == level)
        ]
        return hits


@cache
def regions() -> RegionList:
    """The shipped region list, loaded once."""
    path = resource("regions", "regions.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [Region(r["code"], r["name"], r["level"], r.get("parent") or "") for r in csv.DictReader(fh)]
    return RegionList(rows)
