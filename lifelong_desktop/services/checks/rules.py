"""Planning checks on single activities: fields, capacity, window, holidays, sub-venues, results, duplicates."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from itertools import repeat
from typing import Literal

from lifelong_desktop.services import fields
from lifelong_desktop.services.checks.finding import CheckFinding, PlanWindow, finding
from lifelong_desktop.services.checks.holidays import holiday_year, special_days
from lifelong_desktop.services.checks.load import CheckRow, in_check_order

# Fields the workbook requires of every activity (format section 4, `*` columns), as CheckRow attributes.
REQUIRED_FIELDS = fields.required_activity_fields()
_ATTRIBUTE = {"venue": "venue_name"}  # a workbook key whose CheckRow attribute is named otherwise
FINISHED = ("held", "cancelled")
_NOT_WORD = re.compile(r"[\W_]+")


def live(rows: list[CheckRow]) -> list[CheckRow]:
    """The activities that will (or did) take place: all but the cancelled."""
    return [r for r in rows if r.status != "cancelled"]


#: Keys of the workbook fields an activity leaves empty (the one rule of services/fields.py)
missing_fields = fields.missing_fields_of_rows(_ATTRIBUTE)


def check_missing(rows: list[CheckRow]) -> Iterator[CheckFinding]:
    for r in rows:
        missing = missing_fields(r)
        if missing:
            yield finding(
                "error", "missing_for_submission", (r,), r.venue_name, title=r.title, fields=missing
            )


def check_capacity(rows: list[CheckRow]) -> Iterator[CheckFinding]:
    for r in live(rows):
        if (
            r.venue_capacity is not None
            and r.expected_participants is not None
            and r.mode != "online"
            and r.expected_participants > r.venue_capacity
        ):
            yield finding(
                "warning",
                "capacity_exceeded",
                (r,),
                r.venue_name,
                title=r.title,
                expected=r.expected_participants,
                capacity=r.venue_capacity,
            )


def check_window(rows: list[CheckRow], window: PlanWindow) -> Iterator[CheckFinding]:
    if window.window_start is None and window.window_end is None:
        return
    lo, hi = window.window_start or date.min, window.window_end or date.max
    for r in live(rows):
        if r.start_date < lo or r.end_date > hi:
            yield finding(
                "error",
                "outside_window",
                (r,),
                r.venue_name,
                title=r.title,
                start=r.start_date.isoformat(),
                end=r.end_date.isoformat(),
                window_start=window.window_start.isoformat() if window.window_start else "",
                window_end=window.window_end.isoformat() if window.window_end else "",
            )


def check_holidays(rows: list[CheckRow]) -> Iterator[CheckFinding]:
    """Activities on a statutory holiday or on a weekend day made a working day; unknown years once."""
    unknown: dict[int, list[CheckRow]] = {}
    # 50,000 activities share a few thousand date ranges: what a range gives is worked out once
    of_dates: dict[tuple[date, date], tuple[tuple[int, ...], dict | None]] = {}
    for r in live(rows):
        dates = (r.start_date, r.end_date)
        known = of_dates.get(dates)
        if known is None:
            known = of_dates[dates] = _holidays_of(*dates)
        years, params = known
        for year in years:
            unknown.setdefault(year, []).append(r)
        if params is not None:
            yield CheckFinding(
                "warning", "public_holiday", (r.uid,), (r.id,), r.venue_name, {"title": r.title, **params}
            )
    for year, affected in sorted(unknown.items()):
        affected.sort(key=in_check_order)
        yield finding("info", "holiday_data_missing", affected, "", year=year, count=len(affected))


def _holidays_of(first: date, last: date) -> tuple[tuple[int, ...], dict | None]:
    """The years of [first, last] without published arrangements, and the parameters (but the title) of its
    public_holiday finding, None when it meets no special day."""
    years = tuple(y for y in range(first.year, last.year + 1) if not holiday_year(y).published)
    days = special_days(first, last)
    if not days:
        return years, None
    day, kind, name = days[0]
    return years, {"date": day.isoformat(), "kind": kind, "name": name, "more": len(days) - 1}


def check_sub_venues(rows: list[CheckRow]) -> Iterator[CheckFinding]:
    by_id = {r.id: r for r in rows}
    for r in live(rows):
        parent = by_id.get(r.parent_id) if r.parent_id is not None else None
        if parent is not None and (r.start_date < parent.start_date or r.end_date > parent.end_date):
            yield finding(
                "warning",
                "sub_venue_mismatch",
                (r, parent),
                r.venue_name,
                title=r.title,
                parent_title=parent.title,
                start=r.start_date.isoformat(),
                end=r.end_date.isoformat(),
                parent_start=parent.start_date.isoformat(),
                parent_end=parent.end_date.isoformat(),
            )


def check_results(rows: list[CheckRow], today: date) -> Iterator[CheckFinding]:
    for r in rows:
        if r.end_date < today and r.status not in FINISHED:
            yield finding(
                "warning",
                "unreported_result",
                (r,),
                r.venue_name,
                title=r.title,
                end=r.end_date.isoformat(),
                reason="not_reported",
                status=r.status,
            )
        elif r.status == "held" and r.actual_participants is None:
            yield finding(
                "warning",
                "unreported_result",
                (r,),
                r.venue_name,
                title=r.title,
                end=r.end_date.isoformat(),
                reason="no_participants",
                status=r.status,
            )


def comparable_title(title: str) -> str:
    """A title for comparison: normalised name without punctuation or symbols (《》、“”, dashes).

    That is names.normalise_name (NFKC, white space removed, case-folded) with every non-word character
    removed, computed in fewer steps: white space is itself non-word, also once case-folded, and case folding
    goes character by character, so removing it before or after folding is the same; a title of word
    characters only (most) has nothing to remove (tests/unit/test_checks_narrowing.py checks both claims).
    """
    return comparable_titles([title])[0] if title else ""


#: fullwidth punctuation common in titles and the character NFKC makes of each: NFKC depends only on the full
#: compatibility decomposition of each character, so replacing them first changes nothing but the time
_WIDE = (("（", "("), ("）", ")"), ("：", ":"))
_NFKC: Literal["NFKC"] = "NFKC"


def _nfkc(text: str) -> str:
    """The NFKC form of a text that is not in it."""
    for wide, narrow in _WIDE:
        text = text.replace(wide, narrow)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def comparable_titles(titles: list[str]) -> list[str]:
    """comparable_title of each title (none None), with builtins over the whole list."""
    plain = map(unicodedata.is_normalized, repeat(_NFKC), titles)
    text = [t if ok else _nfkc(t) for t, ok in zip(titles, plain, strict=True)]
    folded = list(map(str.casefold, text))
    words = map(str.isalnum, folded)
    return [f if ok else _NOT_WORD.sub("", f) for f, ok in zip(folded, words, strict=True)]


def check_duplicates(rows: list[CheckRow]) -> Iterator[CheckFinding]:
    groups: dict[tuple[str, date, str], list[CheckRow]] = {}
    titles = list({r.title or "" for r in rows})  # titles repeat (series, one event in many cities)
    comparable = dict(zip(titles, comparable_titles(titles), strict=True))
    for r in live(rows):
        key = comparable[r.title or ""]
        if key:
            groups.setdefault((key, r.start_date, r.city_code or ""), []).append(r)
    for group in groups.values():
        if len(group) > 1:
            first = group[0]
            yield finding(
                "warning",
                "duplicate_suspect",
                tuple(group),
                "",
                title=first.title,
                date=first.start_date.isoformat(),
                city=first.city_name,
                count=len(group),
            )


def all_rules(rows: list[CheckRow], window: PlanWindow, today: date) -> list[CheckFinding]:
    """Every single-activity rule over the rows."""
    return [
        *check_missing(rows),
        *check_capacity(rows),
        *check_window(rows, window),
        *check_holidays(rows),
        *check_sub_venues(rows),
        *check_results(rows, today),
        *check_duplicates(rows),
    ]
