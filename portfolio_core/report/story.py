"""The meeting's story: one list of slides built from a :class:`~.pack.Report`, drawn alike by the deck
(:mod:`.deck`), the PDF handout (:mod:`.pdf`) and the Presentation page.

Who makes the revenue; the Pareto curve; who takes the team's time (with an activity log); profitability
and the whale curve (with margins or effort); what changed since a saved review; where the portfolio is
heading (revenue retention, predicted revenue); the key figures; the action plan; then the action list
(an appendix, in the files only). A slide without data is left out. Each slide's ``notes`` are the
assumptions its figures rest on.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from portfolio_core.report.assumptions import cutoffs_text, hourly_cost_text
from portfolio_core.report.pack import Kpi, Report, cutoff_text, shorten

ACTIONS_PER_MOVE = 3  # the action list: the clients each move matters most for


@dataclass(frozen=True)
class Table:
    """A table's header and rows, as text; ``numeric`` marks the columns aligned right."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]


@dataclass(frozen=True)
class Slide:
    """One slide: a fixed ``key``, its title and headline, at most one chart (a key of the report's
    charts), table or set of figure tiles, lines of text, and the assumptions behind it (``notes``)."""

    key: str
    title: str
    headline: str = ""
    chart: str = ""
    table: Table | None = None
    tiles: tuple[Kpi, ...] = ()
    lines: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    appendix: bool = False  # in the files, not on screen


def _assumption(report: Report, *names: str) -> list[str]:
    t = report.t
    wanted = {t(name) for name in names}
    return [text for name, text in report.assumptions if name in wanted]


def _cutoffs(report: Report) -> str:
    s, t = report.settings, report.t
    return cutoffs_text(cutoff_text(s.a_pct, t), cutoff_text(s.b_pct, t), t(s.measure), t)


def _cost(report: Report) -> list[str]:
    s, t = report.settings, report.t
    return [hourly_cost_text(s.hourly_cost, s.hourly_cost_set, t, s.currency)] if report.has_effort else []


def headline(report: Report) -> str:
    """The revenue headline: ``26% of clients (class A, 105) make 80% of revenue``."""
    a, t = report.summary.loc["A"].to_dict(), report.t
    return t(
        "{client_share} of clients (class A, {clients}) make {revenue_share} of {measure}",
        client_share=t.percent(a["client_share"]),
        clients=t.number(int(a["clients"])),
        revenue_share=t.percent(a["revenue_share"]),
        measure=t(report.settings.measure),
    )


def _title(report: Report) -> Slide:
    s, t = report.settings, report.t
    named = {key: value for key, (_name, value) in report.named().items()}
    measure = t(s.measure)
    lines = [
        named["Date"],
        t("Data: {source}", source=shorten(named["Source"], 90)),
        t(
            "{n} clients ranked by {measure}; A up to {a} %, B up to {b} % of {measure}",
            n=t.number(len(report.clients)),
            measure=measure,
            a=cutoff_text(s.a_pct, t),
            b=cutoff_text(s.b_pct, t),
        ),
        t("ABC rule: {rule}", rule=named["ABC rule"]),
        t(
            "Filters: {filters} (classes computed on {on})",
            filters=shorten(named["Filters"], 90),
            on=named["Classes computed on"],
        ),
        t("Clients in scope: {scope}", scope=named["Clients in scope"]),
    ]
    if report.anonymous:
        lines.append(t("Anonymised: clients go by their class and rank (A-001), not by name."))
    return Slide("title", t("Client portfolio review"), lines=tuple(lines), notes=tuple(_cost(report)))


def _revenue(report: Report) -> Slide:
    s, t = report.settings, report.t
    measure = t(s.measure)
    header = [t("Class"), t("Clients"), t("Share of clients"), t(s.measure.capitalize())]
    header += [t("Share of {measure}", measure=measure)]
    if report.has_effort:
        header += [t("Hours"), t("Share of effort")]
    rows = []
    for cls, r in report.summary.iterrows():
        row = [
            str(cls),
            t.number(int(r["clients"])),
            t.percent(r["client_share"], 1),
            t.amount(r["revenue"], s.currency),
            t.percent(r["revenue_share"], 1),
        ]
        if report.has_effort:
            row += [t.number(r["hours"]), t.percent(r["effort_share"], 1)]
        rows.append(tuple(row))
    table = Table(tuple(header), tuple(rows), (False,) + (True,) * (len(header) - 1))
    notes = [_cutoffs(report), *_assumption(report, "Assumption: who is out of scope", "Period")]
    return Slide("revenue", t("Who makes the revenue"), headline(report), table=table, notes=tuple(notes))


