"""Page "Export": the current view's charts (PNG, SVG), Excel workbook and PowerPoint deck."""

from ui.frame import require_frame

require_frame()

import datetime as dt
import logging

import streamlit as st

from portfolio_core import Portfolio
from portfolio_core.analysis.effort import DEFAULT_HOURS
from portfolio_core.report.assumptions import DEFAULT_HOURLY_COST, hourly_cost_text
from portfolio_core.report.deck import pptx_report
from portfolio_core.report.images import chart_png, chart_svg
from portfolio_core.report.pack import ReportSettings, build_report, chart_names
from portfolio_core.report.workbook import excel_report
from ui import analysis, colnames
from ui.i18n import TRANSLATORS, currency, money, tr
from ui.state import hourly_cost as current_hourly_cost

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@st.cache_data(show_spinner=False, max_entries=4)
def meeting_pack(
    view: analysis.View,
    hourly_cost: float,
    cost_chosen: bool,
    activity_hours: tuple[tuple[str, float], ...],
    today: str,
    lang: str,
    currency: str | None,
    _portfolio: Portfolio,
) -> dict:
    """Every export file of a view in a language, built once:
    ``{"charts": {key: (png, svg)}, "xlsx", "pptx", "notes"}``."""
    p = _portfolio
    table = analysis.classified(view, p)
    durations = {**DEFAULT_HOURS, **dict(activity_hours)}  # the Effort page's durations, else the defaults
    hours = analysis.hours(view.data_key, view.include_inactive, tuple(durations.items()), p)
    settings = ReportSettings(
        a=view.a,
        b=view.b,
        rule=view.rule,
        measure=view.measure,
        filters=tuple((colnames.url_name(column), kept) for column, kept in view.filters),  # the user's names
        within=view.within,
        include_inactive=view.include_inactive,
        hourly_cost=hourly_cost,
        hourly_cost_set=cost_chosen,
        source=p.source,
        currency=currency,
        date=dt.date.fromisoformat(today),
    )
    report = build_report(p, table, settings, default_hours=durations, t=TRANSLATORS[lang], hours=hours)
    charts = {key: (chart_png(chart), chart_svg(chart)) for key, chart in report.charts.items()}
    return {
        "charts": charts,
        "xlsx": excel_report(report),
        "pptx": pptx_report(report, {key: files[0] for key, files in charts.items()}),
        "notes": report.notes,
    }


ss = st.session_state
_ = tr()
st.title(_("Export"))
view, portfolio = analysis.current()
table = analysis.classified_or_stop(view, portfolio)
st.caption(f"{analysis.describe(view, len(table))} · {analysis.source_label(portfolio)}")
st.markdown(
    _(
        "The meeting pack for the view above: the charts as PNG (for slides) and SVG (for print), "
        "an Excel workbook (the class of every client, the class summary, the action list, the settings) "
        "and a PowerPoint deck (settings, Pareto chart, effort vs revenue, class summary, key figures, "
        "actions). Move the sliders or filters first: the files follow the view."
    )
)
if "export_hourly_cost" not in ss and ss.get("cost_per_hour") is not None:
    ss.export_hourly_cost = ss.cost_per_hour  # the cost set on the Effort page
cost_box, cost_words = st.columns([1, 2], vertical_alignment="bottom")
cost_box.number_input(
    _("Hourly cost (for the cost to serve)"),
    min_value=0.0,
    value=None,
    step=5.0,
    key="export_hourly_cost",
    placeholder=_("{cost} (default)", cost=money(DEFAULT_HOURLY_COST)),
    help=_("What an hour of the team's time costs: profit is margin minus hours x this cost."),
)
ss.cost_per_hour = ss.export_hourly_cost  # one figure for every page and file
hourly_cost, cost_chosen = current_hourly_cost()
ss.hourly_cost = hourly_cost  # the figure in use, for pages that read it (Clients)
(cost_words.caption if cost_chosen else cost_words.warning)(
    hourly_cost_text(hourly_cost, cost_chosen, _, currency())
)
today = dt.date.today().isoformat()
activity_hours = tuple(ss.get("activity_hours", ()))
wanted = (view, float(hourly_cost), cost_chosen, activity_hours, today, _.lang)
if st.button(_("Prepare the meeting pack"), type="primary", icon=":material/download:"):
    ss.export_prepared = wanted
if ss.get("export_prepared") != wanted:
    st.info(_("Press **Prepare the meeting pack** to build the files for this view (a few seconds)."))
    st.stop()

try:
    with st.spinner(_("Rendering the charts and building the workbook and the deck…")):
        pack = meeting_pack(
            view, float(hourly_cost), cost_chosen, activity_hours, today, _.lang, currency(), portfolio
        )
except Exception:  # any failure: a plain message, never a traceback or a server path; the log has them
    logging.getLogger("portfolio").exception("building the meeting pack failed")
    st.error(_("The export failed. The analysis pages still work; the details are in the server log."))
    st.stop()

stamp = f"{today}_A{view.a}_B{view.b}"
# File names stay English and ASCII in every language: they are typed, mailed and scripted.
st.subheader(_("Meeting files"))
left, right = st.columns(2)
left.download_button(
    _("Excel workbook (.xlsx)"),
    pack["xlsx"],
    file_name=f"portfolio_review_{stamp}.xlsx",
    mime=XLSX,
    on_click="ignore",
    icon=":material/table_view:",
)
right.download_button(
    _("PowerPoint deck (.pptx)"),
    pack["pptx"],
    file_name=f"portfolio_review_{stamp}.pptx",
    mime=PPTX,
    on_click="ignore",
    icon=":material/slideshow:",
)
for note in pack["notes"]:
    st.info(note)

st.subheader(_("Charts"))
names = chart_names(_)
grid = st.columns(2)
for i, (key, (png, svg)) in enumerate(pack["charts"].items()):
    with grid[i % 2]:
        name = names[key]
        st.markdown(f"**{name}**")
        st.image(png, width="stretch")
        a, b = st.columns(2)
        a.download_button(
            _("{chart} (PNG)", chart=name),
            png,
            file_name=f"{key}_{stamp}.png",
            mime="image/png",
            on_click="ignore",
            key=f"png_{key}",
        )
        b.download_button(
            _("{chart} (SVG)", chart=name),
            svg.encode("utf-8"),
            file_name=f"{key}_{stamp}.svg",
            mime="image/svg+xml",
            on_click="ignore",
            key=f"svg_{key}",
        )
