"""Page "KPIs": concentration, suggested cut-offs, sales, loyalty, CLV vs CAC, churn risk, potential."""

from typing import Any

import pandas as pd
import streamlit as st

from portfolio_core import NoPositiveValueError
from portfolio_core.charts_kpi import churn_chart, clv_cac_chart, cutoffs_chart, lorenz_chart, rate_chart
from portfolio_core.kpis import CLV_CAC_TARGET, clv_cac_by, deal_stages, indicator_columns, missing_kpis
from ui import kpis_cache
from ui.suggest import suggest_button

ss = st.session_state
portfolio = ss.portfolio
st.title("KPIs")
missing = missing_kpis(portfolio)


def needs(*kpis: str) -> None:
    """Say plainly which column each KPI the data does not allow would need."""
    lines = [f"**{k}** {missing[k]}." for k in kpis if k in missing]
    if lines:
        st.info("  \n".join(lines), icon=":material/info:")


try:
    conc, lorenz = kpis_cache.concentration_of(ss.data_key, ss.all, portfolio)
except NoPositiveValueError:
    st.error("No client has a positive revenue in this selection: there is nothing to measure.")
    st.stop()
scope_note = "prospects, former clients and partners included" if ss.all else "active clients"
st.caption(f"{conc.clients:,} {scope_note} · {portfolio.source}")
if ss.get("filters"):
    st.caption("The sidebar filters do not apply to this page: the KPIs cover the whole portfolio.")

# --- Concentration ---------------------------------------------------------------------------------
st.header("Concentration")
m = st.columns(5)
m[0].metric("Largest client", f"{conc.top1_share:.1%}", help="Share of revenue of the single largest client")
m[1].metric("Top 10 clients", f"{conc.top10_share:.1%}", help="Share of revenue of the 10 largest clients")
m[2].metric(
    "Top 20 % of clients",
    f"{conc.top20pct_share:.1%}",
    help=f"Share of revenue of the {conc.top20pct_clients:,} largest clients "
    f"(20 % of {conc.clients:,}, rounded up)",
)
m[3].metric("Gini", f"{conc.gini:.2f}", help="0: every client brings the same; near 1: one client brings all")
m[4].metric(
    "HHI",
    f"{conc.hhi:.3f}",
    help=f"Herfindahl-Hirschman index, the sum of squared revenue shares: {1 / conc.clients:.4f} if "
    "all clients were equal, "
    "1 with a single client",
)
if conc.over_threshold:
    names = portfolio.clients["name"] if "name" in portfolio.clients else pd.Series(dtype=object)
    who = ", ".join(str(names.get(c, c)) for c in conc.over_threshold[:5])
    st.warning(
        f"{len(conc.over_threshold)} client(s) make more than {conc.threshold:.0%} of revenue on their own "
        f"({who}): losing one would hurt. Consider lowering the dependency.",
        icon=":material/warning:",
    )
else:
    st.caption(f"No client makes more than {conc.threshold:.0%} of revenue on its own.")
left, right = st.columns([3, 2])
left.altair_chart(lorenz_chart(lorenz, conc.gini), width="stretch")
right.markdown(
    f"""
**Reading the figures**

- The **{conc.top20pct_clients:,} largest clients** (20 %) make **{conc.top20pct_share:.0%}** of revenue;
  the 80/20 rule would say 80 %.
- The **Lorenz curve** ranks clients from the smallest: the further it sags below the
  diagonal, the more concentrated the revenue. The Gini coefficient is twice the area
  between them.
- The **HHI** is {conc.hhi:.3f}: as concentrated as {1 / conc.hhi:,.0f} clients of equal size.
"""
)

# --- Suggested cut-offs -----------------------------------------------------------------------------
st.header("Suggested cut-offs")
try:
    suggestion, abc_points = kpis_cache.suggestion(ss.data_key, ss.by, ss.all, portfolio)
except NoPositiveValueError:
    st.info(f"No client has a positive {ss.by}: no cut-off to suggest.")
