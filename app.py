"""Client Portfolio Analyzer: the frame (page config, shared state, navigation, sidebar)."""

import logging
import os

import streamlit as st

from ui.auth import may_enter, require_sign_in
from ui.frame import frame
from ui.i18n import currency_picker, init_language, language_picker, tr
from ui.sidebar import analysis_controls
from ui.state import init_state, write_url
from ui.uploads import demo_banner

st.set_page_config(page_title="Client Portfolio Analyzer", page_icon="📊", layout="wide")
init_language()
language_picker()  # a switch takes effect in its callback: the menu below is built in the new language
_ = tr()

# Each page file is named after its URL path (pages/abc.py is /abc), so Streamlit's old pages/
# folder mode, which serves the first request after a server start, and st.navigation agree.
PAGES = [
    st.Page("pages/data.py", title=_("Data"), icon=":material/upload_file:", default=True),
    st.Page("pages/abc.py", title=_("ABC analysis"), icon=":material/bar_chart:"),
    st.Page("pages/effort.py", title=_("Effort vs revenue"), icon=":material/schedule:"),
    st.Page("pages/kpis.py", title=_("KPIs"), icon=":material/monitoring:"),
    st.Page("pages/health.py", title=_("Health"), icon=":material/ecg_heart:"),
    st.Page("pages/segments.py", title=_("Segments"), icon=":material/pie_chart:"),
    st.Page("pages/managers.py", title=_("Account managers"), icon=":material/groups:"),
    st.Page("pages/clients.py", title=_("Clients"), icon=":material/person_search:"),
    st.Page("pages/saved.py", title=_("Saved analyses"), icon=":material/bookmarks:"),
    st.Page("pages/export.py", title=_("Export"), icon=":material/download:"),
    st.Page("pages/present.py", title=_("Presentation"), icon=":material/slideshow:"),
]
# Pages that work on the whole analysis get the shared sidebar controls.
WITHOUT_CONTROLS = ("", "present", "saved")  # "" is the default page, Data
# st.navigation comes before the sign-in, on every run: it also ends Streamlit's old pages/ folder
# mode (see ui/frame.py), and a stranger's menu is hidden.
page = st.navigation(PAGES, position="sidebar" if may_enter() else "hidden")
require_sign_in()
init_state()
currency_picker()
if page.url_path not in WITHOUT_CONTROLS:
    analysis_controls()
write_url()
banner = st.container()  # the demo banner, at the top of every page
DATA_PAGE = ""  # the default page's url path
if page.url_path != DATA_PAGE:  # before the page: one that stops early (st.stop) still has it
    with banner:
        demo_banner()  # on every page while the demo is shown, with the user's last upload one click away
try:
    with frame():
        page.run()
except Exception:  # st.stop / st.rerun are BaseExceptions and pass through
    if os.environ.get("PORTFOLIO_DEBUG"):  # tests see the real exception
        raise
    logging.getLogger("portfolio").exception("page %r failed", page.url_path)
    st.error(
        _(
            "Something went wrong on this page. Your data and settings are unchanged: try another setting, "
            "another page, or reload. The details are in the server log."
        )
    )
finally:
    if page.url_path == DATA_PAGE:  # after it: an upload there ends the demo in this very run
        with banner:
            demo_banner()
