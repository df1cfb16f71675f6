"""What an import would do, worked out before anything is written: the plan, its outcome and its findings."""

from __future__ import annotations

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
