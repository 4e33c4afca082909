"""Team mode on a freshly started server: a stranger who never signs in sees the sign-in, nothing else.

Why a fresh server for every URL: Streamlit 1.67 serves the first request after a start in its old
``pages/`` folder mode, where a page file can be reached by its own name without ``app.py`` (see
``ui/frame.py``). The first session is the one that matters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from portfolio_core import demo_portfolio
from portfolio_core.store.analyses import AnalysisStore
from tests.browser.harness import REPO_ROOT, running_app
from tests.browser.test_abc_browser import TIMEOUT, wait_until_idle

pytestmark = pytest.mark.browser

AUTH = """[auth]
redirect_uri = "http://127.0.0.1:9/oauth2callback"
cookie_secret = "a-dummy-cookie-secret-for-the-team-mode-tests"
client_id = "dummy"
client_secret = "dummy"
server_metadata_url = "https://id.example.invalid/.well-known/openid-configuration"
"""
SECRET_ANALYSIS = "Board review Q3 confidential"
# Every page file by its own name (folder mode's URLs, which are also the app's paths), the
# app's root, the name folder mode gives app.py itself, and two page files' former names.
URLS = ["/", "/app", "/data_page", "/saved_page"] + sorted(
    f"/{path.stem}" for path in (REPO_ROOT / "pages").glob("*.py")
)
SHOWN_NOTHING = [
    "stFileUploaderDropzoneInput",
    "stMetric",
    "stDataFrame",
    "stTable",
    "stVegaLiteChart",
    "stSidebarNavLink",  # not even the names of the pages
    "stException",
]


@pytest.fixture
def team_server(tmp_path: Path):
    """A freshly started server in team mode, whose shared analyses file holds a saved analysis."""
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(AUTH, encoding="utf-8")
    AnalysisStore(tmp_path / "portfolio.db").save(SECRET_ANALYSIS, demo_portfolio(1), {})
    with running_app(tmp_path, secrets=secrets) as url:
        yield url, tmp_path


@pytest.mark.parametrize("path", URLS)
def test_a_stranger_sees_only_the_sign_in(team_server, page: Page, path: str) -> None:
    url, work_dir = team_server
    page.goto(url + path)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=TIMEOUT)
    wait_until_idle(page)
    for test_id in SHOWN_NOTHING:
        assert page.get_by_test_id(test_id).count() == 0, (path, test_id)
    text = page.locator("body").inner_text()
    for secret in (SECRET_ANALYSIS, str(work_dir), "portfolio.db", "PORTFOLIO_DB", "Demo portfolio"):
        assert secret not in text, (path, secret)
    assert "Sign in to see your team's portfolio" in text
