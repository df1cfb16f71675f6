"""Paging a QTextDocument onto a printer or PDF writer, with the header and footer painted on each page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)

from lifelong_desktop.printing.paging import Slice, atoms_of, paginate
from lifelong_desktop.printing.qt import body_font

LAYOUT_DPI = 96  # the document is laid out at this resolution and scaled to the device's
MARGINS_MM = QMarginsF(14, 12, 14, 12)
HEADER_MM = 13.0
FOOTER_MM = 9.0
TEXT_SLACK = 8.0  # layout pixels: less than half a line of the smallest printed text
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}


@dataclass(frozen=True, slots=True)
class Furniture:
    """What every page shows around the body: header lines and the footer's 数据截至 text."""

    header_left: str  # region, year
    header_sub: str  # theme
    header_right: str  # layout title
    as_of: str  # 数据截至 ...
    page_text: str  # a template with {page} and {pages}


def page_layout(page: str = "A4", landscape: bool = False) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(
        QPageSize(PAGE_SIZES.get(page.upper(), QPageSize.PageSizeId.A4)),
        orientation,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def _layout_device() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dpm = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    return image


class PagedDocument:
    """A QTextDocument laid out for a page layout: knows its pages and paints itself page by page.

    The document is laid out as one strip of the body's width; printing.paging decides where pages break
    (never inside a table row) and each page paints its bands of the strip."""

    def __init__(self, html: str, layout: QPageLayout) -> None:
        self.layout = QPageLayout(layout)
        self._device = _layout_device()  # kept alive: the document layout refers to it
        self.doc = QTextDocument()
        self.doc.setUseDesignMetrics(True)
        self.doc.documentLayout().setPaintDevice(self._device)
        self.doc.setDefaultFont(body_font(10))
        self.doc.setDocumentMargin(0)
        self.doc.setHtml(html)
        self._pages: list[list[Slice]] = []
        self._lay_out()

    def _lay_out(self) -> None:
        """The strip at the body's width (no page height: Qt's own paging would split rows), then its pages."""
        body = self.body_size(LAYOUT_DPI)
        self.doc.setPageSize(QSizeF(body.width(), -1))
        self._pages = paginate(atoms_of(self.doc), body.height())

    def body_rect(self, dpi: float) -> QRectF:
        """The area of the page for the document body, in pixels at dpi, relative to the paint rectangle."""
        paint = self.layout.paintRect(QPageLayout.Unit.Millimeter)
        mm = dpi / 25.4
        return QRectF(0, HEADER_MM * mm, paint.width() * mm, (paint.height() - HEADER_MM - FOOTER_MM) * mm)

    def body_size(self, dpi: float) -> QSizeF:
        return self.body_rect(dpi).size()

    @property
    def page_count(self) -> int:
        return len(self._pages)

    @property
    def pages(self) -> list[list[Slice]]:
        """Each page's bands of the strip (layout units)."""
        return self._pages

    def set_layout(self, layout: QPageLayout) -> None:
        """Lay the document out again for other paper or margins (nothing to do when they are the same)."""
        if not layout.isEquivalentTo(self.layout):
            self.layout = QPageLayout(layout)
            self._lay_out()

    def paint(
        self, device: QPagedPaintDevice, furniture: Furniture, *, use_device_layout: bool = False
    ) -> int:
        """Paint every page onto the device (its page layout is set first unless use_device_layout, which
        takes the device's own, as chosen in a print dialog); returns the number of pages. The same function
        serves QPdfWriter, QPrinter and QPrintPreviewDialog."""
        if use_device_layout:
            self.set_layout(device.pageLayout())
        else:
            device.setPageLayout(self.layout)
        dpi = device.logicalDpiY()
        pages = self.page_count
        body = self.body_rect(dpi)
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("cannot paint on the output device")
        try:
            fonts = self._furniture_fonts(device)  # the same on every page
            for i, bands in enumerate(self._pages):
                if i:
                    device.newPage()
                for band in bands:
                    self._paint_band(painter, body, dpi / LAYOUT_DPI, band)
                self._furniture(painter, dpi, fonts, furniture, i + 1, pages)
        finally:
            painter.end()
        return pages

    def _paint_band(self, painter: QPainter, body: QRectF, scale: float, band: Slice) -> None:
        """One band of the strip at its place on the page. The PDF text layer ignores clipping, so no line may
        be drawn in two bands: a band's edges fall between rows or paragraphs, never through a line."""
        painter.save()
        painter.translate(body.left(), body.top() + band.dst_top * scale)
        painter.scale(scale, scale)
        painter.translate(0, -band.src_top)
        clip = QRectF(0, band.src_top, self.doc.pageSize().width(), band.src_bottom - band.src_top)
        painter.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        # Lines are drawn whole when they touch ctx.clip; a paragraph's margin can reach a few pixels into
        # the band before, so only lines reaching more than TEXT_SLACK into the band are drawn in it.
        ctx.clip = clip.adjusted(0, TEXT_SLACK, 0, -TEXT_SLACK)
        self.doc.documentLayout().draw(painter, ctx)
        painter.restore()

    @staticmethod
    def _furniture_fonts(device: QPagedPaintDevice) -> tuple[QFont, QFont, float, float]:
        """The header's bold font and the small font, with their line heights on the device."""
        big, small = body_font(10.5), body_font(8.5)
        big.setBold(True)
        return big, small, QFontMetricsF(big, device).height(), QFontMetricsF(small, device).height()

    def _furniture(
        self,
        painter: QPainter,
        dpi: float,
        fonts: tuple[QFont, QFont, float, float],
        f: Furniture,
        page: int,
        pages: int,
    ) -> None:
        mm = dpi / 25.4
        paint = self.layout.paintRect(QPageLayout.Unit.Millimeter)
        width, height = paint.width() * mm, paint.height() * mm
        grey = QColor("#333333")
        big, small, line1, line2 = fonts
        painter.save()
        painter.setPen(QPen(grey))
        painter.setFont(big)
        painter.drawText(QRectF(0, 0, width * 0.62, line1), Qt.AlignmentFlag.AlignLeft, f.header_left)
        painter.drawText(
            QRectF(width * 0.5, 0, width * 0.5, line1), Qt.AlignmentFlag.AlignRight, f.header_right
        )
        painter.setFont(small)
        if f.header_sub:
            painter.drawText(
                QRectF(0, line1 + 0.6 * mm, width, line2), Qt.AlignmentFlag.AlignLeft, f.header_sub
            )
        rule_y = HEADER_MM * mm - 2.5 * mm
        painter.setPen(QPen(QColor("#1f3f6f"), max(1.0, 0.3 * mm)))
        painter.drawLine(0, rule_y, width, rule_y)
        foot_y = height - FOOTER_MM * mm + 3 * mm
        painter.setPen(QPen(QColor("#999999"), max(1.0, 0.15 * mm)))
        painter.drawLine(0, foot_y - 1.2 * mm, width, foot_y - 1.2 * mm)
        painter.setPen(QPen(grey))
        painter.drawText(QRectF(0, foot_y, width, line2), Qt.AlignmentFlag.AlignLeft, f.as_of)
        painter.drawText(
            QRectF(0, foot_y, width, line2),
            Qt.AlignmentFlag.AlignRight,
            f.page_text.format(page=page, pages=pages),
        )
        painter.restore()
