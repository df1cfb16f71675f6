"""SpreadsheetML conformance as Excel enforces it (ECMA-376 Part 1): check_package asserts it of a written .xlsx."""

from __future__ import annotations

import math
import os
import re
import zipfile

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}
CT_WORKSHEET = (
    "sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr sheetProtection protectedRanges "
    "scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells phoneticPr conditionalFormatting "
    "dataValidations hyperlinks printOptions pageMargins pageSetup headerFooter rowBreaks colBreaks "
    "customProperties cellWatches ignoredErrors smartTags drawing legacyDrawing legacyDrawingHF drawingHF picture "
    "oleObjects controls webPublishItems tableParts extLst"
).split()
CT_WORKBOOK = (
    "fileVersion fileSharing workbookPr workbookProtection bookViews sheets functionGroups externalReferences "
    "definedNames calcPr oleSize customWorkbookViews pivotCaches smartTagPr smartTagTypes webPublishing "
    "fileRecoveryPr webPublishObjects extLst"
).split()
CT_STYLESHEET = (
    "numFmts fonts fills borders cellStyleXfs cellXfs cellStyles dxfs tableStyles colors extLst".split()
)
CT_SHEETVIEW = "pane selection pivotSelection extLst".split()
CT_XF = "alignment protection extLst".split()
REPEATABLE = {"conditionalFormatting", "selection", "pivotSelection"}
BAD_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
CELL = re.compile(r"([A-Z]{1,3})([1-9]\d*)")
MAX_ROW, MAX_COL, MAX_CELL_CHARS = 1_048_576, 16_384, 32_767


def local(el) -> str:
    return el.tag.split("}", 1)[1] if "}" in el.tag else el.tag


def assert_schema_order(parent, sequence: list[str], where: str) -> None:
    """Children are known elements of `sequence`, in its order, each at most once unless repeatable."""
    names = [local(c) for c in parent if isinstance(c.tag, str)]
    unknown = [n for n in names if n not in sequence]
    assert not unknown, f"{where}: elements outside the schema sequence {unknown}"
    positions = [sequence.index(n) for n in names]
    assert positions == sorted(positions), f"{where}: children out of schema order {names}"
    twice = {n for n in names if names.count(n) > 1} - REPEATABLE
    assert not twice, f"{where}: elements that may occur once appear more often {twice}"


def col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def parse_ref(ref: str) -> tuple[int, int, int, int]:
    """A1 or A1:B2 (with or without $) -> (col1, row1, col2, row2), checked to lie on the grid."""
    cells = [CELL.fullmatch(p.replace("$", "")) for p in ref.split(":")]
    assert all(cells) and len(cells) in (1, 2), f"bad reference {ref!r}"
    (c1, r1), (c2, r2) = [(col_number(m.group(1)), int(m.group(2))) for m in (cells[0], cells[-1])]
    assert 1 <= c1 <= c2 <= MAX_COL and 1 <= r1 <= r2 <= MAX_ROW, (
        f"reference off the grid or reversed {ref!r}"
    )
    return c1, r1, c2, r2


