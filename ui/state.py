"""Session state and URL: the loaded portfolio and the one settings object every page shares.

``st.session_state.settings`` holds the :class:`~portfolio_core.analysis.settings.AnalysisSettings`
of the session (read from the URL on the first run, from a saved analysis when one is opened);
widgets write it through :func:`update`. The data's key (``data_key``, new on every load) sits
beside it: it names the data, it is not a setting.
"""

from __future__ import annotations

import uuid
from typing import Any

import streamlit as st

from portfolio_core import Portfolio, demo_portfolio
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.ingest.build import LoadReport
from ui.colnames import url_name


@st.cache_data(show_spinner=False, max_entries=2)
def _demo(seed: int = 7) -> Portfolio:
    return demo_portfolio(seed)


def init_state() -> None:
    """On a session's first run: load the demo and read the settings from the URL."""
    ss = st.session_state
    if "portfolio" not in ss:
        set_portfolio(_demo(), None)
    if "settings" not in ss:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        ss.settings = AnalysisSettings.from_query(query, lang=ss.get("lang", "en"))
        ss.meeting_anonymous = query.get("anon") == ["1"]  # the anonymised mode (ui/meeting.py)


def settings() -> AnalysisSettings:
    """The session's settings."""
    return st.session_state.settings  # type: ignore[no-any-return]


def update(**changes: Any) -> AnalysisSettings:
    """Change some settings (see :meth:`AnalysisSettings.with_changes`); returns the new settings."""
    ss = st.session_state
    new = ss.settings.with_changes(**changes)
    if new != ss.settings:
        ss.settings = new
    return new


def set_portfolio(portfolio: Portfolio, report: LoadReport | None) -> None:
    """Replace the loaded data; a new key invalidates every cached analysis, the filters are cleared."""
    ss = st.session_state
    ss.portfolio = portfolio
    ss.report = report
    ss.data_key = uuid.uuid4().hex
    if "settings" in ss:
        update(filters={})
    for key in [k for k in ss if str(k).startswith("w_f_")]:
        del ss[key]


def write_url() -> None:
    """Mirror the settings in the URL (st.navigation drops the query string on page switch); the
    filters go by the user's own column names (?f.Segment=Corporate; canonical names are read too)."""
    query = update(lang=st.session_state.lang).to_query(url_name)
    if st.session_state.get("meeting_anonymous"):
        query["anon"] = ["1"]
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != query:
        st.query_params.from_dict(query)
