"""The Activities view's first load takes the rows a child read while the window started (services/rows_ahead),
and they are the rows it would have read itself, in the same order; a later reload reads as before."""

from __future__ import annotations

from lifelong_desktop.db import open_database
from lifelong_desktop.services import rows_ahead
from lifelong_desktop.services.demo.create import make_demo_database
from lifelong_desktop.services.programmes import get_programme
from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.ui.activities.view import ActivitiesView
from lifelong_desktop.ui.common.context import AppContext


def test_the_first_load_takes_the_rows_read_ahead(qtbot, tmp_path, monkeypatch):
    """With the system's own child: forked on Linux, spawned on Windows (tests/unit/test_rows_ahead.py runs
    both kinds everywhere)."""
    path = tmp_path / "大计划.sqlite"
    make_demo_database(path, activities=700, seed=5)
    monkeypatch.setattr(rows_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr("lifelong_desktop.forking.spare_core", lambda own_threads=False: True)
    taken = []
    take = rows_ahead.RowsAhead.take

    def counted(self, *args):
        rows = take(self, *args)
        taken.append(rows)
        return rows

    monkeypatch.setattr(rows_ahead.RowsAhead, "take", counted)
    rows_ahead.start(path)  # as app.main does, before the window
    db = open_database(path)
    try:
        with db.read() as s:
            programme = get_programme(s).id
            expected = activity_rows(s, programme)
        view = ActivitiesView(AppContext(db, programme))
        qtbot.addWidget(view)
        assert len(taken) == 1 and taken[0] is not None and len(taken[0]) == 700
        assert list(view.model.all_rows()) == expected
        assert rows_ahead._pending is None
        view.reload()  # later loads read the database, as before
        assert len(taken) == 1 and list(view.model.all_rows()) == expected
    finally:
        rows_ahead.discard()
        db.close()
