"""The Segments page's figures (the class mix per segment, the crossed revenue x potential matrix) and
the segment picker of the pages that break figures down by segment."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd
import streamlit as st

from portfolio_core import CLASSES, Portfolio
from portfolio_core.analysis.actions import years_covered
from portfolio_core.analysis.segments import GROUPS, compare, cross_matrix, migration
from portfolio_core.analysis.settings import AnalysisSettings
from ui import analysis, colnames


def segment_columns(portfolio: Portfolio) -> list[str]:
    """The client columns to break figures down by (the account manager has its own breakdowns)."""
    return [c for c in portfolio.segment_columns if c != "account_manager"]


def segment_picker(label: str, key: str, portfolio: Portfolio) -> str | None:
    """A selectbox of :func:`segment_columns` (the sector first chosen), None without any."""
    columns = segment_columns(portfolio)
    if not columns:
        return None
    return st.selectbox(
        label,
        columns,
        index=columns.index("sector") if "sector" in columns else 0,
        format_func=colnames.labeller(),
        key=key,
    )


@dataclass(frozen=True)
class Mix:
    """The segments of one column compared (``segments.compare``), and the clients and the value
    per segment and class, long, for the mix charts (``segment``, ``abc_class``, ``clients`` or
    ``value``)."""

    comparison: pd.DataFrame
    clients: pd.DataFrame
    values: pd.DataFrame


@analysis.cached(32)
def _mix(data_key: str, settings: AnalysisSettings, column: str, _portfolio: Portfolio) -> Mix:
    table = analysis.classified(data_key, settings, _portfolio)
    segment = analysis.segments(data_key, settings.include_inactive, _portfolio)[column]
    hours = analysis.hours(data_key, settings, _portfolio) if len(_portfolio.activities) else None
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


def mix(data_key: str, settings: AnalysisSettings, column: str, portfolio: Portfolio) -> Mix:
    """The class mix of the classified clients per value of the segment ``column`` (a column of
    ``analysis.segments``), hours at the settings' durations."""
    return _mix(data_key, replace(settings.ranking_only(), durations=settings.durations), column, portfolio)


@analysis.cached(16)
def _migration(
    data_key: str, ranking: AnalysisSettings, months: int, column: str, _portfolio: Portfolio
) -> tuple[pd.DataFrame, pd.DataFrame]:
    _start, _middle, _end, earlier, later = analysis.periods(data_key, months, column, _portfolio)
    scope = analysis.selection(data_key, ranking, _portfolio)
    before, after = earlier.reindex(scope).dropna(), later.reindex(scope).dropna()
    return migration(before, after, ranking.a, ranking.b, ranking.rule)


def class_migration(
    data_key: str, settings: AnalysisSettings, months: int, column: str, portfolio: Portfolio
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The selected clients' class moves between the two last periods of ``months`` months
    (``segments.migration`` of :func:`analysis.periods`' sales in ``column``)."""
    return _migration(data_key, settings.ranking_only(), months, column, portfolio)


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
