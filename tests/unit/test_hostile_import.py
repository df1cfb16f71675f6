"""Importing workbooks that look clean but are not (issue 10): a refused import leaves the database file
byte-identical, an absent column keeps what is stored, and validate and import read every file alike."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from lifelong_desktop.cli import main
from lifelong_desktop.db import copying, open_database
from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.xlsx.writer import column_letter
from tests.helpers.hostile import mh
from tests.helpers.hostile_edits import error_cell, with_sheet_copy

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)

ACTS = load_format().tables["activities"]
# Optional columns; venue and online_url are required by the mode of the sample (hybrid), so their absence is
# the `required` error of format section 4 (tested below), not a column to keep.
CONDITIONAL = ("venue", "online_url")
OPTIONAL = [
    c.key
    for c in ACTS.columns
    if c.required is not True and c.key not in ("activity_id", "updated_at", *CONDITIONAL)
]


def sha(path) -> str:
    """The database file's SHA-256 with its write-ahead log checkpointed into it; on a server, every table's
    row count and content hash (the audit log's included), read in one snapshot."""
    if not isinstance(path, Path):
        db = open_database(path)
        try:
            with copying.snapshot(db) as conn:
                return repr(sorted(copying.measure(conn).items()))
        finally:
            db.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored(path) -> list[dict]:
    db = open_database(path)
    try:
        with db.read() as s:
            return sorted((r._asdict() for r in activity_rows(s, 1)), key=lambda r: r["uid"])
    finally:
        db.close()


def cli(capsys, *argv) -> tuple[int, dict | list]:
    capsys.readouterr()
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def own(db_path, tmp_path):
    """The province's own workbook (two activities, every column filled) and a database imported from it."""
    acts = mh.main_and_branch(
        start_time="14:00",
        end_time="16:00",
        actual_participants=None,
        online_participants=30,
        county_code="210102",
    )
    header = mh.sample_header(data_as_of=datetime(2099, 1, 1))  # later than any edit: updates apply
    path = mh.build_workbook(tmp_path / "own.xlsx", header=header, activities=acts)
    assert main(["import", "--db", str(db_path), str(path)]) == 0
    return path, db_path


def _hostile_files(own_path, tmp_path):
    """One file per class of the issue, each made from the own workbook."""
    return {
        "look-alike 活动 with no activities": with_sheet_copy(
            own_path, tmp_path / "twin.xlsx", "活动", "活动 ", first=False
        ),
        "look-alike 填报信息": with_sheet_copy(
            own_path, tmp_path / "twinh.xlsx", "填报信息", "\u3000填报信息", first=True
        ),
        "#N/A description": error_cell(own_path, tmp_path / "na.xlsx", "活动", "AA3", b"#N/A"),
        "#REF! start time": error_cell(own_path, tmp_path / "ref.xlsx", "活动", "G4", b"#REF!"),
        "#VALUE! header unit": error_cell(own_path, tmp_path / "val.xlsx", "填报信息", "C11", b"#VALUE!"),
        "seq twice": _appended(
            own_path, tmp_path / "seq.xlsx", "填报信息", ["填报版本号", "submission_seq", 9]
        ),
        "title twice": _extra_column(own_path, tmp_path / "t2.xlsx", "*活动名称", "title", "另一个名称"),
    }


def _appended(src, dest, sheet, row):
    wb = openpyxl.load_workbook(src)
    wb[sheet].append(row)
    wb.save(dest)
    return dest


def _extra_column(src, dest, label, key, value):
    wb = openpyxl.load_workbook(src)
    ws = wb["活动"]
    col = ws.max_column + 1
    ws.cell(1, col, label), ws.cell(2, col, key), ws.cell(3, col, value), ws.cell(4, col, value)
    wb.save(dest)
    return dest


def test_every_hostile_file_is_refused_and_the_database_stays_byte_identical(own, tmp_path, capsys):
    own_path, db = own
    before, rows = sha(db), stored(db)
    for name, path in _hostile_files(own_path, tmp_path).items():
        code, out = cli(capsys, "import", "--db", str(db), "--prune", "--json", str(path))
        assert code == 1 and out["applied"] is False, name
        assert any(f["severity"] == "error" for f in out["findings"]), name
        assert sha(db) == before, name
    assert stored(db) == rows


def test_validate_and_import_read_every_file_alike(own, tmp_path, capsys):
    own_path, db = own
    files = _hostile_files(own_path, tmp_path)
    files["key cleared"] = _cleared_key(own_path, tmp_path / "k.xlsx", "AA2")
    files["description deleted"] = _without(own_path, tmp_path / "d.xlsx", ["description"])
    for name, path in files.items():
        _, [validated] = cli(capsys, "validate", "--json", str(path))
        _, imported = cli(capsys, "import", "--db", str(db), "--dry-run", "--json", str(path))
        assert imported["findings"][: len(validated["findings"])] == validated["findings"], name


def _cleared_key(src, dest, cell):
    wb = openpyxl.load_workbook(src)
    wb["活动"][cell] = None
    wb.save(dest)
    return dest


def _without(src, dest, keys):
    wb = openpyxl.load_workbook(src)
    ws = wb["活动"]
    for key in keys:
        col = next(c.column for c in ws[2] if c.value == key)
        ws.delete_cols(col)
    wb.save(dest)
    return dest


@pytest.mark.parametrize("key", OPTIONAL)
def test_a_deleted_optional_column_keeps_the_stored_values(own, tmp_path, capsys, key):
    own_path, db = own
    rows = stored(db)
    path = _without(own_path, tmp_path / "less.xlsx", [key])
    code, out = cli(capsys, "import", "--db", str(db), "--json", str(path))
    assert code == 0 and out["applied"] is True
    assert out["counts"] == {"new": 0, "updated": 0, "unchanged": 2, "missing": 0}
    kept = [f for f in out["findings"] if f["code"] == "column_absent_kept"]
    assert [(f["severity"], f["sheet"], f["key"]) for f in kept] == [("warning", "活动", key)]
    assert stored(db) == rows


def test_an_absent_column_is_kept_while_present_ones_update(own, tmp_path, capsys):
    own_path, db = own
    wb = openpyxl.load_workbook(own_path)
    wb["活动"]["B3"] = "开幕式（改）"
    wb.save(tmp_path / "edited.xlsx")
    path = _without(
        tmp_path / "edited.xlsx", tmp_path / "less.xlsx", ["description", "undertakers", "parent_id"]
    )
    rows = {r["uid"]: r for r in stored(db)}
    capsys.readouterr()
    assert main(["import", "--db", str(db), str(path)]) == 0
    text = capsys.readouterr().out
    assert text.count("column_absent_kept") == 3 and "“活动简介”（description）列" in text
    after = {r["uid"]: r for r in stored(db)}
    assert after[mh.ACT_1]["title"] == "开幕式（改）"
    for uid in (mh.ACT_1, mh.ACT_2):
        for field in ("description", "undertakers", "undertaker_ids", "parent_id", "parent_uid"):
            assert after[uid][field] == rows[uid][field], (uid, field)
    assert rows[mh.ACT_1]["description"] == "开幕式" and rows[mh.ACT_1]["undertakers"] == ("辽宁省教育厅",)
    assert rows[mh.ACT_2]["parent_uid"] == mh.ACT_1


@pytest.mark.parametrize("key", CONDITIONAL)
def test_a_column_the_mode_requires_cannot_be_absent(own, tmp_path, capsys, key):
    own_path, db = own
    before = sha(db)
    code, out = cli(
        capsys, "import", "--db", str(db), "--json", str(_without(own_path, tmp_path / "x.xlsx", [key]))
    )
    assert code == 1 and {(f["code"], f["key"]) for f in out["findings"] if f["severity"] == "error"} == {
        ("required", key)
    }
    assert sha(db) == before


def test_a_present_blank_cell_still_clears(own, tmp_path, capsys):
    own_path, db = own
    col = column_letter(ACTS.keys.index("description"))
    wb = openpyxl.load_workbook(own_path)
    wb["活动"][f"{col}3"] = None
    wb.save(tmp_path / "blank.xlsx")
    code, out = cli(capsys, "import", "--db", str(db), "--json", str(tmp_path / "blank.xlsx"))
    assert code == 0 and out["counts"]["updated"] == 1
    assert {r["uid"]: r["description"] for r in stored(db)}[mh.ACT_1] == ""


def test_a_key_cleared_in_row_two_changes_nothing(own, tmp_path, capsys):
    own_path, db = own
    rows = stored(db)
    for i, key in enumerate(ACTS.keys):
        path = _cleared_key(own_path, tmp_path / f"k{i}.xlsx", f"{column_letter(i)}2")
        code, out = cli(capsys, "import", "--db", str(db), "--json", str(path))
        assert code == 0 and out["counts"]["unchanged"] == 2, key
        assert [f["code"] for f in out["findings"]] == ["column_key_missing"], key
    assert stored(db) == rows


def test_a_city_resubmission_without_a_column_keeps_its_stored_values(own, tmp_path, capsys):
    """The same for a lower level's return (a Submission row), not only for the programme's own workbook."""
    from tests.unit.test_import import dalian

    _own_path, db = own
    first = dalian(tmp_path, "dalian1.xlsx", seq=1)
    assert main(["import", "--db", str(db), str(first)]) == 0
    before = {r["title"]: r for r in stored(db)}
    assert before["大连市民讲座"]["description"] == "开幕式"
    second = _without(
        dalian(tmp_path, "dalian2.xlsx", seq=2), tmp_path / "dalian2-less.xlsx", ["description"]
    )
    code, out = cli(capsys, "import", "--db", str(db), "--json", str(second))
    assert code == 0 and out["applied"] is True
    assert [(f["code"], f["key"]) for f in out["findings"]] == [("column_absent_kept", "description")]
    after = {r["title"]: r for r in stored(db)}
    assert after["大连市民讲座"]["description"] == "开幕式" and after == before
