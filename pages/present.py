"""Page "Presentation": the story of the meeting, one 16:9 slide at a time, full screen, driven by the
keys (arrows, PageUp/PageDown, space, Home/End; "n" the speaker's notes, "f" full screen)."""

from ui.frame import require_frame

require_frame()

import datetime as dt
import json

import streamlit as st

from portfolio_core.report.story import story
from ui import analysis, meeting
from ui.i18n import tr
from ui.slides import CSS, KEYS, SCRIPT, slide_html

ss = st.session_state
_ = tr()
st.html(CSS)
key, settings, portfolio = analysis.current(anonymised=False)  # the report labels the clients itself
analysis.classified_or_stop(key, settings, portfolio)
view = (key, settings, dt.date.today().isoformat(), ss.get("meeting_anonymous", False),
        meeting.earlier(ss.get("meeting_compare")))  # fmt: skip
report = meeting.report(*view, portfolio)
slides = [s for s in story(report) if not s.appendix]
last = len(slides) - 1
step = min(ss.get("present_step", 0), last)


def go(to: int) -> None:
    ss.present_step = max(0, min(last, to))


def notes() -> None:
    ss.present_notes_shown = not ss.get("present_notes_shown", False)


slide = slides[step]
svg = meeting.screen_svg(*view, slide.chart, portfolio) if slide.chart else None
st.html(slide_html(slide, svg, ss.get("present_notes_shown", False)))
nav = st.columns([1, 1, 1, 1, 2, 2, 2], vertical_alignment="center")
nav[0].button(_("First slide"), key="present_first", on_click=go, args=(0,), disabled=step == 0,
              icon=":material/first_page:")  # fmt: skip
nav[1].button(_("◀ Previous"), key="present_prev", on_click=go, args=(step - 1,), disabled=step == 0)
nav[2].button(_("Next ▶"), key="present_next", on_click=go, args=(step + 1,), disabled=step == last)
nav[3].button(_("Last slide"), key="present_last", on_click=go, args=(last,), disabled=step == last,
              icon=":material/last_page:")  # fmt: skip
nav[4].markdown(f"**{step + 1} / {len(slides)}**", help=_("Keys: arrows, PageUp/PageDown, space, Home/End"))
nav[5].button(_("Speaker's notes (n)"), key="present_notes", on_click=notes)
if nav[6].button(_("Leave presentation"), key="present_leave"):
    st.switch_page("pages/abc.py")
st.iframe(SCRIPT % json.dumps(KEYS), height=1)  # same-origin: the keys (ui/slides.py)
