"""Cached core calls of the Health page, keyed on the loaded data (whole portfolio; the page picks
the selected clients out of them)."""

from __future__ import annotations

import pandas as pd

from portfolio_core import Portfolio
from portfolio_core.analysis.cohorts import Frequency, cohort_table
from portfolio_core.analysis.gammagamma import predict_portfolio
from portfolio_core.analysis.health import portfolio_signals
from portfolio_core.analysis.kpis import as_of_date
from portfolio_core.analysis.retention import Period, client_bridge
from portfolio_core.analysis.rfm import rfm_table
from portfolio_core.analysis.settings import AnalysisSettings, Durations
from ui import kpis_cache
from ui.analysis import cached, selection


@cached(16)
def bridge(data_key: str, period1: Period, period2: Period, _portfolio: Portfolio) -> pd.DataFrame:
    """Start and end revenue and the bridge steps per company that sold in either period."""
    return client_bridge(_portfolio.won(), period1, period2)


@cached(16)
def _selected_bridge(
    data_key: str, period1: Period, period2: Period, scope: AnalysisSettings, _portfolio: Portfolio
) -> pd.DataFrame:
    whole = bridge(data_key, period1, period2, _portfolio)
    return whole[whole.index.isin(selection(data_key, scope, _portfolio))]


def selected_bridge(
    data_key: str, period1: Period, period2: Period, settings: AnalysisSettings, portfolio: Portfolio
) -> pd.DataFrame:
    """:func:`bridge` of the selected clients (picking them out of 10^5 text ids took 0.2 s a visit)."""
    return _selected_bridge(data_key, period1, period2, settings.scope_only(), portfolio)


@cached(16)
def _cohorts(data_key: str, freq: Frequency, scope: AnalysisSettings, _portfolio: Portfolio) -> pd.DataFrame:
    won = _portfolio.won()
    return cohort_table(won[won["client"].isin(selection(data_key, scope, _portfolio))], freq)


def cohorts(data_key: str, freq: Frequency, settings: AnalysisSettings, portfolio: Portfolio) -> pd.DataFrame:
    """The cohort table of the selected clients' dated sales."""
    return _cohorts(data_key, freq, settings.scope_only(), portfolio)


@cached(8)
def prediction(data_key: str, _portfolio: Portfolio) -> pd.DataFrame | None:
    """Predicted purchases, spend and revenue over the next 12 months per buyer (None: too thin)."""
    fit = kpis_cache.bgnbd(data_key, AnalysisSettings(), _portfolio)  # the KPIs page's fit, same end date
    return predict_portfolio(_portfolio, as_of_date(_portfolio), fit)


@cached(8)
def rfm(data_key: str, _portfolio: Portfolio) -> pd.DataFrame:
    """RFM scores and segments of every company with a dated sale."""
    return rfm_table(_portfolio.won())


@cached(16)
def _signals(
    data_key: str,
    periods: tuple[Period, Period] | None,
    include_inactive: bool,
    durations: Durations,
    _portfolio: Portfolio,
) -> pd.DataFrame:
    fit = kpis_cache.bgnbd(data_key, AnalysisSettings(), _portfolio)  # one fit per data set
    clients = _portfolio.in_scope(include_inactive)
    return portfolio_signals(_portfolio, clients, periods, fit, dict(durations))


def signals(
    data_key: str, periods: tuple[Period, Period] | None, settings: AnalysisSettings, portfolio: Portfolio
) -> pd.DataFrame:
    """The health signals of every client in scope (the trends compare the two periods, none without
    them; hours logged without a duration count the settings' durations)."""
    return _signals(data_key, periods, settings.include_inactive, settings.durations, portfolio)
