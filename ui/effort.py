"""The hourly cost field of the Effort and Export pages: one figure, kept in the settings, for
every page and file."""

from __future__ import annotations

import streamlit as st

from portfolio_core.analysis.settings import DEFAULT_HOURLY_COST, AnalysisSettings
from portfolio_core.report.assumptions import hourly_cost_text
from ui import state
from ui.i18n import currency, money, tr


def hourly_cost_field(label: str, key: str, widths: tuple[int, int]) -> AnalysisSettings:
    """Draw the hourly cost field with the sentence that says whether it is the user's figure or
    the default (a warning then); the field writes the settings, which are returned."""
    ss = st.session_state
    _ = tr()
    if key not in ss and state.settings().hourly_cost_set:
        ss[key] = state.settings().chosen_hourly_cost  # the widget is dropped on a page switch, not the cost
    box, words = st.columns(list(widths), vertical_alignment="bottom")
    box.number_input(
        label,
        min_value=0.0,
        value=None,
        step=5.0,
        key=key,
        placeholder=_("{cost} (default)", cost=money(DEFAULT_HOURLY_COST)),
        help=_("What an hour of the team's time costs: profit is margin minus hours x this cost."),
    )
    settings = state.update(chosen_hourly_cost=ss[key])
    sentence = hourly_cost_text(settings.hourly_cost, settings.hourly_cost_set, _, currency())
    if settings.hourly_cost_set:
        words.caption(sentence)
    else:
        words.warning(sentence, icon=":material/warning:")
    return settings
