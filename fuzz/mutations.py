"""Structural workbook mutations (issue 10): look-alike sheet names, columns without keys, error values.

Each strategy takes the base workbook's parts and returns (part name, new bytes) edits; none of them may
change a database in silence: the reader must refuse the file or read exactly what the base says.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

ERROR_VALUES = [b"#N/A", b"#REF!", b"#VALUE!", b"#DIV/0!", b"#NAME?", b"#NUM!", b"#NULL!"]
NON_FINITE = [b"NaN", b"INF", b"-INF", b"1e999", b"nan"]
READ_SHEETS = ["填报信息", "活动", "单位", "场地"]
SPACES = [" ", "\u3000", "\t", "  "]
_SHEET = re.compile(rb'<sheet [^>]*?name="([^"]*)"')
_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?:/>|>.*?</c>)', re.S)


def sheet_parts(parts: dict[str, bytes]) -> dict[str, str]:
    """Sheet name -> worksheet part, from workbook.xml and its relationships."""
    book = parts["xl/workbook.xml"].decode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    targets = {}
    for rel in re.finditer(r"<Relationship [^>]*>", rels):
        rid = re.search(r'Id="([^"]+)"', rel.group(0))
        target = re.search(r'Target="([^"]+)"', rel.group(0))
        if rid and target:
            targets[rid.group(1)] = "xl/" + target.group(1).lstrip("/").removeprefix("xl/")
    out = {}
    for el in re.finditer(r"<sheet [^>]*>", book):
        name = re.search(r'name="([^"]*)"', el.group(0))
        rid = re.search(r'r:id="([^"]+)"', el.group(0))
        if name and rid and rid.group(1) in targets:
            out[name.group(1)] = targets[rid.group(1)]
    return out


def _escape_attr(text: str) -> bytes:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("\t", "&#9;").encode("utf-8")


@st.composite
def sheet_name(draw: st.DrawFn, parts: dict[str, bytes]) -> dict[str, bytes]:
    """Another sheet renamed to a look-alike of a read sheet, or the read sheet itself renamed so."""
    target = draw(st.sampled_from(READ_SHEETS))
    space = draw(st.sampled_from(SPACES))
    alike = draw(st.sampled_from([target + space, space + target, target[0] + space + target[1:]]))
    book = parts["xl/workbook.xml"]
    names = [m.group(1).decode("utf-8") for m in _SHEET.finditer(book)]
    victim = draw(st.sampled_from([n for n in names if n not in READ_SHEETS] + [target]))
    old = b'name="' + _escape_attr(victim) + b'"'
    return {"xl/workbook.xml": book.replace(old, b'name="' + _escape_attr(alike) + b'"', 1)}


def _cells_of_column(xml: bytes, letter: bytes) -> list[re.Match]:
    return [m for m in _CELL.finditer(xml) if m.group(1) == letter]


@st.composite
def column(draw: st.DrawFn, parts: dict[str, bytes]) -> dict[str, bytes]:
    """A table column deleted, its key cell cleared, merged away or given another column's key."""
    sheets = sheet_parts(parts)
    name = sheets[draw(st.sampled_from(["活动", "活动", "单位", "场地"]))]
    xml = parts[name]
    keys = [m for m in _CELL.finditer(xml) if m.group(2) == b"2"]
    if not keys:
        return {}
    key = draw(st.sampled_from(keys))
    how = draw(st.sampled_from(["delete", "clear", "duplicate", "label"]))
    if how == "delete":
        for m in reversed(_cells_of_column(xml, key.group(1))):
            xml = xml[: m.start()] + xml[m.end() :]
    elif how == "clear":
        xml = xml.replace(key.group(0), b'<c r="%s2"/>' % key.group(1), 1)
    elif how == "duplicate":
        other = draw(st.sampled_from(keys))
        xml = xml.replace(
            key.group(0), other.group(0).replace(b'r="%s2"' % other.group(1), b'r="%s2"' % key.group(1), 1), 1
        )
    else:  # the key stays, the label is cleared: the key row still decides
        label = next(
            (m for m in _CELL.finditer(xml) if m.group(1) == key.group(1) and m.group(2) == b"1"), None
        )
        if label is not None:
            xml = xml.replace(label.group(0), b'<c r="%s1"/>' % key.group(1), 1)
    return {name: xml}


@st.composite
def error_value(draw: st.DrawFn, parts: dict[str, bytes]) -> dict[str, bytes]:
    """A few cells of a read sheet turned into error values (t="e") or non-finite numbers."""
    sheets = sheet_parts(parts)
    name = sheets[draw(st.sampled_from(READ_SHEETS))]
    xml = parts[name]
    cells = list(_CELL.finditer(xml))
    if not cells:
        return {}
    for m in draw(st.lists(st.sampled_from(cells), min_size=1, max_size=4, unique_by=lambda m: m.start())):
        ref = m.group(1) + m.group(2)
        if draw(st.booleans()):
            new = b'<c r="%s" t="e"><v>%s</v></c>' % (ref, draw(st.sampled_from(ERROR_VALUES)))
        else:
            new = b'<c r="%s"><v>%s</v></c>' % (ref, draw(st.sampled_from(NON_FINITE)))
        xml = xml.replace(m.group(0), new, 1)
    return {name: xml}


STRUCTURAL = {"sheet_name": sheet_name, "column": column, "error_value": error_value}
