"""The PowerPoint deck of a :class:`~portfolio_core.report.pack.Report` (python-pptx)."""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from typing import Any

from portfolio_core.report.images import chart_png, png_size
from portfolio_core.report.pack import Report, shorten
from portfolio_core.report.story import Slide, Table, story

# --- PowerPoint -----------------------------------------------------------------------------------

SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
MARGIN_IN = 0.5
TITLE_PT, BODY_PT, TABLE_PT, SMALL_PT = 30, 20, 16, 14
ACTION_ROWS_PER_SLIDE = 6
DARK, GREY = (0x1F, 0x2D, 0x3D), (0x59, 0x59, 0x59)


def _rgb(color: tuple[int, int, int]) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor(*color)


def _style_runs(text_frame: Any, size: int, bold: bool = False, color: tuple[int, int, int] = DARK) -> None:
    from pptx.util import Pt

    for paragraph in text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = _rgb(color)


def _text(
    slide: Any,
    lines: Sequence[str],
    box: tuple[float, float, float, float],
    size: int = BODY_PT,
    bold: bool = False,
    color: tuple[int, int, int] = DARK,
) -> Any:
    """A word-wrapped text box, one paragraph per line."""
    from pptx.util import Inches, Pt

    left, top, width, height = box
    shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    tf = shape.text_frame
    tf.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        paragraph.text = line
        paragraph.space_after = Pt(6)
    _style_runs(tf, size, bold, color)
    return shape


def _notes(slide: Any, lines: Sequence[str]) -> float:
    """The assumptions the slide's figures rest on, just above the footer and in the speaker's notes;
    returns the height they take (inches)."""
    if not lines:
        return 0.0
    slide.notes_slide.notes_text_frame.text = "\n".join(lines)
    content_w = SLIDE_W_IN - 2 * MARGIN_IN
    height = sum(_lines(line, content_w, SMALL_PT) for line in lines) * SMALL_PT * 1.25 / 72 + 0.15
    box = (MARGIN_IN, SLIDE_H_IN - 0.55 - height, content_w, height)
    _text(slide, lines, box, SMALL_PT, color=(0x8A, 0x3B, 0x12))
    return height


def _slide(prs: Any, title: str, footer: str) -> Any:
    """A "Title Only" slide with the title across the top and a footer line."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches

    slide = prs.slides.add_slide(prs.slide_layouts[5])
    t = slide.shapes.title
    t.left, t.top = Inches(MARGIN_IN), Inches(0.25)
    t.width, t.height = Inches(SLIDE_W_IN - 2 * MARGIN_IN), Inches(0.95)
    t.text = title
    t.text_frame.word_wrap = True
    t.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    _style_runs(t.text_frame, TITLE_PT, bold=True)
    _text(
        slide, [footer], (MARGIN_IN, SLIDE_H_IN - 0.55, SLIDE_W_IN - 2 * MARGIN_IN, 0.4), SMALL_PT, color=GREY
    )
    return slide


def _picture(slide: Any, png: bytes, box: tuple[float, float, float, float]) -> Any:
    """The image scaled to fit inside the box (aspect kept), centred."""
    from pptx.util import Inches

    left, top, width, height = box
    w_px, h_px = png_size(png)
    scale = min(width / w_px, height / h_px)
    w, h = w_px * scale, h_px * scale
    return slide.shapes.add_picture(
        io.BytesIO(png), Inches(left + (width - w) / 2), Inches(top + (height - h) / 2), Inches(w), Inches(h)
    )


def _table(
    slide: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    top: float,
    row_height: float,
    size: int = TABLE_PT,
    right: Sequence[bool] | None = None,
    left: float = MARGIN_IN,
) -> Any:
    """A table with a dark header row; ``right`` aligns numeric columns to the right."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_table(
        len(rows) + 1,
        len(header),
        Inches(left),
        Inches(top),
        Inches(sum(widths)),
        Inches(row_height * (len(rows) + 1)),
    )
    table = shape.table
    for j, w in enumerate(widths):
        table.columns[j].width = Inches(w)
    for i in range(len(rows) + 1):
        table.rows[i].height = Inches(row_height)
    for i, values in enumerate([header, *rows]):
        for j, value in enumerate(values):
            cell = table.cell(i, j)
            cell.text = str(value)
            cell.margin_left = cell.margin_right = Pt(6)
            cell.margin_top = cell.margin_bottom = Pt(3)
            paragraph = cell.text_frame.paragraphs[0]
            if right is not None and right[j] and i > 0:
                paragraph.alignment = PP_ALIGN.RIGHT
            if i == 0:
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb((0x1F, 0x4E, 0x79))
                _style_runs(cell.text_frame, size, bold=True, color=(0xFF, 0xFF, 0xFF))
            else:
                _style_runs(cell.text_frame, size)
    return shape


