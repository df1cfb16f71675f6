"""Words for the format's codes in the window: the format's Chinese labels, or English names in English."""

from __future__ import annotations

import json
from functools import cache

from lifelong_desktop.paths import resource
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.ui.common.language import window_language


@cache
def english() -> dict[str, dict[str, str]]:
    """English words for code keys (resources/i18n/codes_en.json); Chinese ones are the format's labels."""
    with resource("i18n", "codes_en.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def label(code_list: str, key: str | None) -> str:
    """The word for a code key in the window's language ('' for none)."""
    if not key:
        return ""
    if window_language() == "en":
        word = english().get(code_list, {}).get(key)
        if word:
            return word
    return load_format().label_of(code_list, key)


def items(code_list: str) -> list[tuple[str, str]]:
    """(key, word) pairs of a code list in the format's order."""
    return [(item.key, label(code_list, item.key)) for item in load_format().code_lists[code_list]]
