"""Where the pages of a printed document break: never inside a table row, with the table's header repeated.

Qt's own paging of a QTextDocument breaks a table row between two lines of one cell (page 2 then starts
with a lone "协办：…" line). Here the document is laid out once as one long strip and cut into pages at
row and paragraph boundaries: a row that does not fit on what is left of a page starts the next page, under
a copy of its table's header rows (the day and the column titles); `page-break-before` is honoured. Only a
row taller than a whole page is cut, at the page's height.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextDocument, QTextFormat, QTextTable


@dataclass(frozen=True, slots=True)
class Atom:
    """A piece that stays on one page: from `start` (the end of the piece before) to `bottom`; `top` is
    where its own content begins (a page that starts with it starts there); `header` is the extent of its
    table's header rows, repeated above it when it opens a page."""

    start: float
    top: float
    bottom: float
    break_before: bool = False
    header: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class Slice:
    """A band of the strip [src_top, src_bottom) painted at dst_top of a page's body (layout units)."""

    src_top: float
    src_bottom: float
    dst_top: float


def _cell_extent(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    """The top of the first line and the bottom of the last line of a row's cells."""
    layout = doc.documentLayout()
    tops, bottoms = [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row:  # spanned from a row above
            continue
        tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
    return (min(tops), max(bottoms)) if tops else (0.0, 0.0)


def _table_atoms(doc: QTextDocument, table: QTextTable, start: float, break_before: bool) -> list[Atom]:
    """The header rows as one atom, then one atom per row, cut halfway between two rows' contents."""
    frame = doc.documentLayout().frameBoundingRect(table)
    extents = [_cell_extent(doc, table, r) for r in range(table.rows())]
    cuts = [frame.top()]
    cuts += [(extents[r - 1][1] + extents[r][0]) / 2 for r in range(1, table.rows())]
    cuts.append(frame.bottom())
    n_header = min(table.format().headerRowCount(), table.rows())
    atoms: list[Atom] = []
    header = (cuts[0], cuts[n_header]) if n_header else None
    first_body = n_header if n_header < table.rows() else table.rows() - 1
    # the header rows travel with the first row: a day's title never stands alone at a page's foot
    atoms.append(Atom(start, frame.top(), cuts[first_body + 1], break_before))
    for r in range(first_body + 1, table.rows()):
        atoms.append(Atom(cuts[r], cuts[r], cuts[r + 1], header=header))
    return atoms


def atoms_of(doc: QTextDocument) -> list[Atom]:
    """The document (laid out without pages) as atoms, in order: paragraphs and table rows."""
    layout = doc.documentLayout()
    tables = sorted(
        (f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)),
        key=lambda t: t.firstPosition(),
    )
    atoms: list[Atom] = []
    end = 0.0
    pending_break = False  # a page break asked for by an empty paragraph goes to the next piece
    block = doc.begin()
    i = 0
    while block.isValid():
        if i < len(tables) and block.position() >= tables[i].firstPosition():
            table = tables[i]
            wants = pending_break or _breaks_before(table.format())
            atoms += _table_atoms(doc, table, end, wants)
            end, pending_break = atoms[-1].bottom, False
            block = doc.findBlock(table.lastPosition() + 1)
            i += 1
            continue
        rect = layout.blockBoundingRect(block)
        pending_break = pending_break or _breaks_before(block.blockFormat())
        if block.text().strip() and rect.bottom() > end:  # the empty paragraphs between tables take no room
            atoms.append(Atom(end, max(rect.top(), end), rect.bottom(), pending_break))
            end, pending_break = rect.bottom(), False
        block = block.next()
    return atoms


def _breaks_before(fmt: QTextFormat) -> bool:
    return bool(fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def paginate(atoms: list[Atom], page_height: float) -> list[list[Slice]]:
    """Each page's bands of the strip: atoms in order, a new page where the next does not fit."""
    pages: list[list[Slice]] = [[]]
    used = 0.0

    def put(top: float, bottom: float) -> None:
        nonlocal used
        page = pages[-1]
        if page and page[-1].src_bottom == top:
            last = page[-1]
            page[-1] = Slice(last.src_top, bottom, last.dst_top)
        else:
            page.append(Slice(top, bottom, used))
        used += bottom - top

    def new_page() -> None:
        nonlocal used
        pages.append([])
        used = 0.0

    for atom in atoms:
        if pages[-1] and (atom.break_before or used + (atom.bottom - atom.start) > page_height):
            new_page()
        if not pages[-1]:
            top = atom.top
            if atom.header is not None and atom.header[1] - atom.header[0] + atom.bottom - top <= page_height:
                put(*atom.header)
        else:
            top = atom.start
        while atom.bottom - top > page_height - used:  # taller than a page: cut where the page ends
            cut = top + page_height - used
            put(top, cut)
            new_page()
            top = cut
        put(top, atom.bottom)
    return pages if pages[-1] or len(pages) == 1 else pages[:-1]
