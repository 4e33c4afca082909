"""Shared fixtures: paths, the app under AppTest."""

import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Shared, noisy machines: no per-example deadline (speed is measured in bench/, not here).
# "ci" (the default) is derandomized: every run tries the same examples, so a failure repeats.
# "long" (HYPOTHESIS_PROFILE=long, `make test-long`) draws new random examples, ten times as many.
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.register_profile("long", deadline=None, max_examples=1000, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
# Ten clients totalling 1000; by hand, before(v) = 0, .5, .7, .8, .88, .93, .96, .98, .99, .994,
# so a=80 b=95 gives A 3 (500, 200, 100), B 3 (80, 50, 30), C 4.
SMALL_CSV = (
    b"Client,Revenue\nAcme,500\nBeta,200\nGamma,100\nDelta,80\nEps,50\n"
    b"Zeta,30\nEta,20\nTheta,10\nIota,6\nKappa,4\n"
)


def shown(markdown: str) -> str:
    """The text a user reads from a Markdown element's source (user text there is backslash-escaped)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


# The keys of the pages' tabs: a page with tabs draws only the open one.
TAB_KEYS = ("kpi_tab", "health_tab", "segments_tab", "effort_tab")


def _tab_key(app) -> str | None:
    """The key of the tabs of the page shown (a widget's state lives only while its page is shown)."""
    return next((k for k in TAB_KEYS if k in app.session_state), None)


def open_tab(app, label: str):
    """Open the tab ``label`` of the page shown, as a click on it does; returns the app."""
    app.session_state[_tab_key(app)] = label
    return app.run()


def each_tab(app):
    """Open each tab of the page shown in turn (one run each), yielding its label; the last stays open.
    Nothing for a page without tabs."""
    for label in [tab.label for tab in app.tabs] if _tab_key(app) else []:
        open_tab(app, label)
        yield label


def over_tabs(app, read) -> list:
    """``read(app)`` with each tab of the page open in turn, joined in one list."""
    return [found for _ in each_tab(app) for found in read(app)]


if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def app(monkeypatch, tmp_path):
    """The app through app.py, as AppTest runs it (demo portfolio loaded)."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("PORTFOLIO_DB", str(tmp_path / "analyses.db"))
    monkeypatch.setenv("PORTFOLIO_DEBUG", "1")  # a page's exception fails the test instead of a message
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL server on a free loopback port for the whole session; its URL (with password)."""
    from tests.servers import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def spark():
    """A local SparkSession (one core, no UI) for the whole session."""
    from tests.servers import spark_session

    with spark_session() as session:
        yield session
