"""Cached calls into the core, keyed on the loaded data and the settings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio_core import Portfolio, classify_abc, pareto_curve
from portfolio_core.effort import Economics, client_economics, effort_hours


@st.cache_data(show_spinner=False, max_entries=64)
def values(data_key: str, measure: str, include_inactive: bool, _portfolio: Portfolio) -> pd.Series:
    """Revenue or margin per client in scope (aggregated once per data set)."""
    return _portfolio.values(measure, include_inactive)  # type: ignore[arg-type]


@st.cache_data(show_spinner=False, max_entries=64)
def classified(
    data_key: str, measure: str, include_inactive: bool, a: int, b: int, rule: str, _portfolio: Portfolio
) -> pd.DataFrame:
    """The ABC classes for the current cut-offs (in percent)."""
    v = values(data_key, measure, include_inactive, _portfolio)
    return classify_abc(v, a / 100, b / 100, rule=rule)  # type: ignore[arg-type]


@st.cache_data(show_spinner=False, max_entries=64)
def curve(
    data_key: str, measure: str, include_inactive: bool, a: int, b: int, rule: str, _portfolio: Portfolio
) -> pd.DataFrame:
    """The downsampled Pareto curve for the chart."""
    return pareto_curve(classified(data_key, measure, include_inactive, a, b, rule, _portfolio))


def current() -> tuple[str, str, bool, int, int, str, Portfolio]:
    """The arguments of the cached calls for the current session."""
    ss = st.session_state
    return (ss.data_key, ss.by, ss.all, ss.a, ss.b, ss.rule, ss.portfolio)


@st.cache_data(show_spinner=False, max_entries=32)
def economics(
    data_key: str,
    measure: str,
    include_inactive: bool,
    a: int,
    b: int,
    rule: str,
    hourly_cost: float,
    default_hours: tuple[tuple[str, float], ...],
    revenue_cut: float | None,
    hours_cut: float | None,
    _portfolio: Portfolio,
) -> Economics:
    """Revenue, margin, effort and profit per client, with its class and quadrant."""
    p = _portfolio
    v = values(data_key, measure, include_inactive, p)
    margin = p.values("margin", include_inactive) if p.has("margin") else None
    classes = classified(data_key, measure, include_inactive, a, b, rule, p)["abc_class"]
    hours = effort_hours(p, dict(default_hours), include_inactive)
    return client_economics(v, hours, classes, margin, hourly_cost, revenue_cut, hours_cut)
