"""Streamlit glue shared by app.py and the pages: session state, URL, cached core calls."""
