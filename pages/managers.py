"""Page "Account managers": each manager's book, its mix and weight, and rebalancing hints."""

from ui.frame import require_frame

require_frame()

import streamlit as st

from portfolio_core import classify_abc, pareto_curve
from portfolio_core.analysis.effort import client_economics
from portfolio_core.analysis.segments import compare, rebalancing_hints
from portfolio_core.report.charts import effort_scatter, pareto_chart
from ui import analysis
from ui.i18n import money, show_chart, tr
from ui.text import plain

_ = tr()
st.title(_("Account managers"))
view, portfolio = analysis.current()
Measure = _(view.measure.capitalize())
if "account_manager" not in portfolio.clients.columns:
    st.info(
        _(
            "Needs an account manager column (owner, commercial, sales rep...) in the client list "
            "or the deals. Upload it on the Data page."
        )
    )
    st.stop()
table = analysis.classified_or_stop(view, portfolio)
st.caption(analysis.describe(view, len(table)))
has_effort = len(portfolio.activities) > 0
hours = analysis.hours(view.data_key, view.include_inactive, (), portfolio) if has_effort else None
managers = portfolio.clients["account_manager"]
books = compare(table, managers, hours)

analysis.comparison_table(
    books.drop(columns=["share_of_a"]), view.measure, _("Share of the portfolio"), has_effort
)
hints = rebalancing_hints(books, t=_)
for hint in hints:
    st.warning(plain(hint))
if not hints:
    st.caption(
        _("No manager holds far more A clients or hours than the others (more than 1.5 × the median).")
    )

st.subheader(_("One manager's book"))
who = st.selectbox(_("Account manager"), books.index.tolist(), key="manager_pick")
book = table.index[managers.reindex(table.index).fillna("(not set)") == who]
values = table.loc[book, "value"]
if not (values > 0).any():
    st.info(
        _(
            "{name} has no client with a positive {measure} in this selection.",
            name=plain(who),
            measure=_(view.measure),
        )
    )
    st.stop()
within_book = classify_abc(values, view.a / 100, view.b / 100, view.rule)  # type: ignore[arg-type]
m = st.columns(4)
m[0].metric(_("Clients"), _.number(len(book)))
m[1].metric(Measure, money(values.sum()))
m[2].metric(_("A clients (whole portfolio)"), _.number((table.loc[book, "abc_class"] == "A").sum()))
m[3].metric(_("Largest client's weight"), _.percent(values.max() / values[values > 0].sum()))
left, right = st.columns(2)
with left:
    title = _("{name}: Pareto curve of the book", name=who)
    curve = pareto_curve(within_book)
    show_chart(pareto_chart(curve, view.a / 100, view.b / 100, view.measure, _, title=title), width="stretch")
if hours is not None:
    p = portfolio
    margin = analysis.values(view.data_key, "margin", view.include_inactive, p) if p.has("margin") else None
    econ = client_economics(
        values, hours, table.loc[book, "abc_class"], None if margin is None else margin.reindex(book)
    )
    names = p.clients["name"] if "name" in p.clients else econ.table.index.to_series()
    data = econ.table.assign(label=names.reindex(econ.table.index))
    with right:
        chart = effort_scatter(data.reset_index(), econ.revenue_cut, econ.hours_cut, view.measure, t=_)
        show_chart(chart.properties(height=380), width="stretch")
else:
    right.info(_("Upload an activity log to see this book's effort against revenue."))
