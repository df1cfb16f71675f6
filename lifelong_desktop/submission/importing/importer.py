"""Importing a submission workbook into the database (format section 11a): plan first, then all or nothing.

Python API (the UI preview and `lifelong import` use the same calls):

    plan = plan_import(session, path_or_result, year=None, file_name=None) -> ImportPlan
        Reads the workbook (unless given a ReadResult) and works out, without writing, what an import
        would do: `plan.kind` ("new_programme", "own", "return" or "same"), `plan.counts`
        {new, updated, unchanged, missing}, per-activity lists `plan.new`, `plan.updated`,
        `plan.unchanged`, `plan.missing`, `plan.kept` (ActivityChange with uid and title) and
        `plan.findings` (reader findings plus stale_submission, region_outside_scope,
        missing_in_resubmission, local_edit_newer, duplicate_id ...). `plan.ok` is False on any error.

    outcome = apply_import(db, path, year=None, prune=False, dry_run=False) -> ImportOutcome
        Reads, plans and applies in ONE db.transaction: on any error nothing is written
        (`outcome.applied` is False). A dry run applies the same plan and rolls back, so its counts and
        findings are exactly those of the real import. `prune=True` deletes the missing activities.

Activities are matched by activity_id; in a resubmission, blank-id rows by normalised title, start
date and city. Organisations are matched by credit code, then normalised name; venues by normalised
name and city; names the database lacks are created (organisations with type `other` unless 单位
lists them). Returns of lower levels (and a same-region workbook under another submission_id) are
recorded as Submission rows with a content hash; the programme's own workbook (its submission_uid)
updates activities unless the database changed them after the workbook's data_as_of.

Writes are bulk statements of plain tuples, run by a thread on the transaction's connection while the next
ones are worked out (importing/writer; 20,000 activities in under a second); `lifelong import` reads a
resubmission's stored rows while the workbook is read (importing/ahead, `stored=`); audit entries
(services.audit.record): one summary entry for the activities an import creates, one entry per updated
activity with the changed fields before and after, one per pruned activity, one per organisation or
venue created or filled in; the programme and the Submission row are audited by the ORM as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop.db import Database
from lifelong_desktop.models import Programme, Submission
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.submission.findings import ERROR, WARNING
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.importing.apply import execute
from lifelong_desktop.submission.importing.copies import CopiesFirst
from lifelong_desktop.submission.importing.match import absent_fields, match_activities
from lifelong_desktop.submission.importing.plan import (
    ActivityChange,
    ImportOutcome,
    ImportPlan,
    activity_finding,
    header_finding,
)
from lifelong_desktop.submission.importing.registers import resolve_registers
from lifelong_desktop.submission.model import content_hash
from lifelong_desktop.submission.reading.reader import ReadResult, paused_gc, read_workbook

StoredRows = Callable[[int], list[ActivityRow] | None]  # a programme's stored rows read ahead, or None


def plan_import(
    session: Session,
    source: Path | str | ReadResult,
    *,
    year: int | None = None,
    file_name: str | None = None,
    stored: StoredRows | None = None,
) -> ImportPlan:
    """What importing the workbook would do, without writing anything (see the module docstring); `stored`
    may give the programme's stored rows read ahead (match_activities)."""
    result = source if isinstance(source, ReadResult) else read_workbook(source, year_hint=year)
    name = file_name or (result.path.name if result.path else "")
    plan = ImportPlan(result, list(result.findings), file_name=name)
    if not result.ok:
        return plan
    header = result.data.header
    plan.year = header["year"]
    if year is not None and year != plan.year:
        header_finding(plan, ERROR, "year_mismatch", "year", year=plan.year, programme_year=year)
        return plan
    programme = session.scalars(select(Programme).where(Programme.year == plan.year)).first()
    if programme is None:
        plan.kind = "new_programme"
        plan.new = [
            ActivityChange(r.get("activity_id") or "", r["title"], i, None, r.get("start_date"))
            for i, r in enumerate(result.data.activities)
        ]
        plan.registers = resolve_registers(session, result.data, own=True)
        return plan
    plan.programme_id = programme.id
    if not regions().is_inside(header["region_code"], programme.region_code):
        header_finding(
            plan,
            ERROR,
            "region_outside_scope",
            "region_code",
            value=header["region_code"],
        )
        return plan
    own = header["submission_id"] == programme.submission_uid
    if not own:
        plan.hash = content_hash(result.data)  # only returns are recorded with their hash
    if not own and not _seq_rules(session, plan, programme):
        return plan
    if plan.kind == "same":
        plan.unchanged = [
            ActivityChange(r.get("activity_id") or "", r["title"], i, None, r.get("start_date"))
            for i, r in enumerate(result.data.activities)
        ]
        return plan
    plan.kind = "own" if own else "return"
    plan.registers = resolve_registers(session, result.data, own=own)
    match_activities(session, plan, programme, own, stored)
    _absent_columns_kept(plan)
    return plan


