"""`python -m fuzz.seeds`: write the hand-picked edge cases into tests/data/fuzz_corpus/ (run once, committed)."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from fuzz import corpus

VALUE_SEEDS = [
    ("parse_int", float("nan")),
    ("parse_int", float("inf")),
    ("parse_int", 1e308),
    ("parse_int", "1,2345"),
    ("parse_int", "１２００"),
    ("parse_int", "+0.000"),
    ("parse_int", 10**30),
    ("parse_int", True),
    ("parse_date", float("inf")),
    ("parse_date", -1.0),
    ("parse_date", 2958466.0),
    ("parse_date", 60.0),
    ("parse_date", "２０２４年４月２６日"),
    ("parse_date", "2024-02-30"),
    ("parse_date", "4月31日"),
    ("parse_date", "99999-1-1"),
    ("parse_date", datetime.max),
    ("parse_date", date.min),
    ("parse_date", "0-0-0"),
    ("parse_time", "24:00"),
    ("parse_time", "9点60"),
    ("parse_time", "9点半"),
    ("parse_time", 0.9999999),
    ("parse_time", -0.0),
    ("parse_time", timedelta(days=-1)),
    ("parse_time", timedelta(hours=23, minutes=59, seconds=59)),
    ("parse_time_range", "9:00-"),
    ("parse_time_range", "-9:00"),
    ("parse_time_range", "9:00～11:30～12:00"),
    ("parse_time_range", "9:00至8:00"),
    ("parse_datetime", "2024-04-26 25:00"),
    ("parse_datetime", 1e20),
    ("clean", "_xD800_"),
    ("clean", "_x0000_"),
    ("clean", "\u3000\u3000"),
    ("clean", "a\x00b"),
    ("parse_text", "_xD83D__xDE00_"),
    ("parse_uuid", "{12345678-1234-1234-1234-1234567890AB}"),
    ("parse_uuid", "urn:uuid:12345678-1234-5678-1234-567812345678"),
    ("parse_email", "a@b@c"),
    ("parse_credit_code", "91210000MA0XXXXXXX"),
    ("parse_credit_code", "ｉｏ"),
    ("parse_phone", "024-8689 1234 转 8"),
    ("parse_code", "讲座"),
    ("parse_code_list", ";;；、"),
    ("parse_organisation_list", "、、、"),
    ("parse_region", "辽宁省沈阳市"),
    ("parse_region", "210100.0"),
    ("parse_region", 210100.5),
    ("parse_region", "999999"),
    ("parse_bool", "ＹＥＳ"),
]


def write_value_seeds() -> int:
    for target, raw in VALUE_SEEDS:
        payload = {"target": target, "raw": corpus.encode(raw), "extra": 7}
        corpus.save_value_case(payload, "seed: a hand-picked edge case")
    return len(VALUE_SEEDS)


def _sheet_part(parts: dict[str, bytes], sheet: str) -> str:
    """The worksheet part holding a named sheet (workbook.xml names it, the relationships locate it)."""
    wb = parts["xl/workbook.xml"].decode("utf-8")
    rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet)}"[^>]*r:id="([^"]+)"', wb).group(1)
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    target = re.search(rf'<Relationship [^>]*Id="{re.escape(rid)}"[^>]*Target="([^"]+)"', rels)
    if target is None:
        target = re.search(rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{re.escape(rid)}"', rels)
    return "xl/" + target.group(1).lstrip("/").removeprefix("xl/")


def _workbook_seeds(base: Path) -> dict[str, bytes]:
    from fuzz.workbooks import pack, read_parts

    parts = read_parts(base)
    first, data_sheet = _sheet_part(parts, "填报信息"), _sheet_part(parts, "活动")
    big = parts[data_sheet].replace(
        b"</sheetData>",
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        1,
    )
    bad_index = re.sub(
        rb'(<c r="B3"[^>]*t="s"[^>]*>)<v>\d+</v>', rb"\1<v>99999999</v>", parts[data_sheet], count=1
    )
    no_strings = {k: v for k, v in parts.items() if k != "xl/sharedStrings.xml"}
    raw = base.read_bytes()
    return {
        "seed-empty": b"",
        "seed-zip-only-content-types": pack({"[Content_Types].xml": parts["[Content_Types].xml"]}),
        "seed-truncated-half": raw[: len(raw) // 2],
        "seed-huge-sparse-cell": pack({**parts, data_sheet: big}),
        "seed-shared-string-out-of-range": pack({**parts, data_sheet: bad_index}),
        "seed-no-shared-strings": pack(no_strings),
        "seed-header-sheet-empty": pack(
            {**parts, first: re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData/>", parts[first], flags=re.S)}
        ),
        "seed-csv-renamed": "活动名称,开始日期\n讲座,2024-05-01\n".encode(),
        "seed-ole2-header": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096),
        **_structural_seeds(parts, first, data_sheet),
    }


def _structural_seeds(parts: dict[str, bytes], first: str, data_sheet: str) -> dict[str, bytes]:
    """Issue 10's shapes: a look-alike sheet, error values, NaN, a header key twice, a column key twice."""
    from fuzz.workbooks import pack

    twin = parts["xl/workbook.xml"].replace('name="填报说明"'.encode(), 'name="活动 "'.encode(), 1)
    acts = parts[data_sheet]

    def cell(ref: bytes, new: bytes) -> bytes:
        return re.sub(rb'<c r="%s"[^>]*?(?:/>|>.*?</c>)' % ref, new, acts, count=1, flags=re.S)

    key_twice = re.sub(
        rb'(<row r="2"[^>]*>.*?)</row>',
        rb'\1<c r="AC2" t="inlineStr"><is><t>title</t></is></c></row>',
        acts,
        count=1,
        flags=re.S,
    )
    seq_twice = parts[first].replace(
        b"</sheetData>",
        b'<row r="99"><c r="A99" t="inlineStr"><is><t>x</t></is></c><c r="B99" t="inlineStr">'
        b'<is><t>submission_seq</t></is></c><c r="C99"><v>99</v></c></row></sheetData>',
        1,
    )
    return {
        "seed-look-alike-activities-sheet": pack({**parts, "xl/workbook.xml": twin}),
        "seed-error-value-title": pack(
            {**parts, data_sheet: cell(b"B3", b'<c r="B3" t="e"><v>#N/A</v></c>')}
        ),
        "seed-nan-participants": pack({**parts, data_sheet: cell(b"T3", b'<c r="T3"><v>NaN</v></c>')}),
        "seed-column-key-twice": pack({**parts, data_sheet: key_twice}),
        "seed-header-key-twice": pack({**parts, first: seq_twice}),
    }


def write_workbook_seeds() -> int:
    from fuzz.workbooks import build_base

    corpus.WORKBOOKS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        seeds = _workbook_seeds(build_base(Path(folder)))
    written = 0
    for name, data in seeds.items():  # seeds already in the corpus stay as committed
        path = corpus.WORKBOOKS / f"{name}.xlsx"
        if not path.exists():
            path.write_bytes(data)
            written += 1
    return written


if __name__ == "__main__":
    import os

    os.environ.setdefault("LIFELONG_DATA_DIR", tempfile.mkdtemp(prefix="fuzz-data-"))
    print(json.dumps({"values": write_value_seeds(), "workbooks": write_workbook_seeds()}))
    _ = time
