"""The `lifelong` help text in the user's language: argparse's English strings looked up in one catalogue
(resources/i18n/cli_help.json, both languages side by side), so every command keeps its help where it is."""

from __future__ import annotations

import argparse
import json
import re
from functools import cache
from typing import Any

from lifelong_desktop.paths import resource


@cache
def _catalogue() -> dict[str, Any]:
    with resource("i18n", "cli_help.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _lookup(lang: str) -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
    """Exact texts (either language, or an older bilingual form) to `lang`, and the patterns with {0}."""
    exact: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    for entry in _catalogue()["texts"]:
        for source in (entry["en"], entry["zh"], *entry.get("also", ())):
            if "{0}" in source:
                regex = re.compile(re.escape(source).replace(re.escape("{0}"), "(.*)"))
                patterns.append((regex, entry[lang]))
            else:
                exact[source] = entry[lang]
    return exact, patterns


def translate(text: str | None, lang: str) -> str | None:
    """A help text in `lang` (unknown texts as they are)."""
    if not text or text == argparse.SUPPRESS:
        return text
    exact, patterns = _lookup(lang)
    if text in exact:
        return exact[text]
    for regex, target in patterns:
        m = regex.fullmatch(text)
        if m:
            return target.replace("{0}", m.group(1))
    return text


class Formatter(argparse.HelpFormatter):
    """argparse's formatter with the "usage:" prefix in the user's language."""

    language = "en"

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        if prefix is None and self.language == "zh":
            prefix = _catalogue()["sections"]["usage: "]
        super().add_usage(usage, actions, groups, prefix)


def localise(parser: argparse.ArgumentParser, lang: str) -> None:
    """Every help text, description and section title of `parser` and its subcommands in `lang`."""
    sections = _catalogue()["sections"] if lang == "zh" else {}
    parser.description = translate(parser.description, lang)
    formatter = type("LocalFormatter", (Formatter,), {"language": lang})
    parser.formatter_class = formatter
    for group in parser._action_groups:
        group.title = sections.get(group.title or "", group.title)
    for action in parser._actions:
        action.help = translate(action.help, lang)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = translate(choice.help, lang)
            for sub in set(action.choices.values()):
                localise(sub, lang)
