"""Cached calls into the core, keyed on the loaded data and the settings.

Every cached function takes the data's key (a new one per load) and the
settings as plain arguments; the Portfolio itself is passed unhashed
(``_portfolio``), so a slider move never rehashes or re-aggregates the data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pandas as pd
import streamlit as st

from portfolio_core import CLASSES, NoPositiveValueError, Portfolio, class_summary, pareto_curve
from portfolio_core.analysis.effort import Economics, client_economics, effort_hours
from portfolio_core.analysis.segments import (
    classify_selection,
    longest_migration_period,
    period_values,
    segment_frame,
    select,
    yearly_classes,
)
from portfolio_core.analysis.settings import AnalysisSettings, Durations
from portfolio_core.report.anonymise import client_labels, other_labels
from portfolio_core.report.pack import action_list
from ui import colnames
from ui.i18n import TRANSLATORS, tr
from ui.tables import show_table
from ui.text import plain


def cached(max_entries: int):  # type: ignore[no-untyped-def]
    """Cache a core call's result as one shared, read-only object.

    ``st.cache_data`` pickles a result on store and copies it on every read: for
    10^5 clients that copy costs a tenth of a second per call, several times per
    rerun. The results here are never mutated (pandas operations return new
    objects), and every key holds the data set's random key, so sessions never
    see each other's data.
    """
    return st.cache_resource(show_spinner=False, max_entries=max_entries)


def current(anonymised: bool = True) -> tuple[str, AnalysisSettings, Portfolio]:
    """The loaded data's key, the session's settings and the loaded portfolio (in the anonymised mode,
    with labels for clients; ``anonymised=False`` for the meeting files, which label it themselves
    and compare it with a saved review by the clients' real identifiers).

    The filters come back keyed by client column: pages without the sidebar (the presentation)
    may get the URL's, named by the user's headers.
    """
    ss = st.session_state
    settings: AnalysisSettings = ss.settings
    wanted = colnames.resolved(
        settings.filter_dict, segments(ss.data_key, settings.include_inactive, ss.portfolio).columns
    )
    settings = settings.with_changes(filters=wanted)
    if anonymised and ss.get("meeting_anonymous"):  # the mode (Export page, ?anon=1): pages show labels
        ranking = settings.ranking_only()
        try:
            return (
                f"{ss.data_key}:anon:{hash(ranking):x}",
                settings,
                _anonymised(ss.data_key, ranking, ss.portfolio),
            )
        except ValueError:  # nothing to rank (no revenue in the selection): the page says so
            pass
    return ss.data_key, settings, ss.portfolio


@cached(8)
def _anonymised(data_key: str, ranking: AnalysisSettings, _portfolio: Portfolio) -> Portfolio:
    """The portfolio with every client's identifier and name replaced by its label (``A-001``: class
    and rank for the ranking; ``X-001`` for the clients outside it). The key is kept nowhere."""
    labels = client_labels(_classified(data_key, ranking, _portfolio))
    clients = _portfolio.clients
    labels = pd.concat([labels, other_labels(clients.index.difference(labels.index, sort=False))])
    renamed = clients.set_axis(pd.Index(labels.reindex(clients.index).to_numpy(), name=clients.index.name))
    if "name" in renamed.columns:
        renamed = renamed.assign(name=renamed.index.to_numpy())

    def relabel(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(client=frame["client"].map(labels)) if "client" in frame.columns else frame

    return dataclasses.replace(
        _portfolio,
        clients=renamed,
        transactions=relabel(_portfolio.transactions),
        activities=relabel(_portfolio.activities),
    )


@cached(16)
def values(data_key: str, measure: str, include_inactive: bool, _portfolio: Portfolio) -> pd.Series:
    """Revenue or margin per client in scope (aggregated once per data set)."""
    return _portfolio.values(measure, include_inactive)  # type: ignore[arg-type]


@cached(16)
def _hours(data_key: str, include_inactive: bool, durations: Durations, _portfolio: Portfolio) -> pd.Series:
    return effort_hours(_portfolio, dict(durations), include_inactive)


def hours(data_key: str, settings: AnalysisSettings, portfolio: Portfolio) -> pd.Series:
    """Effort in hours per client in scope, activities without a duration counted at the
    settings' durations (the Effort page's)."""
    return _hours(data_key, settings.include_inactive, settings.durations, portfolio)


@cached(16)
def segments(data_key: str, include_inactive: bool, _portfolio: Portfolio) -> pd.DataFrame:
    """The filterable client columns (text, numeric ones bucketed) of the clients in scope."""
    clients = _portfolio.clients
    return segment_frame(clients.loc[_portfolio.in_scope(include_inactive)])


@cached(64)
def _selection(data_key: str, scope: AnalysisSettings, _portfolio: Portfolio) -> pd.Index:
    return select(segments(data_key, scope.include_inactive, _portfolio), scope.filter_dict)


def selection(data_key: str, settings: AnalysisSettings, portfolio: Portfolio) -> pd.Index:
    """The clients the filters keep."""
    return _selection(data_key, settings.scope_only(), portfolio)


@cached(64)
def _classified(data_key: str, ranking: AnalysisSettings, _portfolio: Portfolio) -> pd.DataFrame:
    v = values(data_key, ranking.measure, ranking.include_inactive, _portfolio)
    chosen = selection(data_key, ranking, _portfolio)
    return classify_selection(v, chosen, ranking.a, ranking.b, ranking.rule, ranking.within)


def classified(data_key: str, settings: AnalysisSettings, portfolio: Portfolio) -> pd.DataFrame:
    """The ABC classes of the selected clients for the settings' cut-offs (cached on the scope and
    ranking alone: the hourly cost or the language do not recompute them)."""
    return _classified(data_key, settings.ranking_only(), portfolio)


@cached(64)
def _curve(data_key: str, ranking: AnalysisSettings, _portfolio: Portfolio) -> pd.DataFrame:
    return pareto_curve(_classified(data_key, ranking, _portfolio))


def curve(data_key: str, settings: AnalysisSettings, portfolio: Portfolio) -> pd.DataFrame:
    """The downsampled Pareto curve for the chart."""
    return _curve(data_key, settings.ranking_only(), portfolio)


def margins(data_key: str, settings: AnalysisSettings, portfolio: Portfolio) -> pd.Series | None:
    """The margin per client in scope (None without a margin column)."""
    if not portfolio.has("margin"):
        return None
    return values(data_key, "margin", settings.include_inactive, portfolio)


@cached(32)
def economics(
    data_key: str,
    settings: AnalysisSettings,
    revenue_cut: float | None,
    hours_cut: float | None,
    _portfolio: Portfolio,
) -> Economics:
    """Revenue, margin, effort and profit per selected client, with its class and quadrant, at the
    settings' hourly cost and durations."""
    p = _portfolio
    table = classified(data_key, settings, p)
    margin = margins(data_key, settings, p)
    return client_economics(
        table["value"],
        hours(data_key, settings, p),
        table["abc_class"],
        None if margin is None else margin.reindex(table.index),
        settings.hourly_cost,
        revenue_cut,
        hours_cut,
    )


