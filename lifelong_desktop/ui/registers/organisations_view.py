"""The organisation register: search (by name or pinyin), the activities of the selected one by role, edits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget

from lifelong_desktop.services import collation, registers
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.rows import OrganisationRow, organisation_rows
from lifelong_desktop.ui.common.codes import label
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.table_model import Column, RowTableModel
from lifelong_desktop.ui.common.tables import html
from lifelong_desktop.ui.registers import commands
from lifelong_desktop.ui.registers.entry_saving import EntryEdit, begin, save_entry, watch_form
from lifelong_desktop.ui.registers.merge_dialog import MergeDialog
from lifelong_desktop.ui.registers.organisation_dialog import OrganisationDialog
from lifelong_desktop.ui.registers.register_view import RegisterView


class OrganisationsView(RegisterView):
    """Register table on the left, the selected organisation's activities (主办/承办/协办) on the right."""

    kinds = frozenset({"organisations", "activities"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        role_words = {
            "host": self.tr("Host"),
            "undertaker": self.tr("Undertaker"),
            "co_organiser": self.tr("Co-organiser"),
        }
        self.role_words = role_words
        self.model = RowTableModel(
            [
                Column(self.tr("Name"), lambda r: r.name, lambda r: collation.pinyin_key(r.name)),
                Column(self.tr("Type"), lambda r: label("org_type", r.org_type)),
                Column(
                    self.tr("Region"), lambda r: regions().full_name(r.region_code) if r.region_code else ""
                ),
                Column(
                    self.tr("Activities"),
                    lambda r: str(self._counts.get(r.id, 0)),
                    lambda r: self._counts.get(r.id, 0),
                    align_right=True,
                ),
                Column(self.tr("Contact"), lambda r: r.contact_name),
                Column(self.tr("Phone"), lambda r: r.contact_phone),
            ],
            self,
        )
        self.activities = RowTableModel(
            [
                Column(
                    self.tr("Date"),
                    lambda p: _dates(p.start_date, p.end_date),
                    lambda p: (p.start_date, p.title),
                ),
                Column(self.tr("Activity"), lambda p: p.title, lambda p: collation.pinyin_key(p.title)),
                Column(
                    self.tr("Role"),
                    lambda p: role_words.get(p.role, p.role),
                    lambda p: (p.role, p.start_date),
                ),
                Column(self.tr("City"), lambda p: p.city_name, lambda p: p.city_code or ""),
                Column(self.tr("Status"), lambda p: label("status", p.status)),
            ],
            self,
        )
        self.activity_table = self._build(
            self.activities,
            labels=(self.tr("New…"), self.tr("Edit…"), self.tr("Delete"), self.tr("Merge…")),
            slots=("new_organisation", "edit_organisation", "delete_organisation", "merge_organisations"),
            search_hint=self.tr("Search by name, pinyin or initials (e.g. lnkfdx)"),
            merge_tip=self.tr("Two entries are the same body: move the activities of one to the other"),
            detail_tip=self.tr("Double-click an activity to open it"),
            widths=(240, 110, 120, 70, 80),
            detail_widths=(130, 200, 70, 70),
        )
        self.search.textChanged.connect(self._apply_search)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Organisations")

    # -- data

    def reload(self) -> None:
        keep = self.current()
        with self.ctx.db.read() as session:
            rows = organisation_rows(session)
            self._counts = (
                registers.organisation_counts(session, self.ctx.programme_id) if self.ctx.programme_id else {}
            )
        prog = self.programme()
        self._region = prog.region_code if prog else ""
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 organisations").replace("%1", str(len(rows))))
        if keep is not None:
            self.select(keep.id)
        self._show_selected()

    def _apply_search(self, text: str) -> None:
        keep = self.current()
        self.model.set_filter((lambda r: collation.matches(r.name, text)) if text.strip() else None)
        if keep is not None:
            self.select(keep.id)
        if self.current() is None and self.model.rowCount():
            self.table.selectRow(0)
        self._show_selected()

    def selected(self) -> list[OrganisationRow]:
        return [self.model.row_at(i) for i in self.table.selectionModel().selectedRows()]

    def _show_selected(self) -> None:
        self._update_buttons()
        org = self.current()
        if org is None:
            self.detail.setText(self.tr("Select an organisation to see the activities it takes part in."))
            self.activities.set_rows([])
            return
        with self.ctx.db.read() as session:
            parts = (
                registers.organisation_activities(session, self.ctx.programme_id, org.id)
                if self.ctx.programme_id
                else []
            )
        self.activities.set_rows(parts)
        roles = {r: 0 for r in self.role_words}
        for p in parts:
            roles[p.role] = roles.get(p.role, 0) + 1
        roles = {r: n for r, n in roles.items() if n}
        by_role = (
            "，".join(f"{self.role_words[r]} {n}" for r, n in roles.items()) if roles else self.tr("none")
        )
        extra = [x for x in (label("org_type", org.org_type), org.credit_code or "", org.email) if x]
        self.detail.setText(
            f"<b>{html(org.name)}</b>　{html('　'.join(extra))}<br>"
            + self.tr("Activities in this programme: %1 (%2)")
            .replace("%1", str(len({p.activity_id for p in parts})))
            .replace("%2", by_role)
        )

    def _update_buttons(self) -> None:
        n = len(self.table.selectionModel().selectedRows()) if self.table.selectionModel() else 0
        self.edit_button.setEnabled(n == 1)
        self.delete_button.setEnabled(n == 1)
        self.merge_button.setEnabled(self.model.rowCount() >= 2)
        self._sync_menu()

    def _open_activity(self, index: QModelIndex) -> None:
        part = self.activities.row_at(index)
        if part is not None:
            self.ctx.activity_requested.emit(part.activity_id)

    # -- edits

    def _validator(self, org_id: int | None):
        def validate(values: dict[str, Any]) -> None:
            with self.ctx.db.read() as session:
                registers.check_organisation(session, values, org_id)

        return validate

    def new_organisation(self) -> OrganisationDialog | None:
        if self.out_of_reach():
            return None
        dialog = OrganisationDialog(self, self._validator(None), self._region)
        if self.search.text().strip() and not self.search.text().isascii():
            dialog.name.setText(self.search.text().strip())
        self._open_dialog(
            dialog, lambda: self._finish(commands.create_organisation(self.ctx, dialog.values()))
        )
        return dialog

    def edit_organisation(self, row: Any = None, edit: EntryEdit | None = None) -> OrganisationDialog | None:
        """The form of the selected entry (or of `row`: the values typed, shown again after a refusal)."""
        if self.out_of_reach():
            return None
        org = row or self.current()
        if org is None:
            return None
        dialog = OrganisationDialog(self, self._validator(org.id), self._region, org)
        state = edit or begin(self, "organisation", org, dialog.values())
        watch_form(self, dialog, state)
        self._open_dialog(
            dialog,
            lambda: save_entry(
                self, state, dialog.values(), lambda again: self.edit_organisation(again, state)
            ),
        )
        return dialog

    def delete_organisation(self) -> bool:
        org = self.current()
        if org is None:
            return False
        return self._finish(commands.delete_organisation(self.ctx, org.id, org.name))

    def merge_organisations(self) -> MergeDialog | None:
        if self.out_of_reach():
            return None
        rows = sorted(self.model.all_rows(), key=lambda r: collation.pinyin_key(r.name))
        if len(rows) < 2:
            return None
        chosen = self.selected()
        names = {r.id: r.name for r in rows}
        entries = [(r.id, f"{r.name}（{self._counts.get(r.id, 0)}）") for r in rows]
        dialog = MergeDialog(
            self,
            self.tr("Merge organisations"),
            entries,
            self._merge_preview,
            chosen[0].id if chosen else None,
            chosen[1].id if len(chosen) > 1 else None,
        )

        def merge() -> None:
            keep, drop = dialog.ids()
            self._finish(commands.merge_organisations(self.ctx, keep, drop, names[keep], names[drop]), keep)

        self._open_dialog(dialog, merge)
        return dialog

    def _merge_preview(self, keep: int, drop: int) -> str:
        with self.ctx.db.read() as session:
            moved = registers.organisation_use_count(session, drop)
        names = {r.id: r.name for r in self.model.all_rows()}
        return (
            self.tr(
                "“%1” will be removed; the %2 activities that name it (in any programme) will name “%3” "
                "in the same role and place. This can be undone."
            )
            .replace("%1", names.get(drop, ""))
            .replace("%2", str(moved))
            .replace("%3", names.get(keep, ""))
        )


def _dates(start, end) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()} – {end:%m-%d}"
