"""The Segments page's figures: the class mix per segment and the crossed revenue x potential matrix."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from portfolio_core import CLASSES, Portfolio
from portfolio_core.analysis.actions import years_covered
from portfolio_core.analysis.segments import GROUPS, compare, cross_matrix
from portfolio_core.analysis.settings import AnalysisSettings
from ui import analysis


@dataclass(frozen=True)
class Mix:
    """The segments of one column compared (``segments.compare``), and the clients and the value
    per segment and class, long, for the mix charts (``segment``, ``abc_class``, ``clients`` or
    ``value``)."""

    comparison: pd.DataFrame
    clients: pd.DataFrame
    values: pd.DataFrame


def mix(
    data_key: str, settings: AnalysisSettings, table: pd.DataFrame, segment: pd.Series, portfolio: Portfolio
) -> Mix:
    """The class mix per value of ``segment`` (client -> segment), hours at the settings' durations."""
    hours = analysis.hours(data_key, settings, portfolio) if len(portfolio.activities) else None
    comparison = compare(table, segment, hours)
    clients = (
        comparison[list(CLASSES)]
        .rename_axis("segment")
        .reset_index()
        .melt(id_vars="segment", var_name="abc_class", value_name="clients")
    )
    values = (
        table.assign(segment=segment.reindex(table.index))
        .groupby(["segment", "abc_class"], as_index=False)["value"]
        .sum()
    )
    return Mix(comparison, clients, values)


@dataclass(frozen=True)
class Crossed:
    """The crossed matrix: clients and unmet potential per year by revenue class (rows) and
    potential class (columns), and the clients and unmet potential of each group (Develop, Keep,
    Serve economically)."""

    clients: pd.DataFrame
    unmet: pd.DataFrame
    groups: pd.DataFrame


def crossed(table: pd.DataFrame, portfolio: Portfolio, a: float, b: float) -> Crossed:
    """Revenue class x potential class at the potential cut-offs ``a`` and ``b`` (fractions); the
    revenue per year is the value over the years the sales cover."""
    annual = table["value"] / years_covered(portfolio)
    cells = cross_matrix(table["abc_class"], portfolio.clients["potential"], annual, a, b)
    groups = cells.groupby("group")[["clients", "unmet"]].sum().reindex(list(GROUPS.values()))
    return Crossed(
        cells.pivot(index="revenue_class", columns="potential_class", values="clients"),
        cells.pivot(index="revenue_class", columns="potential_class", values="unmet"),
        groups,
    )
