"""One rule, one place: the register refuses what the workbook reader refuses, and accepts nothing it rejects."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from lifelong_desktop.services import fields, registers
from lifelong_desktop.services.planning import ActivityInput, create_activity
from lifelong_desktop.services.planning import validate as planning_validate
from lifelong_desktop.services.programme_settings import change_settings
from lifelong_desktop.services.programmes import create_programme
from lifelong_desktop.submission import values as v
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.reading.cells import parser_for
from lifelong_desktop.submission.reading.errors import errors_in
from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.submission.writing.export import export_programme

BAD = {"email": "a@b..c", "contact_phone": "024+8689 1234", "credit_code": "91320000MA1XXXXXX0"}
ORG_COLUMNS = {c.key: c for c in load_format().tables["organisations"].columns}
pytestmark = pytest.mark.stores  # the database parts on SQLite and on PostgreSQL (tests/conftest.py)


def _reader(key: str):
    return parser_for(load_format(), ORG_COLUMNS[key], 2025, v.RegionResolver("320000"))


@pytest.mark.parametrize("key", sorted(BAD))
def test_the_register_refuses_what_the_reader_refuses(db, key):
    with pytest.raises(registers.RegisterError) as err, db.transaction("org") as s:
        registers.create_organisation(
            s, {"name": "江苏开放大学", "org_type": "open_university", key: BAD[key]}
        )
    with pytest.raises(v.ValueProblem) as problem:
        _reader(key)(BAD[key])
    assert err.value.code == problem.value.code == f"invalid_{key.removeprefix('contact_')}"
    assert err.value.field == key
    assert BAD[key] in err.value.message("zh")


@pytest.mark.parametrize(("key", "cell"), [("email", "G3"), ("contact_phone", "F3")])
def test_a_workbook_with_the_value_is_refused_at_its_cell(db, tmp_path, key, cell):
    """The same two values typed into a workbook's 单位 sheet: the reader names 单位!G3 and 单位!F3."""
    path = _export_one(db, tmp_path)
    wb = load_workbook(path)
    assert wb["单位"][cell[0] + "2"].value == key
    wb["单位"][cell].value = BAD[key]
    wb.save(path)
    found = [(f.sheet, f.cell, f.code) for f in read_workbook(path).findings if f.severity == "error"]
    assert found == [("单位", cell, f"invalid_{key.removeprefix('contact_')}")]


def _export_one(db, tmp_path):
    with db.transaction("plan") as s:
        p = create_programme(s, region_code="320000", year=2025)
        change_settings(s, p, submitting_unit="江苏省教育厅", contact_name="李明")
        org = registers.create_organisation(s, {"name": "江苏开放大学", "org_type": "open_university"}).id
        create_activity(
            s,
            p.id,
            ActivityInput(
                title="开放大学开放日",
                start_date=date(2025, 5, 12),
                end_date=date(2025, 5, 12),
                activity_type="open_day",
                level="provincial",
                mode="online",
                online_url="https://example.org/open",
                city_code="320100",
                host_ids=(org,),
            ),
        )
        result = export_programme(s, p, tmp_path / "one.xlsx", verify=errors_in)
    return result.path


