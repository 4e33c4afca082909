"""The Data page in a real browser: a second upload replaces the first, a reload offers the last upload
back in one click under a clear demo banner, and a CSV download never carries a live formula."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_abc_browser import TIMEOUT, expect_classes, metric_value, wait_until_idle
from tests.browser.test_security_browser import open_page

pytestmark = pytest.mark.browser

# January: 500, 300, 200 (T = 1000): before = 0, .5, .8 -> A 2, B 1, C 0 at 80 / 95;
#          at 50 / 90: before .5 is not < .5 -> A 1, B 2 (.5 and .8 < .9), C 0.
JAN = "Client,Revenue\nAcme,500\nBeta,300\nGamma,200\n"
# February: 100, 100, 50, 30, 20 (T = 300): before = 0, 0, .667, .833, .933 -> A 3, B 2, C 0.
FEB = "Client,Revenue\nDelta,100\nEps,100\nZeta,50\nEta,30\nTheta,20\n"
BANNER = "This is the built-in demo, not your data."
HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+cmd", "@SUM(1)", "-2+3"]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def upload(page: Page, path: Path) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    expect(page.get_by_text(f"Loaded: {path.name}", exact=True)).to_be_visible(timeout=TIMEOUT)
    wait_until_idle(page)


def test_a_second_upload_replaces_the_first(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(app_url)
    wait_until_idle(page)
    upload(page, write(tmp_path, "jan.csv", JAN))
    expect(metric_value(page, "Clients in the portfolio")).to_have_text("3", timeout=TIMEOUT)
    expect(page.get_by_text("A new upload", exact=True)).to_be_visible()  # the choice, in plain sight
    upload(page, write(tmp_path, "feb.csv", FEB))
    expect(page.get_by_text("feb.csv replaced the data loaded before (jan.csv).")).to_be_visible()
    expect(metric_value(page, "Clients in the portfolio")).to_have_text("5", timeout=TIMEOUT)
    expect(page.get_by_text(re.compile(r"^In this analysis: feb\.csv .*5 rows.*5 clients"))).to_be_visible()
    open_page(page, "ABC analysis")
    expect_classes(page, {"A": 3, "B": 2, "C": 0})


def test_a_reload_shows_the_demo_banner_and_one_click_brings_the_upload_back(
    page: Page, browser, fresh_app_url: str, tmp_path: Path
) -> None:
    page.goto(fresh_app_url)
    wait_until_idle(page)
    expect(page.get_by_text(BANNER)).to_be_visible(timeout=TIMEOUT)  # the demo, said plainly
    upload(page, write(tmp_path, "jan.csv", JAN))
    expect(page.get_by_text(BANNER)).to_have_count(0)
    page.reload()
    wait_until_idle(page)
    expect(page.get_by_text(BANNER)).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Loaded: Demo portfolio", exact=True)).to_be_visible()
    reopen = page.get_by_role("button", name=re.compile(r"^Reopen jan\.csv \(3 clients, uploaded "))
    reopen.click()
    expect(page.get_by_text("Loaded: jan.csv", exact=True)).to_be_visible(timeout=TIMEOUT)
    expect(metric_value(page, "Clients in the portfolio")).to_have_text("3", timeout=TIMEOUT)
    expect(page.get_by_text(BANNER)).to_have_count(0)
    # A shared link carries the settings, not the data: the demo, then one click to the upload.
    page.goto(f"{fresh_app_url}/abc?a=50&b=90")
    wait_until_idle(page)
    expect(page.get_by_text(BANNER)).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name=re.compile(r"^Reopen jan\.csv")).click()
    wait_until_idle(page)
    expect(page.get_by_text(BANNER)).to_have_count(0, timeout=TIMEOUT)
    expect_classes(page, {"A": 1, "B": 2, "C": 0})
    # Another browser on the same server sees the demo banner, never this upload.
    other = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    other.goto(fresh_app_url)
    wait_until_idle(other)
    expect(other.get_by_text(BANNER)).to_be_visible(timeout=TIMEOUT)
    expect(other.get_by_text("Upload your own export on the Data page to analyse it.")).to_be_visible()
    assert other.get_by_text("jan.csv").count() == 0
    assert other.get_by_role("button", name=re.compile("^Reopen")).count() == 0
    other.context.close()


def test_the_class_table_csv_carries_no_live_formula(page: Page, app_url: str, tmp_path: Path) -> None:
    rows = "\n".join(
        f'"{name.replace(chr(34), chr(34) * 2)}",{v}'
        for name, v in zip(HOSTILE, (500, 300, 150, 50), strict=True)
    )
    page.goto(app_url)
    wait_until_idle(page)
    upload(page, write(tmp_path, "hostile.csv", "Client,Revenue\n" + rows + "\n"))
    open_page(page, "ABC analysis")
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name="Download the class table (CSV)").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    cells = {cell for row in csv.reader(io.StringIO(text)) for cell in row}
    for name in HOSTILE:
        assert "'" + name in cells, name
        assert name not in cells, name
    assert {"500.0", "300.0", "150.0", "50.0"} <= cells or {"500", "300", "150", "50"} <= cells