def _lines(text: str, width_in: float, size_pt: int) -> int:
    """About how many lines ``text`` takes in a box ``width_in`` wide (average glyph: 0.55 em)."""
    per_line = max(1, int((width_in - 0.2) * 72 / (size_pt * 0.55)))
    return max(1, math.ceil(len(text) / per_line))


def _widths(table: Table, width: float, size: int) -> list[float]:
    """Column widths sharing ``width`` by the longest cell of each column: a value never wraps, a
    header may wrap between its words (its longest word counts)."""
    longest = [
        max([len(word) for word in str(header).split()] + [len(str(cell)) for cell in cells])
        for header, *cells in zip(table.header, *table.rows, strict=True)
    ]
    weights = [min(max(n, 5), 40) + 2 for n in longest]
    return [width * w / sum(weights) for w in weights]


def _pages(table: Table, widths: Sequence[float], size: int, row_min: float, budget: float) -> list[Table]:
    """The table in pages of at most ACTION_ROWS_PER_SLIDE rows whose estimated heights fit ``budget``."""
    pages: list[Table] = []
    rows: list[tuple[str, ...]] = []
    used = 0.0
    for row in table.rows:
        lines = max(_lines(text, w, size) for text, w in zip(row, widths, strict=True))
        h = max(row_min, lines * size * 1.2 / 72 + 0.12)
        if rows and (len(rows) == ACTION_ROWS_PER_SLIDE or used + h > budget):
            pages.append(Table(table.header, tuple(rows), table.numeric))
            rows, used = [], 0.0
        rows.append(row)
        used += h
    pages.append(Table(table.header, tuple(rows), table.numeric))
    return pages


def _title_slide(prs: Any, slide_: Slide) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches

    content_w = SLIDE_W_IN - 2 * MARGIN_IN
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (Inches(v) for v in (MARGIN_IN, 0.7, content_w, 1.2))
    title.text = slide_.title
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    _style_runs(title.text_frame, 44, bold=True)
    _text(slide, slide_.lines[:1], (MARGIN_IN, 1.9, content_w, 0.6), 24, color=GREY)
    _text(slide, slide_.lines[1:], (MARGIN_IN, 2.9, content_w, 3.4), BODY_PT)
    _notes(slide, slide_.notes)


