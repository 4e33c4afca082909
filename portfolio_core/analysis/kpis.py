"""Client and sales KPIs: concentration, lifetime, CLV vs CAC, win rate, loyalty, churn risk.

Every function works on whole columns (no loop over clients) and takes the
clients to analyse as an index, so the pages and the CLI share one scope rule.
A KPI the data does not allow is not made up: :func:`missing_kpis` says which
column would unlock it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from portfolio_core.analysis.abc import NoPositiveValueError
from portfolio_core.analysis.bgnbd import (
    BGNBDParams,
    Model,
    enough_history,
    fit_bgnbd,
    prob_alive,
    rfm_summary,
)
from portfolio_core.analysis.cutoffs import suggest_cutoffs
from portfolio_core.analysis.segments import NOT_SET, segment_frame
from portfolio_core.ingest.columns import fold
from portfolio_core.ingest.portfolio import Portfolio, deal_weights

DAYS_PER_YEAR = 365.25
CLV_CAC_TARGET = 3.0
MAX_LIFETIME_YEARS = 20.0
RISK_LEVELS = ("High", "Medium", "Low", "Unknown", "No purchase")
# Churn risk: days since the last purchase over the usual interval. Purchases are irregular
# (with random gaps a quarter of on-time clients pass twice the median gap), hence the slack.
MIN_OWN_DAYS = 3  # purchase days before a client is held to its own pace
MEDIUM_LATENESS = 1.5
HIGH_LATENESS = 3.0
# Extra client columns shown as indicators when present (folded header words).
INDICATORS: dict[str, tuple[str, ...]] = {
    "product usage": ("usage", "utilisation", "utilization", "logins", "connexions", "active users"),
    "web visits": ("web visits", "visits", "visites", "sessions", "page views", "pages vues"),
    "clicks": ("clicks", "clics", "click", "clic"),
    "satisfaction": ("satisfaction", "nps", "csat", "satisfaction score"),
}


def _positive(values: pd.Series | np.ndarray) -> np.ndarray:
    v = np.asarray(pd.to_numeric(pd.Series(np.asarray(values)), errors="coerce"), dtype="float64")
    return np.where(np.isfinite(v) & (v > 0), v, 0.0)


# --- Concentration --------------------------------------------------------------------------------


def gini(values: pd.Series | np.ndarray) -> float:
    """Gini coefficient over every client, zeros included, without small-sample correction.

    ``G = sum((2i - n - 1) x_i) / (n sum(x))`` with ``x`` sorted ascending and
    ``i = 1..n``. Non-positive values: the concentration is that of the clients'
    net revenue clipped at 0, so a client whose sales net to 0 or less counts as
    0 (it neither adds to nor subtracts from the total) and still counts in ``n``.
    0 when everyone brings the same, at most ``1 - 1/n`` when one client brings
    everything. No positive value: :class:`NoPositiveValueError`.

    Examples
    --------
    >>> gini(pd.Series([0.0, 0.0, 0.0, 10.0]))
    0.75
    """
    x = np.sort(_positive(values))
    n, total = len(x), float(x.sum())
    if not total > 0:
        raise NoPositiveValueError("no positive value: the Gini coefficient is undefined")
    i = np.arange(1, n + 1, dtype="float64")
    return float(np.dot(2 * i - n - 1, x) / (n * total))


def hhi(values: pd.Series | np.ndarray) -> float:
    """Herfindahl-Hirschman index: the sum of squared shares, from 1/n (even) to 1 (one client).

    Shares of the positive total, values clipped at 0 (as :func:`gini`).

    Examples
    --------
    >>> hhi(pd.Series([50.0, 50.0]))
    0.5
    """
    x = _positive(values)
    total = float(x.sum())
    if not total > 0:
        raise NoPositiveValueError("no positive value: the HHI is undefined")
    return float(np.sum((x / total) ** 2))


@dataclass(frozen=True)
class Concentration:
    """How much of the revenue a few clients make.

    Shares are fractions of the positive total. ``top20pct_clients`` is
    ``ceil(0.2 n)``: the top 20 % of 7 clients is 2 clients, never 0.
    ``over_threshold`` lists the clients above ``threshold`` of the total.
    """

    clients: int
    total: float
    top1_share: float
    top10_share: float
    top20pct_share: float
    top20pct_clients: int
    gini: float
    hhi: float
    largest_client: str
    threshold: float
    over_threshold: tuple[str, ...]

    def as_dict(self) -> dict[str, float]:
        """The five figures of the CLI's ``concentration`` block."""
        return {
            "gini": self.gini,
            "hhi": self.hhi,
            "top1_share": self.top1_share,
            "top10_share": self.top10_share,
            "top20pct_share": self.top20pct_share,
        }


