"""The PowerPoint deck of a :class:`~portfolio_core.report.pack.Report` (python-pptx)."""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from portfolio_core.report.assumptions import (
    hourly_cost_text,
)
from portfolio_core.report.images import chart_png, png_size
from portfolio_core.report.pack import Report, cutoff_text, shorten

# --- PowerPoint -----------------------------------------------------------------------------------

SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
MARGIN_IN = 0.5
TITLE_PT, BODY_PT, TABLE_PT, SMALL_PT = 30, 20, 16, 14
DECK_CHARTS = ("pareto", "effort")  # the charts the deck shows (the effort one when hours are known)
ACTION_ROWS_PER_SLIDE = 6
ACTIONS_PER_MOVE = 3
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


def _cost_note(slide: Any, lines: Sequence[str], height: float) -> None:
    """The hourly cost the slide's figures rest on, in a line just above the footer."""
    if lines:
        box = (MARGIN_IN, SLIDE_H_IN - 0.55 - height, SLIDE_W_IN - 2 * MARGIN_IN, height)
        _text(slide, lines, box, SMALL_PT, bold=True, color=(0x8A, 0x3B, 0x12))


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
) -> Any:
    """A table with a dark header row; ``right`` aligns numeric columns to the right."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_table(
        len(rows) + 1,
        len(header),
        Inches(MARGIN_IN),
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


def _headline(report: Report) -> str:
    a, t = report.summary.loc["A"].to_dict(), report.t
    return t(
        "{client_share} of clients (class A, {clients}) make {revenue_share} of {measure}",
        client_share=t.percent(a["client_share"]),
        clients=t.number(int(a["clients"])),
        revenue_share=t.percent(a["revenue_share"]),
        measure=t(report.settings.measure),
    )


def _moves_in_order(actions: pd.DataFrame, moves: Sequence[str]) -> list[str]:
    """The moves present, in review order (unknown ones last, as they come)."""
    present = list(dict.fromkeys(actions["action"]))
    return [m for m in moves if m in present] + [m for m in present if m not in moves]


def _action_pages(
    actions: pd.DataFrame,
    moves: Sequence[str],
    height: Callable[[Any], float] | None = None,
    budget: float = math.inf,
) -> list[pd.DataFrame]:
    """For each move but the last ("light touch"), the clients it matters most for (largest revenue,
    or largest loss for loss-making ones), in pages of at most ACTION_ROWS_PER_SLIDE rows whose
    ``height`` (estimated per row) adds up to ``budget`` at most: long texts take fewer rows a page."""
    picked = []
    for move in _moves_in_order(actions, moves):
        if moves and move == moves[-1]:
            continue
        group = actions[actions["action"] == move]
        key = -group["profit"] if (group["profit"] < 0).all() else group["revenue"]
        picked.append(group.loc[key.sort_values(ascending=False).index[:ACTIONS_PER_MOVE]])
    if not picked:
        return []
    rows = pd.concat(picked)
    pages, start, used = [], 0, 0.0
    for i, row in enumerate(rows.itertuples()):
        h = height(row) if height else 0.0
        if i > start and (i - start == ACTION_ROWS_PER_SLIDE or used + h > budget):
            pages.append(rows.iloc[start:i])
            start, used = i, 0.0
        used += h
    pages.append(rows.iloc[start:])
    return pages


def _lines(text: str, width_in: float, size_pt: int) -> int:
    """About how many lines ``text`` takes in a table cell ``width_in`` wide (average glyph: 0.55 em)."""
    per_line = max(1, int((width_in - 0.2) * 72 / (size_pt * 0.55)))
    return max(1, math.ceil(len(text) / per_line))


def pptx_report(report: Report, pictures: Mapping[str, bytes] | None = None) -> bytes:
    """The meeting deck (16:9): title and settings, Pareto chart, effort vs revenue, class summary,
    KPIs, action plan and action list.

    ``pictures`` may hold PNGs already rendered from ``report.charts`` (same keys), so the app
    renders each chart once for both the download buttons and the deck.
    """
    from pptx import Presentation
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    s, t = report.settings, report.t
    measure = t(s.measure)
    pictures = dict(pictures or {})

    def png(key: str) -> bytes:
        if key not in pictures:
            pictures[key] = chart_png(report.charts[key])
        return pictures[key]

    def num(value: float) -> str:
        return t.number(value)

    def money(value: float) -> str:
        return t.amount(value, s.currency)

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W_IN), Inches(SLIDE_H_IN)
    settings = {key: value for key, (_name, value) in report.named().items()}
    a_pct, b_pct = cutoff_text(s.a_pct, t), cutoff_text(s.b_pct, t)
    footer = shorten(
        t(
            "{source} · {date} · A {a} % / B {b} % · ranked by {measure} · filters: {filters}",
            source=settings["Source"],
            date=settings["Date"],
            a=a_pct,
            b=b_pct,
            measure=measure,
            filters=settings["Filters"],
        ),
        150,
    )
    content_w = SLIDE_W_IN - 2 * MARGIN_IN
    chart_box = (MARGIN_IN, 1.3, content_w, SLIDE_H_IN - 1.3 - 0.65)

    # 1. Title slide: the date and the settings.
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (Inches(v) for v in (MARGIN_IN, 0.7, content_w, 1.2))
    title.text = t("Client portfolio review")
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    _style_runs(title.text_frame, 44, bold=True)
    _text(slide, [settings["Date"]], (MARGIN_IN, 1.9, content_w, 0.6), 24, color=GREY)
    lines = [
        t("Data: {source}", source=shorten(settings["Source"], 90)),
        t(
            "{n} clients ranked by {measure}; A up to {a} %, B up to {b} % of {measure}",
            n=num(len(report.clients)),
            measure=measure,
            a=a_pct,
            b=b_pct,
        ),
        t("ABC rule: {rule}", rule=settings["ABC rule"]),
        t(
            "Filters: {filters} (classes computed on {on})",
            filters=shorten(settings["Filters"], 90),
            on=settings["Classes computed on"],
        ),
        t("Clients in scope: {scope}", scope=settings["Clients in scope"]),
    ]
    if report.has_effort:
        lines.append(hourly_cost_text(s.hourly_cost, s.hourly_cost_set, t, s.currency))
    _text(slide, lines, (MARGIN_IN, 2.9, content_w, 4.0), BODY_PT)
    cost_note = [text for name, text in report.assumptions if name == t("Let-go advice rests on")]
    if report.has_effort and not cost_note:
        cost_note = [hourly_cost_text(s.hourly_cost, s.hourly_cost_set, t, s.currency)]
    note_h = 0.75 if cost_note else 0.0  # room kept above the footer for the hourly-cost sentence

    # 2. The Pareto chart.
    slide = _slide(prs, _headline(report), footer)
    _picture(slide, png("pareto"), chart_box)

    # 3. Effort vs revenue (or what would unlock it).
    if report.has_effort and "effort" in report.charts:
        effort_80 = next((k.value for k in report.kpis if k.key == "effort_80"), None)
        if effort_80:
            title = t("{share} of clients take 80% of the effort", share=effort_80)
        else:
            title = t("Effort vs revenue")
        slide = _slide(prs, title, footer)
        _picture(slide, png("effort"), chart_box)
    else:
        slide = _slide(prs, t("Effort vs revenue: no activity log yet"), footer)
        _text(
            slide,
            [
                *report.notes,
                t(
                    "The file needs one row per call, meeting, visit or e-mail: the client, the date, the "
                    "type and (if known) the duration in hours."
                ),
            ],
            (MARGIN_IN, 1.6, content_w, 4.5),
            24,
        )

    # 4. The class summary table.
    slide = _slide(prs, t("Clients and revenue by class"), footer)
    header = [
        t("Class"),
        t("Clients"),
        t("Share of clients"),
        t(s.measure.capitalize()),
        t("Share of {measure}", measure=measure),
    ]
    widths = [1.4, 1.8, 2.3, 2.9, 2.6]
    if report.has_effort:
        header += [t("Hours"), t("Share of effort")]
        widths = [1.35, 1.45, 1.85, 2.2, 2.0, 1.5, 1.95]  # "Classe", "Clients", "Heures" fit at 22 pt
    rows = []
    for cls, r in report.summary.iterrows():
        row = [
            str(cls),
            num(int(r["clients"])),
            t.percent(r["client_share"], 1),
            money(r["revenue"]),
            t.percent(r["revenue_share"], 1),
        ]
        if report.has_effort:
            row += [num(r["hours"]), t.percent(r["effort_share"], 1)]
        rows.append(row)
    _table(slide, header, rows, widths, 1.5, 0.75, size=22, right=[False] + [True] * (len(header) - 1))
    _text(
        slide,
        [
            t(
                "A: clients that make the first {a} % of {measure}; B: up to {b} %; C: the rest.",
                a=a_pct,
                b=b_pct,
                measure=measure,
            ),
            _headline(report) + ".",
        ],
        (MARGIN_IN, 1.5 + 0.75 * 4 + 0.4, content_w, 1.4),
        BODY_PT,
    )

    # 5. KPIs as tiles.
    slide = _slide(prs, t("Key figures"), footer)
    cols, gap = 4, 0.25
    tile_w = (content_w - gap * (cols - 1)) / cols
    kpis = report.kpis[:12]
    n_rows = max(1, math.ceil(len(kpis) / cols))
    tile_h = min(1.75, (SLIDE_H_IN - 1.4 - 0.7 - note_h - gap * (n_rows - 1)) / n_rows)
    _cost_note(slide, cost_note, note_h)
    for i, kpi in enumerate(kpis):
        left = MARGIN_IN + (i % cols) * (tile_w + gap)
        top = 1.4 + (i // cols) * (tile_h + gap)
        box = slide.shapes.add_shape(1, Inches(left), Inches(top), Inches(tile_w), Inches(tile_h))
        box.fill.solid()
        box.fill.fore_color.rgb = _rgb((0xEE, 0xF3, 0xF8))
        box.line.color.rgb = _rgb((0xC5, 0xD3, 0xE0))
        tf = box.text_frame
        tf.word_wrap = True
        tf.margin_left = tf.margin_right = Pt(8)
        tf.paragraphs[0].text = kpi.value
        label = tf.add_paragraph()
        label.text = shorten(kpi.label, 40)
        sizes = [30, 16]
        if kpi.note:
            note = tf.add_paragraph()
            note.text = shorten(kpi.note, 32)
            sizes.append(14)
        for paragraph, size in zip(tf.paragraphs, sizes, strict=True):
            paragraph.alignment = PP_ALIGN.CENTER
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.bold = size == 30
                run.font.color.rgb = _rgb(DARK if size > 14 else GREY)

    # 6. The action plan: one row per move, then the clients it matters most for.
    # "Move" alone is a cut-off move in the catalog ("Variation"): the column says "Action" in French.
    move_header = "Move" if t.lang == "en" else t("Action")
    slide = _slide(prs, t("Action plan"), footer)
    plan = (
        report.actions.groupby("action", sort=False)
        .agg(clients=("label", "size"), revenue=("revenue", "sum"), hours=("hours", "sum"))
        .reindex(_moves_in_order(report.actions, report.moves))
    )
    header = [move_header, t("Clients"), t(s.measure.capitalize())] + (
        [t("Hours")] if report.has_effort else []
    )
    widths = [7.8, 1.3, 2.0] + ([1.2] if report.has_effort else [])
    rows = [
        [shorten(str(move), 90), num(int(r["clients"])), money(r["revenue"])]
        + ([num(r["hours"])] if report.has_effort else [])
        for move, r in plan.iterrows()
    ]
    _cost_note(slide, cost_note, note_h)
    _table(slide, header, rows, widths, 1.4, min(0.62, (5.2 - note_h) / (len(rows) + 1)), size=18,
           right=[False] + [True] * (len(header) - 1))  # fmt: skip
    widths = [2.7, 1.15, 4.2, 4.28]  # "Classe" fits its column at 16 pt
    row_min, list_pt = 0.76, 16

    def cells(r: Any) -> list[str]:
        return [
            shorten(str(r.label), 26),
            str(r.abc_class),
            shorten(str(r.action), 90),
            shorten(str(r.reason), 90),
        ]

    def height(r: Any) -> float:
        lines = max(_lines(text, w, list_pt) for text, w in zip(cells(r), widths, strict=True))
        return max(row_min, lines * list_pt * 1.2 / 72 + 0.12)

    budget = SLIDE_H_IN - 0.6 - 1.4 - row_min - note_h  # between the title and the note, below the header
    pages = _action_pages(report.actions, report.moves, height, budget)
    for k, page in enumerate(pages, start=1):
        if len(pages) > 1:
            title = t("Action list ({page}/{pages})", page=k, pages=len(pages))
        else:  # "Action list" alone is "Plan d'action" in the catalog, like the slide before
            title = "Action list" if t.lang == "en" else t("Action list (slide)")
        slide = _slide(prs, title, footer)
        rows = [cells(r) for r in page.itertuples()]
        _table(
            slide, [t("Client"), t("Class"), move_header, t("Why")], rows, widths, 1.4, row_min, size=list_pt
        )
        _cost_note(slide, cost_note, note_h)

    from portfolio_core.report.heading import heading_slide  # it builds on this module's helpers

    heading_slide(prs, report, footer)  # "Where we are heading", when the sales are dated
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
