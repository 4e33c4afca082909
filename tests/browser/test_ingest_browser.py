"""Real-browser tests of ingestion: a French ;/decimal-comma Windows-1252 export and a three-file set.

The app runs in a subprocess (``app_url``) and is driven through Debian's chromium (``page``);
see conftest.py. Expected numbers are computed by hand from the corpus files (tests/data/corpus.json).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_abc_browser import metric_value, wait_until_idle

pytestmark = pytest.mark.browser

TIMEOUT = 30_000  # ms
CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def upload(page: Page, app_url: str, files: list[Path], loaded: str) -> None:
    page.goto(app_url)
    wait_until_idle(page)
    expect(page.get_by_text("Loaded: Demo portfolio", exact=True)).to_be_visible(timeout=TIMEOUT)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(f) for f in files])
    expect(page.get_by_text(f"Loaded: {loaded}", exact=True)).to_be_visible(timeout=TIMEOUT)
    wait_until_idle(page)


def to_abc(page: Page) -> None:
    page.get_by_test_id("stSidebarNavLink").filter(has_text="ABC analysis").click()
    expect(page.get_by_role("heading", name="ABC analysis")).to_be_visible(timeout=TIMEOUT)
    wait_until_idle(page)


def test_french_windows_1252_export(page: Page, app_url: str) -> None:
    upload(page, app_url, [CORPUS / "a02_fr_semicolon_cp1252.csv"], "a02_fr_semicolon_cp1252.csv")
    expect(metric_value(page, "Clients in the portfolio")).to_have_text("2", timeout=TIMEOUT)
    expect(page.get_by_text("semicolon-separated, Windows-1252", exact=False)).to_be_visible()
    expect(page.get_by_text("dates read as DD/MM/YYYY", exact=False)).to_be_visible()
    expect(page.get_by_text("Café Crème", exact=False).first).to_be_attached()
    to_abc(page)
    # Café Crème 1234.56 + 765.44 = 2000.00 and Étoile du Nord 2000.00: equal values share class A
    for cls, count in {"A": 2, "B": 0, "C": 0}.items():
        expect(metric_value(page, f"{cls} clients")).to_have_text(str(count), timeout=TIMEOUT)


def test_three_file_set(page: Page, app_url: str) -> None:
    folder = CORPUS / "set_fr"
    files = [folder / "clients.csv", folder / "factures.csv", folder / "activites.csv"]
    upload(page, app_url, files, "clients.csv, factures.csv, activites.csv")
    expect(metric_value(page, "Clients in the portfolio")).to_have_text("3", timeout=TIMEOUT)
    expect(metric_value(page, "Set aside")).to_have_text("2", timeout=TIMEOUT)
    expect(metric_value(page, "Activities")).to_have_text("3", timeout=TIMEOUT)
    for name, kind in (
        ("clients.csv", "client list (attributes)"),
        ("factures.csv", "transactions (invoices, deals)"),
        ("activites.csv", "activities (interaction history)"),
    ):
        expect(page.get_by_text(f"{name} · read as {kind}", exact=False)).to_be_visible(timeout=TIMEOUT)
    to_abc(page)
    # T = 4000 + 750.50 + 250 = 5000.50; before(C002) = .79992 -> A, before(C005) = .950005 -> C
    for cls, count in {"A": 2, "B": 0, "C": 1}.items():
        expect(metric_value(page, f"{cls} clients")).to_have_text(str(count), timeout=TIMEOUT)