def concentration(values: pd.Series, threshold: float = 0.10) -> Concentration:
    """Top-1, top-10 and top-20 % shares, Gini, HHI and the clients above ``threshold``.

    ``values`` is the revenue per client (all clients in scope, zeros
    included). Every figure is over the net revenue clipped at 0: a client
    whose sales net to 0 or less counts as 0 in the total and the shares, and
    as one client in ``clients`` and the top-20 % count.

    Examples
    --------
    >>> c = concentration(pd.Series({"x": 60.0, "y": 30.0, "z": 10.0, "w": 0.0}))
    >>> c.top1_share, c.top20pct_clients, c.top20pct_share, c.over_threshold
    (0.6, 1, 0.6, ('x', 'y'))
    """
    x = _positive(values)
    total = float(x.sum())
    if not total > 0:
        raise NoPositiveValueError("no client has a positive value: concentration is undefined")
    n = len(x)
    ranked = -np.sort(-x)
    cum = np.cumsum(ranked) / total
    k20 = max(1, math.ceil(0.2 * n - 1e-9))
    share = x / total
    over = share > threshold
    order = np.argsort(-share[over], kind="stable")
    return Concentration(
        clients=n,
        total=total,
        top1_share=float(cum[0]),
        top10_share=float(min(cum[min(10, n) - 1], 1.0)),
        top20pct_share=float(min(cum[k20 - 1], 1.0)),
        top20pct_clients=k20,
        gini=gini(x),
        hhi=hhi(x),
        largest_client=str(values.index[int(np.argmax(x))]),
        threshold=threshold,
        over_threshold=tuple(str(c) for c in values.index[over][order]),
    )


def lorenz_curve(values: pd.Series, max_points: int = 1000) -> pd.DataFrame:
    """The Lorenz curve: cumulative share of revenue against clients ranked from the smallest.

    Columns ``client_share`` and ``revenue_share``, from (0, 0) to (1, 1),
    downsampled to about ``max_points`` rows.

    Examples
    --------
    >>> lorenz_curve(pd.Series([3.0, 1.0]))["revenue_share"].tolist()
    [0.0, 0.25, 1.0]
    """
    x = np.sort(_positive(values))
    total = float(x.sum())
    if not total > 0:
        raise NoPositiveValueError("no positive value: the Lorenz curve is undefined")
    cum = np.concatenate([[0.0], np.minimum(np.cumsum(x) / total, 1.0)])
    share = np.arange(len(cum), dtype="float64") / len(x)
    idx = np.unique(np.linspace(0, len(cum) - 1, num=min(len(cum), max_points)).round().astype(np.int64))
    return pd.DataFrame({"client_share": share[idx], "revenue_share": cum[idx]})


# --- Purchase history, lifetime, churn ------------------------------------------------------------


def _dated(frame: pd.DataFrame) -> pd.DataFrame:
    if "date" not in frame.columns:
        return frame.iloc[0:0].assign(date=pd.Series(dtype="datetime64[ns]"))
    out = frame.assign(date=pd.to_datetime(frame["date"], errors="coerce"))
    return out[out["date"].notna()]


def as_of_date(portfolio: Portfolio) -> pd.Timestamp | None:
    """The end of the data: the last transaction date (None when undated)."""
    dated = _dated(portfolio.transactions)
    return None if dated.empty else pd.Timestamp(dated["date"].max()).normalize()


def purchase_history(portfolio: Portfolio, clients: pd.Index) -> pd.DataFrame:
    """First and last purchase, distinct purchase days and usual interval per client.

    Purchases are won transactions with a date; several on one day count once.
    ``usual_interval_days`` is the mean gap between a client's purchase days,
    (last - first) / (days - 1): its pace over its whole history, which a burst
    of orders on close days does not distort as a median gap would (NaN with a
    single purchase day). Clients without a purchase get NaT/0.

    Examples
    --------
    >>> from portfolio_core.ingest.demo import demo_portfolio
    >>> p = demo_portfolio()
    >>> h = purchase_history(p, p.in_scope())
    >>> list(h.columns)
    ['first_purchase', 'last_purchase', 'purchases', 'usual_interval_days']
    """
    won = _dated(portfolio.won())
    won = won[won["client"].isin(clients)]
    days = pd.DataFrame({"client": won["client"].to_numpy(), "day": won["date"].dt.normalize().to_numpy()})
    g = days.drop_duplicates().groupby("client", sort=False)["day"]
    out = pd.DataFrame({"first_purchase": g.min(), "last_purchase": g.max(), "purchases": g.size()})
    span = (out["last_purchase"] - out["first_purchase"]).dt.days
    out["usual_interval_days"] = span / (out["purchases"] - 1).where(out["purchases"] > 1)
    out = out.reindex(clients)
    out["purchases"] = out["purchases"].fillna(0).astype("int64")
    out.index.name = "client"
    return out


