"""Lists in the window's sentences use the window's language: 甲、乙 in Chinese, "a, b" in English."""

from __future__ import annotations

import pytest

from lifelong_desktop.ui.common.field_names import show_value
from lifelong_desktop.ui.common.language import joined, set_window_language, window_language


@pytest.fixture
def language():
    before = window_language()
    yield set_window_language
    set_window_language(before)


def test_lists_are_joined_in_the_window_language(language):
    language("zh")
    assert joined(["lisi", "zhangsan"]) == "lisi、zhangsan"
    language("en")
    assert joined(["lisi", "zhangsan"]) == "lisi, zhangsan"
    assert joined([]) == ""


def test_a_field_of_several_values_reads_as_a_list_of_the_window_language(language):
    names = {("organisation", 1): "教育局", ("organisation", 2): "图书馆"}
    language("en")
    assert show_value("host_ids", (1, 2), names) == "教育局, 图书馆"
    language("zh")
    assert show_value("host_ids", (1, 2), names) == "教育局、图书馆"
