"""The recommended move per client, following the article's advice, with the reason."""

from __future__ import annotations

import numpy as np
import pandas as pd

from portfolio_core.i18n import ENGLISH, Translator
from portfolio_core.ingest.portfolio import Portfolio

# The moves, in the order a review goes through them (A clients first).
ACTIONS = (
    "Retain and delight; ask for a referral, a testimonial or a case study",
    "Retain: secure the relationship",
    "Develop: unmet potential",
    "Develop: grow the share of wallet",
    "Reprice or let go: costs more than it brings",
    "Serve more cheaply: fewer visits, remote contact",
    "Light touch: no extra time",
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
    return won.dropna(subset=["date"]).groupby("client")["date"].agg(lambda d: d.dt.year.nunique())


def recommend(
    table: pd.DataFrame, portfolio: Portfolio, potential: pd.Series | None = None, t: Translator = ENGLISH
) -> pd.DataFrame:
    """One recommended action and its reason per client.

    ``table`` comes from :func:`portfolio_core.analysis.effort.client_economics` (revenue,
    margin, hours, profit, abc_class, quadrant). The moves: A clients are retained and
    asked for a referral, testimonial or case study when loyal; B clients with
    unmet potential are developed; C clients that cost more than they bring are
    repriced or let go; time-consuming C clients are served more cheaply; the
    other C clients get a light touch. An A client's reason gives the number of calendar years
    in which it bought only when its sales are dated; undated sales give its share of revenue alone.
    A C client's reason weighs its hours against its margin, against its revenue when the data
    has no margin, and says there is no activity log when there is none (never "0.0 h of effort").
    Returns ``action`` and ``reason`` columns indexed like ``table``, in ``t``'s language.
    """
    years = years_covered(portfolio)
    annual = table["revenue"] / years
    dated_years = buying_years(portfolio).reindex(table.index)  # NaN: no dated sale, nothing to count
    loyal_years = dated_years.fillna(0)
    unmet = (potential.reindex(table.index) - annual).clip(lower=0) if potential is not None else None
    cls, profit = table["abc_class"], table["profit"]

    action_text = np.select(
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
    action = pd.Series(action_text, index=table.index).map(t)
    share = table["revenue"] / table["revenue"].clip(lower=0).sum()
    # How many years a client bought is said only when its sales are dated (never "0 year(s)").
    years_text = t(" of revenue, bought in ") + loyal_years.map("{:.0f}".format) + t(" year(s)")
    a_reason = t.numbers(share, 1, percent=True) + years_text.where(dated_years > 0, t(" of revenue"))
    if unmet is not None:
        b_reason = t.numbers(unmet.fillna(0)) + t(" a year of potential not yet sold")
    else:
        b_reason = pd.Series(t("mid-sized client; no potential column to size the gap"), index=table.index)
    if portfolio.activities.empty:  # no activity log: no hours to weigh, say so instead of "0.0 h"
        c_reason = t.numbers(share, 1, percent=True) + t(
            " of revenue; no activity log to weigh the time it takes"
        )
    elif portfolio.has("margin"):
        c_reason = (
            t.numbers(table["hours"], 1)
            + t(" h of effort for ")
            + t.numbers(table["margin"])
            + t(" of margin (profit ")
            + t.numbers(profit)
            + ")"
        )
    else:  # the margin is unknown: the revenue is what the effort is weighed against
        c_reason = (
            t.numbers(table["hours"], 1)
            + t(" h of effort for ")
            + t.numbers(table["revenue"])
            + t(" of revenue")
        )
    reason = np.select([cls == "A", cls == "B"], [a_reason, b_reason], default=c_reason)
    return pd.DataFrame({"action": action, "reason": reason}, index=table.index)
