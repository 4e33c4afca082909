"""Cached calls of the KPIs page, keyed on the loaded data and the settings (see ui/analysis.py).

The Portfolio is passed unhashed (``_portfolio``): ``data_key`` changes with every load.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio_core import Portfolio, classify_abc
from portfolio_core.bgnbd import BGNBDParams
from portfolio_core.cutoffs import SuggestedCutoffs, abc_curve_points, cutoff_sensitivity, suggest_cutoffs
from portfolio_core.kpis import (
    Concentration,
    alive_probability,
    as_of_date,
    client_kpis,
    concentration,
    expected_lifetime,
    fit_portfolio_bgnbd,
    lorenz_curve,
    purchase_history,
    repeat_purchase_rate,
    retention,
    win_rates,
)
from ui import analysis


@st.cache_data(show_spinner=False, max_entries=16)
def concentration_of(
    data_key: str, include_inactive: bool, _portfolio: Portfolio
) -> tuple[Concentration, pd.DataFrame]:
    """Concentration figures and the Lorenz curve of revenue per client in scope."""
    v = analysis.values(data_key, "revenue", include_inactive, _portfolio)
    return concentration(v), lorenz_curve(v)


@st.cache_data(show_spinner=False, max_entries=32)
def suggestion(
    data_key: str, measure: str, include_inactive: bool, _portfolio: Portfolio
) -> tuple[SuggestedCutoffs, pd.DataFrame]:
    """The computed ABC cut-offs for the ranking measure, and the ABC curve for the chart."""
    v = analysis.values(data_key, measure, include_inactive, _portfolio)
    return suggest_cutoffs(v), abc_curve_points(v)


@st.cache_data(show_spinner=False, max_entries=64)
def sensitivity(
    data_key: str, measure: str, include_inactive: bool, a: int, b: int, rule: str, _portfolio: Portfolio
) -> tuple[pd.DataFrame, pd.Series]:
    """Clients changing class when a cut-off moves by one point, and each client's class now."""
    v = analysis.values(data_key, measure, include_inactive, _portfolio)
    table = classify_abc(v, a / 100, b / 100, rule=rule)  # type: ignore[arg-type]
    return cutoff_sensitivity(table, a, b, rule), table["abc_class"]  # type: ignore[arg-type]


@st.cache_data(show_spinner=False, max_entries=8)
def bgnbd(data_key: str, _portfolio: Portfolio) -> tuple[BGNBDParams | None, pd.DataFrame]:
    """The BG/NBD fit on every buyer's purchase history (None when too thin)."""
    return fit_portfolio_bgnbd(_portfolio, as_of_date(_portfolio))


@st.cache_data(show_spinner=False, max_entries=8)
def loyalty(data_key: str, _portfolio: Portfolio) -> tuple[pd.DataFrame, float, float | None]:
    """Retention by year and repeat-purchase rate over every buyer; the yearly retention rate."""
    p = _portfolio
    as_of = as_of_date(p)
    if as_of is None:
        return pd.DataFrame(), float("nan"), None
    buyers = p.clients.index
    table = retention(p, buyers, as_of, months=12)
    rate = float(table["retained"].sum() / table["buyers_before"].sum()) if len(table) else None
    return table, repeat_purchase_rate(purchase_history(p, buyers)), rate


@st.cache_data(show_spinner=False, max_entries=16)
def client_table(
    data_key: str,
    include_inactive: bool,
    discount_rate: float,
    lifetime_years: float | None,
    _portfolio: Portfolio,
) -> pd.DataFrame:
    """Every KPI per client in scope (see :func:`portfolio_core.kpis.client_kpis`)."""
    p = _portfolio
    scope = p.in_scope(include_inactive)
    params, summary = bgnbd(data_key, p)
    alive = alive_probability(params, summary, scope) if params is not None else None
    return client_kpis(p, scope, discount_rate, lifetime_years, as_of_date(p), alive)


@st.cache_data(show_spinner=False, max_entries=32)
def sales(data_key: str, include_inactive: bool, group: str | None, _portfolio: Portfolio) -> pd.DataFrame:
    """Deals, win rate, deal size, pipeline and activities, overall (``group`` None) or per client column."""
    p = _portfolio
    groups = None if group is None else p.clients[group].astype(object)
    return win_rates(p, p.in_scope(include_inactive), groups)


def default_lifetime(retention_rate: float | None) -> float | None:
    """Expected lifetime in years from the yearly retention, rounded to half a year."""
    if retention_rate is None:
        return None
    return round(expected_lifetime(retention_rate) * 2) / 2
