"""The sentences of resources/i18n/messages: both languages name the same parameters, and English counts agree
with their nouns (`{n:plural:one:other}`)."""

from __future__ import annotations

import string

import pytest

from lifelong_desktop import messages


def _fields(text: str) -> dict[str, str]:
    """Each parameter a sentence names, with its format spec."""
    return {name: spec for _lit, name, spec, _conv in string.Formatter().parse(text) if name}


@pytest.mark.parametrize(
    "count, words", [(1, "1 error, 1 warning"), (2, "2 errors, 2 warnings"), (0, "0 errors")]
)
def test_english_counts_agree_with_their_nouns(count, words):
    line = messages.render("validate.errors", "en", name="a.xlsx", errors=count, warnings=count)
    assert line.startswith(f"a.xlsx: {words}")


def test_a_count_given_as_text_and_the_chinese_sentence():
    assert messages.render("finding.date_system_1904", "en", count="1", year=2027).count(
        "1 date falls outside"
    )
    assert messages.render("finding.date_system_1904", "en", count="1,204", year=2027).count(
        "1,204 dates fall"
    )
    assert (
        messages.render("validate.errors", "zh", name="a", errors=1, warnings=2)
        == "a：错误 1 条，警告 2 条。"
    )


def test_every_counted_sentence_has_both_forms_and_renders_whole():
    """Each English `{n:plural:one:other}` has the two forms, its Chinese sentence names the same count
    plainly, and the sentence renders with no field left over for one and for two."""
    counted = 0
    for code, entry in messages._catalogue().items():
        en = entry.get("en", "")
        if "plural:" not in en:
            continue
        zh_fields, en_fields = _fields(entry["zh"]), _fields(en)
        params = dict.fromkeys(en_fields, 5)
        for name, spec in en_fields.items():
            if not spec.startswith("plural:"):
                continue
            counted += 1
            assert len(spec.split(":")) == 3 and zh_fields.get(name) == "", (code, name)
            one, other = spec.split(":")[1:]
            for n, words in ((1, one), (2, other)):
                text = messages.render(code, "en", **{**params, name: n})
                assert f"{n} {words}" in text and "{" not in text and "plural:" not in text, (code, text)
    assert counted >= 40
