"""Cross-field and cross-row rules of a workbook's tables: dates, times, modes, regions, ids, names, parents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lifelong_desktop.services import fields
from lifelong_desktop.services.regions import NATIONAL, regions
from lifelong_desktop.submission.reading.cells import Checker, RawTable, Typed, short
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
    typed: Typed,
    raw: RawTable,
    scope: Scope,
    orgs: set[str],
    venues: set[tuple[str, str | None]],  # (name, city_code) of the venues sheet, a blank city as None
    check: Checker,
) -> None:
    """The rules of each activity row and between rows, column by column: each rule looks at each distinct
    combination of its values once and names the rows that break it; the findings are then given row by row in
    the order of the rules, as a walk over the rows would give them. A time range is split into start and end
    (typed.columns changed), an unknown parent cleared."""
    letters, numbers = raw.letters, raw.numbers

    def at(key: str, i: int) -> str:
        return f"{letters[key]}{numbers[i]}" if key in letters else ""

    where = _Where(raw.table.sheet, at, {c.key: c.label for c in raw.table.columns}, check)
    found: list[_Found] = []
    _time_rules(where, typed, found)
    _mode_rules(where, typed, found)
    _region_rules(where, typed, scope, found)
    actual, status = typed.column("actual_participants"), typed.column("status")
    for i in [
        i for i, (a, s) in enumerate(zip(actual, status, strict=True)) if a is not None and s and s != "held"
    ]:
        found.append((i, 6, where.warning, ("actual_before_held", "actual_participants", i), {}))
    ids = _duplicate_ids(where, typed.column("activity_id"), numbers, found)
    _register_rules(where, typed, orgs, venues, found)
    found.sort(key=lambda f: (f[0], f[1]))
    for _i, _rank, emit, args, params in found:
        emit(*args, **params)
    _parent_rules(typed, ids, where.sheet, at, where.label["parent_id"], check)


# a finding to give: (row, rank of its rule in the walk, Checker call, its arguments, its parameters)
_Found = tuple[int, int, Callable[..., None], tuple[Any, ...], dict[str, Any]]


def _rows_where(values: list[Any], bad: set[Any]) -> list[int]:
    """The rows whose value (or tuple of values) is in `bad`."""
    return [i for i, x in enumerate(values) if x in bad] if bad else []


def _time_rules(where: _Where, typed: Typed, found: list[_Found]) -> None:
    """A time range read into start and end; the end date not before the start, the end time after it."""
    starts = typed.columns.get("start_time")
    if starts is not None and any(type(x) is tuple for x in set(starts)):
        ends = typed.column("end_time")
        for i, st in enumerate(starts):
            if type(st) is tuple:
                starts[i], range_end = st
                if ends[i] is None:
                    ends[i] = range_end
        typed.columns["end_time"] = ends
    sd, ed = typed.column("start_date"), typed.column("end_date")
    dates = list(zip(sd, ed, strict=True))
    wrong = {p for p in set(dates) if not ordered(fields.date_order, *p)}
    for i in _rows_where(dates, wrong):
        found.append((i, 0, where.error, ("date_order", "end_date", i), {}))
    times = list(zip(sd, ed, typed.column("start_time"), typed.column("end_time"), strict=True))
    wrong = {q for q in set(times) if not ordered(fields.time_order, *q)}
    for i in _rows_where(times, wrong):
        cell = where.at("end_time", i) or where.at("start_time", i)
        found.append((i, 1, where.error, ("time_order", "end_time", i), {"cell": cell}))


def _mode_rules(where: _Where, typed: Typed, found: list[_Found]) -> None:
    """On-site activities need a venue, online ones a link."""
    mode, bad = typed.column("mode"), typed.bad
    no_venue = [
        i
        for i, (m, v) in enumerate(zip(mode, typed.column("venue"), strict=True))
        if m and m != "online" and not v
    ]
    for i in no_venue:
        if "venue" not in bad.get(i, ()):
            label = where.label["venue"] + _WHY_VENUE
            found.append((i, 2, where.error, ("required", "venue", i, label), {"mode": mode[i]}))
    urls = typed.column("online_url")
    no_url = [i for i, (m, u) in enumerate(zip(mode, urls, strict=True)) if m and m != "offline" and not u]
    for i in no_url:
        if "online_url" not in bad.get(i, ()):
            label = where.label["online_url"] + _WHY_ONLINE
            found.append((i, 3, where.error, ("required", "online_url", i, label), {"mode": mode[i]}))


def _region_rules(where: _Where, typed: Typed, scope: Scope, found: list[_Found]) -> None:
    """City and county inside the workbook's scope; a county workbook names the county on every row."""
    cities = typed.column("city_code")
    problems = {c: p for c in set(cities) if c and (p := scope.city_ok(c))}
    for i in _rows_where(cities, set(problems)):
        found.append((i, 4, where.error, (problems[cities[i]], "city_code", i), {"value": cities[i]}))
    pairs = list(zip(typed.column("county_code"), cities, strict=True))
    problems_of = {p: q for p in set(pairs) if p[0] and (q := scope.county_ok(*p))}
    for i in _rows_where(pairs, set(problems_of)):
        county = pairs[i][0]
        found.append((i, 5, where.error, (problems_of[pairs[i]], "county_code", i), {"value": county}))
    if scope.scope == "county":
        for i, (county, _city) in enumerate(pairs):
            if not county and "county_code" not in typed.bad.get(i, ()):
                found.append((i, 5, where.error, ("required", "county_code", i), {}))


