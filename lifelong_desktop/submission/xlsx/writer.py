"""A small, fast streaming writer of .xlsx packages (SpreadsheetML): values only, never a formula."""

from __future__ import annotations

import io
import math
import re
import time as _time
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from lifelong_desktop.submission.xlsx import parts
from lifelong_desktop.submission.xlsx.cells import (
    COLUMNS,
    MAX_CELL_CHARS,
    clip_text,
    column_letter,
    column_number,
    date_serial,
    datetime_serial,
    escape_text,
    time_fraction,
)
from lifelong_desktop.submission.xlsx.pump import EntryPump

# Cell styles (indexes into cellXfs of xlsx_parts.styles_xml).
DATE, TIME, DATETIME, QUOTED, LABEL, KEY, TITLE, WRAP, HEADING = range(1, 10)
# A string starting with one of these would become a formula (or be mangled) once edited in Excel.
QUOTE_FIRST = frozenset("=+-@\t\r")
DEFAULT_FORMATS = ("yyyy-mm-dd", "hh:mm", "yyyy-mm-dd hh:mm")  # date, time, date-time
MAX_ROWS = 1_048_576
#: what the writer's users take from here (the cell helpers live in xlsx/cells.py)
__all__ = [
    "COLUMNS",
    "DATE",
    "DATETIME",
    "DEFAULT_FORMATS",
    "EXACT_INTEGERS",
    "FIRST_REAL_DATE",
    "HEADING",
    "KEY",
    "LABEL",
    "MAX_CELL_CHARS",
    "MAX_ROWS",
    "QUOTED",
    "QUOTE_FIRST",
    "TIME",
    "TITLE",
    "WRAP",
    "SheetWriter",
    "XlsxWriter",
    "check_sheet_name",
    "clip_text",
    "column_letter",
    "column_number",
    "date_serial",
    "datetime_serial",
    "escape_text",
    "time_fraction",
]
EXACT_INTEGERS = 10**15  # Excel keeps 15 significant digits: larger integers are written as text
FIRST_REAL_DATE = 61  # serial of 1900-03-01: earlier serials are off by Excel's 1900 leap-year day

_EPOCH = date(1899, 12, 30).toordinal()
_BAD_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


