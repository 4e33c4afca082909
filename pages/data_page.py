"""Page "Data": the loaded portfolio, the upload, what was recognised."""

import hashlib

import streamlit as st

from portfolio_core import LoadError, build_portfolio, read_table
from ui.state import set_portfolio

ss = st.session_state
st.title("Data")

uploads = st.file_uploader(
    "Upload your export (CSV or Excel): clients with their revenue, or invoices / deals, "
    "and optionally a client list and an activity log",
    type=["csv", "txt", "xlsx"],
    accept_multiple_files=True,
)
if uploads:
    blobs = [(u.name, u.getvalue()) for u in uploads]
    signature = hashlib.sha256(
        b"".join(n.encode() + hashlib.sha256(d).digest() for n, d in blobs)
    ).hexdigest()
    if ss.get("upload_signature") != signature:
        ss.upload_signature = signature
        try:
            with st.spinner("Reading the files…"):
                tables = [read_table(data, name) for name, data in blobs]
                portfolio, report = build_portfolio(tables)
        except LoadError as exc:
            ss.upload_error = str(exc)
        else:
            ss.upload_error = None
            set_portfolio(portfolio, report)
    if ss.get("upload_error"):
        st.error(f"{ss.upload_error}\n\nThe data loaded before is still in place: {ss.portfolio.source}.")

portfolio = ss.portfolio
report = ss.report
counts = portfolio.scope_counts()
set_aside = counts["prospect"] + counts["former"] + counts["partner"]

st.subheader(f"Loaded: {portfolio.source}")
cols = st.columns(4)
cols[0].metric("Clients in the portfolio", f"{counts['active']:,}")
cols[1].metric("Set aside", f"{set_aside:,}", help="Prospects, former clients and partners")
cols[2].metric("Transactions", f"{len(portfolio.transactions):,}")
cols[3].metric("Activities", f"{len(portfolio.activities):,}")
if set_aside:
    st.caption(
        f"Set aside by default: {counts['prospect']} prospects, {counts['former']} former clients, "
        f"{counts['partner']} partners."
    )
include = st.toggle("Include prospects, former clients and partners in the analysis", value=ss.all)
ss.all = include

if report is not None:
    st.subheader("What was recognised")
    for info in report.tables:
        used = ", ".join(f"{role} ← “{col}”" for role, col in info.mapping.items())
        st.markdown(
            f"**{info.name}** read as **{info.role}**: {info.rows_used:,} of {info.rows:,} rows used."
        )
        st.caption(f"Columns: {used}" + (f" · dates read as {info.date_format}" if info.date_format else ""))
    if report.rejected_count:
        st.warning(f"{report.rejected_count:,} rows could not be used (listed below, and downloadable).")
        st.dataframe(report.rejected, hide_index=True, width="stretch", height=220)
        st.download_button(
            "Download the validation report (CSV)",
            report.rejected.to_csv(index=False).encode("utf-8"),
            file_name="validation_report.csv",
            mime="text/csv",
        )
else:
    st.info("This is the built-in demo portfolio. Upload your own export above to analyse it.")

st.subheader("Preview")
tab_t, tab_c, tab_a = st.tabs(["Transactions", "Clients", "Activities"])
tab_t.dataframe(portfolio.transactions.head(200), hide_index=True, width="stretch")
tab_c.dataframe(portfolio.clients.head(200), width="stretch")
if len(portfolio.activities):
    tab_a.dataframe(portfolio.activities.head(200), hide_index=True, width="stretch")
else:
    tab_a.info(
        "No activity log loaded: upload one (client, date, type, hours) to see who takes the team's time."
    )
