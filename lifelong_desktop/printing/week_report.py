"""The 总结 pack after the week: an editable ODF text document for WPS 文字 and Word, and its 统计表 workbook.

The document: title, dates and theme, a paragraph of the figures in Chinese prose, tables by city, by type
and by target group, the featured activities with their organisers in printing order, and two bar charts
as images. The workbook beside it holds the same tables as values. Every figure comes from
services.week_report, which takes its counts from the tallies the Summary tab and the 汇总 sheet use.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QTextDocument, QTextDocumentWriter

from lifelong_desktop import files
from lifelong_desktop.printing.qt import ensure_gui_app, font_family
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.tallies import Tally
from lifelong_desktop.services.week_report import WeekReport
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.xlsx.writer import XlsxWriter

HEADINGS = ("活动数", "预计参与人数", "现场参与人次", "线上参与人次")


@dataclass(frozen=True, slots=True)
class ReportTable:
    """One table of the report: its title, the first column's heading and (name, tally) rows."""

    title: str
    first: str
    rows: tuple[tuple[str, Tally], ...]


def tables(report: WeekReport) -> list[ReportTable]:
    """The report's three tables, the same in the document and the workbook."""
    fmt = load_format()
    reg = regions()
    s = report.summary
    area = (
        "地市" if report.coverage.cities and reg.get(report.coverage.cities[0].code) is not None else "地区"
    )

    def tally(row) -> Tally:
        return Tally(row.activities, row.expected, row.actual, row.online)

    by_city = tuple((r.label or "（未填地市）", tally(r)) for r in s.by_city)
    by_type = tuple((fmt.label_of("activity_type", r.key) or "（未填类型）", tally(r)) for r in s.by_type)
    by_group = tuple((fmt.label_of("audience", k), t) for k, t in report.by_audience.items())
    return [
        ReportTable(f"一、各{area}活动情况", area, by_city),
        ReportTable("二、各类型活动情况", "活动类型", by_type),
        ReportTable("三、面向群体情况（一项活动面向多个群体时，分别计入）", "面向群体", by_group),
    ]


def figures_paragraph(report: WeekReport) -> str:
    """The figures in Chinese prose, as provincial summaries publish them."""
    total = report.summary.total
    place = "全省" if len(report.region_code) == 6 and report.region_code.endswith("0000") else "全市"
    areas = (
        f"{report.cities_reached}个市、{report.counties_reached}个县（市、区）"
        if place == "全省"
        else f"{report.counties_reached}个县（市、区）"
    )
    text = (
        f"{place}{areas}共安排活动{total.activities:,}项，其中已举办{report.held:,}项"
        + (f"、取消{report.cancelled:,}项" if report.cancelled else "")
        + f"，参与群众{report.participants:,}人次，其中线上{total.online:,}人次"
    )
    if report.featured:
        text += f"；推出特色活动{len(report.featured):,}项"
    return text + "。"


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


def _table_html(table: ReportTable) -> str:
    head = "".join(f"<th>{h}</th>" for h in (table.first, *HEADINGS))
    body = "".join(
        "<tr><td>"
        + html.escape(name)
        + "</td>"
        + "".join(f'<td align="right">{v:,}</td>' for v in t.values)
        + "</tr>"
        for name, t in table.rows
    )
    return f"<h2>{html.escape(table.title)}</h2><table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{body}</table>"


def _featured_html(report: WeekReport) -> str:
    if not report.featured:
        return ""
    items = []
    for r in report.featured:
        organisers = "；".join(
            f"{role}：{'、'.join(names)}"
            for role, names in (("主办", r.hosts), ("承办", r.undertakers), ("协办", r.co_organisers))
            if names
        )
        when = f"{r.start_date:%m月%d日}".lstrip("0").replace("月0", "月")
        items.append(
            f"<li><b>{html.escape(r.title)}</b>（{when}，{html.escape(r.city_name)}）{html.escape(organisers)}</li>"
        )
    return "<h2>四、特色活动</h2><ol>" + "".join(items) + "</ol>"


def report_html(report: WeekReport, charts: list[str]) -> str:
    dates = ""
    if report.week_start and report.week_end:
        dates = f"活动周：{report.week_start:%Y年%m月%d日}至{report.week_end:%Y年%m月%d日}"
    theme = f"主题：{html.escape(report.theme)}" if report.theme else ""
    parts = [
        f"<h1 align='center'>{html.escape(report.region_name)}{report.year}年全民终身学习活动周总结</h1>",
        f"<p align='center'>{'　'.join(x for x in (dates, theme) if x)}</p>",
        f"<p>{figures_paragraph(report)}</p>",
    ]
    for table in tables(report):
        parts.append(_table_html(table))
    parts.append(_featured_html(report))
    parts.extend(f"<p><img src='{name}' width='600'/></p>" for name in charts)
    return "<html><body>" + "".join(parts) + "</body></html>"


def report_document(report: WeekReport) -> QTextDocument:
    ensure_gui_app()
    doc = QTextDocument()
    doc.setDefaultFont(QFont(font_family(), 11))
    t = tables(report)
    charts = {
        "chart-cities.png": bar_chart(t[0].title, t[0].rows),
        "chart-types.png": bar_chart(t[1].title, t[1].rows),
    }
    for name, image in charts.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(report_html(report, list(charts)))
    doc.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle,
        f"{report.region_name}{report.year}年全民终身学习活动周总结",
    )
    return doc


def write_report_odt(report: WeekReport, path: Path, *, database: Path | None = None) -> None:
    """The document as ODF text, through files.safe_output (temporary file, fsync, rename)."""
    with files.safe_output(path, database=database) as tmp:
        writer = QTextDocumentWriter(str(tmp), b"ODF")
        written = writer.write(report_document(report))
        del writer  # closes the file (Windows cannot rename an open file)
        if not written:
            raise OSError(f"cannot write {path}")


def write_statistics(report: WeekReport, path: Path, *, database: Path | None = None) -> None:
    """The 统计表 workbook: one sheet per table of the report, values only, with a total row."""
    with files.safe_output(path, database=database) as tmp:
        book = XlsxWriter(tmp, sheet_count=3)
        try:
            for table, name in zip(tables(report), ("按地区", "按类型", "按群体"), strict=True):
                sheet = book.sheet(name, widths=[24, 12, 14, 14, 14], freeze="A2")
                sheet.append([table.first, *HEADINGS])
                for row_name, t in table.rows:
                    sheet.append([row_name, *t.values])
                if name != "按群体":  # groups overlap: their sum is no total
                    total = report.summary.total
                    sheet.append(["合计", total.activities, total.expected, total.actual, total.online])
                sheet.close()
            book.close()
        except BaseException:
            book.abort()
            raise


def statistics_path(report_path: Path) -> Path:
    """Where the 统计表 goes: beside the report, `<report name>-统计表.xlsx`."""
    return report_path.with_name(f"{report_path.stem}-统计表.xlsx")
