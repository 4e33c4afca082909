"""Hostile client names stay text in the real browser, and two sessions never see each other's data."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_abc_browser import TIMEOUT, metric_value, wait_until_idle

pytestmark = pytest.mark.browser

# Names a hostile or careless export may contain: HTML, script, Markdown, LaTeX, Streamlit
# directives, spreadsheet formulas. None may run or change how the page looks.
PAYLOADS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2">',
    "**bold** [click](javascript:window.__xss=3)",
    '=HYPERLINK("http://example.invalid","x")',
    "$\\frac{1}{2}$ :red[alarm] :material/warning:",
    "<svg onload=window.__xss=4>",
]


def upload(page: Page, path) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    expect(page.get_by_text(f"Loaded: {path.name}")).to_be_visible(timeout=TIMEOUT)
    wait_until_idle(page)


def open_page(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNavLink").filter(has_text=title).click()
    wait_until_idle(page)


def test_hostile_names_are_shown_as_text_and_never_run(app_url, page, tmp_path):
    rows = [f'"{p.replace(chr(34), chr(34) * 2)}",{1000 - 100 * i},"{p.replace(chr(34), chr(34) * 2)}"'
            for i, p in enumerate(PAYLOADS)]  # fmt: skip
    path = tmp_path / "hostile <b>names **x**.csv"
    path.write_text("Client,Revenue,Sector\n" + "\n".join(rows) + "\n", encoding="utf-8")
    page.goto(app_url)
    wait_until_idle(page)
    upload(page, path)
    for title in ("ABC analysis", "Segments", "Clients", "KPIs"):
        open_page(page, title)
        assert page.evaluate("window.__xss") is None, title
        assert page.locator("[data-testid='stException']").count() == 0, title
    # filter by a hostile sector value: the caption shows it literally, nothing runs
    open_page(page, "ABC analysis")
    sector = page.get_by_test_id("stMultiSelect").filter(has_text="Sector").locator("input")
    sector.click()
    sector.fill("xss = 1")  # type to narrow the options to the <script> one, then pick it
    option = page.get_by_role("option").filter(has_text="<script>")
    expect(option).to_have_count(1, timeout=TIMEOUT)
    option.click()
    page.keyboard.press("Escape")
    wait_until_idle(page)
    expect(page.get_by_text("<script>window.__xss = 1</script>", exact=False).first).to_be_visible()
    assert page.evaluate("window.__xss") is None
    assert page.locator("main img[src='x'], main script").count() == 0


def test_two_sessions_keep_their_own_data(app_url, browser, tmp_path):
    first, second = tmp_path / "north.csv", tmp_path / "south.csv"
    first.write_text("Client,Revenue\nNorthA,900\nNorthB,100\n", encoding="utf-8")
    second.write_text("Client,Revenue\nS1,10\nS2,10\nS3,10\nS4,10\n", encoding="utf-8")
    pages = []
    for path in (first, second):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(app_url)
        wait_until_idle(page)
        upload(page, path)
        pages.append(page)
    for page in pages:
        open_page(page, "ABC analysis")
    # north: before(NorthB) = .9 -> B (b = 95 %): A 1, B 1. south: four equal values, all A.
    expect(metric_value(pages[0], "A clients")).to_have_text("1")
    expect(metric_value(pages[0], "B clients")).to_have_text("1")
    expect(metric_value(pages[1], "A clients")).to_have_text("4")
    expect(pages[0].get_by_text("north.csv", exact=False).first).to_be_visible()
    assert pages[0].get_by_text("south.csv").count() == 0
    assert pages[1].get_by_text("north.csv").count() == 0
    for page in pages:
        page.context.close()
