"""Page "Clients": every client with its figures, and one client's card."""

from ui.frame import require_frame

require_frame()

import pandas as pd
import streamlit as st

from portfolio_core.analysis.actions import recommend
from portfolio_core.report.words import action_words
from ui import analysis, colnames
from ui.i18n import money, tr
from ui.tables import show_table
from ui.text import plain

_ = tr()
st.title(_("Clients"))
key, settings, portfolio = analysis.current()
analysis.classified_or_stop(key, settings, portfolio)
econ = analysis.economics(key, settings, None, None, portfolio)
table = econ.table
st.caption(analysis.describe(settings, len(table)))
clients = portfolio.clients
Measure = _(settings.measure.capitalize())
extra = [c for c in ("sector", "size", "contract_type", "region", "account_manager") if c in clients.columns]
listing = pd.DataFrame(
    {
        _("Name"): clients["name"].reindex(table.index) if "name" in clients else table.index,
        _("Class"): table["abc_class"],
        Measure: table["revenue"].round(0),
        _("Margin"): table["margin"].round(0),
        _("Hours"): table["hours"].round(1),
        _("Profit"): table["profit"].round(0),
    }
).join(clients[extra].rename(columns=colnames.label))
if not portfolio.has("margin"):
    listing = listing.drop(columns=[_("Margin")])
if portfolio.activities.empty:
    listing = listing.drop(columns=[_("Hours"), _("Profit")])
listing.index.name = "ID"

query = st.text_input(_("Search clients"), placeholder=_("Name, ID, sector, manager…"), key="client_search")
if query:
    hit = listing.reset_index().astype(str).apply(lambda c: c.str.contains(query, case=False, regex=False))
    listing = listing[hit.any(axis=1).to_numpy()]
st.caption(_("{n} clients. Click a row to open the client's card.", n=_.number(len(listing))))
ordered = listing.sort_values(Measure, ascending=False)
event = show_table(
    ordered,
    money=[Measure, _("Margin"), _("Profit")],
    decimals={_("Hours"): 1},
    width="stretch",
    height="auto",  # a short list without empty rows; a long one scrolls
    on_select="rerun",
    selection_mode="single-row",
    key="client_table",
)
rows = event.selection.rows if event else []
if not rows:
    st.stop()
client = ordered.index[rows[0]]

card = clients.loc[client]
st.header(plain(card.get("name", client)) if "name" in clients else plain(client))
st.caption(f"ID {plain(client)}")
row = table.loc[client]
m = st.columns(5)
m[0].metric(_("Class"), row["abc_class"])
m[1].metric(Measure, money(row["revenue"]))
m[2].metric(_("Margin"), money(row["margin"]) if econ.margin_known else "—")
if portfolio.activities.empty:  # no activity log: no hours and no cost to serve, rather than 0
    m[3].metric(_("Hours"), "—", help=_("No activity log"))
    m[4].metric(_("Profit after cost to serve"), "—", help=_("No activity log"))
else:
    m[3].metric(_("Hours"), _.number(row["hours"], 1))
    m[4].metric(_("Profit after cost to serve"), money(row["profit"]))
action = action_words(recommend(table, portfolio, clients.get("potential")), _).loc[client]
st.success(
    _("**Recommended:** {action}. {reason}.", action=action["action"], reason=action["reason"].strip())
)

details, deals, log, years = st.tabs([_("Details"), _("Deals"), _("Interactions"), _("Class over time")])


def _shown(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return _.date(value)
    if isinstance(value, float):
        return _.number(value)
    return str(value)


details.dataframe(
    card.dropna().map(_shown).rename(_("Value")).rename(colnames.label).to_frame(),
    width="stretch",
)
tx = portfolio.transactions[portfolio.transactions["client"] == client].drop(columns=["client"])
if "date" in tx:
    tx = tx.sort_values("date", ascending=False)
show_table(
    tx.rename(columns=colnames.label),
    money=[colnames.label("amount"), colnames.label("margin")],
    where=deals,
    hide_index=True,
    width="stretch",
)
acts = portfolio.activities[portfolio.activities["client"] == client].drop(columns=["client"])
if acts.empty:
    log.info(_("No interaction recorded for this client."))
else:
    show_table(
        (acts.sort_values("date", ascending=False) if "date" in acts else acts).rename(columns=_.label),
        decimals={_.label("hours"): 1},
        where=log,
        hide_index=True,
        width="stretch",
    )
yearly = analysis.history(key, settings, portfolio)
if client in yearly.index and len(yearly.columns):
    years.dataframe(yearly.loc[[client]].astype(str), hide_index=True, width="stretch")
    years.caption(_("Class of the client's sales in each calendar year, ranked among that year's clients."))
else:
    years.info(_("Needs dated sales to show the class over time."))
