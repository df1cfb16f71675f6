"""The words of printed entries: dates, hours, places, organisers by role, code labels (zh or en)."""

from __future__ import annotations

from datetime import date, time
from html import escape

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop import messages
from lifelong_desktop.models import ROLE_FIELDS, ROLE_ORDER, Venue
from lifelong_desktop.services.occurrences import Occurrence
from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.submission.format import load_format

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Words:
    """Text for one language; every method returns plain text (callers escape for HTML)."""

    def __init__(self, lang: str | None = None, session: Session | None = None) -> None:
        self.lang = lang or messages.current_language()
        self.fmt = load_format()
        # the register's address of each venue, used when an activity gives no address of its own
        self.venue_addresses: dict[int, str] = (
            {
                vid: addr
                for vid, addr in session.execute(select(Venue.id, Venue.address).where(Venue.address != ""))
            }
            if session is not None
            else {}
        )

    def address(self, row: ActivityRow) -> str:
        return row.address or (self.venue_addresses.get(row.venue_id, "") if row.venue_id is not None else "")

    def t(self, code: str, **params: object) -> str:
        return messages.render(code, self.lang, **params)

    def day(self, d: date) -> str:
        return self.t("print.date", month=d.month, day=d.day, month_name=MONTHS[d.month - 1])

    def day_long(self, d: date) -> str:
        return self.t(
            "print.date_long",
            year=d.year,
            month=d.month,
            day=d.day,
            month_name=MONTHS[d.month - 1],
            weekday=self.t(f"print.weekday.{d.weekday()}"),
        )

    def weekday(self, d: date) -> str:
        return self.t(f"print.weekday.{d.weekday()}")

    @staticmethod
    def clock(t: time) -> str:
        return f"{t.hour:02d}:{t.minute:02d}"

    def hours(self, start: time | None, end: time | None) -> str:
        """`09:00–11:30`, `09:00–`, `–11:30` or `全天`."""
        if start is None and end is None:
            return self.t("print.all_day")
        return f"{self.clock(start) if start else ''}–{self.clock(end) if end else ''}"

    def day_of(self, occ: Occurrence) -> str:
        """`（第2天/共3天）` (bracketed as the language writes it) on a day of a multi-day activity."""
        text = self.t("print.day_of", index=occ.index, days=occ.days)
        return f"（{text}）" if self.lang == "zh" else f"({text})"

    def label(self, code_list: str, key: str | None) -> str:
        return self.fmt.label_of(code_list, key)

    def city(self, row: ActivityRow, province_code: str) -> str:
        if row.city_code == province_code:
            return self.t("print.province_wide")
        return " ".join(n for n in (row.city_name, row.county_name) if n)

    def city_name(self, row: ActivityRow, province_code: str) -> str:
        """The city alone (no county), or 全省 for a province-wide activity."""
        return self.t("print.province_wide") if row.city_code == province_code else row.city_name

    def place_lines(self, row: ActivityRow) -> list[str]:
        """Venue and address, and/or the online platform, as lines."""
        lines: list[str] = []
        if row.mode != "online":
            lines.append(row.venue_name or self.t("print.no_venue"))
            if self.address(row):
                lines.append(self.address(row))
        if row.mode in ("online", "hybrid") and row.online_url:
            lines.append(self.t("print.online", url=row.online_url))
        return lines

    def organiser_lines(self, row: ActivityRow, full: bool = False) -> list[tuple[str, str]]:
        """(role label, names joined) for each role that has organisations, in the order 主办, 承办, 协办."""
        sep = "、" if self.lang == "zh" else "; "
        out = []
        for role in ROLE_ORDER:
            names = getattr(row, ROLE_FIELDS[role])
            if names:
                out.append((self.t(f"print.{'role_full' if full else 'role'}.{role.value}"), sep.join(names)))
        return out

    def organisers_html(self, row: ActivityRow) -> str:
        colon = "：" if self.lang == "zh" else ": "
        return "<br/>".join(
            f"{escape(role)}{colon}{escape(names)}" for role, names in self.organiser_lines(row)
        )

    def status_note(self, row: ActivityRow) -> str:
        """A mark for activities that will not happen as planned (cancelled, postponed)."""
        if row.status in ("cancelled", "postponed"):
            return self.t(f"print.{row.status}")
        return ""
