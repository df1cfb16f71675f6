"""The activity form's parts that need no dialog: which tab a problem is on, the field checks, the main-venue
choices and the audiences list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from lifelong_desktop.services import planning
from lifelong_desktop.services.planning import ActivityInput
from lifelong_desktop.services.rows import ActivityRow
from lifelong_desktop.ui.common import codes


def main_venue_candidates(rows: Sequence[ActivityRow], row: ActivityRow | None) -> list[ActivityRow]:
    """Activities that can be a main venue (主会场): those that already have sub-venues, opening ceremonies,
    national and provincial ones, and the current parent; never the activity itself or a sub-venue."""
    parents = {r.parent_id for r in rows if r.parent_id is not None}
    own, current = (row.id, row.parent_id) if row else (None, None)
    return [
        r
        for r in rows
        if r.id != own
        and r.parent_id is None
        and (
            r.id in parents
            or r.id == current
            or r.activity_type == "opening_ceremony"
            or r.level in ("national", "provincial")
        )
    ]


#: the tab of the form where each problem is put right (0 basics, 1 when and where, 2 organisers, 3 participants)
_TAB_OF = {
    "title_required": 0,
    "title_too_long": 0,
    "type_required": 0,
    "level_required": 0,
    "own_parent": 0,
    "description_too_long": 0,
    "end_before_start": 1,
    "date_unreadable": 1,
    "time_unreadable": 1,
    "end_time_not_after_start": 1,
    "mode_required": 1,
    "city_required": 1,
    "venue_missing": 1,
    "url_missing": 1,
    "address_too_long": 1,
    "host_required": 2,
    "organiser_two_roles": 2,
}


def tab_of(code: str) -> int:
    return _TAB_OF.get(code, 3)


def field_problems(v: ActivityInput) -> tuple[list[str], list[str]]:
    """(errors, warnings) of the values as codes: errors keep OK disabled, warnings are only shown."""
    errors = planning.validate(v)
    for code, missing in (
        ("type_required", not v.activity_type),
        ("level_required", not v.level),
        ("mode_required", not v.mode),
        ("city_required", not v.city_code),
        ("description_too_long", len(v.description) > 500),
    ):
        if missing:
            errors.append(code)
    warnings = []
    if v.mode in ("offline", "hybrid") and v.venue_id is None and not v.address:
        warnings.append("venue_missing")
    if v.mode in ("online", "hybrid") and not v.online_url:
        warnings.append("url_missing")
    if v.actual_participants is not None and v.status != "held":
        warnings.append("actual_not_held")
    return list(dict.fromkeys(errors)), warnings


def audience_list(parent: QWidget) -> QListWidget:
    """Every audience as a check box, all in view at once in columns (Space ticks the current one)."""
    audiences = QListWidget(parent)
    for key, text in codes.items("audience"):
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        audiences.addItem(item)
    audiences.setFlow(QListWidget.Flow.LeftToRight)
    audiences.setWrapping(True)
    audiences.setResizeMode(QListWidget.ResizeMode.Adjust)
    fm = audiences.fontMetrics()
    cell = QSize(max(fm.horizontalAdvance(t) for _k, t in codes.items("audience")) + 48, fm.height() + 10)
    audiences.setGridSize(cell)
    for i in range(audiences.count()):
        audiences.item(i).setSizeHint(cell)  # the whole word, never "…"
    per_row = max(1, 460 // cell.width())  # the field is at least ~460 px wide in the 640 px dialog
    lines = -(-audiences.count() // per_row)
    audiences.setFixedHeight(lines * cell.height() + 2 * audiences.frameWidth() + 6)
    return audiences
