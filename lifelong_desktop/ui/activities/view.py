"""The Activities view: search box, filter bar, the table (sorted and filtered in its model), context menu."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services import rows_ahead
from lifelong_desktop.services.collation import warm_up
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.rows import ActivityRow, activity_rows, organisation_rows
from lifelong_desktop.ui.activities import table_model as tm
from lifelong_desktop.ui.activities.edits import ActivityEditing
from lifelong_desktop.ui.activities.filter_bar import FilterBar
from lifelong_desktop.ui.activities.filtering import ActivityFilter
from lifelong_desktop.ui.activities.results import ResultsMode
from lifelong_desktop.ui.common.actions import ActionId, ActionRegistry
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.first_paint import after_next_paint

_WIDTHS = {
    tm.COL_DATE: 150,
    tm.COL_TIME: 90,
    tm.COL_TITLE: 300,
    tm.COL_TYPE: 80,
    tm.COL_LEVEL: 80,
    tm.COL_CITY: 80,
    tm.COL_COUNTY: 80,
    tm.COL_VENUE: 160,
    tm.COL_MODE: 100,
    tm.COL_HOSTS: 200,
    tm.COL_UNDERTAKERS: 200,
    tm.COL_EXPECTED: 70,
    tm.COL_STATUS: 70,
    tm.COL_FEATURED: 50,
}


def _sort_names(rows: list[ActivityRow]) -> list[str]:
    """The names the name columns sort by (cities, counties, venues, hosts, undertakers), each once."""
    return sorted(
        {n for r in rows for n in (r.city_name, r.county_name, r.venue_name, *r.hosts, *r.undertakers)}
    )


class ActivitiesView(QWidget):
    """Reads the programme's activities through services and re-reads them whenever they change."""

    counts_changed = Signal(int, int)  # shown, total
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("activities_view")
        self.filter_bar = FilterBar(self)
        self.model = tm.ActivityTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("activities_table")
        self.table.setAccessibleName(self.tr("Activities"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        # Enter or double-click: the form, or in the results mode the result cell in place
        self.table.activated.connect(lambda i: self.results.activate(i) or self.editing.edit_current())
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.table.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        # The header paints each column asking "is this whole column selected?", which Qt answers by checking
        # every selected row (1.3 s a repaint with 50,000 selected). Rows are selected, never columns: the
        # header gets a selection of its own, always empty, and answers at once.
        hh.setSelectionModel(QItemSelectionModel(self.model, hh))
        for col, width in _WIDTHS.items():
            hh.resizeSection(col, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        chain = [*self.filter_bar.tab_chain(), self.table]  # Tab: the search, every filter, then the table
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)
        self.filter_bar.search.installEventFilter(self)

        self.registry: ActionRegistry | None = None
        self.in_front = True  # set by the window: False while another tab is in front
        self._warmed = False
        self.editing = ActivityEditing(self)
        self.results = ResultsMode(self)
        #: shows one sentence to the user; tests replace it
        self.inform: Callable[[str, str], None] = lambda title, text: QMessageBox.warning(self, title, text)
        self.filter_bar.changed.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.data_changed.connect(self._data_changed)
        ctx.programme_changed.connect(self._programme_changed)
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        after_next_paint(self.table.viewport(), self.model.prepare_search, 250)  # once the table is painted

    def eventFilter(self, watched, event) -> bool:
        """In the search box, Down or Enter goes to the table and Escape clears the search."""
        from PySide6.QtCore import QEvent

        if watched is self.filter_bar.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.model.rowCount():
                self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.filter_bar.search.text():
                self.filter_bar.search.clear()
                return True
        return super().eventFilter(watched, event)

    @classmethod
    def title(cls) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ActivitiesView", "Activities")

    # ---------------------------------------------------------------- data

    def reload(self, keep_selection: bool = True, select: Iterable[int] = ()) -> None:
        """Read the rows again (one read session) and show them; selection kept by activity id."""
        keep = set(select) or (set(self.selected_ids()) if keep_selection else set())
        current = self.current_row()
        if self.ctx.programme_id is None:
            rows: list[ActivityRow] = []
        else:
            programme_id = self.ctx.programme_id
            with self.ctx.db.read() as session:
                # the first load takes the rows a child read while the window started, if they are current
                rows = rows_ahead.take(
                    self.ctx.db.path,
                    programme_id,
                    lambda after, upto: activity_rows(session, programme_id, between=(after, upto)),
                ) or activity_rows(session, programme_id)
        self.model.set_rows(rows)
        if self.isVisible():
            QTimer.singleShot(250, self.model.prepare_search)  # when idle; typing builds it earlier
        if rows and not self._warmed:
            self._warmed = True
            # after the window is up: the first sort of a name column then finds its pinyin keys ready
            after_next_paint(self.table.viewport(), lambda: warm_up(_sort_names(rows)), 1500)
        if keep:
            self.select_ids(keep, current.id if current and not select else None)
        self._counts()

    def refresh_choices(self) -> None:
        with self.ctx.db.read() as session:
            orgs = organisation_rows(session)
            from lifelong_desktop.models import Programme

            prog = session.get(Programme, self.ctx.programme_id) if self.ctx.programme_id else None
            self.filter_bar.set_year(prog.year if prog is not None else None)
        reg = regions()
        cities = []
        if prog is not None:
            region = reg.get(prog.region_code)
            cities = (
                reg.cities_of(prog.region_code)
                if region and region.level == "province"
                else ([region] if region else [])
            )
        self.filter_bar.set_choices(cities, orgs)

    def _programme_changed(self, _programme_id: int) -> None:
        self.refresh_choices()
        self.reload(keep_selection=False)

    def _data_changed(self, kinds: set) -> None:
        if "organisations" in kinds or "programme" in kinds:
            self.refresh_choices()
        if not kinds & {"activities", "organisations", "venues", "programme"}:
            return
        ids = self.ctx.changed_activity_ids
        # Re-reading rows by id costs ~0.1 ms each, all of them 1.3 s for 50,000: beyond a quarter, read all
        if ids is None or self.ctx.programme_id is None or len(ids) > max(self.model.total_count // 4, 2000):
            self.reload()
            return
        keep, current = self.selected_ids(), self.current_row()
        bars = (self.table.verticalScrollBar(), self.table.horizontalScrollBar())
        scrolled = [bar.value() for bar in bars]  # another planner's change must not move the viewer's place
        with self.ctx.db.read() as session:
            rows = activity_rows(session, self.ctx.programme_id, sorted(ids))
        self.model.apply_changes(ids, rows)
        if keep:
            self.select_ids(keep, current.id if current else None)
        self.table.updateGeometries()
        for bar, value in zip(bars, scrolled, strict=True):
            bar.setValue(value)
        self._counts()

    def set_filter(self, f: ActivityFilter) -> None:
        self.filter_bar.set_value(f)

    def _filter_changed(self, f: ActivityFilter) -> None:
        keep = self.selected_ids()
        self.model.set_filter(f)
        if keep:
            self.select_ids(keep)
        self._counts()

    def _counts(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count
        text = self.tr("%1 of %2 activities").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        self.filter_bar.count_label.setText(text)
        self.counts_changed.emit(shown, total)

    # ---------------------------------------------------------------- selection

    def selected_row_numbers(self) -> list[int]:
        """The selected rows, read from the selection's ranges: `selectedRows()` asks the model for the flags of
        every selected cell (1.3 million Python calls, 4 s, when all 50,000 activities are selected)."""
        rows: set[int] = set()
        for r in self.table.selectionModel().selection():
            rows.update(range(r.top(), r.bottom() + 1))
        return sorted(rows)

    def selected_rows(self) -> list[ActivityRow]:
        return self.model.rows_at(self.selected_row_numbers())

    def selected_ids(self) -> list[int]:
        return [r.id for r in self.selected_rows()]

    def current_row(self) -> ActivityRow | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return self.model.row_at(index.row())
        rows = self.selected_rows()
        return rows[0] if rows else None

    def select_ids(self, ids: Iterable[int], current: int | None = None) -> None:
        sel = QItemSelection()
        last = self.model.columnCount() - 1
        rows = sorted({r for r in map(self.model.row_of_id, ids) if r is not None})
        first_row = rows[0] if rows else None
        start = 0
        for i in range(1, len(rows) + 1):  # one range per run of adjacent rows, not one per row
            if i == len(rows) or rows[i] != rows[i - 1] + 1:
                sel.select(self.model.index(rows[start], 0), self.model.index(rows[i - 1], last))
                start = i
        sm = self.table.selectionModel()
        sm.select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        target = self.model.row_of_id(current) if current is not None else first_row
        if target is not None:
            sm.setCurrentIndex(
                self.model.index(target, max(self.table.currentIndex().column(), 0)),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )
            self.table.scrollTo(self.model.index(target, 0))

    def _selection_changed(self) -> None:
        self.update_actions()

    def set_in_front(self, in_front: bool) -> None:
        """The window says whether this tab is the one in front (the actions on the selection follow)."""
        self.in_front = in_front
        self.update_actions()

    def update_actions(self) -> None:
        """Enable the commands on the selection; none while another tab is in front (its Delete, F2 or Ctrl+D
        must not act on rows the user cannot see)."""
        if self.registry is None:
            return
        selection = self.table.selectionModel().selection()
        n = sum(r.height() for r in selection) if self.in_front else 0  # rows; ranges never overlap
        for aid in (ActionId.DUPLICATE_ACTIVITY, ActionId.DELETE_ACTIVITY, ActionId.BULK_EDIT):
            self.registry[aid].setEnabled(n > 0)
        for aid in (ActionId.EDIT_ACTIVITY, ActionId.WEEKLY_SERIES):
            self.registry[aid].setEnabled(n == 1)

    # ---------------------------------------------------------------- actions

    def bind_actions(self, actions: ActionRegistry) -> None:
        """Connect the window's actions to this view's commands."""
        self.registry = actions
        e = self.editing
        for aid, slot in (
            (ActionId.NEW_ACTIVITY, e.new_activity),
            (ActionId.EDIT_ACTIVITY, e.edit_current),
            (ActionId.DUPLICATE_ACTIVITY, e.duplicate_selected),
            (ActionId.DELETE_ACTIVITY, e.delete_selected),
            (ActionId.BULK_EDIT, e.bulk_edit_selected),
            (ActionId.WEEKLY_SERIES, e.weekly_series),
            (ActionId.PASTE_ROWS, e.paste_rows),
            (ActionId.CLEAR_FILTERS, self.filter_bar.clear),
        ):
            actions[aid].triggered.connect(slot)
        actions[ActionId.RESULTS_MODE].toggled.connect(self.results.set_active)
        self._selection_changed()

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def _context_menu(self, pos) -> None:
        if self.registry is None:
            return
        menu = QMenu(self)
        for aid in (
            ActionId.NEW_ACTIVITY,
            ActionId.EDIT_ACTIVITY,
            ActionId.DUPLICATE_ACTIVITY,
            ActionId.BULK_EDIT,
            ActionId.WEEKLY_SERIES,
            None,
            ActionId.PASTE_ROWS,
            ActionId.RESULTS_MODE,
            None,
            ActionId.DELETE_ACTIVITY,
        ):
            if aid is None:
                menu.addSeparator()
            else:
                menu.addAction(self.registry[aid])
        menu.popup(self.table.viewport().mapToGlobal(pos))
