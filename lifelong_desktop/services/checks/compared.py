"""The narrow pass of narrowing.candidate_ids over the live activities: those the rules that compare activities
may report (holidays by date range, duplicates, venue and undertaker double bookings), each found by builtins
over whole columns (zip, map, compress, Counter) and computed once per distinct value (date, date range,
title, time span): at 50,000 activities a Python statement per activity costs more than reading them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta
from itertools import compress, repeat
from operator import and_, eq, is_not, ne

from lifelong_desktop.services.checks.holidays import holiday_year, special_days
from lifelong_desktop.services.checks.rules import comparable_title
from lifelong_desktop.services.occurrences import DAY_MINUTES

#: what compared_ids reads of each live (not cancelled) activity, in this order; the last is 1 unless online
COLUMNS = (
    "id, title, start_date, end_date, start_time, end_time, venue_id, city_code,"
    " CASE WHEN mode = 'online' THEN 0 ELSE 1 END"
)
_ONE_DAY = timedelta(days=1)
_NOWHERE = object()  # the city of an activity compared_ids does not compare (cancelled, online, elsewhere)


def compared_ids(live: Sequence[tuple], links: Iterable[tuple[int, int]]) -> set[int]:
    """The live activities (rows of COLUMNS) on a special day or in a year without published arrangements
    (rules.check_holidays), sharing a comparable title, start date and city with another
    (rules.check_duplicates), at a venue at the same time as another (conflicts.check_venues), and of an
    organisation undertaking (`links`: activity and organisation ids) not online ones in more than one
    city (conflicts.check_undertakers compares all of those)."""
    if not live:
        return set()
    ids, titles, firsts, lasts, starts, ends, venues, cities, present = zip(*live, strict=True)
    dates = {d: date.fromisoformat(d[:10]) for d in {*firsts, *lasts}}
    found = set(_holiday_ids(ids, firsts, lasts, dates))
    found.update(_duplicate_ids(ids, titles, firsts, cities, dates))
    spans = _spans(starts, ends)
    found.update(_venue_ids(ids, firsts, lasts, venues, present, dates, spans))
    found.update(_undertaken_ids(ids, cities, present, links))
    return found


def _holiday_ids(
    ids: Sequence[int], firsts: Sequence[str], lasts: Sequence[str], dates: dict
) -> Iterable[int]:
    pairs = list(zip(firsts, lasts, strict=True))
    hit = {p: _special(dates[p[0]], dates[p[1]]) for p in set(pairs)}
    return compress(ids, map(hit.__getitem__, pairs))


def _special(first: date, last: date) -> bool:
    """Whether rules.check_holidays reports an activity of these dates (or lists it under a year)."""
    if any(not holiday_year(y).published for y in range(first.year, last.year + 1)):
        return True
    return bool(special_days(first, last))


def _duplicate_ids(
    ids: Sequence[int], titles: Sequence, firsts: Sequence[str], cities: Sequence, dates: dict
):
    """Activities whose comparable title (not empty), start date and city are another's."""
    key = {t: comparable_title(t or "") for t in set(titles)}
    place = {c: c or "" for c in set(cities)}
    groups = list(
        zip(
            map(key.__getitem__, titles),
            map(dates.__getitem__, firsts),
            map(place.__getitem__, cities),
            strict=True,
        )
    )
    shared = {g for g, n in Counter(groups).items() if n > 1 and g[0]}
    return compress(ids, map(shared.__contains__, groups)) if shared else ()


def _spans(starts: Sequence, ends: Sequence) -> list[tuple[int, int]]:
    """occurrences.daily_span of each activity: minutes [from, to) on each of its days."""
    minutes = {t: _minutes(t) for t in {*starts, *ends}}
    span = {}
    for start, end in set(zip(starts, ends, strict=True)):
        first = 0 if start is None else minutes[start]
        last = DAY_MINUTES if end is None else minutes[end]
        span[start, end] = (first, last if last > first else DAY_MINUTES)
    return list(map(span.__getitem__, zip(starts, ends, strict=True)))


def _minutes(value: str | None) -> int:
    if value is None:
        return 0
    t = time.fromisoformat(value)
    return t.hour * 60 + t.minute


def _venue_ids(ids, firsts, lasts, venues, present, dates, spans) -> set[int]:
    """Not online activities at a venue on a day another runs there, whose daily times overlap."""
    placed = list(map(and_, present, map(is_not, venues, repeat(None))))
    one_day = list(compress(range(len(ids)), map(and_, placed, map(eq, firsts, lasts))))
    rows = one_day.copy()
    keys = list(
        zip(
            map(venues.__getitem__, one_day),
            map(dates.__getitem__, map(firsts.__getitem__, one_day)),
            strict=True,
        )
    )
    for i in compress(range(len(ids)), map(and_, placed, map(ne, firsts, lasts))):
        day, last = dates[firsts[i]], dates[lasts[i]]
        while day <= last:
            keys.append((venues[i], day))
            rows.append(i)
            day += _ONE_DAY
    busy = {k for k, n in Counter(keys).items() if n > 1}
    together: dict[tuple, list[int]] = {}
    for key, i in compress(zip(keys, rows, strict=True), map(busy.__contains__, keys)):
        together.setdefault(key, []).append(i)
    out: set[int] = set()
    for group in together.values():
        for n, a in enumerate(group):
            a0, a1 = spans[a]
            for b in group[n + 1 :]:
                b0, b1 = spans[b]
                if a0 < b1 and b0 < a1:
                    out.add(ids[a])
                    out.add(ids[b])
    return out


def _undertaken_ids(ids, cities, present, links: Iterable[tuple[int, int]]) -> Iterable[int]:
    """Not online live activities of an organisation undertaking such activities in more than one city."""
    city = dict(compress(zip(ids, cities, strict=True), present))
    links = list(links)
    if not links:
        return ()
    acts, orgs = zip(*links, strict=True)
    places = set(zip(orgs, map(city.get, acts, repeat(_NOWHERE)), strict=True))
    count = Counter(org for org, where in places if where is not _NOWHERE)
    several = {org for org, n in count.items() if n > 1}
    return [a for a, org in links if org in several and a in city] if several else ()
