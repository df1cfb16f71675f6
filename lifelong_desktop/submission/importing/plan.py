"""What an import would do, worked out before anything is written: the plan, its outcome and its findings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.submission.findings import ERROR, Finding, exit_code
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.importing.registers import Registers
from lifelong_desktop.submission.reading.reader import ReadResult


@dataclass(frozen=True, slots=True)
class ActivityChange:
    """One activity of a plan: its workbook row (index into data.activities) and/or its database row."""

    uid: str
    title: str
    index: int | None = None  # row of the workbook's activities, None for a missing one
    db_id: int | None = None  # database id, None for a new one
    start_date: Any = None


@dataclass
class ImportPlan:
    result: ReadResult
    findings: list[Finding]
    kind: str = ""  # new_programme, own, return, same; "" when refused
    programme_id: int | None = None
    year: int | None = None
    file_name: str = ""
    hash: str = ""
    new: list[ActivityChange] = field(default_factory=list)
    updated: list[ActivityChange] = field(default_factory=list)
    unchanged: list[ActivityChange] = field(default_factory=list)
    missing: list[ActivityChange] = field(default_factory=list)
    kept: list[ActivityChange] = field(default_factory=list)  # local_edit_newer: counted as unchanged
    prior_submission_ids: list[int] = field(default_factory=list)
    diffs: dict[int, dict[str, tuple[Any, Any]]] = field(default_factory=dict)  # db id -> {field: (old, new)}
    registers: Registers | None = None
    db_rows: dict[int, ActivityRow] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(f.severity == ERROR for f in self.findings)

    @property
    def exit_code(self) -> int:
        return exit_code(self.findings)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.new),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged) + len(self.kept),
            "missing": len(self.missing),
        }


@dataclass
class ImportOutcome:
    plan: ImportPlan
    applied: bool
    dry_run: bool = False
    pruned: int = 0
    programme_id: int | None = None
    submission_id: int | None = None

    @property
    def findings(self) -> list[Finding]:
        return self.plan.findings

    @property
    def counts(self) -> dict[str, int]:
        return self.plan.counts

    @property
    def exit_code(self) -> int:
        return self.plan.exit_code


def header_finding(plan: ImportPlan, severity: str, code: str, key: str, **params: Any) -> None:
    fmt = load_format()
    plan.findings.append(
        Finding(
            severity,
            code,
            sheet=fmt.header_sheet,
            cell=plan.result.header_cells.get(key, ""),
            key=key,
            params={"label": fmt.header_field(key).label, "value": "", **params},
        )
    )


def activity_finding(
    plan: ImportPlan, severity: str, code: str, index: int | None, key: str, **params: Any
) -> None:
    cell = plan.result.cell("activities", index, key) if index is not None else ""
    table = load_format().tables["activities"]
    plan.findings.append(
        Finding(
            severity,
            code,
            sheet=table.sheet,
            cell=cell,
            key=key,
            params={"label": table.column(key).label, "value": "", **params},
        )
    )


# ---------------------------------------------------------------- the plan row by row (the preview's table)

#: what happens to one row: it has an error; it is new, changes (updated), stays (unchanged), is kept because
#: it was edited here after the workbook's data (kept), is only in the database (missing), or is correct in
#: a workbook refused for errors elsewhere (valid)
ROW_OUTCOMES = ("error", "new", "updated", "unchanged", "kept", "missing", "valid")
_ROW_NUMBER = re.compile(r"[A-Z]+(\d+)")


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One activity of the preview: its workbook row (None for one missing from the workbook), what would
    happen to it, the fields that would change ({key: (database value, workbook value)}) and the findings at
    its cells."""

    outcome: str
    title: str
    sheet_row: int | None = None  # the row number in the workbook's 活动 sheet
    index: int | None = None  # into result.data.activities
    db_id: int | None = None
    start_date: Any = None
    city_code: str | None = None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()


def _findings_by_row(plan: ImportPlan) -> dict[int, list[Finding]]:
    sheet = load_format().tables["activities"].sheet
    by_row: dict[int, list[Finding]] = {}
    for f in plan.findings:
        found = _ROW_NUMBER.fullmatch(f.cell) if f.sheet == sheet and f.cell else None
        if found:
            by_row.setdefault(int(found.group(1)), []).append(f)
    return by_row


def plan_rows(plan: ImportPlan) -> list[PlanRow]:
    """Every activity row of the workbook in sheet order with its outcome, then those missing from it."""
    acts = plan.result.data.activities
    numbers = plan.result.data.rows.get("activities", [])
    by_row = _findings_by_row(plan)
    outcome_of: dict[int, tuple[str, ActivityChange]] = {}
    for name in ("new", "updated", "unchanged", "kept"):
        for change in getattr(plan, name):
            if change.index is not None:
                outcome_of[change.index] = (name, change)
    rows: list[PlanRow] = []
    for i, values in enumerate(acts):
        number = numbers[i] if i < len(numbers) else None
        found = tuple(by_row.get(number, ())) if number is not None else ()
        name, change = outcome_of.get(i, ("", None))
        if any(f.severity == ERROR for f in found):
            name = "error"
        elif not name:
            name = "valid" if not plan.ok else "unchanged"
        db_id = change.db_id if change is not None else None
        rows.append(
            PlanRow(
                name,
                values.get("title") or "",
                number,
                i,
                db_id,
                values.get("start_date"),
                values.get("city_code"),
                plan.diffs.get(db_id, {}) if name == "updated" and db_id is not None else {},
                found,
            )
        )
    for change in plan.missing:
        db_row = plan.db_rows.get(change.db_id) if change.db_id is not None else None
        rows.append(
            PlanRow(
                "missing",
                change.title,
                db_id=change.db_id,
                start_date=change.start_date,
                city_code=db_row.city_code if db_row else None,
            )
        )
    return rows
