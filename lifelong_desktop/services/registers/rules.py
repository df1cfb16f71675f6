"""The register's field rules: organisation and venue values cleaned and checked, each problem a RegisterError."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Organisation, Venue, normalise_name
from lifelong_desktop.services import fields
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
_TABLE = {"organisation": "organisations", "venue": "venues"}
#: the parameter that names the typed value in the register's sentence of each code
_VALUE_PARAM = {"invalid_phone": "phone", "invalid_email": "email"}


def credit_code_valid(code: str) -> bool:
    """GB 32100-2015: 18 characters of the code alphabet whose last one is the check character."""
    try:
        fields.parse_credit_code(code)
    except fields.FieldProblem:
        return False
    return True


def _clean(values: dict[str, Any], names: tuple[str, ...], kind: str) -> dict[str, Any]:
    """Each field by the one rule the workbook reader applies too (services/fields.py); RegisterError else."""
    out: dict[str, Any] = {}
    for k in names:
        if k not in values:
            continue
        v = values[k]
        if k in ("capacity", "accessible") or not (v is None or isinstance(v, str)):
            out[k] = v
            continue
        try:
            v = fields.check_field(_TABLE[kind], k, v)
        except fields.FieldProblem as exc:
            raise _register_error(exc, k, v) from None
        out[k] = "" if v is None and k not in _NULLABLE else v
    return out


_NULLABLE = ("credit_code", "region_code", "county_code", "venue_type")


def _register_error(exc: fields.FieldProblem, key: str, value: Any) -> RegisterError:
    if key == "name" and exc.code in ("required", "too_long"):
        return RegisterError("name_required" if exc.code == "required" else "name_too_long", "name")
    if key == "city_code":
        return RegisterError("city_required", key)
    text = str(value or "").strip()
    params = {k: v for k, v in exc.params.items() if k != "field"}  # the field is RegisterError's own
    return RegisterError(exc.code, key, **{_VALUE_PARAM.get(exc.code, "value"): text, **params})


def check_organisation(session: Session, values: dict[str, Any], org_id: int | None = None) -> dict[str, Any]:
    """The cleaned values of an organisation, or RegisterError for the first problem."""
    values = _clean(values, ORG_FIELDS, "organisation")
    if "name" in values:
        other = session.scalar(
            select(Organisation.id).where(Organisation.name_key == normalise_name(values["name"]))
        )
        if other is not None and other != org_id:
            raise RegisterError("duplicate_organisation", "name", name=values["name"])
    return values


def check_venue(session: Session, values: dict[str, Any], venue_id: int | None = None) -> dict[str, Any]:
    """The cleaned values of a venue, or RegisterError for the first problem."""
    values = _clean(values, VENUE_FIELDS, "venue")
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
