"""Page "ABC analysis": class counts and shares, the Pareto chart, the class table."""

import streamlit as st

from portfolio_core import CLASSES, NoPositiveValueError, class_summary
from portfolio_core.charts import pareto_chart
from ui import analysis

ss = st.session_state
st.title("ABC analysis")
view, portfolio = analysis.current()
try:
    table = analysis.classified(view, portfolio)
except NoPositiveValueError:
    st.error(
        f"No client has a positive {ss.by} in this selection, so there is nothing to rank. "
        "Rank by revenue, include more clients, or load other data on the Data page."
    )
    st.stop()
analysis.require_clients(table)
summary = class_summary(table)
measure = ss.by

st.caption(f"{analysis.describe(view, len(table))} · {portfolio.source}")
cols = st.columns(3)
for col, cls in zip(cols, CLASSES, strict=True):
    row = summary.loc[cls]
    col.metric(f"{cls} clients", f"{int(row['clients']):,}")
    col.caption(
        f"{row['client_share']:.0%} of clients · {row['revenue']:,.0f} of {measure} "
        f"({row['revenue_share']:.1%})"
    )
negatives = int(table["non_positive"].sum())
if negatives:
    st.caption(f"{negatives} clients with zero or negative {measure} are counted in C.")

st.altair_chart(
    pareto_chart(
        analysis.curve(view, portfolio),
        ss.a / 100,
        ss.b / 100,
        title=f"Pareto curve: cumulative share of {measure}",
        x_title=f"Clients ranked by {measure} (share of clients)",
        y_title=f"Cumulative share of {measure}",
    ),
    width="stretch",
)

st.subheader("Clients by class")
clients = ss.portfolio.clients
shown = table.join(clients[[c for c in ("name", "sector", "account_manager") if c in clients.columns]])
shown = shown.reset_index().rename(
    columns={
        "client": "Client", "name": "Name", "rank": "Rank", "value": measure.capitalize(),
        "share": "Share", "cumulative_share": "Cumulative share", "abc_class": "Class",
        "sector": "Sector", "account_manager": "Account manager",
    }
)  # fmt: skip
shown = shown.drop(columns=["before_share", "non_positive"])
query = st.text_input("Search clients", placeholder="Client, name, sector…")
if query:
    text = shown.astype(str).apply(lambda col: col.str.contains(query, case=False, regex=False))
    shown = shown[text.any(axis=1)]
picked = st.multiselect("Classes shown", list(CLASSES), default=list(CLASSES))
shown = shown[shown["Class"].isin(picked)]
st.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    column_config={
        "Share": st.column_config.NumberColumn(format="percent"),
        "Cumulative share": st.column_config.NumberColumn(format="percent"),
        measure.capitalize(): st.column_config.NumberColumn(format="localized"),
    },
)
st.download_button(
    "Download the class table (CSV)",
    shown.to_csv(index=False).encode("utf-8"),
    file_name=f"abc_classes_{ss.a}_{ss.b}.csv",
    mime="text/csv",
)
