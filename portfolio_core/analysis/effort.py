"""Effort vs revenue: who takes the team's time, what they bring, what to do about it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from portfolio_core.analysis.abc import CLASSES, classify_abc
from portfolio_core.ingest.columns import fold
from portfolio_core.ingest.portfolio import Portfolio

# Hours an activity takes when the log gives no duration (editable by the user).
DEFAULT_HOURS: dict[str, float] = {
    "call": 0.25, "email": 0.1, "meeting": 1.0, "visit": 3.0, "support ticket": 0.5, "other": 0.5,
}  # fmt: skip
_TYPE_WORDS = {
    "call": ("call", "appel", "phone", "telephone"),
    "email": ("email", "mail", "courriel"),
    "meeting": ("meeting", "reunion", "rendez vous", "rdv", "visio", "demo"),
    "visit": ("visit", "visite", "on site", "sur site", "deplacement"),
    "support ticket": ("ticket", "support", "incident", "sav"),
}
QUADRANTS = ("Keep", "Develop", "Serve cheaper", "Reconsider")


def activity_kind(types: pd.Series) -> pd.Series:
    """Map free-text activity types (English or French) to the keys of DEFAULT_HOURS."""
    folded = types.fillna("").astype(str).map(fold)
    out = pd.Series("other", index=types.index, dtype=object)
    for kind, words in _TYPE_WORDS.items():
        hit = folded.map(lambda s, w=words: any(x in s for x in w))
        out = out.mask(hit & (out == "other"), kind)
    return out


def activity_hours(activities: pd.DataFrame, default_hours: dict[str, float] | None = None) -> pd.Series:
    """Hours of each activity row: its logged duration, else the default of its type."""
    defaults = {**DEFAULT_HOURS, **(default_hours or {})}
    acts = activities
    logged = pd.to_numeric(acts["hours"], errors="coerce") if "hours" in acts.columns else None
    guess = activity_kind(acts["type"] if "type" in acts else pd.Series("", index=acts.index)).map(defaults)
    hours = guess if logged is None else logged.fillna(guess)
    return hours.astype("float64")


def effort_hours(
    portfolio: Portfolio, default_hours: dict[str, float] | None = None, include_inactive: bool = False
) -> pd.Series:
    """Hours spent per client in scope: logged durations, else the per-type default.

    Clients with no activity count 0 hours. Returns a float Series indexed by client.
    """
    acts = portfolio.activities
    scope = portfolio.in_scope(include_inactive)
    if acts.empty:
        return pd.Series(0.0, index=scope, name="hours")
    per_client = activity_hours(acts, default_hours).groupby(acts["client"]).sum()
    out = per_client.reindex(scope, fill_value=0.0)
    out.name = "hours"
    return out


@dataclass(frozen=True)
class Economics:
    """Per-client revenue, margin, hours and profit, with the settings used."""

    table: pd.DataFrame  # revenue, margin, hours, cost_to_serve, profit, abc_class, quadrant
    hourly_cost: float
    margin_known: bool
    revenue_cut: float
    hours_cut: float


def client_economics(
    revenue: pd.Series,
    hours: pd.Series,
    classes: pd.Series,
    margin: pd.Series | None = None,
    hourly_cost: float = 60.0,
    revenue_cut: float | None = None,
    hours_cut: float | None = None,
) -> Economics:
    """Revenue, margin, effort, cost to serve (hours x hourly cost) and profit per client.

    Profit is margin minus cost to serve (revenue minus cost when the margin is
    unknown: ``margin_known`` says which). Quadrants split clients at
    ``revenue_cut`` and ``hours_cut`` (default: the medians): Keep (high revenue,
    high effort), Develop (high revenue, low effort), Serve cheaper (low, low),
    Reconsider (low revenue, high effort).

    Examples
    --------
    >>> e = client_economics(pd.Series({"x": 100.0, "y": 10.0}), pd.Series({"x": 1.0, "y": 2.0}),
    ...                      pd.Series({"x": "A", "y": "C"}), hourly_cost=10, revenue_cut=50, hours_cut=1.5)
    >>> e.table[["profit", "quadrant"]].to_dict("list")
    {'profit': [90.0, -10.0], 'quadrant': ['Develop', 'Reconsider']}
    """
    table = pd.DataFrame({"revenue": revenue.astype("float64")})
    table["margin"] = (margin if margin is not None else revenue).reindex(table.index).fillna(0.0)
    table["hours"] = hours.reindex(table.index).fillna(0.0)
    table["cost_to_serve"] = table["hours"] * hourly_cost
    table["profit"] = table["margin"] - table["cost_to_serve"]
    table["abc_class"] = classes.reindex(table.index)
    r_cut = float(table["revenue"].median()) if revenue_cut is None else float(revenue_cut)
    h_cut = float(table["hours"].median()) if hours_cut is None else float(hours_cut)
    high_r, high_h = table["revenue"] >= r_cut, table["hours"] > h_cut
    table["quadrant"] = np.select(
        [high_r & high_h, high_r & ~high_h, ~high_r & ~high_h], QUADRANTS[:3], default=QUADRANTS[3]
    )
    return Economics(table, float(hourly_cost), margin is not None, r_cut, h_cut)


def class_effort(table: pd.DataFrame) -> pd.DataFrame:
    """Per class: clients, revenue share, effort share, revenue per hour (NaN without hours)."""
    g = table.groupby("abc_class")
    out = pd.DataFrame(
        {"clients": g.size(), "revenue": g["revenue"].sum(), "hours": g["hours"].sum()}
    ).reindex(list(CLASSES), fill_value=0)
    total_r, total_h = table["revenue"].clip(lower=0).sum(), table["hours"].sum()
    out["revenue_share"] = out["revenue"] / total_r if total_r > 0 else np.nan
    out["effort_share"] = out["hours"] / total_h if total_h > 0 else np.nan
    out["revenue_per_hour"] = out["revenue"] / out["hours"].where(out["hours"] > 0)
    out.index.name = "abc_class"
    return out


def share_of_clients_for(values: pd.Series, share: float = 0.8) -> float:
    """The smallest share of clients whose values make at least ``share`` of the total.

    Examples
    --------
    >>> share_of_clients_for(pd.Series([70.0, 20.0, 5.0, 5.0]), 0.8)
    0.5
    """
    if len(values) == 0 or not (values > 0).any():
        return float("nan")
    top = classify_abc(values, share, 1.0)["abc_class"] == "A"
    return float(top.mean())


def top_group_overlap(revenue: pd.Series, hours: pd.Series, share: float = 0.8) -> pd.Index:
    """Clients in both top groups: those making ``share`` of revenue and of effort."""
    if not (hours > 0).any():
        return pd.Index([])
    top_r = classify_abc(revenue, share, 1.0)["abc_class"] == "A"
    top_h = classify_abc(hours, share, 1.0)["abc_class"] == "A"
    return top_r[top_r].index.intersection(top_h[top_h].index)


def dual_pareto(revenue: pd.Series, hours: pd.Series, max_points: int = 500) -> pd.DataFrame:
    """Cumulative share of revenue and of effort against the share of clients, each ranked by itself.

    Long format: ``client_share``, ``cumulative_share``, ``measure`` ("Revenue"/"Effort").
    """
    frames = []
    for name, values in (("Revenue", revenue), ("Effort", hours)):
        v = np.sort(values.clip(lower=0).to_numpy())[::-1]
        if v.sum() <= 0:
            continue
        cum = np.concatenate([[0.0], np.cumsum(v) / v.sum()])
        x = np.arange(len(cum)) / len(v)
        idx = np.unique(np.linspace(0, len(cum) - 1, num=min(len(cum), max_points)).round().astype(int))
        frames.append(pd.DataFrame({"client_share": x[idx], "cumulative_share": cum[idx], "measure": name}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def whale_curve(profit: pd.Series, max_points: int = 1000) -> pd.DataFrame:
    """Cumulative profit against clients ranked by profit (most profitable first).

    Returns ``rank``, ``client_share``, ``cumulative_profit``; the first row is
    the origin, the last is the total profit; the peak row is always kept.

    Examples
    --------
    >>> whale_curve(pd.Series([-5.0, 10.0, 3.0]))["cumulative_profit"].tolist()
    [0.0, 10.0, 13.0, 8.0]
    """
    p = np.sort(profit.to_numpy(dtype="float64"))[::-1]
    cum = np.concatenate([[0.0], np.cumsum(p)])
    n = len(p)
    idx = np.linspace(0, n, num=min(n + 1, max_points)).round().astype(int)
    keep = np.unique(np.concatenate([idx, [int(np.argmax(cum)), n]]))
    return pd.DataFrame({"rank": keep, "client_share": keep / max(n, 1), "cumulative_profit": cum[keep]})


@dataclass(frozen=True)
class WhatIf:
    """The outcome of a scenario: hours freed, what is at risk, the clients concerned."""

    hours_freed: float
    cost_saved: float
    revenue_at_risk: float
    margin_at_risk: float
    clients: pd.DataFrame


def _what_if(concerned: pd.DataFrame, share_of_time: float, hourly_cost: float) -> WhatIf:
    freed = float(concerned["hours"].sum() * share_of_time)
    revenue, margin = float(concerned["revenue"].sum()), float(concerned["margin"].sum())
    return WhatIf(freed, freed * hourly_cost, revenue, margin, concerned)


def serve_less(
    table: pd.DataFrame, classes: tuple[str, ...] = ("C",), cut: float = 0.5, hourly_cost: float = 60.0
) -> WhatIf:
    """Serve the given classes with ``cut`` (0..1) less time: hours freed, what those clients bring."""
    return _what_if(table[table["abc_class"].isin(classes)], cut, hourly_cost)


def let_go(table: pd.DataFrame, profit_below: float = 0.0, hourly_cost: float = 60.0) -> WhatIf:
    """Let go of the clients whose profit is below a threshold: all their hours are freed."""
    return _what_if(table[table["profit"] < profit_below], 1.0, hourly_cost)


def scatter_points(
    table: pd.DataFrame, max_points: int = 3000, grid: int = 40, group_label: str = "{n} clients (grouped)"
) -> tuple[pd.DataFrame, int]:
    """The points of the effort-vs-revenue chart: one per client, or groups beyond ``max_points``.

    A browser cannot draw 10^5 points quickly. Beyond ``max_points`` clients,
    the largest clients by revenue and by hours stay individual points and
    the others are grouped by cell of a ``grid`` x ``grid`` log-scale grid
    (mean revenue and hours, summed margin and profit, the group's most
    common class). Returns the points (with a ``clients`` count) and the
    number of clients drawn inside groups, for an honest note under the chart.
    """
    if len(table) <= max_points:
        return table.assign(clients=1), 0
    keep = table.nlargest(max_points // 2, "revenue").index.union(
        table.nlargest(max_points // 4, "hours").index
    )
    rest = table.drop(index=keep)
    grid = min(grid, int(np.sqrt(max(max_points - len(keep), 1))))  # at most max_points in all
    cells = []
    for column in ("hours", "revenue"):
        v = rest[column].clip(lower=max(float(rest[column][rest[column] > 0].min()), 1e-9) / 2)
        logv = np.log10(v.to_numpy(dtype="float64", na_value=np.nan))
        span = max(float(np.nanmax(logv) - np.nanmin(logv)), 1e-9)
        cells.append(np.floor((logv - np.nanmin(logv)) / span * (grid - 1)).astype(int))
    key = pd.Series(cells[0] * grid + cells[1], index=rest.index)
    groups = rest.groupby(key)
    mix = pd.crosstab(key, rest["abc_class"])
    grouped = pd.DataFrame(
        {
            "revenue": groups["revenue"].mean(),
            "hours": groups["hours"].mean(),
            "margin": groups["margin"].sum(),
            "profit": groups["profit"].sum(),
            "clients": groups.size(),
            "abc_class": mix.idxmax(axis=1),
        }
    )
    grouped["quadrant"] = groups["quadrant"].first()
    grouped["label"] = [group_label.format(n=n) for n in grouped["clients"]]
    grouped.index = [f"group-{k}" for k in grouped.index]
    points = pd.concat([table.loc[keep].assign(clients=1), grouped])
    return points, len(rest)
