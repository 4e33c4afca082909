"""Cached calls of the KPIs page, keyed on the data's key and the settings (see ui/analysis.py).

The Portfolio is passed unhashed (``_portfolio``): the data key changes with every load.
Functions that depend only on which clients are shown take the settings' ``scope_only()``, so a
slider move does not recompute them; a filter change does. Results are shared, never copied
(``analysis.cached``): a copy of the 10^5-client table on every visit cost more than the page.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from portfolio_core import Portfolio
from portfolio_core.analysis.bgnbd import BGNBDParams
from portfolio_core.analysis.cutoffs import (
    SuggestedCutoffs,
    abc_curve_points,
    cutoff_sensitivity,
    suggest_cutoffs,
)
from portfolio_core.analysis.kpis import (
    Concentration,
    alive_probability,
    as_of_date,
    client_kpis,
    clients_at_risk,
    companies_in_filters,
    concentration,
    deal_stages,
    expected_lifetime,
    fit_portfolio_bgnbd,
    indicator_columns,
    lorenz_curve,
    missing_kpis,
    purchase_history,
    repeat_purchase_rate,
    retention,
    win_rates,
)
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.report.words import churn_reasons
from ui import analysis
from ui.i18n import TRANSLATORS


def ranking_scope(settings: AnalysisSettings) -> AnalysisSettings:
    """Only what the cut-offs rank: the selection when ranked within it, else everyone."""
    within = settings.within and bool(settings.filters)
    return replace(
        settings.scope_only(),
        measure=settings.measure,
        filters=settings.filters if within else (),
        within=within,
    )


def _pick(values: pd.Series, clients: pd.Index) -> pd.Series:
    """``values`` of ``clients`` in their order (a hash lookup, fast on text indexes)."""
    if len(clients) == len(values) and clients.equals(values.index):
        return values
    keep = np.zeros(len(values), dtype=bool)
    found = values.index.get_indexer(clients)
    keep[found[found >= 0]] = True
    return values[keep]


@analysis.cached(32)
def _concentration_of(
    data_key: str, settings: AnalysisSettings, _portfolio: Portfolio
) -> tuple[Concentration, pd.DataFrame]:
    """Concentration figures and the Lorenz curve of revenue per selected client."""
    v = analysis.values(data_key, "revenue", settings.include_inactive, _portfolio)
    v = _pick(v, analysis.selection(data_key, settings, _portfolio))
    return concentration(v), lorenz_curve(v)


@analysis.cached(32)
def _suggestion(
    data_key: str, settings: AnalysisSettings, _portfolio: Portfolio
) -> tuple[SuggestedCutoffs, pd.DataFrame]:
    """The computed ABC cut-offs for the ranking measure, and the ABC curve for the chart.

    Computed on the clients the sliders rank together (:func:`ranking_scope`): the selection when
    the classes are ranked within it, else every client in scope.
    """
    v = analysis.values(data_key, settings.measure, settings.include_inactive, _portfolio)
    v = _pick(v, analysis.selection(data_key, settings, _portfolio))
    return suggest_cutoffs(v), abc_curve_points(v)


@analysis.cached(64)
def sensitivity(
    data_key: str, settings: AnalysisSettings, _portfolio: Portfolio
) -> tuple[pd.DataFrame, pd.Series]:
    """Selected clients changing class when a cut-off moves by one point, and each one's class now."""
    table = analysis.classified(data_key, settings, _portfolio)
    return cutoff_sensitivity(table, settings.a_pct, settings.b_pct, settings.rule), table["abc_class"]


@analysis.cached(16)
def _everyone_matching(data_key: str, settings: AnalysisSettings, _portfolio: Portfolio) -> pd.Index:
    """Every client the filters keep, former clients and prospects included (loyalty needs leavers)."""
    p = _portfolio
    companies = companies_in_filters(p, settings.filter_dict, settings.include_inactive)
    return p.clients.index if companies is None else companies


@analysis.cached(8)
def data_allows(data_key: str, _portfolio: Portfolio) -> tuple[dict[str, str], bool, dict[str, str]]:
    """What the data allows, once per data set: the KPIs it lacks (``missing_kpis``), whether it has
    deal stages (``deal_stages``) and the client columns that are indicators (``indicator_columns``)."""
    p = _portfolio
    return missing_kpis(p), deal_stages(p), indicator_columns(p.clients)


@analysis.cached(8)
def _bgnbd(data_key: str, _portfolio: Portfolio) -> tuple[BGNBDParams | None, pd.DataFrame]:
    """The BG/NBD fit on every buyer's purchase history (None when too thin)."""
    return fit_portfolio_bgnbd(_portfolio, as_of_date(_portfolio))


