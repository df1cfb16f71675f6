"""Merging the organisations and venues of several returns (format section 12): by credit code, else by name."""

from __future__ import annotations

from typing import Any

from lifelong_desktop.names import normalise_name
from lifelong_desktop.submission.findings import WARNING, Finding

ROLE_KEYS = ("hosts", "undertakers", "co_organisers")


class OrganisationMerger:
    """Organisations in input order: one per credit code, else per normalised name; the first one is kept."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.rows: list[dict[str, Any]] = []
        self._by_credit: dict[str, dict[str, Any]] = {}
        self._by_name: dict[str, dict[str, Any]] = {}

    def add(self, org: dict[str, Any], *, file: str, cell: str) -> tuple[str, Finding | None]:
        """Merge one organisation; returns the name its activities should use, and a warning if any."""
        credit = (org.get("credit_code") or "").upper()
        key = normalise_name(org.get("name"))
        kept = self._by_credit.get(credit) if credit else None
        if kept is not None:
            self._by_name.setdefault(key, kept)
            return kept["name"], None
        kept = self._by_name.get(key)
        if kept is not None:
            kept_credit = (kept.get("credit_code") or "").upper()
            if credit and kept_credit and credit != kept_credit:
                finding = Finding(
                    WARNING,
                    "conflicting_organisation",
                    sheet=self.sheet,
                    cell=cell,
                    key="credit_code",
                    params={"name": org.get("name"), "kept": kept_credit, "value": credit},
                    file=file,
                )
                return kept["name"], finding
            if credit and not kept_credit:
                kept["credit_code"] = credit
                self._by_credit[credit] = kept
            _fill_blanks(kept, org)
            return kept["name"], None
        row = dict(org)
        self.rows.append(row)
        self._by_name[key] = row
        if credit:
            self._by_credit[credit] = row
        return row["name"], None


class VenueMerger:
    """Venues in input order, one per (normalised name, city code); the first one is kept."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self._seen: dict[tuple[str, str], dict[str, Any]] = {}

    def add(self, venue: dict[str, Any]) -> None:
        key = (normalise_name(venue.get("name")), venue.get("city_code") or "")
        kept = self._seen.get(key)
        if kept is None:
            row = dict(venue)
            self.rows.append(row)
            self._seen[key] = row
        else:
            _fill_blanks(kept, venue)


def _fill_blanks(kept: dict[str, Any], other: dict[str, Any]) -> None:
    """Take a later copy's values only where the kept row has none."""
    for k, v in other.items():
        if v is not None and kept.get(k) is None:
            kept[k] = v


def rename_organisers(activity: dict[str, Any], renamed: dict[str, str]) -> dict[str, Any]:
    """The activity with organiser names pointed at the kept organisation's name (order kept, no repeats)."""
    if not renamed:
        return activity
    out = activity
    for role in ROLE_KEYS:
        names = activity.get(role)
        if not names or not any(normalise_name(n) in renamed for n in names):
            continue
        if out is activity:
            out = dict(activity)
        seen: list[str] = []
        for n in names:
            target = renamed.get(normalise_name(n), n)
            if target not in seen:
                seen.append(target)
        out[role] = tuple(seen)
    return out