def _pareto(report: Report) -> Slide:
    t = report.t
    notes = [_cutoffs(report), *_assumption(report, "Period")]
    return Slide("pareto", t("The Pareto curve"), headline(report), chart="pareto", notes=tuple(notes))


def _effort(report: Report) -> Slide | None:
    if not report.has_effort or "effort" not in report.charts:
        return None
    t = report.t
    effort_80 = next((k.value for k in report.kpis if k.key == "effort_80"), None)
    said = t("{share} of clients take 80% of the effort", share=effort_80) if effort_80 else ""
    notes = [*_assumption(report, "Assumption: durations", "Period"), *_cost(report)]
    return Slide("effort", t("Who takes the team's time"), said, chart="effort", notes=tuple(notes))


def _profit(report: Report) -> Slide | None:
    if not report.has_profit or "whale" not in report.charts:
        return None
    t, s = report.t, report.settings
    profit = report.actions["profit"]
    losers = profit < 0
    said = t.plural(
        "{n} client costs more than it brings: {amount} of profit lost",
        "{n} clients cost more than they bring: {amount} of profit lost",
        int(losers.sum()),
        amount=t.amount(-profit[losers].sum(), s.currency),
    )
    if report.has_effort:
        notes = [t("Profit: margin (or revenue where no margin is known) minus the cost to serve.")]
        notes += _assumption(report, "Let-go advice rests on") or _cost(report)
    else:
        notes = [t("Profit: the margin of the sales; no activity log, so no cost to serve is deducted.")]
    notes += _assumption(report, "Period")
    return Slide("profit", t("Profitability: the whale curve"), said, chart="whale", notes=tuple(notes))


def _changes(report: Report) -> Slide | None:
    changes = report.changes
    if changes is None:
        return None
    t, s = report.t, report.settings
    dropped = changes.dropped.head(6)
    rows = tuple(
        (shorten(str(label), 30), t.maybe(str(old)), t.maybe(str(new)), t.amount(before, s.currency),
         t.amount(after, s.currency))
        for label, old, new, before, after in zip(
            dropped["label"], dropped["from"], dropped["to"], dropped["revenue_before"],
            dropped["revenue_after"], strict=True,
        )
    )  # fmt: skip
    header = (t("Client"), t("From"), t("To"), t("Revenue before"), t("Revenue after"))
    table = Table(header, rows, (False, False, False, True, True)) if rows else None
    said = t.plural(
        "{n} client dropped a class or left since {earlier}",
        "{n} clients dropped a class or left since {earlier}",
        len(changes.dropped),
        earlier=changes.earlier,
    )
    notes = (
        t(
            "Compared with the saved analysis {earlier}: both ranked by revenue with these cut-offs "
            "(A up to {a} %, B up to {b} %).",
            earlier=changes.earlier,
            a=cutoff_text(s.a_pct, t),
            b=cutoff_text(s.b_pct, t),
        ),
    )
    return Slide("changes", t("What changed since the last review"), said, "migration", table, notes=notes)


def _heading(report: Report) -> Slide | None:
    """Where we are heading: NRR and GRR over the last 12 months, each class's revenue then beside the
    predicted next 12; left out when the sales are undated or the 12 months before hold none."""
    figures = report.heading
    if not figures or figures["retention"]["nrr"] is None:
        return None
    t, currency = report.t, report.settings.currency
    (start, _), (_, end) = figures["periods"]
    retention, last = figures["retention"], figures["revenue_last_12m"]
    predicted = figures.get("predicted_revenue_12m")
    lines = (
        t("Net revenue retention (NRR)") + f": {t.percent(retention['nrr'], 1)}",
        t("Gross revenue retention (GRR)") + f": {t.percent(retention['grr'], 1)}",
    )
    header = (t("Class"), t("Last 12 months")) + ((t("Next 12 months (predicted)"),) if predicted else ())
    rows = tuple(
        (cls, t.amount(last[cls], currency)) + ((t.amount(predicted[cls], currency),) if predicted else ())
        for cls in ("A", "B", "C")
    )
    notes = [
        t(
            "The 12 months to {end} against the 12 before (from {start})",
            end=t.date(end),
            start=t.date(start),
        ),
        t(
            "Expected purchases over the next 12 months (modified BG/NBD) times the expected spend per "
            "purchase (Gamma-Gamma), per client, added up per class."
        )
        if predicted
        else t(
            "Too little purchase history to predict: the models need at least 30 buying clients, 10 of "
            "whom bought on two days or more."
        ),
    ]
    table = Table(header, rows, (False,) + (True,) * (len(header) - 1))
    return Slide("heading", t("Where we are heading"), " · ".join(lines), table=table, notes=tuple(notes))


