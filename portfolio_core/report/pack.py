"""The meeting report: one :class:`Report` (settings, headline figures, actions, charts, assumptions)
built once by :func:`build_report`, so the app's Export page and the CLI's ``report`` command write the
same workbook (:mod:`.workbook`), deck (:mod:`.deck`) and chart files (:mod:`.images`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd
from babel.dates import format_date

from portfolio_core.analysis.abc import CLASSES, NoPositiveValueError, class_summary
from portfolio_core.analysis.actions import ACTIONS, recommend
from portfolio_core.analysis.effort import (
    client_economics,
    effort_hours,
    share_of_clients_for,
    whale_curve,
)
from portfolio_core.analysis.kpis import companies_in_filters, kpi_summary
from portfolio_core.analysis.segments import compare_portfolios, user_name
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.analysis.summary import heading_figures
from portfolio_core.i18n import ENGLISH, Translator
from portfolio_core.ingest.portfolio import Portfolio
from portfolio_core.report.anonymise import client_labels, other_labels
from portfolio_core.report.assumptions import (
    durations_text,
    hourly_cost_text,
    let_go_text,
    period_text,
    scope_text,
)
from portfolio_core.report.charts import migration_chart, whale_chart
from portfolio_core.report.images import for_export, meeting_charts
from portfolio_core.report.words import ACTION_TEXTS, action_words

Chart = alt.TopLevelMixin
CHART_NAMES = {
    "pareto": "Pareto curve",
    "effort": "Effort vs revenue",
    "dual_pareto": "Revenue and effort Pareto",
    "whale": "Whale curve",
    "migration": "Class migration",
}
RULE_NAMES = {
    "before": "share before the client (recommended)",
    "spreadsheet": "spreadsheet convention (cumulative share including the client)",
}


def chart_names(t: Translator = ENGLISH) -> dict[str, str]:
    """:data:`CHART_NAMES` in ``t``'s language."""
    return {
        "pareto": t("Pareto curve"),
        "effort": t("Effort vs revenue"),
        "dual_pareto": t("Revenue and effort Pareto"),
        "whale": t("Whale curve"),
        "migration": t("Class migration"),
    }


def _rule_name(rule: str, t: Translator) -> str:
    if rule == "before":
        return t("share before the client (recommended)")
    if rule == "spreadsheet":
        return t("spreadsheet convention (cumulative share including the client)")
    return rule


def cutoff_text(value: float, t: Translator) -> str:
    """A cut-off in percent as typed (``80``, ``82.5``; ``82,5`` in French).

    Examples
    --------
    >>> cutoff_text(80.0, ENGLISH), cutoff_text(82.5, Translator("fr"))
    ('80', '82,5')
    """
    text = f"{value:g}"
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return t.number(value, decimals)


def settings_named(
    s: AnalysisSettings,
    source: str,
    date: dt.date,
    t: Translator = ENGLISH,
    column_names: Mapping[str, str] | None = None,
) -> dict[str, tuple[str, str]]:
    """The settings a report was made with as (name, value) pairs in ``t``'s language, by a fixed
    English key (the Settings sheet and the title slide); filtered columns go by the user's own
    headers (``column_names``, canonical -> header) where the files name them."""
    names = {c: user_name(c, column_names or {}) for c, _v in s.filters}
    filters = "; ".join(
        t("{column}: {values}", values=", ".join(v),
          column=names[c].replace("_", " ") if t.lang == "en" else t.label(names[c]).lower())
        for c, v in s.filters
    ) or t("none")  # fmt: skip
    if s.within and s.filters:
        computed_on = t("the selection alone")
    else:
        computed_on = t("the whole portfolio")
    if s.include_inactive:
        scope = t("every company (prospects, former clients, partners included)")
    else:
        scope = t("active clients")
    return {
        "Date": (t("Date"), format_date(date, "dd MMMM y", locale=t.locale)),
        "Source": (t("Source"), t.maybe(source) if source else t("(not named)")),
        "Ranking measure": (t("Ranking measure"), t(s.measure)),
        "A cut-off (%)": (t("A cut-off (%)"), cutoff_text(s.a_pct, t)),
        "B cut-off (%)": (t("B cut-off (%)"), cutoff_text(s.b_pct, t)),
        "ABC rule": (t("ABC rule"), _rule_name(s.rule, t)),
        "Filters": (t("Filters"), filters),
        "Classes computed on": (t("Classes computed on"), computed_on),
        "Clients in scope": (t("Clients in scope"), scope),
        "Hourly cost (cost to serve)": (t("Hourly cost (cost to serve)"), t.number(s.hourly_cost, 2)),
    }


@dataclass(frozen=True)
class Kpi:
    """One headline figure: its label, its formatted value and an optional note."""

    label: str
    value: str
    note: str = ""
    key: str = ""  # a fixed name (the label is in the report's language)


