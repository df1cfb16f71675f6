"""Before parsing an untrusted workbook (format section 10): size, zip bombs, file kind, damage and unsafe XML.

`inspect_workbook(path)` reads every part once, streaming, under the format's limits, and returns a
`SafetyReport`: file-level findings (not_a_workbook, damaged, encrypted, too_large, unsafe_xml), and
which worksheet parts contain formula elements or error-value cells (for the reader's formula_not_allowed
and error_value findings). Every limit is counted in work (bytes, parts, cells), never in seconds, so that a
file gets the same verdict on a fast or a slow, busy machine.
"""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from lifelong_desktop.submission.findings import ERROR, Finding
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.xlsx.writer import column_letter, column_number

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
CHUNK = 1 << 20
# Work limit of the scan: inflated bytes of the XML parts that a reader parses (worksheets, shared strings,
# styles, ...). The 20,000-activity export is about 40 MB; 400 MB keeps the worst file within seconds.
MAX_PARSED_XML_BYTES = 400 << 20
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# Any markup declaration (<!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST), any case; comments and CDATA are fine.
_DECLARATION = re.compile(rb"<!(?!--|\[CDATA\[)")
_DECLARATION_TEXT = re.compile(r"<!(?!--|\[CDATA\[)")
# A part this small cannot be a bomb whatever its ratio (a run of blank cells compresses well).
_RATIO_FLOOR = 1 << 20


@dataclass
class SafetyReport:
    """What the pre-parse scan found."""

    findings: list[Finding] = field(default_factory=list)
    formula_parts: set[str] = field(default_factory=set)
    error_parts: set[str] = field(default_factory=set)  # worksheets with error-value cells (t="e")
    parts: list[str] = field(default_factory=list)
    parsed_bytes: int = 0  # inflated bytes of the parsed XML parts (the scan's work)

    @property
    def ok(self) -> bool:
        return not self.findings


class _Refused(Exception):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _finding(code: str, **params: object) -> Finding:
    return Finding(ERROR, code, params=dict(params))


def inspect_workbook(path: Path | str) -> SafetyReport:
    """Check one file before any parser sees it; never raises for bad input."""
    path = Path(path)
    report = SafetyReport()
    try:
        _inspect(path, report)
    except _Refused as exc:
        report.findings.append(_finding(exc.code, **exc.params))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        etree.Error,
        ValueError,
    ) as exc:
        report.findings.append(_finding("damaged", detail=str(exc)[:200]))
    except OSError as exc:
        report.findings.append(_finding("not_a_workbook", kind="unreadable", detail=str(exc)[:200]))
    return report


def _inspect(path: Path, report: SafetyReport) -> None:
    limits = load_format().limits
    if not path.is_file():
        raise _Refused("not_a_workbook", kind="missing")
    size = path.stat().st_size
    if size == 0:
        raise _Refused("not_a_workbook", kind="empty")
    if size > limits["max_file_bytes"]:
        raise _Refused("too_large", reason="size", size_mib=round(size / 2**20, 1))
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE2_MAGIC):
        raise _Refused("encrypted" if _ole2_is_encrypted(path) else "not_a_workbook", kind="xls")
    if not head.startswith(ZIP_MAGICS) and not zipfile.is_zipfile(path):
        raise _Refused("not_a_workbook", kind=_guess_kind(path, head))
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        _check_directory(zf, infos, limits)
        for info in infos:
            if not info.is_dir():
                _scan_part(zf, info, report)
        report.parts = [i.filename for i in infos]


def _ole2_is_encrypted(path: Path) -> bool:
    """An OLE2 compound file holding an EncryptionInfo stream is a password-protected .xlsx."""
    with path.open("rb") as fh:
        data = fh.read()
    return _ENCRYPTION_INFO in data or _ENCRYPTED_PACKAGE in data