class SheetWriter:
    """One worksheet, written row by row straight into the package; call close() before the next sheet."""

    def __init__(
        self,
        book: XlsxWriter,
        name: str,
        index: int,
        *,
        widths: list[float] | None = None,
        freeze: str | None = None,
        dimension: str | None = None,
        selected: bool = False,
    ) -> None:
        self.book = book
        self.name = name
        self.index = index
        self.row = 0
        self._autofilter: str | None = None
        self._validations: list[str] = []
        self._merges: list[str] = []
        self._out = book.zip.open(book.entry(f"xl/worksheets/sheet{index}.xml"), "w")
        head = [parts.XML_DECL, f'<worksheet xmlns="{parts.NS_MAIN}" xmlns:r="{parts.NS_REL}">']
        if dimension:
            head.append(f'<dimension ref="{dimension}"/>')
        head.append(parts.sheet_view(freeze, selected))
        head.append('<sheetFormatPr defaultRowHeight="15"/>')
        if widths:
            head.append(
                "<cols>"
                + "".join(
                    f'<col min="{i}" max="{i}" width="{min(w, 255):.1f}" customWidth="1"/>'  # Excel: 255 at most
                    for i, w in enumerate(widths, 1)
                )
                + "</cols>"
            )
        head.append("<sheetData>")
        self._buffer: list[str] = ["".join(head)]
        # a thread deflating the rows written so far, from the first 500 (a small sheet is written at its close)
        self._pump: EntryPump | None = None

    def append(self, values: list[Any] | tuple[Any, ...], style: int | None = None) -> int:
        """Write the next row; None and '' leave a cell blank. Returns the row number written."""
        self.row += 1
        if self.row > MAX_ROWS:
            raise ValueError(f"a sheet holds at most {MAX_ROWS} rows")
        r = str(self.row)
        out = [f'<row r="{r}">']
        add = out.append
        sst = self.book.string_index
        s_attr = f' s="{style}"' if style else ""
        for i, v in enumerate(values):
            if v is None:
                continue
            t = type(v)
            if t is str:
                if not v:
                    continue
                s = f' s="{QUOTED}"' if v[0] in QUOTE_FIRST else s_attr
                add(f'<c r="{COLUMNS[i]}{r}"{s} t="s"><v>{sst(v)}</v></c>')
            elif t is int:
                if -EXACT_INTEGERS < v < EXACT_INTEGERS:
                    add(f'<c r="{COLUMNS[i]}{r}"{s_attr}><v>{v}</v></c>')
                else:
                    add(self._text_cell(f"{COLUMNS[i]}{r}", str(v), s_attr))
            else:
                add(self._other_cell(f"{COLUMNS[i]}{r}", v, s_attr))
        add("</row>")
        self._buffer.append("".join(out))
        if len(self._buffer) >= 500:
            if self._pump is None:
                self._pump = EntryPump(self._out)
            self._pump.write("".join(self._buffer).encode("utf-8"))
            self._buffer.clear()
        return self.row

    def _other_cell(self, ref: str, v: Any, s_attr: str) -> str:
        """A cell of a date, time, datetime, bool or float (strings and ints are written inline, for speed)."""
        t = type(v)
        if t is date:
            serial = v.toordinal() - _EPOCH
            if serial >= FIRST_REAL_DATE:
                return f'<c r="{ref}" s="{DATE}"><v>{serial}</v></c>'
            return self._text_cell(ref, v.isoformat(), s_attr)  # Excel has no such date
        if t is time:
            return f'<c r="{ref}" s="{TIME}"><v>{time_fraction(v)!r}</v></c>'
        if t is datetime:
            if v.toordinal() - _EPOCH >= FIRST_REAL_DATE:
                return f'<c r="{ref}" s="{DATETIME}"><v>{datetime_serial(v)!r}</v></c>'
            return self._text_cell(ref, f"{v:%Y-%m-%d %H:%M}", s_attr)
        if t is bool:
            return f'<c r="{ref}"{s_attr} t="b"><v>{int(v)}</v></c>'
        if t is float and math.isfinite(v) and -1e307 < v < 1e307:  # Excel: at most 9.99E+307
            return f'<c r="{ref}"{s_attr}><v>{v!r}</v></c>'
        return self._text_cell(ref, str(v), s_attr)

    def _text_cell(self, ref: str, text: str, s_attr: str) -> str:
        """A shared-string cell for a value that is not written as itself (quote-prefixed like any text)."""
        if not text:
            return ""
        s = f' s="{QUOTED}"' if text[0] in QUOTE_FIRST else s_attr
        return f'<c r="{ref}"{s} t="s"><v>{self.book.string_index(text)}</v></c>'

    def skip(self, count: int = 1) -> None:
        """Leave rows empty."""
        self.row += count

    def auto_filter(self, ref: str) -> None:
        self._autofilter = ref

    def merge(self, ref: str) -> None:
        self._merges.append(ref)

    def list_validation(self, sqref: str, source: str, *, on_other: str = "stop", prompt: str = "") -> None:
        """A drop-down list over `sqref` whose entries are the range `source` (never an inline list).

        on_other: what Excel does with a typed value not in the list: "stop" refuses it, "warning" asks,
        "allow" takes it silently (for cells that may hold several entries).
        """
        style = {
            "stop": ' showErrorMessage="1"',
            "warning": ' showErrorMessage="1" errorStyle="warning"',
            "allow": ' showErrorMessage="0"',
        }[on_other]
        if len(prompt) > 255 or len(self._validations) >= 65_534:  # Excel's limits: past them it repairs
            raise ValueError("an input message holds 255 characters, a sheet 65,534 validations")
        prompt_attr = f" prompt={quoteattr(prompt)}" if prompt else ""
        self._validations.append(
            f'<dataValidation type="list" allowBlank="1" showInputMessage="1"{style}{prompt_attr}'
            f' sqref="{sqref}"><formula1>{escape_text(source)}</formula1></dataValidation>'
        )

    def stop(self) -> None:
        """Let the deflating thread finish what it was handed, without raising (see XlsxWriter.abort)."""
        if self._pump is not None:
            self._pump.stop()

    def close(self) -> None:
        tail = ["</sheetData>"]
        if self._autofilter:
            tail.append(f'<autoFilter ref="{self._autofilter}"/>')
        if self._merges:
            tail.append(
                f'<mergeCells count="{len(self._merges)}">'
                + "".join(f'<mergeCell ref="{m}"/>' for m in self._merges)
                + "</mergeCells>"
            )
        if self._validations:
            tail.append(
                f'<dataValidations count="{len(self._validations)}">'
                + "".join(self._validations)
                + "</dataValidations>"
            )
        tail.append(
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        )
        tail.append("</worksheet>")
        self._buffer.append("".join(tail))
        data = "".join(self._buffer).encode("utf-8")
        self._buffer.clear()
        if self._pump is not None:
            self._pump.write(data)
            self._pump.close()  # every row is in the entry (or the thread's error is raised here)
        else:
            self._out.write(data)
        self._out.close()
        self.book.sheet_closed(self)


