"""Cached calls into the core, keyed on the loaded data and the settings.

Every cached function takes the data's key (a new one per load) and the
settings as plain arguments; the Portfolio itself is passed unhashed
(``_portfolio``), so a slider move never rehashes or re-aggregates the data.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from portfolio_core import NoPositiveValueError, Portfolio, class_summary, pareto_curve
from portfolio_core.analysis.effort import Economics, client_economics, effort_hours
from portfolio_core.analysis.segments import (
    classify_selection,
    longest_migration_period,
    period_values,
    segment_frame,
    select,
    yearly_classes,
)
from ui import colnames
from ui.i18n import tr
from ui.tables import show_table
from ui.text import plain

FilterKey = tuple[tuple[str, tuple[str, ...]], ...]


def cached(max_entries: int):  # type: ignore[no-untyped-def]
    """Cache a core call's result as one shared, read-only object.

    ``st.cache_data`` pickles a result on store and copies it on every read: for
    10^5 clients that copy costs a tenth of a second per call, several times per
    rerun. The results here are never mutated (pandas operations return new
    objects), and every key holds the data set's random key, so sessions never
    see each other's data.
    """
    return st.cache_resource(show_spinner=False, max_entries=max_entries)


@dataclass(frozen=True)
class View:
    """What the analysis pages show: the data and every shared setting."""

    data_key: str
    measure: str
    include_inactive: bool
    a: int
    b: int
    rule: str
    filters: FilterKey
    within: bool


def current() -> tuple[View, Portfolio]:
    """The current view settings and the loaded portfolio."""
    ss = st.session_state
    # pages without the sidebar (the presentation) may get the URL's filters, named by the user
    wanted = colnames.resolved(ss.filters, segments(ss.data_key, ss.all, ss.portfolio).columns)
    filters = tuple(sorted((col, tuple(v)) for col, v in wanted.items()))
    view = View(ss.data_key, ss.by, ss.all, ss.a, ss.b, ss.rule, filters, ss.within)
    return view, ss.portfolio


@cached(16)
def values(data_key: str, measure: str, include_inactive: bool, _portfolio: Portfolio) -> pd.Series:
    """Revenue or margin per client in scope (aggregated once per data set)."""
    return _portfolio.values(measure, include_inactive)  # type: ignore[arg-type]


@cached(16)
def hours(data_key: str, include_inactive: bool, default_hours: tuple, _portfolio: Portfolio) -> pd.Series:
    """Effort in hours per client in scope."""
    return effort_hours(_portfolio, dict(default_hours), include_inactive)


@cached(16)
def segments(data_key: str, include_inactive: bool, _portfolio: Portfolio) -> pd.DataFrame:
    """The filterable client columns (text, numeric ones bucketed) of the clients in scope."""
    clients = _portfolio.clients
    return segment_frame(clients.loc[_portfolio.in_scope(include_inactive)])


@cached(64)
def selection(view: View, _portfolio: Portfolio) -> pd.Index:
    """The clients the filters keep."""
    return select(segments(view.data_key, view.include_inactive, _portfolio), dict(view.filters))


@cached(64)
def classified(view: View, _portfolio: Portfolio) -> pd.DataFrame:
    """The ABC classes of the selected clients for the current cut-offs."""
    v = values(view.data_key, view.measure, view.include_inactive, _portfolio)
    chosen = selection(view, _portfolio)
    return classify_selection(v, chosen, view.a / 100, view.b / 100, view.rule, view.within)  # type: ignore[arg-type]


@cached(64)
def curve(view: View, _portfolio: Portfolio) -> pd.DataFrame:
    """The downsampled Pareto curve for the chart."""
    return pareto_curve(classified(view, _portfolio))


@cached(32)
def economics(
    view: View,
    hourly_cost: float,
    default_hours: tuple[tuple[str, float], ...],
    revenue_cut: float | None,
    hours_cut: float | None,
    _portfolio: Portfolio,
) -> Economics:
    """Revenue, margin, effort and profit per selected client, with its class and quadrant."""
    p = _portfolio
    table = classified(view, p)
    margin = values(view.data_key, "margin", view.include_inactive, p) if p.has("margin") else None
    h = hours(view.data_key, view.include_inactive, default_hours, p)
    return client_economics(
        table["value"],
        h,
        table["abc_class"],
        None if margin is None else margin.reindex(table.index),
        hourly_cost,
        revenue_cut,
        hours_cut,
    )


def describe(view: View, clients: int) -> str:
    """One line saying what is shown: how many clients, which filters, how classes are computed."""
    _ = tr()
    ranked = (
        _("{n} clients ranked by revenue") if view.measure == "revenue" else _("{n} clients ranked by margin")
    )
    parts = [ranked.format(n=_.number(clients)), _("A up to {a} %, B up to {b} %", a=view.a, b=view.b)]
    if view.filters:
        shown = "; ".join(
            f"{colnames.shown(col)}: {', '.join(map(plain, vals))}" for col, vals in view.filters
        )
        mode = _("ranked within the selection") if view.within else _("classes from the whole portfolio")
        parts.append(_("filtered ({filters}), {mode}", filters=shown, mode=mode))
    if view.include_inactive:
        parts.append(_("prospects, former clients and partners included"))
    return " · ".join(parts)


def require_clients(table: pd.DataFrame) -> None:
    """Stop the page with a plain message when the filters leave no client."""
    if table.empty:
        st.warning(tr()("No client matches the filters. Clear some filters in the sidebar."))
        st.stop()


@cached(16)
def history(view: View, _portfolio: Portfolio) -> pd.DataFrame:
    """Each selected client's class per calendar year."""
    column = "amount" if view.measure == "revenue" else "margin"
    scope = _portfolio.in_scope(view.include_inactive)
    return yearly_classes(_portfolio.transactions, scope, view.a / 100, view.b / 100, view.rule, column)  # type: ignore[arg-type]


