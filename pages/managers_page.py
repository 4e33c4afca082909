"""Page "Account managers": each manager's book, its mix and weight, and rebalancing hints."""

import streamlit as st

from portfolio_core import NoPositiveValueError, classify_abc, pareto_curve
from portfolio_core.charts import effort_scatter, pareto_chart
from portfolio_core.effort import client_economics
from portfolio_core.segments import compare, rebalancing_hints
from ui import analysis

st.title("Account managers")
view, portfolio = analysis.current()
if "account_manager" not in portfolio.clients.columns:
    st.info(
        "Needs an account manager column (owner, commercial, sales rep...) in the client list or the deals. "
        "Upload it on the Data page."
    )
    st.stop()
try:
    table = analysis.classified(view, portfolio)
except NoPositiveValueError:
    st.error(f"No client has a positive {view.measure} in this selection. Clear some filters.")
    st.stop()
analysis.require_clients(table)
st.caption(analysis.describe(view, len(table)))
has_effort = len(portfolio.activities) > 0
hours = analysis.hours(view.data_key, view.include_inactive, (), portfolio) if has_effort else None
managers = portfolio.clients["account_manager"]
books = compare(table, managers, hours)
measure = view.measure.capitalize()

shown = books.rename(
    columns={
        "clients": "Clients", "revenue": measure, "revenue_share": "Share of the portfolio", "hours": "Hours",
        "effort_share": "Share of effort", "revenue_per_hour": f"{measure} per hour",
        "largest_client_share": "Largest client's weight", "share_of_a": "Share of A clients",
    }
)  # fmt: skip
if hours is None:
    shown = shown.drop(columns=["Hours", "Share of effort", f"{measure} per hour"])
pct = st.column_config.NumberColumn(format="percent")
st.dataframe(
    shown.drop(columns=["Share of A clients"]).round({measure: 0, "Hours": 0, f"{measure} per hour": 0}),
    width="stretch",
    column_config={
        **dict.fromkeys(["Share of the portfolio", "Share of effort", "Largest client's weight"], pct),
        measure: st.column_config.NumberColumn(format="localized"),
    },
)
hints = rebalancing_hints(books)
for hint in hints:
    st.warning(hint)
if not hints:
    st.caption("No manager holds far more A clients or hours than the others (more than 1.5 × the median).")

st.subheader("One manager's book")
names = books.index.tolist()
who = st.selectbox("Account manager", names, key="manager_pick")
book = table.index[managers.reindex(table.index).fillna("(not set)") == who]
values = table.loc[book, "value"]
if not (values > 0).any():
    st.info(f"{who} has no client with a positive {view.measure} in this selection.")
    st.stop()
within_book = classify_abc(values, view.a / 100, view.b / 100, view.rule)  # type: ignore[arg-type]
m = st.columns(4)
m[0].metric("Clients", f"{len(book):,}")
m[1].metric(measure, f"{values.sum():,.0f}")
m[2].metric("A clients (whole portfolio)", f"{int((table.loc[book, 'abc_class'] == 'A').sum()):,}")
m[3].metric("Largest client's weight", f"{values.max() / values[values > 0].sum():.0%}")
left, right = st.columns(2)
left.altair_chart(
    pareto_chart(pareto_curve(within_book), view.a / 100, view.b / 100,
                 title=f"{who}: Pareto curve of the book"),
    width="stretch",
)  # fmt: skip
if hours is not None:
    margin = (
        analysis.values(view.data_key, "margin", view.include_inactive, portfolio)
        if portfolio.has("margin")
        else None
    )
    econ = client_economics(
        values, hours, table.loc[book, "abc_class"], None if margin is None else margin.reindex(book)
    )
    data = econ.table.assign(
        label=portfolio.clients.get("name", econ.table.index.to_series()).reindex(econ.table.index)
    )
    right.altair_chart(
        effort_scatter(data.reset_index(), econ.revenue_cut, econ.hours_cut, measure).properties(height=380),
        width="stretch",
    )
else:
    right.info("Upload an activity log to see this book's effort against revenue.")
