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
from typing import TYPE_CHECKING

from lifelong_desktop.submission.findings import ERROR, Finding
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.reading.sheet_scan import (
    CHUNK,
    MAX_CELLS,
    Refused,
    _SheetStats,
    precise_scan,
    value_extent,
)

if TYPE_CHECKING:  # lxml is loaded when a part is parsed: not before the reader's child is forked
    from lxml import etree

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
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


def _finding(code: str, **params: object) -> Finding:
    return Finding(ERROR, code, params=dict(params))


def inspect_workbook(path: Path | str, *, cells_checked: bool = False) -> SafetyReport:
    """Check one file before any parser sees it; never raises for bad input.

    cells_checked: scan_ahead.harmless_to_read(path) said yes, so the cell-placement patterns of every
    worksheet found nothing there and need not run again (the report is the same without them)."""
    from lxml import etree

    path = Path(path)
    report = SafetyReport()
    try:
        _inspect(path, report, cells_checked)
    except Refused as exc:
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


def _inspect(path: Path, report: SafetyReport, cells_checked: bool = False) -> None:
    limits = load_format().limits
    if not path.is_file():
        raise Refused("not_a_workbook", kind="missing")
    size = path.stat().st_size
    if size == 0:
        raise Refused("not_a_workbook", kind="empty")
    if size > limits["max_file_bytes"]:
        raise Refused("too_large", reason="size", size_mib=round(size / 2**20, 1))
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE2_MAGIC):
        raise Refused("encrypted" if _ole2_is_encrypted(path) else "not_a_workbook", kind="xls")
    if not head.startswith(ZIP_MAGICS) and not zipfile.is_zipfile(path):
        raise Refused("not_a_workbook", kind=_guess_kind(path, head))
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        _check_directory(zf, infos, limits)
        for info in infos:
            if not info.is_dir():
                _scan_part(zf, info, report, cells_checked)
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
        raise Refused("too_large", reason="parts", parts=len(infos))
    if "mimetype" in names and b"opendocument" in _head(zf, "mimetype"):
        raise Refused("not_a_workbook", kind="ods")
    if any(i.flag_bits & 0x1 for i in infos):
        raise Refused("encrypted")
    missing = [p for p in REQUIRED_PARTS if p not in names]
    if missing:
        raise Refused("not_a_workbook", kind="zip")
    total = sum(i.file_size for i in infos)
    if total > limits["max_uncompressed_bytes"]:
        raise Refused("too_large", reason="uncompressed", size_mib=round(total / 2**20))
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > limits["max_ratio"] * max(
            info.compress_size, 1
        ):
            raise Refused(
                "too_large",
                reason="ratio",
                kind=_ratio_kind(info.filename),
                part=info.filename,
                ratio=round(info.file_size / max(info.compress_size, 1)),
            )


def _ratio_kind(part: str) -> str:
    """Which sentence tells a clerk what a part compressed too much holds: the cells' text, a sheet, or
    anything else."""
    if part == "xl/sharedStrings.xml":
        return "ratio_text"
    if part.startswith("xl/worksheets/") and part.endswith(".xml"):
        return "ratio_sheet"
    return "ratio"


def _head(zf: zipfile.ZipFile, name: str) -> bytes:
    with zf.open(name) as fh:
        return fh.read(200)


def _count_work(report: SafetyReport, size: int) -> None:
    """A file whose XML is too much to parse is refused like a too large one, by bytes, never by time."""
    report.parsed_bytes += size
    if report.parsed_bytes > MAX_PARSED_XML_BYTES:
        raise Refused("too_large", reason="xml", size_mib=round(report.parsed_bytes / 2**20))


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels", ".vml")) or name == "[Content_Types].xml"


class _NoEvents:
    """An lxml parser target that builds nothing: a streaming well-formedness check."""

    def close(self) -> None:
        return None


def _xml_parser() -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(
        target=_NoEvents(), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def _syntax_error() -> type[Exception]:
    from lxml import etree

    return etree.XMLSyntaxError


def _is_parsed(name: str) -> bool:
    """Parts a workbook reader parses: these must be well-formed XML (other parts are only scanned)."""
    return (
        name.endswith(".rels")
        or name in ("[Content_Types].xml", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml")
        or name.startswith("xl/worksheets/")
    )


def _scan_part(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, report: SafetyReport, cells_checked: bool = False
) -> None:
    """Inflate one part (zipfile stops at the declared size and checks the CRC); scan XML as it streams."""
    name = info.filename
    if not _is_xml(name):
        with zf.open(info) as part:
            while part.read(CHUNK):
                pass
        return
    stream = _XmlStream(name, cells_checked)
    with zf.open(info) as part:
        while True:
            chunk = part.read(CHUNK)
            stream.feed(chunk)
            if not chunk:
                break
            if stream.parser is not None:
                _count_work(report, len(chunk))
    stream.close()
    if stream.stats is not None:
        _note_sheet(zf, name, stream.stats, report)


class _XmlStream:
    """One XML part as it is inflated: declarations refused (UTF-16 too), worksheet statistics gathered,
    and the parts a reader parses parsed, so damage is found before any reader sees it."""

    def __init__(self, name: str, cells_checked: bool = False) -> None:
        self.name = name
        sheet = name.startswith("xl/worksheets/") and name.endswith(".xml")
        self.stats = _SheetStats(cells_checked) if sheet else None
        self.parser = _xml_parser() if _is_parsed(name) else None
        self.decoder: codecs.IncrementalDecoder | None = None
        self.carry = b""
        self.first = True

    def feed(self, chunk: bytes) -> None:
        """The next piece of the part (b"" at its end)."""
        if self.first and chunk:
            self.first = False
            if chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or chunk[:2] in (b"<\x00", b"\x00<"):
                self.decoder = codecs.getincrementaldecoder(_utf16_kind(chunk))(errors="replace")
        if self.decoder is not None:
            if _DECLARATION_TEXT.search(self.decoder.decode(chunk, final=not chunk)):
                raise Refused("unsafe_xml", part=self.name)
            if self.stats is not None:
                self.stats.odd = True  # a UTF-16 worksheet gets the precise scan
        else:
            self._scan_bytes(chunk)
        if chunk and self.parser is not None:
            try:
                self.parser.feed(chunk)
            except _syntax_error() as exc:
                raise Refused("damaged", part=self.name, detail=str(exc)[:200]) from None

    def _scan_bytes(self, chunk: bytes) -> None:
        """Cut pieces at the last '<' so that no tag is split between two pieces; scan each whole piece."""
        piece = self.carry + chunk
        cut = piece.rfind(b"<") if chunk else len(piece)
        if cut <= 0 or len(piece) - cut > 2 * CHUNK:
            cut = len(piece)
            if self.stats is not None and chunk:
                self.stats.odd = True
        whole, self.carry = piece[:cut], piece[cut:]
        if _DECLARATION.search(whole):
            raise Refused("unsafe_xml", part=self.name)
        if self.stats is not None:
            self.stats.feed(whole)

    def close(self) -> None:
        try:
            if self.parser is not None:
                self.parser.close()
        except _syntax_error() as exc:
            raise Refused("damaged", part=self.name, detail=str(exc)[:200]) from None


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
            raise Refused("too_large", reason="cells", part=name, rows=rows, columns=columns)
    if formula:
        report.formula_parts.add(name)
    if error:
        report.error_parts.add(name)


def _utf16_kind(chunk: bytes) -> str:
    if chunk.startswith(b"\xff\xfe") or chunk.startswith(b"\xfe\xff"):
        return "utf-16"
    return "utf-16-le" if chunk[:2] == b"<\x00" else "utf-16-be"
