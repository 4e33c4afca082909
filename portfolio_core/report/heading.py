"""The deck's "Where we are heading" slide: revenue retention and the predicted revenue per class."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from portfolio_core.analysis.abc import CLASSES
from portfolio_core.report.deck import BODY_PT, MARGIN_IN, SLIDE_W_IN, SMALL_PT, _slide, _table, _text
from portfolio_core.report.pack import Report


def heading_slide(prs: Any, report: Report, footer: str) -> None:
    """Add "Where we are heading" to ``prs`` when the sales are dated and some fall in the 12 months
    before the last 12: NRR and GRR, and each class's revenue over the last 12 months beside the
    predicted next 12 (when the history allows a prediction)."""
    figures: Mapping[str, Any] = report.heading
    if not figures or figures["retention"]["nrr"] is None:  # undated, or no sale in the earlier 12 months
        return
    t, currency = report.t, report.settings.currency
    slide = _slide(prs, t("Where we are heading"), footer)
    (start, _), (_, end) = figures["periods"]
    retention = figures["retention"]

    def ratio(value: float | None) -> str:
        return "—" if value is None else t.percent(value, 1)

    lines = [
        t("Net revenue retention (NRR)") + f": {ratio(retention['nrr'])}",
        t("Gross revenue retention (GRR)") + f": {ratio(retention['grr'])}",
        t(
            "The 12 months to {end} against the 12 before (from {start})",
            end=t.date(end),
            start=t.date(start),
        ),
    ]
    width = SLIDE_W_IN - 2 * MARGIN_IN
    _text(slide, lines, (MARGIN_IN, 1.4, width, 1.6), BODY_PT)
    predicted = figures.get("predicted_revenue_12m")
    last = figures["revenue_last_12m"]
    header = [t("Class"), t("Last 12 months")] + ([t("Next 12 months (predicted)")] if predicted else [])
    rows = [
        [cls, t.amount(last[cls], currency)] + ([t.amount(predicted[cls], currency)] if predicted else [])
        for cls in CLASSES
    ]
    _table(slide, header, rows, [2.0, 3.5, 4.5][: len(header)], 3.2, 0.6, right=[False, True, True])
    note = (
        t(
            "Expected purchases over the next 12 months (modified BG/NBD) times the expected spend per "
            "purchase (Gamma-Gamma), per client, added up per class."
        )
        if predicted
        else t(
            "Too little purchase history to predict: the models need at least 30 buying clients, 10 of "
            "whom bought on two days or more."
        )
    )
    _text(slide, [note], (MARGIN_IN, 5.9, width, 0.8), SMALL_PT)
