"""What a worksheet part holds, read from its bytes: fast bounds on its cells, and a precise cell walk.

Used by the safety scan (reading/safety.py) before any reader allocates a grid, and to find formula and
error cells by reference.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.xlsx.cells import column_letter, column_number

if TYPE_CHECKING:  # lxml is loaded by the precise scan: not before the reader's child is forked
    from lxml import etree

CHUNK = 1 << 20


class Refused(Exception):
    """Why a workbook is refused before it is parsed: a code and its parameters (findings of the scan)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


# Fast bounds on the cells of a worksheet, so that no reader allocates a huge dense grid (the cell reader
# holds about 80 bytes per cell of its grid: 4,000,000 cells keep a read under 500 MB): cells up to
# column AN (40) and row 99,999 pass the fast check, and so does any value-less (styled, self-closing) cell,
# which no reader places; a farther cell that may hold a value, a cell or row without a leading `r="..."`, or
# a namespace-prefixed cell, row or formula element gets the precise scan. Every pattern starts with a
# literal, so each is one fast pass over the bytes.
MAX_CELLS = load_format().limits["max_sheet_cells"]  # 4,000,000: docs/submission-format-choices.md says why
_FAR_REF = re.compile(rb'<c r="(?:[A-Z]{3}|[B-Z][A-Z]|A[O-Z]|[A-Z]{0,2}\d{6})[^>]*(?<!/)>')
_ODD_CELL = re.compile(rb'<c(?! r="|o|u|e|f|h)')
_ODD_ROW = re.compile(rb'<row(?! r=")')
_PREFIXED = re.compile(rb":(?:c|f|row)[\s/>]")
_FORMULA = re.compile(rb"<f(?!o|i)")
# A cell that is neither a plain near one (`<c r="A1"` up to `<c r="AN99999"`) nor another element starting
# with `<c`: every match of _FAR_REF or _ODD_CELL is a match of this one, so a piece without it needs neither
# (one pass over a sheet's cells instead of two; the two run only on a piece where this one matched).
# A plain near cell also has only the attributes a cell may have (`s`, `t`, `cm`, `vm`, `ph`, in double quotes);
# one with another (`nt="s"`, a garbled `t`, would make its shared-string index read as a number) is unsure too.
_NOT_NEAR_CELL = re.compile(
    rb'<c(?! r="(?:[A-Z]|A[A-N])\d{1,5}"(?:\s+(?:s|t|cm|vm|ph)="[^"]*")*+\s*+[/>]|o|u|e|f|h)'
)
# A cell with a plain reference and then an attribute that is not one of a cell's (or one in single quotes):
# the precise scan tells which (a single-quoted known attribute is fine there).
_ODD_ATTRIBUTE = re.compile(rb'<c r="[A-Z]{1,3}\d{1,7}"(?:\s+(?:s|t|cm|vm|ph)="[^"]*")*+\s*+(?![/>])')
#: the attributes of a cell (ECMA-376 CT_Cell); any other, not in a namespace, makes the sheet damaged
CELL_ATTRIBUTES = frozenset(("r", "s", "t", "cm", "vm", "ph"))
_SHEET_DATA_END = re.compile(rb"</(?:[\w.\-]+:)?sheetData\s*>")


class _SheetStats:
    """What the fast patterns saw in a worksheet's cell data (after sheetData ends, e.g. Excel's extLst data
    validations with their <xm:f> formulas, nothing holds cells and nothing is looked at)."""

    def __init__(self, cells_checked: bool = False) -> None:
        # cells_checked: every cell is known near, with a plain reference, and within the cell limit
        # (scan_ahead.harmless_to_read): far, odd and the count cannot change, so they are not looked at
        self.cells_checked = cells_checked
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
        if not self.cells_checked:
            self._placement(piece)
        if not self.formula and _FORMULA.search(piece):
            self.formula = True
        if not self.error and (b' t="e"' in piece or b" t='e'" in piece):  # literal finds: fast
            self.error = True
        if self.cells_checked:
            return
        self.cells += piece.count(b"<c")  # an upper bound (also counts <col ...>): stop a flood early
        if self.cells > MAX_CELLS:
            raise Refused("too_large", reason="cells", cells=self.cells)

    def _placement(self, piece: bytes) -> None:
        """Cells that may lie far away, or whose place a pattern cannot tell."""
        unsure = (not self.far or not self.odd) and _NOT_NEAR_CELL.search(piece) is not None
        if unsure and not self.far and _FAR_REF.search(piece):
            self.far = True
        if not self.odd and (
            (unsure and (_ODD_CELL.search(piece) or _ODD_ATTRIBUTE.search(piece)))
            or _ODD_ROW.search(piece)
            or _PREFIXED.search(piece)
        ):
            self.odd = True


class NearCells:
    """The quick check of a worksheet's cells (scan_ahead), fed its bytes in pieces as they are inflated: every
    cell a near one with a plain reference, no odd row or prefixed element, at most MAX_CELLS `<c` counted.
    `feed` answers False as soon as it is unsure."""

    def __init__(self) -> None:
        self.carry = b""
        self.cells = 0
        self.done = False  # sheetData ended: nothing after it holds cells
        self.first = True

    def feed(self, chunk: bytes) -> bool:
        """Look at the next piece (b"": the end); False when unsure."""
        if self.done:
            return True
        if self.first:
            self.first = False
            if chunk[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):
                return False  # UTF-16: the patterns do not apply
        last = not chunk
        piece = self.carry + chunk
        cut = len(piece) if last else piece.rfind(b"<")
        if not last and (cut <= 0 or len(piece) - cut > 2 * CHUNK):
            return False  # no tag boundary to cut at: the scan looks at such a sheet closely
        whole, self.carry = piece[:cut], piece[cut:]
        ended = _SHEET_DATA_END.search(whole) if b"sheetData" in whole else None
        if ended is not None:
            whole, self.done = whole[: ended.start()], True
        if _NOT_NEAR_CELL.search(whole) or _ODD_ROW.search(whole) or _PREFIXED.search(whole):
            return False
        self.cells += whole.count(b"<c")
        return self.cells <= MAX_CELLS


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
    from lxml import etree

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
                _known_attributes(el, part)
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


def _known_attributes(el: etree._Element, part: str) -> None:
    """Refuse a cell with an attribute a cell does not have: what it was meant to say is unknown (Excel calls
    such a file damaged too); an attribute in a namespace (markup compatibility) is let through."""
    for name in el.attrib:
        if not str(name).startswith("{") and name not in CELL_ATTRIBUTES:
            detail = f"cell {el.get('r') or '?'}: unknown attribute {str(name)[:20]}"
            raise Refused("damaged", part=part, detail=detail)


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
