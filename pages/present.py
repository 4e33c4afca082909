"""Page "Presentation": the key views full width, large, one at a time, no controls."""

from ui.frame import require_frame

require_frame()

import streamlit as st

from portfolio_core import CLASSES, class_summary
from portfolio_core.analysis.actions import ACTIONS, recommend
from portfolio_core.analysis.effort import DEFAULT_HOURS, class_effort, share_of_clients_for
from portfolio_core.report.assumptions import durations_text, let_go_text
from portfolio_core.report.charts import effort_scatter, pareto_chart
from ui import analysis
from ui.i18n import currency, show_chart, tr
from ui.state import hourly_cost as current_hourly_cost

ss = st.session_state
_ = tr()
# Static CSS only (no user text): hide the sidebar, enlarge numbers and headings for a projector.
st.html(
    """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {display: none;}
    [data-testid="stMetricValue"] {font-size: 4.5rem;}
    [data-testid="stMetricLabel"] p {font-size: 1.6rem;}
    [data-testid="stMainBlockContainer"] {max-width: 100%; padding: 2rem 3rem;}
    h1 {font-size: 3rem;}
    [data-testid="stCaptionContainer"] p {font-size: 1.3rem;}
    </style>"""
)
view, portfolio = analysis.current()
measure = _(view.measure)
table = analysis.classified_or_stop(view, portfolio)
has_effort = len(portfolio.activities) > 0
STEPS = ["Who makes the revenue", "The Pareto curve"]
if has_effort:
    STEPS += ["Who takes the team's time", "Revenue and effort per class"]
STEPS += ["What we do about it"]
step = min(ss.get("present_step", 0), len(STEPS) - 1)


def _go(delta: int) -> None:
    ss.present_step = max(0, min(len(STEPS) - 1, step + delta))


nav = st.columns([1, 1, 6, 2])
nav[0].button(_("◀ Previous"), on_click=_go, args=(-1,), disabled=step == 0, width="stretch")
nav[1].button(_("Next ▶"), on_click=_go, args=(1,), disabled=step == len(STEPS) - 1, width="stretch")
nav[2].caption(f"{step + 1} / {len(STEPS)} · {analysis.describe(view, len(table))}")
if nav[3].button(_("Leave presentation"), width="stretch"):
    st.switch_page("pages/abc.py")

current = STEPS[step]
st.title(_(current))
summary = class_summary(table)

if current == "Who makes the revenue":
    cols = st.columns(3)
    for col, cls in zip(cols, CLASSES, strict=True):
        row = summary.loc[cls]
        col.metric(_("{cls} clients", cls=cls), _.number(row["clients"]))
        col.caption(
            _(
                "{clients} of clients make {share} of {measure}",
                clients=_.percent(row["client_share"]),
                share=_.percent(row["revenue_share"]),
                measure=measure,
            )
        )
elif current == "The Pareto curve":
    chart = pareto_chart(analysis.curve(view, portfolio), view.a / 100, view.b / 100, view.measure, _)
    show_chart(chart.properties(height=620), width="stretch")
else:
    hourly_cost, cost_chosen = current_hourly_cost()  # the Effort page's figure, or the default
    activity_hours = tuple(ss.get("activity_hours", ()))
    econ = analysis.economics(view, hourly_cost, activity_hours, None, None, portfolio)
    durations = durations_text({**DEFAULT_HOURS, **dict(activity_hours)}, _)
    names = portfolio.clients["name"] if "name" in portfolio.clients else None
    data = econ.table.assign(
        label=econ.table.index if names is None else names.reindex(econ.table.index).fillna("")
    )
    if current == "Who takes the team's time":
        st.caption(
            _(
                "{effort} of clients take 80 % of the effort; {revenue} make 80 % of the {measure}.",
                effort=_.percent(share_of_clients_for(data["hours"])),
                revenue=_.percent(share_of_clients_for(data["revenue"])),
                measure=measure,
            )
        )
        scatter = effort_scatter(data.reset_index(), econ.revenue_cut, econ.hours_cut, view.measure, t=_)
        show_chart(scatter.properties(height=620), width="stretch")
        st.caption(durations)
    elif current == "Revenue and effort per class":
        per_class = class_effort(data)
        cols = st.columns(3)
        for col, cls in zip(cols, CLASSES, strict=True):
            row = per_class.loc[cls]
            col.metric(
                _("{cls}: share of {measure}", cls=cls, measure=measure), _.percent(row["revenue_share"])
            )
            col.metric(_("{cls}: share of effort", cls=cls), _.percent(row["effort_share"]))
        st.caption(durations)
    else:
        counts = recommend(data, portfolio, portfolio.clients.get("potential"))["action"].value_counts()
        for action in ACTIONS:
            if counts.get(action, 0):
                st.markdown(f"### {_('{n} clients', n=_.number(counts[action]))} · {_(action)}")
        losers = data[data["profit"] < 0]
        sentence = let_go_text(
            len(losers), float(-losers["profit"].sum()), hourly_cost, cost_chosen, _, currency()
        )
        if cost_chosen:
            st.caption(sentence)
        else:  # in front of the board: a let-go figure never hides that its cost is a default
            st.warning(sentence, icon=":material/warning:")
