"""The meeting report for the Export and Presentation pages: built once per view, with the saved review
to compare with and the anonymised mode the user picked (both kept across pages)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from portfolio_core import Portfolio
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.report.images import chart_svg
from portfolio_core.report.pack import Report, build_report
from portfolio_core.store.analyses import AnalysisStore, StorageError
from ui import analysis, colnames, saved
from ui.i18n import TRANSLATORS, tr


@st.cache_resource(show_spinner=False, max_entries=4)
def report(
    data_key: str,
    settings: AnalysisSettings,
    today: str,
    anonymous: bool,
    earlier: tuple[str, int, str] | None,
    _portfolio: Portfolio,
) -> Report:
    """The report of the view (``earlier``: the database, id and shown name of a saved review)."""
    p = _portfolio
    before = None
    if earlier is not None:
        path, analysis_id, name = earlier
        before = (name, AnalysisStore(path).load(analysis_id)[0])
    return build_report(
        p,
        analysis.classified(data_key, settings, p),
        settings,
        source=p.source,
        date=dt.date.fromisoformat(today),
        t=TRANSLATORS[settings.lang],
        hours=analysis.hours(data_key, settings, p),
        column_names=colnames.names(),  # the filters go by the user's own column names
        earlier=before,
        anonymous=anonymous,
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def screen_svg(
    data_key: str,
    settings: AnalysisSettings,
    today: str,
    anonymous: bool,
    earlier: tuple[str, int, str] | None,
    chart: str,
    _portfolio: Portfolio,
) -> str:
    """A chart of the report as SVG for the screen: drawn small (600 x 300), so that its text reads
    large once the image is scaled to fill the slide."""
    spec = report(data_key, settings, today, anonymous, earlier, _portfolio).charts[chart]
    return chart_svg(spec.properties(width=600, height=300))


def earlier(analysis_id: int | None) -> tuple[str, int, str] | None:
    """The saved review ``analysis_id`` as (database, id, name and date), None when gone or none."""
    if analysis_id is None:
        return None
    _, store = tr(), saved.store()
    try:
        found = [a for a in store.list() if a.id == analysis_id]
    except StorageError:
        return None
    return (
        (str(store.path), found[0].id, f"{found[0].label} ({_.date(found[0].saved_at)})") if found else None
    )


def options() -> tuple[bool, tuple[str, int, str] | None]:
    """The anonymised toggle and the saved review to compare with (a selectbox listing the saved
    analyses), as widgets; their values are kept in plain session keys across pages."""
    ss, _ = st.session_state, tr()
    left, right = st.columns(2)
    ss.meeting_anonymous = left.toggle(
        _("Anonymised: clients shown as A-001, B-014…"),
        value=ss.get("meeting_anonymous", False),
        help=_(
            "For audiences outside the sales team: no client name or identifier on screen or in the files."
        ),
    )
    if ss.meeting_anonymous:  # the URL follows at once (ui/state.write_url keeps it on every run)
        st.query_params["anon"] = "1"
    elif "anon" in st.query_params:
        del st.query_params["anon"]
    store = saved.store()
    try:
        every = sorted(store.list(), key=lambda a: (a.saved_at, a.id), reverse=True)
    except StorageError:
        every = []
    names = {a.id: f"{a.label} ({_.date(a.saved_at)})" for a in every}
    ids: list[int | None] = [None, *names]
    kept = ss.get("meeting_compare")
    chosen = right.selectbox(
        _("What changed since: a saved review"),
        ids,
        index=ids.index(kept) if kept in ids else 0,
        format_func=lambda i: _("(no comparison)") if i is None else names[i],
    )
    ss.meeting_compare = chosen
    return ss.meeting_anonymous, earlier(chosen)
