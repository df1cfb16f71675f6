"""Words for record fields and their values in the window (the conflict dialog names what each side changed)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lifelong_desktop.services.regions import regions
from lifelong_desktop.ui.common import codes
from lifelong_desktop.ui.common.language import joined

_LABELS = {
    "title": QT_TRANSLATE_NOOP("FieldNames", "Title"),
    "activity_type": QT_TRANSLATE_NOOP("FieldNames", "Type"),
    "level": QT_TRANSLATE_NOOP("FieldNames", "Level"),
    "parent_id": QT_TRANSLATE_NOOP("FieldNames", "Main-venue activity"),
    "start_date": QT_TRANSLATE_NOOP("FieldNames", "Start date"),
    "end_date": QT_TRANSLATE_NOOP("FieldNames", "End date"),
    "start_time": QT_TRANSLATE_NOOP("FieldNames", "Start time"),
    "end_time": QT_TRANSLATE_NOOP("FieldNames", "End time"),
    "mode": QT_TRANSLATE_NOOP("FieldNames", "Mode"),
    "city_code": QT_TRANSLATE_NOOP("FieldNames", "City"),
    "county_code": QT_TRANSLATE_NOOP("FieldNames", "County"),
    "venue_id": QT_TRANSLATE_NOOP("FieldNames", "Venue"),
    "address": QT_TRANSLATE_NOOP("FieldNames", "Address"),
    "online_url": QT_TRANSLATE_NOOP("FieldNames", "Online platform or link"),
    "host_ids": QT_TRANSLATE_NOOP("FieldNames", "Hosts"),
    "undertaker_ids": QT_TRANSLATE_NOOP("FieldNames", "Undertakers"),
    "co_organiser_ids": QT_TRANSLATE_NOOP("FieldNames", "Co-organisers"),
    "audiences": QT_TRANSLATE_NOOP("FieldNames", "Audiences"),
    "expected_participants": QT_TRANSLATE_NOOP("FieldNames", "Expected participants"),
    "actual_participants": QT_TRANSLATE_NOOP("FieldNames", "Actual participants"),
    "online_participants": QT_TRANSLATE_NOOP("FieldNames", "Online participants"),
    "status": QT_TRANSLATE_NOOP("FieldNames", "Status"),
    "featured": QT_TRANSLATE_NOOP("FieldNames", "Featured"),
    "contact_name": QT_TRANSLATE_NOOP("FieldNames", "Contact"),
    "contact_phone": QT_TRANSLATE_NOOP("FieldNames", "Phone"),
    "description": QT_TRANSLATE_NOOP("FieldNames", "Description"),
    "name": QT_TRANSLATE_NOOP("FieldNames", "Name"),
    "org_type": QT_TRANSLATE_NOOP("FieldNames", "Kind of organisation"),
    "credit_code": QT_TRANSLATE_NOOP("FieldNames", "Unified social credit code"),
    "region_code": QT_TRANSLATE_NOOP("FieldNames", "Region"),
    "email": QT_TRANSLATE_NOOP("FieldNames", "E-mail"),
    "venue_type": QT_TRANSLATE_NOOP("FieldNames", "Kind of venue"),
    "capacity": QT_TRANSLATE_NOOP("FieldNames", "Capacity"),
    "accessible": QT_TRANSLATE_NOOP("FieldNames", "Accessible"),
}
_CODE_LISTS = {
    "activity_type": "activity_type",
    "level": "level",
    "mode": "mode",
    "status": "status",
    "audiences": "audience",
    "org_type": "org_type",
    "venue_type": "venue_type",
}
_REGIONS = ("city_code", "county_code", "region_code")
#: fields holding ids of other records, by the kind of record (names looked up in `names`)
_REFERENCES = {
    "venue_id": "venue",
    "parent_id": "activity",
    "host_ids": "organisation",
    "undertaker_ids": "organisation",
    "co_organiser_ids": "organisation",
}


def field_label(name: str) -> str:
    """The word for a field in the window's language (the field's key when it has none)."""
    source = _LABELS.get(name)
    return QCoreApplication.translate("FieldNames", source) if source else name


def show_value(name: str, value: Any, names: Mapping[tuple[str, int], str] | None = None) -> str:
    """A field's value as the user reads it: codes by their word, regions and records by their name."""
    if value is None or value == "" or value == ():
        return QCoreApplication.translate("FieldNames", "(empty)")
    if isinstance(value, bool):
        yes, no = (
            QCoreApplication.translate("FieldNames", "Yes"),
            QCoreApplication.translate("FieldNames", "No"),
        )
        return yes if value else no
    if name in _CODE_LISTS:
        parts = value if isinstance(value, tuple | list) else (value,)
        return joined(codes.label(_CODE_LISTS[name], str(p)) or str(p) for p in parts)
    if name in _REGIONS:
        return regions().full_name(str(value)) or str(value)
    if name in _REFERENCES:
        parts = value if isinstance(value, tuple | list) else (value,)
        kind = _REFERENCES[name]
        return joined((names or {}).get((kind, int(p)), f"#{p}") for p in parts)
    if isinstance(value, date | time):
        return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
    return str(value)
