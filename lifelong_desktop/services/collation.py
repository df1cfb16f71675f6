"""The one Chinese collation: pinyin order, place names read as places (朝阳 chao), with no global state.

Every list sorted or searched by pinyin uses it: the registers, the calendar and the Activities table.
`name_key` is phrase-accurate (pypinyin's phrases, 重庆 chong2, 长春 chang2); `title_key` is its fast
one-character-at-a-time twin for long titles. Both read the names of PLACE_READINGS as places, by
substituting them here rather than by loading them into pypinyin's process-wide phrase table, so no call
changes another's result, whatever their order. `pinyin_key`, `pinyin_initials` and `matches` derive
from `name_key`. Keys are cached in the user data folder (pinyin-keys.json), so after the first run a
50,000-row sort needs neither pypinyin's large dictionaries nor its per-string work, and pypinyin itself is
imported on the first key that needs it, never at start. The window goes further (`use_helper_process`): what
needs pypinyin is computed in a short-lived child process (services/pinyin_child.py), so the window never
holds pypinyin's phrase table; should the child fail, the keys are computed here as before, never guessed.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

from lifelong_desktop.names import normalise_name
from lifelong_desktop.paths import user_data_dir
from lifelong_desktop.services.pinyin_child import Helper

_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_name_keys: dict[str, str] = {}
_title_keys: dict[str, str] = {}
_lock = threading.Lock()
_helper: Helper | None = None
_WARM_UP_BATCH = 500  # names per request to the child: a sort meanwhile waits for one batch at most
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
    return f"2:{version}:{sorted(PLACE_READINGS.items())}"


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
    chars = _stored().pop("chars", None)  # read once: the file's copy need not stay beside the table
    if not (isinstance(chars, dict) and chars) and _helper is not None:
        chars = _helper.ask(("chars", None))
    if isinstance(chars, dict) and chars:
        keys: dict[str, str] = {}  # 42,000 characters, 1,500 readings: one string object per reading
        return {int(cp): keys.setdefault(key, key) for cp, key in chars.items()}
    return _pypinyin_chars()


def _pypinyin_chars() -> dict[int, str]:
    """The character table from pypinyin (importing any part of it loads its phrase table too)."""
    from pypinyin.pinyin_dict import pinyin_dict

    return {cp: _syllable(v.split(",")[0]) for cp, v in pinyin_dict.items() if cp <= 0x10FFFF}


#: the place names, longest first, as one pattern
_PLACES = re.compile("|".join(sorted(map(re.escape, PLACE_READINGS), key=len, reverse=True)))


@cache
def _place_keys() -> dict[str, str]:
    """Each place name's key: `朝阳` -> `chao2 yang2 `."""
    return {name: "".join(_syllable(r) for r in readings) for name, readings in PLACE_READINGS.items()}


def title_key(text: str) -> str:
    """A fast pinyin key, one character at a time (C-speed str.translate), cached per distinct string."""
    key = _title_keys.get(text)
    if key is None:
        folded = text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
        folded = folded.casefold()
        if _PLACES.search(folded):
            places = _place_keys()
            folded = _PLACES.sub(lambda m: places[m.group(0)], folded)
        key = _title_keys[text] = folded.translate(_char_table())
    return key


def _phrase_key(text: str) -> str:
    """pypinyin's phrase readings, place names read as places (its own phrase table untouched)."""
    parts: list[str] = []
    at = 0
    places = _place_keys()
    for m in _PLACES.finditer(text):
        parts.extend(_segment(text[at : m.start()]))
        parts.append(places[m.group(0)])
        at = m.end()
    parts.extend(_segment(text[at:]))
    return "".join(parts)


def _segment(text: str) -> list[str]:
    if not text:
        return []
    from pypinyin import (  # on first use: its phrase table loads slower than a window starts
        Style,
        lazy_pinyin,
    )

    # pypinyin documents an errors callback returning a list (one item per char); its stub says str only
    syllables = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: list(s))  # type: ignore[arg-type,return-value]
    return [syllable + " " for syllable in syllables]


def name_key(text: str) -> str:
    """An accurate pinyin key of a normalised name (white space aside, NFKC, case-folded) using pypinyin's
    phrase readings (重庆 chong2, 长春 chang2), cached."""
    key = _name_keys.get(text)
    if key is None:
        _stored()
        key = _name_keys.get(text)
    if key is None:
        key = _name_keys[text] = _compute([text])[0]
    return key


def _compute(names: list[str]) -> list[str]:
    """The phrase-accurate keys of names: by the child process when the window uses one, else here."""
    if _helper is not None:
        keys = _helper.ask(("names", names))
        if isinstance(keys, list) and len(keys) == len(names):
            return keys
    return _keys_here(names)


def _keys_here(names: list[str]) -> list[str]:
    return [_phrase_key(normalise_name(n)) for n in names]


def _answer(request: tuple[str, object]) -> object:
    """The child process's side of `_compute` and `_char_table` (pickled by name, so module-level)."""
    kind, names = request
    if kind == "chars":
        return _pypinyin_chars()
    assert isinstance(names, list)
    return _keys_here(names)


def use_helper_process(enabled: bool = True) -> None:
    """From now on compute what needs pypinyin in a short-lived child process (the window's choice, at
    start: pypinyin's phrase table then never takes this process's memory); False: here again."""
    global _helper
    if _helper is not None:
        _helper.close()
    _helper = Helper(_answer) if enabled else None


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
        for at in range(0, len(missing), _WARM_UP_BATCH):
            batch = [n for n in missing[at : at + _WARM_UP_BATCH] if n not in _name_keys]
            _name_keys.update(zip(batch, _compute(batch), strict=True))
        if missing or not _stored():
            save_cache()

    thread = threading.Thread(target=work, name="pinyin-warm-up", daemon=True)
    thread.start()
    return thread


_TONE_DIGITS = str.maketrans("", "", "12345")


@lru_cache(maxsize=65536)
def pinyin_key(name: str) -> tuple[str, str]:
    """Sort key of a name by the collation (then by the name itself)."""
    return name_key(name), name


@lru_cache(maxsize=65536)
def _plain(name: str) -> tuple[str, str]:
    """The name's pinyin without tones or spaces, and its initials (`朝阳` gives `chaoyang`, `cy`)."""
    syllables = name_key(name).translate(_TONE_DIGITS).split()
    return "".join(syllables), "".join(s[0] for s in syllables)


def pinyin_initials(name: str) -> str:
    """The first letters of the pinyin of each character (`沈阳` gives `sy`), for searching."""
    return _plain(name)[1]


def matches(name: str, text: str) -> bool:
    """True when a search text finds a name: part of it, of its full pinyin or of its initials."""
    text = normalise_name(text)
    if not text:
        return True
    if text in normalise_name(name):
        return True
    if text.isascii():
        plain, initials = _plain(name)
        return text in initials or text in plain
    return False