def check_sheet_name(name: str, taken: list[str]) -> None:
    """Excel's rules for a sheet name: 1 to 31 characters, none of []:*?/\\, no apostrophe at either end, unique."""
    if (
        not 1 <= len(name) <= 31
        or _BAD_SHEET_NAME.search(name)
        or name[0] == "'"
        or name[-1] == "'"
        or name.casefold() == "history"
    ):
        raise ValueError(f"Excel refuses the sheet name {name!r}")
    if name.casefold() in {t.casefold() for t in taken}:
        raise ValueError(f"sheet name {name!r} used twice")


class XlsxWriter:
    """A workbook package being written to `path`; sheets are added in order, one at a time."""

    def __init__(
        self,
        path: Path | str,
        *,
        number_formats: tuple[str, str, str] = DEFAULT_FORMATS,
        creator: str = "lifelong-desktop",
        compresslevel: int = 6,
        sheet_count: int | None = None,
    ) -> None:
        """sheet_count, when known, puts [Content_Types].xml and the relationships first in the zip, as Excel
        does: file-type sniffers (libmagic's msooxml rule, upload portals) look for them there."""
        self.path = Path(path)
        self.creator = creator
        self.number_formats = number_formats
        self.zip = zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel)
        self._strings: dict[str, int] = {}
        self._clipped: dict[int, str] = {}  # index -> the text cut to MAX_CELL_CHARS, for over-long strings
        self._sheets: list[tuple[str, bool]] = []
        self._filters: list[tuple[int, str, str]] = []
        self._open: SheetWriter | None = None
        self.sheet_count = sheet_count
        if sheet_count is not None:
            try:
                self._write_package_head(sheet_count)
            except BaseException:
                self.abort()
                raise

    def _write_package_head(self, count: int) -> None:
        self.zip.writestr("[Content_Types].xml", parts.content_types(count))
        self.zip.writestr("_rels/.rels", parts.ROOT_RELS)
        self.zip.writestr("xl/_rels/workbook.xml.rels", parts.workbook_rels(count))

    def entry(self, name: str) -> zipfile.ZipInfo:
        """A deflated zip entry stamped with the current time (no zip64 extra: some readers refuse it)."""
        info = zipfile.ZipInfo(name, date_time=_time.localtime()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    def string_index(self, text: str) -> int:
        index = self._strings.get(text)
        if index is None:
            index = self._strings[text] = len(self._strings)
            if len(text) > MAX_CELL_CHARS // 2 and (clipped := clip_text(text)) is not text:
                self._clipped[index] = clipped
        return index

    def sheet(
        self,
        name: str,
        *,
        hidden: bool = False,
        widths: list[float] | None = None,
        freeze: str | None = None,
        dimension: str | None = None,
    ) -> SheetWriter:
        if self._open is not None:
            raise RuntimeError("close the previous sheet first")
        check_sheet_name(name, [n for n, _ in self._sheets])
        # the first visible sheet is the active tab (workbook_xml) and the one selected tab
        selected = not hidden and all(h for _, h in self._sheets)
        self._sheets.append((name, hidden))
        self._open = SheetWriter(
            self,
            name,
            len(self._sheets),
            widths=widths,
            freeze=freeze,
            dimension=dimension,
            selected=selected,
        )
        return self._open

    def sheet_closed(self, sheet: SheetWriter) -> None:
        if sheet._autofilter:
            self._filters.append((sheet.index - 1, sheet.name, sheet._autofilter))
        self._open = None

    def close(self) -> None:
        """Write the shared strings, styles, workbook and package parts; the file is then complete."""
        if self._open is not None:
            self._open.close()
        if all(hidden for _, hidden in self._sheets):  # also when there is no sheet at all
            raise ValueError("a workbook needs at least one visible sheet")
        if self.sheet_count is not None and self.sheet_count != len(self._sheets):
            raise ValueError(f"{len(self._sheets)} sheets written, {self.sheet_count} announced")
        z = self.zip
        with z.open(self.entry("xl/sharedStrings.xml"), "w") as fh:
            pump = EntryPump(fh) if len(self._strings) > 2000 else None  # many: deflated meanwhile
            write = fh.write if pump is None else pump.write
            try:
                write(parts.shared_strings_head(len(self._strings)).encode())
                chunk: list[str] = []
                clipped = self._clipped
                for i, text in enumerate(self._strings):
                    if clipped:
                        text = clipped.get(i, text)
                    esc = escape_text(text)
                    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
                    chunk.append(f"<si><t{space}>{esc}</t></si>")
                    if len(chunk) >= 2000:
                        write("".join(chunk).encode("utf-8"))
                        chunk.clear()
                chunk.append("</sst>")
                write("".join(chunk).encode("utf-8"))
                if pump is not None:
                    pump.close()
            finally:
                if pump is not None:
                    pump.stop()  # done with the entry before it is closed, also on an error
        z.writestr("xl/styles.xml", parts.styles_xml(*self.number_formats))
        z.writestr("xl/workbook.xml", parts.workbook_xml(self._sheets, self._filters))
        if self.sheet_count is None:
            self._write_package_head(len(self._sheets))
        z.writestr("docProps/core.xml", parts.core_xml(self.creator))
        z.writestr("docProps/app.xml", parts.app_xml(self.creator, [n for n, _ in self._sheets]))
        z.close()

    def abort(self) -> None:
        """Stop writing and close the file without finishing it (the caller removes the partial file).

        The zip's file is detached first, so neither this close nor ZipFile.__del__ later tries to write the
        central directory again (on a full disk that printed a traceback after the user's sentence).
        """
        if self._open is not None:  # mark the sheet's zip entry closed without writing its end
            self._open.stop()
            io.BufferedIOBase.close(self._open._out)  # type: ignore[arg-type]  # a zipfile entry writer
            self._open = None
        z = self.zip
        fp, z.fp = z.fp, None
        z._writing = False  # type: ignore[attr-defined]  # zipfile's own flag of an entry being written
        if fp is not None:
            try:
                fp.close()
            except OSError:  # the buffer could not be flushed (a full disk): the file is discarded anyway
                pass