else:
    s = suggestion
    st.markdown(
        f"The **computed ABC analysis** (Ultsch and Lötsch, 2015) reads the cut-offs off the curve of "
        f"cumulative {ss.by} instead of taking 80/95 on faith. It suggests **A up to {s.a_pct} %** and "
        f"**B up to {s.b_pct} %** of {ss.by}: {s.a_items:,} A clients, {s.b_items:,} B and {s.c_items:,} C."
    )
    suggest_button()
    left, right = st.columns([3, 2])
    left.altair_chart(cutoffs_chart(abc_points, s, ss.a / 100, ss.b / 100, ss.by), width="stretch")
    left.caption(
        f"Red dashed lines: the suggested cut-offs. Grey dotted lines: the current ones (A {ss.a} %, "
        f"B {ss.b} %). The blue dotted segment has slope 1: it touches the curve at the break-even point."
    )
    first = "break-even" if s.exchanged else "Pareto"
    right.markdown(
        f"""
**The three points**

- **Pareto point** ({s.pareto[0]:.0%} of clients, {s.pareto[1]:.0%} of {ss.by}): the point of the
  curve nearest to the ideal corner, where a few clients would make everything.
- **Break-even point** ({s.break_even[0]:.0%}, {s.break_even[1]:.0%}): where the curve's slope is 1,
  the last client who brings at least the average {ss.by} per client.
- **Submarginal point** ({s.submarginal[0]:.0%}, {s.submarginal[1]:.0%}): past it, each extra
  client adds little; the clients after it are C.

Class A ends at the {first} point (the nearer of the first two), B at the submarginal point.
The cut-offs are the cumulative share of {ss.by} at those points, rounded to the percent.
"""
    )
    sens, classes = kpis_cache.sensitivity(ss.data_key, ss.by, ss.all, ss.a, ss.b, ss.rule, portfolio)
    st.subheader("Sensitivity of the current cut-offs")
    st.caption(
        f"How many of the {len(classes):,} clients change class when a cut-off moves by one point "
        f"(now A {ss.a} %, B {ss.b} %). Large numbers mean the cut-off sits where many clients are alike."
    )
    st.dataframe(
        sens.rename(
            columns={
                "move": "Move",
                "a": "A cut-off (%)",
                "b": "B cut-off (%)",
                "clients_changing": "Clients changing class",
                "share_of_clients": "Share of clients",
            }
        ),  # fmt: skip
        hide_index=True,
        width="stretch",
        column_config={"Share of clients": st.column_config.NumberColumn(format="percent")},
    )

# --- Sales ------------------------------------------------------------------------------------------
st.header("Sales")
overall = kpis_cache.sales(ss.data_key, ss.all, None, portfolio)
row = overall.iloc[0] if len(overall) else None
stages = deal_stages(portfolio)
dated = "Average deal size" not in missing
s1 = st.columns(4)
if row is not None and dated:
    s1[0].metric("Average deal size", f"{row['average_deal']:,.0f}", help="Mean amount of the won deals")
if row is not None and stages and pd.notna(row["win_rate"]):
    s1[1].metric(
        "Win rate", f"{row['win_rate']:.1%}", help=f"{row['won']:,} won / {row['won'] + row['lost']:,} closed"
    )
if row is not None and "Pipeline value" not in missing:
    s1[2].metric(
        "Pipeline value", f"{row['pipeline']:,.0f}", help=f"Amount of the {row['open']:,} open deals"
    )
if row is not None and "activities" in overall:
    s1[3].metric("Sales activities", f"{int(row['activities']):,}", help="Rows of the activity log")
needs("Average deal size", "Win rate", "Pipeline value", "Sales activities")
segment_cols = [c for c in portfolio.segment_columns if c != "account_manager"]
segment = None
if segment_cols:
    segment = st.selectbox(
        "Segment for the breakdowns",
        segment_cols,
        index=segment_cols.index("sector") if "sector" in segment_cols else 0,
        format_func=lambda c: c.replace("_", " ").capitalize(),
        key="kpi_segment",
    )
if stages:
    groups = [g for g in ("account_manager", segment) if g and g in portfolio.clients]
    cols = st.columns(max(len(groups), 1))
    for col, group in zip(cols, groups, strict=False):
        title = group.replace("_", " ").capitalize()
        table = kpis_cache.sales(ss.data_key, ss.all, group, portfolio)
        col.altair_chart(
            rate_chart(table, title, float(row["win_rate"]) if row is not None else None), width="stretch"
        )
        with col.expander(f"Figures by {title.lower()}"):
            st.dataframe(
                table.rename_axis(title).rename(
                    columns={
                        "won": "Won",
                        "lost": "Lost",
                        "open": "Open",
                        "won_value": "Won value",
                        "pipeline": "Pipeline",
                        "win_rate": "Win rate",
                        "average_deal": "Average deal",
                        "activities": "Activities",
                    }
                ),  # fmt: skip
                width="stretch",
                column_config={
                    "Win rate": st.column_config.NumberColumn(format="percent"),
                    "Won value": st.column_config.NumberColumn(format="localized"),
                    "Pipeline": st.column_config.NumberColumn(format="localized"),
                    "Average deal": st.column_config.NumberColumn(format="%.0f"),
                },
            )

