"""Page "Presentation": the key views full width, large, one at a time, no controls."""

from ui.frame import require_frame

require_frame()

import streamlit as st

from portfolio_core import CLASSES
from portfolio_core.analysis.actions import ACTIONS, recommend
from portfolio_core.analysis.effort import class_effort, share_of_clients_for
from portfolio_core.message import N_
from portfolio_core.report.assumptions import durations_text, let_go_text
from portfolio_core.report.charts import effort_scatter, pareto_chart
from portfolio_core.report.words import ACTION_TEXTS
from ui import analysis
from ui.i18n import currency, show_chart, tr

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
key, settings, portfolio = analysis.current()
measure = _(settings.measure)
table = analysis.classified_or_stop(key, settings, portfolio)
has_effort = len(portfolio.activities) > 0
STEPS = [N_("Who makes the revenue"), N_("The Pareto curve")]
if has_effort:
    STEPS += [N_("Who takes the team's time"), N_("Revenue and effort per class")]
STEPS += [N_("What we do about it")]
step = min(ss.get("present_step", 0), len(STEPS) - 1)


def _go(delta: int) -> None:
    ss.present_step = max(0, min(len(STEPS) - 1, step + delta))


nav = st.columns([1, 1, 6, 2])
nav[0].button(_("◀ Previous"), on_click=_go, args=(-1,), disabled=step == 0, width="stretch")
nav[1].button(_("Next ▶"), on_click=_go, args=(1,), disabled=step == len(STEPS) - 1, width="stretch")
nav[2].caption(f"{step + 1} / {len(STEPS)} · {analysis.describe(settings, len(table))}")
if nav[3].button(_("Leave presentation"), width="stretch"):
    st.switch_page("pages/abc.py")

current = STEPS[step]
st.title(_(current))

if current == "Who makes the revenue":
    analysis.class_cards(
        analysis.summary(key, settings, portfolio),
        lambda row: _(
            "{clients} of clients make {share} of {measure}",
            clients=_.percent(row["client_share"]),
            share=_.percent(row["revenue_share"]),
            measure=measure,
        ),
    )
elif current == "The Pareto curve":
    chart = pareto_chart(
        analysis.curve(key, settings, portfolio), settings.a, settings.b, settings.measure, _
    )
    show_chart(chart.properties(height=620), width="stretch")
else:
    econ = analysis.economics(key, settings, None, None, portfolio)  # the Effort page's cost and durations
    durations = durations_text(settings.default_hours, _)
    data = econ.table.assign(label=portfolio.labels(econ.table.index))
    if current == "Who takes the team's time":
        st.caption(
            _(
                "{effort} of clients take 80 % of the effort; {revenue} make 80 % of the {measure}.",
                effort=_.percent(share_of_clients_for(data["hours"])),
                revenue=_.percent(share_of_clients_for(data["revenue"])),
                measure=measure,
            )
        )
        scatter = effort_scatter(data.reset_index(), econ.revenue_cut, econ.hours_cut, settings.measure, t=_)
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
                how_many = _("{n} clients", n=_.number(counts[action]))
                st.markdown(f"### {how_many} · {_(ACTION_TEXTS[action])}")
        sentence = let_go_text(data["profit"], settings, _, currency())
        if settings.hourly_cost_set:
            st.caption(sentence)
        else:  # in front of the board: a let-go figure never hides that its cost is a default
            st.warning(sentence, icon=":material/warning:")
