"""Typed values column by column (reading/cells.py): each distinct value parsed once gives what parsing every
cell on its own gives, and the rows built in one pass when nothing is blank or missing are those of the
row-by-row walk."""

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
from lifelong_desktop.submission.reading.cells import Checker, RawTable, parser_for, typed_rows

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
    walked = cells._rows_one_by_one(raw, [c.key for c in present], columns, bad_at, required, walk_check)
    assert got == walked
    assert got_numbers == raw.numbers
    assert [f.as_json() for f in got_findings] == [f.as_json() for f in walk_findings]
