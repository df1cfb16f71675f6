"""The register's field rules: organisation and venue values cleaned and checked, each problem a RegisterError."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Organisation, Venue, normalise_name
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.registers.changes import RegisterError

ORG_FIELDS = ("name", "org_type", "credit_code", "region_code", "contact_name", "contact_phone", "email")
VENUE_FIELDS = (
    "name",
    "city_code",
    "county_code",
    "address",
    "venue_type",
    "capacity",
    "accessible",
    "contact_name",
    "contact_phone",
)
BLANK_FILLABLE = {"organisation": ORG_FIELDS[1:], "venue": VENUE_FIELDS[2:]}
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, ... (GB 32100-2015)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+\-() ]{5,20}$")


def credit_code_valid(code: str) -> bool:
    """GB 32100-2015: 18 characters of the code alphabet whose last one is the check character."""
    code = code.upper()
    if len(code) != 18 or any(c not in _CREDIT_CHARS for c in code):
        return False
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31] == code[17]


def _clean(values: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in names:
        if k not in values:
            continue
        v = values[k]
        if isinstance(v, str):
            v = v.strip()
            if k in ("credit_code", "region_code", "county_code", "venue_type") and not v:
                v = None
            if k == "credit_code" and v:
                v = v.upper()
        out[k] = v
    return out


def _check_common(values: dict[str, Any]) -> None:
    if "name" in values:
        if not values["name"]:
            raise RegisterError("name_required", "name")
        if len(values["name"]) > 100:
            raise RegisterError("name_too_long", "name")
    phone = values.get("contact_phone")
    if phone and (not _PHONE.match(phone) or not any(c.isdigit() for c in phone)):
        raise RegisterError("invalid_phone", "contact_phone", phone=phone)


def check_organisation(session: Session, values: dict[str, Any], org_id: int | None = None) -> dict[str, Any]:
    """The cleaned values of an organisation, or RegisterError for the first problem."""
    values = _clean(values, ORG_FIELDS)
    _check_common(values)
    if values.get("credit_code") and not credit_code_valid(values["credit_code"]):
        raise RegisterError("invalid_credit_code", "credit_code", value=values["credit_code"])
    if values.get("email") and not _EMAIL.match(values["email"]):
        raise RegisterError("invalid_email", "email", email=values["email"])
    if values.get("region_code") and regions().get(values["region_code"]) is None:
        raise RegisterError("unknown_region", "region_code", value=values["region_code"])
    if "name" in values:
        other = session.scalar(
            select(Organisation.id).where(Organisation.name_key == normalise_name(values["name"]))
        )
        if other is not None and other != org_id:
            raise RegisterError("duplicate_organisation", "name", name=values["name"])
    return values


def check_venue(session: Session, values: dict[str, Any], venue_id: int | None = None) -> dict[str, Any]:
    """The cleaned values of a venue, or RegisterError for the first problem."""
    values = _clean(values, VENUE_FIELDS)
    _check_common(values)
    reg = regions()
    if "city_code" in values:
        city = reg.get(values["city_code"])
        if city is None or city.level not in ("prefecture", "province"):
            raise RegisterError("city_required", "city_code")
    county = values.get("county_code")
    if county:
        r = reg.get(county)
        if r is None or r.level != "county":
            raise RegisterError("unknown_region", "county_code", value=county)
        if values.get("city_code") and not reg.is_inside(county, values["city_code"]):
            raise RegisterError("county_outside_city", "county_code")
    cap = values.get("capacity")
    if cap is not None and (not isinstance(cap, int) or cap < 0):
        raise RegisterError("invalid_capacity", "capacity")
    if "name" in values or "city_code" in values:
        current = session.get(Venue, venue_id) if venue_id else None
        name = values.get("name", current.name if current else "")
        city_code = values.get("city_code", current.city_code if current else "")
        other = session.scalar(
            select(Venue.id).where(Venue.name_key == normalise_name(name), Venue.city_code == city_code)
        )
        if other is not None and other != venue_id:
            raise RegisterError("duplicate_venue", "name", name=name)
    return values
