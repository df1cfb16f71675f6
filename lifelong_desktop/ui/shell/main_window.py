"""The main window: menus, toolbar, status bar and the views; commands live in the registry and the views."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMessageBox, QTabWidget, QToolBar, QWidget

from lifelong_desktop import __version__
from lifelong_desktop.services.programmes import list_programmes
from lifelong_desktop.ui.activities.filtering import ActivityFilter
from lifelong_desktop.ui.activities.view import ActivitiesView
from lifelong_desktop.ui.common import undo as undo_base
from lifelong_desktop.ui.common.actions import ActionId, ActionRegistry, button_text
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.help.guide import guide_for_active_window
from lifelong_desktop.ui.programme.file_actions import FileActions
from lifelong_desktop.ui.registers.new_organisation import organisation_creator
from lifelong_desktop.ui.registers.new_venue import venue_creator
from lifelong_desktop.ui.shell import settings as S
from lifelong_desktop.ui.shell.collaboration import Collaboration
from lifelong_desktop.ui.shell.views import VIEWS, Unbuilt, show_view, view_at

FRAME_ALLOWANCE = QSize(16, 40)


class MainWindow(QMainWindow):
    """One window on one database (AppContext); File > Open asks the application to switch."""

    open_requested = Signal(str)  # a database path the user chose

    def __init__(
        self,
        ctx: AppContext,
        settings: S.Settings,
        parent: QWidget | None = None,
        *,
        views_later: bool = False,
    ) -> None:
        """`views_later`: the views after Activities are built by build_views() or when first shown."""
        super().__init__(parent)
        self.ctx, self.settings = ctx, settings
        self.setObjectName("main_window")
        self.registry = ActionRegistry(self)
        self.registry.set_writable(not ctx.read_only)  # the banner says why
        self.activities = ActivitiesView(ctx, self)
        self.activities.bind_actions(self.registry)
        self.activities.editing.create_organisation = organisation_creator(ctx)
        self.activities.editing.create_venue = venue_creator(ctx)
        ctx.loaded_rows = self.activities.model.all_rows  # the Calendar and Checks share them
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.activities, ActivitiesView.title())
        for view in VIEWS:
            self.tabs.addTab(Unbuilt(view, self), view.title())
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._view_at)  # a tab shown before its view was built: built now
        self.tabs.currentChanged.connect(
            lambda _i: self.activities.set_in_front(self.tabs.currentWidget() is self.activities)
        )
        self.registry[ActionId.FIND].triggered.connect(self._find)
        self.files = FileActions(self)
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.collaboration = Collaboration(self, ctx)
        self._wire_undo()
        self._wire_language()
        self.activities.counts_changed.connect(self._show_counts)
        self.activities.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        ctx.data_changed.connect(self._data_changed)
        ctx.programme_changed.connect(self._programme_changed)
        ctx.activity_requested.connect(self.open_activity)
        self.registry[ActionId.QUIT].triggered.connect(self.close)
        self.registry[ActionId.ABOUT].triggered.connect(self._about)
        self.registry[ActionId.USER_GUIDE].triggered.connect(
            lambda: guide_for_active_window(self, self.tabs.currentWidget())
        )
        undo_base.error_handler.append(self._command_failed)
        self._refresh_programmes()
        self.activities.refresh_choices()
        self._restore()
        if not views_later:
            self.build_views()

    @property
    def views(self) -> list[QWidget]:
        return self.build_views()

    def build_views(self) -> list[QWidget]:
        """Every view in tab order, those not built yet built now (the start's call: once the front tab paints)."""
        return [self._view_at(i) for i in range(self.tabs.count())]

    def show_view(self, name: str) -> QWidget | None:
        """Bring the view of class `name` to the front (built if it was not); None if there is none."""
        return show_view(self.tabs, name)

    def _view_at(self, index: int) -> QWidget:
        return view_at(self.tabs, index, lambda cls: cls(self.ctx, self))

    def _find(self) -> None:
        """Ctrl+F: the search box of the tab in front, else the activities' (the tab comes to the front)."""
        if not hasattr(self.tabs.currentWidget(), "focus_search"):
            self.tabs.setCurrentWidget(self.activities)
        self.tabs.currentWidget().focus_search()

    # ---------------------------------------------------------------- building

    def _build_menus(self) -> None:
        a, bar = self.registry, self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for aid in (ActionId.NEW_DATABASE, ActionId.OPEN_DATABASE, ActionId.CONNECT_OFFICE_DATABASE):
            file_menu.addAction(a[aid])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        for aid in (
            ActionId.NEW_PROGRAMME,
            ActionId.NEW_PROGRAMME_FROM_LAST_YEAR,
            ActionId.PROGRAMME_SETTINGS,
            None,
            ActionId.IMPORT_WORKBOOK,
            ActionId.EXPORT_WORKBOOK,
            ActionId.BLANK_TEMPLATE,
            None,
            ActionId.PRINT_PREVIEW,
            ActionId.PRINT_SCHEDULE,
            ActionId.EXPORT_PDF,
            ActionId.EXPORT_ICS,
            None,
            ActionId.SUMMARY_REPORT,
            None,
            ActionId.QUIT,
        ):
            file_menu.addSeparator() if aid is None else file_menu.addAction(a[aid])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for aid in (ActionId.UNDO, ActionId.REDO, None, ActionId.PASTE_ROWS, ActionId.FIND):
            edit_menu.addSeparator() if aid is None else edit_menu.addAction(a[aid])
        edit_menu.addSeparator()
        language = edit_menu.addMenu(self.tr("&Language"))
        language.addAction(a[ActionId.LANGUAGE_ZH])
        language.addAction(a[ActionId.LANGUAGE_EN])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(a[ActionId.SHOW_TOOLBAR])
        view_menu.addAction(a[ActionId.CLEAR_FILTERS])
        view_menu.addAction(a[ActionId.RESULTS_MODE])
        view_menu.addSeparator()
        for i in range(self.tabs.count()):
            act = QAction(f"&{i + 1} {self.tabs.tabText(i)}" if i < 9 else self.tabs.tabText(i), self)
            if i < 9:
                act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _c=False, n=i: self.tabs.setCurrentIndex(n))
            view_menu.addAction(act)
        act_menu = bar.addMenu(self.tr("&Activities"))
        for aid in (
            ActionId.NEW_ACTIVITY,
            ActionId.EDIT_ACTIVITY,
            ActionId.DUPLICATE_ACTIVITY,
            ActionId.BULK_EDIT,
            ActionId.WEEKLY_SERIES,
            None,
            ActionId.DELETE_ACTIVITY,
        ):
            act_menu.addSeparator() if aid is None else act_menu.addAction(a[aid])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(a[ActionId.USER_GUIDE])
        help_menu.addAction(a[ActionId.ABOUT])

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main toolbar"), self)
        tb.setObjectName("main_toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.programme_combo = QComboBox(tb)
        self.programme_combo.setAccessibleName(self.tr("Programme year"))
        self.programme_combo.setToolTip(self.tr("Programme shown"))
        # as wide as its longest name, also for programmes made later (the first of a new database)
        self.programme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.programme_combo.activated.connect(self._programme_picked)
        tb.addWidget(self.programme_combo)
        tb.addSeparator()
        for aid in (
            ActionId.NEW_ACTIVITY,
            ActionId.EDIT_ACTIVITY,
            ActionId.DUPLICATE_ACTIVITY,
            ActionId.DELETE_ACTIVITY,
            ActionId.RESULTS_MODE,
            None,
            ActionId.UNDO,
            ActionId.REDO,
            None,
            ActionId.IMPORT_WORKBOOK,
            ActionId.EXPORT_WORKBOOK,
            ActionId.PRINT_PREVIEW,
        ):
            tb.addSeparator() if aid is None else tb.addAction(self.registry[aid])
        self.addToolBar(tb)
        self.toolbar = tb
        show = self.registry[ActionId.SHOW_TOOLBAR]
        show.setChecked(True)
        show.toggled.connect(tb.setVisible)
        tb.visibilityChanged.connect(show.setChecked)

    def _build_status_bar(self) -> None:
        self.programme_label = QLabel(self)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.programme_label)
        self.statusBar().addPermanentWidget(self.count_label)

    def _wire_undo(self) -> None:
        stack = self.ctx.undo_stack
        undo, redo = self.registry[ActionId.UNDO], self.registry[ActionId.REDO]
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        self._base_undo, self._base_redo = undo.text(), redo.text()
        self._base_tips = {ActionId.UNDO: undo.toolTip(), ActionId.REDO: redo.toolTip()}
        stack.undoTextChanged.connect(self._undo_text)  # methods, so Qt drops them with this window
        stack.redoTextChanged.connect(self._redo_text)

    def _undo_text(self, text: str) -> None:
        self._step_text(ActionId.UNDO, self._base_undo, text)

    def _redo_text(self, text: str) -> None:
        self._step_text(ActionId.REDO, self._base_redo, text)

    def _step_text(self, aid: ActionId, base: str, text: str) -> None:
        """The menu says what Undo/Redo will do; the toolbar button keeps its short word, its tip says it all."""
        action = self.registry[aid]
        action.setText(f"{base} {text}".strip())
        action.setIconText(button_text(base))
        action.setToolTip(f"{button_text(base)} {text}" if text else self._base_tips[aid])

    def _wire_language(self) -> None:
        zh, en = self.registry[ActionId.LANGUAGE_ZH], self.registry[ActionId.LANGUAGE_EN]
        current = self.settings.get(S.LANGUAGE)
        zh.setChecked(current != "en")
        en.setChecked(current == "en")
        zh.triggered.connect(lambda: self._set_language("zh_CN"))
        en.triggered.connect(lambda: self._set_language("en"))

    # ---------------------------------------------------------------- behaviour

    def _set_language(self, language: str) -> None:
        self.settings.set(S.LANGUAGE, language)
        self.registry[ActionId.LANGUAGE_ZH].setChecked(language != "en")
        self.registry[ActionId.LANGUAGE_EN].setChecked(language == "en")
        self.statusBar().showMessage(self.tr("The language changes the next time the program starts."), 8000)

    def _refresh_programmes(self) -> None:
        with self.ctx.db.read() as session:
            programmes = list_programmes(session)
        self.programme_combo.clear()
        for p in programmes:
            self.programme_combo.addItem(
                self.tr("%1 %2").replace("%1", p.region_name).replace("%2", str(p.year)), p.id
            )
        index = self.programme_combo.findData(self.ctx.programme_id)
        self.programme_combo.setCurrentIndex(index)
        current = next((p for p in programmes if p.id == self.ctx.programme_id), None)
        has = current is not None
        for aid in (
            ActionId.NEW_ACTIVITY,
            ActionId.PASTE_ROWS,
            ActionId.EXPORT_WORKBOOK,
            ActionId.IMPORT_WORKBOOK,
            ActionId.PRINT_PREVIEW,
            ActionId.PRINT_SCHEDULE,
            ActionId.EXPORT_PDF,
            ActionId.EXPORT_ICS,
            ActionId.NEW_PROGRAMME_FROM_LAST_YEAR,
            ActionId.RESULTS_MODE,
        ):
            self.registry[aid].setEnabled(has)
        self.files.update_availability()
        self.programme_label.setText(
            self.tr("%1 %2 programme").replace("%1", current.region_name).replace("%2", str(current.year))
            if current
            else self.tr("No programme yet: File > New Programme")
        )
        # Qt adds the application's display name (全民终身学习活动周) after this
        self.setWindowTitle(f"{self.programme_label.text()} — {self.ctx.db.name}")
        self.setWindowFilePath(self.ctx.db.url or str(self.ctx.path))

    def open_activity(self, activity_id: int) -> None:
        """Another view (the calendar, a register) asked for an activity: open its form over that view, and
        leave the user there when it closes; the Activities table selects it meanwhile."""
        view = self.activities
        if view.model.row_of_id(activity_id) is None:
            view.filter_bar.clear()  # it was filtered out
        if view.model.row_of_id(activity_id) is None:
            return
        asking = self.focusWidget()
        view.select_ids([activity_id], activity_id)
        view.editing.edit_current()
        if asking is not None and asking.isVisible():
            asking.setFocus()  # back where Enter was pressed, so the keyboard carries on there

    def _programme_changed(self, _programme_id: int) -> None:
        self._refresh_programmes()

    def _programme_picked(self, index: int) -> None:
        pid = self.programme_combo.itemData(index)
        if pid is not None and pid != self.ctx.programme_id:
            self.ctx.set_programme(pid)

    def _data_changed(self, kinds: set) -> None:
        if "programme" in kinds:
            self._refresh_programmes()

    def _show_counts(self, shown: int, total: int) -> None:
        self.count_label.setText(
            self.tr("Shown %1 of %2").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        )

    def _command_failed(self, exc: Exception) -> None:
        from lifelong_desktop.ui.activities.edits import error_sentence

        self.activities.inform(self.tr("Not saved"), error_sentence(exc))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get(S.RECENT_FILES)
        for i, path in enumerate(recent):
            act = self.recent_menu.addAction(f"&{i + 1} {path}")
            act.triggered.connect(lambda _c=False, p=path: self.open_requested.emit(p))
        self.recent_menu.setEnabled(True)
        if not recent:
            act = self.recent_menu.addAction(self.tr("(none)"))
            act.setEnabled(False)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "lifelong-desktop %1\nPlans the National Lifelong Learning Activity Week programme offline."
            ).replace("%1", __version__),
        )

    # ---------------------------------------------------------------- remembering

    def _restore(self) -> None:
        s = self.settings
        geometry = s.qbytes(S.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.fit_screen()
        state = s.qbytes(S.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        header = s.qbytes(S.ACTIVITY_HEADER)
        if not header.isEmpty():
            self.activities.table.horizontalHeader().restoreState(header)
        self.activities.results.apply_columns()  # a layout saved in the results mode shows the plan's columns
        sort = s.get(S.ACTIVITY_SORT)
        if len(sort) == 2:
            self.activities.table.sortByColumn(int(sort[0]), Qt.SortOrder(int(sort[1])))
        self.activities.set_filter(ActivityFilter.from_dict(s.get(S.ACTIVITY_FILTERS)))
        self.tabs.setCurrentIndex(min(max(s.get(S.CURRENT_VIEW), 0), self.tabs.count() - 1))

    def fit_screen(self) -> None:
        """A window (saved or default size) that the screen cannot hold whole opens maximised: at 1366x768 the
        status bar and the last buttons stay reachable."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        frame = FRAME_ALLOWANCE  # the title bar and borders the window manager adds around the window
        if self.width() + frame.width() > room.width() or self.height() + frame.height() > room.height():
            # the size too, for a desktop whose window manager does not maximise (and for un-maximising)
            self.resize(
                min(self.width(), room.width() - frame.width()),
                min(self.height(), room.height() - frame.height()),
            )
            self.move(room.topLeft())
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_layout(self) -> None:
        s = self.settings
        s.set(S.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        s.set(S.WINDOW_STATE, bytes(self.saveState().data()))
        header = self.activities.table.horizontalHeader()
        s.set(S.ACTIVITY_HEADER, bytes(header.saveState().data()))
        sort = self.activities.model.sort_state
        s.set(S.ACTIVITY_SORT, [sort[0], sort[1].value] if sort else [])
        s.set(S.ACTIVITY_FILTERS, self.activities.filter_bar.value().to_dict())
        s.set(S.CURRENT_VIEW, self.tabs.currentIndex())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.collaboration.stop()
        if self._command_failed in undo_base.error_handler:
            undo_base.error_handler.remove(self._command_failed)
        super().closeEvent(event)
