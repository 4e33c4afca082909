"""Account health: a 0-100 score per client from the signals its data allows.

Each signal is a number in 0..1 (1 = healthy, 0.5 = no change for the trends), NaN when the data
cannot tell:

- ``revenue_trend``: revenue in period 2 against period 1, ``0.5 + g / 2`` with
  ``g = (after - before) / max(|before|, |after|)`` clipped to -1..1 (a client who stops scores 0,
  a new one 1; NaN when both are 0);
- ``activity``: the probability that the client is still active (MBG/NBD);
- ``margin``: its margin rate against the portfolio's median rate, ``rate / (2 median)`` clipped
  to 0..1 (the median scores 0.5);
- ``effort_trend``: the trend of its revenue per hour (both periods need hours), as revenue_trend;
- ``win_rate_trend``: ``0.5 + (win rate 2 - win rate 1) / 2`` (both periods need closed deals).

Score = 100 x sum(w s) / sum(w) over the signals present (missing signals drop out and the weights
renormalise). Levels: ``healthy`` from 70, ``watch`` from 40, ``at_risk`` below. The weakest signal is
the one that costs the score most, w (1 - s).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from portfolio_core.analysis.bgnbd import BGNBDParams
from portfolio_core.analysis.effort import activity_hours
from portfolio_core.analysis.kpis import alive_probability
from portfolio_core.analysis.retention import Period, period_revenue
from portfolio_core.ingest.portfolio import Portfolio

SIGNALS = ("revenue_trend", "activity", "margin", "effort_trend", "win_rate_trend")
DEFAULT_WEIGHTS = {
    "revenue_trend": 3.0,
    "activity": 3.0,
    "margin": 2.0,
    "effort_trend": 1.0,
    "win_rate_trend": 1.0,
}
HEALTHY, WATCH = 70.0, 40.0
LEVELS = ("healthy", "watch", "at_risk")


def trend_signal(before: pd.Series, after: pd.Series) -> pd.Series:
    """``0.5 + g / 2``, ``g = (after - before) / max(|before|, |after|)`` clipped to -1..1.

    NaN when both are 0.

    Examples
    --------
    >>> trend_signal(pd.Series([100.0, 100.0, 0.0, 0.0]), pd.Series([50.0, 0.0, 10.0, 0.0])).tolist()
    [0.25, 0.0, 1.0, nan]
    """
    scale = pd.concat([before.abs(), after.abs()], axis=1).max(axis=1)
    change = ((after - before) / scale.where(scale > 0)).clip(-1.0, 1.0)
    return 0.5 + change / 2


def health_scores(signals: pd.DataFrame, weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Score (0-100), level and weakest signal per row of ``signals`` (columns among SIGNALS, 0..1 or NaN).

    Weights default to DEFAULT_WEIGHTS; a signal with weight 0 or NaN for a client drops out for
    that client. ``score`` is NaN (level and weakest None) when no signal is left.

    Examples
    --------
    >>> s = pd.DataFrame({"revenue_trend": [1.0, 0.2], "margin": [0.5, np.nan]}, index=["x", "y"])
    >>> health_scores(s, {"revenue_trend": 1.0, "margin": 1.0}).values.tolist()
    [[75.0, 'healthy', 'margin'], [20.0, 'at_risk', 'revenue_trend']]
    """
    chosen = {**DEFAULT_WEIGHTS, **(weights or {})}
    names = [c for c in SIGNALS if c in signals.columns and chosen.get(c, 0.0) > 0]
    values = signals[names].astype("float64").clip(0.0, 1.0)
    w = pd.DataFrame(
        np.where(values.notna(), [chosen[c] for c in names], 0.0), index=values.index, columns=names
    )
    total = w.sum(axis=1)
    score = 100 * (w * values.fillna(0.0)).sum(axis=1) / total.where(total > 0)
    loss = w * (1 - values.fillna(1.0))
    weakest = (
        loss.idxmax(axis=1).where(loss.max(axis=1) > 0) if names else pd.Series(np.nan, index=signals.index)
    )
    bins = [-np.inf, WATCH, HEALTHY, np.inf]
    level = pd.cut(score, bins, right=False, labels=list(reversed(LEVELS))).astype(object)
    return pd.DataFrame({"score": score, "level": level, "weakest": weakest}, index=signals.index).astype(
        {"level": object, "weakest": object}
    )


