"""The app never writes a workbook it cannot read back for its size (issue 10, class 9): a table sheet may hold
at most `max_table_rows` rows, which keep its cells within the reader's per-sheet limit. Tested with a small
limit (the same rule, in seconds); the real limit's figures are in docs/submission-format-choices.md."""

from __future__ import annotations

import pytest

from lifelong_desktop.cli import main
from lifelong_desktop.db import open_database
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.reading import safety, sheet_scan
from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.submission.writing.output import TooManyRows
from lifelong_desktop.submission.writing.writer import write_workbook
from tests.helpers.activity_plan import make_plan
from tests.unit.test_merge import city_return

pytestmark = pytest.mark.stores  # the database parts on SQLite and on PostgreSQL (tests/conftest.py)

TITLES = tuple(f"讲座{i}" for i in range(12))


@pytest.fixture
def small_limit(monkeypatch):
    """Sheets of at most 13 rows of 28 cells, for the writer and the reader alike: 9 activities fit (two
    header rows, two to spare)."""
    fmt = load_format()
    cells = len(fmt.tables["activities"].columns) * 13
    monkeypatch.setitem(fmt.limits, "max_sheet_cells", cells)
    monkeypatch.setattr(sheet_scan, "MAX_CELLS", cells)
    monkeypatch.setattr(safety, "MAX_CELLS", cells)
    assert fmt.max_table_rows("activities") == 9
    return 9


def test_the_real_limit_fits_the_reader_with_rows_to_spare():
    fmt = load_format()
    columns = len(fmt.tables["activities"].columns)
    rows = fmt.max_table_rows("activities")
    assert fmt.limits["max_sheet_cells"] == sheet_scan.MAX_CELLS == 4_000_000
    sheet_rows = rows + fmt.layout["first_data_row"] - 1
    assert sheet_rows * columns + 2 * columns <= sheet_scan.MAX_CELLS < (sheet_rows + 3) * columns


def test_a_workbook_at_the_limit_is_written_and_read_back(tmp_path, small_limit):
    data = city_return("210100", "沈阳市", titles=TITLES[:small_limit])
    path = write_workbook(data, tmp_path / "满额.xlsx")
    result = read_workbook(path)
    assert result.exit_code == 0 and len(result.data.activities) == small_limit, result.findings


def test_one_row_more_is_refused_before_anything_is_written(tmp_path, small_limit):
    target = tmp_path / "超额.xlsx"
    target.write_bytes(b"old")
    data = city_return("210100", "沈阳市", titles=TITLES[: small_limit + 1])
    with pytest.raises(TooManyRows) as refused:
        write_workbook(data, target)
    assert target.read_bytes() == b"old" and list(tmp_path.iterdir()) == [target]
    assert "“活动”有 10 行，超过一个工作簿能被读回的上限 9 行" in refused.value.message("zh")
    assert '"活动" has 10 rows, more than the 9 a workbook can hold' in refused.value.message("en")


def test_merge_refuses_in_one_sentence(tmp_path, small_limit, capsys, monkeypatch):
    monkeypatch.setenv("LIFELONG_LANG", "zh")
    write_workbook(city_return("210100", "沈阳市", titles=TITLES[:5]), tmp_path / "沈阳.xlsx")
    write_workbook(city_return("210200", "大连市", titles=TITLES[:5]), tmp_path / "大连.xlsx")
    out = tmp_path / "out" / "辽宁.xlsx"
    out.parent.mkdir()
    args = [
        "--lang",
        "zh",
        "merge",
        str(tmp_path / "*.xlsx"),
        "--out",
        str(out),
        "--unit",
        "U",
        "--contact",
        "C",
    ]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "未写出“辽宁.xlsx”：“活动”有 10 行" in err and "Traceback" not in err and not out.exists()


def test_export_refuses_in_one_sentence(db_path, tmp_path, small_limit, capsys, monkeypatch):
    monkeypatch.setenv("LIFELONG_LANG", "zh")
    db = open_database(db_path)
    make_plan(db, small_limit + 1)
    db.close()
    export = tmp_path / "out" / "导出.xlsx"
    export.parent.mkdir()
    assert main(["--lang", "zh", "export", "--db", str(db_path), "--out", str(export)]) == 2
    err = capsys.readouterr().err
    assert "“活动”有 10 行" in err and "Traceback" not in err and not export.exists()
