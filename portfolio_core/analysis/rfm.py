"""RFM: recency, frequency and monetary scores 1-5 and the usual named segments.

Input: sales with ``client``, ``date`` and ``amount`` (won rows; undated rows are ignored). Per
client: ``recency_days`` (from its last sale to ``as_of``), ``frequency`` (distinct days with a sale),
``monetary`` (net revenue, credit notes included). Each score is by quintile of the share of clients
strictly worse: ``1 + floor(5 x share)``, so equal values always share a score, whatever the row
order, and the best client scores 5 from 5 clients up. Worse means a longer silence, fewer days, less
revenue. Segments (first rule that matches, R, F, M the scores):

============================ =========================================
champions                    R >= 4, F >= 4, M >= 4
loyal                        R >= 3, F >= 4
potential_loyalists          R >= 4, F 2-3
new                          R >= 4, F = 1
at_risk                      R <= 2, F >= 3
need_attention               R = 3
hibernating                  R = 2
lost                         R = 1
============================ =========================================
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SEGMENTS = (
    "champions", "loyal", "potential_loyalists", "new", "at_risk", "need_attention", "hibernating", "lost",
)  # fmt: skip


def quintile_score(values: pd.Series, higher_is_better: bool = True) -> pd.Series:
    """``1 + floor(5 x share of values strictly worse)``, in 1..5.

    Examples
    --------
    >>> quintile_score(pd.Series([1, 1, 1, 2, 5])).tolist()
    [1, 1, 1, 4, 5]
    >>> quintile_score(pd.Series([10, 40, 20]), higher_is_better=False).tolist()  # days of silence
    [4, 1, 2]
    """
    v = values.to_numpy("float64")
    ordered = np.sort(v)
    worse = (
        np.searchsorted(ordered, v, "left")
        if higher_is_better
        else len(v) - np.searchsorted(ordered, v, "right")
    )
    return pd.Series(1 + np.floor(5 * worse / max(len(v), 1)).astype("int64"), index=values.index)


def segment_of(r: pd.Series, f: pd.Series, m: pd.Series) -> pd.Series:
    """The segment code of each client from its three scores (the rules of the module)."""
    rules = [
        (r >= 4) & (f >= 4) & (m >= 4),
        (r >= 3) & (f >= 4),
        (r >= 4) & f.between(2, 3),
        (r >= 4) & (f == 1),
        (r <= 2) & (f >= 3),
        r == 3,
        r == 2,
        r == 1,
    ]
    return pd.Series(np.select(rules, SEGMENTS, default=""), index=r.index)


def rfm_table(sales: pd.DataFrame, as_of: pd.Timestamp | None = None) -> pd.DataFrame:
    """Per client with a dated sale: ``recency_days``, ``frequency``, ``monetary``, the scores ``r``,
    ``f``, ``m`` and ``segment``. ``as_of`` defaults to the last sale's date.

    Examples
    --------
    >>> sales = pd.DataFrame({"client": ["x", "x", "y"], "amount": [10.0, 5.0, 7.0],
    ...                       "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01"])})
    >>> rfm_table(sales)[["recency_days", "frequency", "monetary"]].values.tolist()
    [[0.0, 2.0, 15.0], [29.0, 1.0, 7.0]]
    """
    days = pd.to_datetime(sales["date"], errors="coerce").dt.normalize()
    dated = pd.DataFrame(
        {"client": sales["client"].to_numpy(), "day": days.to_numpy(), "amount": sales["amount"].to_numpy()}
    )
    dated = dated.dropna(subset=["day"])
    end = dated["day"].max() if as_of is None else pd.Timestamp(as_of).normalize()
    g = dated.groupby("client", sort=True)
    out = pd.DataFrame(
        {
            "recency_days": (end - g["day"].max()).dt.days.astype("float64"),
            "frequency": g["day"].nunique().astype("float64"),
            "monetary": g["amount"].sum().astype("float64"),
        }
    )
    out["r"] = quintile_score(out["recency_days"], higher_is_better=False)
    out["f"] = quintile_score(out["frequency"])
    out["m"] = quintile_score(out["monetary"])
    out["segment"] = segment_of(out["r"], out["f"], out["m"])
    out.index.name = "client"
    return out


def segments_by(table: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Clients per group (rows, e.g. account managers) and segment (columns, in SEGMENTS order)."""
    counts = pd.crosstab(groups.reindex(table.index), table["segment"])
    return counts.reindex(columns=list(SEGMENTS), fill_value=0)
