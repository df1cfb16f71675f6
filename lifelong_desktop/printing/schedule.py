"""Printed schedules of a programme: by date, by city, by venue (a page per venue per week), one activity.

Public API (for the UI and the command line)::

    opts = ScheduleOptions(by="date", date_from=None, date_to=None, city=None, page_size="A4",
                           orientation="portrait")          # by: date | city | venue
    doc = build_schedule(session, programme_id, opts)       # -> ScheduleDocument (session no longer needed)
    doc.write_pdf("日程.pdf")                               # embedded, selectable Chinese text
    doc.write_odt("日程.odt")                               # the same document as ODF text
    doc.print_to(printer)                                   # QPrinter / QPdfWriter (QPagedPaintDevice)
    sheet = activity_sheet(session, activity_id_or_uid, opts)   # one activity's programme sheet

In a QPrintPreviewDialog connect ``paintRequested`` to ``lambda p: doc.print_to(p, use_device_layout=True)``
after ``doc.configure(printer)``. A QGuiApplication is created (offscreen when headless) if none runs.
Multi-day activities appear on each of their days (the daily meaning of services.checks_time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPdfWriter, QTextDocumentWriter
from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop import files
from lifelong_desktop.models import Activity, Programme
from lifelong_desktop.printing import html as H
from lifelong_desktop.printing.pages import Furniture, PagedDocument, page_layout
from lifelong_desktop.printing.pdf_info import with_subject
from lifelong_desktop.printing.qt import ensure_gui_app, font_family
from lifelong_desktop.printing.texts import Words
from lifelong_desktop.services.occurrences import occurrences
from lifelong_desktop.services.rows import ActivityRow, activity_rows, sort_key

LAYOUTS = ("date", "city", "venue")
PDF_DPI = 300


@dataclass(frozen=True)
class ScheduleOptions:
    """What to print and on what paper."""

    by: str = "date"  # date | city | venue
    date_from: date | None = None
    date_to: date | None = None
    city: str | None = None  # a city code, or None for all
    page_size: str = "A4"  # A4 | A3
    orientation: str = "portrait"  # portrait | landscape
    include_cancelled: bool = False
    lang: str | None = None  # zh (default) or en
    as_of: datetime | None = None  # 数据截至; default: now

    def page_layout(self) -> QPageLayout:
        return page_layout(self.page_size, self.orientation == "landscape")


@dataclass
class ScheduleDocument:
    """A schedule ready to print: its HTML, page furniture and paper; lays itself out per output device."""

    html: str
    furniture: Furniture
    layout: QPageLayout
    title: str
    entry_count: int = 0
    page_count: int = 0
    subject: str = ""  # the PDF's Subject: the programme's theme, else what is printed
    author: str = ""  # the PDF's Author: the programme's 填报单位, else its region
    _paged: PagedDocument | None = field(default=None, repr=False)

    def paged(self) -> PagedDocument:
        if self._paged is None:
            ensure_gui_app()
            self._paged = PagedDocument(self.html, self.layout)
        return self._paged

    def configure(self, device: QPagedPaintDevice) -> None:
        """Give a printer this schedule's paper and margins (before a preview dialog opens)."""
        device.setPageLayout(self.layout)

    def print_to(self, device: QPagedPaintDevice, *, use_device_layout: bool = False) -> int:
        """Paint all pages (header, body, footer) onto a QPrinter or QPdfWriter; returns the page count.
        With use_device_layout the printer's paper and orientation (as set in a dialog) are used, else this
        schedule's own."""
        paged = self.paged()
        if not use_device_layout:
            paged.set_layout(self.layout)
        self.page_count = paged.paint(device, self.furniture, use_device_layout=use_device_layout)
        return self.page_count

    def pdf_bytes(self) -> tuple[bytes, int]:
        """The whole PDF in memory and its page count (Qt's writer cannot report a failed disk write)."""
        ensure_gui_app()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(PDF_DPI)
        writer.setTitle(self.title)
        writer.setAuthor(self.author)
        writer.setCreator("lifelong-desktop")
        pages = self.print_to(writer)
        del writer  # the PDF is complete once the writer is gone
        return with_subject(bytes(buffer.data().data()), self.subject or self.title), pages

    def write_pdf(self, path: str | Path, *, database: Path | None = None) -> int:
        """Write the PDF through files.write_bytes (temporary file, fsync, rename); returns the page count.

        Raises files.OutputProblem (full disk, no folder, `database` named as the target ...); an old file
        of that name is then unchanged."""
        files.check_target(path, database=database)  # before the pages are laid out
        data, pages = self.pdf_bytes()
        files.write_bytes(path, data, database=database)
        return pages

    def odt_bytes(self) -> bytes:
        """The same document as ODF text (header lines at the top, since ODF export has no page furniture)."""
        ensure_gui_app()
        f = self.furniture
        top = (
            f'<p class="note">{H.escape(f.header_left)}　{H.escape(f.header_sub)}<br/>{H.escape(f.as_of)}</p>'
        )
        odt = PagedDocument(self.html.replace("<body>", "<body>" + top, 1), self.layout)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QTextDocumentWriter(buffer, b"ODF")
        written = writer.write(odt.doc)
        del writer
        data = bytes(buffer.data().data())
        if not written or not data:
            raise OSError(f"the ODF writer produced nothing ({len(data)} bytes)")
        return data

    def write_odt(self, path: str | Path, *, database: Path | None = None) -> None:
        """Write the ODT through files.write_bytes; raises files.OutputProblem as write_pdf does."""
        files.check_target(path, database=database)
        try:
            data = self.odt_bytes()
        except OSError as exc:
            raise files.OutputProblem("write_failed", Path(path), detail=str(exc)) from exc
        files.write_bytes(path, data, database=database)


