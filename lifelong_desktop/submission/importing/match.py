"""Matching a workbook's activities to the database's: new, updated, unchanged, missing, kept (planning only)."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy.orm import Session

from lifelong_desktop.models import ROLE_FIELDS, Programme
from lifelong_desktop.services.rows import ActivityRow, activity_rows
from lifelong_desktop.submission.findings import ERROR, WARNING
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.importing.plan import ActivityChange, ImportPlan, activity_finding
from lifelong_desktop.submission.importing.registers import venue_key
from lifelong_desktop.submission.values import normalised

SCALARS = (
    "title",
    "activity_type",
    "level",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "mode",
    "city_code",
    "county_code",
    "address",
    "online_url",
    "expected_participants",
    "actual_participants",
    "online_participants",
    "status",
    "featured",
    "contact_name",
    "contact_phone",
    "description",
)
TEXT_DEFAULTS = {"address": "", "online_url": "", "contact_name": "", "contact_phone": "", "description": ""}
NEVER_KEPT = ("activity_id", "updated_at")  # identity and the exporter's stamp: nothing stored to keep
_ROW_SCALARS, _DB_SCALARS = itemgetter(*SCALARS), attrgetter(*SCALARS)
_VALUE_KEYS = (*SCALARS, "audiences")  # the columns of activity_values, in order


def absent_fields(plan: ImportPlan) -> frozenset[str]:
    """Activity fields whose column the workbook lacks: an import keeps what is stored for them."""
    present = plan.result.columns.get("activities", {})
    table = load_format().tables["activities"]
    return frozenset(c.key for c in table.columns if c.key not in present and c.key not in NEVER_KEPT)


def activity_values(
    row: dict[str, Any], db: ActivityRow | None = None, absent: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """A workbook activity as database column values (blank text as '', audiences joined by ';').

    A field in `absent` (its column is not in the workbook) keeps the stored value of `db`, unless the row
    has a value for it all the same (an end time given by a `9:00-11:30` start time).
    """
    values = dict(zip(_VALUE_KEYS, _incoming(row), strict=True))
    if db is not None and absent:
        stored = _db_values(db)
        for key in absent:
            if key in values and row.get(key) is None:
                values[key] = stored[key]
    return values


def activity_columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """activity_values(row) of every row, column by column (name -> the rows' values, in that order)."""
    if not rows:
        return {key: [] for key in _VALUE_KEYS}
    return {
        key: list(column)
        for key, column in zip(_VALUE_KEYS, zip(*map(_incoming, rows), strict=True), strict=True)
    }


def _db_values(r: ActivityRow) -> dict[str, Any]:
    return dict(zip(_VALUE_KEYS, _stored(r), strict=True))


_ROLE_IDS = [
    (key, f"{role.value}_ids") for role, key in ROLE_FIELDS.items()
]  # (workbook key, ActivityRow field)


def differences(
    plan: ImportPlan, row: dict[str, Any], db: ActivityRow, absent: frozenset[str] | None = None
) -> dict[str, tuple[Any, Any]]:
    """{field: (database value, workbook value)} for what the workbook would change (absent columns: nothing).

    absent: absent_fields(plan), when the caller compares many rows and has worked it out once.
    """
    reg = plan.registers
    assert reg is not None
    if absent is None:
        absent = absent_fields(plan)
    new = activity_values(row, db, absent)
    old = _db_values(db)
    out = {k: (old[k], new[k]) for k in new if old[k] != new[k]}
    vkey = venue_key(row)
    venue_id = reg.venue_of.get(vkey) if vkey else None
    if "venue" not in absent and (venue_id != db.venue_id or (vkey is not None and venue_id is None)):
        out["venue_id"] = (db.venue_id, venue_id)
    if "parent_id" not in absent and (row.get("parent_id") or None) != db.parent_uid:
        out["parent"] = (db.parent_uid, row.get("parent_id"))
    for key, stored in _ROLE_IDS:
        if key in absent:
            continue
        ids = organisation_ids(plan, row.get(key))
        current = getattr(db, stored)
        if None in ids or ids != current:
            out[key] = (current, ids)
    return out


_TEXT_AT = tuple(SCALARS.index(k) for k in TEXT_DEFAULTS)
_STATUS_AT, _FEATURED_AT = SCALARS.index("status"), SCALARS.index("featured")


def _incoming(row: dict[str, Any]) -> list[Any]:
    """A workbook row's column values in the order of _VALUE_KEYS (blank text as '', no status as planned,
    audiences joined by ';'): activity_values, activity_columns and _same all take them from here."""
    try:
        values = list(_ROW_SCALARS(row))  # a typed row has every key
    except KeyError:
        values = [row.get(k) for k in SCALARS]
    for at in _TEXT_AT:
        if values[at] is None:
            values[at] = ""
    values[_STATUS_AT] = values[_STATUS_AT] or "planned"
    values[_FEATURED_AT] = bool(values[_FEATURED_AT])
    values.append(";".join(row.get("audiences") or ()))
    return values


def _stored(db: ActivityRow) -> list[Any]:
    """_db_values(db) as a list in the order of _incoming."""
    values = list(_DB_SCALARS(db))
    values[_FEATURED_AT] = bool(values[_FEATURED_AT])
    values.append(";".join(db.audiences))
    return values


def _same(
    row: dict[str, Any],
    db: ActivityRow,
    ids_of: Callable[[Any], tuple[int | None, ...]],
    venue_of: Callable[[dict[str, Any]], tuple[int | None, bool]],
) -> bool:
    """True exactly when differences(plan, row, db, frozenset()) is empty (all columns present), compared as
    plain lists without building the dictionaries of a difference: a resubmission is mostly unchanged rows."""
    if _incoming(row) != _stored(db):
        return False
    venue_id, named = venue_of(row)
    if venue_id != db.venue_id or (named and venue_id is None):
        return False
    if (row.get("parent_id") or None) != db.parent_uid:
        return False
    for key, stored in _ROLE_IDS:
        ids = ids_of(row.get(key))
        if None in ids or ids != getattr(db, stored):
            return False
    return True


def ids_memo(plan: ImportPlan) -> Callable[[Any], tuple[int | None, ...]]:
    """organisation_ids of the plan, each distinct tuple of names worked out once (the registers are fixed
    while matching)."""
    memo: dict[Any, tuple[int | None, ...]] = {}

    def ids_of(names: Any) -> tuple[int | None, ...]:
        hit = memo.get(names)
        if hit is None:
            hit = memo[names] = organisation_ids(plan, names)
        return hit

    return ids_of


def organisation_ids(plan: ImportPlan, names: tuple[str, ...] | None) -> tuple[int | None, ...]:
    """The organisation ids of one role's names, in order, each once (None for one still to be created)."""
    reg = plan.registers
    assert reg is not None
    ids = [reg.org_of.get(normalised(n)) for n in names or ()]
    if None in ids:
        return tuple(ids)
    return tuple(dict.fromkeys(ids))


def _key(title: str | None, start: Any, city: str | None) -> tuple[str, Any, str | None]:
    return normalised(title), start, city


def match_activities(
    session: Session,
    plan: ImportPlan,
    programme: Programme,
    own: bool,
    stored: Callable[[int], list[ActivityRow] | None] | None = None,
) -> None:
    """Fill plan.new/updated/unchanged/kept/missing and their findings; `stored(programme_id)` may give the
    programme's rows as they are now (read ahead), else they are read here."""
    rows = (stored(programme.id) if stored else None) or activity_rows(session, programme.id)
    plan.db_rows = {r.id: r for r in rows}
    prior = set(plan.prior_submission_ids)
    candidates = {r.id: r for r in rows if own or r.source_submission_id in prior}
    as_of = plan.result.data.header.get("data_as_of")
    matched: set[int] = set()
    found_db = _by_id(plan, {r.uid: r for r in rows}, candidates, matched)
    absent = absent_fields(plan)
    _by_title(plan, candidates, matched, found_db)
    same = _sameness(plan, absent)
    for i, row in enumerate(plan.result.data.activities):
        uid = row.get("activity_id")
        if uid and i not in found_db:
            continue  # refused by _by_id
        _classify(plan, i, row, found_db.get(i), own and as_of is not None and as_of, absent, same)
    for r in candidates.values():
        if r.id in matched:
            continue
        if own and as_of is not None and r.updated_at is not None and r.updated_at > as_of:
            continue  # created or changed here after the export: not missing from the workbook
        plan.missing.append(ActivityChange(r.uid, r.title, None, r.id, r.start_date))
        activity_finding(
            plan, WARNING, "missing_in_resubmission", None, "activity_id", title=r.title, uid=r.uid
        )


def _by_id(
    plan: ImportPlan, by_uid: dict[str, ActivityRow], candidates: dict[int, ActivityRow], matched: set[int]
) -> dict[int, ActivityRow | None]:
    """Workbook rows that name an id, first (so that a blank-id row cannot take an activity a row names):
    the stored activity, None for a new id, refused (duplicate_id) when it is another's."""
    found_db: dict[int, ActivityRow | None] = {}
    for i, row in enumerate(plan.result.data.activities):
        uid = row.get("activity_id")
        if not uid:
            continue
        found = by_uid.get(uid)
        if found is not None and found.id not in candidates:
            activity_finding(plan, ERROR, "duplicate_id", i, "activity_id", value=uid)
            continue
        found_db[i] = found
        if found is not None:
            matched.add(found.id)
    return found_db


def _by_title(
    plan: ImportPlan,
    candidates: dict[int, ActivityRow],
    matched: set[int],
    found_db: dict[int, ActivityRow | None],
) -> None:
    """Blank-id rows matched by normalised title, start date and city (own workbooks too: a merged
    workbook, ids blank, re-imported)."""
    blank = [i for i, row in enumerate(plan.result.data.activities) if not row.get("activity_id")]
    if not blank:  # every row names its activity (an export): no stored title to normalise
        return
    by_key: dict[tuple, list[int]] = {}
    for r in candidates.values():
        by_key.setdefault(_key(r.title, r.start_date, r.city_code), []).append(r.id)
    if not by_key:
        return
    acts = plan.result.data.activities
    for i in blank:
        row = acts[i]
        for cid in by_key.get(_key(row.get("title"), row.get("start_date"), row.get("city_code")), []):
            if cid not in matched:
                found_db[i] = candidates[cid]
                matched.add(cid)
                break


def _sameness(plan: ImportPlan, absent: frozenset[str]) -> Callable[[dict[str, Any], ActivityRow], bool]:
    """The fast test of an unchanged row, for a workbook with every column; one that never answers yes
    otherwise (rows without every key, or absent columns: differences() decides alone)."""
    if absent:
        return lambda row, db: False
    ids_of = ids_memo(plan)
    reg = plan.registers
    assert reg is not None
    venues: dict[tuple[Any, Any], tuple[int | None, bool]] = {}

    def venue_of(row: dict[str, Any]) -> tuple[int | None, bool]:
        """The row's venue id and whether it names one, each (name, city) looked up once."""
        at = (row.get("venue"), row.get("city_code"))
        hit = venues.get(at)
        if hit is None:
            vkey = venue_key(row)
            hit = venues[at] = (reg.venue_of.get(vkey) if vkey else None, vkey is not None)
        return hit

    def same(row: dict[str, Any], db: ActivityRow) -> bool:
        try:
            return _same(row, db, ids_of, venue_of)
        except KeyError:  # a row without one of the SCALARS: differences() reads it with get()
            return False

    return same


def _classify(
    plan: ImportPlan,
    i: int,
    row: dict[str, Any],
    db: ActivityRow | None,
    as_of: Any,
    absent: frozenset[str],
    same: Callable[[dict[str, Any], ActivityRow], bool],
) -> None:
    """New, unchanged, updated, or kept (an own workbook older than an edit made here since, `as_of`)."""
    change = ActivityChange(
        row.get("activity_id") or (db.uid if db else ""),
        row["title"],
        i,
        db.id if db else None,
        row.get("start_date"),
    )
    if db is None:
        plan.new.append(change)
        return
    diff = {} if same(row, db) else differences(plan, row, db, absent)
    if not diff:
        plan.unchanged.append(change)
    elif as_of and db.updated_at is not None and db.updated_at > as_of:
        plan.kept.append(change)
        activity_finding(plan, WARNING, "local_edit_newer", i, "activity_id", title=db.title)
    else:
        plan.updated.append(change)
        plan.diffs[db.id] = diff