@dataclass(frozen=True)
class Changes:
    """The class migration since a saved analysis: its name and date (``earlier``), the transition
    table (``from``, ``to``, ``clients``, ``revenue_before``, ``revenue_after``) and the clients who
    dropped a class or left (``label``, ``from``, ``to``, ``revenue_before``, ``revenue_after``)."""

    earlier: str
    table: pd.DataFrame
    dropped: pd.DataFrame


@dataclass(frozen=True)
class Report:
    """Everything the exports show, computed once.

    - ``clients``: one row per client, ranked: ``label``, ``rank``, ``value``,
      ``share``, ``cumulative_share``, ``abc_class`` and, when the data has
      them, ``name``, ``sector``, ``account_manager``.
    - ``summary``: :func:`portfolio_core.class_summary` (rows A, B, C), plus
      ``hours`` and ``effort_share`` when ``has_effort``.
    - ``charts``: Altair charts by key of :data:`CHART_NAMES` (the effort
      charts only when an activity log gives hours, the whale curve when it or
      the margins give a profit, ``migration`` with ``changes``).
    - ``kpis``: headline figures; ``actions``: one recommended move per
      client (``label``, ``abc_class``, ``action``, ``reason``, ``revenue``,
      ``hours``, ``profit``), ranked like the Effort page's list.
    """

    settings: AnalysisSettings
    source: str
    date: dt.date
    clients: pd.DataFrame
    summary: pd.DataFrame
    charts: Mapping[str, Chart]
    kpis: tuple[Kpi, ...]
    actions: pd.DataFrame
    has_effort: bool
    notes: tuple[str, ...] = ()
    moves: tuple[str, ...] = ACTIONS  # the moves in review order, in the actions' language
    # The assumptions the figures rest on, as (name, sentence) pairs in the report's language: the
    # hourly cost, the default durations, who is set aside, and what the let-go advice rests on.
    assumptions: tuple[tuple[str, str], ...] = ()
    t: Translator = field(default=ENGLISH, compare=False)  # the language of every text of the files
    column_names: Mapping[str, str] = field(default_factory=dict)  # canonical column -> the user's header
    heading: Mapping[str, Any] = field(default_factory=dict)  # analysis.summary.heading_figures (dated sales)
    has_profit: bool = False  # margins or effort give a profit per client (the whale curve)
    changes: Changes | None = None  # the class migration since a saved analysis
    anonymous: bool = False  # clients go by labels, never by name or identifier

    def named(self) -> dict[str, tuple[str, str]]:
        """The settings as (name, value) pairs in the report's language (:func:`settings_named`)."""
        return settings_named(self.settings, self.source, self.date, self.t, self.column_names)


# --- KPIs -----------------------------------------------------------------------------------------


def concentration_figures(portfolio: Portfolio, values: pd.Series, s: AnalysisSettings) -> dict[str, Any]:
    """The KPI block (concentration, win rate, suggested cut-offs), as the CLI's JSON gives it.

    The win rate counts the deals of every company the filters keep, prospects included.
    """
    companies = companies_in_filters(portfolio, dict(s.filters), s.include_inactive)
    return kpi_summary(portfolio, values, companies)


def _kpis(
    portfolio: Portfolio,
    classified: pd.DataFrame,
    s: AnalysisSettings,
    econ: pd.DataFrame | None,
    t: Translator = ENGLISH,
    labels: pd.Series | None = None,
) -> tuple[Kpi, ...]:
    values = classified["value"]
    labels = portfolio.labels(classified.index) if labels is None else labels.loc[classified.index]
    measure = t(s.measure)
    of_measure = t("of {measure}", measure=measure)
    out = [
        Kpi(t("Clients analysed"), t.number(len(classified)), key="clients"),
        Kpi(t("Total {measure}", measure=measure), t.amount(values.sum(), s.currency), key="total"),
    ]
    try:
        figures = concentration_figures(portfolio, values, s)
    except NoPositiveValueError:
        figures = {}
    conc = figures.get("concentration", {})
    if "top1_share" in conc:
        out.append(
            Kpi(
                t("Largest client"),
                t.percent(conc["top1_share"], 1),
                shorten(str(labels.iloc[0]), 28),
                "top1",
            )
        )
    if "top10_share" in conc:
        out.append(Kpi(t("Top 10 clients"), t.percent(conc["top10_share"], 1), of_measure, "top10"))
    if "top20pct_share" in conc:
        out.append(Kpi(t("Top 20% of clients"), t.percent(conc["top20pct_share"], 1), of_measure, "top20pct"))
    if "gini" in conc:
        out.append(Kpi(t("Gini"), t.number(conc["gini"], 2), t("0 = equal, 1 = one client"), "gini"))
    if "win_rate" in figures:
        out.append(
            Kpi(t("Win rate"), t.percent(figures["win_rate"]), t("won / (won + lost) deals"), "win_rate")
        )
    if "suggested_cutoffs" in figures:
        cut = figures["suggested_cutoffs"]
        value = f"{cutoff_text(cut['a'], t)}{_pct(t)} / {cutoff_text(cut['b'], t)}{_pct(t)}"
        out.append(Kpi(t("Suggested cut-offs"), value, t("A / B, from the curve"), "suggested_cutoffs"))
    if econ is not None:
        out.append(Kpi(t("Total effort"), t("{hours} h", hours=t.number(econ["hours"].sum())), key="effort"))
        effort_80 = share_of_clients_for(econ["hours"])
        if not math.isnan(effort_80):
            out.append(Kpi(t("Clients taking 80% of effort"), t.percent(effort_80), key="effort_80"))
        losers = econ["profit"] < 0
        out.append(
            Kpi(
                t("Clients costing more than they bring"),
                t.number(int(losers.sum())),
                t("{amount} of profit lost", amount=t.amount(-econ.loc[losers, "profit"].sum(), s.currency)),
                "losers",
            )
        )
    return tuple(out)


