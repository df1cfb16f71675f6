"""The PDF's document information (Title, Author, Subject) that file managers and `pdfinfo` show.

QPdfWriter sets Title, Author and Creator but has no Subject; the Subject is added afterwards as a PDF
incremental update (ISO 32000-1, 7.5.6): the Info dictionary written again with the Subject, a one-entry
cross-reference section and a trailer pointing back at Qt's. The bytes Qt wrote stay untouched.
"""

from __future__ import annotations

import re

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_INFO = re.compile(rb"/Info\s+(\d+)\s+0\s+R")


class PdfInfoProblem(ValueError):
    """The file does not have the classic cross-reference table QPdfWriter writes."""


def pdf_text(text: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte order mark, as hex (safe for any character)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def with_subject(data: bytes, subject: str) -> bytes:
    """The PDF (as QPdfWriter writes it) with its Subject set, by an incremental update appended to it."""
    found = _STARTXREF.search(data[-256:])
    trailer_at = data.rfind(b"trailer")
    if found is None or trailer_at < 0:
        raise PdfInfoProblem("no trailer")
    trailer = data[trailer_at:]
    info = _INFO.search(trailer)
    size = re.search(rb"/Size\s+(\d+)", trailer)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    if info is None or size is None or root is None:
        raise PdfInfoProblem("no Info, Size or Root in the trailer")
    number = int(info.group(1))
    start = data.find(b"\n%d 0 obj" % number)
    end = data.find(b">>\nendobj", start)
    if start < 0 or end < 0:
        raise PdfInfoProblem("Info dictionary not found")
    body = data[data.find(b"<<", start) + 2 : end]
    body = re.sub(rb"/Subject\s*(\([^)]*\)|<[0-9A-Fa-f]*>)\s*", b"", body)
    obj_at = len(data) + (0 if data.endswith(b"\n") else 1)
    obj = b"%d 0 obj\n<<%s/Subject %s\n>>\nendobj\n" % (number, body, pdf_text(subject))
    xref_at = obj_at + len(obj)
    update = (
        (b"" if data.endswith(b"\n") else b"\n")
        + obj
        + b"xref\n%d 1\n%010d 00000 n \n" % (number, obj_at)
        + b"trailer\n<<\n/Size %s\n/Info %d 0 R\n/Root %s\n/Prev %s\n>>\n"
        % (size.group(1), number, root.group(1), found.group(1))
        + b"startxref\n%d\n%%%%EOF\n" % xref_at
    )
    return data + update
