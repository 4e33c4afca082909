"""Keys for caches whose arguments are tables: a table's whole content, never a sample."""

from __future__ import annotations

import pandas as pd


def content(data: pd.DataFrame | pd.Series) -> bytes:
    """A table's headers, types, index and every value as bytes, for ``st.cache_*``'s ``hash_funcs``
    (Streamlit's own hash samples tables of 50,000 rows and more: two such tables that differ in a
    few rows would share a cache entry)."""
    frame = data.to_frame() if isinstance(data, pd.Series) else data
    header = repr((list(frame.columns), list(frame.dtypes.astype(str)), frame.index.names)).encode()
    return header + pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()
