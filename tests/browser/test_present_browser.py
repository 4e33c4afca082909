"""Real-browser tests of the Presentation page: the keys move the slides, each slide fits the screen.

On the demo portfolio (activity log and deals): the story's slides on screen are the title, who makes
the revenue, the Pareto curve, who takes the team's time, the whale curve, the key figures and the
action plan.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TIMEOUT = 30_000
SLIDES = 8  # on the demo: title, revenue, Pareto, effort, whale curve, heading, figures, plan
SHOTS = os.environ.get("PRESENT_SHOTS")  # a folder: screenshots of every slide go there

# Whether the page scrolls, and which visible elements of the slide cut their text.
FITS_JS = """() => {
  const slide = document.querySelector('[data-testid="presentSlide"]');
  const scroller = document.scrollingElement;
  const clipped = [...slide.querySelectorAll('*')].filter(e =>
    e.tagName !== 'IMG' && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1
  ).map(e => e.tagName + ':' + e.textContent.slice(0, 40));
  const box = slide.getBoundingClientRect();
  const small = [...slide.querySelectorAll('p, td, th, h1, div.tile')].filter(e =>
    e.textContent.trim() && parseFloat(getComputedStyle(e).fontSize) < 24
  ).map(e => e.textContent.slice(0, 40));
  return {scrolls: scroller.scrollHeight > window.innerHeight,
          outside: box.bottom > window.innerHeight + 1 || box.right > window.innerWidth + 1,
          clipped, small, counter: document.body.innerText.match(/(\\d+) \\/ (\\d+)/)?.slice(1)};
}"""


def counter(page: Page) -> str:
    return page.get_by_text(f"/ {SLIDES}", exact=False).first.inner_text()


def open_present(page: Page, url: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{url}/present", wait_until="domcontentloaded")
    expect(page.get_by_test_id("presentSlide")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(f"1 / {SLIDES}", exact=True)).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(500)  # the key listener is set by a script in an iframe


def at_slide(page: Page, n: int) -> None:
    expect(page.get_by_text(f"{n} / {SLIDES}", exact=True)).to_be_visible(timeout=TIMEOUT)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=TIMEOUT)


def test_the_keys_move_the_slides_forward_and_back(app_url, page):
    open_present(page, app_url, 1280, 720)
    page.keyboard.press("ArrowRight")
    at_slide(page, 2)
    expect(page.get_by_test_id("presentSlide").locator("h1")).to_have_text("Who makes the revenue")
    page.keyboard.press("PageDown")  # a presenter's clicker
    at_slide(page, 3)
    page.keyboard.press("Space")
    at_slide(page, 4)
    page.keyboard.press("ArrowLeft")
    at_slide(page, 3)
    page.keyboard.press("PageUp")
    at_slide(page, 2)
    page.keyboard.press("End")
    at_slide(page, SLIDES)
    expect(page.get_by_test_id("presentSlide").locator("h1")).to_have_text("Action plan")
    page.keyboard.press("Home")
    at_slide(page, 1)
    page.keyboard.press("n")  # the speaker's notes: the assumptions
    expect(page.locator(".slide .notes")).to_contain_text("per hour", timeout=TIMEOUT)
    page.keyboard.press("n")
    expect(page.locator(".slide .notes")).to_have_count(0, timeout=TIMEOUT)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_slide_fits_the_screen(app_url, page, size):
    open_present(page, app_url, *size)
    for n in range(1, SLIDES + 1):
        at_slide(page, n)
        for notes in (False, True):
            if notes:
                page.keyboard.press("n")
                expect(page.locator(".slide .notes")).to_be_visible(timeout=TIMEOUT)
            page.wait_for_timeout(300)
            fits = page.evaluate(FITS_JS)
            assert not fits["scrolls"] and not fits["outside"], (n, size, fits)
            assert fits["clipped"] == [] and fits["small"] == [], (n, size, fits)
            if SHOTS:
                Path(SHOTS).mkdir(parents=True, exist_ok=True)
                page.screenshot(
                    path=f"{SHOTS}/present_{size[0]}x{size[1]}_{n}{'_notes' if notes else ''}.png"
                )
        page.keyboard.press("n")
        expect(page.locator(".slide .notes")).to_have_count(0, timeout=TIMEOUT)
        page.keyboard.press("ArrowRight")
