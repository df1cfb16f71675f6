"""The fuzz corpus (tests/data/fuzz_corpus/) replayed: every case found or picked stays fixed; and the
fuzz harness itself really reports crashes and hangs."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from fuzz import corpus
from fuzz.guard import run_guarded
from fuzz.runner import Tally, fuzz_values
from fuzz.values import TARGETS, check_value
from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.submission.values import ValueProblem

VALUE_CASES = corpus.value_cases()
WORKBOOK_CASES = corpus.workbook_cases()


def test_the_corpus_is_there():
    assert len(VALUE_CASES) >= 40 and len(WORKBOOK_CASES) >= 8


@pytest.mark.parametrize("case", VALUE_CASES, ids=[p.stem for p in VALUE_CASES])
def test_value_case(case: Path):
    data = json.loads(case.read_text(encoding="utf-8"))
    raw = corpus.decode(data["raw"])
    if data["target"].startswith("roundtrip_"):
        pytest.skip("round-trip cases are replayed by the fuzz run")
    assert data["target"] in TARGETS
    _, failure = run_guarded(
        data["target"],
        lambda: check_value(data["target"], raw, data.get("extra", 0)),
        data,
        expected=(ValueProblem,),
        limit=2.0,
    )
    assert failure is None, failure


@pytest.mark.parametrize("case", WORKBOOK_CASES, ids=[p.stem for p in WORKBOOK_CASES])
def test_workbook_case(case: Path, tmp_path):
    path = tmp_path / "case.xlsx"
    path.write_bytes(case.read_bytes())
    result, failure = run_guarded(
        "read_workbook", lambda: read_workbook(path), case.name, expected=(), limit=30.0
    )
    assert failure is None, failure
    corpus.check_read_result(result)
    assert not result.ok  # every corpus workbook is broken somehow: the reader must say so


def test_the_harness_reports_a_crash_and_a_hang():
    _, crash = run_guarded("t", lambda: {}["missing"], "x", expected=(ValueProblem,), limit=1.0)
    assert crash is not None and crash.kind == "crash" and "KeyError" in crash.error
    started = time.monotonic()
    _, hang = run_guarded("t", lambda: time.sleep(5), "x", expected=(), limit=0.2)
    assert hang is not None and hang.kind == "hang" and time.monotonic() - started < 2
    _, refused = run_guarded(
        "t",
        lambda: (_ for _ in ()).throw(ValueProblem("invalid_date")),
        "x",
        expected=(ValueProblem,),
        limit=1.0,
    )
    assert refused is None


def test_a_short_fuzz_of_every_value_parser_finds_nothing():
    tally = Tally()
    fuzz_values(tally, 40, time.monotonic() + 60)
    assert set(TARGETS) <= set(tally.inputs)
    assert not tally.failures, list(tally.failures.values())


def test_the_database_oracle_can_fail(tmp_path):
    """The fuzz's database oracle passes an import that changes nothing and fails one that changes data."""
    import openpyxl

    from fuzz.oracle import DatabaseOracle
    from fuzz.values import WrongResult
    from tests.helpers.hostile import mh

    base = mh.build_workbook(tmp_path / "base.xlsx")
    oracle = DatabaseOracle(tmp_path, base)
    oracle.check(base, "column")  # the same content: nothing changes
    wb = openpyxl.load_workbook(base)
    wb["活动"]["B3"] = "另一个标题"
    wb.save(tmp_path / "changed.xlsx")
    oracle.check(tmp_path / "changed.xlsx", "cells")  # a cell edit may change data: not judged
    with pytest.raises(WrongResult, match="changed the database"):
        oracle.check(tmp_path / "changed.xlsx", "column")
    assert oracle.checked == 2


def test_junk_inside_a_cells_text_is_judged_as_a_cell_edit():
    """The third fuzz hour's report: a byte put into a shared string's text changed an activity's
    description without a finding. That is what the file says (a hand edit looks the same), so such
    junk is judged as a cell edit; junk in a tag, in markup or between elements stays garbage."""
    from fuzz.workbooks import lands_in_text

    xml = (
        b'<sst><si><t>\xe2\x80\x9d\xef\xbc\x8c</t></si><si><t xml:space="preserve"> a</t></si></sst><v>12</v>'
    )
    inside_first = xml.index(b"\xef\xbc\x8c")
    assert lands_in_text(xml, inside_first, b"c")  # the found case: “…”c，…
    assert lands_in_text(xml, xml.index(b" a"), b"x")  # a <t> with attributes
    assert lands_in_text(xml, xml.index(b"12</v>") + 1, b"9")  # a number's digits
    assert lands_in_text(xml, xml.index(b"</t>"), b"z")  # at the end of the text
    assert not lands_in_text(xml, inside_first, b"<b/>")  # markup is not text
    assert not lands_in_text(xml, xml.index(b"<si>") + 2, b"c")  # inside a tag
    assert not lands_in_text(xml, xml.index(b"<si>"), b"c")  # between elements
    assert not lands_in_text(xml, xml.index(b"<t>") + 2, b"c")  # in the opening tag itself
