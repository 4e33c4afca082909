"""Cohorts: clients grouped by the quarter or year of their first sale, followed period by period.

Input: sales with ``client``, ``date`` and ``amount`` (won rows; rows without a date are ignored).
A client's cohort is the calendar quarter (``"Q"``) or year (``"Y"``) of its first dated sale. A
client is **still buying** in a period when it has a sale with a positive amount dated in it (a
lone credit note is not a purchase); the cohort's revenue in a period is the net amount of all its
clients' sales there, credit notes included.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

Frequency = Literal["Q", "Y"]


def cohort_table(sales: pd.DataFrame, freq: Frequency = "Q") -> pd.DataFrame:
    """One row per cohort and period since the first sale (``age`` 0 = the cohort's own period) up to
    the data's last period: ``cohort`` and ``period`` (labels such as ``2024Q1`` or ``2024``),
    ``age``, ``clients`` (the cohort's size), ``buying`` (its clients still buying),
    ``share`` (buying / clients) and ``revenue``.

    Examples
    --------
    >>> sales = pd.DataFrame({"client": ["x", "x", "y"], "amount": [10.0, 5.0, 7.0],
    ...                       "date": pd.to_datetime(["2023-02-01", "2024-03-01", "2023-06-01"])})
    >>> t = cohort_table(sales, "Y")
    >>> t[["cohort", "period", "clients", "buying", "share", "revenue"]].values.tolist()
    [['2023', '2023', 2, 2, 1.0, 17.0], ['2023', '2024', 2, 1, 0.5, 5.0]]
    """
    columns = ["cohort", "period", "age", "clients", "buying", "share", "revenue"]
    dates = pd.to_datetime(sales["date"], errors="coerce")
    dated = pd.DataFrame(
        {"client": sales["client"].to_numpy(), "amount": sales["amount"].to_numpy(), "date": dates.to_numpy()}
    ).dropna(subset=["date"])
    if dated.empty:
        return pd.DataFrame(columns=columns)
    dated["period"] = dated["date"].dt.to_period(freq)
    cohort_of = dated.groupby("client")["period"].min().rename("cohort")
    dated = dated.join(cohort_of, on="client")
    sizes = cohort_of.value_counts()
    revenue = dated.groupby(["cohort", "period"])["amount"].sum()
    bought = dated[dated["amount"] > 0].drop_duplicates(["client", "period"])
    buying = bought.groupby(["cohort", "period"]).size()
    last = dated["period"].max()
    rows = [
        (cohort, period)
        for cohort in sorted(sizes.index)
        for period in pd.period_range(cohort, last, freq=freq)
    ]
    index = pd.MultiIndex.from_tuples(rows, names=["cohort", "period"])
    out = pd.DataFrame(index=index)
    out["clients"] = sizes.reindex(index.get_level_values("cohort")).to_numpy()
    out["buying"] = buying.reindex(index, fill_value=0).to_numpy()
    out["share"] = out["buying"] / out["clients"]
    out["revenue"] = revenue.reindex(index, fill_value=0.0).to_numpy()
    out = out.reset_index()
    out["age"] = [(p - c).n for c, p in zip(out["cohort"], out["period"], strict=True)]
    out["cohort"] = out["cohort"].astype(str)
    out["period"] = out["period"].astype(str)
    return out[columns]
