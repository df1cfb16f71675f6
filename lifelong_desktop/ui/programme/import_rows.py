"""The import preview's table of rows: each activity of the workbook with what the import would do to it,
the fields it would change (before → after) or the problems at its cells; then the activities missing from
the workbook. A table model over the plan's rows, texts made only for the rows on screen (20,000 rows open
at once)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from lifelong_desktop.models import ROLE_FIELDS
from lifelong_desktop.services.regions import regions
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.importing.plan import ImportPlan, PlanRow, plan_rows
from lifelong_desktop.ui.common import codes
from lifelong_desktop.ui.common.language import joined, message_language
from lifelong_desktop.ui.common.table_model import Column, RowTableModel

COL_ROW, COL_OUTCOME, COL_TITLE, COL_DATE, COL_CITY, COL_DETAIL = range(6)
ROLE_KEYS = frozenset(ROLE_FIELDS.values())
COLOURS = {
    "error": "#b00020",
    "new": "#1b5e20",
    "updated": "#0d47a1",
    "kept": "#8a5a00",
    "missing": "#8a5a00",
}


def outcome_word(outcome: str, prune: bool = False) -> str:
    words = {
        "error": QCoreApplication.translate("ImportRows", "Error"),
        "new": QCoreApplication.translate("ImportRows", "New"),
        "updated": QCoreApplication.translate("ImportRows", "Updated"),
        "unchanged": QCoreApplication.translate("ImportRows", "Unchanged"),
        "kept": QCoreApplication.translate("ImportRows", "Kept (edited here later)"),
        "missing": QCoreApplication.translate("ImportRows", "Deleted")
        if prune
        else QCoreApplication.translate("ImportRows", "Not in the workbook"),
        "valid": QCoreApplication.translate("ImportRows", "No problem"),
    }
    return words.get(outcome, outcome)


def shown(key: str, value: Any) -> str:
    """A field's value as the preview shows it: dates, times, code words, region names, name lists."""
    if value is None or value == "" or value == ():
        return QCoreApplication.translate("ImportRows", "(blank)")
    column = _columns().get(key)
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ImportRows", "yes")
            if value
            else QCoreApplication.translate("ImportRows", "no")
        )
    if isinstance(value, datetime | date):
        return value.isoformat()[:10] if not isinstance(value, datetime) else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, tuple | list):
        return joined(str(v) for v in value)
    if column is not None and column.code_list and key != "audiences":
        return codes.label(column.code_list, str(value))
    if key in ("city_code", "county_code"):
        return regions().name(str(value)) or str(value)
    return str(value)


def _columns() -> dict[str, Any]:
    return {c.key: c for c in load_format().tables["activities"].columns}


def _label(key: str) -> str:
    column = _columns().get({"venue_id": "venue", "parent": "parent_id"}.get(key, key))
    return column.label if column is not None else key


class ImportRowsModel(RowTableModel):
    """PlanRows in, the preview's cells out; `set_prune` turns "not in the workbook" into "deleted"."""

    def __init__(self, plan: ImportPlan, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("ImportRows", "Row"),
                    lambda r: str(r.sheet_row) if r.sheet_row else "—",
                    lambda r: r.sheet_row or 0,
                    True,
                ),
                Column(
                    QCoreApplication.translate("ImportRows", "Result"),
                    lambda r: outcome_word(r.outcome, self.prune),
                ),
                Column(QCoreApplication.translate("ImportRows", "Activity"), lambda r: r.title),
                Column(
                    QCoreApplication.translate("ImportRows", "Start date"),
                    lambda r: shown("start_date", r.start_date),
                ),
                Column(
                    QCoreApplication.translate("ImportRows", "City"),
                    lambda r: regions().name(r.city_code) if r.city_code else "",
                ),
                Column(
                    QCoreApplication.translate("ImportRows", "What changes or what is wrong"),
                    self.detail,
                    tooltip=self.detail,
                ),
            ],
            parent,
        )
        self.plan = plan
        self.prune = False
        self._details: dict[int, str] = {}
        self.decorate = self._colour
        self.set_rows(plan_rows(plan))

    def set_prune(self, prune: bool) -> None:
        self.prune = prune
        self._details.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, COL_OUTCOME), self.index(self.rowCount() - 1, COL_DETAIL))

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.all_rows():
            out[row.outcome] = out.get(row.outcome, 0) + 1
        return out

    def show_only(self, outcome: str | None) -> None:
        self.set_filter(None if not outcome else (lambda r: r.outcome == outcome))

    def detail(self, row: PlanRow) -> str:
        key = id(row)
        if key not in self._details:
            self._details[key] = self._detail(row)
        return self._details[key]

    def _detail(self, row: PlanRow) -> str:
        lang = message_language()
        if row.findings:  # errors first: the table's cell shows the first line
            found = sorted(row.findings, key=lambda f: f.severity != "error")
            return "\n".join(f"{f.cell}：{f.message(lang)}" for f in found)
        if row.outcome == "updated":
            return "；".join(
                f"{_label(k)}：{self._before(row, k, old)} → {self._after(row, k, new)}"
                for k, (old, new) in row.changes.items()
            )
        if row.outcome == "missing":
            return (
                QCoreApplication.translate("ImportRows", "Deleted by this import.")
                if self.prune
                else QCoreApplication.translate("ImportRows", "Kept; tick the box below to delete it.")
            )
        return ""

    def _before(self, row: PlanRow, key: str, value: Any) -> str:
        db_row = self.plan.db_rows.get(row.db_id) if row.db_id is not None else None
        if db_row is not None and key in ROLE_KEYS:
            return shown(key, getattr(db_row, key))
        if db_row is not None and key == "venue_id":
            return shown(key, db_row.venue_name)
        return shown(key, value)

    def _after(self, row: PlanRow, key: str, value: Any) -> str:
        values = self.plan.result.data.activities[row.index] if row.index is not None else {}
        if key in ROLE_KEYS:
            return shown(key, values.get(key))
        if key == "venue_id":
            return shown(key, values.get("venue"))
        return shown(key, value)

    def _colour(self, row: PlanRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_OUTCOME, COL_DETAIL):
            warned = column == COL_DETAIL and row.findings and row.outcome != "error"
            colour = COLOURS["kept"] if warned else COLOURS.get(row.outcome)  # a warning reads as one
            return QBrush(QColor(colour)) if colour else None
        return None
