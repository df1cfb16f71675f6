"""The 总结 pack after the week: an editable ODF text document for WPS 文字 and Word, and its 统计表 workbook.

The document: title, dates and theme, a paragraph of the figures in Chinese prose, tables by city, by type
and by target group, the featured activities with their organisers in printing order, and two bar charts
as images. The workbook beside it holds the same tables as values. Every figure comes from
services.week_report, which takes its counts from the tallies the Summary tab and the 汇总 sheet use.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QTextDocument, QTextDocumentWriter

from lifelong_desktop import files, messages
from lifelong_desktop.paths import resource
from lifelong_desktop.printing.qt import ensure_gui_app, font_family
from lifelong_desktop.printing.texts import MONTHS
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.tallies import Tally
from lifelong_desktop.services.week_report import WeekReport
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.xlsx.writer import XlsxWriter

_HEADING_KEYS = ("activities", "expected", "actual", "online")


def _t(lang: str, code: str, **params: object) -> str:
    return messages.render("report." + code, lang, **params)


def headings(lang: str) -> tuple[str, ...]:
    """The figures' column headings: 活动数, 预计参与人数, 现场参与人次, 线上参与人次 (or in English)."""
    return tuple(_t(lang, "heading." + k) for k in _HEADING_KEYS)


@cache
def _english_codes() -> dict[str, dict[str, str]]:
    with resource("i18n", "codes_en.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def code_label(code_list: str, key: str | None, lang: str) -> str:
    """A code's word: the format's Chinese label, or its English name in English."""
    if lang == "en" and key:
        word = _english_codes().get(code_list, {}).get(key)
        if word:
            return word
    return load_format().label_of(code_list, key)


@dataclass(frozen=True, slots=True)
class ReportTable:
    """One table of the report: its title, the first column's heading and (name, tally) rows."""

    title: str
    first: str
    rows: tuple[tuple[str, Tally], ...]


def tables(report: WeekReport, lang: str | None = None) -> list[ReportTable]:
    """The report's three tables, the same in the document and the workbook."""
    lang = lang or messages.current_language()
    reg = regions()
    s = report.summary
    city = report.coverage.cities and reg.get(report.coverage.cities[0].code) is not None
    area = _t(lang, "area.city" if city else "area.other")

    def tally(row) -> Tally:
        return Tally(row.activities, row.expected, row.actual, row.online)

    by_city = tuple((r.label or _t(lang, "no_city"), tally(r)) for r in s.by_city)
    by_type = tuple(
        (code_label("activity_type", r.key, lang) or _t(lang, "no_type"), tally(r)) for r in s.by_type
    )
    by_group = tuple((code_label("audience", k, lang), t) for k, t in report.by_audience.items())
    return [
        ReportTable(_t(lang, "table.by_area", area=area, area_lower=area.lower()), area, by_city),
        ReportTable(_t(lang, "table.by_type"), _t(lang, "type"), by_type),
        ReportTable(_t(lang, "table.by_group"), _t(lang, "group"), by_group),
    ]


def figures_paragraph(report: WeekReport, lang: str | None = None) -> str:
    """The figures in prose, as provincial summaries publish them (Chinese, or English)."""
    lang = lang or messages.current_language()
    total = report.summary.total
    province = len(report.region_code) == 6 and report.region_code.endswith("0000")
    areas = _t(
        lang,
        "areas.province" if province else "areas.city",
        cities=report.cities_reached,
        counties=report.counties_reached,
        cities_word="city" if report.cities_reached == 1 else "cities",
        counties_word="county" if report.counties_reached == 1 else "counties",
    )
    text = _t(
        lang,
        "figures",
        place=_t(lang, "place.province" if province else "place.city"),
        areas=areas,
        activities=total.activities,
        activities_word="activity" if total.activities == 1 else "activities",
        held=report.held,
    )
    if report.cancelled:
        text += _t(lang, "figures_cancelled", cancelled=report.cancelled)
    text += _t(lang, "figures_people", people=report.participants, online=total.online)
    if report.featured:
        text += _t(lang, "figures_featured", featured=len(report.featured))
    return text + _t(lang, "full_stop")


def bar_chart(title: str, rows: tuple[tuple[str, Tally], ...], width: int = 1400) -> QImage:
    """A horizontal bar chart of the activity counts of `rows`, as an image for the document."""
    font = QFont(font_family(), 22)
    fm = QFontMetrics(font)
    line = fm.height() + 12
    label_w = min(max((fm.horizontalAdvance(n) for n, _ in rows), default=0) + 20, width // 3)
    image = QImage(width, line * (len(rows) + 2), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setFont(font)
    p.setPen(QColor("#202020"))
    p.drawText(
        QRectF(10, 0, width - 20, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
    )
    top = max((t.count for _, t in rows), default=0) or 1
    bar_w = width - label_w - 140
    for i, (name, t) in enumerate(rows, start=1):
        y = i * line
        p.drawText(
            QRectF(0, y, label_w - 10, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        p.fillRect(
            QRectF(label_w, y + 6, max(1.0, bar_w * t.count / top) if t.count else 0, line - 12),
            QColor("#3f7fbf"),
        )
        p.drawText(
            QRectF(label_w + bar_w * t.count / top + 8, y, 130, line),
            Qt.AlignmentFlag.AlignVCenter,
            f"{t.count:,}",
        )
    p.end()
    return image


def _table_html(table: ReportTable, lang: str) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (table.first, *headings(lang)))
    body = "".join(
        "<tr><td>"
        + html.escape(name)
        + "</td>"
        + "".join(f'<td align="right">{v:,}</td>' for v in t.values)
        + "</tr>"
        for name, t in table.rows
    )
    return (
        f"<h2>{html.escape(table.title)}</h2>"
        f"<table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{body}</table>"
    )


def _featured_html(report: WeekReport, lang: str) -> str:
    if not report.featured:
        return ""
    colon, sep, between, gap = ("：", "、", "；", "") if lang == "zh" else (": ", ", ", "; ", " ")
    items = []
    for r in report.featured:
        organisers = between.join(
            f"{_t(lang, 'role.' + role)}{colon}{sep.join(names)}"
            for role, names in (
                ("host", r.hosts),
                ("undertaker", r.undertakers),
                ("co_organiser", r.co_organisers),
            )
            if names
        )
        d = r.start_date
        when = _t(
            lang, "featured_when", month=d.month, day=d.day, month_name=MONTHS[d.month - 1], city=r.city_name
        )
        items.append(
            f"<li><b>{html.escape(r.title)}</b>{html.escape(when)}{gap}{html.escape(organisers)}</li>"
        )
    return f"<h2>{html.escape(_t(lang, 'table.featured'))}</h2><ol>" + "".join(items) + "</ol>"


def report_title(report: WeekReport, lang: str) -> str:
    return _t(lang, "title", region=report.region_name, year=report.year)


def report_html(report: WeekReport, charts: list[str], lang: str | None = None) -> str:
    lang = lang or messages.current_language()
    dates = ""
    if report.week_start and report.week_end:
        dates = _t(lang, "week", start=report.week_start, end=report.week_end)
    theme = _t(lang, "theme", theme=report.theme) if report.theme else ""
    parts = [
        f"<h1 align='center'>{html.escape(report_title(report, lang))}</h1>",
        f"<p align='center'>{html.escape(('　' if lang == 'zh' else '  ').join(x for x in (dates, theme) if x))}</p>",
        f"<p>{html.escape(figures_paragraph(report, lang))}</p>",
    ]
    for table in tables(report, lang):
        parts.append(_table_html(table, lang))
    parts.append(_featured_html(report, lang))
    parts.extend(f"<p><img src='{name}' width='600'/></p>" for name in charts)
    return "<html><body>" + "".join(parts) + "</body></html>"


def report_document(report: WeekReport, lang: str | None = None) -> QTextDocument:
    lang = lang or messages.current_language()
    ensure_gui_app()
    doc = QTextDocument()
    doc.setDefaultFont(QFont(font_family(), 11))
    t = tables(report, lang)
    charts = {
        "chart-cities.png": bar_chart(t[0].title, t[0].rows),
        "chart-types.png": bar_chart(t[1].title, t[1].rows),
    }
    for name, image in charts.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(report_html(report, list(charts), lang))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, report_title(report, lang))
    return doc


def write_report_odt(
    report: WeekReport, path: Path, *, database: Path | None = None, lang: str | None = None
) -> None:
    """The document as ODF text, through files.safe_output (temporary file, fsync, rename)."""
    with files.safe_output(path, database=database) as tmp:
        writer = QTextDocumentWriter(str(tmp), b"ODF")
        written = writer.write(report_document(report, lang))
        del writer  # closes the file (Windows cannot rename an open file)
        if not written:
            raise OSError(f"cannot write {path}")


_SHEETS = ("by_area", "by_type", "by_group")


def write_statistics(
    report: WeekReport, path: Path, *, database: Path | None = None, lang: str | None = None
) -> None:
    """The 统计表 workbook: one sheet per table of the report, values only, with a total row."""
    lang = lang or messages.current_language()
    with files.safe_output(path, database=database) as tmp:
        book = XlsxWriter(tmp, sheet_count=3)
        try:
            for table, key in zip(tables(report, lang), _SHEETS, strict=True):
                sheet = book.sheet(_t(lang, "sheet." + key), widths=[24, 12, 14, 14, 14], freeze="A2")
                sheet.append([table.first, *headings(lang)])
                for row_name, t in table.rows:
                    sheet.append([row_name, *t.values])
                if key != "by_group":  # groups overlap: their sum is no total
                    total = report.summary.total
                    sheet.append(
                        [_t(lang, "total"), total.activities, total.expected, total.actual, total.online]
                    )
                sheet.close()
            book.close()
        except BaseException:
            book.abort()
            raise


def statistics_path(report_path: Path, lang: str = "zh") -> Path:
    """Where the 统计表 goes: beside the report, `<report name>-统计表.xlsx` (`-statistics.xlsx` in English)."""
    suffix = "statistics" if lang == "en" else "统计表"
    return report_path.with_name(f"{report_path.stem}-{suffix}.xlsx")


def write_pack(
    report: WeekReport,
    path: Path,
    *,
    database: Path | None = None,
    lang: str | None = None,
    step: Callable[[int], None] | None = None,
) -> Path:
    """The whole 总结 pack: the document at `path` and the 统计表 workbook beside it (returned); `step` is
    told 1 before the document and 2 before the workbook (the window's progress). Both the command line and
    the window write it through here."""
    lang = lang or messages.current_language()
    if step:
        step(1)
    write_report_odt(report, path, database=database, lang=lang)
    stats = statistics_path(path, lang)
    if step:
        step(2)
    write_statistics(report, stats, database=database, lang=lang)
    return stats
