"""A planning-check finding (severity, code, where, parameters) and its sentence in zh or en.

Codes and severities: venue_double_booked (error), capacity_exceeded (warning), outside_window (error),
public_holiday (warning), holiday_data_missing (info), organiser_double_booked (warning),
sub_venue_mismatch (warning), duplicate_suspect (warning), missing_for_submission (error),
unreported_result (warning). Sentences come from resources/i18n/messages/checks.json.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from lifelong_desktop import messages
from lifelong_desktop.services.checks.load import CheckRow

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class CheckFinding:
    """One problem of the plan: where (activities, venue), what (code) and the values for its sentence."""

    severity: str
    code: str
    activity_ids: tuple[str, ...] = ()
    activity_db_ids: tuple[int, ...] = ()
    venue: str = ""
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    def message(self, lang: str | None = None) -> str:
        """The finding as one sentence in zh or en."""
        lang = lang or messages.current_language()
        params = {"venue": self.venue, **self.params}
        if "fields" in params:
            sep = "、" if lang == "zh" else ", "
            params["fields"] = sep.join(messages.render(f"check.field.{k}", lang) for k in params["fields"])
        if "reason" in params:
            params["reason"] = _text(f"check.reason.{params['reason']}", lang)
        if "kind" in params:
            params["kind_text"] = _kind_text(params["kind"], params.get("name", ""), lang)
            more = params.get("more", 0)
            params["more_text"] = messages.render("check.more_days", lang, count=more) if more else ""
        return messages.render_map(f"check.{self.code}", lang, params)

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        """A JSON-ready form (the --json output)."""
        return {
            "severity": self.severity,
            "code": self.code,
            "activity_ids": list(self.activity_ids),
            "activity_db_ids": list(self.activity_db_ids),
            "venue": self.venue,
            "params": self.params,
            "message": self.message(lang),
        }


@lru_cache(maxsize=64)
def _text(code: str, lang: str) -> str:
    """A sentence without parameters (a reason): the same few for thousands of findings."""
    return messages.render(code, lang)


@lru_cache(maxsize=256)
def _kind_text(kind: str, name: str, lang: str) -> str:
    """What kind of special day (a holiday's name is in it): a few, said for thousands of findings."""
    return messages.render(f"check.kind.{kind}", lang, name=name)


def finding(
    severity: str, code: str, rows: tuple[CheckRow, ...] | list[CheckRow], venue: str = "", **params: Any
) -> CheckFinding:
    """A finding about some activities (their uids and database ids in the given order)."""
    if len(rows) == 1:
        return CheckFinding(severity, code, (rows[0].uid,), (rows[0].id,), venue, params)
    return CheckFinding(severity, code, tuple(r.uid for r in rows), tuple(r.id for r in rows), venue, params)


@dataclass(frozen=True, slots=True)
class PlanWindow:
    """The programme facts the checks need."""

    window_start: date | None
    window_end: date | None
