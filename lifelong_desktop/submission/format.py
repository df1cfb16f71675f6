"""The workbook format, loaded once from resources/submission/format.json (the single description)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from lifelong_desktop.paths import resource


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table sheet (or one key of the header sheet)."""

    key: str
    label: str  # without the `*` prefix
    type: str  # text, uuid, code, code_list, date, time, datetime, integer, boolean, phone, region, ...
    required: bool | str  # True, False, or "except_national" (header)
    code_list: str | None = None
    max_length: int | None = None
    min_length: int | None = None
    minimum: int | None = None
    region_level: str | None = None
    rule: str = ""

    @property
    def header_label(self) -> str:
        """Row-1 label: prefixed with `*` where required."""
        return ("*" if self.required is True else "") + self.label


@dataclass(frozen=True, slots=True)
class Table:
    id: str  # activities, organisations, venues
    sheet: str
    identity: tuple[str, ...]
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        return self._by_key()[key]

    def _by_key(self) -> dict[str, Column]:
        return {c.key: c for c in self.columns}

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    id: str
    visible: bool
    read: bool
    required: bool


@dataclass(frozen=True, slots=True)
class CodeItem:
    key: str
    label: str


@dataclass(frozen=True)
class Format:
    name: str  # LLW-SUBMISSION
    version: str  # 1.0
    sheets: tuple[Sheet, ...]
    header_sheet: str
    header: tuple[Column, ...]
    tables: dict[str, Table]
    code_lists: dict[str, tuple[CodeItem, ...]]
    layout: dict[str, Any]
    booleans: dict[str, tuple[str, ...]]
    list_separators: dict[str, Any]
    number_formats: dict[str, str]
    limits: dict[str, int]
    scopes: tuple[str, ...]

    def sheet(self, sheet_id: str) -> Sheet:
        return next(s for s in self.sheets if s.id == sheet_id)

    def label_of(self, code_list: str, key: str | None) -> str:
        """The Chinese label of a code key ('' for None; the key itself when unknown)."""
        if not key:
            return ""
        for item in self.code_lists[code_list]:
            if item.key == key:
                return item.label
        return key

    def header_field(self, key: str) -> Column:
        return next(c for c in self.header if c.key == key)

    def max_table_rows(self, table_id: str) -> int:
        """The most data rows a table sheet written by this app may hold, so that the app can always read back
        what it writes: the sheet's cells, its header rows included, stay within `max_sheet_cells` with two
        rows to spare (the safety scan's quick count of cells also counts the sheet's column descriptions)."""
        columns = len(self.tables[table_id].columns)
        return self.limits["max_sheet_cells"] // columns - self.layout["first_data_row"] - 1


def code_lookup(fmt: Format, code_list: str) -> dict[str, str]:
    cached = _LOOKUPS.get(code_list)
    if cached is None:
        cached = {}
        for item in fmt.code_lists[code_list]:
            cached[item.key.casefold()] = item.key
            cached[item.label.casefold()] = item.key
        _LOOKUPS[code_list] = cached
    return cached


_LOOKUPS: dict[str, dict[str, str]] = {}


def _column(d: dict[str, Any]) -> Column:
    return Column(
        key=d["key"],
        label=d["label"],
        type=d["type"],
        required=d.get("required", False),
        code_list=d.get("code_list"),
        max_length=d.get("max_length"),
        min_length=d.get("min_length"),
        minimum=d.get("min"),
        region_level=d.get("region_level"),
        rule=d.get("rule", ""),
    )


@cache
def load_format() -> Format:
    """The format description shipped in resources/submission/format.json."""
    with resource("submission", "format.json").open(encoding="utf-8") as fh:
        raw = json.load(fh)
    return Format(
        name=raw["format"],
        version=raw["format_version"],
        sheets=tuple(
            Sheet(s["name"], s["id"], s["visible"], s["read"], s.get("required", False))
            for s in raw["sheets"]
        ),
        header_sheet=raw["header"]["sheet"],
        header=tuple(_column(c) for c in raw["header"]["fields"]),
        tables={
            tid: Table(tid, t["sheet"], tuple(t["identity"]), tuple(_column(c) for c in t["columns"]))
            for tid, t in raw["tables"].items()
        },
        code_lists={
            k: tuple(CodeItem(i["key"], i["label"]) for i in v) for k, v in raw["code_lists"].items()
        },
        layout=raw["layout"],
        booleans={k: tuple(v) for k, v in raw["booleans"].items()},
        list_separators=raw["list_separators"],
        number_formats=raw["formats"],
        limits=raw["limits"],
        scopes=tuple(raw["scopes"]),
    )
