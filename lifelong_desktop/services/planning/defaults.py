"""Where a new activity starts when the user has not said: inside the programme's window, never another year."""

from __future__ import annotations

from datetime import date


def default_activity_date(
    year: int,
    today: date,
    window: tuple[date | None, date | None] = (None, None),
    week_start: date | None = None,
) -> date:
    """Today when it falls in the programme's window (its year when no window is set); else the official
    week's first day; else the window's first day; else 1 May of the programme's year."""
    first, last = window
    low = first or date(year, 1, 1)
    high = last or date(year, 12, 31)
    if low <= today <= high:
        return today
    for candidate in (week_start, first):
        if candidate is not None:
            return candidate
    return date(year, 5, 1)
