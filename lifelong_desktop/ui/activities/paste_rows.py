"""Rows copied from Excel or WPS (tab-separated text) read with the workbook's tolerant value rules."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import ActivityInput, PastedActivity
from lifelong_desktop.submission import values as v
from lifelong_desktop.submission.format import code_lookup, load_format
from lifelong_desktop.ui.activities.messages import problem_text

IGNORED = {"activity_id", "parent_id", "updated_at"}  # pasted rows are always new activities


@dataclass
class PastedRow:
    """One pasted line: the activity it gives, or the problems that keep it out."""

    line: int
    cells: list[str]
    activity: PastedActivity | None = None
    problems: list[str] = field(default_factory=list)
    title: str = ""  # as pasted, to name a row that could not be read

    @property
    def ok(self) -> bool:
        return self.activity is not None and not self.problems


@dataclass
class PasteResult:
    rows: list[PastedRow]
    columns: list[str]  # the format key read from each pasted column ('' when ignored)
    had_header: bool

    @property
    def good(self) -> list[PastedActivity]:
        return [r.activity for r in self.rows if r.ok and r.activity is not None]


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


def value_text(code: str, label: str, params: dict[str, Any]) -> str:

    texts = {
        "control_character": QCoreApplication.translate("PasteRows", "%1: contains a control character."),
        "too_long": QCoreApplication.translate("PasteRows", "%1: too long (at most %2 characters).").replace(
            "%2", str(params.get("max", ""))
        ),
        "invalid_number": QCoreApplication.translate("PasteRows", "%1: not a whole number of 0 or more."),
        "invalid_boolean": QCoreApplication.translate("PasteRows", "%1: write 是 or 否."),
        "invalid_code": QCoreApplication.translate(
            "PasteRows", "%1: “%2” is not one of the allowed values."
        ).replace("%2", str(params.get("value", ""))),
        "invalid_date": QCoreApplication.translate("PasteRows", "%1: not a date (write 2024-04-26)."),
        "invalid_time": QCoreApplication.translate("PasteRows", "%1: not a time (write 09:30)."),
        "invalid_phone": QCoreApplication.translate("PasteRows", "%1: not a phone number."),
        "unknown_region": QCoreApplication.translate(
            "PasteRows", "%1: “%2” is not a region of this programme."
        ).replace("%2", str(params.get("value", ""))),
    }
    return texts.get(code, QCoreApplication.translate("PasteRows", "%1: invalid value.")).replace("%1", label)


def parse_paste(text: str, region_code: str, year: int) -> PasteResult:
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
    labels = {c.key: c.label for c in table.columns}
    rows = []
    for n, cells in enumerate(lines, start=2 if had_header else 1):
        raw = {k: cells[i] if i < len(cells) else "" for i, k in enumerate(keys) if k and k not in IGNORED}
        row = PastedRow(n, cells, title=raw.get("title", "").strip())
        _read_row(row, raw, labels, resolver, year, fmt)
        rows.append(row)
    return PasteResult(rows, [k if k not in IGNORED else "" for k in keys], had_header)


def _read_row(
    row: PastedRow,
    raw: dict[str, str],
    labels: dict[str, str],
    resolver: v.RegionResolver,
    year: int,
    fmt: Any,
) -> None:
    got: dict[str, Any] = {}
    parsers: dict[str, Callable[[Any], Any]] = {
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
    unreadable: set[str] = set()  # fields whose value could not be read: said once, not also "required"
    for key, parse in parsers.items():
        if key not in raw:
            continue
        try:
            got[key] = parse(v.clean(raw[key]))
        except v.ValueProblem as exc:
            unreadable.add(key)
            row.problems.append(value_text(exc.code, labels.get(key, key), exc.params))
    start_time, range_end = got.get("start_time") or (None, None)
    start = got.get("start_date")
    required = [
        ("title", "title_required"),
        ("start_date", None),
        ("activity_type", "type_required"),
        ("level", "level_required"),
        ("city_code", "city_required"),
        ("hosts", "host_required"),
    ]
    for key, code in required:
        if not got.get(key) and key not in unreadable:
            row.problems.append(
                problem_text(code)
                if code
                else QCoreApplication.translate("PasteRows", "%1: required.").replace("%1", labels[key])
            )
    if row.problems or start is None:
        return
    data = ActivityInput(
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
    row.problems.extend(problem_text(c) for c in planning.validate(data) if c != "host_required")
    if not row.problems:
        row.activity = PastedActivity(
            data.replace(host_ids=()),
            hosts=got.get("hosts") or (),
            undertakers=got.get("undertakers") or (),
            co_organisers=got.get("co_organisers") or (),
            venue_name=got.get("venue") or "",
        )
