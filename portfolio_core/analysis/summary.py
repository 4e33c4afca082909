"""The class summary as a plain dictionary (the CLI's JSON, the app's headline numbers)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from portfolio_core.analysis.abc import CLASSES, class_summary
from portfolio_core.analysis.effort import share_of_clients_for
from portfolio_core.analysis.gammagamma import predict_portfolio
from portfolio_core.analysis.kpis import as_of_date
from portfolio_core.analysis.retention import client_bridge, last_two_years, retention_summary
from portfolio_core.ingest.portfolio import Portfolio


def summary_dict(classified: pd.DataFrame, hours: pd.Series | None = None) -> dict[str, Any]:
    """``{"clients", "total_revenue", "no_net_revenue", "classes": {"A": {"clients", ...}, ...}}``.

    Each class holds ``clients``, ``revenue`` and ``revenue_share``; ``no_net_revenue`` counts
    the clients whose sales net to 0 or less (in class C, flagged).

    With ``hours`` per client, each class also gets ``effort_hours`` and
    ``effort_share``, and a top-level ``effort`` holds ``total_hours`` and
    ``client_share_80pct_effort`` (the share of clients that take 80 % of the hours).

    Examples
    --------
    >>> from portfolio_core.analysis.abc import classify_abc
    >>> d = summary_dict(classify_abc(pd.Series({"x": 80.0, "y": 20.0})))
    >>> d["classes"]["A"]
    {'clients': 1, 'revenue': 80.0, 'revenue_share': 0.8}
    """
    table = class_summary(classified).to_dict(orient="index")
    result: dict[str, Any] = {
        "clients": int(len(classified)),
        "total_revenue": float(classified["value"].sum()),
        # clients with sales netting to 0 or less: in class C, flagged
        "no_net_revenue": int(classified["non_positive"].sum()) if "non_positive" in classified else 0,
        "classes": {
            cls: {
                "clients": int(table[cls]["clients"]),
                "revenue": float(table[cls]["revenue"]),
                "revenue_share": float(table[cls]["revenue_share"]),
            }
            for cls in CLASSES
        },
    }
    if hours is not None:
        h = hours.reindex(classified.index).fillna(0.0)
        total = float(h.sum())
        per_class = h.groupby(classified["abc_class"]).sum()
        for cls in CLASSES:
            hours_cls = float(per_class.get(cls, 0.0))
            result["classes"][cls]["effort_hours"] = hours_cls
            result["classes"][cls]["effort_share"] = hours_cls / total if total > 0 else 0.0
        result["effort"] = {"total_hours": total, "client_share_80pct_effort": share_of_clients_for(h)}
    return result


def _number(value: float) -> float | None:
    return None if pd.isna(value) else float(value)


def heading_dict(portfolio: Portfolio, classified: pd.DataFrame) -> dict[str, Any]:
    """Where the portfolio is heading, for the clients of ``classified``: ``retention`` (``nrr``,
    ``grr``: the 12 months ending at the data's last date against the 12 before) and
    ``predicted_revenue_12m`` per class (MBG/NBD x Gamma-Gamma), each only when the data allows it
    (dates; enough repeat buyers for the fits). A ratio without period-1 revenue is null."""
    as_of = as_of_date(portfolio)
    if as_of is None:
        return {}
    return _heading(portfolio, classified, as_of, client_bridge(portfolio.won(), *last_two_years(as_of)))


def _heading(
    portfolio: Portfolio, classified: pd.DataFrame, as_of: pd.Timestamp, bridge: pd.DataFrame
) -> dict[str, Any]:
    """:func:`heading_dict` from the data's last date and the clients' revenue bridge over the two years."""
    figures = retention_summary(bridge[bridge.index.isin(classified.index)])
    result: dict[str, Any] = {"retention": {"nrr": _number(figures["nrr"]), "grr": _number(figures["grr"])}}
    prediction = predict_portfolio(portfolio, as_of)
    if prediction is not None:
        per_class = (
            prediction["predicted_revenue"].reindex(classified.index).groupby(classified["abc_class"]).sum()
        )
        result["predicted_revenue_12m"] = {cls: float(per_class.get(cls, 0.0)) for cls in CLASSES}
    return result


def heading_figures(portfolio: Portfolio, classified: pd.DataFrame) -> dict[str, Any]:
    """:func:`heading_dict` plus ``periods`` (the two 12-month periods) and ``revenue_last_12m``
    per class, for the deck; empty without dated sales."""
    as_of = as_of_date(portfolio)
    if as_of is None:
        return {}
    periods = last_two_years(as_of)
    bridge = client_bridge(portfolio.won(), *periods)
    end = bridge["end"].reindex(classified.index, fill_value=0.0)
    per_class = end.groupby(classified["abc_class"]).sum()
    last = {cls: float(per_class.get(cls, 0.0)) for cls in CLASSES}
    return {**_heading(portfolio, classified, as_of, bridge), "periods": periods, "revenue_last_12m": last}
