"""Hand-made test workbooks: a builder for well-formed ones (openpyxl) and generators of hostile files.

Run `python tests/data/make_hostile.py OUTDIR` to write every hostile sample into OUTDIR; the tests call
the same functions on a temporary folder, so no binary sample is kept in the repository.
"""

from __future__ import annotations

import struct
import sys
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl

from lifelong_desktop.submission.format import load_format

SUBMISSION_ID = "5b0c6c1e-3f4a-4c1b-9d1e-0a2b3c4d5e6f"
ACT_1 = "11111111-1111-4111-8111-111111111111"
ACT_2 = "22222222-2222-4222-8222-222222222222"


def sample_header(**over: Any) -> dict[str, Any]:
    header = {
        "format": "LLW-SUBMISSION",
        "format_version": "1.0",
        "scope": "province",
        "region_code": "210000",
        "region_name": "辽宁省",
        "year": "2024",
        "theme": "终身学习 全民共享",
        "window_start": date(2024, 4, 1),
        "window_end": date(2024, 12, 10),
        "submitting_unit": "辽宁省教育厅",
        "contact_name": "王老师",
        "contact_phone": "024-12345678",
        "submission_id": SUBMISSION_ID,
        "submission_seq": "3",
        "data_as_of": datetime(2024, 5, 1, 9, 30),
        "generator": "test",
    }
    header.update(over)
    return header


def sample_activity(**over: Any) -> dict[str, Any]:
    row = {
        "activity_id": ACT_1,
        "title": "全民终身学习活动周开幕式",
        "activity_type": "开幕式",
        "level": "国家级",
        "start_date": date(2024, 10, 26),
        "start_time": time(9, 30),
        "end_date": date(2024, 10, 26),
        "end_time": time(11, 30),
        "mode": "线上线下结合",
        "city_code": "210100",
        "venue": "辽宁省图书馆",
        "address": "沈阳市沈河区",
        "online_url": "https://live.example.cn/llw",
        "hosts": "教育部；辽宁省人民政府",
        "undertakers": "辽宁省教育厅",
        "co_organisers": "辽宁开放大学",
        "audiences": "社会公众；老年人",
        "expected_participants": 1200,
        "status": "已确认",
        "featured": "是",
        "contact_name": "李老师",
        "contact_phone": "13800000000",
        "description": "开幕式",
    }
    row.update(over)
    return row


def main_and_branch(**branch: Any) -> list[dict[str, Any]]:
    """The sample activity and a branch venue's activity under it (分会场), with `branch`'s values."""
    return [sample_activity(), sample_activity(activity_id=ACT_2, title="分会场", parent_id=ACT_1, **branch)]


def sample_organisations() -> list[dict[str, Any]]:
    return [
        {"name": "教育部", "org_type": "政府部门"},
        {"name": "辽宁省人民政府", "org_type": "政府部门"},
        {"name": "辽宁省教育厅", "org_type": "政府部门", "region_code": "210000"},
        {"name": "辽宁开放大学", "org_type": "开放大学", "email": "office@lnou.example.cn"},
    ]


def sample_venues() -> list[dict[str, Any]]:
    return [
        {
            "name": "辽宁省图书馆",
            "city_code": "210100",
            "venue_type": "图书馆",
            "capacity": 800,
            "accessible": "是",
        }
    ]


def build_workbook(
    path: Path,
    *,
    header: dict[str, Any] | None = None,
    activities: list[dict[str, Any]] | None = None,
    organisations: list[dict[str, Any]] | None = None,
    venues: list[dict[str, Any]] | None = None,
    key_row: bool = True,
    skip_sheets: tuple[str, ...] = (),
    columns: dict[str, list[str]] | None = None,
    extra_columns: dict[str, list[str]] | None = None,
) -> Path:
    """A workbook of the format written with openpyxl: values as given (strings, numbers, dates)."""
    fmt = load_format()
    header = sample_header() if header is None else header
    activities = [sample_activity()] if activities is None else activities
    organisations = sample_organisations() if organisations is None else organisations
    venues = sample_venues() if venues is None else venues
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("填报说明")
    ws["A1"] = "填报说明"
    if "填报信息" not in skip_sheets:
        ws = wb.create_sheet("填报信息")
        ws.append(["项目", "键", "值"])
        for column in fmt.header:
            if column.key in header:
                ws.append([column.label, column.key, header[column.key]])
    data = {"activities": activities, "organisations": organisations, "venues": venues}
    for table in fmt.tables.values():
        if table.sheet in skip_sheets:
            continue
        ws = wb.create_sheet(table.sheet)
        keys = list((columns or {}).get(table.id) or table.keys) + list(
            (extra_columns or {}).get(table.id, [])
        )
        known = {c.key: c for c in table.columns}
        ws.append([known[k].header_label if k in known else k for k in keys])
        if key_row:
            ws.append(keys)
        for row in data[table.id]:
            ws.append([row.get(k) for k in keys])
    wb.save(path)
    return path


