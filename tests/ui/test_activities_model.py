"""The activity table model: qtmodeltester, display words, filters, pinyin sort; the paste preview model."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from lifelong_desktop.services.collation import name_key, title_key
from lifelong_desktop.services.rows import activity_rows
from lifelong_desktop.ui.activities import table_model as tm
from lifelong_desktop.ui.activities.filtering import ActivityFilter
from tests.helpers.activity_plan import make_plan


@pytest.fixture
def plan(db):
    return make_plan(db)


@pytest.fixture
def model(qtbot, db, plan):
    m = tm.ActivityTableModel()
    with db.read() as s:
        m.set_rows(activity_rows(s, plan["programme"]))
    return m


def test_model_passes_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model)
    model.sort(tm.COL_CITY, Qt.SortOrder.DescendingOrder)
    model.set_filter(ActivityFilter(text="沈阳"))
    qtmodeltester.check(model)


def test_empty_model_passes_qtmodeltester(qtmodeltester):
    qtmodeltester.check(tm.ActivityTableModel())


def test_display_words_and_roles(model):
    row = model.row_at(0)
    assert model.index(0, tm.COL_TITLE).data() == row.title
    assert model.index(0, tm.COL_TYPE).data() in {"讲座", "阅读推广", "学习开放日", "培训"}
    assert model.index(0, tm.COL_TIME).data() == "09:00–11:00"
    assert model.index(0, tm.COL_STATUS).data() in {"计划中", "已确认", "已举办", "已取消"}
    assert model.index(0, tm.COL_MODE).data() == "线下"
    assert model.index(0, 0).data(tm.ActivityRole) is row
    assert model.index(0, 0).data(tm.IdRole) == row.id
    assert (
        model.headerData(tm.COL_TITLE, Qt.Orientation.Horizontal) == "Title"
    )  # no translator installed here


def test_search_and_filters(model, plan):
    model.set_filter(ActivityFilter(text="沈阳市"))
    assert model.rowCount() == 2 and all(model.row_at(r).city_name == "沈阳市" for r in range(2))
    model.set_filter(ActivityFilter(text="沈阳开放"))  # an undertaker's name
    assert {model.row_at(r).id for r in range(model.rowCount())} == {
        r.id for r in model.all_rows() if "沈阳开放大学" in r.hosts + r.undertakers
    }
    model.set_filter(ActivityFilter(city_code="210200", status="confirmed"))
    assert all(
        model.row_at(r).city_code == "210200" and model.row_at(r).status == "confirmed"
        for r in range(model.rowCount())
    )
    model.set_filter(ActivityFilter(date_from=date(2024, 10, 28), date_to=date(2024, 10, 29)))
    assert sorted({model.row_at(r).start_date.day for r in range(model.rowCount())}) == [28, 29]
    model.set_filter(ActivityFilter(organisation_id=plan["orgs"][0]))
    assert model.rowCount() == 5
    model.set_filter(ActivityFilter(text="ＸＹＺ不存在"))
    assert model.rowCount() == 0
    model.set_filter(ActivityFilter())
    assert model.rowCount() == 10


def test_growing_search_text_only_searches_rows_shown(model):
    model.set_filter(ActivityFilter(text="大"))
    shown = model.rowCount()
    model.set_filter(ActivityFilter(text="大连"))
    assert 0 < model.rowCount() <= shown
    model.set_filter(ActivityFilter(text="大", status="held"))  # a filter changed: a full pass again
    assert all(model.row_at(r).status == "held" for r in range(model.rowCount()))


def test_city_sort_is_pinyin_order(model):
    model.sort(tm.COL_CITY, Qt.SortOrder.AscendingOrder)
    cities = list(dict.fromkeys(model.row_at(r).city_name for r in range(model.rowCount())))
    assert cities == ["鞍山市", "本溪市", "朝阳市", "大连市", "沈阳市"]
    model.sort(tm.COL_CITY, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).city_name == "沈阳市"
    model.sort(-1)
    assert model.sort_state is None
    assert [model.row_at(r).start_date for r in range(model.rowCount())] == sorted(
        model.row_at(r).start_date for r in range(model.rowCount())
    )


def test_sort_keeps_selection_by_persistent_index(model):
    from PySide6.QtCore import QPersistentModelIndex

    target = model.row_at(3).id
    p = QPersistentModelIndex(model.index(3, 2))
    model.sort(tm.COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert model.index(p.row(), 0).data(tm.IdRole) == target


def test_pinyin_keys():
    assert name_key("长春市") < name_key("重庆市") < name_key("大连市")  # chang2 < chong2 < da4
    assert title_key("阿") < title_key("波") < title_key("中")
    assert name_key("长春").startswith("chang2")
    assert name_key("重庆").startswith("chong2")


def test_sort_keys_are_cached_for_the_next_run(monkeypatch):
    """warm_up writes the keys it computed to the data folder; a new run reads them back, needing no pypinyin.

    The module's caches are per process, and earlier tests fill them: so do warm-up threads that earlier
    views' 1.5 s timers start whenever Qt events are processed (between tests too), at moments that depend
    on the machine's load, with whatever data folder is set then. Left as they are, the three names may be
    known already and `_stored()` may hold another folder's file, so warm_up rightly writes nothing here.
    The test therefore waits for such threads and starts, as a first run does, from no file and no keys.
    """
    import json
    import sys
    import threading

    from lifelong_desktop.services import collation

    for other in threading.enumerate():
        if other.name == "pinyin-warm-up":
            other.join()
    collation.cache_path().unlink(missing_ok=True)  # one of them may have written to this test's folder
    monkeypatch.setattr(collation, "_name_keys", {})
    collation._stored.cache_clear()
    try:
        thread = collation.warm_up(["沈阳市", "朝阳市", "辽宁省教育厅"])
        thread.join()
        path = collation.cache_path()
        assert path.exists()
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["names"]["朝阳市"].startswith("chao2") and data["chars"][str(ord("中"))] == "zhong1 "
        assert set(data["names"]) == {"沈阳市", "朝阳市", "辽宁省教育厅"}  # computed here, not left over
        monkeypatch.setattr(collation, "_name_keys", {})
        collation._stored.cache_clear()
        with (
            monkeypatch.context() as m
        ):  # undone before pytest-qt processes events (a timer's thread may run)
            m.setitem(sys.modules, "pypinyin", None)  # computing again would fail
            assert collation.name_key("沈阳市").startswith("shen3")  # read back from the file
        assert "沈阳市" in collation._name_keys
    finally:
        collation._stored.cache_clear()  # what it read belongs to this test's folder


def test_english_words_for_codes(model):
    from lifelong_desktop.ui.common.language import message_language, set_window_language

    set_window_language("en")
    try:
        assert model.index(0, tm.COL_MODE).data() == "On site"
        assert message_language() == "en"
    finally:
        set_window_language("zh_CN")
    assert model.index(0, tm.COL_MODE).data() == "线下"


def test_search_text_is_folded_in_chunks_as_each_row_alone(db, monkeypatch):
    """The search index folds the rows' text a chunk at a time (a whole programme's text is never copied
    three times at once): the same as folding each row by itself, full-width letters and digits, a
    compatibility character and a NUL in a title included, at a chunk's edges too."""
    from lifelong_desktop.ui.activities import filtering

    with db.read() as s:
        base = activity_rows(s, make_plan(db)["programme"])[0]
    titles = ["ＡＢＣ讲座", "第１期　培训", "㍿读书会", "a\x00b", "Ⅻ 月", "ﬁle 开放日", "普通讲座"]
    rows = tuple(base._replace(title=t, id=i) for i, t in enumerate(titles * 3))
    monkeypatch.setattr(filtering, "_CHUNK", 4)  # edges inside the list
    got = filtering.FilterIndex(rows).haystacks
    assert got == [filtering.fold(filtering._text(r).replace("\x00", " ")) for r in rows]
    assert got[0].startswith("abc讲座") and "株式会社" in got[2]
    index = filtering.FilterIndex(rows)
    assert index.apply(list(range(len(rows))), ActivityFilter(text="ＡＢＣ")) == [0, 7, 14]
