"""The row-by-row walk of the workbook reader's activity rules, as it was written before the rules worked column
by column: the definition the column-wise rules (reading/rules.py, reading/programme_dates.py) and the choice
of non-blank rows (reading/cells.py) are compared with in tests/unit/test_reading_columns.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from lifelong_desktop.services import fields
from lifelong_desktop.submission.findings import WARNING, Finding
from lifelong_desktop.submission.reading.cells import Checker, RawTable, short
from lifelong_desktop.submission.reading.programme_dates import DATE_KEYS, _problem
from lifelong_desktop.submission.reading.rules import _WHY_ONLINE, _WHY_VENUE, Scope, _Where, ordered
from lifelong_desktop.submission.values import normalised


def _rows_one_by_one(
    raw: RawTable,
    keys: list[str],
    columns: list[list[Any]],
    bad_at: dict[int, set[str]],
    required: list[tuple[str, str]],
    check: Checker,
) -> tuple[list[dict[str, Any]], list[set[str]]]:
    """The non-blank rows, each with the findings of its empty required cells, in row order."""
    sheet = raw.table.sheet
    base = dict.fromkeys(raw.table.keys)
    width = len(keys)
    out: list[dict[str, Any]] = []
    bad_keys: list[set[str]] = []
    numbers = raw.numbers
    numbers.clear()
    for i, cells in enumerate(zip(*columns, strict=True)) if columns else ():
        if cells.count(None) == width and i not in bad_at:
            continue  # a fully blank row (a bad cell is None too, but its row is in bad_at)
        row = dict(base)
        row.update(zip(keys, cells, strict=True))
        bad = bad_at.get(i, set())
        for key, label in required:
            if row[key] is None and key not in bad:
                check.error("required", sheet, f"{raw.letters[key]}{raw.start + i + 1}", key, label)
        out.append(row)
        bad_keys.append(bad)
        numbers.append(raw.start + i + 1)
    return out, bad_keys


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


def check_programme_dates(
    header: dict[str, Any], rows: list[dict[str, Any]], raw: RawTable, check: Checker, *, date1904: bool
) -> None:
    """Warnings at each activity date outside the year or window; one about the 1904 date system if it shows."""
    year = header.get("year")
    start, end = header.get("window_start"), header.get("window_end")
    if year is None and start is None and end is None:
        return
    sheet, letters, numbers = raw.table.sheet, raw.letters, raw.numbers
    outside_year = 0
    for i, row in enumerate(rows):
        for key in DATE_KEYS:
            day = row.get(key)
            if not isinstance(day, date) or key not in letters:
                continue
            problem = _problem(day, year, start, end)
            if problem is None:
                continue
            code, params = problem
            outside_year += code == "date_outside_year"
            label = raw.table.column(key).label
            check.warning(
                code, sheet, f"{letters[key]}{numbers[i]}", key, label, value=day.isoformat(), **params
            )
    if date1904 and outside_year:
        check.findings.append(
            Finding(WARNING, "date_system_1904", sheet=sheet, params={"count": outside_year, "year": year})
        )
