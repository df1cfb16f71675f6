"""The window's daily backup: left out of the open, taken in the background, never in the way of an edit."""

from __future__ import annotations

import threading

from sqlalchemy import update

from lifelong_desktop.db import list_backups, open_database, take_daily_backup
from lifelong_desktop.models import Activity
from lifelong_desktop.ui.shell.daily_backup import DailyBackup
from tests.helpers.reliability_data import counts, populate, sound


def _with_data(path, n=300):
    db = open_database(path, backup_on_open=False)
    populate(db, n)
    db.close()
    return path


def test_a_deferred_backup_is_not_taken_by_the_open_but_by_the_window_once(qtbot, tmp_path):
    path = _with_data(tmp_path / "a.sqlite")
    db = open_database(path, defer_backup=True)
    assert db.backup_due and list_backups(path) == []
    runner = DailyBackup()
    runner.start(db)
    runner.start(db)  # a second call does nothing: one copy a day
    runner.wait()
    taken = list_backups(path)
    assert [b.reason for b in taken] == ["open"] and not db.backup_due
    sound(taken[0].path)
    again = open_database(path, defer_backup=True)
    assert not again.backup_due  # today's copy exists: nothing to do on the next launch
    again.close()
    db.close()


def test_a_network_share_style_open_keeps_the_backup_in_the_open(tmp_path):
    """With exclusive locking no other connection could read the file later: the copy is taken at once."""
    from lifelong_desktop.db.engine import network_options

    path = _with_data(tmp_path / "b.sqlite")
    db = open_database(path, defer_backup=True, options=network_options())
    assert not db.backup_due and [b.reason for b in list_backups(path)] == ["open"]
    db.close()


def test_edits_go_on_while_the_backup_is_copied(qtbot, tmp_path):
    path = _with_data(tmp_path / "c.sqlite", 3000)
    db = open_database(path, defer_backup=True)
    done = threading.Event()
    results = []

    def copy() -> None:
        results.append(take_daily_backup(db.path))
        done.set()

    thread = threading.Thread(target=copy)
    thread.start()
    edits = 0
    while not done.is_set() or edits < 5:  # writes keep committing during the copy (WAL: readers never block)
        with db.transaction("edit during backup") as s:
            s.execute(
                update(Activity).where(Activity.id == 1 + edits % 50).values(expected_participants=edits)
            )
        edits += 1
    thread.join()
    assert results == [None]
    assert counts(db)["activity"] == 3000
    sound(list_backups(path)[0].path)
    db.close()