# ---------------------------------------------------------------- hostile files


def _rewrite(
    src: Path,
    dest: Path,
    replace: dict[str, bytes | None],
    add: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", compression) as zout:
        for info in zin.infolist():
            if info.filename in replace:
                data = replace[info.filename]
                if data is None:
                    continue
            else:
                data = zin.read(info.filename)
            zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dest


def sheet_part(path: Path, sheet: str) -> str:
    """The worksheet part of a sheet of an openpyxl workbook (sheets are numbered in order)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    index = wb.sheetnames.index(sheet) + 1
    wb.close()
    return f"xl/worksheets/sheet{index}.xml"


def doctype(base: Path, dest: Path) -> Path:
    """A billion-laughs DOCTYPE in the shared workbook part."""
    with zipfile.ZipFile(base) as z:
        xml = z.read("xl/workbook.xml")
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
        + xml.split(b"?>", 1)[-1]
    )
    return _rewrite(base, dest, {"xl/workbook.xml": bomb})


def entity_in_sheet(base: Path, dest: Path) -> Path:
    """An external ENTITY declaration in the activities sheet."""
    part = sheet_part(base, "活动")
    with zipfile.ZipFile(base) as z:
        xml = z.read(part)
    evil = (
        b'<?xml version="1.0"?><!doctype x [<!entity xxe SYSTEM "file:///etc/passwd">]>'
        + xml.split(b"?>", 1)[-1]
    )
    return _rewrite(base, dest, {part: evil})


def broken_xml(base: Path, dest: Path) -> Path:
    part = sheet_part(base, "活动")
    with zipfile.ZipFile(base) as z:
        xml = z.read(part)
    return _rewrite(base, dest, {part: xml[: len(xml) // 2]})


def bad_crc(base: Path, dest: Path) -> Path:
    """A part whose stored bytes were altered after compression (inflate or CRC fails)."""
    part = sheet_part(base, "活动")
    data = bytearray(base.read_bytes())
    with zipfile.ZipFile(base) as z:
        info = z.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size, 60)):
        data[i] ^= 0x5A
    dest.write_bytes(bytes(data))
    return dest


def zip_bomb(base: Path, dest: Path, megabytes: int = 24) -> Path:
    """A part of zeros compressed about 1000 times."""
    return _rewrite(base, dest, {}, {"xl/media/bomb.bin": b"\0" * (megabytes << 20)})


def many_parts(base: Path, dest: Path, count: int = 1001) -> Path:
    return _rewrite(base, dest, {}, {f"xl/media/p{i}.bin": b"x" for i in range(count)})


def huge_declared_size(base: Path, dest: Path) -> Path:
    """A central directory claiming more than 2 GiB uncompressed (the header lies; content is tiny)."""
    _rewrite(base, dest, {}, {"xl/media/big.bin": b"0123456789" * 10})
    data = bytearray(dest.read_bytes())
    eocd = data.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack_from("<I", data, eocd + 16)[0]
    pos = cd_offset
    while data[pos : pos + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
        name = bytes(data[pos + 46 : pos + 46 + name_len])
        if name == b"xl/media/big.bin":
            struct.pack_into("<I", data, pos + 24, 0xF0000000)  # uncompressed size
        pos += 46 + name_len + extra_len + comment_len
    dest.write_bytes(bytes(data))
    return dest


def far_cell(base: Path, dest: Path) -> Path:
    """A value at XFD1048576 of the activities sheet: a dense reader would allocate 17 billion cells."""
    part = sheet_part(base, "活动")
    with zipfile.ZipFile(base) as z:
        xml = z.read(part)
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData>'
    return _rewrite(base, dest, {part: xml.replace(b"</sheetData>", far, 1)})


def refless_cells(base: Path, dest: Path) -> Path:
    """Cells without r attributes: a row far down and a row 20,000 cells wide."""
    part = sheet_part(base, "活动")
    with zipfile.ZipFile(base) as z:
        xml = z.read(part)
    wide = b'<row r="90000">' + b'<c t="inlineStr"><is><t>x</t></is></c>' * 20000 + b"</row></sheetData>"
    return _rewrite(base, dest, {part: xml.replace(b"</sheetData>", wide, 1)})


def formula(base: Path, dest: Path, cell: str = "B3") -> Path:
    part = sheet_part(base, "活动")
    with zipfile.ZipFile(base) as z:
        xml = z.read(part)
    start = xml.index(f'<c r="{cell}"'.encode())
    end = xml.index(b"</c>", start) + 4
    new = f'<c r="{cell}" t="str"><f>"开"&amp;"幕式"</f><v>开幕式</v></c>'.encode()
    return _rewrite(base, dest, {part: xml[:start] + new + xml[end:]})


def ole2(dest: Path, encrypted: bool) -> Path:
    """A minimal OLE2 compound file: an old .xls, or an encrypted .xlsx (EncryptionInfo stream)."""
    sector = 512
    head = bytearray(sector)
    head[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", head, 24, 0x3E, 3, 0xFFFE, 9)
    directory = bytearray(sector)
    names = ["Root Entry", "EncryptionInfo", "EncryptedPackage"] if encrypted else ["Root Entry", "Workbook"]
    for i, name in enumerate(names):
        raw = name.encode("utf-16-le") + b"\0\0"
        directory[i * 128 : i * 128 + len(raw)] = raw
        struct.pack_into("<H", directory, i * 128 + 64, len(raw))
        directory[i * 128 + 66] = 5 if i == 0 else 2
    dest.write_bytes(bytes(head) + bytes(directory) + b"\0" * sector)
    return dest


def ods(dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return dest


def zip_without_parts(dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w") as z:
        z.writestr("readme.txt", "hello")
    return dest


def oversize(dest: Path, megabytes: int = 51) -> Path:
    with dest.open("wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(megabytes << 20)
    return dest


def truncated(base: Path, dest: Path) -> Path:
    data = base.read_bytes()
    dest.write_bytes(data[: len(data) // 2])
    return dest


def utf16_doctype(base: Path, dest: Path) -> Path:
    """A DOCTYPE hidden in a UTF-16 encoded part."""
    text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    return _rewrite(base, dest, {}, {"docProps/custom.xml": b"\xff\xfe" + text.encode("utf-16-le")})


HOSTILE = {
    "doctype.xlsx": doctype,
    "entity.xlsx": entity_in_sheet,
    "broken.xlsx": broken_xml,
    "bad_crc.xlsx": bad_crc,
    "bomb.xlsx": zip_bomb,
    "many_parts.xlsx": many_parts,
    "huge_declared.xlsx": huge_declared_size,
    "far_cell.xlsx": far_cell,
    "refless.xlsx": refless_cells,
    "formula.xlsx": formula,
    "truncated.xlsx": truncated,
    "utf16_doctype.xlsx": utf16_doctype,
}


def write_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    base = build_workbook(out / "valid.xlsx")
    made = [base]
    for name, make in HOSTILE.items():
        made.append(make(base, out / name))
    made += [
        ole2(out / "old.xls", False),
        ole2(out / "encrypted.xlsx", True),
        ods(out / "sheet.ods"),
        zip_without_parts(out / "plain.zip.xlsx"),
        oversize(out / "oversize.xlsx"),
    ]
    (out / "empty.xlsx").write_bytes(b"")
    (out / "table.csv").write_text("活动名称,开始日期\n开幕式,2024-10-26\n", encoding="utf-8")
    made += [out / "empty.xlsx", out / "table.csv"]
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "generated"
    for p in write_all(target):
        print(p)
