"""Page "Export": the current view's charts (PNG, SVG), Excel workbook and PowerPoint deck."""

from ui.frame import require_frame

require_frame()

import datetime as dt
import logging

import streamlit as st

from portfolio_core import Portfolio
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.report.deck import pptx_report
from portfolio_core.report.images import chart_png, chart_svg
from portfolio_core.report.pack import chart_names
from portfolio_core.report.pdf import pdf_report
from portfolio_core.report.workbook import excel_report
from ui import analysis, meeting
from ui.effort import hourly_cost_field
from ui.i18n import tr

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@st.cache_data(show_spinner=False, max_entries=4)
def meeting_pack(
    data_key: str,
    settings: AnalysisSettings,
    today: str,
    anonymous: bool,
    earlier: tuple[str, int, str] | None,
    _portfolio: Portfolio,
) -> dict:
    """Every export file for the settings (their language, hourly cost and durations), built once:
    ``{"charts": {key: (png, svg)}, "xlsx", "pptx", "notes"}``."""
    report = meeting.report(data_key, settings, today, anonymous, earlier, _portfolio)
    charts = {key: (chart_png(chart), chart_svg(chart)) for key, chart in report.charts.items()}
    return {
        "charts": charts,
        "xlsx": excel_report(report),
        "pptx": pptx_report(report, {key: files[0] for key, files in charts.items()}),
        "pdf": pdf_report(report, {key: files[1] for key, files in charts.items()}),
        "notes": report.notes,
    }


ss = st.session_state
_ = tr()
st.title(_("Export"))
key, settings, portfolio = analysis.current(anonymised=False)  # the report labels the clients itself
table = analysis.classified_or_stop(key, settings, portfolio)
st.caption(f"{analysis.describe(settings, len(table))} · {analysis.source_label(portfolio)}")
st.markdown(
    _(
        "The meeting pack for the view above: the charts as PNG (for slides) and SVG (for print), "
        "an Excel workbook (the class of every client, the class summary, the action list, the settings), "
        "a PowerPoint deck and a PDF handout (settings, class summary, Pareto chart, effort vs revenue, "
        "whale curve, key figures, actions). Move the sliders or filters first: the files follow the view."
    )
)
hourly_cost_field(_("Hourly cost (for the cost to serve)"), "export_hourly_cost", (1, 2))
key, settings, portfolio = analysis.current(anonymised=False)  # with the hourly cost just set
anonymous, earlier = meeting.options()
today = dt.date.today().isoformat()
wanted = (key, settings, today, anonymous, earlier)
if st.button(_("Prepare the meeting pack"), type="primary", icon=":material/download:"):
    ss.export_prepared = wanted
if ss.get("export_prepared") != wanted:
    st.info(_("Press **Prepare the meeting pack** to build the files for this view (a few seconds)."))
    st.stop()

try:
    with st.spinner(_("Rendering the charts and building the workbook and the deck…")):
        pack = meeting_pack(key, settings, today, anonymous, earlier, portfolio)
except Exception:  # any failure: a plain message, never a traceback or a server path; the log has them
    logging.getLogger("portfolio").exception("building the meeting pack failed")
    st.error(_("The export failed. The analysis pages still work; the details are in the server log."))
    st.stop()

stamp = f"{today}_A{settings.a_pct}_B{settings.b_pct}"
# File names stay English and ASCII in every language: they are typed, mailed and scripted.
st.subheader(_("Meeting files"))
left, right, third = st.columns(3)
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
third.download_button(
    _("PDF handout (.pdf)"),
    pack["pdf"],
    file_name=f"portfolio_review_{stamp}.pdf",
    mime="application/pdf",
    on_click="ignore",
    icon=":material/picture_as_pdf:",
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
