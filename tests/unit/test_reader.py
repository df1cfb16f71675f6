"""Reading workbooks: columns by key or label, header rows, per-cell and cross-field findings (format 3-7, 11)."""

from __future__ import annotations

import json
from datetime import date, time

import pytest

from lifelong_desktop import messages
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.reading.reader import read_workbook
from tests.helpers.hostile import mh

SECTION_11 = """not_a_workbook damaged encrypted too_large unsafe_xml wrong_format unsupported_version missing_sheet
missing_column required too_long control_character formula_not_allowed invalid_code invalid_date invalid_time
invalid_datetime invalid_number invalid_boolean invalid_phone invalid_uuid invalid_email invalid_credit_code
date_order time_order duplicate_id duplicate_name unknown_parent unknown_region region_outside_scope unknown_column
unknown_organisation unknown_venue actual_before_held conflicting_organisation stale_submission
missing_in_resubmission superseded same_region_twice local_edit_newer lock_file_skipped""".split()


def read(tmp_path, name="w.xlsx", **kw):
    return read_workbook(mh.build_workbook(tmp_path / name, **kw))


def found(result, code=None):
    return [(f.code, f.where()) for f in result.findings if code is None or f.code == code]


def test_every_code_has_a_sentence_in_both_languages():
    for code in SECTION_11:
        for lang in ("zh", "en"):
            assert messages.has("finding." + code), code
            text = messages.render(
                "finding." + code,
                lang,
                sheet="活动",
                cell="B3",
                key="title",
                label="活动名称",
                value="x",
                length=101,
                max=100,
                first=3,
                column="备注",
                names="甲",
                title="开幕式",
                seq=1,
                latest=2,
            )
            assert "{" not in text and text != "finding." + code, (code, lang)


def test_sample_workbook_reads_clean_and_typed(tmp_path):
    result = read(tmp_path)
    assert result.findings == [] and result.exit_code == 0
    h = result.data.header
    assert (h["year"], h["submission_seq"], h["scope"], h["region_code"]) == (2024, 3, "province", "210000")
    act = result.data.activities[0]
    assert act["activity_type"] == "opening_ceremony" and act["mode"] == "hybrid"
    assert act["hosts"] == ("教育部", "辽宁省人民政府")
    assert act["audiences"] == ("public", "elderly")
    assert act["start_time"] == time(9, 30) and act["featured"] is True
    assert result.data.rows["activities"] == [3]
    assert result.data.venues[0]["capacity"] == 800


def test_header_values_as_numbers_and_rows_in_any_order(tmp_path):
    header = mh.sample_header(year=2024, region_code=210000, format_version=1.0, submission_seq=3.0)
    header = dict(reversed(list(header.items())))
    result = read(tmp_path, header=header)
    assert result.exit_code == 0
    assert result.data.header["region_code"] == "210000" and result.data.header["format_version"] == "1.0"


@pytest.mark.parametrize(
    "key",
    [
        "format",
        "format_version",
        "scope",
        "region_code",
        "year",
        "submission_id",
        "submission_seq",
        "submitting_unit",
        "contact_name",
    ],
)
def test_required_header_keys(tmp_path, key):
    header = mh.sample_header()
    del header[key]
    result = read(tmp_path, header=header)
    assert result.exit_code == 1
    expected = {"format": "wrong_format", "format_version": "unsupported_version"}.get(key, "required")
    assert any(f.code == expected and f.key == key for f in result.findings)


def test_national_scope_needs_no_unit_or_contact(tmp_path):
    header = mh.sample_header(scope="national", region_code="000000", submitting_unit=None, contact_name=None)
    result = read(tmp_path, header=header)
    assert found(result, "required") == []


def test_wrong_format_and_other_major_version_stop_reading(tmp_path):
    assert found(read(tmp_path, header=mh.sample_header(format="OTHER")))[0][0] == "wrong_format"
    result = read(tmp_path, "v2.xlsx", header=mh.sample_header(format_version="2.0"))
    assert [f.code for f in result.findings] == ["unsupported_version"] and result.exit_code == 1
    assert read(tmp_path, "v13.xlsx", header=mh.sample_header(format_version="1.3")).exit_code == 0


def test_missing_sheets(tmp_path):
    result = read(tmp_path, skip_sheets=("单位", "场地"))
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert result.data.organisations == [] and found(result, "unknown_organisation")
    result = read(tmp_path, "no_acts.xlsx", skip_sheets=("活动",))
    assert found(result) == [("missing_sheet", "活动")]
    result = read(tmp_path, "no_head.xlsx", skip_sheets=("填报信息",))
    assert found(result) == [("missing_sheet", "填报信息")] and result.exit_code == 1


