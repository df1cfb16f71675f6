"""`lifelong import` loads the importer's modules while the reader waits for the forked safety scan's first
answer (read_workbook's while_waiting), and the read is the same with and without that work."""

from __future__ import annotations

import argparse
import os
import sys

import pytest

from lifelong_desktop.commands import validate as commands
from lifelong_desktop.submission.reading import reader, scan_ahead
from tests.helpers.hostile import mh
from tests.helpers.hostile_edits import read_outcome

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the concurrent scan needs fork")


def test_while_waiting_runs_once_before_the_reader_waits_for_the_child(tmp_path, monkeypatch):
    path = mh.build_workbook(tmp_path / "own.xlsx", activities=mh.main_and_branch())
    alone = read_outcome(reader.read_workbook(path))
    monkeypatch.setattr(scan_ahead, "MIN_BYTES", 0)
    monkeypatch.setattr(scan_ahead, "spare_core", lambda: True)
    events: list[str] = []
    early = scan_ahead.Forked.early
    monkeypatch.setattr(scan_ahead.Forked, "early", lambda self: events.append("wait") or early(self))
    result = reader.read_workbook(path, concurrent=True, while_waiting=lambda: events.append("work"))
    assert events == ["work", "wait"]
    assert read_outcome(result) == alone


def test_while_waiting_is_not_called_when_the_scan_runs_first(tmp_path, monkeypatch):
    path = mh.build_workbook(tmp_path / "own.xlsx", activities=mh.main_and_branch())
    assert path.stat().st_size < scan_ahead.MIN_BYTES  # a small file is scanned first
    called: list[int] = []
    result = reader.read_workbook(path, concurrent=True, while_waiting=lambda: called.append(1))
    assert called == [] and result.ok
    reader.read_workbook(path, while_waiting=lambda: called.append(1))
    assert called == []


def test_lifelong_import_loads_the_importer_in_the_wait(tmp_path, monkeypatch):
    path = mh.build_workbook(tmp_path / "own.xlsx", activities=mh.main_and_branch())
    seen: dict[str, object] = {}
    read = reader.read_workbook

    def spy(*args, **kwargs):
        seen["hook"] = kwargs.get("while_waiting")
        return read(*args, **kwargs)

    monkeypatch.setattr(reader, "read_workbook", spy)
    args = argparse.Namespace(
        file=path, db=tmp_path / "new.sqlite", year=None, dry_run=False, prune=False, json=True
    )
    assert commands.run_import(args) == 0
    hook = seen["hook"]
    assert callable(hook)
    name = "lifelong_desktop.submission.importing.importer"
    monkeypatch.delitem(sys.modules, name)
    hook()
    assert name in sys.modules
    hook.close()  # it started reading the stored rows of the database just written, for nothing
