"""Page "Effort vs revenue": who takes the team's time, what they bring, what to do."""

import altair as alt
import pandas as pd
import streamlit as st

from portfolio_core import NoPositiveValueError
from portfolio_core.actions import recommend
from portfolio_core.charts import dual_pareto_chart, effort_scatter, whale_chart
from portfolio_core.effort import (
    DEFAULT_HOURS,
    class_effort,
    dual_pareto,
    let_go,
    serve_less,
    share_of_clients_for,
    top_group_overlap,
    whale_curve,
)
from ui import analysis

ss = st.session_state
portfolio = ss.portfolio
st.title("Effort vs revenue")

if portfolio.activities.empty:
    st.info(
        "This page needs an activity log: one row per call, meeting, visit or e-mail with the client, "
        "the date, the type and (if you have it) the duration in hours. Upload it on the Data page "
        "together with your sales, or a client list with an effort (hours) column."
    )
    st.stop()

with st.expander("Settings: hourly cost, default durations, quadrant lines"):
    c1, c2, c3 = st.columns(3)
    hourly_cost = c1.number_input("Hourly cost", min_value=0.0, value=60.0, step=5.0, key="hourly_cost")
    revenue_cut = c2.number_input(
        f"Quadrant line: {ss.by}", min_value=0.0, value=None, placeholder="median", key="revenue_cut"
    )
    hours_cut = c3.number_input(
        "Quadrant line: hours", min_value=0.0, value=None, placeholder="median", key="hours_cut"
    )
    st.caption("Durations used when the log gives none (hours per activity):")
    defaults = st.data_editor(
        pd.DataFrame({"Activity type": list(DEFAULT_HOURS), "Hours": list(DEFAULT_HOURS.values())}),
        hide_index=True,
        disabled=["Activity type"],
        key="default_hours",
    )
default_hours = tuple(zip(defaults["Activity type"], defaults["Hours"].fillna(0).astype(float), strict=True))

try:
    view, _ = analysis.current()
    econ = analysis.economics(view, hourly_cost, default_hours, revenue_cut, hours_cut, portfolio)
except NoPositiveValueError:
    st.error(f"No client has a positive {ss.by}: nothing to compare the effort with.")
    st.stop()
table = econ.table
analysis.require_clients(table)
if table["hours"].sum() <= 0:
    st.warning("The activity log has no hours for the clients in the portfolio: check the duration column.")
    st.stop()

names = portfolio.clients["name"] if "name" in portfolio.clients else None
table = table.assign(
    label=table.index if names is None else names.reindex(table.index).fillna(table.index.to_series())
)
effort_80 = share_of_clients_for(table["hours"])
overlap = top_group_overlap(table["revenue"], table["hours"])
revenue_80 = share_of_clients_for(table["revenue"])

m = st.columns(4)
m[0].metric("Total effort (hours)", f"{table['hours'].sum():,.0f}")
m[1].metric(
    "Cost to serve", f"{table['cost_to_serve'].sum():,.0f}", help=f"Hours × {hourly_cost:,.0f} per hour"
)
m[2].metric(
    "Clients taking 80 % of effort",
    f"{effort_80:.0%}",
    help="Share of clients that consume 80 % of the hours",
)
m[3].metric("Clients making 80 % of revenue", f"{revenue_80:.0%}")
top_effort = int(round(effort_80 * len(table)))
st.markdown(
    f"**{effort_80:.0%} of clients consume 80 % of the effort**; {revenue_80:.0%} make 80 % of the {ss.by}. "
    f"Only {len(overlap)} of the {top_effort} clients who take the most time are also among those "
    f"who make the most {ss.by}."
)

select = alt.selection_point(fields=["client"], name="pick")
event = st.altair_chart(
    effort_scatter(table.reset_index(), econ.revenue_cut, econ.hours_cut, ss.by.capitalize(), select),
    width="stretch",
    on_select="rerun",
    key="effort_scatter",
)
picked = [p.get("client") for p in (event.selection.get("pick") or [])] if event else []
if picked and picked[0] in table.index:
    row = table.loc[picked[0]]
    st.subheader(f"Client: {row['label']}")
    d = st.columns(5)
    d[0].metric("Class", row["abc_class"])
    d[1].metric(ss.by.capitalize(), f"{row['revenue']:,.0f}")
    d[2].metric("Hours", f"{row['hours']:,.1f}")
    d[3].metric("Profit after cost to serve", f"{row['profit']:,.0f}")
    d[4].metric("Quadrant", row["quadrant"])
