"""The PDF handout of a :class:`~portfolio_core.report.pack.Report` (fpdf2): A4 landscape, one page per
slide of :func:`~portfolio_core.report.story.story`, the charts as vectors (vl-convert's SVG), the
tables, the assumptions under each figure, the date and the data source on every page."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from portfolio_core.report.deck import page_footer
from portfolio_core.report.images import chart_svg
from portfolio_core.report.pack import Report, shorten
from portfolio_core.report.story import Slide, Table, story

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core: Latin-1, €, ’, …
PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 12.0  # A4 landscape, mm
DARK, GREY, NOTE, HEAD = (0x1F, 0x2D, 0x3D), (0x59, 0x59, 0x59), (0x8A, 0x3B, 0x12), (0x1F, 0x4E, 0x79)
SVG_NS = "{http://www.w3.org/2000/svg}"


def pdf_svg(svg: str) -> bytes:
    """vl-convert's SVG made readable by fpdf2: lines get their default coordinates, empty paths go,
    text is set in DejaVu (the core PDF fonts have no €)."""
    ET.register_namespace("", SVG_NS[1:-1])
    root = ET.fromstring(svg)
    for parent in root.iter():
        for child in list(parent):
            if child.tag == SVG_NS + "path" and not child.get("d", "").strip():
                parent.remove(child)
            elif child.tag == SVG_NS + "text":
                child.set("font-family", "DejaVu")
            elif child.tag == SVG_NS + "line":
                for name in ("x1", "y1", "x2", "y2"):
                    child.attrib.setdefault(name, "0")
    return ET.tostring(root)


class _Handout:
    """An fpdf2 document with the report's header and footer on each page."""

    def __init__(self, report: Report) -> None:
        from fpdf import FPDF

        header, footer = report.t("Client portfolio review"), shorten(page_footer(report), 170)

        class Document(FPDF):
            def header(self) -> None:
                self.set_font("DejaVu", "", 9)
                self.set_text_color(*GREY)
                self.cell(0, 5, header, align="L")
                self.ln(8)

            def footer(self) -> None:
                self.set_y(-10)
                self.set_font("DejaVu", "", 8)
                self.set_text_color(*GREY)
                self.cell(0, 5, footer, align="L")
                self.cell(0, 5, f"{self.page_no()}", align="R")

        self.doc = Document(orientation="L", unit="mm", format="A4")
        self.doc.set_margins(MARGIN, MARGIN, MARGIN)
        self.doc.set_auto_page_break(True, margin=14)
        self.doc.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.doc.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.doc.set_title(header)
        self.doc.set_creator("Client Portfolio Analyzer")

    def text(self, lines: Any, size: float, color: tuple[int, int, int] = DARK, bold: bool = False) -> None:
        d = self.doc
        d.set_font("DejaVu", "B" if bold else "", size)
        d.set_text_color(*color)
        for line in lines:
            d.multi_cell(0, size * 0.5, line, new_x="LMARGIN", new_y="NEXT")

    def table(self, table: Table, width: float, size: float = 10, headings: bool = True) -> None:
        d = self.doc
        d.set_font("DejaVu", "", size)
        d.set_text_color(*DARK)
        longest = [max(len(str(c)) for c in col) for col in zip(table.header, *table.rows, strict=True)]
        weights = [min(max(n, 8), 45) for n in longest]
        widths = [width * w / sum(weights) for w in weights]
        aligns = ["RIGHT" if right else "LEFT" for right in table.numeric]
        with d.table(
            col_widths=widths,
            width=width,
            align="LEFT",
            text_align=aligns,
            headings_style=_heading_style(),
            first_row_as_headings=headings,
            line_height=size * 0.5,
        ) as out:
            for values in [table.header, *table.rows]:
                row = out.row()
                for value in values:
                    row.cell(str(value))


def _heading_style() -> Any:
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=HEAD)


def pdf_report(report: Report, svgs: Mapping[str, str] | None = None) -> bytes:
    """The handout: a page per slide of the story (the action list over as many pages as it takes).

    ``svgs`` may hold SVGs already rendered from ``report.charts`` (same keys).
    """
    rendered = dict(svgs or {})
    h = _Handout(report)
    for item in story(report):
        if item.chart and item.chart not in rendered:
            rendered[item.chart] = chart_svg(report.charts[item.chart])
        _page(h, item, rendered)
    return bytes(h.doc.output())


def _page(h: _Handout, item: Slide, svgs: Mapping[str, str]) -> None:
    d = h.doc
    d.add_page()
    if item.key == "title":
        d.set_y(45)
        h.text([item.title], 30, bold=True)
        d.ln(4)
        h.text(item.lines[:1], 16, GREY)
        d.ln(6)
        h.text(item.lines[1:], 13)
        d.ln(4)
        h.text(item.notes, 10, NOTE)
        return
    h.text([item.title], 18, bold=True)
    if item.headline:
        h.text([item.headline], 12, GREY)
    d.ln(2)
    content_w = PAGE_W - 2 * MARGIN
    notes_h = 5.5 * sum(1 + len(n) // 150 for n in item.notes) + 3
    bottom = PAGE_H - 14 - notes_h
    top = d.get_y()
    if item.chart:
        width = content_w * (0.45 if item.table else 1.0)
        root = ET.fromstring(svgs[item.chart])
        ratio = float(root.get("height", "1")) / float(root.get("width", "1"))
        height = min(bottom - top, width * ratio)  # at the top of the box, not centred in it
        svg = io.BytesIO(pdf_svg(svgs[item.chart]))
        image = d.image(svg, x=MARGIN, y=top, w=height / ratio, h=height, keep_aspect_ratio=True)
        if item.table:
            d.set_xy(MARGIN + width + 6, top)
            d.set_left_margin(MARGIN + width + 6)
            h.table(item.table, content_w - width - 6, 9)
            d.set_left_margin(MARGIN)
        d.set_y(max(d.get_y(), top + float(image.rendered_height)) + 3)
    elif item.table:
        h.table(item.table, content_w, 11 if len(item.table.rows) < 8 else 9)
        d.ln(3)
    if item.tiles:
        rows = tuple((k.label, k.value, k.note) for k in item.tiles)
        h.table(Table(rows[0], rows[1:], (False, True, False)), content_w, 11, headings=False)
        d.ln(3)
    if item.lines:
        h.text(item.lines, 12)
    if item.notes:
        d.set_y(max(d.get_y(), bottom))
        h.text(item.notes, 9, NOTE)