def _tiles(slide: Any, tiles: Sequence[Any], box: tuple[float, float, float, float]) -> None:
    """The key figures as tiles, four a row."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    left0, top0, width, height = box
    cols, gap = 4, 0.25
    tile_w = (width - gap * (cols - 1)) / cols
    n_rows = max(1, math.ceil(len(tiles) / cols))
    tile_h = min(1.75, (height - gap * (n_rows - 1)) / n_rows)
    for i, kpi in enumerate(tiles):
        left = left0 + (i % cols) * (tile_w + gap)
        top = top0 + (i // cols) * (tile_h + gap)
        box_ = slide.shapes.add_shape(1, Inches(left), Inches(top), Inches(tile_w), Inches(tile_h))
        box_.fill.solid()
        box_.fill.fore_color.rgb = _rgb((0xEE, 0xF3, 0xF8))
        box_.line.color.rgb = _rgb((0xC5, 0xD3, 0xE0))
        tf = box_.text_frame
        tf.word_wrap = True
        tf.margin_left = tf.margin_right = Pt(8)
        tf.paragraphs[0].text = kpi.value
        label = tf.add_paragraph()
        label.text = shorten(kpi.label, 40)
        sizes = [30 if len(kpi.value) <= 9 else 24, 16]  # "€43,493,619" on one line
        if kpi.note:
            note = tf.add_paragraph()
            note.text = shorten(kpi.note, 32)
            sizes.append(14)
        for paragraph, size in zip(tf.paragraphs, sizes, strict=True):
            paragraph.alignment = PP_ALIGN.CENTER
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.bold = size >= 24
                run.font.color.rgb = _rgb(DARK if size > 14 else GREY)


def deck_charts(report: Report) -> dict[str, Any]:
    """The report's charts the deck shows, by key (those of the story's slides)."""
    return {s.chart: report.charts[s.chart] for s in story(report) if s.chart}


def pptx_report(report: Report, pictures: Mapping[str, bytes] | None = None) -> bytes:
    """The meeting deck (16:9): the slides of :func:`~portfolio_core.report.story.story`, the
    action list paginated; each slide shows the assumptions behind it, also as the speaker's notes.

    ``pictures`` may hold PNGs already rendered from ``report.charts`` (same keys), so the app
    renders each chart once for both the download buttons and the deck; it is first read when a
    slide shows a chart (a :class:`~portfolio_core.report.render.PngRenderer` renders meanwhile).
    """
    from pptx import Presentation
    from pptx.util import Inches

    t = report.t
    made: dict[str, bytes] = {}

    def png(key: str) -> bytes:
        if key not in made:
            if pictures is not None and key in pictures:
                made[key] = pictures[key]
            else:
                made[key] = chart_png(report.charts[key])
        return made[key]

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W_IN), Inches(SLIDE_H_IN)
    footer = shorten(page_footer(report), 150)
    content_w = SLIDE_W_IN - 2 * MARGIN_IN
    for item in story(report):
        if item.key == "title":
            _title_slide(prs, item)
            continue
        tables = [item.table] if item.table else [None]
        size = 16 if item.appendix else (22 if item.key == "revenue" else 18)
        row_min = 0.76 if item.appendix else 0.6
        top = 1.3 if not item.headline else 1.85
        if item.table is not None and item.appendix:
            widths = [2.7, 1.15, 4.2, 4.28]
            budget = SLIDE_H_IN - 0.6 - 1.4 - row_min - 0.9
            tables = _pages(item.table, widths, size, row_min, budget)
        for k, table in enumerate(tables, start=1):
            title = item.title
            if len(tables) > 1:
                title = t("Action list ({page}/{pages})", page=k, pages=len(tables))
            slide = _slide(prs, title, footer)
            if item.headline:
                _text(slide, [item.headline], (MARGIN_IN, 1.15, content_w, 0.6), 22, color=GREY)
            bottom = SLIDE_H_IN - 0.6 - _notes(slide, item.notes) - 0.1
            box = (MARGIN_IN, top, content_w, bottom - top)
            if item.chart and table is not None:  # the chart left, the table right
                half = (content_w - 0.3) / 2
                _picture(slide, png(item.chart), (MARGIN_IN, top, half, bottom - top))
                box = (MARGIN_IN + half + 0.3, top, half, bottom - top)
            elif item.chart:
                _picture(slide, png(item.chart), box)
            if table is not None:
                widths = [2.7, 1.15, 4.2, 4.28] if item.appendix else _widths(table, box[2], size)
                row_h = max(0.45, min(0.75, box[3] / (len(table.rows) + 1)))
                row_h = max(row_min, row_h) if item.appendix else row_h
                _table(slide, table.header, table.rows, widths, box[1], row_h, size, table.numeric, box[0])
            if item.tiles:
                _tiles(slide, item.tiles, box)
            if item.lines:
                _text(slide, item.lines, box, BODY_PT)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def page_footer(report: Report) -> str:
    """The line at the foot of every slide and page: the source, the date, the cut-offs, the filters."""
    s, t = report.settings, report.t
    named = {key: value for key, (_name, value) in report.named().items()}
    return t(
        "{source} · {date} · A {a} % / B {b} % · ranked by {measure} · filters: {filters}",
        source=named["Source"],
        date=named["Date"],
        a=named["A cut-off (%)"],
        b=named["B cut-off (%)"],
        measure=t(s.measure),
        filters=named["Filters"],
    )
