"""Sentences for the codes the core returns, in Chinese and English (Qt-free, used by cli and ui)."""

from __future__ import annotations

import json
import os
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
        return text.format_map(params)
    except (KeyError, IndexError, ValueError):
        return text


@cache
def template(code: str, lang: str) -> str | None:
    """The sentence of a code in a language ("zh" when it has none there) before its parameters are filled
    in; None for an unknown code."""
    entry = _catalogue().get(code)
    if entry is None:
        return None
    return entry.get(lang) or entry.get("zh") or code