# --- Loyalty and lifetime ---------------------------------------------------------------------------
st.header("Loyalty and lifetime")
retention_table, repeat_rate, yearly_retention = kpis_cache.loyalty(ss.data_key, portfolio)
with st.expander("CLV settings: discount rate and expected lifetime"):
    c1, c2 = st.columns(2)
    discount = c1.number_input(
        "Discount rate (% a year)", min_value=0.0, max_value=50.0, value=10.0, step=1.0, key="kpi_discount"
    )
    estimate = kpis_cache.default_lifetime(yearly_retention)
    lifetime = c2.number_input(
        "Expected lifetime (years)",
        min_value=0.5,
        max_value=50.0,
        value=None,
        step=0.5,
        key="kpi_lifetime",
        placeholder=f"from retention: {estimate:g}" if estimate else "enter a number of years",
        help="Blank: 1 / (1 - yearly retention), capped at 20 years.",
    )
lifetime_years = lifetime if lifetime is not None else estimate
table = kpis_cache.client_table(ss.data_key, ss.all, discount / 100, lifetime_years, portfolio)
l1 = st.columns(4)
if pd.notna(repeat_rate):
    l1[0].metric(
        "Repeat-purchase rate", f"{repeat_rate:.0%}", help="Buying clients who bought on two days or more"
    )
if yearly_retention is not None:
    last = retention_table.iloc[-1]
    l1[1].metric(
        "Retention, last year",
        f"{last['retention']:.0%}",
        help=f"{int(last['retained']):,} of the {int(last['buyers_before']):,} clients who bought the year "
        f"before bought again in {last['period']}",
    )
if "tenure_years" in table:
    l1[2].metric("Median client lifetime", f"{table['tenure_years'].median():.1f} years",
                 help="Since the contract start or the first purchase, whichever is earlier")  # fmt: skip
if "revenue_per_year" in table:
    l1[3].metric("Revenue per client per year", f"{table['revenue_per_year'].mean():,.0f}",
                 help="Mean over the clients of each one's revenue over its years in the data")  # fmt: skip
if len(retention_table):
    st.caption(
        "Retention between consecutive years (every client who bought, former clients included, "
        "since leaving is what it measures): "
        + " · ".join(f"{r.period}: {r.retention:.0%}" for r in retention_table.itertuples())
    )
needs("Repeat-purchase rate", "Retention", "Client lifetime", "Revenue per client per year")

# --- CLV vs CAC -------------------------------------------------------------------------------------
st.header("Customer lifetime value against acquisition cost")
if "clv" in table:
    st.caption(
        f"CLV = margin per year × expected lifetime ({lifetime_years:g} years), discounted at "
        f"{discount:g} % a year. A CLV:CAC ratio under {CLV_CAC_TARGET:g} means the client barely pays "
        "back what it cost to win."
    )
    v1 = st.columns(4)
    v1[0].metric("Median CLV", f"{table['clv'].median():,.0f}")
    if "clv_cac" in table:
        known = table[["clv", "cac"]].dropna()
        known = known[known["cac"] > 0]
        ratio = known["clv"].sum() / known["cac"].sum() if len(known) else float("nan")
        below = int(table["clv_cac_below_3"].fillna(False).astype(bool).sum())
        v1[1].metric("CLV : CAC, all clients", f"{ratio:.1f}", help="Total CLV over total acquisition cost")
        v1[2].metric(
            "Clients under 3", f"{below:,}", help=f"Of the {len(known):,} clients with an acquisition cost"
        )
        if segment:
            by_segment = clv_cac_by(table, portfolio.clients[segment].astype(object))
            st.altair_chart(
                clv_cac_chart(by_segment, segment.replace("_", " ").capitalize()), width="stretch"
            )
    if "margin_rate" in table:
        v1[3].metric(
            "Median margin rate", f"{table['margin_rate'].median():.0%}", help="Margin / revenue per client"
        )
needs("CLV", "CLV:CAC", "Profitability per client")

# --- Churn risk -------------------------------------------------------------------------------------
st.header("Churn risk")
if "churn_risk" in table:
    params, _ = kpis_cache.bgnbd(ss.data_key, portfolio)
    left, right = st.columns([2, 3])
    left.altair_chart(churn_chart(table["churn_risk"]), width="stretch")
    right.markdown(
        "Each client is compared with **its own usual interval** between purchases (the average gap; "
        "for a client who bought on fewer than 3 days, the median of the regular buyers): **Low** up "
        "to 1.5 times that interval since the last purchase, **Medium** up to 3 times, **High** beyond."
    )
    if params is not None:
        right.markdown(
            f"**Probability still active** (BG/NBD model of Fader, Hardie and Lee, 2005, fitted on "
            f"{params.clients:,} buyers' histories, former clients included): a client who has not bought "
            f"for longer than its pace predicts is less likely to be still active. "
            f"Fitted r = {params.r:.3g}, α = {params.alpha:.3g} weeks, "
            f"a = {params.a:.3g}, b = {params.b:.3g}."
        )
    else:
        right.caption(
            "The probability that a client is still active (BG/NBD) needs more repeat history: "
            "at least 30 buyers with dated sales, 10 of whom bought twice or more."
        )
    risky = table[table["churn_risk"].isin(["High", "Medium"])].sort_values("lateness", ascending=False)
    st.subheader(f"Clients at risk ({len(risky):,})")
    names = portfolio.clients["name"] if "name" in portfolio.clients else None
    at_risk = pd.DataFrame(
        {
            "Client": risky.index
            if names is None
            else names.reindex(risky.index).fillna(risky.index.to_series()),
            "Risk": risky["churn_risk"],
            "Why": risky["churn_reason"],
            "Revenue": risky["revenue"].round(0),
        }
    )
    if "p_alive" in risky:
        at_risk["Probability still active"] = risky["p_alive"]
    st.dataframe(
        at_risk.rename_axis("ID"),
        width="stretch",
        height=280,
        column_config={
            "Why": st.column_config.TextColumn(width="large"),
            "Revenue": st.column_config.NumberColumn(format="localized"),
            "Probability still active": st.column_config.ProgressColumn(
                format="percent", min_value=0, max_value=1
            ),
        },
    )
