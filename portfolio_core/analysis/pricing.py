"""Pricing opportunities: clients far below their peers on margin rate or revenue per hour.

Peers are the clients sharing the same values of the peer columns (class and segment, say). A
client is **far below** when its figure is under ``factor`` x its peers' median (half by default),
the median is positive and the group has at least ``min_peers`` clients with the figure (the client
included). The opportunity is what a return to the median would bring at the same volume:
``(median rate - rate) x revenue`` for the margin rate, ``(median - revenue per hour) x hours`` for
the revenue per hour.
"""

from __future__ import annotations

import pandas as pd

FACTOR = 0.5
MIN_PEERS = 3
COLUMNS = ["client", "measure", "value", "peer_median", "peers", "gain"]


def _far_below(value: pd.Series, volume: pd.Series, peers: pd.DataFrame, factor: float, min_peers: int):
    known = value.dropna()
    keys = [peers.loc[known.index, c] for c in peers.columns]
    grouped = known.groupby(keys, dropna=False)
    median, count = grouped.transform("median"), grouped.transform("size")
    flagged = (median > 0) & (count >= min_peers) & (known < factor * median)
    return pd.DataFrame(
        {
            "value": known[flagged],
            "peer_median": median[flagged],
            "peers": count[flagged].astype("int64"),
            "gain": ((median - known) * volume.reindex(known.index))[flagged],
        }
    )


def pricing_opportunities(
    table: pd.DataFrame, peers: pd.DataFrame, factor: float = FACTOR, min_peers: int = MIN_PEERS
) -> pd.DataFrame:
    """Clients of ``table`` (indexed by client: ``revenue`` and optionally ``margin``, ``hours``) far below
    their peers (``peers``: one column per peer attribute, same index), largest gain first.

    Columns: ``client``, ``measure`` (``margin_rate`` or ``revenue_per_hour``), ``value``,
    ``peer_median``, ``peers``, ``gain``.

    Examples
    --------
    >>> t = pd.DataFrame({"revenue": [100.0] * 3, "margin": [40.0, 30.0, 5.0]}, index=["x", "y", "z"])
    >>> pricing_opportunities(t, pd.DataFrame({"abc_class": ["C"] * 3}, index=t.index)).values.tolist()
    [['z', 'margin_rate', 0.05, 0.3, 3, 25.0]]
    """
    revenue = table["revenue"]
    parts = []
    if "margin" in table.columns:
        rate = (table["margin"] / revenue.where(revenue > 0)).rename("margin_rate")
        parts.append(_far_below(rate, revenue, peers, factor, min_peers).assign(measure="margin_rate"))
    if "hours" in table.columns:
        hours = table["hours"].where(table["hours"] > 0)
        parts.append(
            _far_below(revenue / hours, hours, peers, factor, min_peers).assign(measure="revenue_per_hour")
        )
    found = [p for p in parts if not p.empty]
    if not found:
        return pd.DataFrame(columns=COLUMNS)
    out = pd.concat(found).rename_axis("client").reset_index()
    return out.sort_values(["gain", "client"], ascending=[False, True], ignore_index=True)[COLUMNS]
