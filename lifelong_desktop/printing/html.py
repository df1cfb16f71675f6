"""HTML (the subset QTextDocument supports) of the printed layouts: by date, by city, by venue, one activity."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from html import escape as escape

from lifelong_desktop.printing.texts import Words
from lifelong_desktop.services.occurrences import Occurrence
from lifelong_desktop.services.rows import ActivityRow

Entry = tuple[Occurrence, ActivityRow]

CSS = """
body { font-size: 10pt; color: #000; }
h1 { font-size: 15pt; font-weight: bold; margin-top: 0; margin-bottom: 6px; }
h2 { font-size: 12pt; font-weight: bold; margin-top: 12px; margin-bottom: 4px; color: #1f3f6f; }
h3 { font-size: 10.5pt; font-weight: bold; margin-top: 8px; margin-bottom: 3px; }
table.entries { border-collapse: collapse; margin-bottom: 4px; }
table.entries th { background-color: #e4eaf2; font-weight: bold; text-align: left; padding: 3px;
                   border: 1px solid #8a9bb3; }
table.entries td { padding: 3px; border: 1px solid #a9b6c8; vertical-align: top; }
table.entries td.cap2 { font-size: 12pt; font-weight: bold; color: #1f3f6f; border: 0px none; padding-top: 10px; }
table.entries td.cap3 { font-size: 10.5pt; font-weight: bold; border: 0px none; padding-top: 6px; }
.title { font-weight: bold; font-size: 10.5pt; }
.meta { color: #444; font-size: 8.5pt; }
.org { font-size: 8.5pt; }
.mark { color: #b00000; font-weight: bold; }
.note { color: #555; font-size: 9pt; }
.day { color: #444; font-size: 8.5pt; white-space: nowrap; }
table.sheet { border-collapse: collapse; }
table.sheet th { text-align: left; background-color: #eef1f6; padding: 5px; border: 1px solid #a9b6c8; }
table.sheet td { padding: 5px; border: 1px solid #a9b6c8; vertical-align: top; }
"""

PAGE_BREAK = ' style="page-break-before: always"'
TIME_WIDTH, ACTIVITY_WIDTH = 18, 47  # per cent of the page's width


def document(body: str, family: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><style>{CSS} body {{ font-family: "{escape(family)}"; }}</style>'
        f"</head><body>{body}</body></html>"
    )


def _when_cell(w: Words, occ: Occurrence) -> str:
    """Date and hours, and on multi-day activities `（第2天/共7天）` on a line of its own that never wraps."""
    text = escape(f"{w.day(occ.day)} {w.hours(occ.start, occ.end)}")
    if occ.days > 1:
        text += f'<br/><span class="day">{escape(w.day_of(occ))}</span>'
    return f'<td width="{TIME_WIDTH}%">{text}</td>'


def _entry_row(w: Words, occ: Occurrence, row: ActivityRow, province: str, with_place: bool = True) -> str:
    """The whole entry: title, type and level, organisers by role, city, venue and address."""
    mark = w.status_note(row)
    title = escape(row.title) + (f' <span class="mark">［{escape(mark)}］</span>' if mark else "")
    meta = " · ".join(
        x for x in (w.label("activity_type", row.activity_type), w.label("level", row.level)) if x
    )
    orgs = w.organisers_html(row)
    activity = (
        f'<span class="title">{title}</span><br/><span class="meta">{escape(meta)}</span>'
        f"{'<br/><span class=org>' + orgs + '</span>' if orgs else ''}"
    )
    if not with_place:  # a venue's own page: the place is the page's; only an online link is news
        if row.mode == "hybrid" and row.online_url:
            activity += f'<br/><span class="org">{escape(w.t("print.online", url=row.online_url))}</span>'
        return f"<tr>{_when_cell(w, occ)}<td>{activity}</td></tr>"
    place = "<br/>".join(escape(x) for x in [w.city(row, province), *w.place_lines(row)] if x)
    return f'<tr>{_when_cell(w, occ)}<td width="{ACTIVITY_WIDTH}%">{activity}</td><td>{place}</td></tr>'


def _follow_row(
    w: Words, occ: Occurrence, row: ActivityRow, province: str, first: date, with_place: bool = True
) -> str:
    """A following day of an activity already printed in full: its title and where to read the rest."""
    see = w.t("print.continued", day=w.day(first))
    activity = f'<span class="title">{escape(row.title)}</span> <span class="meta">{escape(see)}</span>'
    if not with_place:
        return f"<tr>{_when_cell(w, occ)}<td>{activity}</td></tr>"
    place = escape(row.venue_name if row.mode != "online" and row.venue_name else w.city_name(row, province))
    return f'<tr>{_when_cell(w, occ)}<td width="{ACTIVITY_WIDTH}%">{activity}</td><td>{place}</td></tr>'


def entries_table(
    w: Words,
    entries: Iterable[Entry],
    province: str,
    caption: str = "",
    level: int = 2,
    with_place: bool = True,
    printed: dict[int, date] | None = None,
) -> str:
    """A table of entries; the caption (a day) is a header row, so it repeats on each page and never stands
    alone at the foot of a page. `printed` maps the activities already printed in full (in this document
    or section) to the day they were: their further days get one short line instead."""
    printed = {} if printed is None else printed
    cols = 3 if with_place else 2
    cap = f'<tr><td colspan="{cols}" class="cap{level}">{caption}</td></tr>' if caption else ""
    head = (
        f'<thead>{cap}<tr><th width="{TIME_WIDTH}%">{escape(w.t("print.col.time"))}</th>'
        + (
            f'<th width="{ACTIVITY_WIDTH}%">{escape(w.t("print.col.activity"))}</th>'
            f"<th>{escape(w.t('print.col.place'))}</th>"
            if with_place
            else f"<th>{escape(w.t('print.col.activity'))}</th>"
        )
        + "</tr></thead>"
    )
    rows = []
    for occ, row in entries:
        if row.id in printed:
            rows.append(_follow_row(w, occ, row, province, printed[row.id], with_place))
        else:
            printed[row.id] = occ.day
            rows.append(_entry_row(w, occ, row, province, with_place))
    return (
        f'<table class="entries" width="100%" cellspacing="0" cellpadding="3">{head}{"".join(rows)}</table>'
    )


def by_day(entries: list[Entry]) -> dict[date, list[Entry]]:
    days: dict[date, list[Entry]] = {}
    for e in entries:
        days.setdefault(e[0].day, []).append(e)
    return days


def empty(w: Words) -> str:
    return f'<p class="note">{escape(w.t("print.empty"))}</p>'


def date_layout(w: Words, entries: list[Entry], province: str) -> str:
    """Day by day: a heading per day and the day's entries in time order."""
    parts = [f"<h1>{escape(w.t('print.title.date'))}</h1>"]
    printed: dict[int, date] = {}
    for day, items in by_day(entries).items():
        caption = f'{escape(w.day_long(day))}　<span class="note">{escape(w.t("print.count", count=len(items)))}</span>'
        parts.append(entries_table(w, items, province, caption, 2, printed=printed))
    return "".join(parts) if entries else parts[0] + empty(w)


def city_layout(w: Words, sections: list[tuple[str, list[Entry]]], province: str) -> str:
    """A section per city, each on a new page, day by day inside."""
    if not sections:
        return f"<h1>{escape(w.t('print.title.city'))}</h1>" + empty(w)
    parts = []
    for i, (name, entries) in enumerate(sections):
        parts.append(
            f'<h1{PAGE_BREAK if i else ""}>{escape(name)}　<span class="note">'
            f"{escape(w.t('print.title.city'))} · {escape(w.t('print.count', count=len(entries)))}</span></h1>"
        )
        printed: dict[int, date] = {}
        for day, items in by_day(entries).items():
            parts.append(entries_table(w, items, province, escape(w.day_long(day)), 3, printed=printed))
    return "".join(parts)


def week_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def venue_layout(w: Words, pages: list[tuple[ActivityRow, date, list[Entry]]], province: str) -> str:
    """One page per venue per week (Monday to Sunday), to post on its door."""
    if not pages:
        return f"<h1>{escape(w.t('print.title.venue'))}</h1>" + empty(w)
    parts = []
    for i, (venue_row, monday, entries) in enumerate(pages):
        week = w.t("print.week", start=w.day(monday), end=w.day(monday + timedelta(days=6)))
        where = " ".join(x for x in (w.city(venue_row, province), w.address(venue_row)) if x)
        parts.append(f"<h1{PAGE_BREAK if i else ''}>{escape(venue_row.venue_name)}</h1>")
        parts.append(f'<p class="note">{escape(where)}</p>')
        # one table for the week: its caption (venue and week) repeats if the week needs a second page
        caption = f"{escape(venue_row.venue_name)}　{escape(w.t('print.venue_week', week=week))}"
        parts.append(entries_table(w, entries, province, caption, 2, with_place=False))
    return "".join(parts)


def sheet_layout(
    w: Words, row: ActivityRow, province: str, parent: ActivityRow | None, children: list[ActivityRow]
) -> str:
    """The programme sheet of one activity: time, place, organisers by role in order, and the rest."""
    colon_rows: list[tuple[str, str]] = []
    days = (row.end_date - row.start_date).days + 1
    when = (
        w.day_long(row.start_date)
        if days == 1
        else f"{w.day_long(row.start_date)} — {w.day_long(row.end_date)}"
    )
    hours = w.hours(row.start_time, row.end_time)
    when += "　" + (w.t("print.field.daily", hours=hours) if days > 1 and not row.all_day else hours)
    colon_rows.append((w.t("print.field.when"), escape(when)))
    place = [w.city(row, province), *w.place_lines(row)]
    colon_rows.append((w.t("print.field.place"), "<br/>".join(escape(x) for x in place if x)))
    for role, names in w.organiser_lines(row, full=True):
        colon_rows.append((role, escape(names).replace("、", "<br/>")))
    colon_rows += [
        (w.t("print.field.type"), escape(w.label("activity_type", row.activity_type))),
        (w.t("print.field.level"), escape(w.label("level", row.level))),
        (w.t("print.field.mode"), escape(w.label("mode", row.mode))),
        (w.t("print.field.audiences"), escape("、".join(w.label("audience", a) for a in row.audiences))),
        (
            w.t("print.field.expected"),
            "" if row.expected_participants is None else str(row.expected_participants),
        ),
        (w.t("print.field.status"), escape(w.label("status", row.status))),
        (w.t("print.field.contact"), escape(" ".join(x for x in (row.contact_name, row.contact_phone) if x))),
    ]
    if parent is not None:
        colon_rows.append((w.t("print.field.parent"), escape(parent.title)))
    if children:
        colon_rows.append(
            (
                w.t("print.field.children"),
                "<br/>".join(escape(f"{c.title}（{w.city(c, province)} {c.venue_name}）") for c in children),
            )
        )
    if row.description:
        colon_rows.append((w.t("print.field.description"), escape(row.description).replace("\n", "<br/>")))
    table = "".join(f'<tr><th width="22%">{escape(k)}</th><td>{v}</td></tr>' for k, v in colon_rows if v)
    featured = f'<p class="mark">{escape(w.t("print.featured"))}</p>' if row.featured else ""
    return (
        f'<p class="note">{escape(w.t("print.title.sheet"))}</p><h1>{escape(row.title)}</h1>{featured}'
        f'<table class="sheet" width="100%" cellspacing="0" cellpadding="5">{table}</table>'
    )
