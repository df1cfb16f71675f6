"""Programme settings: defaults of a new programme, the rules, `lifelong programme new|set|show`, the upgrade."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from lifelong_desktop.cli import main
from lifelong_desktop.db import open_database
from lifelong_desktop.services.programme_settings import (
    ProgrammeSettings,
    SettingsError,
    change_settings,
    clean_settings,
    default_settings,
    missing_for_export,
    national_week,
)
from lifelong_desktop.services.programmes import create_programme, get_programme, to_row

pytestmark = pytest.mark.stores  # on SQLite and on PostgreSQL (tests/conftest.py)

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_defaults_take_the_national_week_where_known_else_leave_it_to_ask():
    known = default_settings(2024)
    assert (known.week_start, known.week_end) == national_week(2024) == (date(2024, 4, 26), date(2024, 5, 2))
    unknown = default_settings(2031)
    assert unknown.week_start is None and unknown.week_end is None
    assert (unknown.window_start, unknown.window_end) == (date(2031, 4, 1), date(2031, 12, 31))
    assert clean_settings(2031, unknown)[1] == []


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"contact_phone": "024+8689 1234"}, "contact_phone", "invalid_phone"),
        ({"contact_email": "a@b..c"}, "contact_email", "invalid_email"),
        ({"submitting_unit": "单" * 101}, "submitting_unit", "too_long"),
        ({"contact_name": "李\x07明"}, "contact_name", "control_character"),
        ({"window_end": date(2025, 3, 1)}, "window_end", "date_order"),
        ({"window_start": date(2024, 12, 1)}, "window_start", "outside_year"),
        ({"week_start": date(2025, 5, 12), "week_end": None}, "week_end", "required"),
        ({"week_start": date(2025, 5, 12), "week_end": date(2025, 5, 10)}, "week_end", "date_order"),
        (
            {"window_end": date(2025, 5, 1), "week_start": date(2025, 5, 12), "week_end": date(2025, 5, 18)},
            "week_start",
            "week_outside_window",
        ),
    ],
)
def test_each_rule_names_its_field(changes, field, code):
    problems = clean_settings(2025, default_settings(2025).replace(**changes))[1]
    assert (field, code) in [(p.field, p.code) for p in problems]


def test_good_settings_are_cleaned_as_the_reader_reads_them():
    cleaned, problems = clean_settings(
        2025,
        ProgrammeSettings("  江苏省教育厅\u3000", "李明", "０２５-8335 1234", "li@jyt.js.example", "主题"),
    )
    assert problems == []
    assert (cleaned.submitting_unit, cleaned.contact_phone) == ("江苏省教育厅", "025-8335 1234")


def test_a_refused_change_changes_nothing(db):
    with db.transaction("p") as s:
        p = create_programme(s, region_code="320000", year=2025)
        p_id = p.id
    with pytest.raises(SettingsError) as err, db.transaction("set") as s:
        change_settings(
            s, s.get(type(p), p_id), submitting_unit="江苏省教育厅", contact_phone="024+8689 1234"
        )
    assert [x.code for x in err.value.problems] == ["invalid_phone"]
    with db.read() as s:
        row = to_row(s, get_programme(s, 2025))
        assert (row.submitting_unit, row.contact_phone) == ("", "")
        assert [m.field for m in missing_for_export(get_programme(s, 2025))] == [
            "submitting_unit",
            "contact_name",
        ]


def test_cli_new_set_show(db_path, capsys):
    db = str(db_path)
    code, out, _ = _run(
        capsys, "programme", "new", "--db", db, "--region", "320000", "--year", "2025", "--theme", "终身学习"
    )
    assert code == 0 and "江苏省" in out and "lifelong programme set" in out
    code, _, err = _run(
        capsys, "programme", "set", "--db", db, "--unit", "江苏省教育厅", "--contact", "李明",
        "--phone", "025-8335 1234", "--email", "li@jyt.js.example", "--week-start", "5月12日", "--week-end", "2025年5月18日",
    )  # fmt: skip
    assert code == 0, err
    shown = json.loads(_run(capsys, "programme", "show", "--db", db, "--json")[1])
    assert shown | {"submission_id": ""} == {
        "region_code": "320000",
        "region_name": "江苏省",
        "year": 2025,
        "submitting_unit": "江苏省教育厅",
        "contact_name": "李明",
        "contact_phone": "025-8335 1234",
        "contact_email": "li@jyt.js.example",
        "theme": "终身学习",
        "window_start": "2025-04-01",
        "window_end": "2025-12-31",
        "week_start": "2025-05-12",
        "week_end": "2025-05-18",
        "submission_id": "",
        "submission_seq": 0,
        "activities": 0,
    }
    text = _run(capsys, "programme", "show", "--db", db)[1]
    assert "填报单位: 江苏省教育厅" in text and "活动周开始日期: 2025-05-12" in text


def test_cli_refusals_are_sentences_with_their_exit_codes(db_path, store, capsys):
    db = str(db_path)
    assert _run(capsys, "programme", "new", "--db", db, "--region", "999999", "--year", "2025")[0] == 2
    assert (
        store == "postgresql" or not Path(db).exists()
    )  # no file made; nor a programme (the next `new` works)
    assert _run(capsys, "programme", "new", "--db", db, "--region", "320000", "--year", "2025")[0] == 0
    code, _, err = _run(capsys, "programme", "new", "--db", db, "--region", "320000", "--year", "2025")
    assert code == 1 and "已有 2025 年" in err
    code, _, err = _run(capsys, "programme", "set", "--db", db)
    assert code == 2 and "--unit" in err
    code, _, err = _run(capsys, "programme", "set", "--db", db, "--unit", "江苏省教育厅", "--email", "a@b..c")
    assert code == 1 and "a@b..c" in err and "Traceback" not in err
    code, _, err = _run(capsys, "programme", "set", "--db", db, "--week-start", "5月32日")
    assert code == 1 and "5月32日" in err
    assert json.loads(_run(capsys, "programme", "show", "--db", db, "--json")[1])["submitting_unit"] == ""
    code, _, err = _run(capsys, "--lang", "en", "programme", "set", "--db", db, "--phone", "024+8689 1234")
    assert code == 1 and "does not look like a phone number" in err


@pytest.mark.sqlite_only  # a SQLite file of schema 0001, upgraded in place
def test_a_0001_database_upgrades_and_keeps_its_programme(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(SCHEMA / "0001.sqlite", path)
    con = sqlite3.connect(path)
    before = con.execute(
        "SELECT year, submitting_unit, contact_phone FROM programme ORDER BY year"
    ).fetchall()
    con.close()
    db = open_database(path)
    try:
        with db.transaction("set") as s:
            p = get_programme(s, before[-1][0])
            assert ProgrammeSettings.of(p).contact_email == ""
            change_settings(s, p, contact_email="office@example.org")
        with db.read() as s:
            assert get_programme(s, before[-1][0]).contact_email == "office@example.org"
    finally:
        db.close()
    con = sqlite3.connect(path)
    after = con.execute("SELECT year, submitting_unit, contact_phone FROM programme ORDER BY year").fetchall()
    con.close()
    assert after == before


def test_next_years_programme_keeps_the_unit_and_contact(db):
    from lifelong_desktop.services.planning import new_programme_from

    with db.transaction("p") as s:
        p = create_programme(s, region_code="320000", year=2025)
        change_settings(
            s, p, submitting_unit="江苏省教育厅", contact_name="李明", contact_email="li@js.example"
        )
        new_id, _ = new_programme_from(s, p.id, copy_activities=False)
    with db.read() as s:
        row = to_row(s, get_programme(s, 2026))
        assert row.id == new_id
        assert (row.submitting_unit, row.contact_name, row.contact_email) == (
            "江苏省教育厅",
            "李明",
            "li@js.example",
        )


def test_export_lists_each_activity_that_lacks_a_required_field(db_path, tmp_path, capsys):
    from lifelong_desktop.services import planning, registers
    from lifelong_desktop.services.planning import ActivityInput

    path, out = db_path, tmp_path / "p.xlsx"
    db = open_database(path)
    try:
        with db.transaction("p") as s:
            p = create_programme(s, region_code="320000", year=2025)
            change_settings(s, p, submitting_unit="江苏省教育厅", contact_name="李明")
            org = registers.create_organisation(s, {"name": "江苏开放大学", "org_type": "open_university"}).id
            planning.create_activity(
                s,
                p.id,
                ActivityInput(
                    title="开放日",
                    start_date=date(2025, 5, 12),
                    end_date=date(2025, 5, 12),
                    mode="hybrid",
                    city_code="320100",
                    host_ids=(org,),
                ),
            )
    finally:
        db.close()
    code, _, err = _run(capsys, "export", "--db", str(path), "--out", str(out))
    assert code == 1 and not out.exists()
    assert "活动“开放日”（2025-05-12）缺少：活动类型、活动级别、活动场地、线上平台或链接" in err
