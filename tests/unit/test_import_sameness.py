"""The resubmission's fast test of an unchanged activity answers exactly as the full comparison does."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from lifelong_desktop.submission.importing import match
from lifelong_desktop.submission.importing.importer import apply_import, plan_import
from tests.helpers.hostile import mh

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)


def _other(value: Any) -> list[Any]:
    """Values that differ from `value` (and some that only look different), for one field."""
    if isinstance(value, bool):
        return [not value, int(value), None]
    if isinstance(value, int):
        return [value + 1, float(value), None, 0]
    if isinstance(value, str):
        return [value + "x", "", None, value.upper(), value]
    if isinstance(value, tuple):
        return [(), value[::-1], value[:1], (*value, "某单位"), (*value, value[0]), tuple(value)]
    if value is None:
        return ["1", "", 0, False]
    try:
        return [value + timedelta(days=1), None, value]
    except TypeError:  # a time of day
        return [value.replace(minute=(value.minute + 1) % 60), None, value]


def _variants(row: dict[str, Any], ids: list[str]) -> list[dict[str, Any]]:
    out = [dict(row)]
    for key in row:
        for value in _other(row[key]):
            out.append({**row, key: value})
    for uid in (*ids, "", None):
        out.append({**row, "parent_id": uid})
    for venue in ("辽宁省图书馆", "沈阳市图书馆", "没有的场地", None):
        out.append({**row, "venue": venue})
    out.append({**row, "status": None})  # stored as 'planned' when blank
    return out


def test_fast_sameness_agrees_with_differences_on_every_variant(db, tmp_path):
    acts = mh.main_and_branch(hosts="新单位甲；教育部", venue="沈阳市图书馆", featured="否")
    path = mh.build_workbook(tmp_path / "own.xlsx", activities=acts)
    assert apply_import(db, path).applied
    with db.read() as session:
        plan = plan_import(session, path)
    assert plan.ok and len(plan.unchanged) == 2
    absent = match.absent_fields(plan)
    assert not absent  # every column present: the fast test is the one used
    same = match._sameness(plan, absent)
    by_uid = {r.uid: r for r in plan.db_rows.values()}
    checked = agreed_same = 0
    for row in plan.result.data.activities:
        for db_row in by_uid.values():  # the row against its own activity and against the other one
            for variant in _variants(row, list(by_uid)):
                expected = not match.differences(plan, variant, db_row, absent)
                assert same(variant, db_row) is expected, (variant, db_row.uid)
                checked += 1
                agreed_same += expected
    assert checked > 200 and agreed_same >= 4  # both answers were exercised


def test_rows_without_every_field_and_absent_columns_take_the_full_comparison(db, tmp_path):
    path = mh.build_workbook(tmp_path / "own.xlsx", activities=[mh.sample_activity()])
    assert apply_import(db, path).applied
    with db.read() as session:
        plan = plan_import(session, path)
    row, db_row = plan.result.data.activities[0], next(iter(plan.db_rows.values()))
    assert not match.differences(plan, row, db_row, frozenset())
    assert match._sameness(plan, frozenset())(row, db_row)
    partial = {k: v for k, v in row.items() if k != "description"}
    assert not match._sameness(plan, frozenset())(partial, db_row)  # says no, never wrongly yes
    assert not match._sameness(plan, frozenset({"description"}))(row, db_row)


def test_activity_columns_are_the_values_of_each_row(tmp_path):
    acts = mh.main_and_branch(hosts="新单位甲；教育部", venue="沈阳市图书馆", featured="否")
    path = mh.build_workbook(tmp_path / "own.xlsx", activities=acts)
    from lifelong_desktop.submission.reading.reader import read_workbook

    rows = []
    for row in read_workbook(path).data.activities:
        rows += _variants(row, [])
        rows.append({k: v for k, v in row.items() if k not in ("description", "status", "audiences")})
    columns = match.activity_columns(rows)
    assert len(rows) > 100
    by_row = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
    assert by_row == [match.activity_values(row) for row in rows]
    assert all(
        type(a) is type(b)
        for x, y in zip(by_row, map(match.activity_values, rows), strict=True)
        for a, b in zip(x.values(), y.values(), strict=True)
    )