def by_priority(table: pd.DataFrame, classes: pd.Series) -> pd.DataFrame:
    """``table`` (a score and a revenue_trend column) with ``falling`` (revenue down between the
    periods, revenue_trend < 0.5) and ``priority`` (falling while in class A or B), sorted: those
    first, then by score, lowest first, then by client."""
    falling = table["revenue_trend"] < 0.5
    cls = classes.reindex(table.index)
    out = table.assign(abc_class=cls, falling=falling, priority=falling & cls.isin(["A", "B"]))
    out = out.rename_axis("client").reset_index()
    out = out.sort_values(["priority", "score", "client"], ascending=[False, True, True], na_position="last")
    return out.set_index("client")


def _win_rate(deals: pd.DataFrame, period: Period) -> pd.Series:
    days = pd.to_datetime(deals["date"], errors="coerce").dt.normalize()
    inside = deals[(days >= period[0]) & (days <= period[1]) & deals["stage"].isin(["won", "lost"])]
    return (inside["stage"] == "won").groupby(inside["client"]).mean()


def _hours(portfolio: Portfolio, period: Period, default_hours: dict[str, float] | None) -> pd.Series:
    acts = portfolio.activities
    days = pd.to_datetime(acts["date"], errors="coerce").dt.normalize()
    inside = (days >= period[0]) & (days <= period[1])
    return activity_hours(acts, default_hours)[inside].groupby(acts.loc[inside, "client"]).sum()


def portfolio_signals(
    portfolio: Portfolio,
    clients: pd.Index,
    periods: tuple[Period, Period] | None,
    bgnbd: tuple[BGNBDParams | None, pd.DataFrame] = (None, pd.DataFrame()),
    default_hours: dict[str, float] | None = None,
) -> pd.DataFrame:
    """The signals per client of ``clients`` (index) from the portfolio, NaN where the data lacks them:
    trends compare the two ``periods`` (none without them); ``bgnbd`` is a fit and its summary
    (:func:`portfolio_core.analysis.kpis.fit_portfolio_bgnbd`)."""
    out = pd.DataFrame(index=clients, columns=list(SIGNALS), dtype="float64")
    if periods is not None and portfolio.has("date"):
        period1, period2 = periods
        sales = portfolio.won()
        before = period_revenue(sales, period1).reindex(clients, fill_value=0.0)
        after = period_revenue(sales, period2).reindex(clients, fill_value=0.0)
        out["revenue_trend"] = trend_signal(before, after)
        if "stage" in portfolio.transactions.columns:
            tx = portfolio.transactions
            out["win_rate_trend"] = (
                0.5 + (_win_rate(tx, period2) - _win_rate(tx, period1)).reindex(clients) / 2
            )
        if not portfolio.activities.empty and "date" in portfolio.activities.columns:
            h1, h2 = (_hours(portfolio, p, default_hours).reindex(clients) for p in (period1, period2))
            both = (h1 > 0) & (h2 > 0)
            out["effort_trend"] = trend_signal(before / h1, after / h2).where(both)
    params, summary = bgnbd
    if params is not None:
        out["activity"] = alive_probability(params, summary, clients)
    if portfolio.has("margin"):
        revenue = portfolio.values("revenue", include_inactive=True).reindex(clients)
        rate = portfolio.values("margin", include_inactive=True).reindex(clients) / revenue.where(revenue > 0)
        median = rate.median()
        if median > 0:
            out["margin"] = (rate / (2 * median)).clip(0.0, 1.0)
    return out
