"""Fuzz target over the workbook reader: a small real exported workbook, mutated at every level."""

from __future__ import annotations

import io
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from fuzz.mutations import STRUCTURAL
from fuzz.values import raw_values

_CELL = re.compile(rb'<c r="([A-Z]+\d+)"[^>]*?(?:/>|>.*?</c>)', re.S)


_KEEP = """
DELETE FROM activity WHERE id NOT IN (SELECT id FROM activity ORDER BY featured DESC, id LIMIT {n});
DELETE FROM organisation WHERE id NOT IN (SELECT organisation_id FROM activity_organisation);
DELETE FROM venue WHERE id NOT IN (SELECT venue_id FROM activity WHERE venue_id IS NOT NULL);
"""


def build_base(folder: Path, activities: int = 12) -> Path:
    """The demo programme cut to a few activities (with their organisers and venues), exported by the app
    itself: a small, valid workbook that every mutation starts from."""
    db, base = folder / "demo.sqlite", folder / "base.xlsx"
    cli = [sys.executable, "-m", "lifelong_desktop.cli"]
    subprocess.run(cli + ["demo", "--db", str(db), "--force"], check=True, capture_output=True, timeout=300)
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA foreign_keys=ON")
        con.executescript(_KEEP.format(n=activities))
        con.commit()
    finally:
        con.close()
    subprocess.run(
        cli + ["export", "--db", str(db), "--out", str(base)], check=True, capture_output=True, timeout=300
    )
    return base


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def pack(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def _cell_xml(ref: str, raw: object, kind: int) -> bytes:
    """A cell as a spreadsheet program might write it, with a fuzzed value and type."""
    text = escape(str(raw)).encode("utf-8", "surrogatepass")
    shapes = [
        b'<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref.encode(), text),
        b'<c r="%s"><v>%s</v></c>' % (ref.encode(), text),
        b'<c r="%s" t="b"><v>%s</v></c>' % (ref.encode(), text[:3]),
        b'<c r="%s" t="e"><v>#DIV/0!</v></c>' % ref.encode(),
        b'<c r="%s" t="d"><v>%s</v></c>' % (ref.encode(), text),
        b'<c r="%s" t="s"><v>%s</v></c>' % (ref.encode(), text[:12]),
        b'<c r="%s" t="str"><f>SUM(A1:A3)</f><v>%s</v></c>' % (ref.encode(), text),
        b'<c r="%s" s="9999"><v>%s</v></c>' % (ref.encode(), text),
    ]
    if kind < 60:  # mostly values a reader can decode, so that they reach the value parsers
        return shapes[0]
    if kind < 75:
        return shapes[1] if isinstance(raw, int | float) and not isinstance(raw, bool) else shapes[0]
    return shapes[2 + kind % (len(shapes) - 2)]


@st.composite
def cell_mutation(draw: st.DrawFn, parts: dict[str, bytes]) -> tuple[str, bytes]:
    """Replace a few cells of one sheet with fuzzed values of fuzzed types."""
    sheets = sorted(p for p in parts if p.startswith("xl/worksheets/sheet"))
    name = draw(st.sampled_from(sheets))
    xml = parts[name]
    cells = list(_CELL.finditer(xml))
    if not cells:
        return name, xml
    for _ in range(draw(st.integers(1, 6))):
        m = draw(st.sampled_from(cells))
        raw = draw(raw_values())
        ref = m.group(1).decode()
        new = _cell_xml(ref, raw, draw(st.integers(0, 99)))
        xml = xml.replace(m.group(0), new, 1)
        cells = list(_CELL.finditer(xml)) or cells
    return name, xml


@st.composite
def workbook_bytes(draw: st.DrawFn, base: bytes, parts: dict[str, bytes]) -> tuple[str, bytes]:
    """One fuzzed file: (how it was made, its bytes)."""
    how = draw(
        st.sampled_from(
            [
                "cells",
                "cells",
                "cells",
                "flip",
                "truncate",
                "drop",
                "garbage",
                "rename",
                "dimension",
                "huge_row",
                *STRUCTURAL,
                *STRUCTURAL,
            ]
        )
    )
    if how in STRUCTURAL:
        return how, pack({**parts, **draw(STRUCTURAL[how](parts))})
    if how == "cells":
        changed = dict(parts)
        for _ in range(draw(st.integers(1, 3))):
            name, xml = draw(cell_mutation(changed))
            changed[name] = xml
        return how, pack(changed)
    if how == "flip":
        data = bytearray(base)
        for _ in range(draw(st.integers(1, 20))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
        return how, bytes(data)
    if how == "truncate":
        return how, base[: draw(st.integers(0, len(base) - 1))]
    if how == "drop":
        name = draw(st.sampled_from(sorted(parts)))
        return how, pack({k: v for k, v in parts.items() if k != name})
    if how == "garbage":
        name = draw(st.sampled_from(sorted(parts)))
        xml = parts[name]
        at = draw(st.integers(0, len(xml)))
        junk = draw(st.binary(min_size=1, max_size=40))
        # junk inside a cell's text is what a hand edit of that text looks like: judged as a cell edit
        how = "cells" if lands_in_text(xml, at, junk) else how
        return how, pack({**parts, name: xml[:at] + junk + xml[at:]})
    if how == "rename":
        wb = parts["xl/workbook.xml"]
        names = re.findall(rb'name="([^"]*)"', wb)
        if names:
            old = draw(st.sampled_from(names))
            new = escape(draw(st.text(max_size=12))).replace('"', "&quot;").encode("utf-8", "surrogatepass")
            wb = wb.replace(b'name="' + old + b'"', b'name="' + new + b'"', 1)
        return how, pack({**parts, "xl/workbook.xml": wb})
    sheets = sorted(p for p in parts if p.startswith("xl/worksheets/sheet"))
    name = draw(st.sampled_from(sheets))
    xml = parts[name]
    if how == "dimension":
        ref = draw(st.sampled_from([b"A1:XFD1048576", b"A1:ZZZZ99999999", b"", b"B2:A1"]))
        xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + ref + b'"', xml, count=1)
    else:  # huge_row: a cell far away (a sparse sheet must not make the reader allocate a huge grid)
        row = draw(st.sampled_from([1048576, 65537, 200000]))
        col = draw(st.sampled_from([b"XFD", b"AA", b"A"]))
        cell = b'<row r="%d"><c r="%s%d" t="inlineStr"><is><t>x</t></is></c></row>' % (row, col, row)
        xml = xml.replace(b"</sheetData>", cell + b"</sheetData>", 1)
    return how, pack({**parts, name: xml})


_TEXT_OPENER = re.compile(rb"<(?:t|v)(?:\s[^>]*)?>")


def lands_in_text(xml: bytes, at: int, junk: bytes) -> bool:
    """Whether inserting junk (with no markup) at `at` edits the character data of a <t> or <v> element:
    the file then says another text or number in that cell, which the importer may rightly take."""
    if b"<" in junk or b">" in junk:
        return False
    start, close = xml.rfind(b"<", 0, at), xml.find(b"<", at)
    if start < 0 or close < 0:
        return False
    opener_end = xml.find(b">", start)
    if opener_end < 0 or opener_end >= at:  # inside the tag itself, not after it
        return False
    opener = xml[start : opener_end + 1]
    return bool(_TEXT_OPENER.fullmatch(opener)) and xml[close : close + 4] in (b"</t>", b"</v>")


def scratch_file() -> Path:
    fd, name = tempfile.mkstemp(suffix=".xlsx", prefix="fuzz-")
    import os

    os.close(fd)
    return Path(name)
