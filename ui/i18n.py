"""The session's language: picked from the browser on first visit, switchable, kept in the URL."""

from __future__ import annotations

import streamlit as st

from portfolio_core.i18n import LANGUAGES, Translator, language_from_locale
from portfolio_core.report.charts import localized
from portfolio_core.report.csvsafe import to_csv

# One translator per language for the whole process: tests read `missing` after running pages.
TRANSLATORS = {lang: Translator(lang) for lang in LANGUAGES}


def init_language() -> None:
    """Set ``st.session_state.lang`` on a session's first run: the URL's ``lang``, else the browser's."""
    ss = st.session_state
    if "lang" not in ss:
        asked = st.query_params.get("lang")
        ss.lang = asked if asked in LANGUAGES else language_from_locale(getattr(st.context, "locale", None))


def tr() -> Translator:
    """The translator of the session's language."""
    return TRANSLATORS[st.session_state.get("lang", "en")]


def language_picker() -> None:
    """The language switch, at the top of the sidebar."""
    ss = st.session_state
    if "w_lang" not in ss:
        ss.w_lang = ss.lang
    st.sidebar.selectbox("Language / Langue", list(LANGUAGES), format_func=LANGUAGES.get, key="w_lang")
    ss.lang = ss.w_lang


def show_chart(chart, **kwargs):  # type: ignore[no-untyped-def]
    """``st.altair_chart`` with numbers formatted for the session's language."""
    return st.altair_chart(localized(chart, tr()), **kwargs)


def csv_bytes(frame, index: bool = False) -> bytes:  # type: ignore[no-untyped-def]
    """A table as CSV for the session's language: ``;`` and decimal comma in French (what Excel expects).

    Text cells that a spreadsheet would run as a formula get a leading ``'`` (see report.csvsafe).
    """
    if st.session_state.get("lang") == "fr":
        return str(to_csv(frame, index=index, sep=";", decimal=",")).encode("utf-8-sig")
    return str(to_csv(frame, index=index)).encode("utf-8")
