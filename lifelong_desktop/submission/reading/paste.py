"""Rows copied from Excel or WPS (tab-separated text) read with the workbook's tolerant value rules.

The rows come back with problem codes, never sentences: a value the rules refuse (`ValueProblem` codes of
submission.values, with the column), a required column left blank, or a planning code of
services.planning.validate. The window words them (ui/activities/paste_rows.py).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import ActivityInput, PastedActivity
from lifelong_desktop.submission import values as v
from lifelong_desktop.submission.format import Format, code_lookup, load_format

IGNORED = {"activity_id", "parent_id", "updated_at"}  # pasted rows are always new activities
#: required columns, with the planning code that says so (None: "<column>: required")
REQUIRED = (
    ("title", "title_required"),
    ("start_date", None),
    ("activity_type", "type_required"),
    ("level", "level_required"),
    ("city_code", "city_required"),
    ("hosts", "host_required"),
)


@dataclass(frozen=True, slots=True)
class LineProblem:
    """Why a pasted line is left out: `kind` value (a cell the rules refuse), required, or planning."""

    kind: str
    code: str
    key: str = ""  # the column's format key (value and required problems)
    params: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass
class PastedLine:
    """One pasted line: the activity it gives, or the problems that keep it out."""

    line: int
    cells: list[str]
    activity: PastedActivity | None = None
    problems: list[LineProblem] = field(default_factory=list)
    title: str = ""  # as pasted, to name a row that could not be read

    @property
    def ok(self) -> bool:
        return self.activity is not None and not self.problems


@dataclass
class PastedLines:
    lines: list[PastedLine]
    columns: list[str]  # the format key read from each pasted column ('' when ignored)
    had_header: bool


def split_cells(text: str) -> list[list[str]]:
    """Tab-separated lines as Excel puts them on the clipboard (quoted cells may hold line breaks)."""
    reader = csv.reader(
        io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")), delimiter="\t", quotechar='"'
    )
    return [row for row in reader if any(c.strip() for c in row)]


def header_keys(cells: list[str]) -> list[str] | None:
    """The format keys of a header row (labels with or without `*`, or keys), or None when it is data."""
    table = load_format().tables["activities"]
    by_name = {}
    for c in table.columns:
        by_name[c.key.casefold()] = c.key
        by_name[c.label.casefold()] = c.key
    keys = [by_name.get(cell.strip().lstrip("*").strip().casefold(), "") for cell in cells]
    return keys if sum(1 for k in keys if k) >= 2 else None


def _lookup(code_list: str) -> dict[str, str]:
    """Key or label (casefolded) to key: the format's own cached lookup, not rebuilt for every pasted cell."""
    return code_lookup(load_format(), code_list)


def read_pasted(text: str, region_code: str, year: int) -> PastedLines:
    """Read pasted lines into activities; the header row is optional (without it, the format's column order)."""
    fmt = load_format()
    table = fmt.tables["activities"]
    lines = split_cells(text)
    keys = header_keys(lines[0]) if lines else None
    had_header = keys is not None
    if keys is None:
        keys = list(table.keys)
    else:
        lines = lines[1:]
    resolver = v.RegionResolver(region_code)
    out = []
    for n, cells in enumerate(lines, start=2 if had_header else 1):
        raw = {k: cells[i] if i < len(cells) else "" for i, k in enumerate(keys) if k and k not in IGNORED}
        line = PastedLine(n, cells, title=raw.get("title", "").strip())
        _read_line(line, raw, resolver, year, fmt)
        out.append(line)
    return PastedLines(out, [k if k not in IGNORED else "" for k in keys], had_header)


def _parsers(resolver: v.RegionResolver, year: int, fmt: Format) -> dict[str, Callable[[Any], Any]]:
    """The value rule of each pasted column (the same as the workbook reader's)."""
    return {
        "title": lambda x: v.parse_text(x, 100),
        "activity_type": lambda x: v.parse_code(x, _lookup("activity_type")),
        "level": lambda x: v.parse_code(x, _lookup("level")),
        "start_date": lambda x: v.parse_date(x, year),
        "start_time": v.parse_time_range,
        "end_date": lambda x: v.parse_date(x, year),
        "end_time": v.parse_time,
        "mode": lambda x: v.parse_code(x, _lookup("mode")),
        "city_code": resolver.parse,
        "county_code": resolver.parse,
        "venue": lambda x: v.parse_text(x, 100),
        "address": lambda x: v.parse_text(x, 200),
        "online_url": lambda x: v.parse_text(x, 500),
        "hosts": v.parse_organisation_list,
        "undertakers": v.parse_organisation_list,
        "co_organisers": v.parse_organisation_list,
        "audiences": lambda x: v.parse_code_list(x, _lookup("audience")),
        "expected_participants": v.parse_int,
        "actual_participants": v.parse_int,
        "online_participants": v.parse_int,
        "status": lambda x: v.parse_code(x, _lookup("status")),
        "featured": lambda x: v.parse_bool(x, fmt.booleans["true"], fmt.booleans["false"]),
        "contact_name": lambda x: v.parse_text(x, 50),
        "contact_phone": v.parse_phone,
        "description": lambda x: v.parse_text(x, 500),
    }


def _read_line(
    line: PastedLine, raw: dict[str, str], resolver: v.RegionResolver, year: int, fmt: Format
) -> None:
    got: dict[str, Any] = {}
    unreadable: set[str] = set()  # fields whose value could not be read: said once, not also "required"
    for key, parse in _parsers(resolver, year, fmt).items():
        if key not in raw:
            continue
        try:
            got[key] = parse(v.clean(raw[key]))
        except v.ValueProblem as exc:
            unreadable.add(key)
            line.problems.append(LineProblem("value", exc.code, key, dict(exc.params)))
    for key, code in REQUIRED:
        if not got.get(key) and key not in unreadable:
            line.problems.append(
                LineProblem("planning", code) if code else LineProblem("required", "required", key)
            )
    if line.problems or got.get("start_date") is None:
        return
    data = _activity_input(got)
    line.problems.extend(LineProblem("planning", c) for c in planning.validate(data) if c != "host_required")
    if not line.problems:
        line.activity = PastedActivity(
            data.replace(host_ids=()),
            hosts=got.get("hosts") or (),
            undertakers=got.get("undertakers") or (),
            co_organisers=got.get("co_organisers") or (),
            venue_name=got.get("venue") or "",
        )


def _activity_input(got: dict[str, Any]) -> ActivityInput:
    """The activity of a line whose values all read well (hosts are resolved by name when it is added)."""
    start_time, range_end = got.get("start_time") or (None, None)
    start = got["start_date"]
    return ActivityInput(
        title=got["title"],
        start_date=start,
        end_date=got.get("end_date") or start,
        activity_type=got.get("activity_type"),
        level=got.get("level"),
        start_time=start_time,
        end_time=got.get("end_time") or range_end,
        mode=got.get("mode") or "offline",
        city_code=got.get("city_code"),
        county_code=got.get("county_code"),
        address=got.get("address") or "",
        online_url=got.get("online_url") or "",
        audiences=got.get("audiences") or (),
        expected_participants=got.get("expected_participants"),
        actual_participants=got.get("actual_participants"),
        online_participants=got.get("online_participants"),
        status=got.get("status") or "planned",
        featured=bool(got.get("featured")),
        contact_name=got.get("contact_name") or "",
        contact_phone=got.get("contact_phone") or "",
        description=got.get("description") or "",
        host_ids=(0,),  # names resolved when added
    )
