"""`lifelong check` on the first open of the day: the day's copy is made beside the checks (a thread of its own,
sqlite3 alone, no SQLAlchemy), the findings are those of a later run, and a copy that fails is a notice on
stderr, never a failed check."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from lifelong_desktop import cli
from lifelong_desktop.db import backups

PROBE = (
    "import sys\n"
    "from lifelong_desktop import cli\n"
    "code = cli.main(sys.argv[1:])\n"
    "print('SQLALCHEMY', 'sqlalchemy' in sys.modules, code, file=sys.stderr)\n"
)


def _demo(tmp_path):
    db = tmp_path / "plan.sqlite"
    assert cli.main(["demo", "--db", str(db)]) == 0
    for copy in backups.list_backups(db):  # as on a new day: no copy taken today yet
        copy.path.unlink()
    assert backups.list_backups(db) == []
    return db


def _check(db, tmp_path):
    env = {**os.environ, "LIFELONG_DATA_DIR": str(tmp_path / "userdata"), "LIFELONG_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-c", PROBE, "check", "--db", str(db)], capture_output=True, text=True, env=env
    )


def test_the_first_check_of_the_day_makes_the_copy_beside_and_finds_the_same(tmp_path):
    db = _demo(tmp_path)
    first = _check(db, tmp_path)
    assert "SQLALCHEMY False" in first.stderr, first.stderr
    taken = backups.list_backups(db)
    assert [(b.reason, b.taken_at.date()) for b in taken] == [("open", date.today())]
    assert backups.verify_file(taken[0].path) is None  # a whole, sound copy
    again = _check(db, tmp_path)
    assert again.stdout == first.stdout and again.returncode == first.returncode
    assert len(backups.list_backups(db)) == 1  # one copy a day


def test_a_copy_that_fails_is_a_notice_and_the_check_still_answers(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LIFELONG_LANG", "en")
    db = _demo(tmp_path)
    capsys.readouterr()
    assert cli.main(["check", "--db", str(db)]) in (0, 1)
    expected = capsys.readouterr().out
    for copy in backups.list_backups(db):
        copy.path.unlink()

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "take_backup", full_disk)
    code = cli.main(["check", "--db", str(db)])
    out, err = capsys.readouterr()
    assert code in (0, 1) and out == expected
    assert "automatic backup" in err and "No space left on device" in err
    assert backups.list_backups(db) == []
