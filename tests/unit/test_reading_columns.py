"""Typed values column by column (reading/cells.py): each distinct value parsed once gives what parsing every
cell on its own gives, the rows built in one pass when nothing is blank or missing are those of the
row-by-row walk, and the activity rules checked column by column give the findings (in the same order) and
the rows of the row-by-row walk (tests/helpers/reading_walk.py)."""

from __future__ import annotations

import math
from datetime import date, datetime
from functools import partial
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from lifelong_desktop.submission import values as v
from lifelong_desktop.submission.findings import Findings
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.reading import cells
from lifelong_desktop.submission.reading.cells import Checker, RawTable, parser_for, typed_columns, typed_rows
from lifelong_desktop.submission.reading.programme_dates import check_programme_dates
from lifelong_desktop.submission.reading.rules import Scope, activity_rules
from lifelong_desktop.submission.xlsx.cells import column_letter
from tests.helpers import reading_walk

FMT = load_format()
CELL = st.one_of(
    st.sampled_from([True, False, 1, 0, 1.0, 0.0, 2.0, -1.0, "1", "0", "是", "否", " ", "", "x\x01", "12"]),
    st.sampled_from([None, math.nan, math.inf, date(2024, 5, 1), datetime(2024, 5, 1, 9, 30)]),
    st.text(max_size=6),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False, width=16),
)
PARSERS = [
    partial(v.parse_bool, true_words=FMT.booleans["true"], false_words=FMT.booleans["false"]),
    partial(v.parse_int, minimum=0),
    partial(v.parse_text, max_length=4),
    v.parse_time,
    partial(v.parse_date, year=2024),
]


def _one_by_one(values: list[Any], parse) -> tuple[list[Any], dict[int, str]]:
    out, errors = [], {}
    for i, value in enumerate(values):
        try:
            cleaned = cells._clean_cell(value)
            out.append(parse(cleaned) if cleaned is not None else None)
        except v.ValueProblem as exc:
            out.append(None)
            errors[i] = (exc.code, exc.params)
    return out, errors


def _same(a: Any, b: Any) -> bool:
    return (type(a), a) == (type(b), b) or (isinstance(a, float) and math.isnan(a) and math.isnan(b))


@settings(max_examples=300, deadline=None)
@given(st.lists(CELL, max_size=12), st.sampled_from(range(len(PARSERS))))
def test_a_column_parsed_by_distinct_values_equals_each_cell_parsed(values, which):
    parse = PARSERS[which]
    out, errors, empty = cells._column(values, parse)
    expected, expected_errors = _one_by_one(values, parse)
    assert all(_same(a, b) for a, b in zip(out, expected, strict=True)), (values, out, expected)
    assert {i: (e.code, e.params) for i, e in errors.items()} == expected_errors
    assert empty == any(x is None for x in out)


def _raw(rows: list[list[Any]], keys: list[str]) -> RawTable:
    table = FMT.tables["venues"]
    return RawTable(table, [["label"] * len(keys), keys, *rows], 2, {k: i for i, k in enumerate(keys)}, {})


VENUE_CELL = st.one_of(st.none(), st.sampled_from(["馆", "场地", "210100", "x" * 60, "是", 12.0, "-3"]))
CLEAN_CELL = st.sampled_from(["馆", "210100", "210200", "是"])  # a name, a city, a capacity... all fine


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(VENUE_CELL, min_size=4, max_size=4), max_size=8),
    st.lists(st.lists(CLEAN_CELL, min_size=4, max_size=4), max_size=8),
    st.booleans(),
    st.booleans(),
)
def test_rows_in_one_pass_equal_the_row_by_row_walk(rows, clean, all_keys, ragged):
    table = FMT.tables["venues"]
    keys = list(table.keys) if all_keys else ["name", "city_code", "capacity", "accessible"]
    width = len(keys)
    # a clean table (every row kept, nothing required missing) or any cells
    rows = [["馆", "210100", *r[2:]] for r in clean] if clean and not ragged else rows
    rows = [(r * 3)[:width] for r in rows]
    if ragged and rows:
        rows[-1] = rows[-1][:2]  # a short row: read cell by cell
    letters = {k: chr(65 + i) for i, k in enumerate(keys)}
    got_findings, walk_findings = Findings(), Findings()
    raw = _raw([list(r) for r in rows], keys)
    raw.letters = letters
    resolver = v.RegionResolver("210000")
    got = typed_rows(FMT, raw, 2024, resolver, Checker(got_findings))
    got_numbers = list(raw.numbers)
    # the reference: every column parsed, then the rows walked one by one
    present = [c for c in table.columns if c.key in keys]
    data = raw.rows[raw.start :]
    columns, bad_at = [], {}
    walk_check = Checker(walk_findings)
    for column in present:
        values, errors, _empty = cells._column(
            cells._cells(data, raw.index[column.key]), parser_for(FMT, column, 2024, resolver)
        )
        columns.append(values)
        cells._record(walk_check, raw, column, data, errors)
        for i in errors:
            bad_at.setdefault(i, set()).add(column.key)
    required = [(c.key, c.label) for c in present if c.required is True]
    walked = reading_walk._rows_one_by_one(
        raw, [c.key for c in present], columns, bad_at, required, walk_check
    )
    assert got == walked
    assert got_numbers == raw.numbers
    assert [f.as_json() for f in got_findings] == [f.as_json() for f in walk_findings]