def classified_or_stop(view: View, portfolio: Portfolio) -> pd.DataFrame:
    """The classes of the selected clients, or a plain message and a stop when there are none."""
    _ = tr()
    try:
        table = classified(view, portfolio)
    except NoPositiveValueError:
        st.error(
            _(
                "No client has a positive {measure} in this selection, so there is nothing to rank. "
                "Rank by revenue, clear some filters, or load other data on the Data page.",
                measure=_(view.measure),
            )
        )
        st.stop()
    require_clients(table)
    return table


@cached(32)
def summary(view: View, _portfolio: Portfolio) -> pd.DataFrame:
    """Clients, revenue and shares per class for the current view."""
    return class_summary(classified(view, _portfolio))


def with_labels(table: pd.DataFrame, portfolio: Portfolio) -> pd.DataFrame:
    """Classified clients with their name, sector and manager, for the class table.

    When some clients' sales net to 0 or less, a ``note`` column flags them "no net revenue"
    (they are clients, in class C).
    """
    clients = portfolio.clients
    columns = [c for c in ("name", "sector", "account_manager") if c in clients.columns]
    flagged = table["non_positive"] if "non_positive" in table else pd.Series(False, index=table.index)
    table = table.drop(columns=["before_share", "non_positive"], errors="ignore")
    out = pd.concat([table, clients[columns].reindex(table.index)], axis=1)
    if flagged.any():
        out["note"] = flagged.map({True: tr()("no net revenue"), False: ""})
    return out


@cached(32)
def class_table(view: View, _portfolio: Portfolio) -> pd.DataFrame:
    """Every classified client with its labels (for searching the class table)."""
    return with_labels(classified(view, _portfolio), _portfolio)


def source_label(portfolio: Portfolio) -> str:
    """Where the data comes from, ready for Markdown (the demo's name is translated)."""
    return plain(tr().maybe(portfolio.source))


def comparison_table(comparison: pd.DataFrame, measure: str, share_label: str, has_effort: bool) -> None:
    """Show a segments-or-managers comparison (from ``segments.compare``) with translated headers."""
    _ = tr()
    Measure = _(measure.capitalize())
    shown = comparison.drop(columns=[] if has_effort else ["hours", "effort_share", "revenue_per_hour"])
    show_table(
        shown.rename(index=_.maybe),  # "(not set)" in the session's language
        money=["revenue", "revenue_per_hour"],
        percent=["revenue_share", "effort_share", "largest_client_share", "share_of_a"],
        width="stretch",
        column_config={
            "clients": _("Clients"),
            "revenue": Measure,
            "revenue_share": share_label,
            "hours": _("Hours"),
            "effort_share": _("Share of effort"),
            "revenue_per_hour": _("{measure} per hour", measure=Measure),
            "largest_client_share": _("Largest client's weight"),
            "share_of_a": _("Share of A clients"),
        },
    )


@cached(16)
def periods(
    data_key: str, months: int, column: str, _portfolio: Portfolio
) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp, pd.Series, pd.Series]:
    """The two last periods of ``months`` months and the sales per client in each (once per data set)."""
    tx = _portfolio.transactions
    end = tx["date"].max() + pd.Timedelta(days=1)
    middle, start = end - pd.DateOffset(months=months), end - pd.DateOffset(months=2 * months)
    return (
        start,
        middle,
        end,
        period_values(tx, start, middle, column),
        period_values(tx, middle, end, column),
    )


@cached(16)
def sales_history(data_key: str, _portfolio: Portfolio) -> tuple[int, pd.Timestamp, pd.Timestamp]:
    """The longest migration period that fits the dated sales (months, see
    ``longest_migration_period``; the periods end as in :func:`periods`), and the first and
    last dated won sale (NaT without any), once per data set."""
    tx = _portfolio.transactions
    end = tx["date"].max() + pd.Timedelta(days=1)
    dated = _portfolio.won()["date"].dropna()
    return longest_migration_period(tx, end), dated.min(), dated.max()
