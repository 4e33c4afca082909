"""A long page's sections as tabs, only the open one run."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st


def tabbed(sections: dict[str, Callable[[], None]], key: str) -> None:
    """One tab per section (label: function); only the open tab's function runs, so only its elements
    are computed and reach the browser (a visit draws one section, not all: bench/pages.py, #15).

    A widget inside a tab loses its value when another tab is opened: what several tabs read goes
    above the tabs."""
    tabs = st.tabs(list(sections), key=key, on_change="rerun")
    for tab, section in zip(tabs, sections.values(), strict=True):
        if tab.open:
            with tab:
                section()