def _programme(session: Session, programme_id: int) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise LookupError(programme_id)
    return programme


def _furniture(w: Words, p: Programme, title: str, opts: ScheduleOptions) -> Furniture:
    as_of = (opts.as_of or datetime.now()).strftime("%Y-%m-%d %H:%M")
    return Furniture(
        header_left=w.t("print.header", region=p.region_name, year=p.year),
        header_sub=w.t("print.theme", theme=p.theme) if p.theme else "",
        header_right=title,
        as_of=w.t("print.as_of", when=as_of),
        page_text=w.t("print.page", page="{page}", pages="{pages}"),
    )


def _entries(rows: list[ActivityRow], opts: ScheduleOptions) -> list[H.Entry]:
    """(occurrence, row) for each day of each selected activity within the dates, by day, time, city, title."""
    out: list[H.Entry] = []
    for row in rows:
        if (row.status == "cancelled" and not opts.include_cancelled) or (
            opts.city and row.city_code != opts.city
        ):
            continue
        out.extend((occ, row) for occ in occurrences(row, opts.date_from, opts.date_to))
    out.sort(
        key=lambda e: (
            e[0].day,
            e[0].start is not None,
            e[0].start or e[0].end or datetime.min.time(),
            sort_key(e[1])[3:],
        )
    )
    return out


def build_schedule(
    session: Session, programme_id: int, options: ScheduleOptions | None = None
) -> ScheduleDocument:
    """The schedule of a programme in one of the layouts, filtered by dates and city."""
    opts = options or ScheduleOptions()
    if opts.by not in LAYOUTS:
        raise ValueError(f"unknown layout {opts.by!r}")
    p = _programme(session, programme_id)
    w = Words(opts.lang, session)
    entries = _entries(activity_rows(session, programme_id), opts)
    province = p.region_code
    if opts.by == "date":
        body = H.date_layout(w, entries, province)
    elif opts.by == "city":
        sections: dict[str, list[H.Entry]] = {}
        for e in entries:
            sections.setdefault(e[1].city_code or "", []).append(e)
        body = H.city_layout(
            w,
            [(w.city_name(items[0][1], province) or "—", items) for _code, items in sorted(sections.items())],
            province,
        )
    else:
        weeks: dict[tuple[str, str, int, date], list[H.Entry]] = {}
        for e in entries:
            if e[1].venue_id is not None and e[1].mode != "online":
                key = (e[1].city_code or "", e[1].venue_name, e[1].venue_id, H.week_of(e[0].day))
                weeks.setdefault(key, []).append(e)
        body = H.venue_layout(
            w, [(items[0][1], key[3], items) for key, items in sorted(weeks.items())], province
        )
    title = w.t(f"print.title.{opts.by}")
    return ScheduleDocument(
        H.document(body, font_family()),
        _furniture(w, p, title, opts),
        opts.page_layout(),
        f"{w.t('print.header', region=p.region_name, year=p.year)} {title}",
        len(entries),
        **_about(w, p),
    )


def _about(w: Words, p: Programme) -> dict[str, str]:
    """The PDF's Subject and Author."""
    return {
        "subject": w.t("print.theme", theme=p.theme)
        if p.theme
        else w.t("print.header", region=p.region_name, year=p.year),
        "author": p.submitting_unit or p.region_name,
    }


def activity_sheet(
    session: Session,
    activity: int | str,
    options: ScheduleOptions | None = None,
    *,
    programme_id: int | None = None,
) -> ScheduleDocument:
    """The programme sheet of one activity (by database id, or by uid within programme_id when given):
    time, place, organisers by role, details. Raises LookupError when there is no such activity."""
    opts = options or ScheduleOptions()
    column = Activity.id if isinstance(activity, int) else Activity.uid
    stmt = select(Activity.id, Activity.programme_id).where(column == activity)
    if programme_id is not None:
        stmt = stmt.where(Activity.programme_id == programme_id)
    found = session.execute(stmt).first()
    if found is None:
        raise LookupError(activity)
    act_id, programme_id = found
    p = _programme(session, programme_id)
    child_ids = list(session.scalars(select(Activity.id).where(Activity.parent_id == act_id)))
    wanted = {act_id, *child_ids}
    parent_ids = dict(
        session.execute(select(Activity.id, Activity.parent_id).where(Activity.id.in_(wanted))).all()
    )
    # Load every row with its parent, so rows.activity_rows need not look any parent up separately.
    frontier = {pid for pid in parent_ids.values() if pid is not None} - wanted
    while frontier:
        wanted |= frontier
        more = dict(
            session.execute(select(Activity.id, Activity.parent_id).where(Activity.id.in_(frontier))).all()
        )
        frontier = {pid for pid in more.values() if pid is not None} - wanted
    by_id = {r.id: r for r in activity_rows(session, programme_id, ids=sorted(wanted))}
    row = by_id[act_id]
    parent = by_id.get(row.parent_id) if row.parent_id else None
    children = sorted((by_id[c] for c in child_ids), key=sort_key)
    w = Words(opts.lang, session)
    body = H.sheet_layout(w, row, p.region_code, parent, children)
    title = w.t("print.title.sheet")
    return ScheduleDocument(
        H.document(body, font_family()),
        _furniture(w, p, title, opts),
        opts.page_layout(),
        f"{row.title} {title}",
        1,
        **_about(w, p),
    )
