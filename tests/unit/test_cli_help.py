"""The `lifelong` help text speaks the user's language: Chinese by default, English with --lang en."""

from __future__ import annotations

import argparse
import re

import pytest

from lifelong_desktop.cli import build_parser, main

CJK = re.compile(r"[\u4e00-\u9fff]")


def _texts(parser: argparse.ArgumentParser, path: str = "lifelong"):
    """(where, text) of every help text and description of the parser and its subcommands."""
    if parser.description:
        yield path, parser.description
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            yield f"{path} {'/'.join(action.option_strings) or action.dest}", action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield f"{path} {choice.dest}", choice.help
            for name, sub in action.choices.items():
                yield from _texts(sub, f"{path} {name}")


def test_every_help_text_is_chinese_by_default(monkeypatch):
    monkeypatch.setenv("LIFELONG_LANG", "zh")
    english = [(where, text) for where, text in _texts(build_parser()) if not CJK.search(text)]
    assert english == [], "add these to resources/i18n/cli_help.json"


@pytest.mark.parametrize(
    ("argv", "expected", "absent"),
    [
        (
            ["programme", "set", "--help"],
            ["用法：lifelong programme set", "选项", "填报单位", "全国活动周开始日期"],
            ["show this help"],
        ),
        (
            ["--lang", "en", "programme", "set", "--help"],
            ["usage: lifelong programme set", "submitting unit"],
            ["用法", "选项"],
        ),
        (
            ["--lang", "en", "--help"],
            ["create the Liaoning 2024 demo programme", "headless commands"],
            ["创建辽宁省"],
        ),
    ],
)
def test_help_is_printed_in_the_chosen_language(argv, expected, absent, capsys, monkeypatch):
    monkeypatch.setenv("LIFELONG_LANG", "zh")
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    for text in expected:
        assert text in out
    for text in absent:
        assert text not in out