ACTIVITY_POOLS: dict[str, list[Any]] = {
    "activity_id": [
        None,
        "11111111-1111-4111-8111-111111111111",
        "22222222-2222-4222-8222-222222222222",
        "33333333-3333-4333-8333-333333333333",
        "not-a-uuid",
    ],
    "title": [None, "开幕式", "讲座"],
    "activity_type": [None, "开幕式", "讲座", "火星"],
    "level": [None, "国家级", "省级"],
    "parent_id": [
        None,
        None,
        None,
        "11111111-1111-4111-8111-111111111111",
        "22222222-2222-4222-8222-222222222222",
        "44444444-4444-4444-8444-444444444444",
        "bad",
    ],
    "start_date": [None, date(2024, 5, 1), date(2024, 5, 2), date(2023, 5, 1), "2024-05-03", "昨天"],
    "start_time": [None, "09:00", "14:00", "09:00-11:30", "10:00~09:00", "25:00"],
    "end_date": [None, date(2024, 5, 1), date(2024, 4, 30), date(2025, 1, 1), "x"],
    "end_time": [None, "08:00", "11:00", "16:00", "abc"],
    "mode": [None, "线上", "线下", "线上线下结合", "半线上"],
    "city_code": [None, "210100", "210200", "110100", "999999", "210102"],
    "county_code": [None, "210102", "210202", "110101", "210100", "999999"],
    "venue": [None, "辽宁省图书馆", "无名场地", " "],
    "online_url": [None, "https://example.org", ""],
    "hosts": [None, "辽宁省教育厅", "辽宁省教育厅；不存在甲", "不存在乙"],
    "undertakers": [None, "辽宁省图书馆", "不存在丙"],
    "co_organisers": [None, "不存在丁；辽宁省教育厅"],
    "actual_participants": [None, 10.0, "很多", -1.0],
    "status": [None, "已举办", "计划中", "maybe"],
}
ACTIVITY_KEYS = [c.key for c in FMT.tables["activities"].columns]


def _activity_raw(rows: list[list[Any]], keys: list[str]) -> RawTable:
    table = FMT.tables["activities"]
    letters = {k: column_letter(i) for i, k in enumerate(keys)}
    index = {k: i for i, k in enumerate(keys)}
    return RawTable(table, [["label"] * len(keys), keys, *rows], 2, index, letters)


@st.composite
def activity_sheets(draw: st.DrawFn) -> tuple[list[str], list[list[Any]]]:
    keys = [k for k in ACTIVITY_KEYS if k in ACTIVITY_POOLS or draw(st.booleans())]
    keys = [k for k in keys if k not in draw(st.sets(st.sampled_from(keys), max_size=3))]
    pick = {k: st.sampled_from(ACTIVITY_POOLS.get(k, [None, "x"])) for k in keys}
    rows = draw(st.lists(st.fixed_dictionaries(pick), max_size=12))
    return keys, [[row[k] for k in keys] for row in rows]


@settings(max_examples=400, deadline=None)
@given(activity_sheets(), st.sampled_from(["210000", "210100", "210102", "000000"]), st.integers(1, 200))
def test_activity_rules_column_by_column_equal_the_row_by_row_walk(sheet, region, cap):
    keys, rows = sheet
    scope = Scope({"region_code": region})
    resolver = v.RegionResolver(region if scope.scope != "county" else "210000")
    header = {"year": 2024, "window_start": date(2024, 4, 1), "window_end": date(2024, 12, 10)}
    orgs, venues = {"辽宁省教育厅", "辽宁省图书馆"}, {("辽宁省图书馆", "210100")}
    got_findings, walk_findings = Findings(cap=cap), Findings(cap=cap)
    raw = _activity_raw([list(r) for r in rows], keys)
    typed = typed_columns(FMT, raw, 2024, resolver, Checker(got_findings))
    activity_rules(typed, raw, scope, orgs, venues, Checker(got_findings))
    check_programme_dates(header, typed, raw, Checker(got_findings), date1904=True)
    walk_raw = _activity_raw([list(r) for r in rows], keys)
    walk_rows, bad_keys = typed_rows(FMT, walk_raw, 2024, resolver, Checker(walk_findings))
    reading_walk.activity_rules(walk_rows, bad_keys, walk_raw, scope, orgs, venues, Checker(walk_findings))
    reading_walk.check_programme_dates(header, walk_rows, walk_raw, Checker(walk_findings), date1904=True)
    assert typed.rows() == walk_rows
    assert raw.numbers == walk_raw.numbers
    assert [(f.as_json(), f.params) for f in [*got_findings, *got_findings.summary()]] == [
        (f.as_json(), f.params) for f in [*walk_findings, *walk_findings.summary()]
    ]