def _guess_kind(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("csv", "txt", "tsv", "xls", "et", "ods", "xlsb", "numbers"):
        return suffix
    return "other"


def _check_directory(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: dict[str, int]) -> None:
    names = {i.filename for i in infos}
    if len(infos) > limits["max_parts"]:
        raise _Refused("too_large", reason="parts", parts=len(infos))
    if "mimetype" in names and b"opendocument" in _head(zf, "mimetype"):
        raise _Refused("not_a_workbook", kind="ods")
    if any(i.flag_bits & 0x1 for i in infos):
        raise _Refused("encrypted")
    missing = [p for p in REQUIRED_PARTS if p not in names]
    if missing:
        raise _Refused("not_a_workbook", kind="zip")
    total = sum(i.file_size for i in infos)
    if total > limits["max_uncompressed_bytes"]:
        raise _Refused("too_large", reason="uncompressed", size_mib=round(total / 2**20))
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > limits["max_ratio"] * max(
            info.compress_size, 1
        ):
            raise _Refused(
                "too_large",
                reason="ratio",
                part=info.filename,
                ratio=round(info.file_size / max(info.compress_size, 1)),
            )


def _head(zf: zipfile.ZipFile, name: str) -> bytes:
    with zf.open(name) as fh:
        return fh.read(200)


def _count_work(report: SafetyReport, size: int) -> None:
    """A file whose XML is too much to parse is refused like a too large one, by bytes, never by time."""
    report.parsed_bytes += size
    if report.parsed_bytes > MAX_PARSED_XML_BYTES:
        raise _Refused("too_large", reason="xml", size_mib=round(report.parsed_bytes / 2**20))


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels", ".vml")) or name == "[Content_Types].xml"


class _NoEvents:
    """An lxml parser target that builds nothing: a streaming well-formedness check."""

    def close(self) -> None:
        return None


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        target=_NoEvents(), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def _is_parsed(name: str) -> bool:
    """Parts a workbook reader parses: these must be well-formed XML (other parts are only scanned)."""
    return (
        name.endswith(".rels")
        or name in ("[Content_Types].xml", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml")
        or name.startswith("xl/worksheets/")
    )


def _scan_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, report: SafetyReport) -> None:
    """Inflate one part (zipfile stops at the declared size and checks the CRC); scan XML as it streams."""
    name = info.filename
    if not _is_xml(name):
        with zf.open(info) as part:
            while part.read(CHUNK):
                pass
        return
    sheet = name.startswith("xl/worksheets/") and name.endswith(".xml")
    stats = _SheetStats() if sheet else None
    parser = _xml_parser() if _is_parsed(name) else None
    decoder = None
    carry = b""
    first = True
    with zf.open(info) as part:
        while True:
            chunk = part.read(CHUNK)
            if first and chunk:
                first = False
                if chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or chunk[:2] in (b"<\x00", b"\x00<"):
                    decoder = codecs.getincrementaldecoder(_utf16_kind(chunk))(errors="replace")
            if decoder is not None:
                if _DECLARATION_TEXT.search(decoder.decode(chunk, final=not chunk)):
                    raise _Refused("unsafe_xml", part=name)
                if stats is not None:
                    stats.odd = True  # a UTF-16 worksheet gets the precise scan
            else:
                # Cut pieces at the last '<' so that no tag is split between two pieces.
                piece = carry + chunk
                cut = piece.rfind(b"<") if chunk else len(piece)
                if cut <= 0 or len(piece) - cut > 2 * CHUNK:
                    cut = len(piece)
                    if stats is not None and chunk:
                        stats.odd = True
                whole, carry = piece[:cut], piece[cut:]
                if _DECLARATION.search(whole):
                    raise _Refused("unsafe_xml", part=name)
                if stats is not None:
                    stats.feed(whole)
            if chunk and parser is not None:
                try:
                    parser.feed(chunk)
                except etree.XMLSyntaxError as exc:
                    raise _Refused("damaged", part=name, detail=str(exc)[:200]) from None
            if not chunk:
                break
            if parser is not None:
                _count_work(report, len(chunk))
    try:
        if parser is not None:
            parser.close()
    except etree.XMLSyntaxError as exc:
        raise _Refused("damaged", part=name, detail=str(exc)[:200]) from None
    if stats is not None:
        _note_sheet(zf, name, stats, report)


def _note_sheet(zf: zipfile.ZipFile, name: str, stats: _SheetStats, report: SafetyReport) -> None:
    """What a scanned worksheet holds: a precise look when the fast patterns were unsure."""
    formula, error = stats.formula, stats.error
    if stats.odd:  # cells a pattern cannot place: walk them as a reader does
        scan = precise_scan(zf, name)
        extent = scan.extent
        formula, error = bool(scan.formulas), bool(scan.errors)
    elif stats.far:  # plain `r="..."` references, some far away: the extent by pattern, in one pass
        extent = value_extent(zf, name)
    if stats.odd or stats.far:
        rows, columns = extent
        if rows * columns > MAX_CELLS:
            raise _Refused("too_large", reason="cells", part=name, rows=rows, columns=columns)
    if formula:
        report.formula_parts.add(name)
    if error:
        report.error_parts.add(name)


# Fast bounds on the cells of a worksheet, so that no reader allocates a huge dense grid: cells up to
# column CZ (104) and row 99,999 pass the fast check, and so does any value-less (styled, self-closing) cell,
# which no reader places; a farther cell that may hold a value, a cell or row without a leading `r="..."`, or
# a namespace-prefixed cell, row or formula element gets the precise scan. Every pattern starts with a
# literal, so each is one fast pass over the bytes.
MAX_CELLS = 10_000_000
_FAR_REF = re.compile(rb'<c r="(?:[A-Z]{3}|[D-Z][A-Z]|[A-Z]{0,2}\d{6})[^>]*(?<!/)>')
_ODD_CELL = re.compile(rb'<c(?! r="|o|u|e|f|h)')
_ODD_ROW = re.compile(rb'<row(?! r=")')
_PREFIXED = re.compile(rb":(?:c|f|row)[\s/>]")
_FORMULA = re.compile(rb"<f(?!o|i)")
_SHEET_DATA_END = re.compile(rb"</(?:[\w.\-]+:)?sheetData\s*>")


class _SheetStats:
    """What the fast patterns saw in a worksheet's cell data (after sheetData ends, e.g. Excel's extLst data
    validations with their <xm:f> formulas, nothing holds cells and nothing is looked at)."""

    def __init__(self) -> None:
        self.far = False  # a cell that may hold a value beyond CZ99999, with a plain reference
        self.odd = False  # a cell or row without a plain reference, or a prefixed element
        self.formula = False
        self.error = False
        self.done = False
        self.cells = 0

    def feed(self, piece: bytes) -> None:
        if self.done:
            return
        end = _SHEET_DATA_END.search(piece) if b"sheetData" in piece else None
        if end is not None:
            piece, self.done = piece[: end.start()], True
        if not self.far and _FAR_REF.search(piece):
            self.far = True
        if not self.odd and (_ODD_CELL.search(piece) or _ODD_ROW.search(piece) or _PREFIXED.search(piece)):
            self.odd = True
        if not self.formula and _FORMULA.search(piece):
            self.formula = True
        if not self.error and (b' t="e"' in piece or b" t='e'" in piece):  # literal finds: fast
            self.error = True
        self.cells += piece.count(b"<c")  # an upper bound (also counts <col ...>): stop a flood early
        if self.cells > MAX_CELLS:
            raise _Refused("too_large", reason="cells", cells=self.cells)


_VALUE_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"[^>]*(?<!/)>')


def value_extent(zf: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """(rows, columns) spanned by the cells that may hold a value, for a sheet whose cells all have plain
    `r="A1"` references: a pattern pass over the bytes (a million rows in about a second)."""
    max_row, carry = 0, b""
    letters: set[bytes] = set()
    with zf.open(part) as fh:
        while True:
            chunk = fh.read(CHUNK)
            piece = carry + chunk
            cut = piece.rfind(b"<") if chunk else len(piece)
            whole, carry = (piece[:cut], piece[cut:]) if cut > 0 else (piece, b"")
            found = _VALUE_CELL.findall(whole)
            if found:
                letters.update(col for col, _row in found)
                max_row = max(max_row, max(int(row) for _col, row in found))
            if not chunk:
                break
    max_col = max((column_number(col.decode()) for col in letters), default=0)
    return max_row, max_col


def _local(tag: object) -> str:
    text = tag if isinstance(tag, str) else ""
    return text.rsplit("}", 1)[-1]


_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})")


