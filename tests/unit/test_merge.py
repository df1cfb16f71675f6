"""Merging returns (format section 12): superseded seqs, repeated regions, duplicate ids, organisations, header."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, time

import pytest
from openpyxl import load_workbook

pytest.importorskip("lifelong_desktop.submission.reading.reader")

from lifelong_desktop.cli import main
from lifelong_desktop.submission.merging.merge import (
    MergeProblem,
    expand_inputs,
    merge_files,
    merged_submission_id,
)
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.writing.writer import write_workbook

NOW = datetime(2024, 6, 30, 17, 5, 9)
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit(first17: str) -> str:
    """A unified social credit code with its GB 32100-2015 check character."""
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return first17 + CREDIT_CHARS[(31 - total % 31) % 31]


CREDIT_A, CREDIT_B = credit("12210000MB0000001"), credit("12210000MB0000002")


def city_return(
    city: str,
    name: str,
    *,
    sid: str | None = None,
    seq: int = 1,
    year: int = 2024,
    titles: tuple[str, ...] = ("讲座",),
    ids: tuple[str, ...] | None = None,
    orgs: list[dict] | None = None,
    expected: int = 100,
) -> WorkbookData:
    venue = f"{name}图书馆"
    host = f"{name}教育局"
    acts = [
        {
            "activity_id": (ids[i] if ids else str(uuid.uuid4())),
            "title": f"{name}{t}",
            "activity_type": "lecture",
            "level": "municipal",
            "start_date": date(year, 5, 10 + i),
            "start_time": time(9, 0),
            "end_date": date(year, 5, 10 + i),
            "end_time": time(11, 0),
            "mode": "offline",
            "city_code": city,
            "venue": venue,
            "hosts": (host,),
            "audiences": ("public",),
            "expected_participants": expected,
            "actual_participants": None,
            "status": "planned",
        }
        for i, t in enumerate(titles)
    ]
    return WorkbookData(
        header={
            "format": "LLW-SUBMISSION",
            "format_version": "1.0",
            "scope": "city",
            "region_code": city,
            "region_name": name,
            "year": year,
            "submitting_unit": host,
            "contact_name": "李老师",
            "contact_phone": "024-1234567",
            "submission_id": sid or str(uuid.uuid4()),
            "submission_seq": seq,
            "window_start": date(year, 4, 1 if city == "210100" else 10),
            "window_end": date(year, 12, 1),
        },
        activities=acts,
        organisations=orgs if orgs is not None else [{"name": host, "org_type": "government"}],
        venues=[{"name": venue, "city_code": city, "venue_type": "library"}],
    )


def save(tmp_path, name: str, data: WorkbookData):
    return write_workbook(data, tmp_path / name)


def merge(paths, tmp_path, **kw):
    kw.setdefault("unit", "辽宁省教育厅")
    kw.setdefault("contact", "王老师")
    return merge_files(list(paths), tmp_path / "out" / "merged.xlsx", now=NOW, **kw)


@pytest.fixture(autouse=True)
def out_dir(tmp_path):
    (tmp_path / "out").mkdir()


def codes(result, code):
    return [f for f in result.findings if f.code == code]


def test_header_of_a_province_merge(tmp_path):
    a = save(tmp_path, "沈阳.xlsx", city_return("210100", "沈阳市", titles=("讲座", "展览")))
    b = save(tmp_path, "大连.xlsx", city_return("210200", "大连市"))
    result = merge([a, b], tmp_path, phone="024-86891234")
    assert result.written and not [f for f in result.findings if f.severity == "error"]
    h = {r[1]: r[2] for r in load_workbook(result.path)["填报信息"].iter_rows(values_only=True)}
    assert h["scope"] == "province" and h["region_code"] == "210000" and h["region_name"] == "辽宁省"
    assert h["year"] == "2024"
    assert h["submission_id"] == str(uuid.uuid5(uuid.NAMESPACE_URL, "LLW:210000:2024"))
    assert h["submission_id"] == merged_submission_id("210000", 2024)
    assert h["submission_seq"] == 20240630170509
    assert (
        h["submitting_unit"] == "辽宁省教育厅"
        and h["contact_name"] == "王老师"
        and h["contact_phone"] == "024-86891234"
    )
    assert h["window_start"].date() == date(2024, 4, 1) and h["window_end"].date() == date(2024, 12, 1)
    assert len(result.data.activities) == 3


def test_summary_by_the_inputs_regions(tmp_path):
    a = save(tmp_path, "a.xlsx", city_return("210100", "沈阳市", titles=("讲座", "展览"), expected=70))
    b = save(tmp_path, "b.xlsx", city_return("210200", "大连市", expected=40))
    result = merge([a, b], tmp_path)
    rows = {r[0]: r for r in load_workbook(result.path)["汇总"].iter_rows(values_only=True) if r[0]}
    assert rows["210100"][1:4] == ("沈阳市", 2, 140)
    assert rows["210200"][1:4] == ("大连市", 1, 40)
    assert rows["210300"][2] == 0


def test_only_the_highest_seq_of_a_submission_is_kept(tmp_path):
    sid = str(uuid.uuid4())
    old = city_return(
        "210100",
        "沈阳市",
        sid=sid,
        seq=1,
        titles=("旧讲座", "旧展览"),
        orgs=[{"name": "沈阳市教育局", "org_type": "government"}, {"name": "只在旧版", "org_type": "other"}],
    )
    new = city_return("210100", "沈阳市", sid=sid, seq=2, titles=("新讲座",))
    p_new = save(tmp_path, "v2.xlsx", new)
    p_old = save(tmp_path, "v1.xlsx", old)
    for order in ([p_old, p_new], [p_new, p_old]):
        result = merge(order, tmp_path)
        assert [a["title"] for a in result.data.activities] == ["沈阳市新讲座"]
        assert [o["name"] for o in result.data.organisations] == ["沈阳市教育局"]
        sup = codes(result, "superseded")
        assert len(sup) == 1 and sup[0].file == "v1.xlsx" and sup[0].severity == "warning"
        assert result.written and result.kept == [p_new]


def test_two_submissions_of_one_region_are_both_kept_with_a_warning(tmp_path):
    a = save(tmp_path, "a.xlsx", city_return("210100", "沈阳市", titles=("甲",)))
    b = save(tmp_path, "b.xlsx", city_return("210100", "沈阳市", titles=("乙",)))
    result = merge([a, b], tmp_path)
    assert result.written and len(result.data.activities) == 2
    warn = codes(result, "same_region_twice")
    assert len(warn) == 1 and warn[0].severity == "warning" and warn[0].file == "b.xlsx"


def test_same_activity_id_in_two_submissions_is_an_error_and_nothing_is_written(tmp_path):
    shared = str(uuid.uuid4())
    a = save(tmp_path, "a.xlsx", city_return("210100", "沈阳市", ids=(shared,)))
    b = save(tmp_path, "b.xlsx", city_return("210200", "大连市", ids=(shared,)))
    result = merge([a, b], tmp_path)
    dup = codes(result, "duplicate_id")
    assert len(dup) == 1 and dup[0].severity == "error" and dup[0].file == "b.xlsx"
    assert dup[0].sheet == "活动" and dup[0].cell == "A3"
    assert not result.written and not (tmp_path / "out" / "merged.xlsx").exists()


def test_conflicting_credit_codes_keep_the_first_organisation(tmp_path):
    shared = [{"name": "辽宁开放大学", "org_type": "open_university", "credit_code": CREDIT_A}]
    a = city_return("210100", "沈阳市", orgs=shared + [{"name": "沈阳市教育局", "org_type": "government"}])
    b = city_return(
        "210200",
        "大连市",
        orgs=[
            {"name": "辽宁 开放大学", "org_type": "university", "credit_code": CREDIT_B},
            {"name": "大连市教育局", "org_type": "government"},
        ],
    )
    result = merge([save(tmp_path, "b.xlsx", b), save(tmp_path, "a.xlsx", a)], tmp_path)
    warn = codes(result, "conflicting_organisation")
    assert len(warn) == 1 and warn[0].file == "b.xlsx" and warn[0].severity == "warning"
    kept = [o for o in result.data.organisations if "开放大学" in o["name"]]
    assert kept == [dict(shared[0], region_code=None, contact_name=None, contact_phone=None, email=None)]
    assert result.written


def test_organisations_merge_by_credit_code_and_activities_follow(tmp_path):
    a = city_return(
        "210100", "沈阳市", orgs=[{"name": "沈阳市教育局", "org_type": "government", "credit_code": CREDIT_A}]
    )
    b = city_return(
        "210200", "大连市", orgs=[{"name": "大连市教育局", "org_type": "government", "credit_code": CREDIT_A}]
    )
    result = merge([save(tmp_path, "a.xlsx", a), save(tmp_path, "b.xlsx", b)], tmp_path)
    assert [o["name"] for o in result.data.organisations] == ["沈阳市教育局"]
    assert {a["hosts"] for a in result.data.activities} == {("沈阳市教育局",)}
    assert not codes(result, "conflicting_organisation")


def test_inputs_of_different_years_are_an_error(tmp_path):
    a = save(tmp_path, "a.xlsx", city_return("210100", "沈阳市", year=2024))
    b = save(tmp_path, "b.xlsx", city_return("210200", "大连市", year=2025))
    result = merge([a, b], tmp_path)
    err = codes(result, "years_differ")
    assert len(err) == 1 and err[0].file == "b.xlsx" and err[0].severity == "error"
    assert "2025" in err[0].message("zh") and not result.written


def test_inputs_of_two_provinces_or_two_levels_are_errors(tmp_path):
    a = save(tmp_path, "a.xlsx", city_return("210100", "沈阳市"))
    b = save(tmp_path, "b.xlsx", city_return("220100", "长春市"))
    assert codes(merge([a, b], tmp_path), "regions_differ")


def test_unit_and_contact_are_required_below_national(tmp_path):
    a = save(tmp_path, "a.xlsx", city_return("210100", "沈阳市"))
    with pytest.raises(MergeProblem) as exc:
        merge([a], tmp_path, unit="", contact="")
    assert exc.value.code == "unit_required"


def test_patterns_are_expanded_and_lock_files_skipped(tmp_path):
    save(tmp_path, "a.xlsx", city_return("210100", "沈阳市"))
    save(tmp_path, "b.xlsx", city_return("210200", "大连市"))
    (tmp_path / "~$a.xlsx").write_bytes(b"\x00lock")
    paths, skipped = expand_inputs([str(tmp_path / "*.xlsx"), str(tmp_path / "a.xlsx")], tmp_path / "m.xlsx")
    assert [p.name for p in paths] == ["a.xlsx", "b.xlsx"]
    assert [(f.code, f.file, f.severity) for f in skipped] == [("lock_file_skipped", "~$a.xlsx", "warning")]
    paths, _ = expand_inputs([str(tmp_path / "*.xlsx")], tmp_path / "a.xlsx")
    assert [p.name for p in paths] == ["b.xlsx"]  # the output itself is never an input
    with pytest.raises(MergeProblem):
        expand_inputs([str(tmp_path / "a.xlsx")], tmp_path / "a.xlsx")
    with pytest.raises(MergeProblem) as exc:
        expand_inputs([str(tmp_path / "missing.xlsx")], tmp_path / "m.xlsx")
    assert exc.value.code == "missing_input"
    save(tmp_path, "[2024]沈阳.xlsx", city_return("210100", "沈阳市"))
    paths, _ = expand_inputs([str(tmp_path / "[2024]沈阳.xlsx")], tmp_path / "m.xlsx")
    assert [p.name for p in paths] == ["[2024]沈阳.xlsx"]


def test_merge_command(tmp_path, capsys):
    save(tmp_path, "a.xlsx", city_return("210100", "沈阳市"))
    save(tmp_path, "b.xlsx", city_return("210200", "大连市"))
    (tmp_path / "~$b.xlsx").write_bytes(b"")
    out = tmp_path / "out" / "辽宁.xlsx"
    args = ["merge", str(tmp_path / "*.xlsx"), "--out", str(out)]
    assert main(args) == 2  # a province output needs --unit and --contact
    assert "--unit" in capsys.readouterr().err
    assert main(args + ["--unit", "辽宁省教育厅", "--contact", "王老师"]) == 0
    text = capsys.readouterr().out
    assert "~$b.xlsx" in text and "lock_file_skipped" in text and "辽宁.xlsx" in text
    assert out.exists()
    assert main(["merge", str(tmp_path / "none*.xlsx"), "--out", str(out)]) == 2


def test_merge_command_refuses_on_errors(tmp_path, capsys):
    shared = str(uuid.uuid4())
    save(tmp_path, "a.xlsx", city_return("210100", "沈阳市", ids=(shared,)))
    save(tmp_path, "b.xlsx", city_return("210200", "大连市", ids=(shared,)))
    out = tmp_path / "out" / "m.xlsx"
    assert main(["merge", str(tmp_path / "*.xlsx"), "--out", str(out), "--unit", "U", "--contact", "C"]) == 1
    assert "duplicate_id" in capsys.readouterr().out and not out.exists()


def test_national_merge_of_provinces(tmp_path):
    a = city_return("210100", "沈阳市")
    a.header.update(scope="province", region_code="210000", region_name="辽宁省")
    b = city_return("220100", "长春市")
    b.header.update(scope="province", region_code="220000", region_name="吉林省")
    result = merge([save(tmp_path, "a.xlsx", a), save(tmp_path, "b.xlsx", b)], tmp_path, unit="", contact="")
    h = result.data.header
    assert result.written and h["scope"] == "national" and h["region_code"] == "000000"
    assert h["submission_id"] == str(uuid.uuid5(uuid.NAMESPACE_URL, "LLW:000000:2024"))
    rows = {r[0]: r for r in load_workbook(result.path)["汇总"].iter_rows(values_only=True) if r[0]}
    assert rows["210000"][2] == 1 and rows["220000"][2] == 1 and rows["110000"][2] == 0


def test_merged_workbook_reads_back_without_errors(tmp_path):
    from lifelong_desktop.submission.reading.reader import read_workbook

    a = save(tmp_path, "a.xlsx", city_return("210100", "沈阳市"))
    b = save(tmp_path, "b.xlsx", city_return("210200", "大连市"))
    result = merge([a, b], tmp_path)
    back = read_workbook(result.path)
    assert not [f for f in back.findings if f.severity == "error"], [f.as_text() for f in back.findings]
    assert back.data.header["submission_seq"] == 20240630170509


def test_inputs_of_two_levels_are_named_by_their_words_not_keys(tmp_path):
    a = save(tmp_path, "a.xlsx", city_return("210100", "沈阳市"))
    province = city_return("220100", "长春市")
    province.header.update(scope="province", region_code="220000", region_name="吉林省")
    b = save(tmp_path, "b.xlsx", province)
    err = codes(merge([a, b], tmp_path), "scopes_differ")
    assert len(err) == 1
    assert "填报层级为省级，与其他工作簿的地市级不同" in err[0].message("zh")
    assert "scope is provincial but the others are city" in err[0].message("en")


def test_an_invalid_phone_option_is_refused_so_the_output_always_validates(tmp_path, capsys):
    from lifelong_desktop.submission.reading.reader import read_workbook

    save(tmp_path, "a.xlsx", city_return("210100", "沈阳市"))
    out = tmp_path / "out" / "辽宁.xlsx"
    base = [
        "merge",
        str(tmp_path / "a.xlsx"),
        "--out",
        str(out),
        "--unit",
        "辽宁省教育厅",
        "--contact",
        "王老师",
    ]
    assert main([*base, "--phone", "abc"]) == 2
    assert "--phone" in capsys.readouterr().err and not out.exists()
    assert main([*base, "--phone", "０２４－８６８９３２１７"]) == 0
    result = read_workbook(out)
    assert result.ok and result.data.header["contact_phone"] == "024-86893217"


def test_merge_command_region_decides_over_the_majority(tmp_path, capsys, monkeypatch):
    """--region names the merging office: its returns are kept and the files outside it are named,
    even when they are the majority; a region that cannot merge returns is refused in one sentence."""
    monkeypatch.setenv("LIFELONG_LANG", "zh")
    save(tmp_path, "沈阳.xlsx", city_return("210100", "沈阳市"))
    save(tmp_path, "长春.xlsx", city_return("220100", "长春市"))
    save(tmp_path, "吉林.xlsx", city_return("220200", "吉林市"))
    out = tmp_path / "out" / "辽宁.xlsx"
    base = [
        "merge",
        str(tmp_path / "*.xlsx"),
        "--out",
        str(out),
        "--unit",
        "辽宁省教育厅",
        "--contact",
        "王老师",
    ]
    assert main(base) == 1
    text = capsys.readouterr().out
    assert "沈阳.xlsx" in text and "长春.xlsx" not in text
    assert main([*base, "--region", "辽宁省"]) == 1
    text = capsys.readouterr().out
    assert "沈阳.xlsx" not in text and "长春.xlsx" in text and "吉林.xlsx" in text
    assert "不在本单位所在的 210000 辽宁省 之内" in text and not out.exists()
    assert main(["--lang", "en", *base, "--region", "２１００００", "--json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], f["file"]) for f in found] == [
        ("regions_differ", "长春.xlsx"),
        ("regions_differ", "吉林.xlsx"),
    ]
    assert all("the merging office's own region" in f["message"] for f in found)


def test_merge_command_region_must_be_a_province_a_city_or_the_country(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LIFELONG_LANG", "zh")
    save(tmp_path, "沈阳.xlsx", city_return("210100", "沈阳市"))
    out = tmp_path / "out" / "m.xlsx"
    base = ["merge", str(tmp_path / "*.xlsx"), "--out", str(out), "--unit", "U", "--contact", "C"]
    zh = ["--lang", "zh", *base]
    for bad in ("210102", "999999", "不存在的地方"):
        assert main([*zh, "--region", bad]) == 2
        err = capsys.readouterr().err
        assert f"--region 的值“{bad}”不是可以汇总下级报送的地区" in err and "Traceback" not in err
    assert main(["--lang", "en", *base, "--region", "210102"]) == 2
    assert "is not a region that merges returns" in capsys.readouterr().err
    assert main([*zh, "--region", "210000"]) == 0 and out.exists()
    assert main([*zh, "--region", "000000"]) == 1  # the country merges provinces, not cities
    assert "本单位（--region）汇总的是省级报送" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("lang", "words"), [("zh", "本单位所在地区"), ("en", "the merging office's own region")]
)
def test_merge_help_names_the_region_option(lang, words, capsys):
    with pytest.raises(SystemExit):
        main(["--lang", lang, "merge", "--help"])
    out = capsys.readouterr().out
    assert "--region CODE" in out and words in out
