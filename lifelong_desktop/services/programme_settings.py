"""A programme's settings (submitting unit, contact, theme, window, official week): defaults, rules, changes.

The header of every export comes from these settings, so they follow the same field rules as the workbook
reader (services/fields.py) and what an export needs is said before anything is written (`missing_for_export`).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from lifelong_desktop.models import Programme
from lifelong_desktop.paths import resource
from lifelong_desktop.services import fields
from lifelong_desktop.services.regions import NATIONAL

#: the settings' fields, in the order in which the dialogs and `lifelong programme show` list them
SETTING_FIELDS = (
    "submitting_unit",
    "contact_name",
    "contact_phone",
    "contact_email",
    "theme",
    "window_start",
    "window_end",
    "week_start",
    "week_end",
)
#: longest text each field takes (the database columns' lengths)
MAX_LENGTH = {"submitting_unit": 100, "contact_name": 50, "theme": 200}
#: what an export cannot do without (format section 3: required except in national scope)
REQUIRED_FOR_EXPORT = ("submitting_unit", "contact_name")


@dataclass(frozen=True, slots=True)
class ProgrammeSettings:
    """The values of a programme that its office sets, as typed; blank text is ""."""

    submitting_unit: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    theme: str = ""
    window_start: date | None = None
    window_end: date | None = None
    week_start: date | None = None
    week_end: date | None = None

    @classmethod
    def of(cls, p: Programme) -> ProgrammeSettings:
        return cls(**{name: getattr(p, name) or _blank(name) for name in SETTING_FIELDS})

    def replace(self, **changes: Any) -> ProgrammeSettings:
        return dataclasses.replace(self, **changes)


def _blank(name: str) -> Any:
    return None if name.startswith(("window", "week")) else ""


@dataclass(frozen=True, slots=True)
class SettingProblem:
    """One field of the settings that breaks a rule: the field, a finding code and its parameters."""

    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class SettingsError(ValueError):
    """The settings cannot be saved as given; `problems` says where and why."""

    def __init__(self, problems: list[SettingProblem]) -> None:
        super().__init__(", ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


@cache
def _national_weeks() -> dict[int, tuple[date, date]]:
    with resource("programme", "national_weeks.json").open(encoding="utf-8") as fh:
        raw = json.load(fh)
    return {int(y): (date.fromisoformat(a), date.fromisoformat(b)) for y, (a, b) in raw["weeks"].items()}


def national_week(year: int) -> tuple[date, date] | None:
    """The official activity week of a year when this edition knows it, else None (the office is asked)."""
    return _national_weeks().get(year)


def default_settings(year: int, theme: str = "") -> ProgrammeSettings:
    """A new programme's settings: the window April to December of its year, the national week if known."""
    week = national_week(year)
    return ProgrammeSettings(
        theme=theme,
        window_start=date(year, 4, 1),
        window_end=date(year, 12, 31),
        week_start=week[0] if week else None,
        week_end=week[1] if week else None,
    )


def clean_settings(year: int, s: ProgrammeSettings) -> tuple[ProgrammeSettings, list[SettingProblem]]:
    """The settings with text trimmed and the phone folded, and every problem (empty when they can be saved)."""
    problems: list[SettingProblem] = []
    values: dict[str, Any] = {}
    for name in ("submitting_unit", "contact_name", "theme"):
        values[name] = _text(name, getattr(s, name), MAX_LENGTH[name], problems)
    for name, parse in (("contact_phone", fields.parse_phone), ("contact_email", fields.parse_email)):
        text = _text(name, getattr(s, name), None, problems)
        try:
            values[name] = (parse(text) or "") if text else ""
        except fields.FieldProblem as exc:
            problems.append(SettingProblem(name, exc.code, exc.params))
            values[name] = text
    cleaned = s.replace(**values)
    problems.extend(_date_problems(year, cleaned))
    return cleaned, problems


def _text(name: str, value: str, max_length: int | None, problems: list[SettingProblem]) -> str:
    try:
        return fields.clean_text(value, max_length)
    except fields.FieldProblem as exc:
        problems.append(SettingProblem(name, exc.code, exc.params))
        return value


def _date_problems(year: int, s: ProgrammeSettings) -> list[SettingProblem]:
    problems = []
    for name in ("window_start", "window_end", "week_start", "week_end"):
        day = getattr(s, name)
        if day is not None and day.year != year:
            problems.append(SettingProblem(name, "outside_year", {"year": year, "date": day.isoformat()}))
    for start, end in (("window_start", "window_end"), ("week_start", "week_end")):
        try:
            fields.date_order(getattr(s, start), getattr(s, end))
        except fields.FieldProblem as exc:
            problems.append(SettingProblem(end, exc.code))
    if (s.week_start is None) != (s.week_end is None):
        missing = "week_end" if s.week_end is None else "week_start"
        problems.append(SettingProblem(missing, "required"))
    lo, hi = s.window_start or date.min, s.window_end or date.max
    for name in ("week_start", "week_end"):
        day = getattr(s, name)
        if day is not None and not lo <= day <= hi:
            problems.append(SettingProblem(name, "week_outside_window", {"date": day.isoformat()}))
    return problems


def apply_settings(session: Session, p: Programme, settings: ProgrammeSettings) -> ProgrammeSettings:
    """Store new settings of a programme (raises SettingsError, changing nothing, when any rule is broken)."""
    cleaned, problems = clean_settings(p.year, settings)
    if problems:
        raise SettingsError(problems)
    for name in SETTING_FIELDS:
        setattr(p, name, getattr(cleaned, name))
    session.flush()
    return cleaned


def change_settings(session: Session, p: Programme, **changes: Any) -> ProgrammeSettings:
    """Change some settings, keeping the others (as `lifelong programme set` with only some options)."""
    unknown = set(changes) - set(SETTING_FIELDS)
    if unknown:
        raise TypeError(f"not a programme setting: {sorted(unknown)}")
    return apply_settings(session, p, ProgrammeSettings.of(p).replace(**changes))


def missing_for_export(p: Programme) -> list[SettingProblem]:
    """What the programme's settings lack or get wrong for a workbook the reader accepts (empty: none)."""
    problems: list[SettingProblem] = []
    if p.region_code != NATIONAL:
        problems.extend(SettingProblem(n, "required") for n in REQUIRED_FOR_EXPORT if not getattr(p, n))
    _cleaned, wrong = clean_settings(p.year, ProgrammeSettings.of(p))
    problems.extend(w for w in wrong if w.field == "contact_phone" or w.code == "date_order")
    return problems