def test_columns_reordered_unknown_and_missing(tmp_path):
    fmt = load_format()
    keys = list(reversed(fmt.tables["activities"].keys))
    result = read(tmp_path, columns={"activities": keys}, extra_columns={"activities": ["备注"]})
    assert result.exit_code == 0
    assert found(result) == [("unknown_column", "活动!AC2")]  # 28 known columns, then 备注 in the key row
    assert result.columns["activities"]["activity_id"] == "AB"
    assert result.data.activities[0]["title"] == "全民终身学习活动周开幕式"
    keys.remove("title")
    result = read(tmp_path, "missing.xlsx", columns={"activities": keys})
    assert [(f.code, f.key) for f in result.findings] == [("missing_column", "title")]


def test_deleted_key_row_falls_back_to_labels(tmp_path):
    result = read(tmp_path, key_row=False)
    assert result.exit_code == 0
    assert result.data.rows["activities"] == [2]
    assert result.data.activities[0]["hosts"] == ("教育部", "辽宁省人民政府")


def test_blank_rows_are_skipped_anywhere(tmp_path):
    blank = {k: None for k in load_format().tables["activities"].keys}
    spaces = dict(blank, title="  ", description="\u3000")
    acts = [
        blank,
        mh.sample_activity(),
        spaces,
        mh.sample_activity(activity_id=mh.ACT_2, title="讲座"),
        blank,
    ]
    result = read(tmp_path, activities=acts)
    assert result.exit_code == 0
    assert result.data.rows["activities"] == [4, 6]


def test_cell_errors_name_their_cells(tmp_path):
    act = mh.sample_activity(
        level="xx",
        start_date="2024-13-01",
        expected_participants=-3,
        featured="也许",
        contact_phone="abc",
        activity_id="nope",
        audiences="老年人；外星人",
        start_time="25:00",
        title="名" * 101,
        description="a\x01b".replace("\x01", "_x0001_"),
    )
    result = read(tmp_path, activities=[act])
    letters = result.columns["activities"]
    expected = {
        ("invalid_code", "level"),
        ("invalid_date", "start_date"),
        ("invalid_number", "expected_participants"),
        ("invalid_boolean", "featured"),
        ("invalid_phone", "contact_phone"),
        ("invalid_uuid", "activity_id"),
        ("invalid_code", "audiences"),
        ("invalid_time", "start_time"),
        ("too_long", "title"),
        ("control_character", "description"),
    }
    got = {(f.code, f.key) for f in result.findings if f.severity == "error"}
    assert expected <= got
    for f in result.findings:
        if (f.code, f.key) in expected:
            assert f.sheet == "活动" and f.cell == f"{letters[f.key]}3"


def test_cross_field_errors_name_the_dependent_cell(tmp_path):
    acts = [
        mh.sample_activity(start_date=date(2024, 5, 2), end_date=date(2024, 5, 1)),
        mh.sample_activity(activity_id=mh.ACT_2, start_time=time(11, 0), end_time=time(10, 0)),
        mh.sample_activity(activity_id=None, mode="线下", venue=None),
        mh.sample_activity(activity_id=None, mode="线上", online_url=None, venue=None),
    ]
    result = read(tmp_path, activities=acts)
    c = result.columns["activities"]
    assert ("date_order", f"活动!{c['end_date']}3") in found(result)
    assert ("time_order", f"活动!{c['end_time']}4") in found(result)
    assert ("required", f"活动!{c['venue']}5") in found(result)
    assert ("required", f"活动!{c['online_url']}6") in found(result)
    assert not any(f.key == "venue" for f in result.findings if f.cell.endswith("6"))


def test_time_range_fills_end_time_and_month_day_uses_the_year(tmp_path):
    act = mh.sample_activity(start_time="9:00-11:30", end_time=None, start_date="4月26日", end_date="4月26日")
    result = read(tmp_path, activities=[act])
    a = result.data.activities[0]
    assert result.exit_code == 0
    assert (a["start_time"], a["end_time"], a["start_date"]) == (time(9), time(11, 30), date(2024, 4, 26))


def test_duplicates_parents_and_scope(tmp_path):
    acts = [
        mh.sample_activity(),
        mh.sample_activity(title="重复编号"),
        mh.sample_activity(activity_id=mh.ACT_2, parent_id="33333333-3333-4333-8333-333333333333"),
        mh.sample_activity(activity_id=None, city_code="110100"),
        mh.sample_activity(activity_id=None, city_code="210100", county_code="210202"),
    ]
    orgs = mh.sample_organisations() + [
        {"name": "教育部 ", "org_type": "政府部门"},
        {"name": "ＡＢＣ", "org_type": "企业"},
        {"name": "abc", "org_type": "企业"},
    ]
    venues = mh.sample_venues() + [
        {"name": "辽宁省图书馆", "city_code": "210100"},
        {"name": "辽宁省图书馆", "city_code": "210200"},
    ]
    result = read(tmp_path, activities=acts, organisations=orgs, venues=venues)
    f = found(result)
    assert ("duplicate_id", "活动!A4") in f
    assert ("unknown_parent", f"活动!{result.columns['activities']['parent_id']}5") in f
    assert ("region_outside_scope", f"活动!{result.columns['activities']['city_code']}6") in f
    assert ("region_outside_scope", f"活动!{result.columns['activities']['county_code']}7") in f
    assert [x for x in f if x[0] == "duplicate_name"] == [
        ("duplicate_name", "单位!A7"),
        ("duplicate_name", "单位!A9"),
        ("duplicate_name", "场地!A4"),
    ]


