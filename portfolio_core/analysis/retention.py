"""Net and gross revenue retention (NRR, GRR) between two periods, and the revenue bridge.

Input: sales with columns ``client``, ``date`` and ``amount`` (won rows; credit notes are negative
amounts). A period is a pair of dates, both included. Per client, ``start`` is its net revenue in
period 1 and ``end`` in period 2. The clients **retained** (the NRR base) are those whose period-1
revenue is positive. For each of them the change goes to one bridge step:

- ``expansion`` = end - start when end >= start;
- ``contraction`` = start - end when 0 < end < start;
- ``churned`` = start - end when end <= 0 (no net revenue in period 2; a net credit there adds to it).

Every other client (no sale in period 1, or sales netting to 0 or less) has no revenue to retain: its
change end - start is ``new`` revenue. So, exactly, start + expansion - contraction - churned + new = end,
NRR = sum(end) / sum(start) over the base, GRR = sum(min(end, start)) / sum(start) over the base.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

Period = tuple[pd.Timestamp, pd.Timestamp]
STEPS = ("start", "expansion", "contraction", "churned", "new", "end")


def last_two_years(as_of: pd.Timestamp) -> tuple[Period, Period]:
    """The 12 months ending at ``as_of`` (period 2) and the 12 months before (period 1).

    Examples
    --------
    >>> p1, p2 = last_two_years(pd.Timestamp("2024-12-31"))
    >>> [str(d.date()) for d in (*p1, *p2)]
    ['2023-01-01', '2023-12-31', '2024-01-01', '2024-12-31']
    """
    end = pd.Timestamp(as_of).normalize()
    mid = end - pd.DateOffset(months=12)
    first = mid - pd.DateOffset(months=12)
    return (first + pd.Timedelta(days=1), mid), (mid + pd.Timedelta(days=1), end)


def period_revenue(sales: pd.DataFrame, period: Period) -> pd.Series:
    """Net revenue per client of the sales dated within ``period`` (both ends included)."""
    days = pd.to_datetime(sales["date"], errors="coerce").dt.normalize()
    start, end = (pd.Timestamp(d).normalize() for d in period)
    inside = sales[(days >= start) & (days <= end)]
    return inside.groupby("client", sort=False)["amount"].sum().astype("float64")


def client_bridge(sales: pd.DataFrame, period1: Period, period2: Period) -> pd.DataFrame:
    """One row per client who sold in either period: ``start``, ``end``, ``retained`` (bool) and
    the bridge steps ``expansion``, ``contraction``, ``churned``, ``new`` (see the module).

    Examples
    --------
    >>> dates = pd.to_datetime(["2023-03-01", "2024-03-01", "2023-05-01", "2024-06-01"])
    >>> sales = pd.DataFrame({"client": ["x", "x", "y", "z"], "amount": [100.0, 150.0, 80.0, 40.0],
    ...                       "date": dates})
    >>> p1, p2 = last_two_years(pd.Timestamp("2024-12-31"))
    >>> client_bridge(sales, p1, p2)[["start", "end", "expansion", "churned", "new"]].to_dict("index")["x"]
    {'start': 100.0, 'end': 150.0, 'expansion': 50.0, 'churned': 0.0, 'new': 0.0}
    """
    r1, r2 = period_revenue(sales, period1), period_revenue(sales, period2)
    clients = r1.index.union(r2.index, sort=False)
    start = r1.reindex(clients, fill_value=0.0)
    end = r2.reindex(clients, fill_value=0.0)
    retained = start > 0
    change = end - start
    out = pd.DataFrame({"start": start, "end": end, "retained": retained})
    out["expansion"] = change.where(retained & (change >= 0), 0.0)
    out["contraction"] = (-change).where(retained & (change < 0) & (end > 0), 0.0)
    out["churned"] = (-change).where(retained & (end <= 0), 0.0)
    out["new"] = change.where(~retained, 0.0)
    out.index.name = "client"
    return out


def retention_summary(table: pd.DataFrame) -> dict[str, float]:
    """NRR, GRR, the bridge's steps (``start`` ... ``end``) and ``retained_clients`` of a
    :func:`client_bridge` table (NaN ratios without a positive period-1 revenue).

    Examples
    --------
    >>> t = pd.DataFrame({"start": [100.0, 50.0], "end": [120.0, 0.0], "retained": [True, True],
    ...                   "expansion": [20.0, 0.0], "contraction": [0.0, 0.0], "churned": [0.0, 50.0],
    ...                   "new": [0.0, 0.0]})
    >>> s = retention_summary(t)
    >>> s["nrr"], s["grr"]
    (0.8, 0.6666666666666666)
    """
    base = table[table["retained"]]
    start = float(base["start"].sum())
    kept = float(base["end"].sum())
    capped = float(np.minimum(base["end"], base["start"]).sum())
    result = {step: float(table[step].sum()) for step in STEPS}
    result["retained_clients"] = float(len(base))
    result["nrr"] = kept / start if start > 0 else float("nan")
    result["grr"] = capped / start if start > 0 else float("nan")
    return result


def retention_by(table: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """:func:`retention_summary` per group (a client column: class, manager, segment), one row each;
    clients without a group are left out."""
    keys = groups.reindex(table.index)
    rows = {key: retention_summary(part) for key, part in table.groupby(keys, sort=True)}
    return pd.DataFrame.from_dict(rows, orient="index")
