"""Which activities the table shows: search text and filters, run over precomputed columns of the rows."""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from lifelong_desktop.services.rows import ActivityRow


def fold(text: str) -> str:
    """The form searched in: NFKC (full-width folded), case-folded."""
    if not unicodedata.is_normalized("NFKC", text):  # a quick check: most text needs nothing
        text = unicodedata.normalize("NFKC", text)
    return text.casefold()


@dataclass(frozen=True, slots=True)
class ActivityFilter:
    """The search text and the filter bar's choices; empty values filter nothing."""

    text: str = ""
    city_code: str = ""
    county_code: str = ""
    activity_type: str = ""
    status: str = ""
    mode: str = ""
    date_from: date | None = None
    date_to: date | None = None
    organisation_id: int | None = None

    @property
    def active(self) -> bool:
        return self != ActivityFilter()

    def without_text(self) -> ActivityFilter:
        return dataclasses.replace(self, text="")

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["date_from"] = self.date_from.isoformat() if self.date_from else None
        d["date_to"] = self.date_to.isoformat() if self.date_to else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ActivityFilter:
        known = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in d.items() if k in known}
        try:
            for k in ("date_from", "date_to"):
                values[k] = date.fromisoformat(values[k]) if values.get(k) else None
            if values.get("organisation_id") is not None:
                values["organisation_id"] = int(values["organisation_id"])
            return cls(**values)
        except (TypeError, ValueError):
            return cls()


def _text(r: ActivityRow) -> str:
    return "\n".join(
        (
            r.title,
            r.venue_name,
            r.city_name,
            r.county_name,
            r.address,
            *r.hosts,
            *r.undertakers,
            *r.co_organisers,
        )
    )


_CHUNK = 2000  # rows folded in one pass: C speed, without a whole programme's text copied three times at once


def _fold_all(rows: tuple[ActivityRow, ...]) -> list[str]:
    """Each row's searched text folded: one NFKC + casefold pass per chunk of rows joined (C speed), split
    back per row (NUL starts no composition, so folding the joined text folds each piece alone)."""
    out: list[str] = []
    for start in range(0, len(rows), _CHUNK):
        joined = "\x00".join(_text(r).replace("\x00", " ") for r in rows[start : start + _CHUNK])
        out.extend(fold(joined).split("\x00"))
    return out


class FilterIndex:
    """Per-row columns prepared once per data load so each keystroke is a few list comprehensions."""

    def __init__(self, rows: tuple[ActivityRow, ...], previous: FilterIndex | None = None) -> None:
        self.rows = rows
        self._haystacks: list[str] | None = None
        self._previous = previous if previous is not None and previous._haystacks is not None else None

    @property
    def haystacks(self) -> list[str]:
        """Per row, the searched text folded: built on first use (the view builds it when idle);
        rows kept from the previous index (the same objects) keep their text."""
        if self._haystacks is None:
            prev = self._previous
            if prev is not None:
                known = {id(r): h for r, h in zip(prev.rows, prev._haystacks or [], strict=True)}
                self._haystacks = [known.get(id(r)) or fold(_text(r)) for r in self.rows]
            else:
                self._haystacks = _fold_all(self.rows)
            self._previous = None
        return self._haystacks

    def apply(
        self, order: list[int], f: ActivityFilter, previous: tuple[ActivityFilter, list[int]] | None = None
    ) -> list[int]:
        """The indices of `order` (kept in that order) that pass the filter.

        When only the search text grew since `previous`, only the rows shown then are searched again."""
        idx = order
        needle = fold(f.text.strip())
        if previous is not None:
            before, shown = previous
            if before.without_text() == f.without_text() and needle.startswith(fold(before.text.strip())):
                idx = shown
                if needle == fold(before.text.strip()):
                    return list(shown)
                hay = self.haystacks
                return [i for i in idx if needle in hay[i]]
        idx = self._by_fields(idx, f)
        if needle:
            hay = self.haystacks
            idx = [i for i in idx if needle in hay[i]]
        return idx if idx is not order else list(order)

    def _by_fields(self, idx: list[int], f: ActivityFilter) -> list[int]:
        """The indices whose city, county, type, status, mode, dates and organisation match the filter."""
        rows = self.rows
        for value, attr in (
            (f.city_code, "city_code"),
            (f.county_code, "county_code"),
            (f.activity_type, "activity_type"),
            (f.status, "status"),
            (f.mode, "mode"),
        ):
            if value:
                idx = [i for i in idx if getattr(rows[i], attr) == value]
        if f.date_from:
            idx = [i for i in idx if rows[i].end_date >= f.date_from]
        if f.date_to:
            idx = [i for i in idx if rows[i].start_date <= f.date_to]
        if f.organisation_id is not None:
            oid = f.organisation_id
            idx = [
                i
                for i in idx
                if oid in rows[i].host_ids or oid in rows[i].undertaker_ids or oid in rows[i].co_organiser_ids
            ]
        return idx