@dataclass
class CellScan:
    """What the precise scan saw in one worksheet: the extent of its value cells, formula and error cells."""

    extent: tuple[int, int] = (0, 0)  # (rows, columns) a reader would place
    formulas: list[str] = field(default_factory=list)  # A1 references, at most `limit`
    errors: list[tuple[str, str]] = field(default_factory=list)  # (A1, error value such as #N/A)


def precise_scan(zf: zipfile.ZipFile, part: str, *, limit: int = 500) -> CellScan:
    """Walk a worksheet's cells as a reader places them: extent, formula cells and error-value cells (A1)."""
    max_row = max_col = row = col = 0
    scan = CellScan()
    with zf.open(part) as fh:
        for event, el in etree.iterparse(
            fh,
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        ):
            tag = _local(el.tag)
            if event == "start":
                if tag == "row":
                    r = el.get("r")
                    row = int(r) if r and r.isdigit() else row + 1
                    col = 0
                continue
            if tag == "c":
                ref = el.get("r")
                m = _REF.fullmatch(ref) if ref else None
                if m:
                    col, crow = column_number(m.group(1)), int(m.group(2))
                else:
                    col, crow = col + 1, row
                if len(el):  # a cell with a value or formula; the reader skips value-less (styled) ones
                    max_row, max_col = max(max_row, crow), max(max_col, col)
                    _note_cell(scan, el, f"{column_letter(col - 1)}{crow}", limit)
                el.clear()
            elif tag == "row":
                el.clear()
    scan.extent = (max_row, max_col)
    return scan


def _note_cell(scan: CellScan, el: etree._Element, ref: str, limit: int) -> None:
    children = {_local(child.tag): child for child in el}
    if "f" in children and len(scan.formulas) < limit:
        scan.formulas.append(ref)
    if el.get("t") == "e" and len(scan.errors) < limit:
        value = children.get("v")
        scan.errors.append((ref, (value.text or "").strip()[:20] if value is not None else ""))


def scan_cells(path: Path | str, part: str, limit: int = 500) -> CellScan:
    """The formula and error-value cells of one worksheet part (at most `limit` of each)."""
    with zipfile.ZipFile(path) as zf:
        return precise_scan(zf, part, limit=limit)


def formula_cells(path: Path | str, part: str, limit: int = 500) -> list[str]:
    """The A1 references of the formula cells of one worksheet part (at most `limit`)."""
    return scan_cells(path, part, limit).formulas


def _utf16_kind(chunk: bytes) -> str:
    if chunk.startswith(b"\xff\xfe") or chunk.startswith(b"\xfe\xff"):
        return "utf-16"
    return "utf-16-le" if chunk[:2] == b"<\x00" else "utf-16-be"
