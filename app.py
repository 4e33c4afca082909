"""Client Portfolio Analyzer: the frame (page config, shared state, navigation, sidebar)."""

import logging
import os

import streamlit as st

from ui.auth import require_sign_in
from ui.i18n import init_language, language_picker, tr
from ui.sidebar import analysis_controls
from ui.state import init_state, write_url

st.set_page_config(page_title="Client Portfolio Analyzer", page_icon="📊", layout="wide")
init_language()
require_sign_in()
init_state()
_ = tr()

# Page files end in "_page.py" and their url_path drops that suffix: a page's hash must never
# equal the one Streamlit's old pages/ folder mode gives the file, or a first visit to a deep
# link (and AppTest) would run the page file without this frame.
PAGES = [
    st.Page(
        "pages/data_page.py", title=_("Data"), icon=":material/upload_file:", url_path="data", default=True
    ),
    st.Page("pages/abc_page.py", title=_("ABC analysis"), icon=":material/bar_chart:", url_path="abc"),
    st.Page(
        "pages/effort_page.py", title=_("Effort vs revenue"), icon=":material/schedule:", url_path="effort"
    ),
    st.Page("pages/kpis_page.py", title=_("KPIs"), icon=":material/monitoring:", url_path="kpis"),
    st.Page("pages/segments_page.py", title=_("Segments"), icon=":material/pie_chart:", url_path="segments"),
    st.Page(
        "pages/managers_page.py", title=_("Account managers"), icon=":material/groups:", url_path="managers"
    ),
    st.Page("pages/clients_page.py", title=_("Clients"), icon=":material/person_search:", url_path="clients"),
    st.Page("pages/saved_page.py", title=_("Saved analyses"), icon=":material/bookmarks:", url_path="saved"),
    st.Page("pages/export_page.py", title=_("Export"), icon=":material/download:", url_path="export"),
    st.Page(
        "pages/present_page.py", title=_("Presentation"), icon=":material/slideshow:", url_path="present"
    ),
]
# Pages that work on the whole analysis get the shared sidebar controls.
WITHOUT_CONTROLS = ("", "present", "saved")  # "" is the default page, Data
page = st.navigation(PAGES)
language_picker()
if page.url_path not in WITHOUT_CONTROLS:
    analysis_controls()
write_url()
try:
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
