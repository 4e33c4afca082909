"""The "Suggest cut-offs" button: set the A and B sliders to the computed ABC cut-offs.

Any analysis page can call :func:`suggest_button`; it reads the session's settings itself (data,
ranking measure, filters: see :func:`ui.kpis_cache.ranking_scope`) and moves the sidebar sliders
through a callback (a widget's key cannot be written after the widget rendered in the same run,
a callback runs before).
"""

from __future__ import annotations

import streamlit as st

from portfolio_core.analysis.cutoffs import SuggestedCutoffs
from ui import analysis, kpis_cache, state
from ui.i18n import tr


def apply_cutoffs(a: int, b: int) -> None:
    """Set the cut-offs: the sliders' widget keys and the settings the pages and the URL read."""
    ss = st.session_state
    ss["w_a"], ss["w_b"] = a, b
    state.update(a_pct=a, b_pct=b)
    ss["suggested_cutoffs"] = (a, b)


def current_suggestion() -> SuggestedCutoffs:
    """The computed ABC cut-offs for the loaded data, the current ranking measure and filters."""
    return kpis_cache.suggestion(*analysis.current())[0]


def suggest_button(key: str = "suggest_cutoffs") -> SuggestedCutoffs:
    """Draw the button (and a confirmation after a click); return the suggestion."""
    ss = st.session_state
    _ = tr()
    s = current_suggestion()
    st.button(
        _("Suggest cut-offs (A {a} %, B {b} %)", a=s.a_pct, b=s.b_pct),
        key=key,
        icon=":material/auto_fix_high:",
        on_click=apply_cutoffs,
        args=(s.a_pct, s.b_pct),
        help=_(
            "Sets the A and B sliders to the cut-offs of the computed ABC analysis (Ultsch and Lötsch "
            "2015): A ends at the Pareto or break-even point, B at the submarginal point."
        ),
    )
    if ss.get("suggested_cutoffs") == (s.a_pct, s.b_pct) and (
        state.settings().a_pct,
        state.settings().b_pct,
    ) == (s.a_pct, s.b_pct):
        st.success(
            _("Cut-offs set to the suggestion: A {a} %, B {b} %.", a=s.a_pct, b=s.b_pct),
            icon=":material/check:",
        )
    return s
