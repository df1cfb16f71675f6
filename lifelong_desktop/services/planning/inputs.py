"""ActivityInput (the editable values of an activity), its checks and its conversions from rows and ORM objects."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from lifelong_desktop.models import ROLE_ORDER, Activity
from lifelong_desktop.services import fields
from lifelong_desktop.services.bulk_rows import link_row
from lifelong_desktop.services.planning.errors import PlanningError
from lifelong_desktop.services.rows import ActivityRow

ROLES = tuple(r.value for r in ROLE_ORDER)  # host, undertaker, co_organiser
ROLE_FIELD = {"host": "host_ids", "undertaker": "undertaker_ids", "co_organiser": "co_organiser_ids"}


@dataclass(frozen=True, slots=True)
class ActivityInput:
    """Every value of an activity the user can edit, organisers as ids per role in printing order."""

    title: str
    start_date: date
    end_date: date
    activity_type: str | None = None
    level: str | None = None
    parent_id: int | None = None
    start_time: time | None = None
    end_time: time | None = None
    mode: str | None = "offline"
    city_code: str | None = None
    county_code: str | None = None
    venue_id: int | None = None
    address: str = ""
    online_url: str = ""
    host_ids: tuple[int, ...] = ()
    undertaker_ids: tuple[int, ...] = ()
    co_organiser_ids: tuple[int, ...] = ()
    audiences: tuple[str, ...] = ()
    expected_participants: int | None = None
    actual_participants: int | None = None
    online_participants: int | None = None
    status: str = "planned"
    featured: bool = False
    contact_name: str = ""
    contact_phone: str = ""
    description: str = ""
    result_note: str = ""  # how it went (结果说明); not in the workbook

    @classmethod
    def from_row(cls, row: ActivityRow) -> ActivityInput:
        return cls(**{f.name: getattr(row, f.name) for f in dataclasses.fields(cls)})

    def organiser_ids(self, role: str) -> tuple[int, ...]:
        return {
            "host": self.host_ids,
            "undertaker": self.undertaker_ids,
            "co_organiser": self.co_organiser_ids,
        }[role]

    def replace(self, **changes: Any) -> ActivityInput:  # any fields by name: dataclasses.replace checks
        return dataclasses.replace(self, **changes)


#: the values stored as they are in an activity's own columns (not organisers, not audiences)
SCALARS = tuple(
    f.name
    for f in dataclasses.fields(ActivityInput)
    if f.name not in ("host_ids", "undertaker_ids", "co_organiser_ids", "audiences")
)


def validate(data: ActivityInput) -> list[str]:
    """Codes of what is wrong with the values (empty when they can be saved)."""
    problems = []
    if not data.title.strip():
        problems.append("title_required")
    if len(data.title) > 100:
        problems.append("title_too_long")
    try:  # the reader's date_order and time_order (services/fields.py), said as the form says them
        fields.date_order(data.start_date, data.end_date)
    except fields.FieldProblem:
        problems.append("end_before_start")
    try:
        fields.time_order(data.start_date, data.end_date, data.start_time, data.end_time)
    except fields.FieldProblem:
        problems.append("end_time_not_after_start")
    for name in ("expected_participants", "actual_participants", "online_participants"):
        value = getattr(data, name)
        if value is not None and value < 0:
            problems.append("negative_" + name)
    if not data.host_ids:
        problems.append("host_required")
    return problems + field_problems(data)


#: the free-text fields whose length the workbook limits, as `<key>_too_long` (title is checked above)
_LIMITED = ("address", "online_url", "contact_name", "description")
RESULT_NOTE_LENGTH = 200  # the column's size; the workbook does not carry the note
_CODED = ("activity_type", "level", "mode", "status")


def field_problems(data: ActivityInput) -> list[str]:
    """The rules the workbook reader applies to these values too (services/fields.py), so nothing the form
    saves is refused when the workbook is read back."""
    rules = fields.rules_of("activities")
    problems = []
    for key in _LIMITED:
        limit = rules[key].max_length
        if limit is not None and len(getattr(data, key).strip(fields.TRIM)) > limit:
            problems.append(f"{key}_too_long")
    if len(data.result_note) > RESULT_NOTE_LENGTH:
        problems.append("result_note_too_long")
    texts = (data.title, data.address, data.online_url, data.contact_name, data.description, data.result_note)
    if any(fields.CONTROL.search(t) for t in texts):
        problems.append("control_character")
    if data.contact_phone.strip():
        try:
            fields.parse_phone(data.contact_phone)
        except fields.FieldProblem as exc:
            problems.append(exc.code)
    for key in _CODED:
        value = getattr(data, key)
        if value is not None and value not in fields.code_keys(rules[key].code_list or ""):
            problems.append("invalid_code")
            break
    return problems


def check(data: ActivityInput) -> None:
    """Raise PlanningError with the first problem of the values, if any."""
    problems = validate(data)
    if problems:
        raise PlanningError(problems[0])


def input_of(act: Activity) -> ActivityInput:
    """The values of an ORM activity (organisers loaded) as an ActivityInput."""
    by_role: dict[str, list[int]] = {r: [] for r in ROLES}
    for link in sorted(act.organisers, key=lambda link: (link.role_rank, link.position)):
        by_role[link.role].append(link.organisation_id)
    values = {name: getattr(act, name) for name in SCALARS}
    return ActivityInput(
        **values,
        audiences=tuple(act.audience_keys),
        host_ids=tuple(by_role["host"]),
        undertaker_ids=tuple(by_role["undertaker"]),
        co_organiser_ids=tuple(by_role["co_organiser"]),
    )


def link_rows(pairs: Iterable[tuple[int, ActivityInput]]) -> list[dict]:
    """activity_organisation rows (with role_rank) for (activity id, ActivityInput) pairs, for a bulk insert."""
    return [
        link_row(act_id, role, pos, oid)
        for act_id, data in pairs
        for role in ROLES
        for pos, oid in enumerate(data.organiser_ids(role))
    ]
