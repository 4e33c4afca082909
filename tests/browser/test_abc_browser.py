"""Real-browser tests of the ABC analysis: upload a CSV, read the classes, move a cut-off, deep links.

The app runs in a subprocess (``app_url``) and is driven through Debian's chromium (``page``);
see conftest.py. Every expected number below is computed by hand, not by the code under test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

TIMEOUT = 20_000  # ms, for every wait on the app

# Ten clients, total revenue T = 1000.
REVENUES = [500, 200, 100, 80, 50, 30, 20, 10, 6, 4]
CSV_NAME = "clients.csv"

# before(v) = (sum of the values strictly greater than v) / T; A if before < a, B if before < b, else C.
#   client:  500  200   100   80    50    30    20    10    6     4
#   before:  0    .50   .70   .80   .88   .93   .96   .98   .99   .994
# a=80, b=95 (the defaults): A = 500, 200, 100 (.80 < .80 is false, so 80 is B);
#                            B = 80, 50, 30 (.93 < .95); C = 20, 10, 6, 4 (.96 and above).
EXPECTED_DEFAULT = {"A": 3, "B": 3, "C": 4}
# a=60, b=95: A = 500, 200 (.50 < .60; 100 has .70); B = 100, 80, 50, 30; C = 20, 10, 6, 4.
A_MOVED = 60
EXPECTED_A_60 = {"A": 2, "B": 4, "C": 4}

# True once the Pareto chart has painted its curve. Streamlit 1.67 has Vega draw in SVG: the line
# mark's path must have a non-empty box inside an SVG of non-zero size. (Canvas branch: any
# non-transparent pixel on a canvas of non-zero size, should the renderer change.)
CHART_DRAWN_JS = """() => {
  const chart = document.querySelector('[data-testid="stVegaLiteChart"]');
  if (!chart) return false;
  for (const svg of chart.querySelectorAll('svg.marks')) {
    const box = svg.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) continue;
    for (const path of svg.querySelectorAll('.mark-line path, .mark-area path')) {
      const b = path.getBBox();
      if (b.width > 0 && b.height > 0) return true;
    }
  }
  for (const canvas of chart.querySelectorAll('canvas')) {
    const box = canvas.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0 || canvas.width === 0 || canvas.height === 0) continue;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  }
  return false;
}"""


def wait_until_idle(page: Page) -> None:
    """The app is shown, no element is stale and no script run is in progress."""
    expect(page.locator('[data-testid="stAppViewContainer"]')).to_be_visible(timeout=TIMEOUT)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=TIMEOUT)
    running = page.locator(
        '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stStatusWidgetRunningManIcon"]'
    )
    expect(running).to_have_count(0, timeout=TIMEOUT)


def metric_value(page: Page, label: str) -> Locator:
    """The value of the st.metric whose label is exactly ``label``."""
    label_loc = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    return page.get_by_test_id("stMetric").filter(has=label_loc).get_by_test_id("stMetricValue")


def slider_thumb(page: Page, label: str) -> Locator:
    """The keyboard-focusable thumb of the st.slider whose label is exactly ``label``.

    Streamlit 1.67 draws st.slider with react-aria: the thumb is a visually hidden
    ``<input type="range">`` (implicit ARIA role "slider", no ``aria-valuenow`` attribute),
    so its position is read with ``to_have_value``.
    """
    slider = page.get_by_test_id("stSlider").filter(has=page.get_by_text(label, exact=True))
    return slider.get_by_role("slider")


def expect_classes(page: Page, expected: dict[str, int]) -> None:
    for cls, count in expected.items():
        expect(metric_value(page, f"{cls} clients")).to_have_text(str(count), timeout=TIMEOUT)


def expect_chart_drawn(page: Page, a: int, b: int) -> None:
    """One Pareto chart, its curve painted, its cut-off lines labelled with the current a and b."""
    chart = page.get_by_test_id("stVegaLiteChart")
    expect(chart).to_have_count(1, timeout=TIMEOUT)
    expect(chart).to_contain_text(f"A cut-off {a}%", timeout=TIMEOUT)
    expect(chart).to_contain_text(f"B cut-off {b}%", timeout=TIMEOUT)
    page.wait_for_function(CHART_DRAWN_JS, timeout=TIMEOUT)


def write_csv(tmp_path: Path) -> Path:
    path = tmp_path / CSV_NAME
    rows = [f"C{i:02d},{revenue}" for i, revenue in enumerate(REVENUES, start=1)]
    path.write_text("Client,Revenue\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_upload_classify_and_move_the_a_cutoff(page: Page, app_url: str, tmp_path: Path) -> None:
    # The Data page, on the demo portfolio.
    page.goto(app_url)
    wait_until_idle(page)
    expect(page.get_by_text("Loaded: Demo portfolio", exact=True)).to_be_visible(timeout=TIMEOUT)

    # Upload the hand-made CSV.
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(write_csv(tmp_path))
    expect(page.get_by_text(f"Loaded: {CSV_NAME}", exact=True)).to_be_visible(timeout=TIMEOUT)
    expect(metric_value(page, "Clients in the portfolio")).to_have_text(str(len(REVENUES)), timeout=TIMEOUT)
    wait_until_idle(page)

    # To the ABC page through the sidebar navigation.
    page.get_by_test_id("stSidebarNavLink").filter(has_text="ABC analysis").click()
    expect(page.get_by_role("heading", name="ABC analysis")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(f"{len(REVENUES)} clients ranked by revenue", exact=False)).to_be_visible(
        timeout=TIMEOUT
    )
    expect_classes(page, EXPECTED_DEFAULT)
    wait_until_idle(page)
    expect_chart_drawn(page, 80, 95)

    # Move the A cut-off from 80 to 60 with the keyboard, one step per key press.
    thumb = slider_thumb(page, "A cut-off (%)")
    expect(thumb).to_have_value("80", timeout=TIMEOUT)
    thumb.focus()
    for _ in range(80 - A_MOVED):
        thumb.press("ArrowLeft")
    expect(thumb).to_have_value(str(A_MOVED), timeout=TIMEOUT)
    # Every a in (50, 70] gives the same counts, so wait for the run that used a=60 itself (the
    # caption says so; no element left stale means the metrics come from that same run).
    expect(metric_value(page, "A clients")).to_have_text(str(EXPECTED_A_60["A"]), timeout=TIMEOUT)
    expect(page.get_by_text(f"A up to {A_MOVED} %, B up to 95 %", exact=False)).to_be_visible(timeout=TIMEOUT)
    wait_until_idle(page)
    expect_classes(page, EXPECTED_A_60)
    expect(thumb).to_have_value(str(A_MOVED))
    expect(slider_thumb(page, "B cut-off (%)")).to_have_value("95")
    expect(page).to_have_url(re.compile(rf"/abc\?(.*&)?a={A_MOVED}(&|$)"), timeout=TIMEOUT)
    expect_chart_drawn(page, A_MOVED, 95)


def test_deep_link_sets_the_cutoffs(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/abc?a=70&b=90")
    wait_until_idle(page)
    expect(page.get_by_role("heading", name="ABC analysis")).to_be_visible(timeout=TIMEOUT)
    expect(slider_thumb(page, "A cut-off (%)")).to_have_value("70", timeout=TIMEOUT)
    expect(slider_thumb(page, "B cut-off (%)")).to_have_value("90", timeout=TIMEOUT)
    expect(page.get_by_text("A up to 70 %, B up to 90 %", exact=False)).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Demo portfolio", exact=False)).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"/abc\?(.*&)?a=70&b=90(&|$)"), timeout=TIMEOUT)
    expect_chart_drawn(page, 70, 90)


# The first session after a server start runs in Streamlit's old pages/ folder mode: the page file
# named by the URL runs first, hands over to the frame (ui/frame.py), and the frame's st.navigation
# finds the same URL path, so no "Page not found" dialog: hence a fresh server.
def test_first_deep_link_after_start_shows_no_page_not_found(page: Page, fresh_app_url: str) -> None:
    page.goto(f"{fresh_app_url}/abc?a=70&b=90")
    wait_until_idle(page)
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=TIMEOUT)
    expect(slider_thumb(page, "A cut-off (%)")).to_have_value("70", timeout=TIMEOUT)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    # the frame's menu (page titles), not folder mode's (file names)
    links = page.get_by_test_id("stSidebarNavLink")
    expect(links.filter(has_text="ABC analysis")).to_have_count(1)
    expect(links.filter(has_text=re.compile(r"^(app|abc|data)$"))).to_have_count(0)
