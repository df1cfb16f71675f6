"""Sentences for the codes the core returns, in Chinese and English (Qt-free, used by cli and ui)."""

from __future__ import annotations

import json
import os
import string
from collections.abc import Mapping
from functools import cache
from typing import Any

from lifelong_desktop.paths import resource

LANGUAGES = ("zh", "en")


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    """All message files of resources/i18n/messages merged: {code: {"zh": ..., "en": ...}}."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(resource("i18n", "messages").glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            merged.update(json.load(fh))
    return merged


def current_language() -> str:
    """The language for headless output: LIFELONG_LANG, else Chinese."""
    lang = os.environ.get("LIFELONG_LANG", "zh").lower()
    return "en" if lang.startswith("en") else "zh"


def has(code: str) -> bool:
    return code in _catalogue()


def render(code: str, lang: str | None = None, **params: Any) -> str:
    """The sentence for a code with its parameters filled in; unknown codes fall back to the code itself."""
    return render_map(code, lang or current_language(), params)


def render_map(code: str, lang: str, params: Mapping[str, Any]) -> str:
    """render(code, lang, **params) for a language given and parameters in a mapping, with the sentence
    looked up once per code and language (for callers that render thousands: `lifelong check`)."""
    text = template(code, lang)
    if text is None:
        return code + (" " + ", ".join(f"{k}={v}" for k, v in params.items()) if params else "")
    try:
        return text.format_map(params) if _PLURAL not in text else _COUNTED.vformat(text, (), params)
    except (KeyError, IndexError, ValueError):
        return text


_PLURAL = ":plural:"


class _Counted(string.Formatter):
    """str.format with one more spec, for English: `{n:plural:activity:activities}` gives "1 activity" and
    "2 activities" (the number as `{n}` gives it, then the words for one or for any other count: a verb may
    follow, as in `{n:plural:date falls:dates fall}`)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if not format_spec.startswith("plural:"):
            return super().format_field(value, format_spec)
        one, _, other = format_spec[len("plural:") :].partition(":")
        return f"{value} {one if _is_one(value) else other}"


def _is_one(value: Any) -> bool:
    if isinstance(value, str):  # a count passed as text, e.g. with thousands separators
        return value.strip() == "1"
    return not isinstance(value, bool) and value == 1


_COUNTED = _Counted()


@cache
def template(code: str, lang: str) -> str | None:
    """The sentence of a code in a language ("zh" when it has none there) before its parameters are filled
    in; None for an unknown code."""
    entry = _catalogue().get(code)
    if entry is None:
        return None
    return entry.get(lang) or entry.get("zh") or code