def _duplicate_ids(where: _Where, uids: list[Any], numbers: list[int], found: list[_Found]) -> dict[str, int]:
    """A second row with an id already used; the first row of each id, by id."""
    ids: dict[str, int] = {}
    first = ids.setdefault
    twice = [i for i, uid in enumerate(uids) if uid and first(uid, i) != i]
    for i in twice:
        uid = uids[i]
        found.append(
            (
                i,
                7,
                where.error,
                ("duplicate_id", "activity_id", i),
                {"value": uid, "first": numbers[ids[uid]]},
            )
        )
    return ids


def _register_rules(
    where: _Where,
    typed: Typed,
    orgs: set[str],
    venues: set[tuple[str, str | None]],
    found: list[_Found],
) -> None:
    """Organisers and the venue named on a row should be registered on their sheets (each tuple of names, each
    venue and city looked at once: they repeat on thousands of rows)."""
    for rank, key in enumerate(("hosts", "undertakers", "co_organisers"), start=8):
        names = typed.column(key)
        unknown = {t: u for t in set(names) if t and (u := [n for n in t if normalised(n) not in orgs])}
        for i in _rows_where(names, set(unknown)):
            found.append(
                (
                    i,
                    rank,
                    where.warning,
                    ("unknown_organisation", key, i),
                    {"names": "；".join(unknown[names[i]])},
                )
            )
    pairs = list(zip(typed.column("venue"), typed.column("city_code"), strict=True))
    unknown_pairs = {p for p in set(pairs) if p[0] and p[1] and (normalised(p[0]), p[1]) not in venues}
    for i in _rows_where(pairs, unknown_pairs):
        found.append((i, 11, where.warning, ("unknown_venue", "venue", i), {"value": short(pairs[i][0])}))


def _parent_rules(
    typed: Typed,
    ids: dict[str, int],
    sheet: str,
    at: Callable[[str, int], str],
    label: str,
    check: Checker,
) -> None:
    """A parent that is no activity of the sheet, the activity itself or one of its descendants: cleared."""
    uids, parents = typed.column("activity_id"), typed.columns.get("parent_id")
    if parents is None:
        return
    parent_of = {uid: parent for uid, parent in zip(uids, parents, strict=True) if uid}
    for i, parent in enumerate(parents):
        if not parent:
            continue
        if parent not in ids or parent == uids[i]:
            check.error("unknown_parent", sheet, at("parent_id", i), "parent_id", label, value=parent)
            parents[i] = None
            continue
        seen, cursor = {uids[i]}, parent
        while cursor:
            if cursor in seen:
                check.error("unknown_parent", sheet, at("parent_id", i), "parent_id", label, value=parent)
                parents[i] = None
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
