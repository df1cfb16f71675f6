"""Whether a programme can be exported: what its settings and activities lack for a workbook the reader accepts.

An export that the app's own reader would reject is never written: the settings and every activity's
required fields (the format's `*` columns, services/fields.py) are checked first and named for the user,
and the written file is read back before it replaces the target (writing/export.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from lifelong_desktop import messages
from lifelong_desktop.models import Programme
from lifelong_desktop.services.fields import missing_activity_fields
from lifelong_desktop.services.programme_settings import SettingProblem, missing_for_export
from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.submission.findings import Finding
from lifelong_desktop.submission.format import load_format


@dataclass(frozen=True, slots=True)
class ActivityGap:
    """An activity that lacks fields the workbook requires: which one, and the keys of what it lacks."""

    activity_id: int
    title: str
    start_date: date
    missing: tuple[str, ...]


@dataclass
class ExportRefused(Exception):
    """The export was not written: what to fill in (settings, activities) or what the read-back found."""

    settings: list[SettingProblem] = field(default_factory=list)
    activities: list[ActivityGap] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        Exception.__init__(self, "export refused")

    def lines(self, lang: str | None = None, limit: int = 20) -> list[str]:
        """One line per thing to put right, each naming where: 填报信息 ▸ 填报单位, 活动“…” ▸ 活动类型."""
        fmt = load_format()
        out = [
            messages.render(
                "programme.problem." + p.code,
                lang,
                field=messages.render("programme.field." + p.field, lang),
                **p.params,
            )
            for p in self.settings
        ]
        for gap in self.activities:
            names = "、".join(_label(fmt, key, lang) for key in gap.missing)
            out.append(
                messages.render(
                    "export.activity_gap",
                    lang,
                    title=gap.title,
                    start=gap.start_date.isoformat(),
                    fields=names,
                )
            )
        out.extend(f.as_text(lang or messages.current_language()) for f in self.findings)
        if len(out) > limit:
            out = [*out[:limit], messages.render("export.more_gaps", lang, count=len(out) - limit)]
        return out

    def message(self, lang: str | None = None) -> str:
        """The refusal as one sentence followed by the list, in the user's language."""
        head = "export.refused_settings" if self.settings else "export.refused"
        if self.findings and not (self.settings or self.activities):
            head = "export.refused_read_back"
        return "\n".join([messages.render(head, lang), *("  " + line for line in self.lines(lang))])


def _label(fmt: Any, key: str, lang: str | None) -> str:
    label = fmt.tables["activities"].column(key).label.lstrip("*")
    return label if (lang or messages.current_language()) == "zh" else key


_ROW_ATTR = {"venue": "venue_name"}  # a workbook key whose ActivityRow attribute is named otherwise


def _row_value(row: ActivityRow, key: str) -> Any:
    return getattr(row, _ROW_ATTR.get(key, key), None)


def activity_gaps(rows: Iterable[ActivityRow]) -> list[ActivityGap]:
    """Every activity that leaves a required field blank (the one rule of services/fields.py)."""
    gaps = []
    for r in rows:
        missing = missing_activity_fields(partial(_row_value, r))
        if missing:
            gaps.append(ActivityGap(r.id, r.title, r.start_date, tuple(missing)))
    return gaps


def export_blockers(p: Programme, rows: Iterable[ActivityRow]) -> ExportRefused | None:
    """What stops the programme's export (None when nothing does)."""
    refused = ExportRefused(missing_for_export(p), activity_gaps(rows))
    return refused if refused.settings or refused.activities else None