else:
    st.caption("Click a point to see the client's figures.")
st.caption(
    f"Quadrant lines at {econ.revenue_cut:,.0f} of {ss.by} and {econ.hours_cut:,.1f} hours. "
    "Develop: high value for little time. Keep: worth the time. Serve cheaper: small and cheap to serve. "
    "Reconsider: small but time-consuming."
)

left, right = st.columns(2)
left.altair_chart(dual_pareto_chart(dual_pareto(table["revenue"], table["hours"])), width="stretch")
right.altair_chart(whale_chart(whale_curve(table["profit"])), width="stretch")
losers = table[table["profit"] < 0]
margin_note = "" if econ.margin_known else " (no margin column: profit is revenue minus cost to serve)"
st.caption(
    f"{len(losers)} clients cost more to serve than they bring{margin_note}: together "
    f"{-losers['profit'].sum():,.0f} of profit lost."
)

st.subheader("Per class")
per_class = class_effort(table).round({"revenue": 0, "hours": 0, "revenue_per_hour": 0}).reset_index()
st.dataframe(
    per_class.rename(
        columns={
            "abc_class": "Class",
            "clients": "Clients",
            "revenue": ss.by.capitalize(),
            "hours": "Hours",
            "revenue_share": f"{ss.by.capitalize()} share",
            "effort_share": "Effort share",
            "revenue_per_hour": f"{ss.by.capitalize()} per hour",
        }
    ),  # fmt: skip
    hide_index=True,
    width="stretch",
    column_config={
        f"{ss.by.capitalize()} share": st.column_config.NumberColumn(format="percent"),
        "Effort share": st.column_config.NumberColumn(format="percent"),
        ss.by.capitalize(): st.column_config.NumberColumn(format="localized"),
        f"{ss.by.capitalize()} per hour": st.column_config.NumberColumn(format="localized"),
        "Hours": st.column_config.NumberColumn(format="%.0f"),
    },
)

st.subheader("What if")
scenario = st.radio(
    "Scenario",
    ["Serve C clients with less time", "Let go of clients below a profit threshold"],
    horizontal=True,
)
if scenario.startswith("Serve"):
    cut = st.slider("Time cut for C clients (%)", 0, 100, 50, step=5)
    outcome = serve_less(table, ("C",), cut / 100, hourly_cost)
else:
    threshold = st.number_input("Profit threshold", value=0.0, step=500.0)
    outcome = let_go(table, threshold, hourly_cost)
w = st.columns(4)
w[0].metric("Hours freed", f"{outcome.hours_freed:,.0f}")
w[1].metric("Cost saved", f"{outcome.cost_saved:,.0f}")
w[2].metric(f"{ss.by.capitalize()} at risk", f"{outcome.revenue_at_risk:,.0f}")
w[3].metric("Margin at risk", f"{outcome.margin_at_risk:,.0f}")
st.caption(f"{len(outcome.clients)} clients concerned.")
st.dataframe(
    outcome.clients[["label", "abc_class", "revenue", "margin", "hours", "profit"]]
    .round(1)
    .rename_axis("ID")
    .rename(
        columns={
            "label": "Client",
            "abc_class": "Class",
            "revenue": ss.by.capitalize(),
            "margin": "Margin",
            "hours": "Hours",
            "profit": "Profit",
        }
    ),  # fmt: skip
    width="stretch",
    height=240,
)

st.subheader("Action list")
potential = portfolio.clients["potential"] if "potential" in portfolio.clients else None
actions = recommend(table, portfolio, potential).join(
    table[["label", "abc_class", "revenue", "hours", "profit"]]
)
actions = actions[["label", "abc_class", "action", "reason", "revenue", "hours", "profit"]].rename(
    columns={"label": "Client", "abc_class": "Class", "action": "Action", "reason": "Why",
             "revenue": ss.by.capitalize(), "hours": "Hours", "profit": "Profit"}
)  # fmt: skip
order = {"A": 0, "B": 1, "C": 2}
actions = actions.sort_values(["Class", "Profit"], key=lambda c: c.map(order) if c.name == "Class" else -c)
actions.index.name = "ID"
st.dataframe(actions.round({"Hours": 1, "Profit": 0, ss.by.capitalize(): 0}), width="stretch", height=320)
st.download_button(
    "Download the action list (CSV)",
    actions.to_csv().encode("utf-8"),
    file_name="action_list.csv",
    mime="text/csv",
)
