"""Page "Segments": the ABC mix per segment, the crossed ABC matrix, class migration."""

import pandas as pd
import streamlit as st

from portfolio_core import CLASSES, NoPositiveValueError
from portfolio_core.actions import years_covered
from portfolio_core.charts import migration_chart, segment_mix_chart
from portfolio_core.segments import GROUPS, compare, cross_matrix, migration, period_values
from ui import analysis

ss = st.session_state
st.title("Segments")
view, portfolio = analysis.current()
try:
    table = analysis.classified(view, portfolio)
except NoPositiveValueError:
    st.error(f"No client has a positive {view.measure} in this selection. Clear some filters.")
    st.stop()
analysis.require_clients(table)
segments = analysis.segments(view.data_key, view.include_inactive, portfolio)
st.caption(analysis.describe(view, len(table)))
if segments.empty:
    st.info(
        "Your data has no client attributes to segment by. Upload a client list with columns such as "
        "sector, size, contract type, region or account manager."
    )
    st.stop()

dimension = st.selectbox(
    "Compare segments by",
    list(segments.columns),
    format_func=lambda c: c.replace("_", " ").capitalize(),
    key="segment_dimension",
)
hours = (
    analysis.hours(view.data_key, view.include_inactive, (), portfolio) if len(portfolio.activities) else None
)
comparison = compare(table, segments[dimension], hours)

long = (
    comparison[list(CLASSES)]
    .rename_axis("segment")
    .reset_index()
    .melt(id_vars="segment", var_name="abc_class", value_name="clients")
)
revenue_mix = (
    table.assign(segment=segments[dimension].reindex(table.index))
    .groupby(["segment", "abc_class"], as_index=False)["value"]
    .sum()
)
left, right = st.columns(2)
left.altair_chart(segment_mix_chart(long, "clients", "Clients per class"), width="stretch")
right.altair_chart(
    segment_mix_chart(revenue_mix, "value", f"{view.measure.capitalize()} per class"), width="stretch"
)

st.subheader("Compare the segments")
shown = comparison.rename(
    columns={
        "clients": "Clients", "revenue": view.measure.capitalize(), "revenue_share": "Share of total",
        "hours": "Hours", "effort_share": "Share of effort", "revenue_per_hour": "Per hour",
        "largest_client_share": "Largest client's weight", "share_of_a": "Share of A clients",
    }
)  # fmt: skip
if hours is None:
    shown = shown.drop(columns=["Hours", "Share of effort", "Per hour"])
pct = st.column_config.NumberColumn(format="percent")
st.dataframe(
    shown.round({view.measure.capitalize(): 0, "Hours": 0, "Per hour": 0}),
    width="stretch",
    column_config={
        **dict.fromkeys(
            ["Share of total", "Share of effort", "Largest client's weight", "Share of A clients"], pct
        ),
        view.measure.capitalize(): st.column_config.NumberColumn(format="localized"),
    },
)

st.subheader("Crossed ABC matrix: revenue class × potential class")
if "potential" not in portfolio.clients.columns or portfolio.clients["potential"].notna().sum() == 0:
    st.info("Needs a potential column in the client list (the revenue each client could bring per year).")
else:
    c1, c2 = st.columns(2)
    pa = c1.slider("Potential A cut-off (%)", 1, 99, 80, key="potential_a")
    pb = c2.slider("Potential B cut-off (%)", 2, 100, max(95, pa + 1), key="potential_b")
    if pb <= pa:
        st.warning("The potential B cut-off must be above the A cut-off.")
    else:
        annual = table["value"] / years_covered(portfolio)
        cells = cross_matrix(table["abc_class"], portfolio.clients["potential"], annual, pa / 100, pb / 100)
        grid = cells.pivot(index="revenue_class", columns="potential_class", values="clients")
        unmet = cells.pivot(index="revenue_class", columns="potential_class", values="unmet")
        grid.index.name = unmet.index.name = "Revenue class"
        m1, m2 = st.columns(2)
        m1.caption("Clients (rows: revenue class, columns: potential class)")
        m1.dataframe(grid, width="stretch")
        m2.caption("Unmet potential per year (potential minus revenue per year)")
        m2.dataframe(
            unmet.round(0),
            width="stretch",
            column_config={c: st.column_config.NumberColumn(format="localized") for c in CLASSES},
        )
        groups = cells.groupby("group")[["clients", "unmet"]].sum().reindex(list(GROUPS.values()))
        g = st.columns(3)
        for col, (name, row) in zip(g, groups.iterrows(), strict=True):
            col.metric(name, f"{int(row['clients']):,}", help=f"Unmet potential {row['unmet']:,.0f} per year")
        st.caption(
            "Develop: the potential class is above the revenue class. Serve economically: C on both. "
            "Keep: the rest, whose revenue already matches their potential."
        )

st.subheader("Class migration between two periods")
if not portfolio.has("date"):
    st.info("Needs dated sales (a date column in the invoices or deals).")
else:
    months = st.slider("Period length (months)", 3, 24, 12, key="migration_months")
    end = portfolio.transactions["date"].max() + pd.Timedelta(days=1)
    middle, start = end - pd.DateOffset(months=months), end - pd.DateOffset(months=2 * months)
    column = "amount" if view.measure == "revenue" else "margin"
    scope = analysis.selection(view, portfolio)
    before = period_values(portfolio.transactions, start, middle, column).reindex(scope).dropna()
    after = period_values(portfolio.transactions, middle, end, column).reindex(scope).dropna()
    st.caption(
        f"Earlier: {start:%d/%m/%Y} – {middle - pd.Timedelta(days=1):%d/%m/%Y} · "
        f"later: {middle:%d/%m/%Y} – {end - pd.Timedelta(days=1):%d/%m/%Y} · "
        f"classes computed in each period with A up to {view.a} %, B up to {view.b} %."
    )
    moves, dropped = migration(before, after, view.a / 100, view.b / 100, view.rule)  # type: ignore[arg-type]
    left, right = st.columns([2, 3])
    left.altair_chart(migration_chart(moves), width="stretch")
    right.markdown(f"**{len(dropped):,} clients dropped a class or stopped buying** (an early churn signal):")
    names = portfolio.clients["name"] if "name" in portfolio.clients else None
    dropped_shown = dropped.assign(
        Client=dropped.index
        if names is None
        else names.reindex(dropped.index).fillna(dropped.index.to_series())
    ).rename(columns={"from": "From", "to": "To", "revenue_before": "Before", "revenue_after": "After"})
    right.dataframe(
        dropped_shown[["Client", "From", "To", "Before", "After"]].round(0).rename_axis("ID"),
        width="stretch",
        height=260,
    )
