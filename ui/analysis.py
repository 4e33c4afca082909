"""Cached calls into the core, keyed on the loaded data and the settings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio_core import Portfolio, classify_abc, pareto_curve


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
