"""Cross-field and cross-row rules of a workbook's tables: dates, times, modes, regions, ids, names, parents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lifelong_desktop.services import fields
from lifelong_desktop.services.regions import NATIONAL, regions
from lifelong_desktop.submission.reading.cells import Checker, RawTable, short
from lifelong_desktop.submission.values import normalised


class Scope:
    """Where the workbook's regions may lie."""

    def __init__(self, header: dict[str, Any]) -> None:
        self.reg = regions()
        self.code = header.get("region_code") or NATIONAL
        self.scope = header.get("scope") or self.reg.scope_of(self.code) or "national"
        region = self.reg.get(self.code)
        self.province = self.reg.province_of(self.code) if region else None
        self.prefecture = None
        self._memo: dict[tuple[str, str, str | None], str | None] = {}
        if region is not None and region.level == "county":
            self.prefecture = region.parent
        elif region is not None and region.level == "prefecture":
            self.prefecture = region.code

    def city_ok(self, code: str) -> str | None:
        """None when `code` may be an activity's or venue's city_code, else the finding code."""
        key = ("city", code, None)
        if key not in self._memo:
            self._memo[key] = self._city_ok(code)
        return self._memo[key]

    def county_ok(self, county: str, city: str | None) -> str | None:
        key = ("county", county, city)
        if key not in self._memo:
            self._memo[key] = self._county_ok(county, city)
        return self._memo[key]

    def _city_ok(self, code: str) -> str | None:
        region = self.reg.get(code)
        if region is None or region.level not in ("prefecture", "province"):
            return "unknown_region"
        if self.scope == "national":
            return None
        if self.scope == "province":
            return (
                None
                if code == self.code or (region.level == "prefecture" and region.parent == self.code)
                else "region_outside_scope"
            )
        return None if code == self.prefecture else "region_outside_scope"

    def _county_ok(self, county: str, city: str | None) -> str | None:
        region = self.reg.get(county)
        if region is None or region.level != "county":
            return "unknown_region"
        if self.scope == "county" and county != self.code:
            return "region_outside_scope"
        if city and not self.reg.is_inside(county, city):
            return "region_outside_scope"
        if not self.reg.is_inside(county, self.code):
            return "region_outside_scope"
        return None


def ordered(rule: Callable[..., None], *values: Any) -> bool:
    """Whether values keep an order rule of services/fields.py (date_order, time_order)."""
    try:
        rule(*values)
    except fields.FieldProblem:
        return False
    return True


_WHY_VENUE = "（线下及线上线下结合的活动）"
_WHY_ONLINE = "（线上及线上线下结合的活动）"


@dataclass(frozen=True, slots=True)
class _Where:
    """Where the findings of one activities table go: its sheet, cells by key and row, labels, the checker."""

    sheet: str
    at: Callable[[str, int], str]
    label: dict[str, str]
    check: Checker

    def error(
        self, code: str, key: str, i: int, label: str | None = None, cell: str = "", **params: Any
    ) -> None:
        self.check.error(code, self.sheet, cell or self.at(key, i), key, label or self.label[key], **params)

    def warning(self, code: str, key: str, i: int, **params: Any) -> None:
        self.check.warning(code, self.sheet, self.at(key, i), key, self.label[key], **params)


def activity_rules(
    rows: list[dict[str, Any]],
    bad_keys: list[set[str]],
    raw: RawTable,
    scope: Scope,
    orgs: set[str],
    venues: set[tuple[str, str | None]],  # (name, city_code) of the venues sheet, a blank city as None
    check: Checker,
) -> None:
    # every row holds every key of the table (cells.typed_rows): looked up by subscript, the cheapest way
    letters, numbers = raw.letters, raw.numbers

    def at(key: str, i: int) -> str:
        return f"{letters[key]}{numbers[i]}" if key in letters else ""

    where = _Where(raw.table.sheet, at, {c.key: c.label for c in raw.table.columns}, check)
    ids: dict[str, int] = {}
    unknown_of: dict[tuple[str, ...], list[str]] = {}
    for i, row in enumerate(rows):
        bad = bad_keys[i]
        _time_rules(where, i, row)
        _mode_rules(where, i, row, bad)
        _region_rules(where, i, row, bad, scope)
        if row["actual_participants"] is not None and row["status"] and row["status"] != "held":
            where.warning("actual_before_held", "actual_participants", i)
        uid = row["activity_id"]
        if uid and uid in ids:
            where.error("duplicate_id", "activity_id", i, value=uid, first=numbers[ids[uid]])
        elif uid:
            ids[uid] = i
        _register_rules(where, i, row, orgs, venues, unknown_of)
    _parent_rules(rows, ids, where.sheet, at, where.label["parent_id"], check)


