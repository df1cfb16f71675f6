"""Every command of the window, registered once by an id: text, shortcut and tip (Picard-style registry)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

CONTEXT = "Actions"


class ActionId(Enum):
    NEW_DATABASE = auto()
    OPEN_DATABASE = auto()
    NEW_PROGRAMME = auto()
    NEW_PROGRAMME_FROM_LAST_YEAR = auto()
    IMPORT_WORKBOOK = auto()
    EXPORT_WORKBOOK = auto()
    BLANK_TEMPLATE = auto()
    PRINT_PREVIEW = auto()
    PRINT_SCHEDULE = auto()
    EXPORT_ICS = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    PASTE_ROWS = auto()
    FIND = auto()
    LANGUAGE_ZH = auto()
    LANGUAGE_EN = auto()
    CLEAR_FILTERS = auto()
    SHOW_TOOLBAR = auto()
    NEW_ACTIVITY = auto()
    EDIT_ACTIVITY = auto()
    DUPLICATE_ACTIVITY = auto()
    DELETE_ACTIVITY = auto()
    BULK_EDIT = auto()
    WEEKLY_SERIES = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str  # English source, translated in context "Actions"
    shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = ()
    tip: str = ""
    checkable: bool = False


S = QKeySequence.StandardKey
T = QT_TRANSLATE_NOOP
SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_DATABASE: ActionSpec(T(CONTEXT, "&New Database…"), ("Ctrl+Shift+N",),
                                      T(CONTEXT, "Create an empty programme database file")),
    ActionId.OPEN_DATABASE: ActionSpec(T(CONTEXT, "&Open Database…"), (S.Open,),
                                       T(CONTEXT, "Open another programme database file")),
    ActionId.NEW_PROGRAMME: ActionSpec(T(CONTEXT, "New &Programme…"), (),
                                       T(CONTEXT, "Create a programme for a region and year")),
    ActionId.NEW_PROGRAMME_FROM_LAST_YEAR: ActionSpec(
        T(CONTEXT, "New Programme from &Last Year's…"), (),
        T(CONTEXT, "Start next year's programme on the same registers, optionally copying the activities")),
    ActionId.IMPORT_WORKBOOK: ActionSpec(T(CONTEXT, "&Import Workbook…"), ("Ctrl+I",),
                                         T(CONTEXT, "Read a submission workbook, preview the changes, then apply")),
    ActionId.EXPORT_WORKBOOK: ActionSpec(T(CONTEXT, "&Export Workbook…"), ("Ctrl+E",),
                                         T(CONTEXT, "Write the standard submission workbook")),
    ActionId.BLANK_TEMPLATE: ActionSpec(T(CONTEXT, "Blank &Template…"), (),
                                        T(CONTEXT, "Write an empty workbook for a lower level to fill in")),
    ActionId.PRINT_PREVIEW: ActionSpec(T(CONTEXT, "Print Pre&view…"), ("Ctrl+Shift+P",),
                                       T(CONTEXT, "Preview the printed schedule")),
    ActionId.PRINT_SCHEDULE: ActionSpec(T(CONTEXT, "&Print Schedule…"), (S.Print,),
                                        T(CONTEXT, "Print the schedule")),
    ActionId.EXPORT_ICS: ActionSpec(T(CONTEXT, "Export i&Calendar…"), (),
                                    T(CONTEXT, "Write the programme as an iCalendar file")),
    ActionId.QUIT: ActionSpec(T(CONTEXT, "E&xit"), ("Ctrl+Q",), T(CONTEXT, "Close the window")),
    ActionId.UNDO: ActionSpec(T(CONTEXT, "&Undo"), ("Ctrl+Z",), T(CONTEXT, "Undo the last change")),
    ActionId.REDO: ActionSpec(T(CONTEXT, "&Redo"), ("Ctrl+Y", "Ctrl+Shift+Z"), T(CONTEXT, "Redo the change undone")),
    ActionId.PASTE_ROWS: ActionSpec(T(CONTEXT, "&Paste Rows from Excel…"), ("Ctrl+Shift+V",),
                                    T(CONTEXT, "Add activities from rows copied in Excel or WPS")),
    ActionId.FIND: ActionSpec(T(CONTEXT, "&Find"), (S.Find,), T(CONTEXT, "Search the activities")),
    ActionId.LANGUAGE_ZH: ActionSpec("中文", (), T(CONTEXT, "Show the window in Chinese (after restart)"), True),
    ActionId.LANGUAGE_EN: ActionSpec("English", (), T(CONTEXT, "Show the window in English (after restart)"), True),
    ActionId.CLEAR_FILTERS: ActionSpec(T(CONTEXT, "&Clear Filters"), ("Ctrl+Shift+L",),
                                       T(CONTEXT, "Show all activities again")),
    ActionId.SHOW_TOOLBAR: ActionSpec(T(CONTEXT, "&Toolbar"), (), T(CONTEXT, "Show or hide the toolbar"), True),
    ActionId.NEW_ACTIVITY: ActionSpec(T(CONTEXT, "&New Activity…"), (S.New,), T(CONTEXT, "Add an activity")),
    ActionId.EDIT_ACTIVITY: ActionSpec(T(CONTEXT, "&Edit Activity…"), ("F2",),
                                       T(CONTEXT, "Edit the selected activity")),
    ActionId.DUPLICATE_ACTIVITY: ActionSpec(T(CONTEXT, "D&uplicate"), ("Ctrl+D",),
                                            T(CONTEXT, "Copy the selected activities")),
    ActionId.DELETE_ACTIVITY: ActionSpec(T(CONTEXT, "&Delete"), (S.Delete,),
                                         T(CONTEXT, "Delete the selected activities")),
    ActionId.BULK_EDIT: ActionSpec(T(CONTEXT, "&Bulk Edit…"), ("Ctrl+B",),
                                   T(CONTEXT, "Change status, dates, venue or organisers of the selected activities")),
    ActionId.WEEKLY_SERIES: ActionSpec(T(CONTEXT, "&Weekly Series…"), ("Ctrl+Shift+R",),
                                       T(CONTEXT, "Repeat the selected activity every week on one weekday")),
    ActionId.ABOUT: ActionSpec(T(CONTEXT, "&About"), (S.HelpContents,), T(CONTEXT, "About this program")),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ActionRegistry:
    """Creates every QAction once; widgets look them up by id: `registry[ActionId.UNDO]`."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(tr(spec.text), parent)
            action.setObjectName(action_id.name.lower())
            keys = [QKeySequence(k) for k in spec.shortcuts]
            if keys:
                action.setShortcuts(keys)
            tip = tr(spec.tip) if spec.tip else ""
            if keys:
                tip = f"{tip} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setCheckable(spec.checkable)
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def __iter__(self):
        return iter(self._actions.items())
