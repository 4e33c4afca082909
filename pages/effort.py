"""Page "Effort vs revenue": who takes the team's time, what they bring, what to do."""

from ui.frame import require_frame

require_frame()

import altair as alt
import pandas as pd
import streamlit as st

from portfolio_core import NoPositiveValueError
from portfolio_core.analysis.effort import (
    class_effort,
    dual_pareto,
    let_go,
    serve_less,
    share_of_clients_for,
    top_group_overlap,
    whale_curve,
)
from portfolio_core.message import N_
from portfolio_core.report.assumptions import (
    durations_text,
    hourly_cost_text,
    let_go_text,
    scope_text,
)
from portfolio_core.report.charts import dual_pareto_chart, effort_scatter, whale_chart
from ui import analysis, state
from ui.charts import show_chart
from ui.effort import hourly_cost_field
from ui.i18n import csv_bytes, currency, money, tr
from ui.sections import tabbed
from ui.tables import show_table
from ui.text import plain

ss = st.session_state
_ = tr()
key, settings, portfolio = analysis.current()
measure = _(settings.measure)
Measure = _(settings.measure.capitalize())
st.title(_("Effort vs revenue"))

if portfolio.activities.empty:
    st.info(
        _(
            "This page needs an activity log: one row per call, meeting, visit or e-mail with the client, "
            "the date, the type and (if you have it) the duration in hours. Upload it on the Data page "
            "together with your sales, or a client list with an effort (hours) column."
        )
    )
    st.stop()

# The hourly cost is in plain sight: every cost, profit and let-go figure below rests on it. It and
# the durations go into the settings, which every page and export reads.
hourly_cost_field(_("Hourly cost"), "w_hourly_cost", (1, 3))

# the durations table is drawn only while the box is open (an editable grid, hidden, cost the browser a
# sixth of a second on every visit); the quadrant lines are always there, so they keep their values
settings_box = st.expander(
    _("Settings: default durations, quadrant lines"), key="effort_settings", on_change="rerun"
)
with settings_box:
    c2, c3 = st.columns(2)
    revenue_cut = c2.number_input(
        _("Quadrant line: {measure}", measure=measure),
        min_value=0.0,
        value=None,
        placeholder=_("median"),
        key="revenue_cut",
    )
    hours_cut = c3.number_input(
        _("Quadrant line: hours"), min_value=0.0, value=None, placeholder=_("median"), key="hours_cut"
    )
    st.caption(_("Durations used when the log gives none (hours per activity):"))
if settings_box.open:
    defaults = settings_box.data_editor(
        pd.DataFrame(
            {
                "type": [_(kind) for kind, _h in settings.durations],
                "hours": [h for _k, h in settings.durations],
            }
        ),
        hide_index=True,
        disabled=["type"],
        key="default_hours",
        column_config={
            "type": st.column_config.TextColumn(_("Activity type")),
            # an editable cell takes no Styler words: the browser's locale writes its decimal mark
            "hours": st.column_config.NumberColumn(_("Hours"), min_value=0.0, format="localized"),
        },
    )
    # the rows are the settings' activity types in order (the editor adds none): their codes, not the words
    kinds = [kind for kind, _h in settings.durations]
    state.update(durations=dict(zip(kinds, defaults["hours"].fillna(0), strict=True)))
key, settings, portfolio = analysis.current()  # with the hourly cost and durations just set

try:
    econ = analysis.economics(key, settings, revenue_cut, hours_cut, portfolio)
except NoPositiveValueError:
    st.error(_("No client has a positive {measure}: nothing to compare the effort with.", measure=measure))
    st.stop()
table = econ.table
analysis.require_clients(table)
if table["hours"].sum() <= 0:
    st.warning(
        _("The activity log has no hours for the clients in the portfolio: check the duration column.")
    )
    st.stop()

table = table.assign(label=portfolio.labels(table.index))
effort_80 = share_of_clients_for(table["hours"])
overlap = top_group_overlap(table["revenue"], table["hours"])
revenue_80 = share_of_clients_for(table["revenue"])

m = st.columns(4)
m[0].metric(_("Total effort (hours)"), _.number(table["hours"].sum()))
m[1].metric(
    _("Cost to serve"),
    money(table["cost_to_serve"].sum()),
    help=_("Hours × {cost} per hour", cost=money(settings.hourly_cost)),
)
m[2].metric(
    _("Clients taking 80 % of effort"),
    _.percent(effort_80),
    help=_("Share of clients that consume 80 % of the hours"),
)
m[3].metric(_("Clients making 80 % of {measure}", measure=measure), _.percent(revenue_80))
st.caption(
    " ".join(
        [  # the hourly cost is said just above, beside its field
            durations_text(settings.default_hours, _),
            scope_text(portfolio.scope_counts(), settings.include_inactive, _),
        ]
    )
)
top_effort = int(round(effort_80 * len(table)))
st.markdown(
    _(
        "**{effort} of clients consume 80 % of the effort**; {revenue} make 80 % of the {measure}. "
        "Only {overlap} of the {top} clients who take the most time are also among those who make the most "
        "{measure}.",
        effort=_.percent(effort_80),
        revenue=_.percent(revenue_80),
        measure=measure,
        overlap=len(overlap),
        top=top_effort,
    )
)

