"""The recommended move per client, following the article's advice, with the reason: codes and values
(``portfolio_core.report.words.action_words`` puts them into words)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from portfolio_core.ingest.portfolio import Portfolio

# The moves' ids, in the order a review goes through them (A clients first).
ACTIONS = (
    "advocate",  # retain and delight; ask for a referral, a testimonial or a case study
    "retain",
    "develop_potential",
    "grow_wallet",
    "reprice",  # or let go: costs more than it brings
    "serve_cheaper",
    "light_touch",
)


def years_covered(portfolio: Portfolio) -> float:
    """Length of the sales history in years (at least 1; 1 when undated)."""
    won = portfolio.won()
    if "date" not in won or won["date"].notna().sum() < 2:
        return 1.0
    span = (won["date"].max() - won["date"].min()).days / 365.25
    return max(1.0, float(span))


def buying_years(portfolio: Portfolio) -> pd.Series:
    """Number of distinct calendar years in which each client bought (0 when undated)."""
    won = portfolio.won()
    if "date" not in won:
        return pd.Series(dtype="float64")
    dated = won.dropna(subset=["date"])
    return dated["date"].dt.year.groupby(dated["client"]).nunique()


def recommend(table: pd.DataFrame, portfolio: Portfolio, potential: pd.Series | None = None) -> pd.DataFrame:
    """One recommended action and its reason per client, as codes and the values they rest on.

    ``table`` comes from :func:`portfolio_core.analysis.effort.client_economics` (revenue,
    margin, hours, profit, abc_class, quadrant). The moves: A clients are retained and
    asked for a referral, testimonial or case study when loyal; B clients with
    unmet potential are developed; C clients that cost more than they bring are
    repriced or let go; time-consuming C clients are served more cheaply; the
    other C clients get a light touch.

    Returns, indexed like ``table``: ``action`` (an id of :data:`ACTIONS`), ``reason`` (a code) and
    the values the reason gives. An A client's reason is its ``revenue_share`` and, only when its
    sales are dated, the number of calendar years in which it bought (``bought_years``, else
    ``share``). A B client's is its ``unmet_potential`` a year (``no_potential_column`` without
    one). A C client's weighs its ``hours`` against its ``margin`` (``effort_margin``), against its
    ``revenue`` when the data has no margin (``effort_revenue``), and says there is no activity log
    when there is none (``no_activity_log``, never "0.0 h of effort").

    Examples
    --------
    >>> from portfolio_core.ingest.portfolio import Portfolio
    >>> t = pd.DataFrame({"revenue": [90.0, 10.0], "margin": [30.0, 2.0], "hours": [5.0, 9.0],
    ...                   "profit": [20.0, -7.0], "abc_class": ["A", "C"],
    ...                   "quadrant": ["Keep", "Reconsider"]}, index=["x", "y"])
    >>> sales = pd.DataFrame({"client": ["x", "y"], "amount": [90.0, 10.0], "margin": [30.0, 2.0]})
    >>> log = pd.DataFrame({"client": ["y"], "hours": [9.0]})
    >>> recommend(t, Portfolio(pd.DataFrame(index=pd.Index(["x", "y"], name="client")), sales, log))[
    ...     ["action", "reason", "revenue_share"]].values.tolist()
    [['retain', 'share', 0.9], ['reprice', 'effort_margin', 0.1]]
    """
    years = years_covered(portfolio)
    annual = table["revenue"] / years
    dated_years = buying_years(portfolio).reindex(table.index)  # NaN: no dated sale, nothing to count
    loyal_years = dated_years.fillna(0)
    unmet = (potential.reindex(table.index) - annual).clip(lower=0) if potential is not None else None
    cls, profit = table["abc_class"], table["profit"]

    action = np.select(
        [
            (cls == "A") & (loyal_years >= 2),
            cls == "A",
            (cls == "B") & (unmet.fillna(0) > 0.2 * annual if unmet is not None else False),
            cls == "B",
            profit < 0,
            table["quadrant"] == "Reconsider",
        ],
        list(ACTIONS[:-1]),
        default=ACTIONS[-1],
    )
    if portfolio.activities.empty:  # no activity log: no hours to weigh, say so instead of "0.0 h"
        c_reason = "no_activity_log"
    else:
        c_reason = "effort_margin" if portfolio.has("margin") else "effort_revenue"
    reason = np.select(
        [(cls == "A") & (dated_years > 0), cls == "A", cls == "B"],
        ["bought_years", "share", "unmet_potential" if unmet is not None else "no_potential_column"],
        default=c_reason,
    )
    out = pd.DataFrame({"action": action, "reason": reason}, index=table.index)
    out["revenue_share"] = table["revenue"] / table["revenue"].clip(lower=0).sum()
    out["buying_years"] = loyal_years
    out["unmet_potential"] = unmet if unmet is not None else np.nan
    for column in ("revenue", "margin", "hours", "profit"):
        out[column] = table[column] if column in table else np.nan
    return out
