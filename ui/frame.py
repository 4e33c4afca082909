"""The frame guard: a page file only ever runs inside ``app.py`` (sign-in, shared state, navigation).

Streamlit 1.67 serves the files of a ``pages/`` folder by their own names ("folder mode") until
some run calls ``st.navigation``; that switch is process-wide (``PagesManager.uses_pages_directory``)
and is set when the first session of a server starts. ``app.py`` calls ``st.navigation`` on every
run before the sign-in, which ends folder mode for the server's later runs; the request that
started it still runs the page file it names, so every page file starts with
:func:`require_frame`, which runs the frame instead whenever a page file is reached without it.
``tests/test_frame.py`` fails the day the Streamlit behaviour this leans on changes.
"""

from __future__ import annotations

import contextvars
import runpy
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

APP = Path(__file__).resolve().parents[1] / "app.py"
_inside = contextvars.ContextVar("inside_frame", default=False)


@contextmanager
def frame() -> Iterator[None]:
    """Mark the page run inside ``app.py``: :func:`require_frame` lets it through."""
    token = _inside.set(True)
    try:
        yield
    finally:
        _inside.reset(token)


def require_frame() -> None:
    """First statement of every page file: outside the frame, run ``app.py`` instead, then stop.

    The frame signs the user in (or stops at the sign-in), sets up the session and runs the page
    the URL names, so a visitor who reached a page file directly sees exactly what the app shows.
    """
    if _inside.get():
        return
    runpy.run_path(str(APP), run_name="__main__")
    st.stop()
