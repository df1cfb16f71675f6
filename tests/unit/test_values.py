"""The pure value parsers of format section 7."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from lifelong_desktop.submission import values as v
from lifelong_desktop.submission.format import code_lookup, load_format

FMT = load_format()
TRUE, FALSE = FMT.booleans["true"], FMT.booleans["false"]


def code(value, code_list="activity_type"):
    return v.parse_code(value, code_lookup(FMT, code_list))


def problem(fn, *args, **kw) -> str:
    with pytest.raises(v.ValueProblem) as info:
        fn(*args, **kw)
    return info.value.code


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  讲座 ", "讲座"),
        ("\u3000沈阳\u3000", "沈阳"),
        ("\t\nx\r\n", "x"),
        ("", None),
        ("   ", None),
        ("\u3000\u3000", None),
        (None, None),
        (12, 12),
        ("a\nb", "a\nb"),
        ("a\tb", "a\tb"),
    ],
)
def test_clean_trims_white_space_including_full_width(raw, expected):
    assert v.clean(raw) == expected


@pytest.mark.parametrize("raw", ["a\x01b", "\x00", "x\x7f", "x\x85y", "x\x1fy", "_x0001_hi", "ok_x0007_"])
def test_control_characters_are_errors_also_when_escaped(raw):
    assert problem(v.clean, raw) == "control_character"


def test_escapes_are_decoded_and_escaped_underscore_kept():
    assert v.decode_escapes("a_x000A_b") == "a\nb"
    assert v.decode_escapes("_x005F_x0041_") == "_x0041_"
    assert v.clean("_x0041_BC") == "ABC"
    assert v.clean("_x0001_", decode=False) == "_x0001_"  # the cell reader decoded already


def test_fold_full_width_forms():
    assert v.fold("２０２４－０４－２６") == "2024-04-26"
    assert v.fold("ＡＢＣ\u3000１") == "ABC 1"


@pytest.mark.parametrize(
    "raw, expected",
    [
        (date(2024, 4, 26), date(2024, 4, 26)),
        (datetime(2024, 4, 26, 0, 0), date(2024, 4, 26)),
        ("2024-04-26", date(2024, 4, 26)),
        ("2024/4/26", date(2024, 4, 26)),
        ("2024.4.26", date(2024, 4, 26)),
        ("2024年4月26日", date(2024, 4, 26)),
        ("２０２４年４月２６日", date(2024, 4, 26)),
        ("2024-04-26 00:00:00", date(2024, 4, 26)),
        (45408, date(2024, 4, 26)),
        (45408.0, date(2024, 4, 26)),
        ("4月26日", date(2023, 4, 26)),
        (1, date(1900, 1, 1)),
        (61, date(1900, 3, 1)),
        ("45408", date(2024, 4, 26)),
    ],
)
def test_dates(raw, expected):
    assert v.parse_date(raw, year=2023) == expected


@pytest.mark.parametrize("raw", ["2024-13-01", "2024-02-30", "26/4/2024", "明天", True, 0, -5, 3e7, time(9)])
def test_bad_dates(raw):
    assert problem(v.parse_date, raw, year=2024) == "invalid_date"


def test_month_day_needs_a_year():
    assert problem(v.parse_date, "4月26日") == "invalid_date"


@pytest.mark.parametrize(
    "raw, expected",
    [
        (time(9, 30), time(9, 30)),
        ("9:30", time(9, 30)),
        ("09:30", time(9, 30)),
        ("9：30", time(9, 30)),
        ("9时30分", time(9, 30)),
        ("9点30", time(9, 30)),
        ("9点", time(9, 0)),
        ("14点半", time(14, 30)),
        ("09:30:00", time(9, 30)),
        (0.5, time(12, 0)),
        (timedelta(hours=9, minutes=30), time(9, 30)),
        (datetime(1899, 12, 30, 9, 30), time(9, 30)),
    ],
)
def test_times(raw, expected):
    assert v.parse_time(raw) == expected


@pytest.mark.parametrize("raw", ["25:00", "9:60", "noon", 1.5, "9:00-"])
def test_bad_times(raw):
    assert problem(v.parse_time, raw) == "invalid_time"


@pytest.mark.parametrize(
    "raw", ["9:00-11:30", "9:00～11:30", "9:00~11:30", "9:00 至 11:30", "9点-11点半", "９：００－１１：３０"]
)
def test_time_ranges(raw):
    assert v.parse_time_range(raw) == (time(9, 0), time(11, 30))


def test_single_time_is_not_a_range():
    assert v.parse_time_range("9:30") == (time(9, 30), None)
    assert v.parse_time_range(time(9, 30)) == (time(9, 30), None)


@pytest.mark.parametrize(
    "raw, expected",
    [
        (1200, 1200),
        (1200.0, 1200),
        ("1200", 1200),
        ("1,200", 1200),
        ("1200.0", 1200),
        ("１２００", 1200),
        ("0", 0),
        ("12,345,678", 12345678),
    ],
)
def test_integers(raw, expected):
    assert v.parse_int(raw) == expected


@pytest.mark.parametrize("raw", [-1, "-1", 1.5, "1.5", "12,34", "abc", True, "1e3", 10**16])
def test_bad_integers(raw):
    assert problem(v.parse_int, raw) == "invalid_number"


def test_merge_sequence_numbers_fit():
    assert v.parse_int("20241201183000", minimum=1) == 20241201183000
    assert v.parse_int(20241201183000.0, minimum=1) == 20241201183000


def test_integer_minimum():
    assert problem(v.parse_int, 0, minimum=1) == "invalid_number"
    assert v.parse_int(1, minimum=1) == 1


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("是", True),
        ("否", False),
        ("Y", True),
        ("n", False),
        ("Yes", True),
        ("NO", False),
        ("true", True),
        ("FALSE", False),
        (1, True),
        (0, False),
        ("1", True),
        (True, True),
        ("Ｙ", True),
    ],
)
def test_booleans(raw, expected):
    assert v.parse_bool(raw, TRUE, FALSE) is expected


def test_bad_boolean():
    assert problem(v.parse_bool, "也许", TRUE, FALSE) == "invalid_boolean"


@pytest.mark.parametrize(
    "raw",
    ["024-12345678", "+86 138 0000 0000", "(024)8888", "13800000000", 13800000000.0, "０２４－１２３４５"],
)
def test_phones(raw):
    assert v.parse_phone(raw)


@pytest.mark.parametrize("raw", ["1234", "call me", "1" * 21, "138-0000-0000 ext", "++++-"])
def test_bad_phones(raw):
    assert problem(v.parse_phone, raw) == "invalid_phone"


def test_uuids():
    u = "5B0C6C1E-3F4A-4C1B-9D1E-0A2B3C4D5E6F"
    assert v.parse_uuid(u) == u.lower()
    assert v.parse_uuid("{" + u + "}") == u.lower()
    assert problem(v.parse_uuid, "not-a-uuid") == "invalid_uuid"
    assert problem(v.parse_uuid, "1234") == "invalid_uuid"


def test_emails():
    assert v.parse_email("office@lnou.example.cn") == "office@lnou.example.cn"
    for bad in ("office", "a@b", "a b@c.cn", "@c.cn"):
        assert problem(v.parse_email, bad) == "invalid_email"


def test_credit_code_check_character():
    body = "91110000100000000"  # 17 characters
    good = body + v.credit_check_char(body)
    assert v.parse_credit_code(good) == good
    assert v.parse_credit_code(good.lower()) == good
    wrong = body + ("0" if good[-1] != "0" else "1")
    assert problem(v.parse_credit_code, wrong) == "invalid_credit_code"
    assert problem(v.parse_credit_code, "12345") == "invalid_credit_code"
    assert problem(v.parse_credit_code, body + "I") == "invalid_credit_code"  # I is not in the alphabet


def test_known_credit_code():
    # A published code: 91350100M000100Y43 (GB 32100-2015 example set)
    assert v.parse_credit_code("91350100M000100Y43") == "91350100M000100Y43"


def test_codes_by_label_or_key_case_insensitive():
    assert code("讲座") == "lecture"
    assert code("LECTURE") == "lecture"
    assert code("Opening_Ceremony") == "opening_ceremony"
    assert problem(code, "演唱会") == "invalid_code"


def test_code_lists_with_every_separator():
    lookup = code_lookup(FMT, "audience")
    assert v.parse_code_list("老年人；职工;农民、青少年，妇女,残疾人\n社会公众", lookup) == (
        "elderly",
        "workers",
        "farmers",
        "youth",
        "women",
        "disabled",
        "public",
    )
    assert v.parse_code_list("老年人；老年人；elderly", lookup) == ("elderly",)
    assert problem(v.parse_code_list, "老年人；外星人", lookup) == "invalid_code"


def test_organisation_lists_keep_order_and_drop_repeats():
    assert v.parse_organisation_list("教育部；辽宁省人民政府;沈阳市教育局\n辽宁开放大学") == (
        "教育部",
        "辽宁省人民政府",
        "沈阳市教育局",
        "辽宁开放大学",
    )
    assert v.parse_organisation_list("教育部；教育部 ；；") == ("教育部",)
    assert v.parse_organisation_list("甲、乙") == ("甲、乙",)  # 、 is not a name separator
    assert problem(v.parse_organisation_list, "名" * 101) == "too_long"


def test_text_length():
    assert v.parse_text("名" * 100, max_length=100)
    assert problem(v.parse_text, "名" * 101, max_length=100) == "too_long"
    assert v.parse_text(1200.0) == "1200"


class TestRegions:
    def test_codes_as_text_or_number(self):
        r = v.RegionResolver("210000")
        assert r.parse("210100") == "210100"
        assert r.parse(210100) == "210100"
        assert r.parse(210100.0) == "210100"
        assert r.parse("２１０１００") == "210100"

    def test_name_unique_inside_the_region(self):
        r = v.RegionResolver("210000")
        assert r.parse("沈阳市") == "210100"
        assert r.parse("210100 沈阳市") == "210100"
        assert r.parse("210102 和平区") == "210102"

    def test_ambiguous_or_unknown_names(self):
        assert problem(v.RegionResolver("000000").parse, "和平区") == "unknown_region"  # Shenyang and Tianjin
        assert problem(v.RegionResolver("210000").parse, "广州市") == "unknown_region"
        assert problem(v.RegionResolver("210000").parse, "999999") == "unknown_region"
        assert problem(v.RegionResolver("210000").parse, "210100 大连市") == "unknown_region"

    def test_municipality_districts(self):
        assert v.RegionResolver("000000").parse("110100") == "110100"
