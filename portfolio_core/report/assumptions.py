"""The assumptions behind the effort figures, in words to show beside them (pages, slides, workbook).

The cost to serve, the profit after it and every "let go" advice rest on an hourly cost; the hours
rest on default durations for activities logged without one; the ranking rests on who is set aside.
Until the user sets an hourly cost, the settings' default hourly cost is used and every text says that it
is a default.

Examples
--------
>>> hourly_cost_text(60.0, chosen=False)
"Cost to serve at 60 per hour of the team's time: a default, not your figure. Set your hourly cost."
>>> import pandas as pd
>>> from portfolio_core.analysis.settings import AnalysisSettings
>>> let_go_text(pd.Series([-700.0, 50.0, -300.0, -200.0]), AnalysisSettings(chosen_hourly_cost=45.0))
'3 clients cost more to serve than they bring, at 45 per hour (your hourly cost): 1,200 of profit lost.'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.i18n import ENGLISH, Translator


def hourly_cost_text(cost: float, chosen: bool, t: Translator = ENGLISH, currency: str | None = None) -> str:
    """The hourly cost behind the cost to serve (in ``currency``), saying whether the user chose it."""
    if chosen:
        return t(
            "Cost to serve at {cost} per hour of the team's time (your hourly cost).",
            cost=t.amount(cost, currency),
        )
    return t(
        "Cost to serve at {cost} per hour of the team's time: a default, not your figure. "
        "Set your hourly cost.",
        cost=t.amount(cost, currency),
    )


def hourly_cost_short(cost: float, chosen: bool, t: Translator = ENGLISH, currency: str | None = None) -> str:
    """The hourly cost in a few words (a table cell, a tile): ``60 per hour (default)``."""
    if chosen:
        return t("{cost} per hour (your figure)", cost=t.amount(cost, currency))
    return t("{cost} per hour (default, not chosen)", cost=t.amount(cost, currency))


def let_go_text(
    profit: pd.Series, settings: AnalysisSettings, t: Translator = ENGLISH, currency: str | None = None
) -> str:
    """How many clients cost more than they bring (a negative ``profit`` after the cost to serve)
    and the profit they lose, with the settings' hourly cost it rests on; amounts in ``currency``,
    else the settings' currency."""
    losses = profit[profit < 0]
    clients, lost, cost = len(losses), float(-losses.sum()), settings.hourly_cost
    currency = currency or settings.currency
    if settings.hourly_cost_set:
        return t(
            "{n} clients cost more to serve than they bring, at {cost} per hour (your hourly cost): "
            "{lost} of profit lost.",
            n=t.number(clients),
            cost=t.amount(cost, currency),
            lost=t.amount(lost, currency),
        )
    return t(
        "{n} clients cost more to serve than they bring at the default {cost} per hour, an hourly cost "
        "nobody chose ({lost} of profit lost): set your own before letting anyone go.",
        n=t.number(clients),
        cost=t.amount(cost, currency),
        lost=t.amount(lost, currency),
    )


def durations_text(hours: Mapping[str, float], t: Translator = ENGLISH) -> str:
    """The durations counted for activities logged without one."""
    parts = ", ".join(
        t("{type} {hours} h", type=t(kind), hours=t.number(value, 2).rstrip("0").rstrip(".,"))
        for kind, value in hours.items()
    )
    return t("Activities logged without a duration count: {durations}.", durations=parts)


def scope_text(counts: Mapping[str, int], include_inactive: bool, t: Translator = ENGLISH) -> str:
    """Who is out of scope (set aside) or, when they are included, that they are."""
    if include_inactive:
        return t("Prospects, former clients and partners are included in the figures.")
    return t("Set aside (not in the figures): {who}.", who=set_aside_text(counts, t))


def set_aside_text(counts: Mapping[str, int], t: Translator = ENGLISH) -> str:
    """How many prospects, former clients and partners: ``2 prospects, 1 former client, 0 partners``."""
    prospects, former, partners = (counts.get(status, 0) for status in ("prospect", "former", "partner"))
    return ", ".join(
        (
            t.plural("{n} prospect", "{n} prospects", prospects),
            t.plural("{n} former client", "{n} former clients", former),
            t.plural("{n} partner", "{n} partners", partners),
        )
    )


def period_text(start: dt.date | pd.Timestamp, end: dt.date | pd.Timestamp, t: Translator = ENGLISH) -> str:
    """The period the sales cover: ``Sales from Jan 5, 2024 to Nov 20, 2026.``"""
    return t("Sales from {start} to {end}.", start=t.date(start), end=t.date(end))


def cutoffs_text(a_pct: str, b_pct: str, measure: str, t: Translator = ENGLISH) -> str:
    """The A and B cut-offs in words (``a_pct`` and ``b_pct`` already written as numbers)."""
    return t(
        "A: clients that make the first {a} % of {measure}; B: up to {b} %; C: the rest.",
        a=a_pct,
        b=b_pct,
        measure=measure,
    )