def _figures(report: Report) -> Slide:
    t = report.t
    notes = [*_assumption(report, "Assumption: who is out of scope", "Period"), *_cost(report)]
    notes += _assumption(report, "Let-go advice rests on")  # the tile of clients costing more than they bring
    return Slide("figures", t("Key figures"), tiles=report.kpis[:12], notes=tuple(dict.fromkeys(notes)))


def _moves_in_order(actions: pd.DataFrame, moves: tuple[str, ...]) -> list[str]:
    """The moves present, in review order (unknown ones last, as they come)."""
    present = list(actions["action"].unique())  # in order of appearance
    return [m for m in moves if m in present] + [m for m in present if m not in moves]


def _plan(report: Report) -> Slide:
    s, t = report.settings, report.t
    plan = (
        report.actions.groupby("action", sort=False)
        .agg(clients=("label", "size"), revenue=("revenue", "sum"), hours=("hours", "sum"))
        .reindex(_moves_in_order(report.actions, report.moves))
    )
    # "Move" alone is a cut-off move in the catalog ("Variation"): the column says "Action" in French.
    header = ["Move" if t.lang == "en" else t("Action"), t("Clients"), t(s.measure.capitalize())]
    header += [t("Hours")] if report.has_effort else []
    rows = tuple(
        tuple(
            [shorten(str(move), 90), t.number(int(r["clients"])), t.amount(r["revenue"], s.currency)]
            + ([t.number(r["hours"])] if report.has_effort else [])
        )
        for move, r in plan.iterrows()
    )
    table = Table(tuple(header), rows, (False,) + (True,) * (len(header) - 1))
    notes = [*_assumption(report, "Let-go advice rests on"), *_cost(report)]
    notes += _assumption(report, "Assumption: durations")
    return Slide("actions", t("Action plan"), table=table, notes=tuple(dict.fromkeys(notes)))


def action_rows(report: Report) -> pd.DataFrame:
    """For each move but the last ("light touch"), the clients it matters most for (largest revenue,
    or largest loss for loss-making ones), in review order."""
    actions, moves = report.actions, report.moves
    picked = []
    for move in _moves_in_order(actions, moves):
        if moves and move == moves[-1]:
            continue
        group = actions[actions["action"] == move]
        key = -group["profit"] if (group["profit"] < 0).all() else group["revenue"]
        picked.append(group.loc[key.sort_values(ascending=False).index[:ACTIONS_PER_MOVE]])
    return pd.concat(picked) if picked else actions.iloc[:0]


def _action_list(report: Report) -> Slide | None:
    t = report.t
    rows = tuple(
        (shorten(str(r.label), 26), str(r.abc_class), shorten(str(r.action), 90), shorten(str(r.reason), 90))
        for r in action_rows(report).itertuples()
    )
    if not rows:
        return None
    header = (t("Client"), t("Class"), "Move" if t.lang == "en" else t("Action"), t("Why"))
    # "Action list" alone is "Plan d'action" in the catalog, like the slide before
    title = "Action list" if t.lang == "en" else t("Action list (slide)")
    notes = tuple(_assumption(report, "Let-go advice rests on") or _cost(report))
    return Slide("action_list", title, table=Table(header, rows, (False,) * 4), notes=notes, appendix=True)


def story(report: Report) -> list[Slide]:
    """The slides of the meeting, in order; those without data are left out.

    Examples
    --------
    >>> from portfolio_core import classify_abc
    >>> from portfolio_core.analysis.settings import AnalysisSettings
    >>> from portfolio_core.ingest.demo import demo_portfolio
    >>> from portfolio_core.report.pack import build_report
    >>> p = demo_portfolio()
    >>> [s.key for s in story(build_report(p, classify_abc(p.values()), AnalysisSettings()))]
    ['title', 'revenue', 'pareto', 'effort', 'profit', 'heading', 'figures', 'actions', 'action_list']
    """
    slides = [
        _title(report),
        _revenue(report),
        _pareto(report),
        _effort(report),
        _profit(report),
        _changes(report),
        _heading(report),
        _figures(report),
        _plan(report),
        _action_list(report),
    ]
    return [s for s in slides if s is not None]
