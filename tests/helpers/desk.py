"""The Activities view driven as a user would: its actions, what it told the user, scripted dialogs."""

from __future__ import annotations

from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.ui.activities.view import ActivitiesView
from lifelong_desktop.ui.common.actions import ActionRegistry
from lifelong_desktop.ui.common.context import AppContext


class Desk:
    """The view with its actions, a record of what it told the user, and scripted dialogs."""

    def __init__(self, qtbot, db, plan):
        self.db, self.plan = db, plan
        self.ctx = AppContext(db, plan["programme"])
        self.view = ActivitiesView(self.ctx)
        qtbot.addWidget(self.view)
        self.registry = ActionRegistry(self.view)
        self.view.bind_actions(self.registry)
        self.told: list[str] = []
        self.view.inform = lambda title, text: self.told.append(text)
        self.script = None
        self.view.ctx.run_dialog = self._run

    def _run(self, dialog) -> bool:
        assert self.script is not None, f"unexpected dialog {dialog.windowTitle()}"
        script, self.script = self.script, None
        return script(dialog)

    def select_titles(self, *titles):
        ids = [r.id for r in self.view.model.all_rows() if r.title in titles]
        self.view.select_ids(ids)
        return ids

    def rows(self):
        with self.db.read() as s:
            return {r.title: r for r in activity_rows(s, self.plan["programme"])}


def plan_window(qtbot, db, plan):
    """The main window on a plan (tests.helpers.activity_plan), with `told` recording what the Activities
    view told the user."""
    from lifelong_desktop.ui.shell import settings as S
    from lifelong_desktop.ui.shell.main_window import MainWindow

    w = MainWindow(AppContext(db, plan["programme"]), S.Settings())
    qtbot.addWidget(w)
    w.told = []
    w.activities.inform = lambda title, text: w.told.append(text)
    return w
