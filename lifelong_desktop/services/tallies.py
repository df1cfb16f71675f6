"""Tallies of activities: a count and the three participant totals, summed in one place.

The Summary tab (services.summary) and the workbook's 汇总 sheet (submission.writing.summary_sheet) both
group activities and add them up through `tally_groups`, so their figures cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass(slots=True)
class Tally:
    """Activities counted and their expected, actual and online participants summed (blanks count as 0)."""

    count: int = 0
    expected: int = 0
    actual: int = 0
    online: int = 0

    def add(self, expected: int | None, actual: int | None, online: int | None) -> None:
        self.count += 1
        self.expected += expected or 0
        self.actual += actual or 0
        self.online += online or 0

    @property
    def values(self) -> list[int]:
        return [self.count, self.expected, self.actual, self.online]


def tally_groups(
    items: Iterable[tuple[tuple[Hashable, ...], int | None, int | None, int | None]],
    groupings: int,
    seeded: Iterable[Iterable[Hashable]] = (),
) -> tuple[list[dict[Hashable, Tally]], Tally]:
    """Tallies by each of `groupings` keys of every item ((key per grouping), expected, actual, online), and
    the total. `seeded` lists, per grouping, keys that are listed even when no item falls under them."""
    groups: list[dict[Hashable, Tally]] = [{} for _ in range(groupings)]
    for grouping, keys in zip(groups, seeded, strict=False):
        for key in keys:
            grouping[key] = Tally()
    total = Tally()
    for keys, expected, actual, online in items:
        for grouping, key in zip(groups, keys, strict=True):
            tally = grouping.get(key)
            if tally is None:
                tally = grouping[key] = Tally()
            tally.add(expected, actual, online)
        total.add(expected, actual, online)
    return groups, total
