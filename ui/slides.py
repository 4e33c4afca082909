"""The Presentation page's slides as HTML: one slide of the story laid out 16:9 to fill the screen, its
chart as an SVG image, every text escaped; plus the keys that drive the page (a presenter's clicker
sends PageDown/PageUp)."""

from __future__ import annotations

import base64
from html import escape

from portfolio_core.report.story import Slide, Table

NAV_PX = 64  # the height kept under the slide for the navigation buttons

# Static CSS (no user text): no Streamlit chrome, the slide fills the window above the buttons.
CSS = f"""<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stDecoration"], .st-key-demo_banner,
[data-testid="stElementContainer"]:has(iframe) {{display: none !important;}}
[data-testid="stMainBlockContainer"] {{padding: 0 1rem !important; max-width: 100% !important;}}
[data-testid="stMain"] {{overflow: hidden;}}
.slide {{box-sizing: border-box; height: calc(100vh - {NAV_PX + 16}px); aspect-ratio: 16 / 9;
  max-width: 100%; margin: 0 auto; padding: 2.2vh 2.5vw; display: flex; flex-direction: column;
  gap: 1.2vh; overflow: hidden; position: relative; color: #1f2d3d; background: #fff;
  font-size: max(24px, 2.5vh); line-height: 1.25;}}
.slide * {{font-size: inherit; line-height: inherit;}}
.slide h1 {{font-size: max(34px, 5vh); margin: 0; padding: 0; line-height: 1.15;}}
.slide .headline {{font-size: max(26px, 3.2vh); color: #444; margin: 0;}}
.slide .body {{flex: 1 1 auto; min-height: 0; display: flex; gap: 2vw; align-items: flex-start;}}
.slide .body img {{flex: 1 1 0; min-width: 0; height: 100%; object-fit: contain;}}
.slide table {{border-collapse: collapse; flex: 1 1 0; min-width: 0; width: 100%;}}
.slide .body > table:only-child {{font-size: max(24px, min(3.8vh, 1.9vw));}}
.slide th {{background: #1f4e79; color: #fff; text-align: left; padding: 0.25em 0.5em;}}
.slide td {{border-bottom: 1px solid #d0d7de; padding: 0.2em 0.5em; overflow-wrap: anywhere;}}
.slide .num {{text-align: right; white-space: nowrap;}}
.slide .tiles {{display: grid; grid-template-columns: repeat(4, 1fr); gap: 1.2vh 1vw; width: 100%;}}
.slide .tile {{background: #eef3f8; border: 1px solid #c5d3e0; padding: 0.4em; text-align: center;
  overflow-wrap: anywhere;}}
.slide .tile b {{display: block; font-size: max(30px, 4vh);}}
.slide .lines p {{margin: 0 0 0.6em 0; font-size: max(26px, 3.4vh);}}
.slide .notes {{position: absolute; left: 2.5vw; right: 2.5vw; bottom: 1.5vh; background: #fff8e6;
  border: 2px solid #8a3b12; color: #5a2a0e; padding: 0.5em 0.8em; font-size: 24px;}}
.slide .notes p {{margin: 0.2em 0;}}
</style>"""

KEYS = {
    "ArrowRight": "present_next",
    "PageDown": "present_next",
    " ": "present_next",
    "ArrowLeft": "present_prev",
    "PageUp": "present_prev",
    "Home": "present_first",
    "End": "present_last",
    "n": "present_notes",
    "N": "present_notes",
}

# Runs in a same-origin iframe: listens on the page's document and clicks the page's own buttons
# (found by their keys); "f" asks the browser for full screen. Registered once, replaced on reruns.
SCRIPT = """<script>
const doc = window.parent.document, keys = %s;
function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t && t.closest && t.closest("input, textarea, select, [contenteditable]")) return;
  if (e.key === "f" && doc.fullscreenEnabled) { doc.documentElement.requestFullscreen(); return; }
  const button = keys[e.key] && doc.querySelector(".st-key-" + keys[e.key] + " button");
  if (!button) return;
  e.preventDefault();
  if (!button.disabled) button.click();
  if (doc.activeElement && doc.activeElement.blur) doc.activeElement.blur();
}
const w = window.parent;
if (w.__presentKeys) doc.removeEventListener("keydown", w.__presentKeys, true);
w.__presentKeys = onKey;
doc.addEventListener("keydown", onKey, true);
</script>"""


def _table(table: Table) -> str:
    head = "".join(
        f'<th class="{"num" if right else ""}">{escape(h)}</th>'
        for h, right in zip(table.header, table.numeric, strict=True)
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"num" if right else ""}">{escape(v)}</td>'
            for v, right in zip(row, table.numeric, strict=True)
        )
        + "</tr>"
        for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def slide_html(slide: Slide, svg: str | None, notes: bool) -> str:
    """One slide: title, headline, its chart (an SVG image), table, figure tiles or lines; the
    assumptions in a box over its foot when ``notes``."""
    parts = [f"<h1>{escape(slide.title)}</h1>"]
    if slide.headline:
        parts.append(f'<p class="headline">{escape(slide.headline)}</p>')
    body = []
    if svg:
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        body.append(f'<img alt="{escape(slide.title)}" src="data:image/svg+xml;base64,{data}">')
    if slide.table is not None:
        body.append(_table(slide.table))
    if slide.tiles:
        tiles = "".join(
            f'<div class="tile"><b>{escape(k.value)}</b>{escape(k.label)}</div>' for k in slide.tiles
        )
        body.append(f'<div class="tiles">{tiles}</div>')
    if slide.lines:
        body.append(
            '<div class="lines">' + "".join(f"<p>{escape(line)}</p>" for line in slide.lines) + "</div>"
        )
    parts.append('<div class="body">' + "".join(body) + "</div>")
    if notes and slide.notes:
        parts.append('<div class="notes">' + "".join(f"<p>{escape(n)}</p>" for n in slide.notes) + "</div>")
    return (
        f'<div class="slide" data-testid="presentSlide" data-key="{escape(slide.key)}">'
        + "".join(parts)
        + "</div>"
    )
