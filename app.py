"""Client Portfolio Analyzer: the frame (page config, shared state, navigation, sidebar)."""

import streamlit as st

from ui.sidebar import analysis_controls
from ui.state import init_state, write_url

st.set_page_config(page_title="Client Portfolio Analyzer", page_icon="📊", layout="wide")
init_state()

# Page files end in "_page.py" and their url_path drops that suffix: a page's hash must never
# equal the one Streamlit's old pages/ folder mode gives the file, or a first visit to a deep
# link (and AppTest) would run the page file without this frame.
PAGES = [
    st.Page("pages/data_page.py", title="Data", icon=":material/upload_file:", url_path="data", default=True),
    st.Page("pages/abc_page.py", title="ABC analysis", icon=":material/bar_chart:", url_path="abc"),
    st.Page("pages/effort_page.py", title="Effort vs revenue", icon=":material/schedule:", url_path="effort"),
    st.Page("pages/kpis_page.py", title="KPIs", icon=":material/monitoring:", url_path="kpis"),
    st.Page("pages/segments_page.py", title="Segments", icon=":material/pie_chart:", url_path="segments"),
    st.Page(
        "pages/managers_page.py", title="Account managers", icon=":material/groups:", url_path="managers"
    ),
    st.Page("pages/clients_page.py", title="Clients", icon=":material/person_search:", url_path="clients"),
    st.Page("pages/present_page.py", title="Presentation", icon=":material/slideshow:", url_path="present"),
]
page = st.navigation(PAGES)
if page.title not in ("Data", "Presentation", "Saved analyses"):
    analysis_controls()
write_url()
page.run()
