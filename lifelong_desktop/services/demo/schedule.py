"""What the demo generators share: the activity spec, venue booking without double use, and participant numbers."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, time
from functools import cache

from lifelong_desktop.services.checks.holidays import special_days
from lifelong_desktop.services.demo.content import NAMESPACE
from lifelong_desktop.services.demo.registers import VenueSpec

WINDOW_START, WINDOW_END = date(2024, 4, 1), date(2024, 12, 6)
WINDOW_DAYS = (WINDOW_END - WINDOW_START).days + 1
_NS = uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE)


def demo_uuid(name: str) -> str:
    """A name-based UUID (version 5): the same demo content always has the same ids."""
    return str(uuid.uuid5(_NS, name))


@dataclass(slots=True)
class Spec:
    """One activity to create, with organisers by name and its venue from the register."""

    key: str
    title: str
    activity_type: str
    level: str
    start_date: date
    end_date: date
    start_time: time | None
    end_time: time | None
    mode: str
    city_code: str
    county_code: str | None
    venue: VenueSpec | None
    online_url: str
    hosts: tuple[str, ...]
    undertakers: tuple[str, ...]
    co_organisers: tuple[str, ...]
    audiences: tuple[str, ...]
    expected: int
    status: str = "held"
    actual: int | None = None
    online: int | None = None
    featured: bool = False
    contact_name: str = ""
    contact_phone: str = ""
    description: str = ""
    parent_key: str | None = None
    uid: str = field(default="")


def slot_mask(start: time | None, end: time | None) -> int:
    """Which parts of a day (morning 1, afternoon 2, evening 4) a time range touches; all day is 7."""
    if start is None or end is None:
        return 7
    mask = 0
    for bit, lo, hi in ((1, time(0), time(12)), (2, time(12), time(18)), (4, time(18), time(23, 59, 59))):
        if start < hi and end > lo:
            mask |= bit
    return mask


class Booking:
    """Remembers which venue is used on which day parts, so no venue is booked twice at once.

    One bytearray per venue over the window (a byte of day-part bits per day) keeps 50,000 look-ups fast.
    """

    def __init__(self) -> None:
        self._used: dict[tuple[str, str], bytearray] = {}

    def _days(self, venue: VenueSpec, start: date, end: date) -> tuple[bytearray, range]:
        used = self._used.get((venue.name, venue.city))
        if used is None:
            used = self._used[(venue.name, venue.city)] = bytearray(WINDOW_DAYS)
        first = max((start - WINDOW_START).days, 0)
        return used, range(first, min((end - WINDOW_START).days, WINDOW_DAYS - 1) + 1)

    def free(self, venue: VenueSpec | None, start: date, end: date, mask: int) -> bool:
        """True when the venue is unused in those day parts on every day (never outside the window)."""
        if start < WINDOW_START or end > WINDOW_END:
            return False
        if venue is None:
            return True
        used, days = self._days(venue, start, end)
        return not any(used[d] & mask for d in days)

    def book(self, venue: VenueSpec | None, start: date, end: date, mask: int) -> None:
        if venue is None:
            return
        used, days = self._days(venue, start, end)
        for d in days:
            used[d] |= mask


def participants(spec: Spec, rng: random.Random) -> None:
    """Fill actual and online numbers as a held activity reports them (near expected, within the venue)."""
    if spec.status != "held":
        spec.actual = spec.online = None
        return
    if spec.actual is None:
        spec.actual = max(1, round(spec.expected * rng.uniform(0.86, 1.12)))
        if spec.venue is not None and spec.mode != "online":
            spec.actual = min(spec.actual, spec.venue.capacity)
    if spec.online is None and spec.mode != "offline":
        factor = rng.uniform(1.3, 2.5) if spec.mode == "online" else rng.uniform(1.5, 8.0)
        spec.online = round(spec.actual * factor)


def fit_expected(expected: int, venue: VenueSpec | None, mode: str) -> int:
    """Expected participants a venue can hold at once (the planning check compares them with its capacity)."""
    if venue is None or mode == "online":
        return expected
    return max(10, min(expected, int(venue.capacity * 0.9) // 10 * 10))


@cache
def special_dates() -> bytes:
    """Per day of the window: 1 on a statutory holiday or a weekend day made a working day (planning avoids them)."""
    flags = bytearray(WINDOW_DAYS)
    for d, _kind, _name in special_days(WINDOW_START, WINDOW_END):
        flags[(d - WINDOW_START).days] = 1
    return bytes(flags)


def touches_special(start: date, end: date) -> bool:
    first = (start - WINDOW_START).days
    return 1 in special_dates()[max(first, 0) : (end - WINDOW_START).days + 1]