def _pct(t: Translator) -> str:
    """The percent sign after a number: ``%`` in English, ``\u00a0%`` in French."""
    return "\u00a0%" if t.lang == "fr" else "%"


# --- The report -----------------------------------------------------------------------------------


def shorten(text: str, limit: int) -> str:
    """Text cut to ``limit`` characters with an ellipsis.

    Examples
    --------
    >>> shorten("Lumen Services International", 12)
    'Lumen Servi…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def action_list(economics: pd.DataFrame, portfolio: Portfolio, t: Translator = ENGLISH) -> pd.DataFrame:
    """One recommended move per client, A clients first, then by profit (highest first): the Effort
    page's action list and the report's.

    ``economics`` is :func:`portfolio_core.analysis.effort.client_economics`'s table with a
    ``label`` column (``Portfolio.labels``). Returns ``label``, ``abc_class``, ``action``,
    ``reason``, ``revenue``, ``hours`` and ``profit``, indexed by client.
    """
    clients = portfolio.clients
    potential = clients["potential"] if "potential" in clients.columns else None
    actions = action_words(recommend(economics, portfolio, potential), t).join(
        economics[["label", "abc_class", "revenue", "hours", "profit"]]
    )
    order = {c: i for i, c in enumerate(CLASSES)}
    actions = actions.assign(_c=actions["abc_class"].map(order), _p=-actions["profit"])
    actions = actions.sort_values(["_c", "_p"], kind="stable").drop(columns=["_c", "_p"])
    return actions[["label", "abc_class", "action", "reason", "revenue", "hours", "profit"]]


def build_report(
    portfolio: Portfolio,
    classified: pd.DataFrame,
    settings: AnalysisSettings,
    source: str = "",
    date: dt.date | None = None,
    revenue_cut: float | None = None,
    hours_cut: float | None = None,
    t: Translator = ENGLISH,
    hours: pd.Series | None = None,
    column_names: Mapping[str, str] | None = None,
    earlier: tuple[str, Portfolio] | None = None,
    anonymous: bool = False,
) -> Report:
    """Build the report contents once, for the Excel workbook, the deck and the chart files.

    Parameters
    ----------
    portfolio : the loaded data.
    classified : the classified clients shown (:func:`portfolio_core.classify_abc` or
        :func:`portfolio_core.analysis.segments.classify_selection` output, for ``settings``).
    settings : the cut-offs, rule, measure, filters used to classify (recorded as given), the
        hourly cost and the durations of activities logged without one.
    source, date : where the data comes from and the report's date (default today).
    revenue_cut, hours_cut : the quadrant lines, as on the Effort page (default the medians).
    t : the language of every text: chart labels, actions, sheet names and headers, slides
        (numbers on slides are formatted for it; Excel cells stay numbers).
    hours : effort in hours per client when already computed (else from the activity log).
    column_names : canonical client column -> the user's header, to name the filters as the files do.
    earlier : a saved analysis (its name and date, its portfolio): adds the class migration since then.
    anonymous : clients go by labels (:func:`~portfolio_core.report.anonymise.client_labels`) in
        every table and chart; no name or identifier of a client is kept.

    Examples
    --------
    >>> from portfolio_core import classify_abc
    >>> from portfolio_core.ingest.demo import demo_portfolio
    >>> p = demo_portfolio()
    >>> r = build_report(p, classify_abc(p.values()), AnalysisSettings(), source=p.source)
    >>> sorted(r.charts), int(r.summary["clients"].sum()) == len(r.clients)
    (['dual_pareto', 'effort', 'pareto', 'whale'], True)
    """
    s = settings.with_changes(currency=settings.currency or portfolio.currency)  # the user's, else the data's
    index = classified.index
    labels = client_labels(classified) if anonymous else portfolio.labels(index)
    clients = classified.drop(columns=["before_share", "non_positive"], errors="ignore").copy()
    clients.insert(0, "label", labels)
    info = portfolio.clients
    for column in ("name", "sector", "account_manager"):
        if column in info.columns and not (anonymous and column == "name"):
            clients[column] = info[column].reindex(index)

    if hours is None:
        hours = effort_hours(portfolio, s.default_hours, s.include_inactive)
    hours = hours.reindex(index).fillna(0.0)
    has_effort = not portfolio.activities.empty and float(hours.sum()) > 0
    margin = (
        portfolio.values("margin", s.include_inactive).reindex(index) if portfolio.has("margin") else None
    )
    economics = client_economics(
        classified["value"],
        hours if has_effort else pd.Series(0.0, index=index),
        classified["abc_class"],
        margin,
        s.hourly_cost,
        revenue_cut,
        hours_cut,
    )
    econ = economics.table.assign(label=labels)

    summary = class_summary(classified)
    if has_effort:
        per_class = hours.groupby(classified["abc_class"]).sum().reindex(list(CLASSES), fill_value=0.0)
        summary["hours"] = per_class
        summary["effort_share"] = per_class / float(hours.sum())

    actions = action_list(econ, portfolio, t)

    notes: list[str] = []
    if portfolio.activities.empty:
        notes.append(
            t("No activity log: load one (client, date, type, hours) to see effort against revenue.")
        )
    elif not has_effort:
        notes.append(t("The activity log gives no hours for these clients: check its duration column."))
    assumptions = []
    if has_effort:
        assumptions.append(
            (t("Assumption: hourly cost"), hourly_cost_text(s.hourly_cost, s.hourly_cost_set, t, s.currency))
        )
        assumptions.append((t("Assumption: durations"), durations_text(s.default_hours, t)))
    assumptions.append(
        (t("Assumption: who is out of scope"), scope_text(portfolio.scope_counts(), s.include_inactive, t))
    )
    if has_effort and (econ["profit"] < 0).any():
        assumptions.append((t("Let-go advice rests on"), let_go_text(econ["profit"], s, t)))
    if portfolio.has("date"):
        dates = portfolio.won()["date"]
        assumptions.append((t("Period"), period_text(dates.min(), dates.max(), t)))
    charts = meeting_charts(
        classified, econ if has_effort else None, s, economics.revenue_cut, economics.hours_cut, t
    )
    has_profit = has_effort or margin is not None
    if has_profit and "whale" not in charts:  # margins without an activity log: profit is the margin
        charts["whale"] = for_export(whale_chart(whale_curve(econ["profit"]), t), t=t, currency=s.currency)
    changes = None
    if earlier is not None:
        changes = _changes(earlier, portfolio, s, labels if anonymous else None)
        charts["migration"] = for_export(migration_chart(changes.table, t), 600, t, s.currency)
    if anonymous:  # the workbook writes the index: labels, never the identifiers
        clients.index = pd.Index(labels.to_numpy(), name=index.name)
        actions.index = pd.Index(labels.reindex(actions.index).to_numpy(), name=actions.index.name)
    return Report(
        settings=s,
        source=source,
        date=dt.date.today() if date is None else date,
        clients=clients,
        summary=summary,
        charts=charts,
        kpis=_kpis(portfolio, classified, s, econ if has_effort else None, t, labels),
        actions=actions,
        has_effort=has_effort,
        notes=tuple(notes),
        moves=tuple(t(ACTION_TEXTS[move]) for move in ACTIONS),
        t=t,
        assumptions=tuple(assumptions),
        column_names=dict(column_names or {}),
        heading=heading_figures(portfolio, classified),
        has_profit=has_profit,
        changes=changes,
        anonymous=anonymous,
    )


def _changes(
    earlier: tuple[str, Portfolio],
    portfolio: Portfolio,
    s: AnalysisSettings,
    anonymous: pd.Series | None,
) -> Changes:
    """The class migration from a saved analysis to ``portfolio`` at the settings' cut-offs; with
    ``anonymous`` labels, clients gone since then are ``X-001``..."""
    name, before = earlier
    table, dropped = compare_portfolios(before, portfolio, s.a, s.b, s.rule, s.include_inactive)
    if anonymous is None:
        named = dropped["name"] if "name" in dropped else pd.Series(dtype=object)
        label = named.where(named.notna(), pd.Series(dropped.index.astype(str), index=dropped.index))
    else:
        label = anonymous.reindex(dropped.index)
        unknown = label.index[label.isna()]
        label = label.fillna(other_labels(unknown))
    dropped = dropped.drop(columns=["name"], errors="ignore")
    dropped.insert(0, "label", label.astype(str).to_numpy())
    return Changes(name, table, dropped.reset_index(drop=True))