PHONE_TEXT = st.text(alphabet="0123456789+-() ．０１２（）\u3000", max_size=24)
EMAIL_TEXT = st.text(alphabet="ab1.@-_ ＠．", max_size=16)
CREDIT_TEXT = st.one_of(
    st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXYZIOSV", min_size=17, max_size=19),
    st.builds(
        lambda s: s + fields.credit_check_char(s),
        st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17),
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(phone=PHONE_TEXT, email=EMAIL_TEXT, credit=CREDIT_TEXT)
def test_whatever_the_register_accepts_the_reader_reads_back_unchanged(phone, email, credit):
    for key, typed in (("contact_phone", phone), ("email", email), ("credit_code", credit)):
        try:
            stored = registers.rules._clean({key: typed}, (key,), "organisation")[key]
        except registers.RegisterError:
            with pytest.raises(v.ValueProblem):
                _reader(key)(v.clean(typed))
            continue
        if stored:
            assert _reader(key)(v.clean(stored)) == stored, (key, typed, stored)


def test_the_activity_form_refuses_what_the_reader_refuses():
    """An activity's contact phone and text lengths: planning.validate and the 活动 reader agree."""
    base = ActivityInput(
        title="讲座", start_date=date(2025, 5, 12), end_date=date(2025, 5, 12), host_ids=(1,)
    )
    columns = {c.key: c for c in load_format().tables["activities"].columns}
    reader = parser_for(load_format(), columns["contact_phone"], 2025, v.RegionResolver("320000"))
    with pytest.raises(v.ValueProblem) as problem:
        reader(BAD["contact_phone"])
    assert problem.value.code in planning_validate(base.replace(contact_phone=BAD["contact_phone"]))
    assert planning_validate(base.replace(contact_phone="025-8335 1234")) == []
    assert "contact_name_too_long" in planning_validate(base.replace(contact_name="李" * 51))
    assert planning_validate(base.replace(contact_name="李" * 50)) == []
    assert "invalid_code" in planning_validate(base.replace(mode="by_carrier_pigeon"))


def test_the_checks_and_the_export_name_the_same_missing_fields():
    from types import SimpleNamespace

    from lifelong_desktop.services.checks.rules import missing_fields

    row = SimpleNamespace(
        title="讲座", activity_type=None, level="municipal", start_date=date(2025, 5, 1), end_date=date(2025, 5, 1),
        mode="hybrid", city_code="320100", hosts=("江苏开放大学",), status="planned", venue_name="", online_url="",
    )  # fmt: skip
    assert missing_fields(row) == ["activity_type", "venue", "online_url"]
    assert fields.missing_activity_fields(
        lambda k: getattr(row, "venue_name" if k == "venue" else k, None)
    ) == [
        "activity_type",
        "venue",
        "online_url",
    ]


@pytest.mark.parametrize(
    ("entity", "values", "code"),
    [
        ("organisation", {"name": "江苏开放大学", "org_type": "spaceship"}, "invalid_code"),
        ("organisation", {"name": "江苏开放大学", "org_type": ""}, "required"),
        ("venue", {"name": "南京图书馆", "city_code": "320100", "venue_type": "castle"}, "invalid_code"),
    ],
)
def test_register_code_lists_are_the_formats(db, entity, values, code):
    create = registers.create_organisation if entity == "organisation" else registers.create_venue
    with pytest.raises(registers.RegisterError) as err, db.transaction("x") as s:
        create(s, values)
    assert err.value.code == code and "registers." + code not in err.value.message("zh")


def test_the_checks_quick_reading_of_missing_fields_is_the_rule_itself():
    """missing_fields_of_rows answers a complete row at once: on every mix of blank and filled values it
    gives what missing_activity_fields gives."""
    import itertools
    from types import SimpleNamespace

    check = fields.missing_fields_of_rows({"venue": "venue_name"})
    full = {
        "title": "讲座", "activity_type": "lecture", "level": "municipal", "start_date": date(2025, 5, 1),
        "end_date": date(2025, 5, 1), "city_code": "320100", "hosts": ("江苏开放大学",), "status": "planned",
    }  # fmt: skip
    blanks = {"title": "", "activity_type": None, "hosts": (), "city_code": None}
    seen = set()
    for mode, venue, url, blank in itertools.product(
        (None, "", "offline", "online", "hybrid"),
        ("", "市图书馆"),
        ("", "  ", "https://x.cn"),
        (None, *blanks),
    ):
        values = {**full, "mode": mode, "venue_name": venue, "online_url": url}
        if blank is not None:
            values[blank] = blanks[blank]
        row = SimpleNamespace(**values)
        expected = fields.missing_activity_fields(
            lambda k, row=row: getattr(row, "venue_name" if k == "venue" else k, None)
        )
        assert check(row) == expected, values
        seen.add(tuple(expected))
    assert () in seen and ("venue",) in seen and ("online_url",) in seen and ("mode",) in seen
