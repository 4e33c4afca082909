"""The session's language: picked from the browser on first visit, switchable, kept in the URL."""

from __future__ import annotations

import streamlit as st

from portfolio_core.i18n import LANGUAGES, Translator, language_from_locale
from portfolio_core.ingest.parsing import CURRENCIES
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
    ss.w_lang = ss.lang  # on every run: a page switch may drop or reset the widget's own state
    # the switch takes effect in its callback, before the run: the menu above is built in the new language
    st.sidebar.selectbox(
        "Language / Langue",
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        key="w_lang",
        on_change=_language_switched,
    )


def _language_switched() -> None:
    st.session_state.lang = st.session_state.w_lang


def currency() -> str | None:
    """The currency of the amounts: the one the user set, else the one the data names (None: unknown)."""
    ss = st.session_state
    chosen = ss.settings.currency if "settings" in ss else None
    return chosen or getattr(ss.get("portfolio"), "currency", None)


def money(value: float, decimals: int = 0) -> str:
    """An amount in the session's language with the session's currency (``1 234 €``; bare when unknown)."""
    return tr().amount(value, currency(), decimals)


def currency_picker() -> None:
    """The currency switch in the sidebar: "from the data" (the Data page says which) or one the user picks.

    It names no currency for "from the data": it is drawn before the page runs, and an upload on
    the Data page may bring another currency in that same run.
    """
    ss, _ = st.session_state, tr()
    ss.w_cur = ss.settings.currency or ""  # as the language: the callback sets the choice, the widget follows
    st.sidebar.selectbox(
        _("Currency"),
        ["", *sorted(set(CURRENCIES.values()))],
        key="w_cur",
        format_func=lambda c: c or _("From the data"),
        help=_("Shown on every amount. The data's currency comes from the amounts or headers (€, $, £...)."),
        on_change=_currency_switched,
    )


def _currency_switched() -> None:
    ss = st.session_state
    ss.settings = ss.settings.with_changes(currency=ss.w_cur or None)


def csv_bytes(frame, index: bool = False, lang: str | None = None) -> bytes:  # type: ignore[no-untyped-def]
    """A table as CSV for the session's language (or ``lang``, for a download made off the script's
    thread): ``;`` and decimal comma in French (what Excel expects).

    Text cells that a spreadsheet would run as a formula get a leading ``'`` (see report.csvsafe).
    """
    if (lang or st.session_state.get("lang")) == "fr":
        return str(to_csv(frame, index=index, sep=";", decimal=",")).encode("utf-8-sig")
    return str(to_csv(frame, index=index)).encode("utf-8")
