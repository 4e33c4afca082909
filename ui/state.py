"""Session state and URL: the loaded portfolio and the settings every page shares."""

from __future__ import annotations

import uuid

import streamlit as st

from portfolio_core import Portfolio, demo_portfolio
from portfolio_core.ingest.build import LoadReport
from portfolio_core.ingest.parsing import CURRENCIES
from portfolio_core.report.assumptions import DEFAULT_HOURLY_COST
from ui.colnames import url_name

DEFAULTS = {"a": 80, "b": 95, "rule": "before", "by": "revenue", "all": False}
FILTER_PREFIX = "f."  # ?f.sector=Retail&f.sector=Services


@st.cache_data(show_spinner=False, max_entries=2)
def _demo(seed: int = 7) -> Portfolio:
    return demo_portfolio(seed)


def _int_param(name: str, low: int, high: int) -> int | None:
    try:
        value = int(float(st.query_params.get(name, "")))
    except ValueError:
        return None
    return value if low <= value <= high else None


def init_state() -> None:
    """On a session's first run: load the demo and read the settings from the URL."""
    ss = st.session_state
    if "portfolio" not in ss:
        set_portfolio(_demo(), None)
    if "a" not in ss:
        a = _int_param("a", 1, 99) or DEFAULTS["a"]
        b = _int_param("b", 2, 100) or DEFAULTS["b"]
        ss.a, ss.b = (a, b) if b > a else (a, min(100, a + 1))
        ss.rule = st.query_params.get("rule", "before")
        ss.rule = ss.rule if ss.rule in ("before", "spreadsheet") else "before"
        ss.by = "margin" if st.query_params.get("by") == "margin" else "revenue"
        ss.all = st.query_params.get("all") == "1"
        ss.within = st.query_params.get("within") == "1"
        cur = st.query_params.get("cur", "").upper()  # the currency the user set; None: the data's
        ss.cur = cur if cur in CURRENCIES.values() else None
        ss.filters = {
            key[len(FILTER_PREFIX) :]: tuple(st.query_params.get_all(key))
            for key in st.query_params
            if key.startswith(FILTER_PREFIX)
        }


def set_portfolio(portfolio: Portfolio, report: LoadReport | None) -> None:
    """Replace the loaded data; a new key invalidates every cached analysis."""
    st.session_state.portfolio = portfolio
    st.session_state.report = report
    st.session_state.data_key = uuid.uuid4().hex
    st.session_state.filters = {}
    for key in [k for k in st.session_state if str(k).startswith("w_f_")]:
        del st.session_state[key]


def write_url() -> None:
    """Mirror the settings in the URL (st.navigation drops the query string on page switch)."""
    ss = st.session_state
    params = {"a": str(ss.a), "b": str(ss.b), "lang": ss.lang}
    if ss.rule != "before":
        params["rule"] = ss.rule
    if ss.by != "revenue":
        params["by"] = ss.by
    if ss.all:
        params["all"] = "1"
    if ss.within:
        params["within"] = "1"
    if ss.cur:
        params["cur"] = ss.cur
    query: dict[str, str | list[str]] = dict(params)
    # filters by the user's own column names (?f.Segment=Corporate); canonical names are read too
    query.update({FILTER_PREFIX + url_name(col): list(values) for col, values in ss.filters.items()})
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != {k: v if isinstance(v, list) else [v] for k, v in query.items()}:
        st.query_params.from_dict(query)


def hourly_cost() -> tuple[float, bool]:
    """The hourly cost of the team's time and whether the user set it (False: the default is used).

    The Effort page's "Hourly cost" field writes ``cost_per_hour`` (None until the user types a cost);
    the Presentation and Export pages read it, so every page and file uses one figure.
    """
    chosen = st.session_state.get("cost_per_hour")
    return (DEFAULT_HOURLY_COST, False) if chosen is None else (float(chosen), True)