def churn_risk(history: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """How late each client's next purchase is against its own usual interval.

    ``history`` comes from :func:`purchase_history`. ``lateness`` is the days
    since the last purchase divided by the interval the client is held to
    (``reference_days``): its own mean gap when it bought on at least
    ``MIN_OWN_DAYS`` (3) days, else (one or two purchase days: one gap says
    little) the median of those regular buyers. Risk: Low up to 1.5x, Medium
    up to 3x, High beyond; "No purchase" without a won sale, "Unknown" when
    nobody bought regularly (fixed keys, in English: the page translates
    them). ``churn_reason`` is a code that ``report.words.churn_reasons`` puts into words:
    ``own_pace``, ``one_purchase``, ``two_days`` (the client's purchase days), ``no_benchmark``
    (nobody to compare with), ``no_sale``.

    Examples
    --------
    >>> h = pd.DataFrame({"last_purchase": pd.to_datetime(["2024-01-01", "2024-06-01"]),
    ...                   "purchases": [3, 2], "usual_interval_days": [30.0, 2.0]}, index=["x", "y"])
    >>> churn_risk(h, pd.Timestamp("2024-07-01"))["churn_risk"].tolist()  # y is held to x's 30 days
    ['High', 'Low']
    """
    days_since = (as_of - history["last_purchase"]).dt.days.astype("float64")
    gap = history["usual_interval_days"]
    regular = history["purchases"] >= MIN_OWN_DAYS
    own = gap.where(regular)
    pool = own if own.notna().any() else gap
    benchmark = float(pool.median()) if pool.notna().any() else np.nan
    reference = own.fillna(benchmark)
    lateness = days_since / reference.where(reference > 0)
    risk = pd.Series(
        np.select(
            [lateness > HIGH_LATENESS, lateness > MEDIUM_LATENESS, lateness.notna()],
            ["High", "Medium", "Low"],
            default="Unknown",
        ),
        index=history.index,
        dtype=object,
    )
    bought = history["purchases"] > 0
    risk = risk.where(bought, "No purchase")
    reason = pd.Series(
        np.select(
            [~bought, lateness.isna(), regular, history["purchases"] == 1],
            ["no_sale", "no_benchmark", "own_pace", "one_purchase"],
            default="two_days",
        ),
        index=history.index,
        dtype=object,
    )
    return pd.DataFrame(
        {
            "days_since_purchase": days_since,
            "usual_interval_days": gap,
            "reference_days": reference.where(bought),
            "lateness": lateness,
            "churn_risk": risk,
            "churn_reason": reason,
        }
    )


def fit_portfolio_bgnbd(
    portfolio: Portfolio,
    as_of: pd.Timestamp | None = None,
    clients: pd.Index | None = None,
    model: Model = "mbgnbd",
) -> tuple[BGNBDParams | None, pd.DataFrame]:
    """Fit the MBG/NBD model (or the BG/NBD, ``model="bgnbd"``) on dated won purchases (weeks).

    The modified BG/NBD is the default: in the BG/NBD a client with a single
    purchase can never have dropped out, so its probability of being active
    is 100 % however long it has been silent, next to a "High" churn risk;
    the MBG/NBD gives it a probability below 1 that falls with the silence
    (see :mod:`portfolio_core.analysis.bgnbd`). The fit uses every company that
    bought (or those of ``clients``), former clients included: the model
    needs those who stopped. Returns ``(None, summary)`` when the history is
    too thin (fewer than 30 buyers or 10 repeat buyers).
    """
    won = _dated(portfolio.won())
    if clients is not None:
        won = won[won["client"].isin(clients)]
    if won.empty:
        return None, pd.DataFrame(columns=["frequency", "recency", "T"])
    summary = rfm_summary(won, as_of=as_of)
    if not enough_history(summary):
        return None, summary
    params = fit_bgnbd(summary["frequency"], summary["recency"], summary["T"], model)
    return params, summary


def alive_probability(params: BGNBDParams, summary: pd.DataFrame, clients: pd.Index) -> pd.Series:
    """P(still active) per client from a fit; NaN for clients without a dated purchase."""
    p = pd.Series(
        prob_alive(params, summary["frequency"], summary["recency"], summary["T"]), index=summary.index
    )
    return p.reindex(clients).rename("p_alive")


def companies_in_filters(
    portfolio: Portfolio, filters: Mapping[str, tuple[str, ...]], include_inactive: bool = False
) -> pd.Index | None:
    """Every company, in scope or not, that the filters keep; None (every company) without filters.

    The filters are those picked from the clients in scope (``include_inactive`` says who that is):
    the win rate, the pipeline and the deal size of a selection count these companies' deals.
    """
    if not filters:
        return None
    segments = segment_frame(portfolio.clients.loc[portfolio.in_scope(include_inactive)])
    return matching_clients(portfolio.clients, segments, filters)


def matching_clients(
    clients: pd.DataFrame, segments: pd.DataFrame, filters: Mapping[str, tuple[str, ...]]
) -> pd.Index:
    """Every client, in scope or not (former clients, prospects), that segment filters keep.

    ``segments`` is :func:`portfolio_core.analysis.segments.segment_frame` of the clients
    in scope, the frame the filters were picked from: its clients keep its
    labels; the others get a text column's value, or the range of the clients
    in scope their number falls in (clipped to the ends), so the filters mean
    the same for everyone. Loyalty measures need the clients who left.

    Examples
    --------
    >>> from portfolio_core.analysis.segments import segment_frame
    >>> c = pd.DataFrame({"sector": ["Retail", "Food", "Retail"]}, index=list("xyz"))
    >>> matching_clients(c, segment_frame(c.loc[["x", "y"]]), {"sector": ("Retail",)}).tolist()
    ['x', 'z']
    """
    keep = pd.Series(True, index=clients.index)
    for col, allowed in filters.items():
        if col not in segments.columns or not allowed:
            continue
        raw = col.removesuffix(" (range)")
        if col != raw and raw in clients.columns:
            labels = _range_labels(pd.to_numeric(clients[raw], errors="coerce"), segments[col])
        elif col in clients.columns:
            labels = clients[col].astype("string").fillna(NOT_SET).astype(object)
        else:
            labels = pd.Series(NOT_SET, index=clients.index, dtype=object)
        labels = labels.reindex(clients.index)
        labels.loc[segments.index] = segments[col]
        keep &= labels.isin(allowed)
    return clients.index[keep.to_numpy()]


def _range_labels(numbers: pd.Series, labels: pd.Series) -> pd.Series:
    """The range label of each number, from the ranges ``labels`` gives the clients in scope."""
    table = pd.DataFrame({"n": numbers.reindex(labels.index), "label": labels}).dropna()
    table = table[table["label"] != NOT_SET]
    if table.empty:
        return pd.Series(NOT_SET, index=numbers.index, dtype=object)
    # A number goes to the first range whose highest client is at or above it, the top range
    # beyond (ranges are right-closed, as pd.cut makes them).
    tops = table.groupby("label")["n"].max().sort_values()
    edges = tops.to_numpy()
    where = np.searchsorted(edges, numbers.to_numpy(dtype="float64"), side="left").clip(max=len(edges) - 1)
    out = pd.Series(tops.index.to_numpy()[where], index=numbers.index, dtype=object)
    return out.where(numbers.notna(), NOT_SET)


# --- Loyalty --------------------------------------------------------------------------------------


def repeat_purchase_rate(history: pd.DataFrame) -> float:
    """Share of buying clients who bought on at least two different days (NaN without buyers).

    Examples
    --------
    >>> repeat_purchase_rate(pd.DataFrame({"purchases": [0, 1, 2, 5]}))
    0.6666666666666666
    """
    buyers = history["purchases"] > 0
    return float((history["purchases"] > 1).sum() / buyers.sum()) if buyers.any() else float("nan")


def retention(portfolio: Portfolio, clients: pd.Index, as_of: pd.Timestamp, months: int = 12) -> pd.DataFrame:
    """Share of the clients who bought in one period who bought again in the next.

    Periods of ``months`` months end at ``as_of`` and go back as far as the
    data covers (a period counts when the data covers 95 % of it). One row per
    pair of consecutive periods, oldest first: ``period`` (label of the later
    period), ``buyers_before``, ``retained``, ``retention``.
    """
    won = _dated(portfolio.won())
    won = won[won["client"].isin(clients)]
    cols = ["period", "start", "end", "buyers_before", "retained", "retention"]
    if won.empty:
        return pd.DataFrame(columns=cols)
    length = DAYS_PER_YEAR * months / 12
    start = _dated(portfolio.transactions)["date"].min()
    complete = int(np.floor(((as_of - start).days + 1) / length + 0.05))
    if complete < 2:
        return pd.DataFrame(columns=cols)
    age = (as_of - won["date"].dt.normalize()).dt.days.to_numpy()
    period = np.floor(age / length).astype("int64")
    pairs = pd.DataFrame({"client": won["client"].to_numpy(), "p": period}).drop_duplicates()
    pairs = pairs[(pairs["p"] >= 0) & (pairs["p"] < complete)]
    buyers = pairs.groupby("p").size().reindex(range(complete), fill_value=0)
    again = pairs.assign(p=pairs["p"] - 1).merge(pairs, on=["client", "p"])
    kept = again.groupby("p").size().reindex(range(complete - 1), fill_value=0)
    p = np.arange(complete - 2, -1, -1)
    ends = [as_of - pd.Timedelta(days=round(k * length)) for k in p]
    starts = [as_of - pd.Timedelta(days=round((k + 1) * length) - 1) for k in p]
    before = buyers.reindex(p + 1).to_numpy()
    retained = kept.reindex(p).to_numpy()
    return pd.DataFrame(
        {
            "period": [f"{s:%b %Y} - {e:%b %Y}" for s, e in zip(starts, ends, strict=True)],
            "start": starts,
            "end": ends,
            "buyers_before": before,
            "retained": retained,
            "retention": np.where(before > 0, retained / np.maximum(before, 1), np.nan),
        }
    )


def expected_lifetime(retention_rate: float, cap: float = MAX_LIFETIME_YEARS) -> float:
    """Expected client lifetime in years from a yearly retention rate: ``1 / (1 - r)``, capped.

    Examples
    --------
    >>> round(expected_lifetime(0.8), 6)
    5.0
    """
    if not np.isfinite(retention_rate) or retention_rate <= 0:
        return 1.0
    return float(min(cap, 1.0 / max(1.0 - retention_rate, 1.0 / cap)))


def annuity_factor(years: float, discount_rate: float) -> float:
    """Present value of 1 a year for ``years`` years (end of year), at ``discount_rate``.

    ``(1 - (1 + d) ** -L) / d``, or ``L`` when ``d == 0``.

    Examples
    --------
    >>> round(annuity_factor(2, 0.1), 4)  # 1/1.1 + 1/1.21
    1.7355
    """
    if discount_rate == 0:
        return float(years)
    return float((1 - (1 + discount_rate) ** -years) / discount_rate)


# --- The client table -----------------------------------------------------------------------------


def indicator_columns(clients: pd.DataFrame) -> dict[str, str]:
    """Extra client columns that are indicators: ``{column: kind}`` (usage, visits, clicks, satisfaction).

    Examples
    --------
    >>> indicator_columns(pd.DataFrame({"NPS": [9], "Web visits": [3], "sector": ["x"]}))
    {'NPS': 'satisfaction', 'Web visits': 'web visits'}
    """
    found = {}
    for col in clients.columns:
        words = fold(col)
        if not pd.api.types.is_numeric_dtype(clients[col]):
            if pd.to_numeric(clients[col], errors="coerce").notna().sum() == 0:
                continue
        for kind, keys in INDICATORS.items():
            if any(words == k or words.startswith(k + " ") or words.endswith(" " + k) for k in keys):
                found[str(col)] = kind
                break
    return found


def client_kpis(
    portfolio: Portfolio,
    clients: pd.Index,
    discount_rate: float = 0.10,
    lifetime_years: float | None = None,
    as_of: pd.Timestamp | None = None,
    p_alive: pd.Series | None = None,
) -> pd.DataFrame:
    """One row per client with every KPI the data allows.

    Columns (present when the data has what they need): ``revenue``,
    ``margin``, ``margin_rate``, ``first_purchase``, ``last_purchase``,
    ``purchases``, ``tenure_years`` (since the contract start or the first
    purchase, whichever is earlier), ``revenue_per_year`` and
    ``margin_per_year`` (over the client's time in the data, at least a year or
    the whole data when shorter), ``clv`` (margin per year x the annuity factor
    of ``lifetime_years`` at ``discount_rate``), ``cac``, ``clv_cac``,
    ``clv_cac_below_3``, ``potential``, ``unmet_potential`` (potential minus
    revenue per year, 0 when reached), the churn columns of
    :func:`churn_risk` (reasons as codes), ``p_alive``, and the
    indicator columns of :func:`indicator_columns` under their own names.

    Examples
    --------
    >>> from portfolio_core.ingest.demo import demo_portfolio
    >>> p = demo_portfolio()
    >>> t = client_kpis(p, p.in_scope(), lifetime_years=5)
    >>> bool((t["clv"] > 0).all()), int(t["churn_risk"].isin(RISK_LEVELS).all())
    (True, 1)
    """
    tx = portfolio.transactions
    won = portfolio.won()
    won = won[won["client"].isin(clients)]
    table = pd.DataFrame(index=clients)
    table.index.name = "client"
    table["revenue"] = won.groupby("client")["amount"].sum().reindex(clients).fillna(0.0).astype("float64")
    has_margin = portfolio.has("margin")
    if has_margin:
        table["margin"] = won.groupby("client")["margin"].sum().reindex(clients).fillna(0.0).astype("float64")
        table["margin_rate"] = table["margin"] / table["revenue"].where(table["revenue"] > 0)
    as_of = as_of if as_of is not None else as_of_date(portfolio)
    info = portfolio.clients.reindex(clients)
    start = pd.to_datetime(info["start_date"], errors="coerce") if "start_date" in info else None
    if as_of is not None:
        history = purchase_history(portfolio, clients)
        table = table.join(history[["first_purchase", "last_purchase", "purchases"]])
        since = history["first_purchase"] if start is None else start.combine(history["first_purchase"], min)
        since = since.where(since.notna(), history["first_purchase"])
        table["tenure_years"] = ((as_of - since).dt.days / DAYS_PER_YEAR).clip(lower=0)
        data_start = _dated(tx)["date"].min()
        span = max((as_of - data_start).days + 1, 1)
        observed_from = since.fillna(data_start).clip(lower=data_start)
        days = ((as_of - observed_from).dt.days + 1).clip(lower=min(DAYS_PER_YEAR, span))
        years = days / DAYS_PER_YEAR
        table["revenue_per_year"] = table["revenue"] / years
        if has_margin:
            table["margin_per_year"] = table["margin"] / years
            if lifetime_years is not None:
                table["clv"] = table["margin_per_year"] * annuity_factor(lifetime_years, discount_rate)
        table = table.join(churn_risk(history, as_of))
        if p_alive is not None:
            table["p_alive"] = p_alive.reindex(clients)
    elif start is not None and start.notna().any():
        table["tenure_years"] = ((pd.Timestamp.today().normalize() - start).dt.days / DAYS_PER_YEAR).clip(
            lower=0
        )
    if "cac" in info and info["cac"].notna().any():
        table["cac"] = pd.to_numeric(info["cac"], errors="coerce")
        if "clv" in table:
            table["clv_cac"] = table["clv"] / table["cac"].where(table["cac"] > 0)
            table["clv_cac_below_3"] = (table["clv_cac"] < CLV_CAC_TARGET).where(table["clv_cac"].notna())
    if "potential" in info and info["potential"].notna().any():
        table["potential"] = pd.to_numeric(info["potential"], errors="coerce")
        yearly = table["revenue_per_year"] if "revenue_per_year" in table else table["revenue"]
        table["unmet_potential"] = (table["potential"] - yearly).clip(lower=0)
    for col in indicator_columns(portfolio.clients):
        table[col] = pd.to_numeric(info[col], errors="coerce")
    return table


def clv_cac_by(table: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """CLV:CAC per segment: total CLV over total CAC of the clients with both, and how many are under 3.

    ``table`` comes from :func:`client_kpis` (needs ``clv`` and ``cac``);
    ``groups`` maps client -> segment. Sorted by ratio, lowest first.

    Examples
    --------
    >>> t = pd.DataFrame({"clv": [300.0, 100.0, 900.0], "cac": [100.0, 100.0, 100.0]}, index=list("xyz"))
    >>> clv_cac_by(t, pd.Series({"x": "S", "y": "S", "z": "T"}))["clv_cac"].tolist()
    [2.0, 9.0]
    """
    both = table[["clv", "cac"]].dropna()
    both = both[both["cac"] > 0]
    ratio = both["clv"] / both["cac"]
    frame = both.assign(segment=groups.reindex(both.index).fillna("(blank)"), below=ratio < CLV_CAC_TARGET)
    g = frame.groupby("segment")
    out = pd.DataFrame(
        {
            "clients": g.size(),
            "clv": g["clv"].sum(),
            "cac": g["cac"].sum(),
            "clients_below_3": g["below"].sum(),
        }
    )
    out["clv_cac"] = out["clv"] / out["cac"]
    out["below_3"] = out["clv_cac"] < CLV_CAC_TARGET
    return out.sort_values("clv_cac").rename_axis("segment")


# --- Sales ----------------------------------------------------------------------------------------


def clv_cac_overall(table: pd.DataFrame) -> tuple[float, int, int]:
    """Total CLV over total CAC of the clients with both (NaN without any), how many they are and how
    many are under 3: :func:`clv_cac_by` with the whole table as one group.

    Examples
    --------
    >>> t = pd.DataFrame({"clv": [300.0, 100.0, 900.0], "cac": [100.0, 100.0, 100.0]}, index=list("xyz"))
    >>> ratio, clients, below = clv_cac_overall(t)
    >>> round(ratio, 2), clients, below
    (4.33, 3, 1)
    """
    whole = clv_cac_by(table, pd.Series("all", index=table.index, dtype=object))
    if whole.empty:
        return float("nan"), 0, 0
    row = whole.iloc[0]
    return float(row["clv_cac"]), int(row["clients"]), int(row["clients_below_3"])


def clients_at_risk(table: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """The clients whose churn risk is High or Medium, the latest first (against their own pace).

    ``table`` comes from :func:`client_kpis` (needs ``churn_risk``, ``churn_reason``, ``lateness``,
    ``revenue``); ``labels`` names the clients (``Portfolio.labels``). Returns ``client`` (the
    label), ``risk`` (the code), ``why``, ``revenue`` and ``p_alive`` when the table has it.

    Examples
    --------
    >>> t = pd.DataFrame({"churn_risk": ["Low", "High", "Medium"], "churn_reason": ["", "x", "y"],
    ...                   "lateness": [1.0, 4.0, 2.0], "revenue": [5.0, 6.0, 7.0]}, index=list("abc"))
    >>> clients_at_risk(t, pd.Series({"b": "Bee"}))[["client", "risk"]].values.tolist()
    [['Bee', 'High'], ['c', 'Medium']]
    """
    risky = table[table["churn_risk"].isin(["High", "Medium"])].sort_values(
        "lateness", ascending=False, kind="stable"
    )
    out = pd.DataFrame(
        {
            "client": labels.reindex(risky.index).fillna(risky.index.to_series().astype(str)),
            "risk": risky["churn_risk"],
            "why": risky["churn_reason"],
            "revenue": risky["revenue"],
        }
    )
    if "p_alive" in risky:
        out["p_alive"] = risky["p_alive"]
    return out


def deal_stages(portfolio: Portfolio) -> bool:
    """Whether the data has real deal stages: some deal won or lost, and some deal not won.

    Without a stage column the loader marks every sale "won".
    """
    t = portfolio.transactions
    return (
        "stage" in t.columns
        and bool(t["stage"].isin(["won", "lost"]).any())
        and bool((t["stage"] != "won").any())
    )


BLANK_GROUP = "(blank)"  # the group of deals without a value (as in charts_kpi.BLANK)


def deal_groups(portfolio: Portfolio, by: str, deals: pd.DataFrame | None = None) -> pd.Series:
    """The group of each deal (transaction row) for a breakdown by ``by``.

    ``by="account_manager"``: the deal's own owner when the deals file names one
    (a deal with a blank owner falls back to the company's account manager);
    any other client column: the company's value. Missing values are ``"(blank)"``.

    Examples
    --------
    >>> c = pd.DataFrame({"account_manager": ["Ann", "Ann"]}, index=["x", "y"])
    >>> t = pd.DataFrame({"client": ["x", "y", "y"], "amount": [1.0, 2.0, 3.0],
    ...                   "account_manager": ["Bob", None, "Cy"]})
    >>> deal_groups(Portfolio(c, t), "account_manager").tolist()
    ['Bob', 'Ann', 'Cy']
    """
    t = portfolio.transactions if deals is None else deals
    company = portfolio.clients[by] if by in portfolio.clients.columns else pd.Series(dtype=object)
    key = t["client"].map(company.astype(object))
    if by == "account_manager" and "account_manager" in t.columns:
        key = t["account_manager"].astype(object).where(t["account_manager"].notna(), key)
    return key.astype(object).where(key.notna(), BLANK_GROUP)


def win_rates(
    portfolio: Portfolio,
    clients: pd.Index | None = None,
    groups: pd.Series | None = None,
    by: str | None = None,
) -> pd.DataFrame:
    """Deals, win rate, average deal size, pipeline and sales activities, overall or per group.

    Win rate = won / (won + lost) in number of deals (NaN without closed deal),
    over every closed deal of the companies in ``clients``, by default every
    company in the files, prospects, former clients and partners included: the
    portfolio scope decides who is ranked A/B/C, never which deals count here.
    Average deal size is the mean amount of won deals; pipeline is the amount
    of open deals; activities counts the activity log's rows.

    Groups: ``by`` names a client column; ``"account_manager"`` counts each
    deal under the deal's own owner (see :func:`deal_groups`), any other column
    under the company's value (its segment). ``groups`` (client -> group) is
    the older form, by company. Without either, one row "All".

    Examples
    --------
    >>> from portfolio_core.ingest.demo import demo_portfolio
    >>> p = demo_portfolio()
    >>> w = win_rates(p)
    >>> 0 < float(w.loc["All", "win_rate"]) < 1
    True
    """
    t = portfolio.transactions
    if clients is not None:
        t = t[t["client"].isin(clients)]
    stage = t["stage"] if "stage" in t.columns else pd.Series("won", index=t.index)
    if by is not None:
        key = deal_groups(portfolio, by, t)
    elif groups is not None:
        key = t["client"].map(groups).fillna(BLANK_GROUP)
    else:
        key = pd.Series("All", index=t.index)
    deals = deal_weights(t).to_numpy()
    frame = pd.DataFrame(
        {
            "group": key.to_numpy(),
            "won": (stage == "won").to_numpy() * deals,
            "lost": (stage == "lost").to_numpy() * deals,
            "open": (stage == "open").to_numpy() * deals,
            "amount": pd.to_numeric(t["amount"], errors="coerce").fillna(0.0).to_numpy(),
        }
    )
    frame["won_amount"] = frame["amount"].where(frame["won"] > 0, 0.0)
    frame["open_amount"] = frame["amount"].where(frame["open"] > 0, 0.0)
    g = frame.groupby("group")
    out = pd.DataFrame(
        {
            "won": g["won"].sum(),
            "lost": g["lost"].sum(),
            "open": g["open"].sum(),
            "won_value": g["won_amount"].sum(),
            "pipeline": g["open_amount"].sum(),
        }
    ).astype({"won": "int64", "lost": "int64", "open": "int64"})
    closed = out["won"] + out["lost"]
    out["win_rate"] = out["won"] / closed.where(closed > 0)
    out["average_deal"] = out["won_value"] / out["won"].where(out["won"] > 0)
    acts = portfolio.activities
    if not acts.empty and "client" in acts.columns:
        if clients is not None:
            acts = acts[acts["client"].isin(clients)]
        if by is not None:
            company = portfolio.clients[by] if by in portfolio.clients.columns else pd.Series(dtype=object)
            akey = acts["client"].map(company.astype(object)).astype(object).fillna(BLANK_GROUP)
        elif groups is not None:
            akey = acts["client"].map(groups).fillna(BLANK_GROUP)
        else:
            akey = pd.Series("All", index=acts.index)
        out["activities"] = akey.value_counts().reindex(out.index).fillna(0).astype("int64")
    out.index.name = "group"
    return out


# --- What the data allows -------------------------------------------------------------------------


def missing_kpis(portfolio: Portfolio) -> dict[str, str]:
    """KPIs the data does not allow, each with the code of what it needs (``report.words.kpi_needs``
    puts them into words).

    Keys are the KPIs' English names (fixed keys: a page translates them).

    Examples
    --------
    >>> from portfolio_core.ingest.demo import demo_portfolio
    >>> sorted(missing_kpis(demo_portfolio()))
    ['Other indicators']
    """
    p = portfolio
    dated = p.has("date")
    info = p.clients
    missing: dict[str, str] = {}
    if not dated:
        need = "dated_sales"
        for kpi in ("Revenue per client per year", "Average deal size", "Repeat-purchase rate", "Retention",
                    "Churn risk"):  # fmt: skip
            missing[kpi] = need
        if "start_date" not in info or info["start_date"].notna().sum() == 0:
            missing["Client lifetime"] = "dated_sales_or_start"
    if not p.has("margin"):
        missing["Profitability per client"] = "margin"
        missing["CLV"] = "margin_for_clv"
    elif not dated:
        missing["CLV"] = "dated_sales_for_clv"
    if "cac" not in info or info["cac"].notna().sum() == 0:
        missing["CLV:CAC"] = "cac"
    tx = p.transactions
    if not deal_stages(p):
        missing["Win rate"] = "stages"
    if "stage" not in tx.columns or not (tx["stage"] == "open").any():
        missing["Pipeline value"] = "open_deals"
    if p.activities.empty:
        missing["Sales activities"] = "activities"
    if "potential" not in info or info["potential"].notna().sum() == 0:
        missing["Unmet potential"] = "potential"
    if not indicator_columns(info):
        missing["Other indicators"] = "indicators"
    return missing


def kpi_summary(portfolio: Portfolio, values: pd.Series, companies: pd.Index | None = None) -> dict[str, Any]:
    """The KPI block of the CLI's JSON: concentration, win rate, suggested cut-offs.

    ``values`` is the value per client in scope (``portfolio.values()``). The
    win rate counts every closed deal of ``companies``, by default every
    company in the files, prospects included (see :func:`win_rates`); it is
    left out when no deal is won or lost, or when every deal is won (the
    loader marks every sale won when the file has no stage column, so a win
    rate would say nothing).
    Shares and the win rate are fractions; the cut-offs are percent (the unit
    of ``--a``/``--b``).

    Examples
    --------
    >>> from portfolio_core.ingest.demo import demo_portfolio
    >>> p = demo_portfolio()
    >>> sorted(kpi_summary(p, p.values()))
    ['concentration', 'suggested_cutoffs', 'win_rate']
    """
    result: dict[str, Any] = {"concentration": concentration(values).as_dict()}
    t = portfolio.transactions
    if deal_stages(portfolio):
        if companies is not None:
            t = t[t["client"].isin(companies)]
        deals = deal_weights(t)
        won, lost = int(deals[t["stage"] == "won"].sum()), int(deals[t["stage"] == "lost"].sum())
        if won + lost > 0:
            result["win_rate"] = won / (won + lost)
    s = suggest_cutoffs(values)
    result["suggested_cutoffs"] = {"a": s.a_pct, "b": s.b_pct}
    return result
