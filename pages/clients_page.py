"""Page "Clients": every client with its figures, and one client's card."""

import pandas as pd
import streamlit as st

from portfolio_core import NoPositiveValueError
from portfolio_core.actions import recommend
from ui import analysis

ss = st.session_state
st.title("Clients")
view, portfolio = analysis.current()
try:
    econ = analysis.economics(view, ss.get("hourly_cost", 60.0), (), None, None, portfolio)
except NoPositiveValueError:
    st.error(f"No client has a positive {view.measure} in this selection. Clear some filters.")
    st.stop()
table = econ.table
analysis.require_clients(table)
st.caption(analysis.describe(view, len(table)))
clients = portfolio.clients
measure = view.measure.capitalize()
extra = [c for c in ("sector", "size", "contract_type", "region", "account_manager") if c in clients.columns]
listing = pd.DataFrame(
    {
        "Name": clients["name"].reindex(table.index) if "name" in clients else table.index,
        "Class": table["abc_class"],
        measure: table["revenue"].round(0),
        "Margin": table["margin"].round(0),
        "Hours": table["hours"].round(1),
        "Profit": table["profit"].round(0),
    }
).join(clients[extra].rename(columns=lambda c: c.replace("_", " ").capitalize()))
if not portfolio.has("margin"):
    listing = listing.drop(columns=["Margin"])
if portfolio.activities.empty:
    listing = listing.drop(columns=["Hours", "Profit"])
listing.index.name = "ID"

query = st.text_input("Search clients", placeholder="Name, ID, sector, manager…", key="client_search")
if query:
    hit = listing.reset_index().astype(str).apply(lambda c: c.str.contains(query, case=False, regex=False))
    listing = listing[hit.any(axis=1).to_numpy()]
st.caption(f"{len(listing):,} clients. Click a row to open the client's card.")
event = st.dataframe(
    listing.sort_values(measure, ascending=False),
    width="stretch",
    height=360,
    on_select="rerun",
    selection_mode="single-row",
    key="client_table",
    column_config={measure: st.column_config.NumberColumn(format="localized")},
)
rows = event.selection.rows if event else []
ordered = listing.sort_values(measure, ascending=False)
if not rows:
    st.stop()
client = ordered.index[rows[0]]

card = clients.loc[client]
st.header(str(card.get("name", client)) if "name" in clients else str(client))
st.caption(f"ID {client}")
row = table.loc[client]
m = st.columns(5)
m[0].metric("Class", row["abc_class"])
m[1].metric(measure, f"{row['revenue']:,.0f}")
m[2].metric("Margin", f"{row['margin']:,.0f}" if econ.margin_known else "—")
m[3].metric("Hours", f"{row['hours']:,.1f}")
m[4].metric("Profit after cost to serve", f"{row['profit']:,.0f}")
action = recommend(table, portfolio, clients.get("potential")).loc[client]
st.success(f"**Recommended:** {action['action']}. {action['reason'].capitalize()}.")

details, deals, log, years = st.tabs(["Details", "Deals", "Interactions", "Class over time"])
details.dataframe(card.dropna().astype(str).rename("Value").rename_axis("Field").to_frame(), width="stretch")
tx = portfolio.transactions[portfolio.transactions["client"] == client].drop(columns=["client"])
if "date" in tx:
    tx = tx.sort_values("date", ascending=False)
deals.dataframe(
    tx, hide_index=True, width="stretch", column_config={"date": st.column_config.DateColumn("date")}
)
acts = portfolio.activities[portfolio.activities["client"] == client].drop(columns=["client"])
if acts.empty:
    log.info("No interaction recorded for this client.")
else:
    log.dataframe(
        acts.sort_values("date", ascending=False) if "date" in acts else acts,
        hide_index=True,
        width="stretch",
        column_config={"date": st.column_config.DateColumn("date")},
    )
yearly = analysis.history(view, portfolio)
if client in yearly.index and len(yearly.columns):
    years.dataframe(yearly.loc[[client]].astype(str), hide_index=True, width="stretch")
    years.caption("Class of the client's sales in each calendar year, ranked among that year's clients.")
else:
    years.info("Needs dated sales to show the class over time.")
