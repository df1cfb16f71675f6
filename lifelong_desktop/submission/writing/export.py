"""Exporting a programme from the database as the standard submission workbook (seq raised on every export)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from lifelong_desktop.models import Programme
from lifelong_desktop.services.checks.runner import PlanWindow, check_rows, run_checks
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.rows import (
    ActivityRow,
    OrganisationRow,
    VenueRow,
    activity_rows,
    organisation_rows,
    venue_rows,
)
from lifelong_desktop.submission.findings import Finding
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.writing.output import atomic_file
from lifelong_desktop.submission.writing.readiness import ExportRefused, export_blockers
from lifelong_desktop.submission.writing.template import region_choices
from lifelong_desktop.submission.writing.writer import check_table_rows, generator, write_package


@dataclass(frozen=True)
class ExportResult:
    """What one export wrote."""

    path: Path
    submission_id: str
    submission_seq: int
    activities: int
    organisations: int
    venues: int
    data_as_of: datetime
    programme_id: int
    window: tuple[date | None, date | None] = (None, None)
    rows: tuple[ActivityRow, ...] = field(
        default=(), repr=False, compare=False
    )  # as exported, for the checks


def _blank(value: Any) -> Any:
    return None if value == "" else value


def activity_record(r: ActivityRow) -> dict[str, Any]:
    """One 活动 row keyed by the format's keys, typed as WorkbookData says."""
    return {
        "activity_id": r.uid,
        "title": r.title,
        "activity_type": r.activity_type,
        "level": r.level,
        "parent_id": r.parent_uid,
        "start_date": r.start_date,
        "start_time": r.start_time,
        "end_date": r.end_date,
        "end_time": r.end_time,
        "mode": r.mode,
        "city_code": r.city_code,
        "county_code": r.county_code,
        "venue": _blank(r.venue_name),
        "address": _blank(r.address),
        "online_url": _blank(r.online_url),
        "hosts": r.hosts,
        "undertakers": r.undertakers,
        "co_organisers": r.co_organisers,
        "audiences": r.audiences,
        "expected_participants": r.expected_participants,
        "actual_participants": r.actual_participants,
        "online_participants": r.online_participants,
        "status": r.status,
        "featured": r.featured,
        "contact_name": _blank(r.contact_name),
        "contact_phone": _blank(r.contact_phone),
        "description": _blank(r.description),
        "updated_at": r.updated_at.replace(microsecond=0) if r.updated_at else None,
    }


def organisation_record(o: OrganisationRow) -> dict[str, Any]:
    return {
        "name": o.name,
        "org_type": o.org_type,
        "credit_code": _blank(o.credit_code),
        "region_code": _blank(o.region_code),
        "contact_name": _blank(o.contact_name),
        "contact_phone": _blank(o.contact_phone),
        "email": _blank(o.email),
    }


def venue_record(v: VenueRow) -> dict[str, Any]:
    return {
        "name": v.name,
        "city_code": v.city_code,
        "county_code": _blank(v.county_code),
        "address": _blank(v.address),
        "venue_type": v.venue_type,
        "capacity": v.capacity,
        "accessible": v.accessible,
        "contact_name": _blank(v.contact_name),
        "contact_phone": _blank(v.contact_phone),
    }


def programme_header(p: Programme, seq: int, as_of: datetime) -> dict[str, Any]:
    """The 填报信息 values of a programme's export."""
    fmt = load_format()
    return {
        "format": fmt.name,
        "format_version": fmt.version,
        "scope": regions().scope_of(p.region_code) or "province",
        "region_code": p.region_code,
        "region_name": p.region_name or regions().name(p.region_code),
        "year": p.year,
        "theme": _blank(p.theme),
        "window_start": p.window_start,
        "window_end": p.window_end,
        "submitting_unit": _blank(p.submitting_unit),
        "contact_name": _blank(p.contact_name),
        "contact_phone": _blank(p.contact_phone),
        "submission_id": p.submission_uid,
        "submission_seq": seq,
        "data_as_of": as_of,
        "generator": generator(),
    }


def workbook_data(
    session: Session, p: Programme, seq: int, as_of: datetime, rows: list[ActivityRow] | None = None
) -> WorkbookData:
    """The programme as workbook values: activities in format order, the organisations and venues they use."""
    rows = activity_rows(session, p.id) if rows is None else rows
    org_ids: set[int] = set()
    venue_ids: set[int] = set()
    for r in rows:
        org_ids.update(r.host_ids, r.undertaker_ids, r.co_organiser_ids)
        if r.venue_id is not None:
            venue_ids.add(r.venue_id)
    activities = [activity_record(r) for r in rows]
    uids = {r.uid for r in rows}
    for a in (
        activities
    ):  # a main venue outside the workbook cannot be named (format: parent in the same workbook)
        if a["parent_id"] is not None and a["parent_id"] not in uids:
            a["parent_id"] = None
    return WorkbookData(
        header=programme_header(p, seq, as_of),
        activities=activities,
        organisations=[organisation_record(o) for o in organisation_rows(session) if o.id in org_ids],
        venues=[venue_record(v) for v in venue_rows(session) if v.id in venue_ids],
    )


def export_programme(
    session: Session,
    p: Programme,
    path: Path | str,
    *,
    verify: Callable[[Path], list[Finding]] | None = None,
    record: bool = True,
    database: Path | None = None,
) -> ExportResult:
    """Write the programme's workbook and, only once the file is in place, record seq + 1 and the export time.

    Call inside one write transaction (`db.transaction`): the programme is updated and flushed before the
    file is renamed into place, so a failed rename rolls the database back and a failed write leaves both
    the old file and the old seq. Raises ExportRefused, writing nothing, when the settings or activities
    lack what the format requires, or when `verify` (the app's own reader: submission.reading.errors.errors_in)
    finds an error in the file just written, before it replaces the target. With record=False (a read-only
    database) the workbook carries the seq the export would have recorded and nothing is written to the
    database. `database`: the open file, which the workbook may never replace.
    """
    as_of = datetime.now().replace(microsecond=0)
    seq = (p.submission_seq or 0) + 1
    rows = activity_rows(session, p.id)
    blockers = export_blockers(p, rows)
    if blockers is not None:
        raise blockers
    data = workbook_data(session, p, seq, as_of, rows)
    check_table_rows(data, path)
    with atomic_file(path, database=database) as tmp:
        write_package(data, tmp, region_choices=region_choices(p.region_code))
        errors = verify(tmp) if verify is not None else []
        if errors:
            raise ExportRefused(findings=errors)
        if record:
            p.submission_seq = seq
            p.last_exported_at = as_of
            session.flush()
        target = Path(path).expanduser().absolute()
    return ExportResult(
        target,
        p.submission_uid,
        seq,
        len(data.activities),
        len(data.organisations),
        len(data.venues),
        as_of,
        p.id,
        (p.window_start, p.window_end),
        tuple(rows),
    )


def check_error_count(session: Session, result: ExportResult) -> int:
    """How many error-level planning-check findings the exported plan has (run over the rows just exported)."""
    if result.rows:
        findings = check_rows(list(result.rows), PlanWindow(*result.window), today=date.today())
    else:
        findings = run_checks(session, result.programme_id)
    return sum(1 for f in findings if f.severity == "error")
