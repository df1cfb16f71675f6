"""Chinese sort keys in pinyin order: accurate (pypinyin phrases) for register names, fast for titles.

Keys are cached in the user data folder (pinyin-keys.json), so after the first run a 50,000-row sort
needs neither pypinyin's large dictionaries nor its per-string work. pypinyin itself (its phrase table takes
longer to load than the rest of a window start) is imported on the first key that needs it, never at start.
"""

from __future__ import annotations

import json
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

from lifelong_desktop.models.text import normalise_name
from lifelong_desktop.paths import user_data_dir

_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_name_keys: dict[str, str] = {}
_title_keys: dict[str, str] = {}
_lock = threading.Lock()
#: place names that pypinyin's phrase list reads otherwise (朝阳 is zhāoyáng, "morning sun", there)
PLACE_READINGS = {
    "朝阳": ["cháo", "yáng"],
    "蚌埠": ["bèng", "bù"],
    "六安": ["lù", "ān"],
    "丽水": ["lí", "shuǐ"],
    "台州": ["tāi", "zhōu"],
    "番禺": ["pān", "yú"],
    "洪洞": ["hóng", "tóng"],
    "乐亭": ["lào", "tíng"],
    "铅山": ["yán", "shān"],
    "东阿": ["dōng", "ē"],
    "莘县": ["shēn", "xiàn"],
    "单县": ["shàn", "xiàn"],
}


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


def cache_path() -> Path:
    return user_data_dir() / "pinyin-keys.json"


@cache
def _cache_version() -> str:
    try:
        version = metadata.version("pypinyin")
    except metadata.PackageNotFoundError:
        version = "?"
    return f"1:{version}:{sorted(PLACE_READINGS.items())}"


@cache
def _stored() -> dict:
    """The cached keys of earlier runs ({} when missing, stale or unreadable)."""
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != _cache_version():
        return {}
    names = data.get("names")
    if isinstance(names, dict):
        _name_keys.update({k: v for k, v in names.items() if k not in _name_keys})
    return data


@cache
def _char_table() -> dict[int, str]:
    """Each Han character's most common reading (pypinyin's single-character dictionary)."""
    chars = _stored().get("chars")
    if isinstance(chars, dict) and chars:
        return {int(cp): key for cp, key in chars.items()}
    from pypinyin.pinyin_dict import pinyin_dict

    return {cp: _syllable(v.split(",")[0]) for cp, v in pinyin_dict.items() if cp <= 0x10FFFF}


def title_key(text: str) -> str:
    """A fast pinyin key, one character at a time (C-speed str.translate), cached per distinct string."""
    key = _title_keys.get(text)
    if key is None:
        folded = text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
        key = _title_keys[text] = folded.casefold().translate(_char_table())
    return key


def name_key(text: str) -> str:
    """An accurate pinyin key using pypinyin's phrase readings (重庆 chong2, 长春 chang2), cached."""
    key = _name_keys.get(text)
    if key is None:
        _stored()
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


def save_cache() -> None:
    """Write the keys computed so far for the next run (atomically; a failure only costs speed)."""
    with _lock:
        data = {
            "version": _cache_version(),
            "chars": {str(k): v for k, v in _char_table().items()},
            "names": dict(_name_keys),
        }
        path = cache_path()
        tmp = path.with_name(path.name + ".part")
        try:
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass


def warm_up(names: Iterable[str]) -> threading.Thread:
    """Compute, in the background, what the first sort of a column would: the character table and the
    name keys of the registers' names; a sort started meanwhile just computes what is still missing."""

    def work() -> None:
        _char_table()
        _stored()
        missing = [n for n in names if n not in _name_keys]
        for name in missing:
            name_key(name)
        if missing or not _stored():
            save_cache()

    thread = threading.Thread(target=work, name="pinyin-warm-up", daemon=True)
    thread.start()
    return thread


@lru_cache(maxsize=65536)
def pinyin_key(name: str) -> tuple[str, str]:
    """Sort key of a Chinese name by Hanyu Pinyin (then by the name itself), cached per name."""
    from pypinyin import lazy_pinyin  # loaded on first use: its phrase tables cost more than a window start

    return " ".join(lazy_pinyin(normalise_name(name), errors="default")), name


@lru_cache(maxsize=65536)
def pinyin_initials(name: str) -> str:
    """The first letters of the pinyin of each character (`沈阳` gives `sy`), for searching."""
    from pypinyin import Style, lazy_pinyin  # loaded on first use, as above

    return "".join(lazy_pinyin(normalise_name(name), style=Style.FIRST_LETTER, errors="default"))


def matches(name: str, text: str) -> bool:
    """True when a search text finds a name: part of it, of its full pinyin or of its initials."""
    text = normalise_name(text)
    if not text:
        return True
    if text in normalise_name(name):
        return True
    if text.isascii():
        return text in pinyin_initials(name) or text in pinyin_key(name)[0].replace(" ", "")
    return False
