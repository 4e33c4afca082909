"""The user's own column names in the session: labels, URL filter names, names read back from the URL.

The analysis works on canonical client columns (``sector``, ``account_manager``...). What the
user reads and types uses the headers of their own files ("Segment"), taken from the column
mapping of the loaded files (the load report, or the mapping saved with an opened analysis);
the demo names nothing, so its columns keep the app's translated labels and ``f.sector``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import streamlit as st

from portfolio_core.analysis.segments import column_names, resolve_filters, user_name
from portfolio_core.report.words import column_label
from ui.i18n import tr
from ui.text import plain

RESTORED = "restored_mapping"  # (data key, {file: {role: header}}) of an opened saved analysis


def mapping() -> dict[str, dict[str, str]] | None:
    """Each loaded file's ``{role: header}`` mapping (None for the demo)."""
    ss = st.session_state
    report = ss.get("report")
    if report is not None:
        return {info.name: dict(info.mapping) for info in report.tables}
    restored = ss.get(RESTORED)
    if restored is not None and restored[0] == ss.get("data_key"):
        return restored[1]
    return None


def remember_mapping(saved: Mapping[str, Mapping[str, str]] | None) -> None:
    """Keep an opened saved analysis's mapping with its data (call after the data is in the session)."""
    ss = st.session_state
    kept = None if saved is None else {str(f): dict(m) for f, m in saved.items()}
    ss[RESTORED] = (ss.get("data_key"), kept)


def names() -> dict[str, str]:
    """Canonical column -> the user's header, for the loaded data."""
    return column_names(mapping())


def label(column: str) -> str:
    """A client column's label as the user knows it (plain text, not yet escaped for Markdown)."""
    return column_label(column, names(), tr())


def labeller() -> Callable[[str], str]:
    """:func:`label` bound to this run's names and language, for a widget's ``format_func``
    (which may be called where the session is out of reach, as AppTest does)."""
    current, t = names(), tr()
    return lambda column: column_label(column, current, t)


def shown(column: str) -> str:
    """:func:`label`, escaped for Markdown labels and captions."""
    return plain(label(column))


def url_name(column: str) -> str:
    """The name of a filter in the URL (``f.<name>``): the user's header, else the column."""
    return user_name(column, names())


def resolved(filters: Mapping[str, tuple[str, ...]], columns: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Filters named by the user's headers or canonical names (the URL's), keyed by column."""
    return resolve_filters(filters, columns, names())
