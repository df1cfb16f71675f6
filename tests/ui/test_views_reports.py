"""Checks, Summary and Returns views: counts equal direct counts, double-click opens, copy to clipboard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from lifelong_desktop.models import Activity
from lifelong_desktop.services.checks.runner import run_checks
from lifelong_desktop.ui.reports.bar_chart import BarChart, Series, nice_maximum
from lifelong_desktop.ui.reports.checks_view import ACTIVITY_ROLE, ChecksView
from lifelong_desktop.ui.reports.returns_view import ReturnsView
from lifelong_desktop.ui.reports.summary_view import SummaryView
from lifelong_desktop.ui.shell.views import VIEWS
from tests.helpers.plan_data import DALIAN, SHENYANG, ctx_fixture, plan_fixture  # noqa: F401 - fixtures

TODAY = date(2024, 11, 10)


def shown(view, qtbot):
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show()
    view.refresh()
    return view


def test_every_view_has_a_title_and_builds(ctx, qtbot):
    titles = []
    for entry in VIEWS:
        view = shown(entry.load()(ctx), qtbot)
        titles.append(view.title())
        view.grab()
    assert len(set(titles)) == len(VIEWS) == 7 and all(titles)


def test_checks_grouped_by_severity_with_counts(ctx, plan, qtbot, qtmodeltester):
    view = shown(ChecksView(ctx, today=TODAY), qtbot)
    with ctx.db.read() as s:
        findings = run_checks(s, plan["programme"], today=TODAY)
    model = view.model
    heads = [model.index(i, 0).data() for i in range(model.rowCount())]
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    assert errors >= 1 and warnings >= 1
    assert heads[0].startswith("Errors") and f"（{errors}）" in heads[0]
    assert f"（{warnings}）" in heads[1]
    assert view.counts()["error"] == errors and str(errors) in view.summary.text()
    qtmodeltester.check(view.model)
    clash = model.index(0, 0, model.index(0, 0))
    assert "大连市文化馆" in clash.data() and clash.data(Qt.ItemDataRole.ToolTipRole) == clash.data()
    assert clash.siblingAtColumn(1).data() == "Venue double booked"
    assert model.rowCount(clash) == 2  # the two activities of a double booking
    index = model.index(1, 0, clash)
    day, title = index.data().split("  ", 1)
    with ctx.db.read() as s:
        stored = s.get(Activity, index.data(ACTIVITY_ROLE))
        assert (day, title) == (stored.start_date.isoformat(), stored.title)
    view.tree.expand(index.parent())
    rect = view.tree.visualRect(index)
    seen = []
    ctx.activity_requested.connect(seen.append)
    with qtbot.waitSignal(ctx.activity_requested) as blocker:
        qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [index.data(ACTIVITY_ROLE)] and len(seen) == 1
    assert blocker.args[0] in (plan["expo"], plan["reading"])


def test_checks_refresh_after_a_fix(ctx, plan, qtbot):
    from lifelong_desktop.services import registers

    view = shown(ChecksView(ctx, today=TODAY), qtbot)
    before = view.counts()["warning"]
    with ctx.db.transaction() as s:
        registers.update_venue(s, plan["dl"], {"capacity": 5000})
        registers.update_venue(s, plan["hall"], {"capacity": 5000})
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    assert view.counts()["warning"] == before - 2  # the two over-capacity warnings are gone


def test_checks_keep_what_was_folded_over_a_refresh(ctx, plan, qtbot):
    view = shown(ChecksView(ctx, today=TODAY), qtbot)
    model, tree = view.model, view.tree
    heads = [model.index(i, 0) for i in range(model.rowCount())]
    assert len(heads) >= 2 and all(tree.isExpanded(h) for h in heads)  # all open at first
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    tree.collapse(heads[1])
    view.refresh()
    assert [tree.isExpanded(model.index(i, 0)) for i in range(len(heads))] == [True, False] + [True] * (
        len(heads) - 2
    )


def test_summary_numbers_equal_a_direct_count_and_copy(ctx, plan, qtbot, qtmodeltester):
    view = shown(SummaryView(ctx), qtbot)
    with ctx.db.read() as s:
        direct = {
            c: n for c, n in s.execute(select(Activity.city_code, func.count()).group_by(Activity.city_code))
        }
        types = {
            t: n
            for t, n in s.execute(
                select(Activity.activity_type, func.count()).group_by(Activity.activity_type)
            )
        }
    by_city = {r.key: r.activities for r in view.model.rows()}
    assert {k: v for k, v in by_city.items() if v} == direct
    chart = view.activity_chart
    assert chart.categories()[:2] == ["沈阳市", "大连市"]
    assert chart.series()[0].values[:2] == (direct[SHENYANG], direct[DALIAN])
    qtmodeltester.check(view.model)
    view.grouping.setCurrentIndex(view.grouping.findData("type"))
    assert {r.key: r.activities for r in view.model.rows()} == types
    assert view.model.index(0, 0).data() == "讲座"
    view.grouping.setCurrentIndex(view.grouping.findData("week"))
    assert [r.activities for r in view.model.rows()] == [3, 2, 1]
    assert view.model.index(0, 0).data().startswith("Week 43")
    view.copy_button.click()
    text = QApplication.clipboard().text().splitlines()
    assert text[0].split("\t")[1] == "Activities"
    assert text[-1].split("\t") == ["Total", "6", "1650", "480", "3200"]
    view.exclude_cancelled.setChecked(True)
    assert "5" in view.total_label.text()


def test_bar_chart_paints_and_tells_values(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.set_data("参与人数", ["沈阳市", "大连市"], [Series("预计", Qt.GlobalColor.blue, (1200, 300))])
    chart.show()
    chart.grab()
    assert [nice_maximum(v) for v in (0, 7, 24, 99, 1200, 1_733_934)] == [4, 8, 40, 100, 2000, 2_000_000]
    hits = [chart.tooltip_at(QPoint(x, y)) for x in range(0, 500, 5) for y in range(0, 300, 3)]
    assert any("沈阳市" in h and QLocale().toString(1200) in h for h in hits)
    assert not any("大连市" in h and QLocale().toString(1200) in h for h in hits)
    with pytest.raises(ValueError):
        chart.set_data("x", ["a"], [Series("s", Qt.GlobalColor.red, (1, 2))])


def test_returns_latest_or_not_yet_and_reminder(ctx, plan, qtbot, qtmodeltester):
    view = shown(ReturnsView(ctx), qtbot)
    rows = view.model.rows()
    assert len(rows) == 14
    qtmodeltester.check(view.model)
    dalian = view.model.row_of(lambda r: r.region_code == DALIAN)
    assert view.model.index(dalian, 2).data() == "Returned"
    assert view.model.index(dalian, 3).data() == "2"  # the latest of two returns
    assert view.model.index(dalian, 10).data() == "2"
    shenyang = view.model.row_of(lambda r: r.region_code == SHENYANG)
    assert view.model.index(shenyang, 2).data() == "Not yet returned"
    assert view.model.index(shenyang, 2).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "1 of 14" in view.summary.text()
    view.copy_button.click()
    reminder = QApplication.clipboard().text()
    assert "沈阳市" in reminder and "大连市" not in reminder and "2024" in reminder
    assert reminder.count("市") == 13


def test_every_view_copes_with_a_database_without_programme(db, qtbot):
    from lifelong_desktop.ui.common.context import AppContext

    ctx = AppContext(db, None)
    views = {}
    for entry in VIEWS:
        views[entry.name] = view = shown(entry.load()(ctx), qtbot)
        view.grab()
    assert views["ReturnsView"].returns == [] and views["SummaryView"].model.rowCount() == 0
    assert views["CalendarView"].index.count == 0 and views["ChecksView"].findings == []
    assert views["OrganisationsView"].model.rowCount() == 0


def test_coverage_view_colours_the_cities_and_counties_and_copies_its_table(ctx, qtbot, qapp):
    from PySide6.QtGui import QGuiApplication

    from lifelong_desktop.ui.reports.coverage_view import NONE_COLOUR, CoverageView

    view = CoverageView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    result = view.result
    assert result is not None and view.grid.rowCount() == len(result.cities) == 14
    row = next(i for i, c in enumerate(result.cities) if c.code == SHENYANG)
    shenyang = result.cities[row]
    assert shenyang.planned > 0
    assert view.grid.item(row, 0).text().endswith(str(shenyang.planned))
    assert view.grid.item(row, 0).background().color() != NONE_COLOUR
    quiet = next(
        i for i, c in enumerate(result.cities) if not c.planned
    )  # a city of Liaoning without activity
    assert view.grid.item(quiet, 0).background().color() == NONE_COLOUR
    assert "areas without any activity" in view.gaps.text()
    view.copy_table()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:3] == ["Code", "Area", "Planned"]
    assert any(line.startswith(f"{SHENYANG}\t") for line in lines)
    assert len(lines) == 1 + 14 + sum(len(c.counties) for c in result.cities)


def test_the_checks_summary_counts_agree_in_english_and_read_in_chinese(ctx, plan, qtbot):
    from lifelong_desktop.ui.shell.i18n import install_translators

    view = shown(ChecksView(ctx, today=TODAY), qtbot)
    n = view.counts()
    app = QApplication.instance()

    def counted(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    try:
        install_translators(app, "en")
        view.refresh()
        assert view.summary.text() == ", ".join(
            counted(n[k], w) for k, w in (("error", "error"), ("warning", "warning"), ("info", "note"))
        )
        install_translators(app, "zh_CN")
        view.refresh()
        assert view.summary.text() == f"错误 {n['error']} 个，警告 {n['warning']} 个，提示 {n['info']} 条"
    finally:
        install_translators(app, "en")
    assert 1 in n.values() and any(v > 1 for v in n.values())  # both forms were shown
