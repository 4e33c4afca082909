"""The story's "Where we are heading" slide (deck, PDF, Presentation): NRR, GRR and revenue per class
on the demo; none without dates."""

import io

import pytest
from pptx import Presentation

from portfolio_core import classify_abc, demo_portfolio
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.report.deck import pptx_report
from portfolio_core.report.pack import build_report
from tests.test_exports import small_report


def slide_text(slide) -> str:
    return " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


@pytest.fixture(scope="module")
def demo():
    p = demo_portfolio()
    classified = classify_abc(p.values())
    return p, classified, build_report(p, classified, AnalysisSettings(), source=p.source)


def test_the_demo_deck_says_where_we_are_heading(demo):
    p, classified, report = demo
    slides = list(Presentation(io.BytesIO(pptx_report(report))).slides)
    last = next(s for s in slides if s.shapes.title and s.shapes.title.text == "Where we are heading")
    text = slide_text(last)
    nrr = report.heading["retention"]["nrr"]
    assert f"Net revenue retention (NRR): {nrr:.1%}" in text
    assert "The 12 months to Oct 31, 2026" in text + last.notes_slide.notes_text_frame.text
    table = next(sh.table for sh in last.shapes if sh.has_table)
    assert [table.cell(i, 0).text for i in range(1, 4)] == ["A", "B", "C"]
    assert table.cell(0, 2).text == "Next 12 months (predicted)"
    # last 12 months per class, by hand: the won sales from 2025-11-01 to 2026-10-31 of each class
    won = p.won()
    recent = won[(won["date"] >= "2025-11-01") & (won["date"] <= "2026-10-31")]
    per_class = recent.groupby("client")["amount"].sum().reindex(classified.index, fill_value=0.0)
    want = per_class.groupby(classified["abc_class"]).sum()
    assert table.cell(1, 1).text == f"{want['A']:,.0f}"
    assert report.heading["revenue_last_12m"] == pytest.approx(want.to_dict())


def test_no_earlier_year_no_heading_slide():
    report = small_report()  # ten clients' sales within a single year: nothing to compare with
    assert report.heading["retention"]["nrr"] is None
    slides = Presentation(io.BytesIO(pptx_report(report))).slides
    assert "Where we are heading" not in [s.shapes.title.text for s in slides if s.shapes.title]
