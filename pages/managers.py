"""Page "Account managers": each manager's book, its mix and weight, and rebalancing hints."""

from ui.frame import require_frame

require_frame()

import streamlit as st

from portfolio_core.analysis.segments import rebalancing_hints
from portfolio_core.report.charts import effort_scatter, pareto_chart
from portfolio_core.report.words import rebalancing_words
from ui import analysis, managers
from ui.charts import show_chart
from ui.i18n import money, tr
from ui.text import plain

_ = tr()
st.title(_("Account managers"))
key, settings, portfolio = analysis.current()
Measure = _(settings.measure.capitalize())
if "account_manager" not in portfolio.clients.columns:
    st.info(
        _(
            "Needs an account manager column (owner, commercial, sales rep...) in the client list "
            "or the deals. Upload it on the Data page."
        )
    )
    st.stop()
table = analysis.classified_or_stop(key, settings, portfolio)
st.caption(analysis.describe(settings, len(table)))
has_effort = len(portfolio.activities) > 0
books = managers.books(key, settings, table, portfolio)

analysis.comparison_table(
    books.drop(columns=["share_of_a"]), settings.measure, _("Share of the portfolio"), has_effort
)
hints = rebalancing_words(rebalancing_hints(books), _)
for hint in hints:
    st.warning(plain(hint))
if not hints:
    st.caption(
        _("No manager holds far more A clients or hours than the others (more than 1.5 × the median).")
    )

st.subheader(_("One manager's book"))
who = st.selectbox(_("Account manager"), books.index.tolist(), key="manager_pick")
book = managers.book(key, settings, table, who, portfolio)
if book is None:
    st.info(
        _(
            "{name} has no client with a positive {measure} in this selection.",
            name=plain(who),
            measure=_(settings.measure),
        )
    )
    st.stop()
m = st.columns(4)
m[0].metric(_("Clients"), _.number(len(book.values)))
m[1].metric(Measure, money(book.values.sum()))
m[2].metric(_("A clients (whole portfolio)"), _.number(book.a_clients))
m[3].metric(_("Largest client's weight"), _.percent(book.largest_share))
left, right = st.columns(2)
with left:
    title = _("{name}: Pareto curve of the book", name=who)
    show_chart(pareto_chart, book.curve, settings.a, settings.b, settings.measure, _, title=title)
if book.economics is not None:  # at the Effort page's hourly cost and durations
    econ = book.economics
    data = econ.table.assign(label=book.labels)
    with right:
        show_chart(
            effort_scatter,
            data.reset_index(),
            econ.revenue_cut,
            econ.hours_cut,
            settings.measure,
            t=_,
            height=380,
        )
else:
    right.info(_("Upload an activity log to see this book's effort against revenue."))
