"""Load: 20 browser sessions at once moving the A slider on loopback; errors and rerun latency.

Bounded: each session makes a fixed number of moves, and the whole run stops after a time limit.
The figures are p50 and p95 of the time from a key press to the redrawn page, against the same
step measured by a single session alone in the same run.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

from playwright.async_api import async_playwright, expect

from bench.common import Row
from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS, running_app

SESSIONS = 20
MOVES = 5
LIMIT_S = 600
RAMP_S = 2.0  # seconds between two sessions' first visit
SHOTS = os.environ.get("BENCH_SCREENSHOTS")  # a folder: a screenshot of every failed session


async def _session(
    browser, base: str, start_a: int, latencies: list[float], errors: list[str], delay: float = 0.0
) -> None:
    await asyncio.sleep(delay)  # sessions open one after another, then all move their sliders together
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(f"{base}/abc?a={start_a}&b=95")
        await expect(page.get_by_test_id("stMetricValue").first).to_be_visible(timeout=120_000)
        await expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=120_000)
        slider = page.get_by_test_id("stSlider").filter(has_text="A cut-off (%)").get_by_role("slider")
        for step in range(1, MOVES + 1):
            start = time.perf_counter()
            for _attempt in range(
                3
            ):  # 20 browsers on 2 cores: a key press can be lost before the thumb has focus
                await slider.focus()
                await slider.press("ArrowRight")
                try:
                    await expect(slider).to_have_value(str(start_a + step), timeout=15_000)
                    break
                except AssertionError:
                    continue
            await expect(page.get_by_text(re.compile(rf"A up to {start_a + step} %"))).to_be_visible(
                timeout=120_000
            )
            await expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=120_000)
            latencies.append(time.perf_counter() - start)
        if await page.get_by_test_id("stException").count():
            errors.append("exception shown")
    except Exception as exc:  # any failure of a session counts as an error
        errors.append(f"{type(exc).__name__}: {exc}"[:200])
        if SHOTS:
            await page.screenshot(path=f"{SHOTS}/load_error_{start_a}_{len(errors)}.png")
    finally:
        await context.close()


async def _run(base: str) -> tuple[list[float], list[float], list[str]]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        # The first session after a server start meets Streamlit's pages/ folder mode (a "Page not
        # found" dialog over deep links): open the root once, as the tests do, before measuring.
        warm = await browser.new_page()
        await warm.goto(base)
        await expect(warm.get_by_test_id("stMetricValue").first).to_be_visible(timeout=120_000)
        await warm.close()
        alone: list[float] = []
        errors: list[str] = []
        await _session(browser, base, 60, alone, errors)
        together: list[float] = []
        jobs = [_session(browser, base, 50 + i % 20, together, errors, RAMP_S * i) for i in range(SESSIONS)]
        await asyncio.wait_for(asyncio.gather(*jobs), timeout=LIMIT_S)
        await browser.close()
    return alone, together, errors


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp, running_app(Path(tmp)) as base:
        alone, together, errors = asyncio.run(_run(base))
    p50 = statistics.median(together) if together else float("nan")
    p95 = statistics.quantiles(together, n=20)[18] if len(together) >= 20 else float("nan")
    single = statistics.median(alone) if alone else float("nan")
    expected = SESSIONS * MOVES
    return [
        Row(f"{SESSIONS} sessions: reruns done / errors", len(together), len(errors), "n", f"{expected} / 0",
            len(together) == expected and not errors),
        Row(f"{SESSIONS} sessions: p50 rerun vs 1 session", p50, single, "s", "recorded", True),
        Row(f"{SESSIONS} sessions: p95 rerun vs 1 session", p95, single, "s", "recorded", True),
    ]  # fmt: skip
