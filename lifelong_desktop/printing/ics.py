"""The programme as an RFC 5545 iCalendar file (one VEVENT per activity), importable by Outlook and Thunderbird.

Multi-day activities with daily hours become a daily RRULE until the last day; all-day activities use DATE
values with an exclusive DTEND; times carry TZID=Asia/Shanghai with its VTIMEZONE (no floating times);
UID is the activity uid plus a domain suffix and SEQUENCE follows the activity's version column.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy.orm import Session

from lifelong_desktop import __version__, files
from lifelong_desktop.models import Programme
from lifelong_desktop.printing.texts import Words
from lifelong_desktop.services.occurrences import daily_span, day_count
from lifelong_desktop.services.rows import ActivityRow, activity_rows

TZ = ZoneInfo("Asia/Shanghai")
UID_DOMAIN = "lifelong-desktop.cn"
PRODID = f"-//lifelong-desktop//Lifelong Learning Activity Week {__version__}//ZH"
STATUS = {"cancelled": "CANCELLED", "planned": "TENTATIVE"}


def event_uid(activity_uid: str) -> str:
    return f"{activity_uid}@{UID_DOMAIN}"


def _local(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(0), tzinfo=TZ) + timedelta(minutes=minutes)


def _utc(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=TZ).astimezone(UTC) if value is not None else None


def _location(w: Words, row: ActivityRow) -> str:
    if row.mode == "online":
        return row.online_url
    address = w.address(row)
    parts = [row.venue_name, address] if row.venue_name or address else [w.city(row, "")]
    return "，".join(p for p in parts if p)


def _description(w: Words, row: ActivityRow) -> str:
    lines = [f"{role}：{names}" for role, names in w.organiser_lines(row, full=True)]
    meta = " · ".join(
        x
        for x in (
            w.label("activity_type", row.activity_type),
            w.label("level", row.level),
            w.label("mode", row.mode),
        )
        if x
    )
    if meta:
        lines.append(meta)
    if row.mode in ("online", "hybrid") and row.online_url:
        lines.append(w.t("print.online", url=row.online_url))
    if row.description:
        lines += ["", row.description]
    return "\n".join(lines)


def activity_event(w: Words, row: ActivityRow, stamp: datetime) -> Event:
    """One VEVENT for an activity, following its daily meaning."""
    ev = Event()
    ev.add("uid", event_uid(row.uid))
    ev.add("dtstamp", stamp)
    ev.add("sequence", max(0, row.version - 1))
    ev.add("summary", row.title)
    if row.all_day:
        ev.add("dtstart", row.start_date)
        ev.add("dtend", row.end_date + timedelta(days=1))  # exclusive
    else:
        start, end = daily_span(row)
        ev.add("dtstart", _local(row.start_date, start))
        ev.add("dtend", _local(row.start_date, end))
        if day_count(row) > 1:  # daily hours on each day: a daily rule until the last day (UNTIL in UTC)
            ev.add("rrule", {"freq": "daily", "until": _local(row.end_date, start).astimezone(UTC)})
    location = _location(w, row)
    if location:
        ev.add("location", location)
    ev.add("description", _description(w, row))
    if row.mode in ("online", "hybrid") and row.online_url.startswith(("http://", "https://")):
        ev.add("url", row.online_url)
    ev.add("status", STATUS.get(row.status, "CONFIRMED"))
    if row.activity_type:
        ev.add("categories", [w.label("activity_type", row.activity_type)])
    if row.updated_at is not None:
        ev.add("last-modified", _utc(row.updated_at))
    return ev


def programme_calendar(
    session: Session, programme_id: int, *, lang: str | None = None, stamp: datetime | None = None
) -> tuple[Calendar, int]:
    """The calendar of a programme and the number of events in it."""
    p = session.get(Programme, programme_id)
    if p is None:
        raise LookupError(programme_id)
    w = Words(lang, session)
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    name = w.t("print.header", region=p.region_name, year=p.year)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Shanghai")
    if p.theme:
        cal.add("x-wr-caldesc", p.theme)
    rows = activity_rows(session, programme_id)
    for row in rows:
        cal.add_component(activity_event(w, row, stamp))
    if rows:
        first = min(r.start_date for r in rows) - timedelta(days=366)
        last = max(r.end_date for r in rows) + timedelta(days=366)
        cal.add_missing_timezones(first, last)
    return cal, len(rows)


def write_ics(
    session: Session,
    programme_id: int,
    path: str | Path,
    *,
    lang: str | None = None,
    database: Path | None = None,
) -> int:
    """Write the programme's .ics (CRLF lines, folded by icalendar) through files.write_bytes; returns the
    number of events. Raises files.OutputProblem (an old file is then unchanged)."""
    files.check_target(path, database=database)
    cal, count = programme_calendar(session, programme_id, lang=lang)
    files.write_bytes(path, cal.to_ical(), database=database)
    return count