def decoded_length(text: str) -> int:
    """Characters Excel counts (UTF-16 units) after decoding _xHHHH_ escapes."""
    text = re.sub(r"_x[0-9A-Fa-f]{4}_", "?", text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def check_package(path) -> dict:
    """Assert the package is conformant SpreadsheetML as Excel reads it; returns a few facts for more checks."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert len(names) == len(set(names)), "duplicate zip entries"
        assert not [n for n in names if n.endswith("/")], "directory entries"
        assert z.testzip() is None
        assert all(i.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for i in z.infolist())
        raw = {n: z.read(n) for n in names}
    xml = {}
    for name, data in raw.items():
        head = data[:100].split(b"?>", 1)[0] if data.startswith(b"<?xml") else b""
        assert b"encoding=" not in head or re.search(rb'encoding="UTF-8"', head, re.I), f"{name}: not UTF-8"
        data.decode("utf-8")
        xml[name] = etree.fromstring(data)

    # content types: a Default or an Override for every part, and no Override without its part
    types = xml["[Content_Types].xml"]
    defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.findall("ct:Default", NS)}
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
    for name in names:
        if name != "[Content_Types].xml":
            assert "/" + name in overrides or name.rsplit(".", 1)[-1].lower() in defaults, (
                f"no content type: {name}"
            )
    assert all(p[1:] in names for p in overrides), "Override for a missing part"
    assert defaults.get("rels") == "application/vnd.openxmlformats-package.relationships+xml"

    # relationships: unique ids, every target present
    def rels_of(part: str) -> dict[str, tuple[str, str]]:
        folder, base = part.rsplit("/", 1) if "/" in part else ("", part)
        rel_name = f"{folder + '/' if folder else ''}_rels/{base}.rels"
        out = {}
        for rel in xml[rel_name].findall("pr:Relationship", NS):
            target = rel.get("Target")
            full = target[1:] if target.startswith("/") else os.path.normpath(os.path.join(folder, target))
            assert full.replace(os.sep, "/") in names, f"{rel_name}: missing target {target}"
            assert rel.get("Id") not in out, f"{rel_name}: duplicate Id"
            out[rel.get("Id")] = (rel.get("Type").rsplit("/", 1)[-1], full.replace(os.sep, "/"))
        return out

    root = dict(_root_rels(xml, names).values())
    assert {"officeDocument", "core-properties", "extended-properties"} <= set(root)
    book_part = root["officeDocument"]
    assert overrides["/" + book_part].endswith("spreadsheetml.sheet.main+xml")
    book_rels = rels_of(book_part)

    # workbook
    book = xml[book_part]
    assert_schema_order(book, CT_WORKBOOK, "workbook")
    sheets = book.findall("m:sheets/m:sheet", NS)
    assert sheets, "a workbook needs a sheet"
    sheet_names = [s.get("name") for s in sheets]
    for name in sheet_names:
        assert 1 <= len(name) <= 31 and not BAD_SHEET_NAME.search(name), f"bad sheet name {name!r}"
        assert not name.startswith("'") and not name.endswith("'") and name.casefold() != "history", name
    assert len({n.casefold() for n in sheet_names}) == len(sheet_names), "sheet names not unique"
    assert len({s.get("sheetId") for s in sheets}) == len(sheets)
    states = [s.get("state", "visible") for s in sheets]
    assert set(states) <= {"visible", "hidden", "veryHidden"} and "visible" in states
    view = book.find("m:bookViews/m:workbookView", NS)
    active = int(view.get("activeTab", "0"))
    assert states[active] == "visible", "the active tab is hidden"
    assert states[int(view.get("firstSheet", "0"))] == "visible"
    worksheets = []
    for s in sheets:
        kind, part = book_rels[s.get(f"{{{NS['r']}}}id")]
        assert kind == "worksheet" and overrides["/" + part].endswith("worksheet+xml")
        worksheets.append(part)
    defined = [
        (d.get("name"), d.get("localSheetId"), d.get("hidden"), d.text)
        for d in book.findall("m:definedNames/m:definedName", NS)
    ]
    assert len({(n.casefold(), i) for n, i, _, _ in defined}) == len(defined), (
        "defined name twice in one scope"
    )

    # styles
    styles = xml[next(p for t, p in book_rels.values() if t == "styles")]
    assert_schema_order(styles, CT_STYLESHEET, "styles")
    for tag in ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"):
        el = styles.find(f"m:{tag}", NS)
        if el is not None and el.get("count") is not None:
            assert int(el.get("count")) == len(el), f"styles {tag} count {el.get('count')} != {len(el)}"
    fmt_ids = [int(f.get("numFmtId")) for f in styles.findall("m:numFmts/m:numFmt", NS)]
    assert all(i >= 164 for i in fmt_ids) and len(set(fmt_ids)) == len(fmt_ids)
    fills = [f.find("m:patternFill", NS) for f in styles.findall("m:fills/m:fill", NS)]
    assert [f.get("patternType", "none") for f in fills[:2]] == ["none", "gray125"]
    has_theme = any(t == "theme" for t, _ in book_rels.values())
    assert has_theme or styles.find("m:fonts/m:font/m:scheme", NS) is None, "theme font without a theme part"
    counts = {t: len(styles.findall(f"m:{t}/*", NS)) for t in ("fonts", "fills", "borders", "cellStyleXfs")}
    xfs = styles.findall("m:cellXfs/m:xf", NS)
    assert xfs and styles.findall("m:cellStyles/m:cellStyle", NS)
    for xf in styles.findall("m:cellStyleXfs/m:xf", NS) + xfs:
        assert_schema_order(xf, CT_XF, "xf")
        assert int(xf.get("fontId", 0)) < counts["fonts"] and int(xf.get("fillId", 0)) < counts["fills"]
        assert int(xf.get("borderId", 0)) < counts["borders"]
        num = int(xf.get("numFmtId", 0))
        assert num < 164 or num in fmt_ids
    assert all(int(xf.get("xfId", 0)) < counts["cellStyleXfs"] for xf in xfs)

    # shared strings
    sst_part = next((p for t, p in book_rels.values() if t == "sharedStrings"), None)
    strings: list[str] = []
    sst = xml[sst_part] if sst_part else None
    if sst is not None:
        for si in sst.findall("m:si", NS):
            ts = si.findall(".//m:t", NS)
            strings.append("".join(t.text or "" for t in ts))
            for t in ts:
                text = t.text or ""
                if text != text.strip(" \t\r\n"):
                    assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve", repr(text[:20])
        assert int(sst.get("uniqueCount", len(strings))) == len(strings)
        assert all(decoded_length(s) <= MAX_CELL_CHARS for s in strings), (
            "a shared string over 32,767 characters"
        )

    # worksheets
    string_refs = 0
    facts = {"sheets": sheet_names, "states": states, "worksheets": {}}
    for index, (name, part) in enumerate(zip(sheet_names, worksheets, strict=True)):
        ws = xml[part]
        where = f"{name} ({part})"
        assert_schema_order(ws, CT_WORKSHEET, where)
        assert ws.find("m:sheetData", NS) is not None, f"{where}: no sheetData"
        views = ws.findall("m:sheetViews/m:sheetView", NS)
        for v in views:
            assert_schema_order(v, CT_SHEETVIEW, f"{where} sheetView")
        selected = any(v.get("tabSelected") in ("1", "true") for v in views)
        assert not selected or index == active, f"{where}: tabSelected on a sheet that is not the activeTab"
        pane = ws.find("m:sheetViews/m:sheetView/m:pane", NS)
        if pane is not None:
            x, y = int(float(pane.get("xSplit", 0))), int(float(pane.get("ySplit", 0)))
            assert pane.get("state") == "frozen" and (x or y), f"{where}: a pane that freezes nothing"
            c, r, _, _ = parse_ref(pane.get("topLeftCell"))
            assert (c, r) == (x + 1, y + 1), f"{where}: topLeftCell does not follow the splits"
            expected = "bottomRight" if x and y else ("bottomLeft" if y else "topRight")
            assert pane.get("activePane") == expected
            assert all(
                s.get("pane") == expected for s in ws.findall("m:sheetViews/m:sheetView/m:selection", NS)
            )
        last_max = 0
        for col in ws.findall("m:cols/m:col", NS):
            lo, hi = int(col.get("min")), int(col.get("max"))
            assert last_max < lo <= hi <= MAX_COL, f"{where}: cols overlap or descend"
            assert 0 <= float(col.get("width", 0)) <= 255
            last_max = hi
        dim = ws.find("m:dimension", NS)
        bounds = parse_ref(dim.get("ref")) if dim is not None else None
        last_row, used = 0, []
        for row in ws.findall("m:sheetData/m:row", NS):
            r = int(row.get("r"))
            assert last_row < r <= MAX_ROW, f"{where}: row {r} out of order"
            last_row, last_col = r, 0
            for c in row.findall("m:c", NS):
                m = CELL.fullmatch(c.get("r"))
                assert m and int(m.group(2)) == r, f"{where}: cell {c.get('r')} in row {r}"
                col = col_number(m.group(1))
                assert last_col < col <= MAX_COL, f"{where}: cell {c.get('r')} out of order"
                last_col = col
                used.append((col, r))
                assert c.find("m:f", NS) is None, f"{where}: formula in {c.get('r')}"
                assert int(c.get("s", 0)) < len(xfs), f"{where}: style index in {c.get('r')}"
                t, v = c.get("t", "n"), c.find("m:v", NS)
                assert t in ("s", "n", "b", "str", "inlineStr"), f"{where}: cell type {t}"
                if t == "s":
                    string_refs += 1
                    assert 0 <= int(v.text) < len(strings), f"{where}: {c.get('r')} names no shared string"
                elif t == "n":
                    assert v is None or math.isfinite(float(v.text)), f"{where}: {c.get('r')} not a number"
                elif t == "b":
                    assert v.text in ("0", "1")
                elif t == "inlineStr":
                    assert c.find("m:is/m:t", NS) is not None
                    assert decoded_length(c.find("m:is/m:t", NS).text or "") <= MAX_CELL_CHARS
                elif t == "str":
                    assert decoded_length(v.text or "") <= MAX_CELL_CHARS
        if bounds and used:
            assert all(bounds[0] <= c <= bounds[2] and bounds[1] <= r <= bounds[3] for c, r in used), (
                f"{where}: a cell outside the dimension {dim.get('ref')}"
            )
        merges = ws.find("m:mergeCells", NS)
        if merges is not None:
            assert int(merges.get("count", len(merges))) == len(merges) > 0
        dvs = ws.find("m:dataValidations", NS)
        ranges: list[tuple[int, int, int, int]] = []
        sources = {}
        if dvs is not None:
            assert int(dvs.get("count", len(dvs))) == len(dvs) and 0 < len(dvs) <= 65534, f"{where}: DV count"
            for dv in dvs:
                assert len(dv.get("prompt", "")) <= 255 and len(dv.get("promptTitle", "")) <= 32
                assert len(dv.get("error", "")) <= 255 and len(dv.get("errorTitle", "")) <= 32
                for ref in dv.get("sqref").split():
                    box = parse_ref(ref)
                    assert not [
                        b
                        for b in ranges
                        if box[0] <= b[2] and b[0] <= box[2] and box[1] <= b[3] and b[1] <= box[3]
                    ], f"{where}: validations overlap at {ref}"
                    ranges.append(box)
                if dv.get("type") == "list":
                    f1 = dv.find("m:formula1", NS).text
                    m = re.fullmatch(r"(?:'((?:[^']|'')+)'|([^'!\s]+))!(\$[A-Z]+\$\d+:\$[A-Z]+\$\d+)", f1)
                    assert m, f"{where}: list source {f1!r} is not an absolute range of a sheet"
                    assert (m.group(2) or m.group(1).replace("''", "'")) in sheet_names
                    parse_ref(m.group(3))
                    sources[dv.get("sqref")] = f1
        auto = ws.find("m:autoFilter", NS)
        filters = [d for d in defined if d[0] == "_xlnm._FilterDatabase" and d[1] == str(index)]
        if auto is not None:
            parse_ref(auto.get("ref"))
            quoted = "'" + name.replace("'", "''") + "'"
            absolute = re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", auto.get("ref"))
            assert [(f[2] in ("1", "true"), f[3].replace(quoted, name, 1)) for f in filters] == [
                (True, f"{name}!{absolute}")
            ], f"{where}: auto-filter without its hidden _FilterDatabase name"
        else:
            assert not filters
        facts["worksheets"][name] = {
            "validations": sources,
            "rows": last_row,
            "pane": pane.get("topLeftCell") if pane is not None else None,
            "filter": auto.get("ref") if auto is not None else None,
        }
    if sst is not None and sst.get("count") is not None:
        assert int(sst.get("count")) == string_refs, "sst count is not the number of string cells"

    # document properties
    core = xml[root["core-properties"]]
    created = core.find("{http://purl.org/dc/terms/}created")
    assert (
        created is not None
        and created.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "dcterms:W3CDTF"
    )
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", created.text)
    app = xml[root["extended-properties"]]
    titles = app.find("ep:TitlesOfParts/vt:vector", NS)
    if titles is not None:
        assert int(titles.get("size")) == len(titles) == len(sheet_names)
        assert [t.text for t in titles] == sheet_names
        counts_of = [int(i.text) for i in app.findall("ep:HeadingPairs/vt:vector/vt:variant/vt:i4", NS)]
        assert sum(counts_of) == len(titles)
    facts["active"] = active
    facts["selected"] = [
        i
        for i, part in enumerate(worksheets)
        if any(
            v.get("tabSelected") in ("1", "true") for v in xml[part].findall("m:sheetViews/m:sheetView", NS)
        )
    ]
    return facts


def _root_rels(xml, names) -> dict[str, tuple[str, str]]:
    out = {}
    for rel in xml["_rels/.rels"].findall("pr:Relationship", NS):
        target = rel.get("Target").lstrip("/")
        assert target in names, f"_rels/.rels: missing target {target}"
        out[rel.get("Id")] = (rel.get("Type").rsplit("/", 1)[-1], target)
    return out