def test_parent_loops_are_unknown_parents(tmp_path):
    acts = [
        mh.sample_activity(parent_id=mh.ACT_2),
        mh.sample_activity(activity_id=mh.ACT_2, parent_id=mh.ACT_1),
    ]
    result = read(tmp_path, activities=acts)
    assert [x[0] for x in found(result, "unknown_parent")] == ["unknown_parent", "unknown_parent"]
    ok = read(
        tmp_path,
        "ok.xlsx",
        activities=[mh.sample_activity(), mh.sample_activity(activity_id=mh.ACT_2, parent_id=mh.ACT_1)],
    )
    assert ok.exit_code == 0 and ok.data.activities[1]["parent_id"] == mh.ACT_1


def test_warnings_keep_exit_zero(tmp_path):
    act = mh.sample_activity(
        hosts="教育部；未登记单位", venue="未登记场地", actual_participants=30, status="已确认"
    )
    result = read(tmp_path, activities=[act])
    assert {x[0] for x in found(result)} == {"unknown_organisation", "unknown_venue", "actual_before_held"}
    assert result.exit_code == 0
    held = read(
        tmp_path, "held.xlsx", activities=[mh.sample_activity(actual_participants=30, status="已举办")]
    )
    assert found(held) == []


def test_city_workbook_and_region_names(tmp_path):
    header = mh.sample_header(scope="city", region_code="210100", region_name="沈阳市")
    ok = read(
        tmp_path, header=header, activities=[mh.sample_activity(city_code="沈阳市", county_code="和平区")]
    )
    assert ok.exit_code == 0 and ok.data.activities[0]["county_code"] == "210102"
    bad = read(
        tmp_path,
        "bad.xlsx",
        header=header,
        activities=[mh.sample_activity(city_code="210200", venue="大连图书馆")],
    )
    assert ("region_outside_scope", f"活动!{bad.columns['activities']['city_code']}3") in found(bad)


def test_county_workbook_rule(tmp_path):
    header = mh.sample_header(scope="county", region_code="210102", region_name="和平区")
    ok = read(
        tmp_path, header=header, activities=[mh.sample_activity(city_code="210100", county_code="210102")]
    )
    assert found(ok) == []
    result = read(
        tmp_path,
        "bad.xlsx",
        header=header,
        activities=[
            mh.sample_activity(city_code="210100", county_code=None),
            mh.sample_activity(activity_id=mh.ACT_2, city_code="210100", county_code="210103"),
        ],
    )
    c = result.columns["activities"]
    assert ("required", f"活动!{c['county_code']}3") in found(result)
    assert ("region_outside_scope", f"活动!{c['county_code']}4") in found(result)


def test_scope_must_match_the_region_level(tmp_path):
    result = read(tmp_path, header=mh.sample_header(scope="city"))
    assert [(f.code, f.key) for f in result.findings] == [("invalid_code", "scope")]


def test_finding_json_has_exactly_the_fields(tmp_path):
    result = read(tmp_path, activities=[mh.sample_activity(level="xx")])
    obj = result.findings[0].as_json()
    assert set(obj) == {"severity", "sheet", "cell", "key", "code", "message"}
    assert json.loads(json.dumps(obj, ensure_ascii=False))["code"] == "invalid_code"
    assert "活动级别" in obj["message"]
    assert result.findings[0].as_text().startswith("活动!D3 error invalid_code: ")


def test_findings_sorted_by_sheet_and_row(tmp_path):
    acts = [mh.sample_activity(level="xx"), mh.sample_activity(activity_id=mh.ACT_2, mode="yy")]
    orgs = mh.sample_organisations() + [{"name": "坏类型", "org_type": "??"}]
    result = read(tmp_path, activities=acts, organisations=orgs)
    where = [f.where() for f in result.findings]
    assert where.index("活动!D3") < where.index("活动!J4") < where.index("单位!B7")


def test_register_cells(tmp_path):
    orgs = [
        {"name": "甲单位", "org_type": "企业", "credit_code": "12345", "email": "a" * 96 + "@x.cn"},
        {"name": "乙单位", "org_type": "未知类型", "region_code": "999999", "contact_phone": "abc"},
    ]
    venues = [
        {"name": "某馆", "city_code": "210100", "capacity": "-1", "accessible": "也许", "venue_type": "宫殿"}
    ]
    result = read(tmp_path, organisations=orgs, venues=venues, activities=[])
    got = {(f.code, f.where()) for f in result.findings}
    assert {
        ("invalid_credit_code", "单位!C3"),
        ("too_long", "单位!G3"),
        ("invalid_code", "单位!B4"),
        ("unknown_region", "单位!D4"),
        ("invalid_phone", "单位!F4"),
        ("invalid_number", "场地!F3"),
        ("invalid_boolean", "场地!G3"),
        ("invalid_code", "场地!E3"),
    } <= got
