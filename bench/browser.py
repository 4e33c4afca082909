"""In the real browser: one step of the A slider on 100,000 clients against 100 clients.

Each step is timed from the key press until the page shows the new cut-off and nothing is
stale any more (metrics and the Pareto chart redrawn). The median of several steps is kept.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from bench.common import Row, clients_csv
from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS, running_app

STEPS = 6


def _slider_steps(page: Page, base: str, csv: Path) -> list[float]:
    page.goto(base)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(csv))
    expect(page.get_by_text(f"Loaded: {csv.name}")).to_be_visible(timeout=180_000)
    page.get_by_test_id("stSidebarNavLink").filter(has_text="ABC analysis").click()
    expect(page.get_by_test_id("stMetricValue").first).to_be_visible(timeout=120_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=120_000)
    slider = page.get_by_test_id("stSlider").filter(has_text="A cut-off (%)").get_by_role("slider")
    slider.focus()
    times = []
    for step in range(STEPS):
        target = 60 + step + 1
        start = time.perf_counter()
        page.keyboard.press("ArrowRight")
        expect(page.get_by_text(re.compile(rf"A up to {target} %"))).to_be_visible(timeout=60_000)
        expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=60_000)
        expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
        times.append(time.perf_counter() - start)
    return times


def run(small: int = 100, large: int = 100_000) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp, running_app(Path(tmp)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        medians = {}
        for n in (small, large):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.goto(base + "/?a=60")
            medians[n] = statistics.median(_slider_steps(page, base + "/?a=60", clients_csv(n)))
            context.close()
        browser.close()
    ratio_ok = medians[large] <= 1.5 * medians[small]
    return [
        Row(f"slider step in the browser, {large:,} vs {small} clients", medians[large], medians[small], "s",
            "<= 1.5x", ratio_ok),
    ]  # fmt: skip
