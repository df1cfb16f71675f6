"""The window's pinyin keys come from a short-lived child process: the same keys as computed in process, the
window never importing pypinyin (its phrase table), and the in-process keys again whenever the child fails."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from lifelong_desktop import forking
from lifelong_desktop.services import collation, pinyin_child
from lifelong_desktop.services.demo.create import build_specs
from tests.helpers.spawned import no_tracker_left


@pytest.fixture(autouse=True, scope="module")
def _no_tracker_left():
    with no_tracker_left():
        yield


TRICKY = [
    "重庆市",
    "长春市",
    "朝阳市",
    "朝阳区图书馆",
    "北京市朝阳区社区学院",
    "长江路重庆银行",
    "重复学习中心",
    "银行",
    "ＡＢＣ社区学校",  # full width
    "ＴＥＳＴ　１２３",
    "UOS 麒麟 Linux 学习坊",
    "iPhone摄影课",
    "  沈阳  老年大学 ",
    "蚌埠六安丽水台州",
    "乐亭县",
    "𠀀𠀁字",  # outside the basic plane
    "",
    "α β γ",
    "…—·",
]


def _demo_names() -> list[str]:
    registers, _specs, _orgs, _venues = build_specs()
    return sorted({*registers.organisations, *(v.name for v in registers.venues)})


def test_child_keys_and_character_table_are_the_in_process_ones():
    names = _demo_names() + TRICKY
    assert len(names) > 1000
    helper = pinyin_child.Helper(collation._answer)
    try:
        from_child = helper.ask(("names", names))
        chars = helper.ask(("chars", None))
    finally:
        helper.close()
    assert helper.started == 1 and not helper.failed
    assert from_child == [collation._phrase_key(collation.normalise_name(n)) for n in names]
    assert chars == collation._pypinyin_chars()
    assert len(chars) > 40_000


WINDOW = """
import json, sys
from lifelong_desktop.services import collation as c
if sys.argv[1] == "child":
    c.use_helper_process()
names = json.loads(sys.argv[2])
out = {
    "sorted": sorted(names, key=c.pinyin_key),
    "titles": sorted(names, key=c.title_key),
    "search": [n for n in names if c.matches(n, "cys")],
}
c.warm_up(names + ["重庆大学城", "长春图书馆"]).join()
out["keys"] = {n: c.name_key(n) for n in names}
out["pypinyin"] = sorted(m for m in sys.modules if m.startswith("pypinyin"))
print(json.dumps(out, ensure_ascii=False))
"""


def _window_like(mode: str, names: list[str], data) -> dict:
    data.mkdir()
    env = {**os.environ, "LIFELONG_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-c", WINDOW, mode, json.dumps(names, ensure_ascii=False)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return {**json.loads(done.stdout), "cache": json.loads((data / "pinyin-keys.json").read_text("utf-8"))}


def test_a_first_run_with_the_child_never_imports_pypinyin_and_sorts_alike(tmp_path):
    names = _demo_names()[::7] + TRICKY
    child = _window_like("child", names, tmp_path / "child")
    here = _window_like("here", names, tmp_path / "here")
    assert child["pypinyin"] == [], "the process loaded pypinyin (and its phrase table)"
    assert here["pypinyin"], "the in-process run should have needed pypinyin"
    for what in ("sorted", "titles", "search", "keys", "cache"):
        assert child[what] == here[what], what
    assert child["sorted"].index("长春市") < child["sorted"].index("朝阳市") < child["sorted"].index("重庆市")


def test_a_killed_child_is_replaced():
    helper = pinyin_child.Helper(collation._answer)
    try:
        assert helper.ask(("names", ["重庆"])) == ["chong2 qing4 "]
        os.kill(helper._proc.pid, signal.SIGKILL)
        helper._proc.join(5)
        assert helper.ask(("names", ["长春"])) == ["chang2 chun1 "]
        assert helper.started == 2 and not helper.failed
    finally:
        helper.close()


def test_a_child_that_always_dies_gives_way_to_in_process_keys(tmp_path):
    names = ["重庆市测试中心", "长春市测试中心", "朝阳市测试中心"]
    expected = [collation._phrase_key(collation.normalise_name(n)) for n in names]
    collation._helper = pinyin_child.Helper(sys.exit)  # the child exits on its first request
    try:
        assert [collation.name_key(n) for n in names] == expected
        assert collation._helper.failed and collation._helper.started == 2
    finally:
        collation.use_helper_process(False)


def test_a_handler_error_is_reported_not_raised():
    helper = pinyin_child.Helper(collation._answer)
    try:
        assert helper.ask(("names", "not a list")) is None
        assert helper.failed
    finally:
        helper.close()


def test_a_frozen_app_without_freeze_support_never_starts_a_child(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(forking, "_frozen_ready", False)
    helper = pinyin_child.Helper(collation._answer)
    assert helper.ask(("names", ["重庆"])) is None and helper.started == 0
    monkeypatch.setattr(forking, "_frozen_ready", True)
    assert not pinyin_child.Helper(collation._answer).failed


@pytest.mark.parametrize("entry", ["lifelong-desktop.py", "lifelong.py"])
def test_bundle_entry_scripts_call_freeze_support_first(entry):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "packaging" / "bundle" / entry).read_text("utf-8")
    guarded = text.split('if __name__ == "__main__":', 1)[1]
    assert guarded.lstrip().startswith("freeze_support()")
