"""Client Portfolio Analyzer: the frame (page config, shared state, navigation, sidebar)."""

import streamlit as st

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
]
page = st.navigation(PAGES)
ss = st.session_state


def _a_moved() -> None:
    if ss.w_b <= ss.w_a:
        ss.w_b = min(100, ss.w_a + 1)


def _b_moved() -> None:
    if ss.w_b <= ss.w_a:
        ss.w_a = max(1, ss.w_b - 1)


def analysis_controls() -> None:
    """Cut-off sliders and ranking options, shared by every analysis page."""
    for widget, name in (("w_a", "a"), ("w_b", "b"), ("w_rule", "rule"), ("w_by", "by")):
        if widget not in ss:
            ss[widget] = ss[name]
    with st.sidebar:
        st.subheader("Classes")
        st.slider(
            "A cut-off (%)",
            1,
            99,
            key="w_a",
            on_change=_a_moved,
            help="Clients that make the first A % of revenue are class A.",
        )
        st.slider(
            "B cut-off (%)",
            2,
            100,
            key="w_b",
            on_change=_b_moved,
            help="The next clients, up to B % of revenue, are class B; the rest are C.",
        )
        measures = ["revenue", "margin"] if ss.portfolio.has("margin") else ["revenue"]
        if ss.w_by not in measures:
            ss.w_by = "revenue"
        st.selectbox("Rank clients by", measures, key="w_by", format_func=str.capitalize)
        st.radio(
            "ABC rule",
            ["before", "spreadsheet"],
            key="w_rule",
            format_func={
                "before": "Share before the client (recommended)",
                "spreadsheet": "Spreadsheet convention (cumulative share including the client)",
            }.get,
            help="Recommended: a client is A when the clients above it make less than A % of "
            "revenue, so the top client is always A and equal clients share a class. The "
            "spreadsheet convention matches old Excel sheets.",
        )
    ss.a, ss.b, ss.rule, ss.by = ss.w_a, ss.w_b, ss.w_rule, ss.w_by


if page.title != "Data":
    analysis_controls()
write_url()
page.run()
