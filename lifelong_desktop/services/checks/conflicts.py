"""Planning checks between activities: a venue or an undertaker booked twice at the same time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from lifelong_desktop.services.checks.finding import CheckFinding, PlanWindow, finding
from lifelong_desktop.services.checks.load import CheckRow, in_check_order
from lifelong_desktop.services.occurrences import first_common_day, overlapping_pairs


def check_venues(rows: list[CheckRow]) -> Iterator[CheckFinding]:
    """Two non-cancelled activities at one venue whose times overlap on some day (error)."""
    by_venue: dict[int, list[CheckRow]] = {}
    for r in rows:
        if r.venue_id is not None and r.status != "cancelled" and r.mode != "online":
            by_venue.setdefault(r.venue_id, []).append(r)
    for group in by_venue.values():
        if len(group) < 2:
            continue
        for a, b in overlapping_pairs(group):
            yield finding(
                "error",
                "venue_double_booked",
                (a, b),
                a.venue_name,
                title=a.title,
                other=b.title,
                date=first_common_day(a, b).isoformat(),
            )


def linked(a: CheckRow, b: CheckRow) -> bool:
    """A main-venue activity and its sub-venues (分会场) run together by design, often by one undertaker."""
    return (
        a.parent_id == b.id or b.parent_id == a.id or (a.parent_id is not None and a.parent_id == b.parent_id)
    )


def check_undertakers(rows: list[CheckRow]) -> Iterator[CheckFinding]:
    """One organisation undertaking (承办) two overlapping activities in different cities (warning), unless
    they are a main venue and its sub-venue, or two sub-venues of one main venue."""
    by_org: dict[int, list[CheckRow]] = {}
    names: dict[int, str] = {}
    for r in rows:
        if r.status == "cancelled" or r.mode == "online":
            continue
        for org_id, name in zip(r.undertaker_ids, r.undertakers, strict=False):
            by_org.setdefault(org_id, []).append(r)
            names[org_id] = name
    candidates = [(o, g) for o, g in by_org.items() if len(g) > 1 and len({r.city_code for r in g}) > 1]
    # each organisation in the order of its first activity: findings about one pair of activities come out
    # in the same order however the rows were read
    candidates.sort(key=lambda item: min(map(in_check_order, item[1])))
    for org_id, group in candidates:
        for a, b in overlapping_pairs(group):
            if a.city_code != b.city_code and not linked(a, b):
                yield finding(
                    "warning",
                    "organiser_double_booked",
                    (a, b),
                    "",
                    organisation=names[org_id],
                    title=a.title,
                    other=b.title,
                    city=a.city_name,
                    other_city=b.city_name,
                    date=first_common_day(a, b).isoformat(),
                )


def all_conflicts(rows: list[CheckRow], _window: PlanWindow, _today: date) -> list[CheckFinding]:
    return [*check_venues(rows), *check_undertakers(rows)]
