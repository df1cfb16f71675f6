"""Validation of a read workbook: typed values per cell and the cross-field rules of format sections 3 to 7.

Input: the header as {key: (cleaned value, cell)} and each table's cleaned rows (a RawTable) from the
reader. Output: a WorkbookData with typed values (invalid cells become None) plus findings appended to
the caller's list, each naming its sheet, cell and key with a code of section 11.
"""

from __future__ import annotations

from typing import Any

from lifelong_desktop.services.regions import NATIONAL, regions
from lifelong_desktop.submission import values as v
from lifelong_desktop.submission.findings import Finding
from lifelong_desktop.submission.format import Column, Format
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.reading.cells import (
    Checker,
    RawTable,
    Typed,
    parser_for,
    short,
    typed_columns,
)
from lifelong_desktop.submission.reading.programme_dates import check_programme_dates
from lifelong_desktop.submission.reading.rules import Scope, activity_rules, register_rules
from lifelong_desktop.submission.values import normalised

__all__ = ["RawTable", "validate_header", "validate_workbook"]


# ---------------------------------------------------------------- header (填报信息)


def _version_major(value: Any) -> int | None:
    text = v.parse_text(value) or ""
    head = v.fold(text).strip().split(".")[0]
    return int(head) if head.isdigit() else None


def validate_header(
    fmt: Format, raw: dict[str, tuple[Any, str]], check: Checker, year_hint: int | None = None
) -> tuple[dict[str, Any], bool]:
    """The typed header and whether the workbook is this format at all (False stops reading)."""
    sheet = fmt.header_sheet
    header: dict[str, Any] = {}
    value_of = {k: val for k, (val, _cell) in raw.items()}
    cell_of = {k: cell for k, (_val, cell) in raw.items()}
    fmt_value = value_of.get("format")
    if fmt_value is None or v.fold(str(fmt_value)).strip().upper() != fmt.name:
        check.error("wrong_format", sheet, cell_of.get("format", ""), "format", value=short(fmt_value))
        return header, False
    header["format"] = fmt.name
    version = value_of.get("format_version")
    major = _version_major(version) if version is not None else None
    if major != int(fmt.version.split(".")[0]):
        check.error(
            "unsupported_version",
            sheet,
            cell_of.get("format_version", ""),
            "format_version",
            value=short(version),
        )
        return header, False
    text = v.fold(v.parse_text(version) or "").strip()
    header["format_version"] = text if "." in text else text + ".0"
    scope_raw = value_of.get("scope")
    scope = v.fold(str(scope_raw)).strip().casefold() if scope_raw is not None else None
    national = scope == "national"
    national_resolver = v.RegionResolver(NATIONAL)
    for column in fmt.header:
        key = column.key
        if key in ("format", "format_version"):
            continue
        value, cell = value_of.get(key), cell_of.get(key, "")
        required = column.required is True or (column.required == "except_national" and not national)
        if value is None:
            header[key] = None
            if required:
                check.error("required", sheet, cell, key, column.label)
            continue
        try:
            header[key] = _header_value(
                fmt, column, value, scope, national_resolver, header.get("year") or year_hint
            )
        except v.ValueProblem as exc:
            header[key] = None
            # kind: the year and the submission sequence have sentences of their own (finding.<code>.<key>)
            params = {"value": short(value), "kind": key, **exc.params}
            check.error(exc.code, sheet, cell, key, column.label, **params)
    _header_cross(header, cell_of, check, sheet)
    return header, True


def _header_value(
    fmt: Format,
    column: Column,
    value: Any,
    scope: str | None,
    resolver: v.RegionResolver,
    year_hint: int | None,
) -> Any:
    t = column.type
    if t == "scope":
        if scope not in fmt.scopes:
            raise v.ValueProblem("invalid_code")
        return scope
    if t == "year":
        year = v.parse_int(value.rstrip("年") if isinstance(value, str) else value, minimum=0)
        if year is None or not 2000 <= year <= 2100:
            raise v.ValueProblem("invalid_number")
        return year
    if t == "region":
        return resolver.parse(value)
    if t == "version":
        return v.parse_text(value)
    return parser_for(fmt, column, year_hint, resolver)(value)


def _header_cross(header: dict[str, Any], cell_of: dict[str, str], check: Checker, sheet: str) -> None:
    code, scope = header.get("region_code"), header.get("scope")
    if code and scope:
        expected = regions().scope_of(code)
        if expected != scope:
            check.error(
                "invalid_code", sheet, cell_of.get("scope", ""), "scope", value=scope, expected=expected or ""
            )
            header["scope"] = expected
    start, end = header.get("window_start"), header.get("window_end")
    if start and end and end < start:
        check.error("date_order", sheet, cell_of.get("window_end", ""), "window_end", "活动截止日期")
    if header.get("region_name") is None and code:
        header["region_name"] = regions().name(code)


def validate_workbook(
    fmt: Format,
    header_raw: dict[str, tuple[Any, str]],
    tables: dict[str, RawTable | None],
    findings: list[Finding],
    *,
    year_hint: int | None = None,
    date1904: bool = False,
    findings_only: bool = False,
) -> tuple[WorkbookData, dict[str, str]]:
    """Typed WorkbookData and the header's value cells; findings are appended to `findings`.

    findings_only: the findings alone are wanted (`lifelong validate`): the activities are checked but not
    built as rows (data.activities stays empty); the findings are the same."""
    check = Checker(findings)
    header, is_format = validate_header(fmt, header_raw, check, year_hint)
    header_cells = {k: cell for k, (_val, cell) in header_raw.items()}
    data = WorkbookData(header=header)
    if not is_format:
        return data, header_cells
    year = header.get("year") or year_hint
    scope = Scope(header)
    resolver = v.RegionResolver(scope.code if scope.scope != "county" else (scope.province or NATIONAL))
    typed: dict[str, Typed] = {}
    for table_id, raw in tables.items():
        if raw is not None:
            typed[table_id] = typed_columns(fmt, raw, year, resolver, check)
        data.rows[table_id] = list(raw.numbers) if raw is not None else []
    registers = {t: typed[t].rows() for t in ("organisations", "venues") if t in typed}
    orgs = {normalised(r["name"]) for r in registers.get("organisations", []) if r.get("name")}
    venues = {
        (normalised(r["name"]), r.get("city_code")) for r in registers.get("venues", []) if r.get("name")
    }
    for table_id in ("organisations", "venues"):
        if (register := tables.get(table_id)) is not None:
            register_rules(registers[table_id], register, scope, check)
    if (activities := tables.get("activities")) is not None:
        activity_rules(typed["activities"], activities, scope, orgs, venues, check)
        check_programme_dates(header, typed["activities"], activities, check, date1904=date1904)
        data.activities = [] if findings_only else typed["activities"].rows()
    data.organisations = registers.get("organisations", [])
    data.venues = registers.get("venues", [])
    return data, header_cells
