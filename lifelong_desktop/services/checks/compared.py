"""The narrow pass of narrowing.candidate_ids over the live activities: those the rules that compare activities
may report (duplicates, venue and undertaker double bookings), each found by builtins
over whole columns (zip, map, compress, Counter) and computed once per distinct value (date, date range,
title, time span): at 50,000 activities a Python statement per activity costs more than reading them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, time
from itertools import compress, repeat
from operator import add, and_, eq, is_not, mul, ne

from lifelong_desktop.services.checks.aside import Aside
from lifelong_desktop.services.checks.rules import comparable_titles
from lifelong_desktop.services.occurrences import DAY_MINUTES

#: what compared_ids reads of each live (not cancelled) activity, in this order; the last is 1 unless online
COLUMNS = (
    "id",
    "title",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "venue_id",
    "city_code",
    "CASE WHEN mode = 'online' THEN 0 ELSE 1 END",
)
_DAYS = 1 << 22  # more than any date's ordinal: venue * _DAYS + ordinal is one number per venue and day
_ASIDE = 10_000  # live activities from which the duplicates are looked for in a child beside (aside.Aside)
_NOWHERE = object()  # the city of an activity compared_ids does not compare (cancelled, online, elsewhere)


def compared_ids(live: Sequence[Sequence], links: Sequence[Sequence[int]], aside: bool = False) -> set[int]:
    """The live activities (`live`: the columns of COLUMNS, in this order) sharing a comparable title, start
    date and city with another (rules.check_duplicates), at a venue at the same time as another
    (conflicts.check_venues), and of an organisation undertaking (`links`: the columns activity id and
    organisation id) not online ones in more than one city (conflicts.check_undertakers compares all of
    those). With `aside` (a process of our own, no window), the duplicates of a large programme are looked
    for in a child on the second core meanwhile. The titles (used there alone) may still be a JSON array's
    text: they are decoded where the duplicates are looked for."""
    ids, titles, firsts, lasts, starts, ends, venues, cities, present = live
    if not ids:
        return set()
    day = {d: date.fromisoformat(d[:10]).toordinal() for d in {*firsts, *lasts}}
    duplicates = Aside(
        lambda: set(_duplicate_ids(ids, _decoded(titles), firsts, cities, day)), aside and len(ids) >= _ASIDE
    )
    found = _venue_ids(ids, firsts, lasts, venues, present, day, (starts, ends))
    found.update(_undertaken_ids(ids, cities, present, links))
    return found | duplicates.result()


def _decoded(column: Sequence | str) -> Sequence:
    return json.loads(column) if isinstance(column, str) else column


def _duplicate_ids(ids: Sequence[int], titles: Sequence, firsts: Sequence[str], cities: Sequence, day: dict):
    """Activities whose comparable title (not empty), start date and city (none and "" alike) are another's."""
    distinct = list(set(titles))
    key = dict(zip(distinct, comparable_titles([t or "" for t in distinct]), strict=True))
    places = set(cities)
    place = (
        map({c: c or "" for c in places}.__getitem__, cities) if None in places and "" in places else cities
    )
    groups = list(zip(map(key.__getitem__, titles), map(day.__getitem__, firsts), place, strict=True))
    shared = {g for g, n in Counter(groups).items() if n > 1 and g[0]}
    return compress(ids, map(shared.__contains__, groups)) if shared else ()


def _venue_ids(ids, firsts, lasts, venues, present, day, times) -> set[int]:
    """Not online activities at a venue on a day another runs there, whose daily times overlap."""
    placed = list(map(and_, present, map(is_not, venues, repeat(None))))
    one_day = list(compress(range(len(ids)), map(and_, placed, map(eq, firsts, lasts))))
    rows = one_day.copy()
    at = map(mul, map(venues.__getitem__, one_day), repeat(_DAYS))
    keys = list(map(add, at, map(day.__getitem__, map(firsts.__getitem__, one_day))))  # venue and day
    for i in compress(range(len(ids)), map(and_, placed, map(ne, firsts, lasts))):
        at_venue = venues[i] * _DAYS
        days = range(at_venue + day[firsts[i]], at_venue + day[lasts[i]] + 1)
        keys.extend(days)
        rows.extend(repeat(i, len(days)))
    busy = {k for k, n in Counter(keys).items() if n > 1}
    together: dict[int, list[int]] = {}
    for key, i in compress(zip(keys, rows, strict=True), map(busy.__contains__, keys)):
        together.setdefault(key, []).append(i)
    span = _Spans(*times)
    out: set[int] = set()
    for group in together.values():
        for n, a in enumerate(group):
            a0, a1 = span(a)
            for b in group[n + 1 :]:
                b0, b1 = span(b)
                if a0 < b1 and b0 < a1:
                    out.add(ids[a])
                    out.add(ids[b])
    return out


class _Spans:
    """occurrences.daily_span of the activity at an index: minutes [from, to) on each of its days."""

    def __init__(self, starts: Sequence, ends: Sequence) -> None:
        self.starts, self.ends = starts, ends
        self.known: dict[tuple, tuple[int, int]] = {}

    def __call__(self, i: int) -> tuple[int, int]:
        times = (self.starts[i], self.ends[i])
        span = self.known.get(times)
        if span is None:
            first = 0 if times[0] is None else _minutes(times[0])
            last = DAY_MINUTES if times[1] is None else _minutes(times[1])
            span = self.known[times] = (first, last if last > first else DAY_MINUTES)
        return span


def _minutes(value: str) -> int:
    t = time.fromisoformat(value)
    return t.hour * 60 + t.minute


def _undertaken_ids(ids, cities, present, links: Sequence[Sequence[int]]) -> Iterable[int]:
    """Not online live activities of an organisation undertaking such activities in more than one city."""
    acts, orgs = links
    if not acts:
        return ()
    city = dict(compress(zip(ids, cities, strict=True), present))
    places = set(zip(orgs, map(city.get, acts, repeat(_NOWHERE)), strict=True))
    count = Counter(org for org, where in places if where is not _NOWHERE)
    several = {org for org, n in count.items() if n > 1}
    return [a for a, org in zip(acts, orgs, strict=True) if org in several and a in city] if several else ()