def _absent_columns_kept(plan: ImportPlan) -> None:
    """One warning per optional column the workbook lacks, when stored activities keep their values for it."""
    if not (plan.updated or plan.unchanged or plan.kept):
        return
    absent = absent_fields(plan)
    for column in load_format().tables["activities"].columns:
        if column.key in absent:
            activity_finding(plan, WARNING, "column_absent_kept", None, column.key)


def _seq_rules(session: Session, plan: ImportPlan, programme: Programme) -> bool:
    """A return already imported: a higher seq applies, the same seq and content is a no-op, else stale."""
    header = plan.result.data.header
    prior = session.execute(
        select(Submission.id, Submission.seq, Submission.content_hash)
        .where(Submission.programme_id == programme.id, Submission.submission_uid == header["submission_id"])
        .order_by(Submission.seq, Submission.id)
    ).all()
    plan.prior_submission_ids = [r[0] for r in prior]
    if not prior:
        return True
    latest_seq, latest_hash = prior[-1][1], prior[-1][2]
    seq = header["submission_seq"]
    if seq > latest_seq:
        return True
    if seq == latest_seq and plan.hash == latest_hash:
        plan.kind = "same"
        return True
    header_finding(plan, ERROR, "stale_submission", "submission_seq", seq=seq, latest=latest_seq)
    return False


def apply_import(
    db: Database,
    path: Path | str | ReadResult,
    *,
    year: int | None = None,
    prune: bool = False,
    dry_run: bool = False,
    file_name: str | None = None,
    stored: StoredRows | None = None,
) -> ImportOutcome:
    """Read, plan and apply one workbook in one transaction (nothing is written on any error)."""
    result = path if isinstance(path, ReadResult) else read_workbook(path, year_hint=year)
    if not result.ok:
        return ImportOutcome(ImportPlan(result, list(result.findings)), applied=False, dry_run=dry_run)
    outcome: ImportOutcome | None = None
    # a consistent copy first (a new, empty database has nothing to lose) of the state the transaction starts
    # from, made while the plan is worked out; wait() raises DatabaseProblem when none could be made, before
    # anything is written
    copies = CopiesFirst(db, before_import=not dry_run and _holds_a_programme(db))
    copies.start()
    try:
        with (
            paused_gc(),
            db.transaction(f"导入 {file_name or (result.path.name if result.path else '')}") as session,
        ):
            try:
                session.connection()  # BEGIN IMMEDIATE: no one else commits until the import is done
                copies.began()
                plan = plan_import(session, result, year=year, file_name=file_name, stored=stored)
            finally:
                copies.wait()
            outcome = ImportOutcome(plan, applied=False, dry_run=dry_run, programme_id=plan.programme_id)
            if not plan.ok:
                raise _Rollback
            if plan.kind != "same":
                execute(session, plan, outcome, prune=prune)
            if prune and plan.missing:  # their warnings say they go, not that they are kept
                plan.findings[:] = [
                    replace(f, params={**f.params, "kind": "pruned"})
                    if f.code == "missing_in_resubmission"
                    else f
                    for f in plan.findings
                ]
            outcome.applied = not dry_run
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    finally:
        copies.wait()  # already done unless the transaction could not begin
    assert outcome is not None
    return outcome


def _holds_a_programme(db: Database) -> bool:
    with db.read() as session:
        return session.scalar(select(Programme.id).limit(1)) is not None


class _Rollback(Exception):
    """Leave the transaction without committing (errors found, or a dry run)."""