needs("Churn risk")

# --- Unmet potential --------------------------------------------------------------------------------
st.header("Unmet potential")
if "unmet_potential" in table:
    per_year = "per year" if "revenue_per_year" in table else "(revenue, undated)"
    u1 = st.columns(3)
    u1[0].metric(
        "Unmet potential",
        f"{table['unmet_potential'].sum():,.0f}",
        help=f"Potential minus revenue {per_year}",
    )
    u1[1].metric("Clients below potential", f"{int((table['unmet_potential'] > 0).sum()):,}")
    top = table["unmet_potential"].nlargest(10)
    u1[2].metric(
        "Top 10 gaps",
        f"{top.sum() / max(table['unmet_potential'].sum(), 1):.0%}",
        help="Share of the total gap",
    )
needs("Unmet potential")

# --- Client table -----------------------------------------------------------------------------------
st.header("Clients")
labels = {
    "name": "Name", "abc_class": "Class", "revenue": "Revenue", "margin": "Margin",
    "margin_rate": "Margin rate",
    "first_purchase": "First purchase", "last_purchase": "Last purchase", "purchases": "Purchase days",
    "tenure_years": "Lifetime (years)", "revenue_per_year": "Revenue per year",
    "margin_per_year": "Margin per year", "clv": "CLV", "cac": "CAC", "clv_cac": "CLV : CAC",
    "clv_cac_below_3": "CLV : CAC under 3", "potential": "Potential", "unmet_potential": "Unmet potential",
    "days_since_purchase": "Days since purchase", "usual_interval_days": "Usual interval (days)",
    "reference_days": "Compared with (days)", "lateness": "Times the usual interval",
    "churn_risk": "Churn risk", "churn_reason": "Why",
    "p_alive": "Probability still active",
}  # fmt: skip
shown = table.copy()
if "name" in portfolio.clients:
    shown.insert(0, "name", portfolio.clients["name"].reindex(shown.index))
try:
    classes = kpis_cache.sensitivity(ss.data_key, ss.by, ss.all, ss.a, ss.b, ss.rule, portfolio)[1]
    shown.insert(1 if "name" in shown else 0, "abc_class", classes.reindex(shown.index))
except NoPositiveValueError:
    pass
indicators = indicator_columns(portfolio.clients)
if indicators:
    st.caption("Other indicators from your client list: " + ", ".join(indicators) + " (last columns).")
needs("Other indicators")
shown = shown.rename(columns=labels).rename_axis("ID")
money = [
    "Revenue",
    "Margin",
    "Revenue per year",
    "Margin per year",
    "CLV",
    "CAC",
    "Potential",
    "Unmet potential",
]
money = [c for c in money if c in shown]
shown[money] = shown[money].round(0)
config: dict[str, Any] = {c: st.column_config.NumberColumn(format="localized") for c in money}
config.update(
    {
        "Margin rate": st.column_config.NumberColumn(format="percent"),
        "Lifetime (years)": st.column_config.NumberColumn(format="%.1f"),
        "CLV : CAC": st.column_config.NumberColumn(format="%.1f"),
        "Times the usual interval": st.column_config.NumberColumn(format="%.1f"),
        "Usual interval (days)": st.column_config.NumberColumn(format="%.0f"),
        "Compared with (days)": st.column_config.NumberColumn(format="%.0f"),
        "Days since purchase": st.column_config.NumberColumn(format="%.0f"),
        "Probability still active": st.column_config.NumberColumn(format="percent"),
        "First purchase": st.column_config.DateColumn(),
        "Last purchase": st.column_config.DateColumn(),
    }
)
st.dataframe(shown, width="stretch", height=400, column_config=config)
st.download_button(
    "Download the client KPIs (CSV)",
    shown.to_csv().encode("utf-8"),
    file_name="client_kpis.csv",
    mime="text/csv",
)
