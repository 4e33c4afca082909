"""Glue between the "Saved analyses" page and the saved-analyses store: settings in and out of the session."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from portfolio_core import Portfolio
from portfolio_core.analysis.segments import compare_portfolios
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.i18n import ENGLISH, Translator
from portfolio_core.ingest.parsing import CURRENCIES
from portfolio_core.store.analyses import AnalysisStore, SavedAnalysis, default_db_path
from ui import colnames, state
from ui.auth import user_db_path
from ui.i18n import currency
from ui.state import set_portfolio

# Widgets that hold a copy of the settings: deleted on open, so the sidebar takes the restored values.
WIDGET_KEYS = ("w_a", "w_b", "w_rule", "w_by", "w_within", "w_hourly_cost", "export_hourly_cost")


def store() -> AnalysisStore:
    """The store at the configured path (PORTFOLIO_DB is read on every call, so a change applies at once)."""
    return AnalysisStore(user_db_path(default_db_path()))


def current_settings() -> dict[str, Any]:
    """The session's settings as the record saved with an analysis (filters by the user's own
    column names, "Segment", which opening the analysis reads back; the amounts' currency, the
    files' or the user's, since the saved tables carry the amounts, not their currency)."""
    return {**state.settings().to_record(colnames.url_name), "currency": currency()}


def current_mapping() -> dict[str, dict[str, str]] | None:
    """The column mapping of each loaded file (None for the demo portfolio); an opened saved
    analysis keeps the mapping it was saved with, so saving it again keeps the user's column names."""
    return colnames.mapping()


def restore(
    portfolio: Portfolio, record: Mapping[str, Any], mapping: dict[str, dict[str, str]] | None = None
) -> None:
    """Load a saved analysis's data, settings and column mapping (the user's column names) into the
    session (values out of range fall back; the session keeps its language)."""
    saved = record.get("currency")  # the saved tables carry the amounts, not their currency
    if saved in CURRENCIES.values():
        portfolio = dataclasses.replace(portfolio, currency=saved)
    set_portfolio(portfolio, None)  # new data key: every cached analysis is recomputed
    colnames.remember_mapping(mapping)
    ss = st.session_state
    opened = AnalysisSettings.from_record(record)
    if opened.measure == "margin" and not portfolio.has("margin"):
        opened = opened.with_changes(measure="revenue")
    # the currency travels with the data opened (above), not as a choice that would outlive it
    ss.settings = opened.with_changes(lang=ss.get("lang", "en"), currency=None)
    for key in [*WIDGET_KEYS, *(k for k in ss if str(k).startswith("w_f_"))]:
        if key in ss:
            del ss[key]


def describe_settings(record: Mapping[str, Any], t: Translator = ENGLISH) -> str:
    """One line: cut-offs, ranking, scope and filters of a saved settings record (column values as saved)."""
    settings = AnalysisSettings.from_record(record)
    parts = [t("A {a} %, B {b} %", a=settings.a_pct, b=settings.b_pct)]
    if settings.measure == "margin":
        parts.append(t("ranked by margin"))
    if settings.rule == "spreadsheet":
        parts.append(t("spreadsheet convention"))
    if settings.include_inactive:
        parts.append(t("prospects and former clients included"))
    filters = settings.filter_dict
    if filters:
        names = {col: col.replace("_", " ") if t.lang == "en" else t.label(col).lower() for col in filters}
        shown = "; ".join(
            t("{column}: {values}", column=names[col], values=", ".join(vals))
            for col, vals in filters.items()
        )
        if settings.within:
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
    settings: AnalysisSettings,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The class migration between two saved analyses at the session's cut-offs, rule and scope
    (ids are never reused; ``stamps`` guard a new file)."""
    store = AnalysisStore(path)
    s = settings.ranking_only()
    return compare_portfolios(
        store.load(earlier)[0], store.load(later)[0], s.a, s.b, s.rule, s.include_inactive
    )
