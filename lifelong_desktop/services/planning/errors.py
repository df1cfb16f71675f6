"""The refusals of planning edits: PlanningError (a code) and EditConflict (changed elsewhere)."""

from __future__ import annotations

from lifelong_desktop.services.rows import ActivityRow


class PlanningError(ValueError):
    """An edit the domain refuses; `code` is a stable key the UI turns into a sentence."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


class EditConflict(Exception):
    """The activity was changed (or deleted) elsewhere since it was read; `current` is the other side's row."""

    def __init__(self, activity_id: int, current: ActivityRow | None) -> None:
        self.activity_id = activity_id
        self.current = current
        super().__init__(f"activity {activity_id} changed elsewhere")

    @property
    def deleted(self) -> bool:
        return self.current is None