@cached(16)
def _actions(
    data_key: str,
    settings: AnalysisSettings,
    revenue_cut: float | None,
    hours_cut: float | None,
    lang: str,
    _portfolio: Portfolio,
) -> pd.DataFrame:
    table = economics(data_key, settings, revenue_cut, hours_cut, _portfolio).table
    return action_list(table.assign(label=_portfolio.labels(table.index)), _portfolio, TRANSLATORS[lang])


def actions(
    data_key: str,
    settings: AnalysisSettings,
    revenue_cut: float | None,
    hours_cut: float | None,
    portfolio: Portfolio,
) -> pd.DataFrame:
    """The Effort page's action list (``report.pack.action_list``) at :func:`economics`' figures, in the
    session's language."""
    return _actions(data_key, settings, revenue_cut, hours_cut, tr().lang, portfolio)


def describe(settings: AnalysisSettings, clients: int) -> str:
    """One line saying what is shown: how many clients, which filters, how classes are computed."""
    _ = tr()
    s = settings
    ranked = (
        _("{n} clients ranked by revenue") if s.measure == "revenue" else _("{n} clients ranked by margin")
    )
    parts = [ranked.format(n=_.number(clients)), _("A up to {a} %, B up to {b} %", a=s.a_pct, b=s.b_pct)]
    if s.filters:
        shown = "; ".join(f"{colnames.shown(col)}: {', '.join(map(plain, vals))}" for col, vals in s.filters)
        mode = _("ranked within the selection") if s.within else _("classes from the whole portfolio")
        parts.append(_("filtered ({filters}), {mode}", filters=shown, mode=mode))
    if s.include_inactive:
        parts.append(_("prospects, former clients and partners included"))
    return " · ".join(parts)


