"""Every page file runs only inside the frame (app.py), and the Streamlit behaviour this leans on holds.

The browser tests (tests/browser/test_team_mode_browser.py) show what a stranger sees; these tests
fail first, and loudly, when a page loses its guard or when Streamlit changes the folder mode.
"""

import ast
from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

PAGES = sorted((Path(__file__).resolve().parents[1] / "pages").glob("*.py"))


def test_the_pages_folder_holds_the_app_pages() -> None:
    assert {p.stem for p in PAGES} >= {"data", "abc", "effort", "kpis", "saved", "export"}


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_every_page_file_starts_with_the_frame_guard(path: Path) -> None:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    first, second = body[0], body[1]
    assert isinstance(first, ast.ImportFrom) and first.module == "ui.frame", "first statement: the import"
    assert [alias.name for alias in first.names] == ["require_frame"]
    assert isinstance(second, ast.Expr) and isinstance(second.value, ast.Call), "then the call, before all"
    assert isinstance(second.value.func, ast.Name) and second.value.func.id == "require_frame"


def test_st_navigation_ends_streamlits_pages_folder_mode(monkeypatch) -> None:
    # app.py relies on this: its st.navigation call, made before the sign-in on every run, switches
    # the whole server out of the folder mode that serves pages/*.py without the frame. If Streamlit
    # renames the flag or stops resetting it here, this fails: re-check ui/frame.py's reasoning.
    monkeypatch.setattr(PagesManager, "uses_pages_directory", True)
    st.navigation([st.Page(lambda: None, title="x")])
    assert PagesManager.uses_pages_directory is False
