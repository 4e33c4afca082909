"""The Account managers page's figures: each manager's book compared, and one book in detail."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from portfolio_core import Portfolio, classify_abc, pareto_curve
from portfolio_core.analysis.effort import Economics, client_economics
from portfolio_core.analysis.segments import compare
from portfolio_core.analysis.settings import AnalysisSettings
from ui import analysis

NOT_SET = "(not set)"


def books(
    data_key: str, settings: AnalysisSettings, table: pd.DataFrame, portfolio: Portfolio
) -> pd.DataFrame:
    """Each manager's book (``segments.compare``): clients, revenue and share, classes, and hours at
    the settings' durations when there is an activity log."""
    return compare(table, portfolio.clients["account_manager"], _hours(data_key, settings, portfolio))


def _hours(data_key: str, settings: AnalysisSettings, portfolio: Portfolio) -> pd.Series | None:
    return analysis.hours(data_key, settings, portfolio) if len(portfolio.activities) else None


@dataclass(frozen=True)
class Book:
    """One manager's selected clients: their values, how many are A in the whole portfolio, the
    largest client's weight, the Pareto curve of the book ranked on its own, and the effort
    figures at the settings' hourly cost (None without an activity log)."""

    values: pd.Series
    a_clients: int
    largest_share: float
    curve: pd.DataFrame
    economics: Economics | None
    labels: pd.Series


def book(
    data_key: str, settings: AnalysisSettings, table: pd.DataFrame, who: str, portfolio: Portfolio
) -> Book | None:
    """``who``'s book, or None when no client of it has a positive value."""
    managers = portfolio.clients["account_manager"].reindex(table.index).fillna(NOT_SET)
    clients = table.index[managers == who]
    values = table.loc[clients, "value"]
    if not (values > 0).any():
        return None
    hours = _hours(data_key, settings, portfolio)
    economics = None
    if hours is not None:
        margin = analysis.margins(data_key, settings, portfolio)
        economics = client_economics(
            values,
            hours,
            table.loc[clients, "abc_class"],
            None if margin is None else margin.reindex(clients),
            settings.hourly_cost,
        )
    return Book(
        values=values,
        a_clients=int((table.loc[clients, "abc_class"] == "A").sum()),
        largest_share=float(values.max() / values[values > 0].sum()),
        curve=pareto_curve(classify_abc(values, settings.a, settings.b, settings.rule)),
        economics=economics,
        labels=portfolio.labels(clients),
    )
