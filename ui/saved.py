"""Glue between the "Saved analyses" page and the saved-analyses store: settings in and out of the session."""

from __future__ import annotations

import dataclasses
from typing import Any, cast

import pandas as pd
import streamlit as st

from portfolio_core import Portfolio
from portfolio_core.analysis.segments import compare_portfolios
from portfolio_core.i18n import ENGLISH, Translator
from portfolio_core.ingest.parsing import CURRENCIES
from portfolio_core.store.analyses import AnalysisStore, SavedAnalysis, default_db_path
from ui import colnames
from ui.auth import user_db_path
from ui.i18n import currency
from ui.state import DEFAULTS, set_portfolio

# Widgets that hold a copy of the settings: deleted on open, so the sidebar takes the restored values.
WIDGET_KEYS = ("w_a", "w_b", "w_rule", "w_by", "w_within")


def store() -> AnalysisStore:
    """The store at the configured path (PORTFOLIO_DB is read on every call, so a change applies at once)."""
    return AnalysisStore(user_db_path(default_db_path()))


def current_settings() -> dict[str, Any]:
    """The session's cut-offs, ranking options and filters, as saved with an analysis."""
    ss = st.session_state
    return {
        "a": int(ss.a),
        "b": int(ss.b),
        "rule": str(ss.rule),
        "by": str(ss.by),
        "all": bool(ss.all),
        "within": bool(ss.within),
        "currency": currency(),  # the amounts' currency (the files' or the user's), None when unknown
        # by the user's own column names ("Segment"), which opening the analysis reads back
        "filters": {
            colnames.url_name(str(col)): [str(v) for v in values] for col, values in ss.filters.items()
        },
    }


def current_mapping() -> dict[str, dict[str, str]] | None:
    """The column mapping of each loaded file (None for the demo portfolio); an opened saved
    analysis keeps the mapping it was saved with, so saving it again keeps the user's column names."""
    return colnames.mapping()


def _int(value: Any, low: int, high: int, default: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def restore(
    portfolio: Portfolio, settings: dict[str, Any], mapping: dict[str, dict[str, str]] | None = None
) -> None:
    """Load a saved analysis's data, settings and column mapping (the user's column names) into the
    session (values out of range fall back)."""
    saved = settings.get("currency")  # the saved tables carry the amounts, not their currency
    if saved in CURRENCIES.values():
        portfolio = dataclasses.replace(portfolio, currency=saved)
    set_portfolio(portfolio, None)  # new data key: every cached analysis is recomputed
    colnames.remember_mapping(mapping)
    ss = st.session_state
    a = _int(settings.get("a"), 1, 99, cast(int, DEFAULTS["a"]))
    b = _int(settings.get("b"), 2, 100, cast(int, DEFAULTS["b"]))
    ss.a, ss.b = (a, b) if b > a else (a, min(100, a + 1))
    ss.rule = settings.get("rule") if settings.get("rule") in ("before", "spreadsheet") else "before"
    ss.by = "margin" if settings.get("by") == "margin" and portfolio.has("margin") else "revenue"
    ss.all = bool(settings.get("all", False))
    ss.within = bool(settings.get("within", False))
    filters = settings.get("filters") or {}
    ss.filters = {str(col): tuple(str(v) for v in values) for col, values in filters.items() if values}
    for key in [*WIDGET_KEYS, *(k for k in ss if str(k).startswith("w_f_"))]:
        if key in ss:
            del ss[key]


def describe_settings(settings: dict[str, Any], t: Translator = ENGLISH) -> str:
    """One line: cut-offs, ranking, scope and filters of saved settings (column values as saved)."""
    parts = [t("A {a} %, B {b} %", a=settings.get("a", "?"), b=settings.get("b", "?"))]
    if settings.get("by") == "margin":
        parts.append(t("ranked by margin"))
    if settings.get("rule") == "spreadsheet":
        parts.append(t("spreadsheet convention"))
    if settings.get("all"):
        parts.append(t("prospects and former clients included"))
    filters = settings.get("filters") or {}
    if filters:
        names = {col: col.replace("_", " ") if t.lang == "en" else t.label(col).lower() for col in filters}
        shown = "; ".join(
            t("{column}: {values}", column=names[col], values=", ".join(vals))
            for col, vals in filters.items()
        )
        if settings.get("within"):
            parts.append(t("filters {filters} (ranked within)", filters=shown))
        else:
            parts.append(t("filters {filters}", filters=shown))
    return " · ".join(parts)


def when(analysis: SavedAnalysis, t: Translator = ENGLISH) -> str:
    """The analysis's date in the server's time zone, to the minute (``26 nov. 2026 14:05`` in French)."""
    local = analysis.saved_at.astimezone()
    if t.lang == "en":
        return local.strftime("%Y-%m-%d %H:%M")
    return f"{t.date(local)} {local:%H:%M}"


@st.cache_data(show_spinner=False, max_entries=8)
def compare(
    path: str,
    earlier: int,
    later: int,
    stamps: tuple[str, str],
    a: int,
    b: int,
    rule: str,
    include_inactive: bool,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The class migration between two saved analyses (ids are never reused; ``stamps`` guard a new file)."""
    store = AnalysisStore(path)
    return compare_portfolios(
        store.load(earlier)[0],
        store.load(later)[0],
        a / 100,
        b / 100,
        rule,
        include_inactive,  # type: ignore[arg-type]
    )
