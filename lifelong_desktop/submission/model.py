"""The content of one workbook as plain Python values: what the reader returns and the writer takes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class WorkbookData:
    """Header and table rows keyed by the format's keys (resources/submission/format.json).

    Values are typed: text as str, codes as their keys, dates as date, times as time, date-times as
    datetime, integers as int, booleans as bool, region codes as 6-digit str, organisation lists as
    tuple of names in order, code lists (audiences) as tuple of keys; a blank cell is None.
    `rows` gives, per table id, the sheet row number of each row (reader only), for findings.
    """

    header: dict[str, Any] = field(default_factory=dict)
    activities: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[dict[str, Any]] = field(default_factory=list)
    venues: list[dict[str, Any]] = field(default_factory=list)
    rows: dict[str, list[int]] = field(default_factory=dict)

    def table(self, table_id: str) -> list[dict[str, Any]]:
        return {"activities": self.activities, "organisations": self.organisations, "venues": self.venues}[
            table_id
        ]


def content_hash(data: WorkbookData) -> str:
    """SHA-256 of what a workbook says (header without data_as_of and generator, and all table rows)."""
    import hashlib  # here: `lifelong validate` does not hash, and loading OpenSSL's hashes costs it 2-6 ms

    header = {k: v for k, v in data.header.items() if k not in ("data_as_of", "generator")}
    payload = json.dumps(
        [header, data.activities, data.organisations, data.venues],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