def require_clients(table: pd.DataFrame) -> None:
    """Stop the page with a plain message when the filters leave no client."""
    if table.empty:
        _ = tr()
        st.warning(_("No client matches the filters. Clear some filters in the sidebar."))
        st.stop()


@cached(16)
def _history(data_key: str, ranking: AnalysisSettings, _portfolio: Portfolio) -> pd.DataFrame:
    column = "amount" if ranking.measure == "revenue" else "margin"
    scope = _portfolio.in_scope(ranking.include_inactive)
    return yearly_classes(_portfolio.transactions, scope, ranking.a, ranking.b, ranking.rule, column)


def history(data_key: str, settings: AnalysisSettings, portfolio: Portfolio) -> pd.DataFrame:
    """Each selected client's class per calendar year."""
    return _history(data_key, settings.ranking_only(), portfolio)


def classified_or_stop(data_key: str, settings: AnalysisSettings, portfolio: Portfolio) -> pd.DataFrame:
    """The classes of the selected clients, or a plain message and a stop when there are none."""
    _ = tr()
    try:
        table = classified(data_key, settings, portfolio)
    except NoPositiveValueError:
        st.error(
            _(
                "No client has a positive {measure} in this selection, so there is nothing to rank. "
                "Rank by revenue, clear some filters, or load other data on the Data page.",
                measure=_(settings.measure),
            )
        )
        st.stop()
    require_clients(table)
    return table


def summary(data_key: str, settings: AnalysisSettings, portfolio: Portfolio) -> pd.DataFrame:
    """Clients, revenue and shares per class for the settings."""
    return class_summary(classified(data_key, settings, portfolio))


def class_cards(summary: pd.DataFrame, caption: Callable[[pd.Series], str]) -> None:
    """One card per class: its number of clients, and ``caption`` of its row of ``summary``
    (:func:`summary`) beneath."""
    _ = tr()
    for col, cls in zip(st.columns(len(CLASSES)), CLASSES, strict=True):
        col.metric(_("{cls} clients", cls=cls), _.number(summary.loc[cls, "clients"]))
        col.caption(caption(summary.loc[cls]))


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
        _ = tr()
        out["note"] = flagged.map({True: _("no net revenue"), False: ""})
    return out


@cached(32)
def _class_table(data_key: str, ranking: AnalysisSettings, _portfolio: Portfolio) -> pd.DataFrame:
    return with_labels(_classified(data_key, ranking, _portfolio), _portfolio)


def class_table(data_key: str, settings: AnalysisSettings, portfolio: Portfolio) -> pd.DataFrame:
    """Every classified client with its labels (for searching the class table)."""
    return _class_table(data_key, settings.ranking_only(), portfolio)


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
