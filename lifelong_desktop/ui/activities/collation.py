"""Chinese sort keys in pinyin order: accurate (pypinyin phrases) for register names, fast for titles."""

from __future__ import annotations

import unicodedata
from functools import cache

_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_name_keys: dict[str, str] = {}
#: place names that pypinyin's phrase list reads otherwise (朝阳 is zhāoyáng, "morning sun", there)
PLACE_READINGS = {
    "朝阳": ["cháo", "yáng"], "蚌埠": ["bèng", "bù"], "六安": ["lù", "ān"], "丽水": ["lí", "shuǐ"],
    "台州": ["tāi", "zhōu"], "番禺": ["pān", "yú"], "洪洞": ["hóng", "tóng"], "乐亭": ["lào", "tíng"],
    "铅山": ["yán", "shān"], "东阿": ["dōng", "ē"], "莘县": ["shēn", "xiàn"], "单县": ["shàn", "xiàn"],
}
_title_keys: dict[str, str] = {}


def _syllable(reading: str) -> str:
    """`zhōng` -> `zhong1 `: letters, tone digit, then a space so shorter syllables sort first."""
    base, tone = [], "5"
    for ch in unicodedata.normalize("NFD", reading):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch == "\u0308":
            base.append("v")  # ü
        else:
            base.append(ch)
    text = "".join(base).replace("uv", "v")
    return text + tone + " "


@cache
def _char_table() -> dict[int, str]:
    """Each Han character's most common reading (pypinyin's single-character dictionary)."""
    from pypinyin.pinyin_dict import pinyin_dict

    return {cp: _syllable(v.split(",")[0]) for cp, v in pinyin_dict.items() if cp <= 0x10FFFF}


def title_key(text: str) -> str:
    """A fast pinyin key, one character at a time (C-speed str.translate), cached per distinct string."""
    key = _title_keys.get(text)
    if key is None:
        key = _title_keys[text] = unicodedata.normalize("NFKC", text).casefold().translate(_char_table())
    return key


def name_key(text: str) -> str:
    """An accurate pinyin key using pypinyin's phrase readings (重庆 chong2, 长春 chang2), cached."""
    key = _name_keys.get(text)
    if key is None:
        from pypinyin import Style, lazy_pinyin

        _load_place_readings()

        folded = unicodedata.normalize("NFKC", text).casefold()
        parts = lazy_pinyin(folded, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: list(s))
        key = _name_keys[text] = " ".join(parts) + " "
    return key


@cache
def _load_place_readings() -> None:
    from pypinyin import load_phrases_dict

    load_phrases_dict({k: [[s] for s in v] for k, v in PLACE_READINGS.items()})
