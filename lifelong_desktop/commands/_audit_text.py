"""The audit log as people read it: Chinese (or English) labels for actions, records and fields."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from lifelong_desktop import messages
from lifelong_desktop.models import AuditEntry
from lifelong_desktop.submission.format import load_format

_TABLE_OF = {"activity": "activities", "organisation": "organisations", "venue": "venues"}
_NAME_FIELDS = ("title", "name", "theme", "file_name")
_HIDDEN = {"activity_organisation": {"activity_id", "role_rank"}}
#: fields holding the id of another record, shown by that record's name
REFERENCES = {
    "organisation_id": "organisation",
    "venue_id": "venue",
    "parent_id": "activity",
    "programme_id": "programme",
    "source_submission_id": "submission",
}


@dataclass(frozen=True, slots=True)
class Change:
    field: str
    label: str
    before: Any
    after: Any


def _load(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"?": text}
    return value if isinstance(value, dict) else {"?": value}


def field_label(entity: str, field: str, lang: str) -> str:
    """The column label of the workbook format where the field is one, else of reliability.json."""
    if lang == "zh" and entity in _TABLE_OF:
        table = load_format().tables[_TABLE_OF[entity]]
        if field in table.keys:
            return table.column(field).label
    code = f"audit.field.{field}"
    return messages.render(code, lang) if messages.has(code) else field


def show_value(
    entity: str, field: str, value: Any, lang: str, refs: dict[tuple[str, Any], str] | None = None
) -> str:
    """A stored value as text: codes by their label, ids by the name of what they point to, booleans as
    是/否, nothing as （空）."""
    if value is None or value == "":
        return messages.render("audit.empty", lang)
    if field in REFERENCES and refs and (REFERENCES[field], value) in refs:
        return (
            f"{refs[(REFERENCES[field], value)]}（#{value}）"
            if lang == "zh"
            else f"{refs[(REFERENCES[field], value)]} (#{value})"
        )
    if isinstance(value, bool):
        return messages.render("audit.yes" if value else "audit.no", lang)
    if lang == "zh" and entity in _TABLE_OF:
        table = load_format().tables[_TABLE_OF[entity]]
        if field in table.keys and table.column(field).code_list:
            fmt = load_format()
            code_list = table.column(field).code_list
            parts = [fmt.label_of(code_list, part) or part for part in str(value).split(";") if part]
            return "、".join(parts)
    if field in ("role", "scope"):  # an organiser's role, a return's level (city: 地市级)
        code = f"audit.role.{value}" if field == "role" else f"export.scope.{value}"
        return messages.render(code, lang) if messages.has(code) else str(value)
    return str(value)


def changes(entry: AuditEntry, lang: str) -> list[Change]:
    """The fields an entry changed, with their values before and after (all fields for create/delete)."""
    before, after = _load(entry.before) or {}, _load(entry.after) or {}
    hidden = _HIDDEN.get(entry.entity, set())
    fields = [k for k in dict.fromkeys([*before, *after]) if k != "id" and k not in hidden]
    if entry.action == "update":
        fields = [k for k in fields if before.get(k) != after.get(k)]
    return [Change(k, field_label(entry.entity, k, lang), before.get(k), after.get(k)) for k in fields]


def record_name(entry: AuditEntry) -> str:
    """The record's own name (title of an activity, name of an organisation), if the entry carries it."""
    for values in (_load(entry.after) or {}, _load(entry.before) or {}):
        for key in _NAME_FIELDS:
            if values.get(key):
                return str(values[key])
    return ""


def action_text(action: str, lang: str) -> str:
    code = f"audit.action.{action}"
    return messages.render(code, lang) if messages.has(code) else action


def entity_text(entity: str, lang: str) -> str:
    code = f"db.entity.{entity}"
    return messages.render(code, lang) if messages.has(code) else entity


def referenced(entries: list[AuditEntry]) -> dict[str, set[Any]]:
    """The ids of other records the entries' values point to, by entity (to look their names up)."""
    wanted: dict[str, set[Any]] = {}
    for e in entries:
        for values in (_load(e.before) or {}, _load(e.after) or {}):
            for field, entity in REFERENCES.items():
                if values.get(field) is not None:
                    wanted.setdefault(entity, set()).add(values[field])
    return wanted


def entry_lines(
    entry: AuditEntry, lang: str, names: dict[str, str], refs: dict[tuple[str, Any], str] | None = None
) -> list[str]:
    """One heading line (time, who, action, record, summary), then one line per changed field."""
    name = record_name(entry) or names.get(entry.entity_uid or "", "")
    what = entity_text(entry.entity, lang) + (
        f"「{name}」" if lang == "zh" and name else f' "{name}"' if name else ""
    )
    if entry.entity_id is not None and not name:
        what += f" #{entry.entity_id}"
    head = f"{entry.at:%Y-%m-%d %H:%M:%S}  {entry.who}  {action_text(entry.action, lang)}  {what}"
    if entry.summary:
        head += messages.render("audit.summary", lang, summary=entry.summary)
    lines = [head]
    for c in changes(entry, lang):
        b = show_value(entry.entity, c.field, c.before, lang, refs)
        a = show_value(entry.entity, c.field, c.after, lang, refs)
        if entry.action == "create":
            lines.append(f"    {c.label}：{a}" if lang == "zh" else f"    {c.label}: {a}")
        elif entry.action == "delete":
            lines.append(f"    {c.label}：{b}" if lang == "zh" else f"    {c.label}: {b}")
        else:
            lines.append(f"    {c.label}：{b} → {a}" if lang == "zh" else f"    {c.label}: {b} -> {a}")
    return lines


def entry_dict(entry: AuditEntry, lang: str) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(timespec="seconds"),
        "who": entry.who,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "entity_uid": entry.entity_uid,
        "programme_id": entry.programme_id,
        "batch": entry.batch,
        "summary": entry.summary,
        "name": record_name(entry),
        "changes": [
            {"field": c.field, "label": c.label, "before": c.before, "after": c.after}
            for c in changes(entry, lang)
        ],
    }
