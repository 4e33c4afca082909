"""Altair charts of the Health page (no streamlit here): the revenue bridge, cohorts, predicted revenue."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from portfolio_core.analysis.retention import STEPS
from portfolio_core.i18n import ENGLISH, Translator
from portfolio_core.report.words import BRIDGE_STEP_TEXTS

SIGNS = {"start": 0, "expansion": 1, "contraction": -1, "churned": -1, "new": 1, "end": 0}
KIND_COLORS = {"total": "#1f4e79", "up": "#1b7837", "down": "#b2182b"}


def bridge_frame(figures: Mapping[str, float]) -> pd.DataFrame:
    """The waterfall's bars from :func:`portfolio_core.analysis.retention.retention_summary`: ``step``,
    ``amount`` (signed), ``low`` and ``high`` (the bar's ends) and ``kind`` (total, up, down).

    Examples
    --------
    >>> f = dict(start=100.0, expansion=20.0, contraction=5.0, churned=10.0, new=15.0, end=120.0)
    >>> bridge_frame(f)[["low", "high"]].values.tolist()
    [[0.0, 100.0], [100.0, 120.0], [115.0, 120.0], [105.0, 115.0], [105.0, 120.0], [0.0, 120.0]]
    """
    rows, level = [], 0.0
    for step in STEPS:
        sign = SIGNS[step]
        if sign == 0:
            amount, low, high, kind = figures[step], 0.0, figures[step], "total"
            level = figures[step]
        else:
            amount = sign * figures[step]
            low, high = sorted((level, level + amount))
            level += amount
            kind = "up" if amount >= 0 else "down"
        rows.append({"step": step, "amount": amount, "low": low, "high": high, "kind": kind})
    return pd.DataFrame(rows)


def bridge_chart(figures: Mapping[str, float], t: Translator = ENGLISH) -> alt.Chart:
    """The revenue bridge as a waterfall, from last period's revenue to this period's."""
    frame = bridge_frame(figures)
    frame["label"] = frame["step"].map(lambda s: t(BRIDGE_STEP_TEXTS[s]))
    order = frame["label"].tolist()
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("label:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("low:Q", title=t("Revenue")),
            y2="high:Q",
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=list(KIND_COLORS), range=list(KIND_COLORS.values())),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("label:N", title=t("Step")),
                alt.Tooltip("amount:Q", title=t("Amount"), format=",.0f"),
            ],
        )
        .properties(title=t("Revenue bridge"), height=320)
    )


def cohort_chart(table: pd.DataFrame, t: Translator = ENGLISH) -> alt.Chart:
    """Heat map of :func:`portfolio_core.analysis.cohorts.cohort_table`: the share of each cohort still
    buying, period by period since its first sale, with the counts and revenue on hover."""
    return (
        alt.Chart(table)
        .mark_rect()
        .encode(
            x=alt.X("age:O", title=t("Periods since the first sale")),
            y=alt.Y("cohort:O", title=t("Cohort (first sale)")),
            color=alt.Color(
                "share:Q", title=t("Still buying"), scale=alt.Scale(domain=[0, 1], scheme="blues")
            ),
            tooltip=[
                alt.Tooltip("cohort:N", title=t("Cohort")),
                alt.Tooltip("period:N", title=t("Period")),
                alt.Tooltip("buying:Q", title=t("Clients still buying")),
                alt.Tooltip("clients:Q", title=t("Clients in the cohort")),
                alt.Tooltip("share:Q", title=t("Still buying"), format=".0%"),
                alt.Tooltip("revenue:Q", title=t("Revenue"), format=",.0f"),
            ],
        )
        .properties(
            title=t("Share of each cohort still buying"), height=max(160, 24 * table["cohort"].nunique())
        )
    )


def prediction_chart(per_class: pd.DataFrame, t: Translator = ENGLISH) -> alt.Chart:
    """This year's revenue beside the predicted revenue of the next 12 months, per class
    (``per_class``: index the classes, columns ``last_12m`` and ``next_12m``)."""
    names = {"last_12m": t("Last 12 months"), "next_12m": t("Next 12 months (predicted)")}
    long = (
        per_class.rename_axis("abc_class")
        .reset_index()
        .melt("abc_class", var_name="when", value_name="revenue")
    )
    long["when"] = long["when"].map(names)
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("abc_class:N", title=t("Class")),
            xOffset=alt.XOffset("when:N", sort=list(names.values())),
            y=alt.Y("revenue:Q", title=t("Revenue")),
            color=alt.Color("when:N", title=None, sort=list(names.values())),
            tooltip=[
                alt.Tooltip("abc_class:N", title=t("Class")),
                alt.Tooltip("when:N", title=t("Period")),
                alt.Tooltip("revenue:Q", title=t("Revenue"), format=",.0f"),
            ],
        )
        .properties(title=t("Revenue per class: last 12 months and next 12 months"), height=300)
    )
