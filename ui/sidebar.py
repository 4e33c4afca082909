"""The sidebar of the analysis pages: cut-offs, ranking options and segment filters."""

from __future__ import annotations

import streamlit as st

from portfolio_core.message import N_
from ui import analysis, colnames, state
from ui.i18n import tr

ss = st.session_state
RULE_LABELS = {
    "before": N_("Share before the client (recommended)"),
    "spreadsheet": N_("Spreadsheet convention (cumulative share including the client)"),
}
MEASURES = {"revenue": N_("Revenue"), "margin": N_("Margin")}


def _a_moved() -> None:
    if ss.w_b <= ss.w_a:
        ss.w_b = min(100, ss.w_a + 1)


def _b_moved() -> None:
    if ss.w_b <= ss.w_a:
        ss.w_a = max(1, ss.w_b - 1)


def _bind(widget: str, value: object) -> None:
    """Give a widget its value from the plain session keys (widget state is dropped on page switch)."""
    if widget not in ss:
        ss[widget] = value


def _class_controls() -> None:
    settings = state.settings()
    for widget, value in (("w_a", int(settings.a_pct)), ("w_b", int(settings.b_pct)),
                          ("w_rule", settings.rule), ("w_by", settings.measure)):  # fmt: skip
        _bind(widget, value)
    _ = tr()
    st.subheader(_("Classes"))
    st.slider(_("A cut-off (%)"), 1, 99, key="w_a", on_change=_a_moved,
              help=_("Clients that make the first A % of revenue are class A."))  # fmt: skip
    st.slider(_("B cut-off (%)"), 2, 100, key="w_b", on_change=_b_moved,
              help=_("The next clients, up to B % of revenue, are class B; the rest are C."))  # fmt: skip
    measures = ["revenue", "margin"] if ss.portfolio.has("margin") else ["revenue"]
    if ss.w_by not in measures:
        ss.w_by = "revenue"
    st.selectbox(_("Rank clients by"), measures, key="w_by", format_func=lambda m: _(MEASURES[m]))
    st.radio(
        _("ABC rule"),
        list(RULE_LABELS),
        key="w_rule",
        format_func=lambda r: _(RULE_LABELS[r]),
        help=_(
            "Recommended: a client is A when the clients above it make less than A % of "
            "revenue, so the top client is always A and equal clients share a class. The "
            "spreadsheet convention matches old Excel sheets."
        ),
    )
    state.update(a_pct=ss.w_a, b_pct=ss.w_b, rule=ss.w_rule, measure=ss.w_by)


def _filter_controls() -> None:
    _ = tr()
    settings = state.settings()
    segments = analysis.segments(ss.data_key, settings.include_inactive, ss.portfolio)
    st.subheader(_("Filters"))
    filters: dict[str, tuple[str, ...]] = {}
    # the URL names a column by the user's header or its canonical name, in any case
    wanted = colnames.resolved(settings.filter_dict, segments.columns)
    for column in segments.columns:
        counts = segments[column].value_counts()
        chosen = [v for v in wanted.get(column, ()) if v in counts.index]
        _bind(f"w_f_{column}", chosen)
        picked = st.multiselect(
            colnames.shown(column),
            counts.index.tolist(),
            key=f"w_f_{column}",
            format_func=lambda v, c=counts: f"{_.maybe(v)} ({_.number(c[v])})",
            placeholder=_("All"),
        )
        if picked:
            filters[column] = tuple(picked)
    _bind("w_within", settings.within)
    st.toggle(
        _("Rank within the selection"),
        key="w_within",
        help=_(
            "Off: a client's class is computed on the whole portfolio, so an A client stays A when "
            "you filter. On: the selected clients are ranked among themselves."
        ),
    )
    state.update(filters=filters, within=ss.w_within)


def analysis_controls() -> None:
    """Cut-off sliders, ranking options and segment filters, shared by every analysis page."""
    with st.sidebar:
        _class_controls()
        _filter_controls()