def _time_rules(where: _Where, i: int, row: dict[str, Any]) -> None:
    """A time range read into start and end; the end date not before the start, the end time after it."""
    st = row["start_time"]
    if isinstance(st, tuple):
        row["start_time"], range_end = st
        if row["end_time"] is None:
            row["end_time"] = range_end
    sd, ed = row["start_date"], row["end_date"]
    if not ordered(fields.date_order, sd, ed):
        where.error("date_order", "end_date", i)
    if not ordered(fields.time_order, sd, ed, row["start_time"], row["end_time"]):
        where.error("time_order", "end_time", i, cell=where.at("end_time", i) or where.at("start_time", i))


def _mode_rules(where: _Where, i: int, row: dict[str, Any], bad: set[str]) -> None:
    """On-site activities need a venue, online ones a link."""
    mode = row["mode"]
    if mode and mode != "online" and not row["venue"] and "venue" not in bad:
        where.error("required", "venue", i, where.label["venue"] + _WHY_VENUE, mode=mode)
    if mode and mode != "offline" and not row["online_url"] and "online_url" not in bad:
        where.error("required", "online_url", i, where.label["online_url"] + _WHY_ONLINE, mode=mode)


def _region_rules(where: _Where, i: int, row: dict[str, Any], bad: set[str], scope: Scope) -> None:
    """City and county inside the workbook's scope; a county workbook names the county on every row."""
    city = row["city_code"]
    if city and (problem := scope.city_ok(city)):
        where.error(problem, "city_code", i, value=city)
    county = row["county_code"]
    if county:
        if problem := scope.county_ok(county, city):
            where.error(problem, "county_code", i, value=county)
    elif scope.scope == "county" and "county_code" not in bad:
        where.error("required", "county_code", i)


def _register_rules(
    where: _Where,
    i: int,
    row: dict[str, Any],
    orgs: set[str],
    venues: set[tuple[str, str | None]],
    unknown_of: dict[tuple[str, ...], list[str]],
) -> None:
    """Organisers and the venue named on the row should be registered on their sheets.

    unknown_of: the unregistered names of each tuple of names seen so far (the same organisers repeat on
    thousands of rows; `orgs` does not change while the rows are checked)."""
    for key in ("hosts", "undertakers", "co_organisers"):
        names = row[key]
        if not names:
            continue
        unknown = unknown_of.get(names)
        if unknown is None:
            unknown = unknown_of[names] = [n for n in names if normalised(n) not in orgs]
        if unknown:
            where.warning("unknown_organisation", key, i, names="；".join(unknown))
    venue, city = row["venue"], row["city_code"]
    if venue and city and (normalised(venue), city) not in venues:
        where.warning("unknown_venue", "venue", i, value=short(venue))


def _parent_rules(
    rows: list[dict[str, Any]],
    ids: dict[str, int],
    sheet: str,
    at: Callable[[str, int], str],
    label: str,
    check: Checker,
) -> None:
    parent_of = {row["activity_id"]: row["parent_id"] for row in rows if row["activity_id"]}
    for i, row in enumerate(rows):
        parent = row["parent_id"]
        if not parent:
            continue
        if parent not in ids or parent == row["activity_id"]:
            check.error("unknown_parent", sheet, at("parent_id", i), "parent_id", label, value=parent)
            row["parent_id"] = None
            continue
        seen, cursor = {row["activity_id"]}, parent
        while cursor:
            if cursor in seen:
                check.error("unknown_parent", sheet, at("parent_id", i), "parent_id", label, value=parent)
                row["parent_id"] = None
                break
            seen.add(cursor)
            cursor = parent_of.get(cursor)


def register_rules(rows: list[dict[str, Any]], raw: RawTable, scope: Scope, check: Checker) -> None:
    """Unique organisation names, unique venue (name, city), venue cities inside the workbook's region."""
    sheet, letters, numbers = raw.table.sheet, raw.letters, raw.numbers
    seen: dict[Any, int] = {}
    venues = raw.table.id == "venues"
    for i, row in enumerate(rows):
        name = row.get("name")
        if not name:
            continue
        city = row.get("city_code")
        ident: Any = (normalised(name), city) if venues else normalised(name)
        cell = f"{letters.get('name', '')}{numbers[i]}" if "name" in letters else ""
        if ident in seen:
            check.error(
                "duplicate_name",
                sheet,
                cell,
                "name",
                raw.table.column("name").label,
                value=short(name),
                first=numbers[seen[ident]],
            )
        else:
            seen[ident] = i
        if venues and city:
            problem = scope.city_ok(city)
            if problem:
                check.error(
                    problem,
                    sheet,
                    f"{letters['city_code']}{numbers[i]}",
                    "city_code",
                    raw.table.column("city_code").label,
                    value=city,
                )
        if venues and row.get("county_code"):
            region = scope.reg.get(row["county_code"])
            if (
                region is None
                or region.level != "county"
                or (city and not scope.reg.is_inside(region.code, city))
            ):
                check.error(
                    "region_outside_scope" if region else "unknown_region",
                    sheet,
                    f"{letters['county_code']}{numbers[i]}",
                    "county_code",
                    raw.table.column("county_code").label,
                    value=row["county_code"],
                )