select = alt.selection_point(fields=["client"], name="pick")
event = show_chart(
    effort_scatter,
    table.reset_index(),
    econ.revenue_cut,
    econ.hours_cut,
    settings.measure,
    select,
    _,
    on_select="rerun",
    key="effort_scatter",
)
picked = [p.get("client") for p in (event.selection.get("pick") or [])] if event else []
if picked and picked[0] in table.index:
    row = table.loc[picked[0]]
    st.subheader(_("Client: {name}", name=plain(row["label"])))
    d = st.columns(5)
    d[0].metric(_("Class"), row["abc_class"])
    d[1].metric(Measure, money(row["revenue"]))
    d[2].metric(_("Hours"), _.number(row["hours"], 1))
    d[3].metric(_("Profit after cost to serve"), money(row["profit"]))
    d[4].metric(_("Quadrant"), _(row["quadrant"]))
else:
    st.caption(_("Click a point to see the client's figures."))
st.caption(
    _(
        "Quadrant lines at {revenue} of {measure} and {hours} hours. "
        "Develop: high value for little time. Keep: worth the time. "
        "Serve cheaper: small and cheap to serve. Reconsider: small but time-consuming.",
        revenue=money(econ.revenue_cut),
        measure=measure,
        hours=_.number(econ.hours_cut, 1),
    )
)


def curves() -> None:
    """Effort and revenue on one Pareto chart, the whale curve of profit, what letting go would do."""
    left, right = st.columns(2)
    with left:
        show_chart(dual_pareto_chart, dual_pareto(table["revenue"], table["hours"]), _)
    with right:
        show_chart(whale_chart, whale_curve(table["profit"]), _)
    margin_note = "" if econ.margin_known else _(" (no margin column: profit is revenue minus cost to serve)")
    let_go_sentence = let_go_text(table["profit"], settings, _, currency())
    if settings.hourly_cost_set:
        st.caption(let_go_sentence + margin_note)
    else:  # advice to let clients go must not rest silently on a cost nobody chose
        st.warning(let_go_sentence + margin_note, icon=":material/warning:")


def per_class() -> None:
    """Revenue, hours and revenue per hour of each class."""
    per_class = class_effort(table).round({"revenue": 0, "hours": 0, "revenue_per_hour": 0}).reset_index()
    show_table(
        per_class,
        money=["revenue", "revenue_per_hour"],
        percent=["revenue_share", "effort_share"],
        hide_index=True,
        width="stretch",
        column_config={
            "abc_class": _("Class"),
            "clients": _("Clients"),
            "revenue": Measure,
            "hours": _("Hours"),
            "revenue_share": _("{measure} share", measure=Measure),
            "effort_share": _("Effort share"),
            "revenue_per_hour": _("{measure} per hour", measure=Measure),
        },
    )


def what_if() -> None:
    """Serving C clients with less time, or letting go of the least profitable: what it frees and risks."""
    SCENARIOS = (N_("Serve C clients with less time"), N_("Let go of clients below a profit threshold"))
    scenario = st.radio(_("Scenario"), SCENARIOS, horizontal=True, format_func=_)
    if scenario == SCENARIOS[0]:
        cut = st.slider(_("Time cut for C clients (%)"), 0, 100, 50, step=5)
        outcome = serve_less(table, ("C",), cut / 100, settings.hourly_cost)
    else:
        threshold = st.number_input(_("Profit threshold"), value=0.0, step=500.0)
        outcome = let_go(table, threshold, settings.hourly_cost)
    w = st.columns(4)
    w[0].metric(_("Hours freed"), _.number(outcome.hours_freed))
    w[1].metric(_("Cost saved"), money(outcome.cost_saved))
    w[2].metric(_("{measure} at risk", measure=Measure), money(outcome.revenue_at_risk))
    w[3].metric(_("Margin at risk"), money(outcome.margin_at_risk))
    st.caption(
        _("{n} clients concerned.", n=_.number(len(outcome.clients)))
        + " "
        + hourly_cost_text(settings.hourly_cost, settings.hourly_cost_set, _, currency())
    )
    concerned = outcome.clients[["label", "abc_class", "revenue", "margin", "hours", "profit"]].round(1)
    show_table(
        concerned.rename_axis("ID"),
        money=["revenue", "margin", "profit"],
        decimals={"hours": 1},
        width="stretch",
        height=240,
        column_config={
            "label": _("Client"),
            "abc_class": _("Class"),
            "revenue": Measure,
            "margin": _("Margin"),
            "hours": _("Hours"),
            "profit": _("Profit"),
        },
    )


def action_list() -> None:
    """One action per client, with why, and its CSV."""
    actions = analysis.actions(key, settings, revenue_cut, hours_cut, portfolio)
    actions = actions.round({"hours": 1, "profit": 0, "revenue": 0})
    headers = {
        "label": _("Client"), "abc_class": _("Class"), "action": _("Action"), "reason": _("Why"),
        "revenue": Measure, "hours": _("Hours"), "profit": _("Profit"),
    }  # fmt: skip
    show_table(
        actions.rename_axis("ID"),
        money=["revenue", "profit"],
        decimals={"hours": 1},
        width="stretch",
        height=320,
        column_config=headers,
    )
    st.download_button(
        _("Download the action list (CSV)"),
        lambda: csv_bytes(actions.rename(columns=headers).rename_axis("ID"), index=True),
        file_name="action_list.csv",
        mime="text/csv",
    )


SECTIONS = {
    _("Pareto and whale curves"): curves,
    _("Per class"): per_class,
    _("What if"): what_if,
    _("Action list"): action_list,
}
tabbed(SECTIONS, "effort_tab")