@analysis.cached(16)
def _loyalty(
    data_key: str, settings: AnalysisSettings, _portfolio: Portfolio
) -> tuple[pd.DataFrame, float, float | None]:
    """Retention by year and repeat-purchase rate over every buyer the filters keep; the yearly retention."""
    p = _portfolio
    as_of = as_of_date(p)
    if as_of is None:
        return pd.DataFrame(), float("nan"), None
    buyers = _everyone_matching(data_key, settings, p)
    table = retention(p, buyers, as_of, months=12)
    rate = float(table["retained"].sum() / table["buyers_before"].sum()) if len(table) else None
    if rate is not None and not np.isfinite(rate):
        rate = None
    return table, repeat_purchase_rate(purchase_history(p, buyers)), rate


@analysis.cached(16)
def _client_table(
    data_key: str,
    settings: AnalysisSettings,
    discount_rate: float,
    lifetime_years: float | None,
    lang: str,
    _portfolio: Portfolio,
) -> pd.DataFrame:
    """Every KPI per selected client (see ``analysis.kpis.client_kpis``), texts in ``lang``."""
    p = _portfolio
    scope = analysis.selection(data_key, settings, p)
    params, summary = _bgnbd(data_key, p)
    alive = alive_probability(params, summary, scope) if params is not None else None
    table = client_kpis(p, scope, discount_rate, lifetime_years, as_of_date(p), alive)
    if "churn_reason" in table:
        table["churn_reason"] = churn_reasons(table, TRANSLATORS[lang])
    return table


@analysis.cached(16)
def _at_risk(
    data_key: str,
    settings: AnalysisSettings,
    discount_rate: float,
    lifetime_years: float | None,
    lang: str,
    _portfolio: Portfolio,
) -> pd.DataFrame:
    table = _client_table(data_key, settings, discount_rate, lifetime_years, lang, _portfolio)
    return clients_at_risk(table, _portfolio.labels(table.index))


@analysis.cached(32)
def _sales(
    data_key: str, settings: AnalysisSettings, group: str | None, _portfolio: Portfolio
) -> pd.DataFrame:
    """Deals, win rate, deal size, pipeline and activities, overall (``group`` None) or per client column.

    Every closed deal of every company the filters keep counts, prospects, former clients and partners
    included (the scope switch decides who is ranked, not which deals count); per account manager
    each deal counts under its own owner.
    """
    p = _portfolio
    companies = None if not settings.filters else _everyone_matching(data_key, settings, p)
    return win_rates(p, companies, by=group)


# --- What the page calls: each cached call keyed on the part of the settings it depends on ---------------


def concentration_of(
    data_key: str, settings: AnalysisSettings, portfolio: Portfolio
) -> tuple[Concentration, pd.DataFrame]:
    """Concentration figures and the Lorenz curve of revenue per selected client."""
    return _concentration_of(data_key, settings.scope_only(), portfolio)


def suggestion(
    data_key: str, settings: AnalysisSettings, portfolio: Portfolio
) -> tuple[SuggestedCutoffs, pd.DataFrame]:
    """The computed ABC cut-offs and the ABC curve of the clients the sliders rank together."""
    return _suggestion(data_key, ranking_scope(settings), portfolio)


def bgnbd(
    data_key: str, settings: AnalysisSettings, portfolio: Portfolio
) -> tuple[BGNBDParams | None, pd.DataFrame]:
    """The BG/NBD fit on every buyer of the portfolio, whatever the filters.

    A fit per selection would follow the filters, but it takes 0.1 s on the demo's 434 buyers and
    17 s for 25,000 of 100,000 synthetic clients (41 s for all): too slow for a filter click, and
    noisy on small segments. The fit is made once per data set; the page shows the selected
    clients' probabilities.
    """
    return _bgnbd(data_key, portfolio)


def loyalty(
    data_key: str, settings: AnalysisSettings, portfolio: Portfolio
) -> tuple[pd.DataFrame, float, float | None]:
    """Retention by year, repeat-purchase rate and yearly retention of every buyer the filters keep."""
    return _loyalty(data_key, settings.scope_only(), portfolio)


def client_table(
    data_key: str,
    settings: AnalysisSettings,
    discount_rate: float,
    lifetime_years: float | None,
    lang: str,
    portfolio: Portfolio,
) -> pd.DataFrame:
    """Every KPI per selected client, texts in ``lang``."""
    return _client_table(data_key, settings.scope_only(), discount_rate, lifetime_years, lang, portfolio)


def at_risk(
    data_key: str,
    settings: AnalysisSettings,
    discount_rate: float,
    lifetime_years: float | None,
    lang: str,
    portfolio: Portfolio,
) -> pd.DataFrame:
    """The selected clients whose churn risk is High or Medium (``clients_at_risk``)."""
    return _at_risk(data_key, settings.scope_only(), discount_rate, lifetime_years, lang, portfolio)


def sales(data_key: str, settings: AnalysisSettings, group: str | None, portfolio: Portfolio) -> pd.DataFrame:
    """Deals, win rate, deal size, pipeline and activities of every company the filters keep, by group."""
    return _sales(data_key, settings.scope_only(), group, portfolio)


def default_lifetime(retention_rate: float | None) -> float | None:
    """Expected lifetime in years from the yearly retention, rounded to half a year."""
    if retention_rate is None:
        return None
    return round(expected_lifetime(retention_rate) * 2) / 2
