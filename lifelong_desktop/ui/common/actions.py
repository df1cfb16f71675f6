"""Every command of the window, registered once by an id: text, shortcut and tip (Picard-style registry)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

CONTEXT = "Actions"


class ActionId(Enum):
    NEW_DATABASE = auto()
    OPEN_DATABASE = auto()
    CONNECT_OFFICE_DATABASE = auto()
    NEW_PROGRAMME = auto()
    NEW_PROGRAMME_FROM_LAST_YEAR = auto()
    PROGRAMME_SETTINGS = auto()
    IMPORT_WORKBOOK = auto()
    EXPORT_WORKBOOK = auto()
    BLANK_TEMPLATE = auto()
    PRINT_PREVIEW = auto()
    PRINT_SCHEDULE = auto()
    EXPORT_PDF = auto()
    EXPORT_ICS = auto()
    SUMMARY_REPORT = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    PASTE_ROWS = auto()
    FIND = auto()
    LANGUAGE_ZH = auto()
    LANGUAGE_EN = auto()
    CLEAR_FILTERS = auto()
    SHOW_TOOLBAR = auto()
    RESULTS_MODE = auto()
    NEW_ACTIVITY = auto()
    EDIT_ACTIVITY = auto()
    DUPLICATE_ACTIVITY = auto()
    DELETE_ACTIVITY = auto()
    BULK_EDIT = auto()
    WEEKLY_SERIES = auto()
    USER_GUIDE = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str  # English source, translated in context "Actions"
    shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = ()
    tip: str = ""
    checkable: bool = False


S = QKeySequence.StandardKey
SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_DATABASE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&New Database…"),
        ("Ctrl+Shift+N",),
        QT_TRANSLATE_NOOP("Actions", "Create an empty programme database file"),
    ),
    ActionId.OPEN_DATABASE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Open Database…"),
        (S.Open,),
        QT_TRANSLATE_NOOP("Actions", "Open another programme database file"),
    ),
    ActionId.CONNECT_OFFICE_DATABASE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Connect to Office Data&base…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Open the programme database shared on the office's PostgreSQL server"),
    ),
    ActionId.NEW_PROGRAMME: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "New &Programme…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Create a programme for a region and year"),
    ),
    ActionId.NEW_PROGRAMME_FROM_LAST_YEAR: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "New Programme from &Last Year's…"),
        (),
        QT_TRANSLATE_NOOP(
            "Actions", "Start next year's programme on the same registers, optionally copying the activities"
        ),
    ),
    ActionId.PROGRAMME_SETTINGS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Pro&gramme Settings…"),
        (),
        QT_TRANSLATE_NOOP(
            "Actions", "The submitting unit, contact, theme and dates written on every exported workbook"
        ),
    ),
    ActionId.IMPORT_WORKBOOK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Import Workbook…"),
        ("Ctrl+I",),
        QT_TRANSLATE_NOOP("Actions", "Read a submission workbook, preview the changes, then apply"),
    ),
    ActionId.EXPORT_WORKBOOK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Export Workbook…"),
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP("Actions", "Write the standard submission workbook"),
    ),
    ActionId.BLANK_TEMPLATE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Blank &Template…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Write an empty workbook for a lower level to fill in"),
    ),
    ActionId.PRINT_PREVIEW: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Print Pre&view…"),
        ("Ctrl+Shift+P",),
        QT_TRANSLATE_NOOP("Actions", "Preview the printed schedule"),
    ),
    ActionId.PRINT_SCHEDULE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Print &Schedule…"),
        (S.Print,),
        QT_TRANSLATE_NOOP("Actions", "Print the schedule"),
    ),
    ActionId.EXPORT_PDF: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export P&DF…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Write the printed schedule as a PDF file"),
    ),
    ActionId.EXPORT_ICS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export i&Calendar…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Write the programme as an iCalendar file"),
    ),
    ActionId.SUMMARY_REPORT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Week Summary Report…"),
        (),
        QT_TRANSLATE_NOOP(
            "Actions", "Write the summary (总结) of the week as an editable document with its 统计表 workbook"
        ),
    ),
    ActionId.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "E&xit"), ("Ctrl+Q",), QT_TRANSLATE_NOOP("Actions", "Close the window")
    ),
    ActionId.UNDO: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        ("Ctrl+Z",),
        QT_TRANSLATE_NOOP("Actions", "Undo the last change"),
    ),
    ActionId.REDO: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        ("Ctrl+Y", "Ctrl+Shift+Z"),
        QT_TRANSLATE_NOOP("Actions", "Redo the change undone"),
    ),
    ActionId.PASTE_ROWS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Paste Rows from Excel…"),
        ("Ctrl+Shift+V",),
        QT_TRANSLATE_NOOP("Actions", "Add activities from rows copied in Excel or WPS"),
    ),
    ActionId.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Find"),
        (S.Find,),
        QT_TRANSLATE_NOOP("Actions", "Search the activities"),
    ),
    ActionId.LANGUAGE_ZH: ActionSpec(
        "中文", (), QT_TRANSLATE_NOOP("Actions", "Show the window in Chinese (after restart)"), True
    ),
    ActionId.LANGUAGE_EN: ActionSpec(
        "English", (), QT_TRANSLATE_NOOP("Actions", "Show the window in English (after restart)"), True
    ),
    ActionId.CLEAR_FILTERS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Clear Filters"),
        ("Ctrl+Shift+L",),
        QT_TRANSLATE_NOOP("Actions", "Show all activities again"),
    ),
    ActionId.SHOW_TOOLBAR: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Toolbar"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the toolbar"),
        True,
    ),
    ActionId.RESULTS_MODE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Results Entry"),
        ("Ctrl+R",),
        QT_TRANSLATE_NOOP(
            "Actions", "Enter status, participants and a result note in the table, row after row"
        ),
        True,
    ),
    ActionId.NEW_ACTIVITY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&New Activity…"),
        (S.New,),
        QT_TRANSLATE_NOOP("Actions", "Add an activity"),
    ),
    ActionId.EDIT_ACTIVITY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Edit Activity…"),
        ("F2",),
        QT_TRANSLATE_NOOP("Actions", "Edit the selected activity"),
    ),
    ActionId.DUPLICATE_ACTIVITY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "D&uplicate"),
        ("Ctrl+D",),
        QT_TRANSLATE_NOOP("Actions", "Copy the selected activities"),
    ),
    ActionId.DELETE_ACTIVITY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Delete"),
        (S.Delete,),
        QT_TRANSLATE_NOOP("Actions", "Delete the selected activities"),
    ),
    ActionId.BULK_EDIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Bulk Edit…"),
        ("Ctrl+B",),
        QT_TRANSLATE_NOOP("Actions", "Change status, dates, venue or organisers of the selected activities"),
    ),
    ActionId.WEEKLY_SERIES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Weekly Series…"),
        ("Ctrl+Shift+R",),
        QT_TRANSLATE_NOOP("Actions", "Repeat the selected activity every week on one weekday"),
    ),
    ActionId.USER_GUIDE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&User Guide"),
        (S.HelpContents,),
        QT_TRANSLATE_NOOP("Actions", "Open the user guide at the part about what you are doing"),
    ),
    ActionId.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&About"),
        (),
        QT_TRANSLATE_NOOP("Actions", "About this program"),
    ),
}


#: the commands that change the database: greyed out, whatever else enables them, on a read-only database
WRITE_ACTIONS = (
    ActionId.NEW_PROGRAMME,
    ActionId.NEW_PROGRAMME_FROM_LAST_YEAR,
    ActionId.PROGRAMME_SETTINGS,
    ActionId.IMPORT_WORKBOOK,
    ActionId.UNDO,
    ActionId.REDO,
    ActionId.PASTE_ROWS,
    ActionId.NEW_ACTIVITY,
    ActionId.EDIT_ACTIVITY,
    ActionId.DUPLICATE_ACTIVITY,
    ActionId.DELETE_ACTIVITY,
    ActionId.BULK_EDIT,
    ActionId.WEEKLY_SERIES,
    ActionId.RESULTS_MODE,
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def button_text(text: str) -> str:
    """A menu text as a toolbar shows it: no Alt-key marks ("&Undo", "撤销(&U)") and no trailing ellipsis."""
    text = re.sub(r"\s*[(（]&[^&][)）]", "", text)
    text = re.sub(r"&(.)", r"\1", text)
    return text.removesuffix("…").removesuffix("...").strip()


class ActionRegistry:
    """Creates every QAction once; widgets look them up by id: `registry[ActionId.UNDO]`."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(tr(spec.text), parent)
            action.setIconText(button_text(action.text()))
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
        # a disabled group keeps its actions disabled whatever their own setEnabled says (selection, undo...)
        self.writes = QActionGroup(parent)
        self.writes.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        for action_id in WRITE_ACTIONS:
            self.writes.addAction(self._actions[action_id])

    def set_writable(self, writable: bool) -> None:
        """Grey out (or not) every command that changes the database."""
        self.writes.setEnabled(writable)

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def __iter__(self):
        return iter(self._actions.items())
